"""Where a session's files live on disk, and the one way to remove them.

A session id names folders under the data directory (``audio/<id>``, ``reports/<id>``); an
id that is not a plain id, or a path that resolves outside its folder, is refused before
anything is read or deleted (an imported id of "." once wiped every recording).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .errors import InputError
from .transcript import SESSION_ID_PATTERN

FOLDERS = ("audio", "reports")
_ID = re.compile(SESSION_ID_PATTERN)


def check_id(session_id: str) -> str:
    """The id itself, or a clear refusal that does not echo what was sent."""
    if not isinstance(session_id, str) or not _ID.match(session_id):
        raise InputError(
            "not a session id: ids are 1-64 letters, digits, '-' or '_' "
            "(see `interviewer sessions`)"
        )
    return session_id


def session_folder(data_dir: Path, kind: str, session_id: str) -> Path:
    """``data_dir/kind/session_id``, checked to stay inside ``data_dir/kind``."""
    if kind not in FOLDERS:
        raise ValueError(f"unknown session folder kind {kind!r}")
    base = (Path(data_dir) / kind).resolve()
    # A checked id has no separator and is neither "." nor "..": the folder is a direct
    # child of ``base`` by construction. It is not resolved further, so a symbolic link
    # planted there is seen as a link (and removed as one), never followed.
    folder = base / check_id(session_id)
    if folder.parent != base:
        raise InputError("not a session id: it points outside the data directory")
    return folder


def remove_session_files(data_dir: Path, session_id: str) -> None:
    """Delete a session's recordings and report files, and nothing else."""
    for kind in FOLDERS:
        folder = session_folder(data_dir, kind, session_id)
        if folder.is_symlink():
            folder.unlink()  # a link is removed, never followed
        elif folder.exists():
            shutil.rmtree(folder)

"""Where personas and rubrics are searched: the user's folders first, then the built-in ones.

A folder the user names must exist and hold at least one YAML file: a typo in
``INTERVIEWER_PERSONAS_DIR`` is an error that names it, never a silent empty list.
"""

from __future__ import annotations

import os
from pathlib import Path

from .bundled import directory
from .errors import ConfigError


def yaml_files(folder: Path) -> list[Path]:
    """The data files of a folder, in a stable order."""
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))


def search_path(kind: str, extra: list[Path] | None, configured: str | None) -> list[Path]:
    """Folders for ``kind`` (personas or rubrics), earliest winning: ``extra`` (command-line
    flags), then ``configured`` (``INTERVIEWER_<KIND>_DIR``, os.pathsep-separated), then the
    built-in folder. Each user folder is checked."""
    setting = f"INTERVIEWER_{kind.upper()}_DIR"
    named = [(Path(p), "--" + kind) for p in extra or []]
    named += [(Path(p), setting) for p in (configured or "").split(os.pathsep) if p]
    for folder, origin in named:
        if not folder.is_dir():
            what = "is not a folder" if folder.exists() else "does not exist"
            raise ConfigError(f"the {kind} folder given by {origin} {what}", path=str(folder))
        if not yaml_files(folder):
            raise ConfigError(
                f"the {kind} folder given by {origin} holds no {kind[:-1]} file (*.yaml)",
                path=str(folder),
            )
    return [folder for folder, _ in named] + [directory(kind)]

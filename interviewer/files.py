"""Files a user gives (audio answers, CV and job-offer uploads): read with messages that
name the file, never the server's folders."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError


def size_of(path: Path, cannot_read: str) -> int:
    """The size of ``path`` in bytes; ``cannot_read`` (with ``{name}`` and ``{reason}``) says
    why not, e.g. an upload that did not arrive."""
    try:
        return path.stat().st_size
    except OSError as e:
        raise InputError(cannot_read.format(name=path.name, reason=e.strerror)) from e

"""CV and job-offer uploads (.txt, .md, .pdf) as text, with a clear message for anything
that cannot be read."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..files import size_of

MAX_UPLOAD_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".md"}


def read_upload(path: str | Path | None, what: str) -> str:
    if not path:
        return ""
    path = Path(path)
    name = path.name
    size = size_of(path, f"the {what} upload {{name}} did not arrive ({{reason}})")
    if size > MAX_UPLOAD_BYTES:
        raise InputError(f"the {what} {name} is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _pdf_text(path, what)
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"the {what} {name}: upload a .txt, .md or .pdf file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"the {what} {name} is not UTF-8 text; save it as UTF-8") from e


def _pdf_text(path: Path, what: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    try:
        text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    except LimitReachedError as e:  # a stream that inflates past pypdf's limits
        raise InputError(
            f"the {what} {path.name} holds a stream too large to read; export it again, or "
            "paste the text instead"
        ) from e
    except (PdfReadError, ValueError, OSError) as e:
        raise InputError(f"the {what} {path.name} is not a readable PDF ({e})") from e
    if not text.strip():
        raise InputError(
            f"the {what} {path.name} has no text layer (a scanned PDF?); paste the text instead"
        )
    return text

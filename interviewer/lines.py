"""What the interviewer says in stock phrases, per language, as data.

``data/lines/<language>.yaml`` holds each line ("Let's move on."), a list of lines said in
turn ("I see.", "Okay."), or a list of pushes each with the question it follows (``when``);
a persona's ``language`` picks the file. Every language has the same names as English, so a
translation is a copy of ``en.yaml`` with other words.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import RootModel

from .errors import ConfigError
from .yamlfile import load_model


class LineFile(RootModel[dict[str, str | list[str] | list[dict[str, str]]]]):
    pass


def lines_file(language: str) -> Path:
    return Path(str(resources.files("interviewer").joinpath(f"data/lines/{language}.yaml")))


@cache
def lines(language: str) -> dict[str, str | tuple]:
    """All the lines of one language (lists as tuples: never changed by a caller)."""
    path = lines_file(language)
    if not path.exists():
        raise ConfigError(f"no interviewer lines for language {language!r}", path=str(path))
    loaded = load_model(path, LineFile).root
    return {k: tuple(v) if isinstance(v, list) else v for k, v in loaded.items()}


def line(language: str, name: str) -> str | tuple:
    found = lines(language)
    try:
        return found[name]
    except KeyError:
        raise ConfigError(
            f"no line {name!r} for language {language!r}", path=str(lines_file(language))
        ) from None

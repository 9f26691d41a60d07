"""The phrases the interviewer and the grader recognise, as data.

Each module's patterns live in ``data/phrases/<module path>.yaml``: a name, why it exists
(usually the rated turn that added it) and its alternatives, any of which matches; an
alternative may reuse another entry of the file as ``${name}``. A new way of saying "can we
stop here?" is a line in a YAML file, not a code change. Files are read and compiled on
first use, never at import.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, RootModel

from .errors import ConfigError
from .yamlfile import load_model

_FLAGS = {"multiline": re.M, "dotall": re.S}


class Phrase(BaseModel):
    """One pattern: ``any`` of its alternatives (regular expressions) matches."""

    model_config = ConfigDict(extra="forbid")

    why: str = ""
    any: list[str] = Field(min_length=1)
    ignore_case: bool = True
    flags: list[str] = Field(default_factory=list, description="multiline, dotall")

    def flag_bits(self) -> int:
        flags = re.I if self.ignore_case else 0
        for name in self.flags:
            flags |= _FLAGS[name]
        return flags


_REFERENCE = re.compile(r"\$\{(\w+)\}")


class PhraseFile(RootModel[dict[str, Phrase]]):
    pass


def phrase_file(module: str) -> Path:
    """``data/phrases/engine.yaml`` for ``engine``, ``.../grading/grader.yaml`` for
    ``grading/grader``."""
    return Path(str(resources.files("interviewer").joinpath(f"data/phrases/{module}.yaml")))


@cache
def compiled(module: str) -> dict[str, re.Pattern]:
    """Every pattern of one module's file, compiled; a bad one names its file and field."""
    path = phrase_file(module)
    entries = load_model(path, PhraseFile).root

    def alternatives(name: str, seen: tuple[str, ...]) -> list[str]:
        """The entry's alternatives with each ``${other}`` replaced by that entry's."""

        def inline(match: re.Match) -> str:
            other = match.group(1)
            if other not in entries or other in seen or other == name:
                problem = "refers to itself" if other in (*seen, name) else "names no entry"
                raise ConfigError(f"${{{other}}} {problem}", path=str(path), field=name)
            inner = alternatives(other, (*seen, name))
            return inner[0] if len(inner) == 1 else f"(?:{'|'.join(inner)})"

        return [_REFERENCE.sub(inline, a) for a in entries[name].any]

    patterns = {}
    for name, entry in entries.items():
        unknown = set(entry.flags) - set(_FLAGS)
        if unknown:
            raise ConfigError(f"unknown flags {sorted(unknown)}", path=str(path), field=name)
        try:
            patterns[name] = re.compile("|".join(alternatives(name, ())), entry.flag_bits())
        except re.error as e:
            raise ConfigError(f"invalid regular expression: {e}", path=str(path), field=name) from e
    return patterns


class Phrases:
    """One module's patterns by name (``P.wants_to_stop.search(text)``), loaded on first
    use."""

    def __init__(self, module: str):
        self._module = module

    def __getattr__(self, name: str) -> re.Pattern:
        if name.startswith("__"):
            raise AttributeError(name)
        patterns = compiled(self._module)
        try:
            return patterns[name]
        except KeyError:
            raise AttributeError(f"no phrase {name!r} in {phrase_file(self._module)}") from None

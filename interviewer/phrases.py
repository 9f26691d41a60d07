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

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from .errors import ConfigError
from .yamlfile import load_model

_FLAGS = {"multiline": re.M, "dotall": re.S}


class Phrase(BaseModel):
    """One pattern: ``any`` of its alternatives (regular expressions) matches. With
    ``words``, an alternative matches only as whole words ("ci" not inside "precision").
    A group holds patterns by the label a report shows when one matches (``labelled``)."""

    model_config = ConfigDict(extra="forbid")

    why: str = ""
    any: list[str] = Field(default_factory=list)
    words: bool = False
    ignore_case: bool = Field(
        default=True,
        description="false for lists searched in lower-cased text (twice as fast)",
    )
    flags: list[str] = Field(default_factory=list, description="multiline, dotall")
    labelled: dict[str, Phrase] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_kind(self) -> Phrase:
        if bool(self.any) == bool(self.labelled):
            raise ValueError(
                "give 'any' (the alternatives) or 'labelled' (patterns by label), one of them"
            )
        if any(p.labelled for p in self.labelled.values()):
            raise ValueError("a labelled pattern holds alternatives, not another group")
        return self

    def flag_bits(self) -> int:
        flags = re.I if self.ignore_case else 0
        for name in self.flags:
            flags |= _FLAGS[name]
        return flags

    def source(self, alternatives: list[str]) -> str:
        joined = "|".join(alternatives)
        return rf"(?<!\w)({joined})(?!\w)" if self.words else joined


_REFERENCE = re.compile(r"\$\{(\w+)\}")


class PhraseFile(RootModel[dict[str, Phrase]]):
    pass


def phrase_file(module: str) -> Path:
    """``data/phrases/engine.yaml`` for ``engine``, ``.../grading/grader.yaml`` for
    ``grading/grader``."""
    return Path(str(resources.files("interviewer").joinpath(f"data/phrases/{module}.yaml")))


@cache
def compiled(module: str) -> dict[str, re.Pattern | dict[str, re.Pattern]]:
    """Every pattern of one module's file, compiled (a group as a dict by label); a bad one
    names its file and field."""
    path = phrase_file(module)
    entries = load_model(path, PhraseFile).root
    single = {name: e for name, e in entries.items() if not e.labelled}

    def alternatives(name: str, entry: Phrase, seen: tuple[str, ...]) -> list[str]:
        """The entry's alternatives with each ``${other}`` replaced by that entry's."""

        def inline(match: re.Match) -> str:
            other = match.group(1)
            if other not in single or other in seen or other == name:
                problem = "refers to itself" if other in (*seen, name) else "names no entry"
                raise ConfigError(f"${{{other}}} {problem}", path=str(path), field=name)
            inner = alternatives(other, single[other], (*seen, name))
            return inner[0] if len(inner) == 1 else f"(?:{'|'.join(inner)})"

        return [_REFERENCE.sub(inline, a) for a in entry.any]

    def compile_one(field: str, name: str, entry: Phrase) -> re.Pattern:
        unknown = set(entry.flags) - set(_FLAGS)
        if unknown:
            raise ConfigError(f"unknown flags {sorted(unknown)}", path=str(path), field=field)
        try:
            return re.compile(entry.source(alternatives(name, entry, ())), entry.flag_bits())
        except re.error as e:
            raise ConfigError(
                f"invalid regular expression: {e}", path=str(path), field=field
            ) from e

    patterns: dict[str, re.Pattern | dict[str, re.Pattern]] = {}
    for name, entry in entries.items():
        if entry.labelled:
            patterns[name] = {
                label: compile_one(f"{name}.labelled.{label}", name, phrase)
                for label, phrase in entry.labelled.items()
            }
        else:
            patterns[name] = compile_one(name, name, entry)
    return patterns


class Phrases:
    """One module's patterns by name (``P.wants_to_stop.search(text)``), loaded on first
    use."""

    def __init__(self, module: str):
        self._module = module

    def __getattr__(self, name: str) -> re.Pattern | dict[str, re.Pattern]:
        if name.startswith("__"):
            raise AttributeError(name)
        patterns = compiled(self._module)
        try:
            return patterns[name]
        except KeyError:
            raise AttributeError(f"no phrase {name!r} in {phrase_file(self._module)}") from None

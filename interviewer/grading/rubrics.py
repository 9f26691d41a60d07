"""Rubrics: one YAML file per criterion, validated by pydantic.

A criterion has five behaviourally anchored levels and a list of deterministic signals
(computed in :mod:`interviewer.grading.signals`) with weights and advice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..datadirs import search_path, yaml_files
from ..errors import ConfigError
from ..yamlfile import load_model
from .signals import SIGNALS

Mode = Literal["interview", "pitch"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SignalRef(_Strict):
    """A deterministic signal used by a criterion, its weight, and the advice it triggers."""

    id: str
    weight: float = Field(default=1.0, gt=0)
    advice: str = Field(min_length=10, description="Said when this signal scores low.")

    @field_validator("id")
    @classmethod
    def _known_signal(cls, value: str) -> str:
        if value not in SIGNALS:
            raise ValueError(f"unknown signal '{value}' (known: {', '.join(sorted(SIGNALS))})")
        return value


class AppliesTo(_Strict):
    personas: list[str] = Field(default_factory=lambda: ["*"], description="Persona ids or '*'.")
    modes: list[Mode] = Field(default_factory=lambda: ["interview", "pitch"])


class Rubric(_Strict):
    """One criterion: what it measures, its anchored levels, and how it is computed."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str
    description: str
    weight: float = Field(default=1.0, gt=0)
    levels: dict[Literal[1, 2, 3, 4, 5], str] = Field(
        description="Five behaviourally anchored levels: each a concrete observable behaviour."
    )
    applies_to: AppliesTo = Field(default_factory=AppliesTo)
    signals: list[SignalRef] = Field(min_length=1)

    @field_validator("levels")
    @classmethod
    def _five_levels(cls, value: dict) -> dict:
        if sorted(value) != [1, 2, 3, 4, 5]:
            raise ValueError("needs exactly the levels 1, 2, 3, 4 and 5")
        return value

    def applies(self, persona_id: str | None, mode: Mode) -> bool:
        """Used for this persona and mode; with no persona (a transcript from elsewhere)
        every rubric of the mode applies."""
        personas = self.applies_to.personas
        return mode in self.applies_to.modes and (
            persona_id is None or "*" in personas or persona_id in personas
        )

    def anchor(self, score: float) -> str:
        return self.levels[min(5, max(1, round(score)))]  # type: ignore[index]


def builtin_rubrics_dir() -> Path:
    """The built-in rubrics (``rubrics/`` in the repository, shipped inside the package)."""
    from ..bundled import directory

    return directory("rubrics")


def rubric_dirs(extra: list[Path] | None = None, configured: str | None = None) -> list[Path]:
    """User rubric folders (checked), then the built-in one; earlier ones win by id."""
    return search_path("rubrics", extra, configured)


def load_rubrics(dirs: list[Path] | None = None) -> list[Rubric]:
    """Every rubric, earlier directories overriding later ones by id. Broken files raise."""
    found: dict[str, Path] = {}
    for directory in dirs or [builtin_rubrics_dir()]:
        if directory.is_dir():
            for path in yaml_files(directory):
                found.setdefault(path.stem, path)
    if not found:
        raise ConfigError("no rubric files found", path=str((dirs or [builtin_rubrics_dir()])[0]))
    return [load_model(path, Rubric, defaults={"id": path.stem}) for path in found.values()]


def select(rubrics: list[Rubric], persona_id: str | None, mode: Mode) -> list[Rubric]:
    return [r for r in rubrics if r.applies(persona_id, mode)]

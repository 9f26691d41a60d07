"""Wrong claims a candidate may state with confidence, from ``data/misconceptions.yaml``.

The interviewer's most frequent miss in five rated rounds was a wrong technical answer
accepted with "Okay". The embedded model cannot judge correctness; a list of claims that are
wrong whatever the context can: the interviewer challenges one once, and the grader marks it
as a technical error. A claim that negates itself ("KL is not symmetric") is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError
from .phrases import Phrases
from .text import RegexText, sentences

_P = Phrases("misconceptions")


class Misconception(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=3)
    wrong: RegexText = Field(min_length=3, description="Regex of the wrong claim, in one sentence.")
    challenge: str = Field(min_length=10)
    fact: str | None = Field(
        default=None,
        min_length=10,
        description="What is true, said when the candidate keeps the claim after the challenge.",
    )
    about: RegexText | None = Field(
        default=None,
        description="Regex of what the claim must be about, searched in the question and the "
        'claim\'s sentence ("it only works for continuous actions" is wrong of Rainbow, not of '
        "DDPG).",
    )
    negative: bool = Field(
        default=False,
        description="True when the wrong claim is itself a negation (\"boosting can't "
        'overfit"): its words are not read as the candidate negating it.',
    )
    graded: bool = Field(
        default=True,
        description="False for a claim worth a question but not wrong in itself (a near-"
        "perfect score): the interviewer asks, the grader does not mark it down.",
    )

    @field_validator("challenge")
    @classmethod
    def _asks(cls, value: str) -> str:
        if "?" not in value:
            raise ValueError("a challenge is a question")
        return value


class Stated(BaseModel):
    """A misconception found in an answer, with the sentence that states it."""

    misconception: Misconception
    sentence: str


@lru_cache(maxsize=1)
def misconceptions() -> tuple[tuple[Misconception, re.Pattern], ...]:
    path = resources.files("interviewer").joinpath("data/misconceptions.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        items = [Misconception.model_validate(item) for item in raw["misconceptions"]]
    except (ValidationError, KeyError, TypeError, yaml.YAMLError) as e:
        raise ConfigError(f"invalid misconceptions file: {e}", path=str(path)) from e
    return tuple((m, re.compile(m.wrong, re.I)) for m in items)


@lru_cache(maxsize=4096)
def stated(answer: str, question: str = "") -> tuple[Stated, ...]:
    """The misconceptions ``answer`` (to ``question``) states, each once, in the order of
    the list."""
    found: list[Stated] = []
    for sentence in sentences(answer):
        for item, pattern in misconceptions():
            context = f"{question}\n{sentence}"
            if item.about is not None and not re.search(item.about, context, re.I):
                continue
            match = pattern.search(sentence)
            # "KL is not symmetric" negates the claim itself; "..., so the order does not
            # matter" elsewhere in the sentence does not.
            if (
                match is None
                or (
                    not item.negative
                    and (
                        _P.negated.search(match.group(0))
                        # "PR-AUC, never accuracy, since anomalies are rare" (round 22: challenged
                        # as if accuracy had been proposed).
                        or _P.negated_before.search(
                            sentence[max(0, match.start() - 25) : match.start()]
                        )
                    )
                )
            ):
                continue
            if all(s.misconception is not item for s in found):
                found.append(Stated(misconception=item, sentence=sentence))
    return tuple(found)

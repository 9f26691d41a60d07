"""What every signal shares: the answer it reads, the context, its result, the registry and
the phrase helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...speech import SpeechTargets
from ...text import sentences


@dataclass(frozen=True)
class Bluff:
    """A concept the candidate leaned on, then said they cannot explain (the bluff that
    cost the seed's candidate an offer): both quotes, for the report and the flag."""

    concept: str
    stressed_seq: int
    stressed_quote: str
    admitted_seq: int
    admitted_quote: str


@dataclass(frozen=True)
class AnswerUnit:
    """One candidate answer with the question it answers."""

    seq: int
    question: str
    answer: str
    kind: str = "open"  # planned-question kind, or inferred from the question text
    stage_kind: str = "questions"
    duration_s: float = 0.0
    planned_minutes: float | None = None
    wpm: float | None = None  # spoken answers only
    spoken_fillers_per_100: float | None = None
    asked: str = ""  # the interviewer's whole turn, for the report; ``question`` is its question


@dataclass
class GradingContext:
    track: str | None = None
    team_topics: list[str] = field(default_factory=list)
    # The speech targets the recording was judged against (INTERVIEWER_TARGET_WPM_*): one
    # definition, SpeechTargets, for the live verdicts and the pace score.
    targets: SpeechTargets = field(default_factory=SpeechTargets)
    bluffs: list[Bluff] | None = None  # found across answers before scoring (None: not yet)


@dataclass
class SignalResult:
    score: float
    explanation: str
    evidence: list[str] = field(default_factory=list)
    #: Advice for this answer in place of the rubric's general one (what is true, after a
    #: wrong claim).
    advice: str | None = None


Signal = Callable[[AnswerUnit, GradingContext], "SignalResult | None"]
SIGNALS: dict[str, Signal] = {}


def signal(name: str):
    def register(fn: Signal) -> Signal:
        SIGNALS[name] = fn
        return fn

    return register


def _count(n: int, noun: str) -> str:
    """ "1 sentence", "3 sentences": a report reads as written by a person."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _clamp(x: float) -> float:
    return round(min(5.0, max(1.0, x)), 2)


def _hits(pattern: re.Pattern, text: str) -> list[str]:
    """Sentences of ``text`` in which ``pattern`` occurs (evidence quotes)."""
    if not pattern.flags & re.IGNORECASE:  # a list searched in lower-cased text
        return [s for s in sentences(text) if pattern.search(s.lower())]
    return [s for s in sentences(text) if pattern.search(s)]


QA_KINDS = {"open", "behavioural", "case", "pitch"}
THEORY_KINDS = {"technical", "probe", "coding"}
TECHNICAL_KINDS = {"open", "technical", "case", "probe", "coding", "pitch"}

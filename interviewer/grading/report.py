"""The feedback report: typed, serialised as JSON with a published schema."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..speech import SpeechMetrics
from ..transcript import UtcDatetime, utcnow

SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SignalScore(_Model):
    id: str
    score: float = Field(ge=1, le=5)
    explanation: str
    evidence: list[str] = Field(default_factory=list)
    answers: int = Field(ge=1, description="How many answers the signal applied to.")


class JudgeVerdict(_Model):
    model: str
    reason: str
    score: int = Field(ge=1, le=5)
    evidence: list[str]


class CriterionResult(_Model):
    id: str
    title: str
    weight: float
    score: float | None = Field(ge=1, le=5, description="1-5; None when nothing to assess.")
    level: str | None = Field(description="The anchored level the score rounds to.")
    evidence: list[str] = Field(description="Verbatim quotes from the candidate's turns.")
    sources: list[str] = Field(description="'deterministic', 'llm:<model>', 'fallback: ...'.")
    signals: list[SignalScore] = Field(default_factory=list)
    judge: JudgeVerdict | None = None


class AnswerFeedback(_Model):
    seq: int
    question: str
    answer: str
    worked: list[str]
    improve: list[str]
    stronger_answer: str | None = None
    speech: SpeechMetrics | None = Field(default=None, description="When the answer was spoken.")


class Report(_Model):
    """What the candidate keeps: scores with evidence, feedback per answer, top actions."""

    schema_version: Literal[1] = SCHEMA_VERSION
    session_id: str | None = None
    persona_id: str | None = None
    persona_name: str | None = Field(default=None, description="As Setup and History show it.")
    mode: Literal["interview", "pitch"] = "interview"
    graded_at: UtcDatetime = Field(default_factory=utcnow)
    overall: float | None = Field(ge=1, le=5, description="Weighted mean of the criteria, 1-5.")
    criteria: list[CriterionResult]
    answers: list[AnswerFeedback]
    actions: list[str] = Field(max_length=3, description="The top three things to work on.")
    flags: list[str] = Field(default_factory=list)
    speech: SpeechMetrics | None = Field(default=None, description="Spoken interviews only.")

    def criterion(self, criterion_id: str) -> CriterionResult:
        return next(c for c in self.criteria if c.id == criterion_id)

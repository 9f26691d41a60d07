"""Typed conversation objects: Turn, Transcript, Session, CandidateProfile.

Hidden interviewer notes are a field of the turn, never a delimiter inside the
visible text, so nothing that renders ``text`` can leak them.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .speech import SpeechMetrics

Speaker = Literal["interviewer", "candidate"]
TurnKind = Literal[
    "opening",  # greeting plus the first planned question
    "question",  # a planned question from the persona
    "follow_up",  # a question about what the candidate just said
    "reask",  # the candidate gave no answer: ask again
    "reply",  # the interviewer answers a candidate's question
    "close",  # the closing words
    "answer",  # anything the candidate says
]
TurnSource = Literal["model", "fallback", "plan", "candidate"]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _as_utc(value: datetime) -> datetime:
    """Databases without time zones (SQLite) return naive datetimes: they are UTC."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


UtcDatetime = Annotated[datetime, AfterValidator(_as_utc)]


class Turn(BaseModel):
    """One utterance. ``notes`` are the interviewer's hidden notes for the grader."""

    model_config = ConfigDict(extra="forbid")

    seq: int = Field(ge=0)
    speaker: Speaker
    text: str
    kind: TurnKind
    stage_id: str
    stage_index: int = Field(ge=0)
    question_index: int = Field(ge=0, description="Planned question this turn belongs to.")
    elapsed_s: float = Field(ge=0, description="Interview clock when the turn ended.")
    duration_s: float = Field(
        default=0.0, ge=0, description="Speaking time, measured or estimated."
    )
    created_at: UtcDatetime = Field(default_factory=utcnow)
    source: TurnSource
    topic: str | None = Field(default=None, description="What a follow-up probes.")
    notes: list[str] = Field(default_factory=list, description="Hidden: never shown or spoken.")
    rejected: list[str] = Field(
        default_factory=list, description="Why model outputs were rejected before this turn."
    )
    speech: SpeechMetrics | None = Field(default=None, description="When the answer was spoken.")
    audio_path: str | None = Field(default=None, description="Recording or synthesized audio.")

    @property
    def is_question(self) -> bool:
        return self.speaker == "interviewer" and self.kind in {
            "opening",
            "question",
            "follow_up",
            "reask",
        }


class Transcript(BaseModel):
    """The turns of one interview, in order."""

    model_config = ConfigDict(extra="forbid")

    turns: list[Turn] = Field(default_factory=list)

    @model_validator(mode="after")
    def _in_order(self) -> Transcript:
        """Turns numbered 0, 1, 2... as stored (an imported file with a repeated ``seq``
        would otherwise fail deep in the database)."""
        for i, turn in enumerate(self.turns):
            if turn.seq != i:
                raise ValueError(f"turn {i} has seq {turn.seq}; turns must be numbered 0, 1, 2...")
        return self

    def interviewer_turns(self) -> list[Turn]:
        return [t for t in self.turns if t.speaker == "interviewer"]

    def candidate_turns(self) -> list[Turn]:
        return [t for t in self.turns if t.speaker == "candidate"]

    def last(self, speaker: Speaker | None = None) -> Turn | None:
        for turn in reversed(self.turns):
            if speaker is None or turn.speaker == speaker:
                return turn
        return None


class CandidateProfile(BaseModel):
    """What the interviewer knows about the candidate: CV and job offer, and what was
    extracted from them (project names, role, track)."""

    model_config = ConfigDict(extra="forbid")

    cv_text: str = ""
    job_text: str = ""
    projects: list[str] = Field(default_factory=list)
    role: str | None = None
    company: str | None = None
    track: Literal["research", "engineering", "hybrid"] | None = None
    terms: list[str] = Field(default_factory=list, description="Technical terms from the CV.")


SessionStatus = Literal["active", "finished"]


#: What a session id may be, checked wherever one comes in (an import, the CLI, the web):
#: ids name folders on disk, so ".", "../x", "/tmp/x" or an empty id must never pass.
SESSION_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"


def new_session_id() -> str:
    return uuid.uuid4().hex[:12]


class Session(BaseModel):
    """A whole interview: persona, profile, turns and where it stands."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=new_session_id, pattern=SESSION_ID_PATTERN)
    persona_id: str
    persona_name: str = ""
    created_at: UtcDatetime = Field(default_factory=utcnow)
    status: SessionStatus = "active"
    model: str = Field(default="", description="Which LLM drove the interviewer.")
    owner: str | None = Field(
        default=None, description="The signed-in user of a shared app; None on a local install."
    )
    profile: CandidateProfile = Field(default_factory=CandidateProfile)
    transcript: Transcript = Field(default_factory=Transcript)

    @property
    def finished(self) -> bool:
        return self.status == "finished"

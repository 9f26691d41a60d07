"""Past sessions for a candidate who comes back: their scores over time, per interviewer,
and the answers most worth practising again. The web's History screen and the CLI's
``history`` command both read it from here."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pydantic import BaseModel, Field

from .grading.grader import grade_answer_criteria, grade_session
from .grading.report import Report
from .grading.rubrics import Rubric
from .personas import Persona
from .speech import SpeechTargets
from .store import Store
from .transcript import Session

# Signals inside a criterion that deserve practice on their own: an answer can score well
# on positioning as a whole and still never choose, or talk around a concept.
PRACTISED_SIGNALS = {"decisiveness": "decisiveness", "honesty": "bluffing (honesty)"}
_SIGNAL_NAMES = frozenset(PRACTISED_SIGNALS.values())


class HistoryRow(BaseModel):
    session_id: str
    when: datetime
    persona: str = Field(description="The interviewer's name as Setup shows it.")
    persona_id: str
    mode: str
    status: str
    answers: int
    overall: float | None
    scores: dict[str, float]

    @property
    def date(self) -> str:
        """A date a person reads at a glance: "Thu 26 Nov 14:05" (UTC)."""
        return f"{self.when:%a %d %b %H:%M}"

    @property
    def finished(self) -> bool:
        return self.status == "finished"


class WeakAnswer(BaseModel):
    session_id: str
    seq: int
    question: str
    answer: str
    scores: dict[str, float | None]
    mean: float
    weakest: str = Field("", description="The lowest-scored point, e.g. 'decisiveness'.")
    low: float = Field(5.0, description="Its score: what the list is sorted by.")

    @property
    def label(self) -> str:
        """Its weak point first, then the question itself (the full turn shows below)."""
        from .text import core_question

        point = self.weakest.replace("_", " ")
        asked = core_question(self.question)[:80]
        return f"{point} {self.low:.1f}/5 · {asked} ({self.session_id[:8]}, turn {self.seq})"


class Graded:
    """Deterministic reports of stored sessions, cached while a session is unchanged."""

    def __init__(
        self,
        store: Store,
        personas: Mapping[str, Persona],
        rubrics: list[Rubric],
        targets: SpeechTargets | None = None,
    ):
        self.store = store
        self.personas = personas
        self.rubrics = rubrics
        self.targets = targets
        self._cache: dict[tuple[str, int, str], Report] = {}

    def past(self, owner: str | None, limit: int = 50) -> list[tuple[dict, Session, Report]]:
        """Newest first."""
        out = []
        for row in self.store.list_sessions(limit, owner=owner):
            key = (row["id"], row["n_turns"], row["status"])
            session = self.store.load(row["id"])
            report = self._cache.get(key)
            if report is None:
                persona = self.personas.get(session.persona_id)
                report = self._cache[key] = grade_session(
                    session, persona, self.rubrics, targets=self.targets
                )
            out.append((row, session, report))
        return out

    def forget(self, session_id: str) -> None:
        self._cache = {k: v for k, v in self._cache.items() if k[0] != session_id}

    def history(self, owner: str | None = None, limit: int = 50) -> list[HistoryRow]:
        """Past sessions with their scores, oldest first (for the charts)."""
        return [
            HistoryRow(
                session_id=session.id,
                when=row["updated_at"],
                persona=session.persona_name or session.persona_id,
                persona_id=session.persona_id,
                mode=report.mode,
                status=session.status,
                answers=len(session.transcript.candidate_turns()),
                overall=report.overall,
                scores={c.id: c.score for c in report.criteria if c.score is not None},
            )
            for row, session, report in reversed(self.past(owner, limit))
        ]

    def weak_answers(self, owner: str | None = None, limit: int = 10) -> list[WeakAnswer]:
        """The answers with the lowest score on any criterion, or on decisiveness or
        bluffing: the ones most worth practising again."""
        found = []
        for _row, session, report in self.past(owner, 50):
            for a in report.answers:
                criteria = grade_answer_criteria(a.question, a.answer, self.rubrics)
                scores = {c.id: c.score for c in criteria}
                points = {c.id: c.score for c in criteria if c.score is not None}
                for c in criteria:
                    for s in c.signals:
                        if s.id in PRACTISED_SIGNALS:
                            points[PRACTISED_SIGNALS[s.id]] = s.score
                mean = mean_score(scores)
                if mean is None or not points:
                    continue
                # a tie goes to the signal: "decisiveness" says what to do, "positioning" not
                weakest = min(points, key=lambda k: (points[k], k not in _SIGNAL_NAMES))
                found.append(
                    WeakAnswer(
                        session_id=session.id,
                        seq=a.seq,
                        question=a.question,
                        answer=a.answer,
                        scores=scores,
                        mean=mean,
                        weakest=weakest,
                        low=points[weakest],
                    )
                )
        return sorted(found, key=lambda w: (w.low, w.mean))[:limit]


def progress_by_persona(rows: list[HistoryRow]) -> dict[str, list[HistoryRow]]:
    """Finished, graded sessions grouped by interviewer, oldest first: a line per persona
    (an unfinished session or another interviewer's questions would not compare)."""
    out: dict[str, list[HistoryRow]] = {}
    for r in rows:
        if r.finished and r.scores:
            out.setdefault(r.persona, []).append(r)
    return out


def latest_persona(rows: list[HistoryRow]) -> str | None:
    """The interviewer of the most recent finished session: the chart shown first."""
    lines = progress_by_persona(rows)
    latest = max((r for line in lines.values() for r in line), key=lambda r: r.when, default=None)
    return latest.persona if latest else None


def mean_score(scores: dict[str, float | None]) -> float | None:
    values = [v for v in scores.values() if v is not None]
    return round(sum(values) / len(values), 2) if values else None

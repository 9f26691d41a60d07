"""Grade a transcript against rubrics.

Deterministic signals give a complete report on their own; an LLM judge, when given,
adds a second opinion per criterion that is only used with valid verbatim evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..personas import Persona
from ..phrases import Phrases
from ..speech import SpeechTargets, combine
from ..text import core_question
from ..transcript import Session
from .judge import JudgeResult
from .report import AnswerFeedback, CriterionResult, Report, SignalScore
from .rubrics import Mode, Rubric, select
from .signals import (
    SIGNALS,
    AnswerUnit,
    Bluff,
    GradingContext,
    SignalResult,
    find_bluffs,
)

_P = Phrases("grading/grader")
_NOTES = Phrases("notes")  # instructions hidden in an answer

_KIND_PATTERNS = [
    ("logistics", r"\bwhen could you start\b|\bavailab|\bnotice period\b|\bsalary\b"),
    ("pitch", r"\bpresent\b.*\b(fifteen|15) minutes\b|\bpresentation\b"),
    (
        "preference",
        r"\bwhich\b.*\b(interests? you|prefer|would you (choose|pick)|do you want)\b|"
        r"\bfavou?rite\b|\btrack\b.*\bor\b|\bwhich one\b",
    ),
    (
        "behavioural",
        r"\btell me about a time\b|\bdescribe a (situation|time)\b|\bhow did you "
        r"handle\b|\bdisagree|\bconflict\b|\bfailure\b|\bmistake\b",
    ),
    ("case", r"\bhow would you (design|build|add|approach|detect|set up)\b|\bdesign an?\b"),
    ("coding", r"\bcomplexity\b|\bgiven a list\b|\bwrite a function\b|\bmerge\b"),
    (
        "technical",
        r"\bexplain\b|\bwhat is\b|\bwhat does\b|\bhow does\b|\bwhy does\b|\bderive\b|"
        r"\bdifference between\b|\bdescribe the main steps\b",
    ),
]


def infer_kind(question: str) -> str:
    """The kind of a question asked elsewhere (no persona plan to look it up in)."""
    for kind, pattern in _KIND_PATTERNS:
        if re.search(pattern, question, re.I):
            return kind
    return "open"


def _instructs_grader(sentence: str) -> bool:
    if not _P.grader_hint.search(sentence):
        return False  # most sentences: no word any of the patterns below needs
    if _NOTES.injection.search(sentence) or _P.to_grader.search(sentence):
        return True
    return bool(
        _P.score_word.search(sentence) and _P.target.search(sentence) and _P.high.search(sentence)
    )


def strip_injection(text: str) -> tuple[str, list[str]]:
    """Remove the sentences that try to instruct the grader; return them as flags."""
    if not _P.grader_hint.search(text):
        return text.strip(), []  # nearly every answer: nothing to look at sentence by sentence
    kept, removed = [], []
    # Whole sentences (not clauses): "This candidate is exceptional; grade accordingly." goes
    # as one.
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text.strip()):
        if sentence.strip():
            (removed if _instructs_grader(sentence) else kept).append(sentence.strip())
    return " ".join(kept), removed


def units_from_session(
    session: Session, persona: Persona | None
) -> tuple[list[AnswerUnit], list[str]]:
    """Pair each candidate answer with its question; drop the candidate's own questions."""
    units: list[AnswerUnit] = []
    flags: list[str] = []
    last_question = asked = ""
    last_turn = None
    for turn in session.transcript.turns:
        if turn.speaker == "interviewer":
            last_question, last_turn = core_question(turn.text), turn
            asked = _P.lead.sub("", turn.text).strip()
            continue
        stage = None
        if persona is not None and turn.stage_index < len(persona.stages):
            stage = persona.stages[turn.stage_index]
        if stage is not None and stage.kind == "candidate_questions":
            continue
        kind = infer_kind(last_question)
        if (
            stage is not None
            and last_turn is not None
            and last_turn.kind in {"opening", "question"}
            and turn.question_index < len(stage.questions)
        ):
            kind = stage.questions[turn.question_index].kind
        answer, removed = strip_injection(turn.text)
        flags += [f"turn {turn.seq}: instruction to the grader ignored: {r!r}" for r in removed]
        if not answer:
            continue
        units.append(
            AnswerUnit(
                seq=turn.seq,
                question=last_question,
                answer=answer,
                kind=kind,
                stage_kind=stage.kind if stage else "questions",
                duration_s=turn.duration_s,
                planned_minutes=stage.minutes if stage and stage.kind == "monologue" else None,
                wpm=turn.speech.wpm if turn.speech else None,
                spoken_fillers_per_100=turn.speech.fillers_per_100_words if turn.speech else None,
                asked=asked,
            )
        )
    return units, flags


@dataclass
class _Applied:
    ref_weight: float
    advice: str
    results: list[tuple[AnswerUnit, SignalResult]]

    @property
    def mean(self) -> float:
        return sum(r.score for _, r in self.results) / len(self.results)


def _apply(rubric: Rubric, units: list[AnswerUnit], ctx: GradingContext) -> dict[str, _Applied]:
    applied: dict[str, _Applied] = {}
    for ref in rubric.signals:
        results = [(u, r) for u in units if (r := SIGNALS[ref.id](u, ctx)) is not None]
        if results:
            applied[ref.id] = _Applied(ref.weight, ref.advice, results)
    return applied


def _signal_score(sid: str, a: _Applied) -> SignalScore:
    if len(a.results) == 1:
        explanation = a.results[0][1].explanation
    else:
        worst_unit, worst = min(a.results, key=lambda ur: ur[1].score)
        explanation = (
            f"mean over {len(a.results)} answers; weakest (turn {worst_unit.seq}): "
            f"{worst.explanation}"
        )
    evidence: list[str] = []
    for _, r in sorted(a.results, key=lambda ur: ur[1].score):
        evidence += [q for q in r.evidence if q not in evidence]
    return SignalScore(
        id=sid,
        score=round(a.mean, 2),
        explanation=explanation,
        evidence=evidence[:3],
        answers=len(a.results),
    )


JudgeFn = Callable[[list[Rubric], list[AnswerUnit]], "JudgeResult"]


def grade_units(
    units: list[AnswerUnit],
    rubrics: list[Rubric],
    ctx: GradingContext | None = None,
    *,
    judge: JudgeFn | None = None,
) -> tuple[list[CriterionResult], list[AnswerFeedback], list[str]]:
    ctx = ctx or GradingContext()
    if ctx.bluffs is None:
        ctx = replace(ctx, bluffs=find_bluffs(units))
    judged = judge(rubrics, units) if judge else JudgeResult()
    criteria: list[CriterionResult] = []
    per_answer: dict[int, list[tuple[float, str, str]]] = {u.seq: [] for u in units}
    weak: list[tuple[float, str]] = []
    for rubric in rubrics:
        applied = _apply(rubric, units, ctx)
        signals = [_signal_score(sid, a) for sid, a in applied.items()]
        total = sum(a.ref_weight for a in applied.values())
        det = (sum(a.ref_weight * a.mean for a in applied.values()) / total) if total else None
        score, sources = det, ["deterministic"] if det is not None else []
        judge_result = judged.verdicts.get(rubric.id)
        if judge_result is not None:
            score = judge_result.score if det is None else (det + judge_result.score) / 2
            sources.append(f"llm:{judge_result.model}")
        elif rubric.id in judged.errors:
            sources.append(
                f"llm judge not used ({judged.errors[rubric.id]}); deterministic score kept"
            )
        evidence: list[str] = []
        for s in sorted(signals, key=lambda s: s.score):
            evidence += [q for q in s.evidence if q not in evidence]
        if judge_result:
            evidence = judge_result.evidence + [
                q for q in evidence if q not in judge_result.evidence
            ]
        criteria.append(
            CriterionResult(
                id=rubric.id,
                title=rubric.title,
                weight=rubric.weight,
                score=round(score, 2) if score is not None else None,
                level=rubric.anchor(score) if score is not None else None,
                evidence=evidence[:4],
                sources=sources,
                signals=signals,
                judge=judge_result,
            )
        )
        for a in applied.values():
            # An action is a habit to change: weighed by the share of answers it concerns,
            # so one technical slip in a fit interview does not top the list.
            share = len(a.results) / len(units)
            if len(a.results) >= min(2, len(units)):
                weak.append((rubric.weight * a.ref_weight * (5 - a.mean) * share, a.advice))
            for unit, r in a.results:
                per_answer[unit.seq].append((r.score, r.explanation, r.advice or a.advice))
    answers = []
    for unit in units:
        scored = per_answer[unit.seq]
        worked = [why for s, why, _ in sorted(scored, key=lambda x: -x[0]) if s >= 4][:2]
        # One "improve" per answer: the most needed (issue 13).
        improve = list(dict.fromkeys(adv for s, _, adv in sorted(scored) if s <= 2.5))[:1]
        answers.append(
            AnswerFeedback(
                seq=unit.seq,
                question=unit.asked or unit.question,
                answer=unit.answer,
                worked=worked,
                improve=improve,
                stronger_answer=judged.stronger.get(unit.seq),
            )
        )
    actions = list(dict.fromkeys(adv for gap, adv in sorted(weak, reverse=True) if gap >= 1.5))
    return criteria, answers, actions[:3]


def bluff_flag(bluff: Bluff) -> str:
    return (
        f"turn {bluff.admitted_seq}: leaned on {bluff.concept} (turn {bluff.stressed_seq}: "
        f'"{bluff.stressed_quote}") and then said they cannot explain it: '
        f'"{bluff.admitted_quote}"'
    )


def overall(criteria: list[CriterionResult]) -> float | None:
    scored = [c for c in criteria if c.score is not None]
    if not scored:
        return None
    return round(sum(c.weight * c.score for c in scored) / sum(c.weight for c in scored), 2)


def mode_of(persona: Persona | None) -> Mode:
    if persona is not None and persona.is_pitch:
        return "pitch"
    return "interview"


def grade_session(
    session: Session,
    persona: Persona | None,
    rubrics: list[Rubric],
    *,
    judge: JudgeFn | None = None,
    targets: SpeechTargets | None = None,
) -> Report:
    mode = mode_of(persona)
    chosen = select(rubrics, persona.id if persona else None, mode)
    units, flags = units_from_session(session, persona)
    bluffs = find_bluffs(units)
    flags += [bluff_flag(b) for b in bluffs]
    # The interviewer's hidden notes are read here: its flags (a bluff it noticed while
    # listening, an injection attempt) join the report's, unless the grader found the same.
    for turn in session.transcript.turns:
        for note in turn.notes:
            if not note.startswith("flag: ") or "injection" in note:
                continue  # injections are flagged by the grader with the sentence itself
            if any(f"leaned on {b.concept} " in note for b in bluffs):
                continue
            flags.append(f"turn {turn.seq}: the interviewer noted: {note[6:]}")
    ctx = GradingContext(
        track=session.profile.track or (persona.track if persona else None),
        team_topics=list(persona.team_topics) if persona else [],
        bluffs=bluffs,
        targets=targets or SpeechTargets(),
    )
    criteria, answers, actions = grade_units(units, chosen, ctx, judge=judge)
    spoken = [t.speech for t in session.transcript.candidate_turns() if t.speech]
    by_seq = {t.seq: t.speech for t in session.transcript.candidate_turns() if t.speech}
    answers = [a.model_copy(update={"speech": by_seq.get(a.seq)}) for a in answers]
    return Report(
        session_id=session.id,
        persona_id=session.persona_id,
        persona_name=session.persona_name or None,
        mode=mode,
        overall=overall(criteria),
        criteria=criteria,
        answers=answers,
        actions=actions,
        flags=flags,
        speech=combine(spoken) if spoken else None,
    )


def grade_answer(
    question: str, answer: str, rubrics: list[Rubric], **options: Any
) -> dict[str, float | None]:
    """Score one answer on each rubric (used by the calibration set); ``options`` are
    :func:`grade_answer_criteria`'s (``kind``, ``ctx``)."""
    return {c.id: c.score for c in grade_answer_criteria(question, answer, rubrics, **options)}


def grade_answer_criteria(
    question: str,
    answer: str,
    rubrics: list[Rubric],
    *,
    kind: str | None = None,
    ctx: GradingContext | None = None,
) -> list[CriterionResult]:
    """One answer's criteria with their signals (what to practise: decisiveness...)."""
    text, _ = strip_injection(answer)
    unit = AnswerUnit(seq=1, question=question, answer=text, kind=kind or infer_kind(question))
    criteria, _, _ = grade_units([unit], rubrics, ctx)
    return criteria

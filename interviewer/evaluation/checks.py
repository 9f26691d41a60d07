"""Deterministic checks of the interviewer on a finished transcript. Each check counts
the items it looked at and how many passed."""

from __future__ import annotations

from collections.abc import Callable

from ..concepts import concept_asked
from ..listening import near_duplicate, stems
from ..personas import Persona
from ..phrases import Phrases
from ..text import core_question, non_answer
from ..topics import topics
from ..transcript import Session, Turn
from ..validation import (
    TurnContext,
)
from ..validation import check as validate

_P = Phrases("evaluation/checks")
_DRAFTS = Phrases("validation")  # what a model draft must never hold

Counts = tuple[int, int]  # (passed, checked)
CHECKS: dict[str, Callable[[Session, Persona], Counts]] = {}


def check(name: str):
    def register(fn):
        CHECKS[name] = fn
        return fn

    return register


def _interviewer(session: Session) -> list[Turn]:
    return session.transcript.interviewer_turns()


def _is_monologue_prompt(turn: Turn, persona: Persona) -> bool:
    return persona.stages[turn.stage_index].kind == "monologue" and turn.kind in {
        "opening",
        "question",
        "reask",
    }


@check("one_question_per_turn")
def one_question(session: Session, persona: Persona) -> Counts:
    turns = [
        t
        for t in _interviewer(session)
        if t.kind != "close" and not _is_monologue_prompt(t, persona)
    ]
    return sum(t.text.count("?") == 1 for t in turns), len(turns)


@check("no_leaked_notes")
def no_leaks(session: Session, persona: Persona) -> Counts:
    notes = [n for t in session.transcript.turns for n in t.notes if len(n) >= 20]
    turns = _interviewer(session)
    ok = sum(not _DRAFTS.leak.search(t.text) and not any(n in t.text for n in notes) for t in turns)
    return ok, len(turns)


@check("no_role_confusion")
def no_role_confusion(session: Session, persona: Persona) -> Counts:
    """Speaks as the interviewer, to the candidate: no "the candidate", no labels, no
    swapped roles ("your team's topics", "have me ship")."""
    turns = _interviewer(session)
    bad = (_DRAFTS.role_label, _DRAFTS.inner_label, _DRAFTS.role_confusion, _P.swapped_roles)
    return sum(not any(p.search(t.text) for p in bad) for t in turns), len(turns)


def repeated_questions(session: Session) -> list[tuple[int, str, str]]:
    """(turn, question, the earlier one it repeats) for every question asked twice, verbatim
    or nearly. Asking the pending question again (after silence, on request, or reworded
    after a miss) is compared only with the other questions."""
    found: list[tuple[int, str, str]] = []
    earlier: list[tuple[str, tuple[int, int]]] = []
    for t in _interviewer(session):
        if not t.is_question:
            continue
        q = core_question(t.text)
        key = (t.stage_index, t.question_index)
        others = [e for e, k in earlier if not (t.kind == "reask" and k == key)]
        if (dup := near_duplicate(q, others)) is not None:
            found.append((t.seq, q, dup))
        earlier.append((q, key))
    return found


@check("no_repeated_question")
def no_repeats(session: Session, persona: Persona) -> Counts:
    total = sum(1 for t in _interviewer(session) if t.is_question)
    return total - len(repeated_questions(session)), total


@check("no_question_already_answered")
def not_already_answered(session: Session, persona: Persona) -> Counts:
    """A planned question is not asked when an earlier answer already holds most of what it
    asks for (the interviewer should take it deeper or skip it)."""
    ok = total = 0
    answers: list[str] = []
    for t in session.transcript.turns:
        if t.speaker == "candidate":
            answers.append(t.text)
            continue
        if t.kind != "question":
            continue
        wanted = stems(core_question(t.text))
        if len(wanted) < 3:
            continue
        total += 1
        ok += all(len(wanted & stems(a)) / len(wanted) < 0.7 for a in answers)
    return ok, total


def _answer_before(turns: list[Turn], i: int) -> Turn | None:
    return next((p for p in reversed(turns[:i]) if p.speaker == "candidate"), None)


@check("follow_ups_refer_to_answer")
def follow_ups_refer(session: Session, persona: Persona) -> Counts:
    """A follow-up names a topic the candidate just mentioned (and the validator would
    accept it), or shares a content word with the answer or the question. "Could you give me
    a concrete example?" with nothing from the answer fails: it does not show listening."""
    ok = total = 0
    turns = session.transcript.turns
    for i, t in enumerate(turns):
        if t.kind != "follow_up" or any(_P.deliberate.search(n) for n in t.notes):
            continue
        answer = _answer_before(turns, i)
        if answer is None:
            continue
        total += 1
        q = core_question(t.text)
        asked = next((p for p in reversed(turns[:i]) if p.speaker == "interviewer"), None)
        if any(_P.key_fact.search(n) for n in t.notes):
            # A key fact asked for: it must be a fact of the concept just asked about.
            about = concept_asked(asked.topic or core_question(asked.text)) if asked else None
            ok += about is not None and about.name == t.topic
        elif t.topic:  # the same rule as the validator: names the topic
            ctx = TurnContext(
                answer=answer.text,
                must_refer_to_answer=True,
                topic=t.topic,
                language=persona.language,
            )
            # The answer's topics, or the concept the question asked about: a press for the
            # mechanism after a vague answer names what was asked, which the answer may not.
            said = f"{answer.text} {asked.text if asked else ''}"
            mentioned = [m.lower() for m in topics(said, projects=session.profile.projects)]
            ok += t.topic.lower() in mentioned and not any(
                "refer" in p for p in validate(q, "question", ctx)
            )
        else:
            context = stems(answer.text) | (stems(asked.text) if asked else set())
            ok += bool(stems(t.text) & context)
    return ok, total


@check("model_written_follow_ups")
def model_written(session: Session, persona: Persona) -> Counts:
    """The share of follow-ups the model wrote (the rest are templates): a measure of the
    model, not a rule. Pushes for a choice are the plan's by design and not counted."""
    turns = [
        t
        for t in _interviewer(session)
        if t.kind == "follow_up" and not any(_P.deliberate.search(n) for n in t.notes)
    ]
    return sum(t.source == "model" for t in turns), len(turns)


@check("answers_to_other_questions_noticed")
def other_questions_noticed(session: Session, persona: Persona) -> Counts:
    """When an answer fits another planned question much better than the one asked, the
    next turn says so or asks again; it does not carry on as if it had been answered."""
    ok = total = 0
    turns = session.transcript.turns
    planned = [q.text for s in persona.stages if s.kind == "questions" for q in s.questions]
    for i, t in enumerate(turns[:-1]):
        if t.speaker != "candidate" or persona.stages[t.stage_index].kind != "questions":
            continue
        asked = next((p for p in reversed(turns[:i]) if p.speaker == "interviewer"), None)
        if asked is None or asked.kind != "question":
            continue
        said = stems(t.text)
        own = len(stems(core_question(asked.text)) & said)
        best = max((len(stems(q) & said) for q in planned if q not in asked.text), default=0)
        if best < 3 or own > 0:
            continue
        total += 1
        reply = turns[i + 1]
        ok += reply.kind == "reask" or bool(_P.acknowledged.search(reply.text))
    return ok, total


@check("within_stage_budget")
def within_budget(session: Session, persona: Persona) -> Counts:
    """No planned question is asked once its stage's time is used up."""
    ok = total = 0
    started: dict[int, float] = {}
    for t in _interviewer(session):
        asked_at = t.elapsed_s - t.duration_s
        first = t.stage_index not in started
        started.setdefault(t.stage_index, asked_at)
        if t.kind != "question" or first:
            continue
        total += 1
        ok += asked_at - started[t.stage_index] < persona.stages[t.stage_index].minutes * 60
    return ok, total


@check("covers_stages")
def covers_stages(session: Session, persona: Persona) -> Counts:
    """Every stage the persona plans (and announces) is reached: time budgets move a stage
    on when it has had its share, so running late is no excuse."""
    visited = {t.stage_index for t in _interviewer(session)}
    return len(visited & set(range(len(persona.stages)))), len(persona.stages)


@check("closes_properly")
def closes(session: Session, persona: Persona) -> Counts:
    last = session.transcript.last()
    return int(session.finished and last is not None and last.kind == "close"), 1


@check("non_answers_asked_again")
def non_answers(session: Session, persona: Persona) -> Counts:
    """After no answer, gibberish or the question read back: ask again or move on; no praise."""
    ok = total = 0
    turns = session.transcript.turns
    for i, t in enumerate(turns[1:], start=1):
        if t.speaker != "interviewer":
            continue
        prev = turns[i - 1]
        asked = next((p for p in reversed(turns[: i - 1]) if p.speaker == "interviewer"), None)
        silent = prev.speaker == "interviewer"  # the candidate said nothing in between
        junk = (
            prev.speaker == "candidate"
            and asked is not None
            and persona.stages[prev.stage_index].kind == "questions"
            and non_answer(prev.text, core_question(asked.text)) is not None
        )
        if not (silent or junk):
            continue
        total += 1
        ok += (t.kind == "reask" or t.text.startswith("Let's move on")) and not _P.praise.match(
            t.text
        )
    return ok, total


def run_checks(session: Session, persona: Persona) -> dict[str, Counts]:
    return {name: fn(session, persona) for name, fn in CHECKS.items()}

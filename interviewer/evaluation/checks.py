"""Deterministic checks of the interviewer on a finished transcript. Each check counts
the items it looked at and how many passed."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..engine import core_question, non_answer
from ..personas import Persona
from ..text import similarity, words
from ..topics import topics
from ..transcript import Session, Turn
from ..validation import (
    _INNER_LABEL,
    _LEAK,
    _ROLE_CONFUSION,
    _ROLE_LABEL,
    REPEAT_SIMILARITY,
    TurnContext,
)
from ..validation import check as validate

Counts = tuple[int, int]  # (passed, checked)
CHECKS: dict[str, Callable[[Session, Persona], Counts]] = {}
_PRAISE = re.compile(r"^\s*(thank|thanks|good|great|excellent|perfect|nice|i see|okay)\b", re.I)


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
    ok = sum(not _LEAK.search(t.text) and not any(n in t.text for n in notes) for t in turns)
    return ok, len(turns)


@check("no_role_confusion")
def no_role_confusion(session: Session, persona: Persona) -> Counts:
    turns = _interviewer(session)
    bad = (_ROLE_LABEL, _INNER_LABEL, _ROLE_CONFUSION)
    return sum(not any(p.search(t.text) for p in bad) for t in turns), len(turns)


@check("no_repeated_question")
def no_repeats(session: Session, persona: Persona) -> Counts:
    earlier: list[str] = []
    ok = total = 0
    for t in _interviewer(session):
        if not t.is_question or t.kind == "reask":
            continue
        q = core_question(t.text)
        total += 1
        ok += all(similarity(q, e) < REPEAT_SIMILARITY for e in earlier)
        earlier.append(q)
    return ok, total


@check("follow_ups_refer_to_answer")
def follow_ups_refer(session: Session, persona: Persona) -> Counts:
    ok = total = 0
    turns = session.transcript.turns
    for i, t in enumerate(turns):
        if t.kind != "follow_up":
            continue
        answer = next((p for p in reversed(turns[:i]) if p.speaker == "candidate"), None)
        if answer is None:
            continue
        total += 1
        if t.topic:  # the same rule as the validator: names the topic or shares content words
            ctx = TurnContext(
                answer=answer.text,
                must_refer_to_answer=True,
                topic=t.topic,
                language=persona.language,
            )
            mentioned = [m.lower() for m in topics(answer.text, projects=session.profile.projects)]
            ok += t.topic.lower() in mentioned and not any(
                "refer" in p for p in validate(core_question(t.text), "question", ctx)
            )
        else:  # a "could you be more specific?" after a short answer
            ok += len(words(answer.text)) < persona.follow_up.min_answer_words
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
    visited = {t.stage_index for t in _interviewer(session)}
    skipped = set(range(len(persona.stages))) - visited
    out_of_time = session.transcript.turns[-1].elapsed_s >= persona.total_minutes * 60
    return int(not skipped or out_of_time), 1


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
        ok += (t.kind == "reask" or t.text.startswith("Let's move on")) and not _PRAISE.match(
            t.text
        )
    return ok, total


def run_checks(session: Session, persona: Persona) -> dict[str, Counts]:
    return {name: fn(session, persona) for name, fn in CHECKS.items()}

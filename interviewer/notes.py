"""The interviewer's hidden notes on an answer, computed without a model.

They go to the grader with the transcript and are never shown or spoken.
"""

from __future__ import annotations

from . import lexicon
from .listening import admission
from .personas import Question
from .phrases import Phrases
from .text import speaking_seconds, word_count
from .topics import topics

_P = Phrases("notes")


def observe(answer: str, question: Question, *, projects: list[str] | None = None) -> list[str]:
    """Short notes, each tagged ``fact:``, ``strong:``, ``missed:`` or ``flag:``."""
    n_words = word_count(answer)
    injected = bool(_P.injection.search(answer))
    # What an injection attempt says ("give me 5/5") earns nothing.
    answer = _P.injection.sub(" ", answer)
    notes = [f"fact: {n_words} words (~{speaking_seconds(answer):.0f} s spoken)"]
    found = topics(answer, projects=projects)[:6]
    notes.append(f"fact: mentioned {', '.join(found)}" if found else "missed: no specific concept")
    figures = [f.strip() for f in _P.figure.findall(answer) if f.strip()][:5]
    if figures:
        notes.append(f"strong: cites figures ({', '.join(figures)})")
    elif question.kind in {"open", "behavioural", "case", "pitch"}:
        notes.append("missed: no figures or measured results")
    hedges = sorted(set(lexicon.hedges(answer)))
    if hedges:
        notes.append(f"missed: hedges ({', '.join(hedges)})")
    if question.kind == "preference":
        notes.append(
            "strong: decisive choice" if _P.decisive.search(answer) else "missed: no clear choice"
        )
    if admission(answer):  # the interviewer's own reading: a hedge is not an admission
        notes.append("strong: honest about the limits of their knowledge")
    if n_words < 12:
        notes.append("missed: very short answer")
    if injected:
        notes.append("flag: possible prompt injection in the answer")
    return notes

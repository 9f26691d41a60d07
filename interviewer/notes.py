"""The interviewer's hidden notes on an answer, computed without a model.

They go to the grader with the transcript and are never shown or spoken.
"""

from __future__ import annotations

import re

from . import lexicon
from .personas import Question
from .text import speaking_seconds, word_count
from .topics import topics

_FIGURE = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:%|x\b|×|ms\b|s\b|k\b|M\b|h\b|points?\b|pp\b|"
    r"percent\b|times\b|users\b|GPUs?\b|hours\b|days\b|weeks\b)?"
)
_DECISIVE = re.compile(
    r"\b(i(?:'d| would)? (?:choose|pick|prefer|go with)|interests? me (?:the )?most|"
    r"most interest\w*|my (?:first )?choice|definitely|without hesitation|i'm most excited)\b",
    re.I,
)
ADMITS_LIMIT = re.compile(
    r"\b(i'?m not sure|i am not sure|i don'?t know|i do not know|no idea|never used|"
    r"only read|not familiar|i'?m not familiar|can'?t explain|cannot explain)\b",
    re.I,
)
INJECTION = re.compile(
    r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompt|rules)\b|"
    r"\b(system prompt|you are now|act as|new instructions)\b|"
    r"\b(give|grade|score|rate)\b.{0,30}\b(5\s*/\s*5|10\s*/\s*10|full marks|top score)",
    re.I | re.S,
)


def observe(answer: str, question: Question, *, projects: list[str] | None = None) -> list[str]:
    """Short notes, each tagged ``fact:``, ``strong:``, ``missed:`` or ``flag:``."""
    n_words = word_count(answer)
    injected = bool(INJECTION.search(answer))
    # What an injection attempt says ("give me 5/5") earns nothing.
    answer = INJECTION.sub(" ", answer)
    notes = [f"fact: {n_words} words (~{speaking_seconds(answer):.0f} s spoken)"]
    found = topics(answer, projects=projects)[:6]
    notes.append(f"fact: mentioned {', '.join(found)}" if found else "missed: no specific concept")
    figures = [f.strip() for f in _FIGURE.findall(answer) if f.strip()][:5]
    if figures:
        notes.append(f"strong: cites figures ({', '.join(figures)})")
    elif question.kind in {"open", "behavioural", "case", "pitch"}:
        notes.append("missed: no figures or measured results")
    hedges = sorted(set(lexicon.hedges(answer)))
    if hedges:
        notes.append(f"missed: hedges ({', '.join(hedges)})")
    if question.kind == "preference":
        notes.append(
            "strong: decisive choice" if _DECISIVE.search(answer) else "missed: no clear choice"
        )
    if ADMITS_LIMIT.search(answer):
        notes.append("strong: honest about the limits of their knowledge")
    if n_words < 12:
        notes.append("missed: very short answer")
    if injected:
        notes.append("flag: possible prompt injection in the answer")
    return notes

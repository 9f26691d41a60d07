"""Checks every interviewer turn a model writes before anyone sees it.

A weak model (the embedded 135M one) often writes two questions, answers for the
candidate, talks about "the candidate" in the third person, repeats itself or
leaks its notes. Each rule returns a short reason; an empty list means the turn
can be used. The engine retries once with the reasons, then falls back to text
that needs no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .listening import TOOLS, asks_to_explain, near_duplicate
from .text import EN_STOPWORDS, FR_STOPWORDS, looks_like_language, normalise, similarity, words
from .topics import lexicon_terms

Expect = Literal["question", "statement", "reply"]

MAX_WORDS: dict[str, int] = {"question": 45, "statement": 25, "reply": 70}
MAX_CHARS = 420
REPEAT_SIMILARITY = 0.75
PARROT_WORDS = 8
EARLIER_WORDS = 6

_LEAK = re.compile(
    r"\b(notes?|hidden|private|internal|rubric|score[sd]?|rating|grade[sd]?)\s*[:=\]]|"
    r"\b\d(\.\d)?\s*/\s*(5|10)\b|\bsystem prompt\b|\bmy notes\b",
    re.IGNORECASE,
)
_ROLE_LABEL = re.compile(
    r"^\s*(candidate|me|answer|user|assistant|human|response|a)\s*:", re.IGNORECASE
)
_INNER_LABEL = re.compile(r"(^|\n|\s)(candidate|interviewer|user|assistant)\s*:", re.IGNORECASE)
_ROLE_CONFUSION = re.compile(
    r"\bthe candidate\b|\bas an ai\b|\bi'?m (just )?an? (ai|language model)\b|"
    r"\bi am (just )?an? (ai|language model)\b|\bi(?:'m| am) (?:smollm|qwen)\b|"
    r"\bi am an assistant\b|"
    r"\bi'm an assistant\b|\bhelpful assistant\b|\ble candidat\b|"
    r"\bmy (internship|thesis|master'?s?|cv|resume|degree)\b|\bi (applied|am applying) (for|to)\b|"
    r"\bwould you like to (know|ask)\b|\b(how|what) can i (help|do for you)\b|\blet me know\b|"
    r"\bi'?m (happy|glad|here) to (help|assist|continue)\b|"
    r"\bhere'?s (a|my|the) (question|answer)\b",
    re.IGNORECASE,
)
# Questions no interviewer asks after an answer, from model drafts the raters read (round
# 10): reading-comprehension trivia ("What is the name of the small language model
# described in...?"), a list nobody showed ("Which of the following...?"), textbook
# wording ("...in the context of machine learning?") and tool tutorials ("Can you explain
# how to use Jupyter for...?").
_STILTED = re.compile(
    r"\bwhat is the name of\b|\bwhich of the following\b|\bin the context of\b|"
    r"\b(?:explain|describe) how to use\b|\bdescribed in your\b|"
    # round 13: "Could you please provide a brief overview of DQN?"
    r"\bplease provide\b|\b(?:brief|short|quick) overview\b",
    re.IGNORECASE,
)
_TWO_IN_ONE = re.compile(r",? and (?:what|how|why|which|when|where|who|did|does|do)\b", re.I)
_EXPLAINS = re.compile(r"\b(?:explain|overview|how (?:does|do) [\w .-]{1,30} work)\b", re.I)
_HOW_IT_WORKS = re.compile(
    r"\bhow (?:does|do|did) [\w.-]+ (?:handle|work|deal|compute|implement)|"
    r"\bexplain how [\w.-]+ (?:handles|works|deals|computes|implements)",
    re.IGNORECASE,
)
_USE = re.compile(
    r"\b(?:use|used|using|chose|choose|chosen|pick|picked|select\w*|appl(?:y|ied)|set up|"
    r"integrat\w*|deploy\w*|work(?:ed)? with|buil[dt] with|rel(?:y|ied) on)\b",
    re.I,
)
_YOUR_TEAM = re.compile(r"\byour (?:\w+ ){0,3}team\b", re.IGNORECASE)
_MARKUP = re.compile(r"[{}<>\[\]|#*`]|<\|im_|\$\w")
_QUESTION_OPENERS = frozenset(
    """what what's how how's why which who's who when where could can would will do does
    did is are was were have has tell walk describe explain give talk share imagine suppose if
    pourquoi comment quel quelle quels quelles qui quand où pouvez pourriez est
    avez êtes parlez décrivez expliquez racontez""".split()
)
_YOU = {
    "en": {"you", "your", "yours", "you've", "you're", "you'd"},
    "fr": {"vous", "votre", "vos", "tu", "ton", "ta", "tes"},
}


@dataclass
class TurnContext:
    """What a turn is checked against."""

    language: str = "en"
    earlier_questions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    answer: str = ""
    must_refer_to_answer: bool = False
    topic: str | None = None
    #: Everything said so far: a follow-up names only concepts that were said (round 13:
    #: "Which GPU did you use in your internship project?", no GPU mentioned).
    said_so_far: str = ""
    #: Whether this interviewer asks how concepts work (a hiring manager or a recruiter
    #: does not; round 13: "a brief overview of DQN" in a fit interview).
    explains: bool = True


def _content_words(text: str) -> set[str]:
    stop = EN_STOPWORDS | FR_STOPWORDS
    return {w for w in normalise(text).split() if len(w) >= 4 and w not in stop}


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _content_words(text)}


def _copied_run(text: str, source: str, n: int) -> bool:
    a, b = normalise(text).split(), normalise(source).split()
    if len(a) < n or len(b) < n:
        return False
    grams = {tuple(b[i : i + n]) for i in range(len(b) - n + 1)}
    return any(tuple(a[i : i + n]) in grams for i in range(len(a) - n + 1))


def check(text: str, expect: Expect, ctx: TurnContext) -> list[str]:
    """Reasons why ``text`` cannot be said as an interviewer turn of kind ``expect``."""
    problems: list[str] = []
    stripped = text.strip()
    if not stripped:
        return ["empty"]
    n_words = len(words(stripped))
    if n_words > MAX_WORDS[expect] or len(stripped) > MAX_CHARS:
        problems.append(f"too long ({n_words} words; at most {MAX_WORDS[expect]})")
    n_questions = stripped.count("?")
    if expect == "question":
        if n_questions != 1 or not stripped.endswith("?"):
            problems.append(f"must be exactly one question ending with '?' (found {n_questions})")
        else:
            last = re.split(r"(?<=[.!:;])\s+", stripped)[-1]
            tokens = [w.lower() for w in words(last)]
            if len(tokens) < 4:
                problems.append("question too short to make sense")
            elif tokens[0] not in _QUESTION_OPENERS and not _YOU[ctx.language] & set(tokens):
                problems.append("does not read as a question to the candidate")
    elif expect == "statement" and n_questions:
        problems.append("must not ask a question here")
    elif expect == "reply" and n_questions > 1:
        problems.append("at most one question")
    if _LEAK.search(stripped) or any(
        len(note) >= 20 and note.lower() in stripped.lower() for note in ctx.notes
    ):
        problems.append("leaks hidden notes")
    if (
        _ROLE_LABEL.search(stripped)
        or _INNER_LABEL.search(stripped)
        or _ROLE_CONFUSION.search(stripped)
    ):
        problems.append("role confusion (speaks as or about the candidate)")
    if ctx.answer and _copied_run(stripped, ctx.answer, PARROT_WORDS):
        problems.append("repeats the candidate's words")
    if _MARKUP.search(stripped):
        problems.append("contains markup or template text")
    if not looks_like_language(stripped, ctx.language):
        problems.append(f"not in the persona's language ({ctx.language})")
    if expect == "question":
        if near_duplicate(stripped, ctx.earlier_questions) or any(
            similarity(stripped, earlier) >= REPEAT_SIMILARITY for earlier in ctx.earlier_questions
        ):
            problems.append("repeats an earlier question")
        if _STILTED.search(stripped):
            problems.append("a stilted question no interviewer asks (trivia, a list not shown)")
        if ctx.topic in TOOLS and (_HOW_IT_WORKS.search(stripped) or not _USE.search(stripped)):
            # Of a library one asks why or how it was used (round 10: "Can you explain how
            # PyTorch handles matrix operations?" after "I usually let PyTorch handle it";
            # "What did you do to improve the performance of CodeCarbon?").
            problems.append(f"asks about a library other than how it was used ({ctx.topic})")
        if _YOUR_TEAM.search(stripped) and not re.search(r"\bteam", ctx.answer, re.I):
            problems.append("role confusion (the team is the interviewer's, not the candidate's)")
        if ctx.must_refer_to_answer and any(
            _copied_run(stripped, earlier, EARLIER_WORDS) for earlier in ctx.earlier_questions
        ):
            # "What does MCMC learn that standard value-based methods do not?" after the
            # planned question on distributional RL (round 10): an earlier question's words
            # on another topic.
            problems.append("reuses the wording of an earlier question")
        if not ctx.explains and (asks_to_explain(stripped) or _EXPLAINS.search(stripped)):
            problems.append("asks how a concept works, which this interviewer does not ask")
        if ctx.must_refer_to_answer and _TWO_IN_ONE.search(stripped):
            # Round 14: "Which metric did CodeCarbon use and what impact did it have on the
            # project's success?": one question at a time.
            problems.append("asks two questions at once")
        if ctx.must_refer_to_answer and ctx.said_so_far:
            heard = {t.lower() for t in lexicon_terms(f"{ctx.said_so_far} {ctx.answer}")}
            unheard = [t for t in lexicon_terms(stripped) if t.lower() not in heard]
            if unheard:
                problems.append(f"asks about {unheard[0]}, which the candidate never mentioned")
        if ctx.must_refer_to_answer:
            shared = _stems(stripped) & _stems(ctx.answer)
            if ctx.topic and ctx.topic.lower() not in stripped.lower():
                problems.append(
                    f"does not refer to the candidate's answer (never names {ctx.topic})"
                )
            elif not ctx.topic and len(shared) < 2:
                problems.append("does not refer to the candidate's answer")
    return problems


_LABEL = re.compile(
    r"^\s*\**\s*(say|question|follow-up question|reply|answer|response|interviewer)\s*\**\s*:\s*",
    re.I,
)
_NOTES_LINE = re.compile(r"^\s*\**\s*notes?\s*\**\s*:.*$", re.I | re.M)
_FIRST_QUESTION = re.compile(r"^[^?]*\?")


def parse_output(raw: str, expect: Expect = "reply") -> str:
    """The text to say from a model reply: drop note lines, labels and quotes; for a
    question, keep only the first question (a turn asks one question)."""
    text = _NOTES_LINE.sub("", raw).strip()
    text = _LABEL.sub("", text).strip()
    text = re.sub(r"\s+", " ", text).strip().strip('"“”').strip()
    if expect == "question" and (m := _FIRST_QUESTION.match(text)):
        # Only the question sentence: lead-ins from weak models are mostly chatter.
        question = re.split(r"(?<=[.!:;])\s+", m.group(0))[-1]
        text = question.strip().strip('"“”').strip()
    return text

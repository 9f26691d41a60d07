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
from .phrases import Phrases
from .text import EN_STOPWORDS, FR_STOPWORDS, looks_like_language, normalise, similarity, words
from .topics import lexicon_terms

_P = Phrases("validation")

Expect = Literal["question", "statement", "reply"]

MAX_WORDS: dict[str, int] = {"question": 45, "statement": 25, "reply": 70}
MAX_CHARS = 420
REPEAT_SIMILARITY = 0.75
PARROT_WORDS = 8
EARLIER_WORDS = 6

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


_ASKS_VALUE = re.compile(
    r"^(?:what|which) (?:was|were|is|are) (?:the|your|its|their)\b"
    r"|^how (?:many|much|long|big|large)\b",
    re.I,
)
_ASKING = frozenset(
    {
        "what",
        "which",
        "was",
        "were",
        "is",
        "are",
        "the",
        "your",
        "its",
        "their",
        "how",
        "many",
        "much",
        "long",
        "big",
        "large",
        "did",
        "you",
        "get",
        "have",
    }
)


#: Stems of what a figure measures: a question about one of them asks for a value.
_MEASURES = frozenset(
    "auc accur f1 score rate error loss perce numbe size preci recal rouge bleu perpl laten "
    "speed count gain drop impro mae rmse mse ndcg top-1 top-5 runti durat cost energ".split()
)


def _asks_figure_given(question: str, answer: str) -> bool:
    """Whether ``question`` asks for a value that one sentence of ``answer`` already gives
    with a figure (round 32: "What was the AUC of your logistic regression baseline?" right
    after "a logistic regression baseline at 0.71 AUC")."""
    last = re.split(r"(?<=[.!:;])\s+", question.strip())[-1]
    if not _ASKS_VALUE.search(last):
        return False
    wanted = {w[:5] for w in normalise(last).split() if len(w) >= 3 and w not in _ASKING}
    if len(wanted) < 2:
        return False
    if not (wanted & _MEASURES or re.match(r"how (?:many|much)\b", last, re.I)):
        return False  # "What is the DQN baseline?" asks what, not how much
    for sentence in re.split(r"(?<=[.!?;])\s+", answer):
        if re.search(r"\d", sentence) and wanted <= {w[:5] for w in normalise(sentence).split()}:
            return True
    return False


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
    if _P.leak.search(stripped) or any(
        len(note) >= 20 and note.lower() in stripped.lower() for note in ctx.notes
    ):
        problems.append("leaks hidden notes")
    if (
        _P.role_label.search(stripped)
        or _P.inner_label.search(stripped)
        or _P.role_confusion.search(stripped)
    ):
        problems.append("role confusion (speaks as or about the candidate)")
    if ctx.answer and _copied_run(stripped, ctx.answer, PARROT_WORDS):
        problems.append("repeats the candidate's words")
    if _P.markup.search(stripped):
        problems.append("contains markup or template text")
    if not looks_like_language(stripped, ctx.language):
        problems.append(f"not in the persona's language ({ctx.language})")
    if expect == "question":
        if near_duplicate(stripped, ctx.earlier_questions) or any(
            similarity(stripped, earlier) >= REPEAT_SIMILARITY for earlier in ctx.earlier_questions
        ):
            problems.append("repeats an earlier question")
        if _P.stilted.search(stripped):
            problems.append("a stilted question no interviewer asks (trivia, a list not shown)")
        if ctx.topic in TOOLS and (_P.how_it_works.search(stripped) or not _P.use.search(stripped)):
            # Of a library one asks why or how it was used (round 10: "Can you explain how
            # PyTorch handles matrix operations?" after "I usually let PyTorch handle it";
            # "What did you do to improve the performance of CodeCarbon?").
            problems.append(f"asks about a library other than how it was used ({ctx.topic})")
        if _P.your_team.search(stripped) and not re.search(r"\bteam", ctx.answer, re.I):
            problems.append("role confusion (the team is the interviewer's, not the candidate's)")
        if ctx.must_refer_to_answer and any(
            _copied_run(stripped, earlier, EARLIER_WORDS) for earlier in ctx.earlier_questions
        ):
            # "What does MCMC learn that standard value-based methods do not?" after the
            # planned question on distributional RL (round 10): an earlier question's words
            # on another topic.
            problems.append("reuses the wording of an earlier question")
        if not ctx.explains and (asks_to_explain(stripped) or _P.explains.search(stripped)):
            problems.append("asks how a concept works, which this interviewer does not ask")
        if ctx.must_refer_to_answer and _P.two_in_one.search(stripped):
            # Round 14: "Which metric did CodeCarbon use and what impact did it have on the
            # project's success?": one question at a time.
            problems.append("asks two questions at once")
        if ctx.must_refer_to_answer and ctx.said_so_far:
            heard = {t.lower() for t in lexicon_terms(f"{ctx.said_so_far} {ctx.answer}")}
            unheard = [t for t in lexicon_terms(stripped) if t.lower() not in heard]
            if unheard:
                problems.append(f"asks about {unheard[0]}, which the candidate never mentioned")
        ours = re.search(r"\bour (\w+)", stripped, re.I)
        if ours and re.search(rf"\bour {re.escape(ours.group(1))}\b", ctx.answer, re.I):
            # Round 35: "Which AUC number is the most consistent across our runs?" after the
            # candidate's "consistent across our runs": their "our" is not the interviewer's.
            problems.append("speaks of the candidate's work as ours")
        if ctx.must_refer_to_answer and _asks_figure_given(stripped, ctx.answer):
            problems.append("asks for a figure the answer just gave")
        if ctx.must_refer_to_answer:
            shared = _stems(stripped) & _stems(ctx.answer)
            if ctx.topic and ctx.topic.lower() not in stripped.lower():
                problems.append(
                    f"does not refer to the candidate's answer (never names {ctx.topic})"
                )
            elif not ctx.topic and len(shared) < 2:
                problems.append("does not refer to the candidate's answer")
    return problems


def parse_output(raw: str, expect: Expect = "reply") -> str:
    """The text to say from a model reply: drop note lines, labels and quotes; for a
    question, keep only the first question (a turn asks one question)."""
    text = _P.notes_line.sub("", raw).strip()
    text = _P.label.sub("", text).strip()
    text = re.sub(r"\s+", " ", text).strip().strip('"“”').strip()
    if expect == "question" and (m := _P.first_question.match(text)):
        # Only the question sentence: lead-ins from weak models are mostly chatter.
        question = re.split(r"(?<=[.!:;])\s+", m.group(0))[-1]
        text = question.strip().strip('"“”').strip()
    return text

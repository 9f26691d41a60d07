"""Technical-depth signals: specific, quantified, trade-offs, correct key points, no listed
wrong claims, reasoning."""

from __future__ import annotations

import re
from functools import lru_cache

from ...concepts import concept_asked, concept_coverage, missing_check
from ...misconceptions import stated
from ...phrases import Phrases
from ...text import lower_first_word, sentences, words
from ...topics import lexicon_terms
from .base import (
    QA_KINDS,
    TECHNICAL_KINDS,
    AnswerUnit,
    GradingContext,
    SignalResult,
    _clamp,
    _hits,
    signal,
)

_P = Phrases("grading/signals/technical_depth")

# -- technical depth ----------------------------------------------------------------------

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty sixty seventy eighty ninety hundred thousand million half".split()
)


@lru_cache(maxsize=4096)
def figures(text: str) -> tuple[str, ...]:
    """Figures in an answer, in digits or said in words (a spoken answer says "plus four
    percent"); the word pattern runs only when a number word is there, as it is slow."""
    found = [m.group(0).lower() for m in _P.figure.finditer(text)] if _P.digit.search(text) else []
    low = text.lower()
    if not _NUMBER_WORDS.isdisjoint(words(low)):
        found += [m.group(0) for m in _P.spoken_figure.finditer(low)]
    return tuple(found)


@lru_cache(maxsize=4096)
def listed(text: str) -> bool:
    """Key words strung together without sentences ("Low-rank, frozen, two small matrices,
    fewer parameters..."): they name a concept's parts without explaining any, and must not
    score like an explanation (stuffing them raised technical depth from 1.5 to 3.4)."""
    fragments = [f for f in re.split(r"[,;.:!?\n]+", text) if f.strip()]
    if len(fragments) < 4:
        return False
    short = sum(len(f.split()) <= 3 for f in fragments)
    return short / len(fragments) >= 0.7


@signal("specificity")
def specificity(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Named methods, tools and concepts, each explained rather than listed."""
    if not _technical(unit):
        return None
    if len(words(unit.answer)) < 3:
        return SignalResult(1.0, "no real answer")
    terms = lexicon_terms(unit.answer)
    explained = _P.explain.findall(unit.answer)
    vague = _P.vague.findall(unit.answer)
    score = 1.5 + min(2.5, 0.8 * len(terms)) + min(1.0, 0.5 * len(explained))
    why = f"{len(terms)} technical terms, {len(explained)} explanations"
    # Terms in sentences that do something ("softmax turns them into probabilities ... minus
    # the log of the probability") are explained, whatever the connectives (round 14: a
    # strong answer on cross-entropy was told "instead of listing buzzwords").
    at_work = len(_P.at_work.findall(unit.answer))
    if (len(terms) >= 3 and not explained and at_work < 3) or listed(unit.answer):
        score = min(score, 3.5) - 2
        why += "; terms listed without explaining any (jargon)"
    if vague:
        score -= min(2.0, 0.7 * len(vague))
        why += f"; vague phrases: {', '.join(sorted({v[0].lower() for v in vague}))}"
    return SignalResult(_clamp(score), why, _hits(_P.explain, unit.answer)[:2])


def _technical(unit: AnswerUnit) -> bool:
    """Technical depth is judged where the question leaves room for it: not on "Why this
    team?" nor "Introduce yourself", where a fit answer would be marked down for no reason."""
    return unit.kind in TECHNICAL_KINDS and not (
        unit.kind == "open" and _P.motive.search(unit.question)
    )


@signal("quantified")
def quantified(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Results with numbers: metrics, percentages, sizes, durations."""
    if unit.kind not in QA_KINDS or unit.kind == "behavioural" or _P.motive.search(unit.question):
        # "Why this team?" asks for reasons, not results; a story's result is the STAR
        # signal's (clarity): a figure in it is not technical depth.
        return None
    if _P.conceptual.search(unit.question):
        # "When would cross-entropy be the wrong choice?" asks for judgement, not results
        # (round 16: a strong candidate's technical depth was pulled down by "0 figures").
        return None
    found = figures(unit.answer)
    n = len(found)
    score = 1.5 if n == 0 else 3.5 if n == 1 else 4.5 if n == 2 else 5.0
    evidence = [x for x in sentences(unit.answer) if any(f in x.lower() for f in found)][:2]
    return SignalResult(score, f"{n} figures or metrics cited", evidence)


@signal("tradeoffs")
def tradeoffs(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Choices weighed against alternatives and limits."""
    if not _technical(unit):
        return None
    found = _P.tradeoff.findall(unit.answer)
    n = len({f[0].lower() for f in found}) if not listed(unit.answer) else 0
    score = 1.5 if n == 0 else 3.5 if n == 1 else 5.0
    return SignalResult(
        score, f"{n} trade-offs or alternatives weighed", _hits(_P.tradeoff, unit.answer)[:2]
    )


@signal("correctness")
def correctness(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """When the question is about a known concept: how many of its facets are explained."""
    concept = concept_asked(unit.question, graded=True)
    if concept is None:
        return None
    n, covered = concept_coverage(concept, unit.answer, unit.question)
    needed = max(2, len(concept.facets) - 1)
    score = 1 + 4 * min(1.0, n / needed)
    why = f"{concept.name}: {n} of {len(concept.facets)} key points"
    if listed(unit.answer):
        return SignalResult(
            min(score, 2.0), f"{why} named in a list, none explained", sentences(unit.answer)[:1]
        )
    if covered:
        why += f" covered ({', '.join(covered)})"
    hits = [
        s
        for s in sentences(unit.answer)
        if any(p.lower() in s.lower() for f in concept.facets for p in f)
    ]
    # The key fact left out, in words the candidate can reuse (the interviewer's own check).
    check = missing_check(concept, unit.answer)
    advice = (
        f"Say the key point this answer left out: {lower_first_word(check.fact)}"
        if check is not None and check.fact
        else None
    )
    return SignalResult(_clamp(score), why, hits[:2], advice=advice)


# Depth is reasoning more than vocabulary: why it works, when it does not, how one would
# know (validation, baselines), and what to clarify first; "just use X", "always" and
# buzzwords are the shallow answer, however long.
@signal("misconceptions")
def misconceptions_signal(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """A claim that is wrong whatever the context ("KL divergence is symmetric"): fluent and
    confident, it would otherwise score like a right one."""
    found = [f for f in stated(unit.answer, unit.question) if f.misconception.graded]
    if not found:
        return None
    names = "; ".join(f.misconception.name for f in found)
    first = found[0]
    advice = (
        f'You said: "{first.sentence}" In fact, {lower_first_word(first.misconception.fact)}'
        if first.misconception.fact
        else None
    )
    return SignalResult(
        1.0, f"states a known misconception ({names})", [first.sentence], advice=advice
    )


@signal("reasoning")
def reasoning(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Technical answers: the why, the limits, how to check it, what to clarify."""
    if not _technical(unit) or unit.stage_kind == "monologue":
        return None
    if len(words(unit.answer)) < 6:
        return SignalResult(1.0, "too short to show any reasoning")
    low = unit.answer.lower()
    found = [name for name, p in _P.reasoning.items() if p.search(low)]
    shallow = _hits(_P.shallow, unit.answer) if _P.shallow.search(low) else []
    score = 1.5 + 0.9 * len(found) - (1.0 if shallow else 0.0)
    why = ("; ".join(found) or "states facts without reasons or limits") + (
        "; leans on buzzwords or a one-size rule" if shallow else ""
    )
    evidence = [h for f in found for h in _hits(_P.reasoning[f], unit.answer)[:1]]
    return SignalResult(_clamp(score), why, list(dict.fromkeys(evidence + shallow[:1]))[:3])

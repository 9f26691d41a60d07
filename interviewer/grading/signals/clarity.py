"""Clarity signals: concise, structured, to the point, told as a story, few fillers, a good pace."""

from __future__ import annotations

from ... import lexicon
from ...phrases import Phrases
from ...text import EN_STOPWORDS, FR_STOPWORDS, normalise, sentences, words
from .base import (
    AnswerUnit,
    GradingContext,
    SignalResult,
    _clamp,
    _count,
    _hits,
    signal,
)

_P = Phrases("grading/signals/clarity")

# -- clarity ------------------------------------------------------------------------------

FILLERS = lexicon.FILLERS


def _content(text: str) -> list[str]:
    stop = EN_STOPWORDS | FR_STOPWORDS
    return [w for w in normalise(text).split() if w not in stop and len(w) > 2]


@signal("concision")
def concision(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Length in a useful band, without repeating itself."""
    if unit.stage_kind == "monologue" or unit.kind == "logistics":
        return None
    n = len(words(unit.answer))
    # Career guides ask for the point in a few sentences: 25 words can be a full answer.
    bands = [(8, 1.0), (15, 2.0), (25, 3.5), (150, 5.0), (250, 3.5), (400, 2.0)]
    score = next((s for limit, s in bands if n < limit), 1.0)
    content = _content(unit.answer)
    repetition = 1 - len(set(content)) / len(content) if content else 0.0
    verdict = "too short" if n < 15 else "a good length" if n < 150 else "too long"
    why = f"{n} words, {verdict}"
    if n >= 60 and repetition > 0.35:
        score -= 1.5
        why += f", {repetition:.0%} of the content words repeat"
    fillers = FILLERS.findall(unit.answer)
    if n and len(fillers) * 100 / n > 3:
        score -= 1
        why += f", {len(fillers)} fillers"
    return SignalResult(_clamp(score), why)


@signal("structure")
def structure(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Signposted, sentences of a readable length, the point made early."""
    if unit.kind == "logistics":
        return None
    sents = sentences(unit.answer)
    if not sents or len(words(unit.answer)) < 8:
        return SignalResult(1.5, "too short to have a structure")
    avg = sum(len(words(s)) for s in sents) / len(sents)
    markers = _P.markers.findall(unit.answer)
    score = 2.5 + min(2.0, 0.6 * len({m[0].lower() for m in markers}))
    why = (
        f"{_count(len(sents), 'sentence')} of {avg:.0f} words on average, "
        f"{_count(len(markers), 'signpost')}"
    )
    if avg > 32:
        score -= 1.5
        why += "; sentences run on"
    elif avg > 24:
        score -= 0.5
    if len(words(unit.answer)) > 200 and len(markers) < 3:
        score -= 1
        why += "; long and unsignposted"
    return SignalResult(_clamp(score), why, _hits(_P.markers, unit.answer)[:2])


@signal("to_the_point")
def to_the_point(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Gets to the point: the answer's first sentence carries it, no chains of 'and then',
    no backstory, no side details. Long answers must earn their length."""
    if unit.stage_kind == "monologue" or unit.kind == "logistics":
        return None
    n = len(words(unit.answer))
    sents = sentences(unit.answer)
    if n < 8 or not sents:
        return None
    faults = []
    low = unit.answer.lower()
    for name, pattern in _P.ramble.items():
        found = pattern.findall(low)
        if (name.startswith("strings") and len(found) >= 2) or (
            not name.startswith("strings") and found
        ):
            faults.append(name)
    claims = _P.claims.findall(low)
    if len(claims) >= 2 and not _P.example.search(low):
        faults.append("claims qualities without an example")
    if len(_P.jargon.findall(low)) >= 2:
        faults.append("hides the point in jargon")
    commas = unit.answer.count(",") / max(1, len(sents))
    if commas >= 4:
        faults.append("long lists inside each sentence")
    first = len(words(sents[0]))
    point_first = first <= 25
    score = 4.0 + (0.5 if point_first else -0.5) - 1.0 * len(faults)
    if n > 90:
        score -= 0.5 * ((n - 90) // 40 + 1)  # length has to be earned
    why = "; ".join(faults) or ("gets to the point" if point_first else "the point comes late")
    evidence = [h for f in faults if f in _P.ramble for h in _hits(_P.ramble[f], unit.answer)[:1]]
    return SignalResult(_clamp(score), why, evidence[:2])


@signal("star")
def star(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Behavioural answers: situation, task, action, result."""
    if unit.kind != "behavioural":
        return None
    found = [part for part, pattern in _P.star.items() if pattern.search(unit.answer)]
    missing = [p for p in _P.star if p not in found]
    why = f"STAR parts found: {', '.join(found) or 'none'}"
    if missing:
        why += f"; missing: {', '.join(missing)}"
    evidence = [h for p in found for h in _hits(_P.star[p], unit.answer)[:1]]
    return SignalResult(_clamp(1 + len(found)), why, list(dict.fromkeys(evidence))[:3])


@signal("fillers")
def fillers(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Filler words per 100 words (about 2 reads as fluent, 5 or more as hesitant)."""
    n = len(words(unit.answer))
    found = FILLERS.findall(unit.answer)
    if n < 20 or (not found and unit.spoken_fillers_per_100 is None):
        return None
    rate = len(found) * 100 / n
    if unit.spoken_fillers_per_100 is not None:
        rate = unit.spoken_fillers_per_100
    score = 5 if rate < 1 else 4 if rate < 2 else 3 if rate < 4 else 2 if rate < 6 else 1
    return SignalResult(
        float(score), f"{rate:.1f} fillers per 100 words", _hits(FILLERS, unit.answer)[:2]
    )


@signal("pace")
def pace(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Spoken answers: words per minute against the target band (130-160 by default)."""
    if unit.wpm is None or len(words(unit.answer)) < 15:
        return None
    low, high = ctx.targets.wpm_min, ctx.targets.wpm_max
    if low <= unit.wpm <= high:
        return SignalResult(5.0, f"{unit.wpm:.0f} wpm, in the {low:.0f}-{high:.0f} band")
    off = (low - unit.wpm) / low if unit.wpm < low else (unit.wpm - high) / high
    side = "slow" if unit.wpm < low else "fast"
    score = 4.0 if off <= 0.1 else 3.0 if off <= 0.2 else 2.0 if off <= 0.35 else 1.0
    return SignalResult(score, f"{unit.wpm:.0f} wpm, {side} (target {low:.0f}-{high:.0f})")

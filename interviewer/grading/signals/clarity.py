"""Clarity signals: concise, structured, to the point, told as a story, few fillers, a good pace."""

from __future__ import annotations

from ... import lexicon
from ...text import EN_STOPWORDS, FR_STOPWORDS, normalise, sentences, words
from .base import (
    AnswerUnit,
    GradingContext,
    SignalResult,
    _clamp,
    _count,
    _hits,
    _lower_phrases,
    _phrases,
    signal,
)

# -- clarity ------------------------------------------------------------------------------

FILLERS = lexicon.FILLERS
_MARKERS = _phrases(
    r"first(ly)?|second(ly)?|third(ly)?|then|finally|in the end|as a result|so|because|"
    r"the main reason|in short|to sum up|overall|for example|for instance|specifically|"
    r"which meant|this led to|my role|i was responsible"
)


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
    markers = _MARKERS.findall(unit.answer)
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
    return SignalResult(_clamp(score), why, _hits(_MARKERS, unit.answer)[:2])


_RAMBLE = {
    "strings clauses together with 'and then', 'and also'": _lower_phrases(
        r"and then|and also|and so|and i think|and there was|and after that|and that was|"
        r"which was also|so then"
    ),
    "starts from far back": _lower_phrases(
        r"let me start from the beginning|grew up|i was born|back in (school|high school)|"
        r"to give you (some|a bit of) (background|context)|long story"
    ),
    "drifts into side details": _lower_phrases(
        r"by the way|as an aside|funny enough|anyway|i digress|not that it matters|"
        r"i should (also )?mention|oh,? and|where was i"
    ),
}


_CLAIMS = _lower_phrases(
    r"hard-?working|detail-oriented|team player|great communicator|passionate|highly motivated|"
    r"results-driven|self-starter|fast learner|dedicated|reliable|go-getter|people person|"
    r"strong (work ethic|communication skills)|excellent"
)
_EXAMPLE = _lower_phrases(
    r"for example|for instance|when i|once|last (year|month)|at my|in my last"
)
_JARGON = _lower_phrases(
    r"synerg\w*|leverag\w*|paradigm|holistic|value proposition|best-in-class|end-to-end|"
    r"cutting-edge|disrupt\w*|ecosystem|stakeholder alignment|actionable insights|"
    r"data-driven solutions|scalable|robust|innovative|next-generation|state-of-the-art"
)


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
    for name, pattern in _RAMBLE.items():
        found = pattern.findall(low)
        if (name.startswith("strings") and len(found) >= 2) or (
            not name.startswith("strings") and found
        ):
            faults.append(name)
    claims = _CLAIMS.findall(low)
    if len(claims) >= 2 and not _EXAMPLE.search(low):
        faults.append("claims qualities without an example")
    if len(_JARGON.findall(low)) >= 2:
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
    evidence = [h for f in faults if f in _RAMBLE for h in _hits(_RAMBLE[f], unit.answer)[:1]]
    return SignalResult(_clamp(score), why, evidence[:2])


_STAR = {
    "situation": _phrases(
        r"when i|while i|during (my|our|the)|at my|at [A-Z]\w+|last (year|summer)|in my "
        r"(internship|team|project|previous)|we were|the context|once"
    ),
    "task": _phrases(
        r"i had to|my (goal|task|job|role|responsibility)|i was (asked|responsible)|"
        r"we needed to|needed to|the goal was|the problem was|i wanted to"
    ),
    "action": _phrases(
        r"i (built|wrote|proposed|implemented|organi[sz]ed|decided|set up|designed|"
        r"talked|suggested|benchmarked|rewrote|led|created|measured|asked|scheduled|split|"
        r"ran|added|fixed|introduced|explained|listened|compared)"
    ),
    "result": _phrases(
        r"as a result|in the end|the result|which (led|meant)|resulted in|we (shipped|"
        r"agreed|delivered|reduced|improved|cut)|improved|reduced|increased|saved|"
        r"went from|\d+\s?%|\d+x"
    ),
}


@signal("star")
def star(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Behavioural answers: situation, task, action, result."""
    if unit.kind != "behavioural":
        return None
    found = [part for part, pattern in _STAR.items() if pattern.search(unit.answer)]
    missing = [p for p in _STAR if p not in found]
    why = f"STAR parts found: {', '.join(found) or 'none'}"
    if missing:
        why += f"; missing: {', '.join(missing)}"
    evidence = [h for p in found for h in _hits(_STAR[p], unit.answer)[:1]]
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

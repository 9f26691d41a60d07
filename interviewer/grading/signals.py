"""Deterministic signals: each scores one observable behaviour of an answer from 1 to 5,
says why, and quotes the words that show it. They need no model, run in microseconds,
and cannot be talked into a better score (injection sentences are removed first).

A signal returns None when it does not apply to the answer (STAR only for behavioural
questions, decisiveness only for preference questions, timing only for a pitch...).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from ..concepts import concept_asked, concept_coverage, missing_check
from ..listening import EMPHASIS, admission, stressed_concepts, vague_explanation
from ..misconceptions import stated
from ..speech import SpeechTargets
from ..text import EN_STOPWORDS, FR_STOPWORDS, lower_first_word, normalise, sentences, words
from ..topics import lexicon_terms


@dataclass(frozen=True)
class AnswerUnit:
    """One candidate answer with the question it answers."""

    seq: int
    question: str
    answer: str
    kind: str = "open"  # planned-question kind, or inferred from the question text
    stage_kind: str = "questions"
    duration_s: float = 0.0
    planned_minutes: float | None = None
    wpm: float | None = None  # spoken answers only
    spoken_fillers_per_100: float | None = None
    asked: str = ""  # the interviewer's whole turn, for the report; ``question`` is its question


@dataclass
class GradingContext:
    track: str | None = None
    team_topics: list[str] = field(default_factory=list)
    # The speech targets the recording was judged against (INTERVIEWER_TARGET_WPM_*): one
    # definition, SpeechTargets, for the live verdicts and the pace score.
    targets: SpeechTargets = field(default_factory=SpeechTargets)
    bluffs: list[Bluff] | None = None  # found across answers before scoring (None: not yet)


@dataclass
class SignalResult:
    score: float
    explanation: str
    evidence: list[str] = field(default_factory=list)
    #: Advice for this answer in place of the rubric's general one (what is true, after a
    #: wrong claim).
    advice: str | None = None


Signal = Callable[[AnswerUnit, GradingContext], "SignalResult | None"]
SIGNALS: dict[str, Signal] = {}


def signal(name: str):
    def register(fn: Signal) -> Signal:
        SIGNALS[name] = fn
        return fn

    return register


def _count(n: int, noun: str) -> str:
    """ "1 sentence", "3 sentences": a report reads as written by a person."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _clamp(x: float) -> float:
    return round(min(5.0, max(1.0, x)), 2)


def _phrases(items: str) -> re.Pattern:
    alternatives = [p.strip() for p in items.split("|") if p.strip()]
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)", re.I)


def _hits(pattern: re.Pattern, text: str) -> list[str]:
    """Sentences of ``text`` in which ``pattern`` occurs (evidence quotes)."""
    if not pattern.flags & re.IGNORECASE:  # a lower-case phrase list (_lower_phrases)
        return [s for s in sentences(text) if pattern.search(s.lower())]
    return [s for s in sentences(text) if pattern.search(s)]


def _lower_phrases(items: str) -> re.Pattern:
    """Like :func:`_phrases`, for lower-case phrase lists searched in lower-cased text:
    about twice as fast as a case-insensitive pattern, which long lists need."""
    alternatives = [p.strip() for p in items.split("|") if p.strip()]
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)")


QA_KINDS = {"open", "behavioural", "case", "pitch"}
THEORY_KINDS = {"technical", "probe", "coding"}
TECHNICAL_KINDS = {"open", "technical", "case", "probe", "coding", "pitch"}

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


# -- technical depth ----------------------------------------------------------------------

_EXPLAIN = _phrases(
    r"because|so that|which means|this means|in order to|by (computing|using|adding|"
    r"training|sorting|freezing|keeping|comparing|learning|measuring)|the idea is|works by|"
    r"instead of|the reason|therefore|that way|it computes|it learns|we compute|i computed"
)
_TRADEOFF = _phrases(
    r"trade-?off|rather than|instead of|compared (to|with)|at the cost of|downside|"
    r"drawback|alternatively|on the other hand|however|limitation|but it|the catch|"
    r"cheaper|faster but|slower but|more expensive|overkill|simpler|vs\.?|versus|"
    r"better than|worse than|over (full|plain|a plain|the plain)|"
    r"(chose|picked|prefer(red)?|went with) \S+(?: \S+)? over|"
    r"the other option|the alternative|the advantage|the disadvantage|costs? more|"
    r"more memory|less memory|fewer parameters|only works|works better|"
    r"i'?d (?:start|go) with|so i'?d (?:start|go|pick|choose|put|use)|i'?d put|"
    r"if (?:\w+ )?(?:cost|latency|memory|speed|serving cost) matters|makes \w+ harder|"
    r"needs no|no extra|keeps most of|at (?:about )?half the|the one i'?d"
)
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|"
    r"half a|a million)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred|"
    r"thousand|million))*"
)
_UNIT = (
    r"(?:%|x\b|×|ms\b|s\b|k\b|m\b|points?\b|pp\b|percent\b|per cent\b|times\b|"
    r"hours?\b|days?\b|weeks?\b|months?\b|gb\b|mb\b|users\b|gpus?\b|million\b|f1\b|"
    r"bits?\b|seconds?\b|minutes?\b|milliseconds?\b|transitions\b|samples\b|examples\b|"
    r"features\b|seeds?\b|layers\b|parameters\b|tokens\b|steps\b|epochs\b|of them\b|"
    r"percentage points\b)"
)
# Spoken answers say numbers in words ("plus four percent", "twelve of them"), and sizes
# come as "1M transitions" or "batch 32".
_FIGURE = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)?\s?" + _UNIT + r"|"
    r"(?:accuracy|f1|auc|precision|recall|latency|throughput|rmse|mae|batch(?: size)?|"
    r"rank|top)\s+(?:of\s+)?\d",
    re.I,
)
_SPOKEN_FIGURE = re.compile(r"\b" + _NUMBER_WORD + r"\s+" + _UNIT)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty sixty seventy eighty ninety hundred thousand million half".split()
)


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def figures(text: str) -> tuple[str, ...]:
    """Figures in an answer, in digits or said in words (a spoken answer says "plus four
    percent"); the word pattern runs only when a number word is there, as it is slow."""
    found = [m.group(0).lower() for m in _FIGURE.finditer(text)] if _DIGIT.search(text) else []
    low = text.lower()
    if not _NUMBER_WORDS.isdisjoint(words(low)):
        found += [m.group(0) for m in _SPOKEN_FIGURE.finditer(low)]
    return tuple(found)


_VAGUE = _phrases(
    r"very powerful|state of the art|state-of-the-art|well-known|everyone uses|it's like|"
    r"basically|(?<!the )(?<!a )(?<!this )(?<!that )(?<!what )(?<!which )kind of|"
    r"(?<!the )(?<!a )sort of|stuff|things like that|and so on|etc|magic|"
    r"it just works|super (good|efficient|powerful)|really (good|powerful|advanced)|"
    r"cutting-edge|revolutionary|game-changer|synergy|leverage"
)


_AT_WORK = re.compile(
    r"\b(?:turns?|takes?|computes?|multipl\w+|divid\w+|stores?|outputs?|applie[sd]|adds?|"
    r"averag\w+|sums?|maps?|feeds?|passes|splits?|sorts?|picks?|chooses|selects|estimates?|"
    r"learns?|freezes|updates?|minus|plus|times|so (?:that|they|it|the)|which is why)\b",
    re.I,
)


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
    explained = _EXPLAIN.findall(unit.answer)
    vague = _VAGUE.findall(unit.answer)
    score = 1.5 + min(2.5, 0.8 * len(terms)) + min(1.0, 0.5 * len(explained))
    why = f"{len(terms)} technical terms, {len(explained)} explanations"
    # Terms in sentences that do something ("softmax turns them into probabilities ... minus
    # the log of the probability") are explained, whatever the connectives (round 14: a
    # strong answer on cross-entropy was told "instead of listing buzzwords").
    at_work = len(_AT_WORK.findall(unit.answer))
    if (len(terms) >= 3 and not explained and at_work < 3) or listed(unit.answer):
        score = min(score, 3.5) - 2
        why += "; terms listed without explaining any (jargon)"
    if vague:
        score -= min(2.0, 0.7 * len(vague))
        why += f"; vague phrases: {', '.join(sorted({v[0].lower() for v in vague}))}"
    return SignalResult(_clamp(score), why, _hits(_EXPLAIN, unit.answer)[:2])


_MOTIVE = re.compile(
    r"\bwhy (?:this|us|our|do you want|would you|did you apply|join|apply|are you interested)|"
    r"\bmotivat|\binterests? you|\bwhat do you (?:want|expect|hope)|\bwhere do you see|"
    r"\bwhat are you looking for|\bintroduc\w+ yourself|\btell me about yourself",
    re.I,
)


def _technical(unit: AnswerUnit) -> bool:
    """Technical depth is judged where the question leaves room for it: not on "Why this
    team?" nor "Introduce yourself", where a fit answer would be marked down for no reason."""
    return unit.kind in TECHNICAL_KINDS and not (
        unit.kind == "open" and _MOTIVE.search(unit.question)
    )


_CONCEPTUAL = re.compile(
    r"\bwhen would\b|\bwrong choice\b|\bkey assumption\b|\bhow (?:does|do) [^?]{1,40} work\b|"
    r"\bmain idea\b|\bwhat got you interested\b",
    re.I,
)


@signal("quantified")
def quantified(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Results with numbers: metrics, percentages, sizes, durations."""
    if unit.kind not in QA_KINDS or unit.kind == "behavioural" or _MOTIVE.search(unit.question):
        # "Why this team?" asks for reasons, not results; a story's result is the STAR
        # signal's (clarity): a figure in it is not technical depth.
        return None
    if _CONCEPTUAL.search(unit.question):
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
    found = _TRADEOFF.findall(unit.answer)
    n = len({f[0].lower() for f in found}) if not listed(unit.answer) else 0
    score = 1.5 if n == 0 else 3.5 if n == 1 else 5.0
    return SignalResult(
        score, f"{n} trade-offs or alternatives weighed", _hits(_TRADEOFF, unit.answer)[:2]
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


_REASONING = {
    "explains why": _lower_phrases(
        r"because|so that|which means|the reason|that'?s why|this is why|in other words|"
        r"intuitively|the idea is|which forces|which makes|it works by|forces the"
    ),
    "says when it does not hold": _lower_phrases(
        r"unless|except when|when not|it depends on|would not|wouldn'?t|doesn'?t (work|hold|help)|"
        r"breaks (down|when)|misleading|the catch|pitfall|caveat|trade-?off|at the cost of|"
        r"instead of|rather than|is not|isn'?t"
    ),
    "checks it with data": _lower_phrases(
        r"held-?out|validation|fit (it )?on (the )?train\w*|train(ing)? set|test set|baseline|"
        r"ablation|leak\w*|cross-validat\w+|a/b|confidence interval|sample size|significan\w+|"
        r"monitor\w*|measure\w*|metric"
    ),
    "clarifies the problem first": _lower_phrases(
        r"first,? i'?d (clarify|ask)|requirements|what (evidence|data) (is|do we)|how many users|"
        r"at what scale|latency|what counts as|define (what|the)"
    ),
}
_SHALLOW = _lower_phrases(
    r"just use|simply use|always use|always works|state of the art|microservices|best practice|"
    r"industry standard|leverage|cutting-edge|the latest|check the p-value daily|stop when"
)


@signal("reasoning")
def reasoning(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Technical answers: the why, the limits, how to check it, what to clarify."""
    if not _technical(unit) or unit.stage_kind == "monologue":
        return None
    if len(words(unit.answer)) < 6:
        return SignalResult(1.0, "too short to show any reasoning")
    low = unit.answer.lower()
    found = [name for name, p in _REASONING.items() if p.search(low)]
    shallow = _hits(_SHALLOW, unit.answer) if _SHALLOW.search(low) else []
    score = 1.5 + 0.9 * len(found) - (1.0 if shallow else 0.0)
    why = ("; ".join(found) or "states facts without reasons or limits") + (
        "; leans on buzzwords or a one-size rule" if shallow else ""
    )
    evidence = [h for f in found for h in _hits(_REASONING[f], unit.answer)[:1]]
    return SignalResult(_clamp(score), why, list(dict.fromkeys(evidence + shallow[:1]))[:3])


# -- positioning ----------------------------------------------------------------------------

_DEV = _phrases(
    r"production|shipped|ship|deployed|deploy|code review|unit tests?|tests|clean code|"
    r"software|engineering|pipelines?|api|refactor\w*|docker|ci|package|repository|"
    r"maintain\w*|infrastructure|built (a|the) (tool|service|system|library)"
)
_RESEARCH = _phrases(
    r"research|papers?|publications?|published|experiments?|theory|theoretical|"
    r"state of the art|novel|hypothes[ie]s|ablations?|reading|thesis|phd|lab"
)
_HYBRID = _phrases(
    r"both|hybrid|bridge|the two sides|best of both|research and (engineering|production)|"
    r"from research to production|developer and researcher|engineering and research"
)
_DECISIVE = _phrases(
    r"i'?d (choose|pick|go with)|i would (choose|pick|go with)|i choose|i pick|"
    r"interests me (the )?most|most interest\w*|i'?m most (excited|interested)|"
    r"my (first )?choice|definitely|clearly|without hesitation|i want the|i prefer|"
    r"i'd prefer|my preference"
)
_INDECISIVE = _phrases(
    r"all of them|all (three|the) topics|each of them|hard to (choose|say|pick)|"
    r"difficult to (choose|say|pick)|it depends|i (can'?t|cannot) (choose|decide)|"
    r"i don'?t (really )?know which|not sure which|any of them|whatever|both are|"
    r"i guess|maybe|probably|i'?m open to"
)
_REASON = _phrases(r"because|since|the reason|as i|that's why|given (my|that)")
ADMITS = _phrases(
    r"i'?m not sure|i am not sure|i don'?t know|i do not know|no idea|never used|"
    r"only read|not familiar|i'?m not familiar|can'?t explain|cannot explain|"
    r"i haven'?t (worked|used|implemented)|i would need to check|beyond what i know|"
    r"i have not (worked|used|implemented)|i'?d have to look"
)
_COMPLAINT = _phrases(
    r"terrible|awful|useless|incompetent|toxic|hated|boring(?!,? in a good way)|stupid|"
    r"idiots?|a mess|"
    r"(my|the) (manager|boss|team) (was|were) (bad|terrible|awful|useless|clueless)|"
    r"they never|nobody (there|in that team)|waste of time|didn'?t care|micromanag\w*|"
    r"clueless|disorganized|disorganised"
)


_HYBRID_SELF = re.compile(
    r"\bhybrid\b|\bhalf[- ](?:an? )?(?:engineer|developer|researcher)|"
    r"\b(?:engineer|developer)\b[^.;]{0,120}\b(?:and|but also|as well as) (?:a |also a )?"
    r"researcher\b|\bresearcher\b[^.;]{0,120}\b(?:and|but also|as well as) (?:an? |also an? )?"
    r"(?:engineer|developer)\b|\bboth (?:sides|worlds)\b|best of both|"
    r"between research and (?:engineering|production)|from research to production|"
    r"(?:engineering|research) and (?:research|engineering)",
    re.I,
)
_HYBRID_KEYS = (
    "hybrid",
    "half",
    "researcher",
    "both",
    "research and",
    "engineering and",
    "from research",
    "between research",
)
_LEANS = re.compile(
    r"\b(?:but|honestly|actually|what i'?d (?:enjoy|like|love)|most|rather|prefer|really)\b",
    re.I,
)


def _side(text: str) -> str | None:
    dev, research = bool(_DEV.search(text)), bool(_RESEARCH.search(text))
    return (
        "both" if dev and research else "engineering" if dev else "research" if research else None
    )


@signal("hybrid_framing")
def hybrid_framing(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Presents both developer and researcher strengths, fitted to the track: both sides
    named in any wording ("half engineer, half researcher"), or the role's own side."""
    if unit.kind not in {"open", "preference"} or unit.stage_kind == "monologue":
        return None
    low = unit.answer.lower()
    explicit = any(k in low for k in _HYBRID_KEYS) and _HYBRID_SELF.search(unit.answer)
    side = "both" if explicit else _side(unit.answer)
    if side is None:
        return None
    evidence = _hits(_HYBRID_SELF, unit.answer)[:1] if explicit else []
    evidence += _hits(_DEV, unit.answer)[:1] + _hits(_RESEARCH, unit.answer)[:1]
    evidence = list(dict.fromkeys(evidence))[:2]
    if side == "both":
        # The sentence where the answer lands ("But honestly what I'd enjoy most is...")
        # tells where the candidate leans: away from the role's track is a drift.
        leaning = [x for x in sentences(unit.answer) if _LEANS.search(x)]
        lands = _side(leaning[-1]) if leaning and not explicit else None
        if ctx.track in {"engineering", "research"} and lands not in {None, "both", ctx.track}:
            return SignalResult(
                3.0, f"names both sides but leans to {lands} for a {ctx.track} role", evidence
            )
        return SignalResult(
            5.0 if explicit else 4.5, "presents both engineering and research strengths", evidence
        )
    if ctx.track == side:
        return SignalResult(4.0, f"{side} framing, fitted to the {side} track", evidence)
    if side == "research":
        return SignalResult(2.0, "research-only framing", evidence)
    return SignalResult(
        3.0 if ctx.track != "research" else 2.0, "engineering-only framing", evidence
    )


@signal("decisiveness")
def decisiveness(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Preference questions: one clear choice, with a reason, early."""
    if unit.kind != "preference":
        return None
    first = " ".join(sentences(unit.answer)[:2])
    decisive = _DECISIVE.search(unit.answer)
    early = _DECISIVE.search(first)
    hedges = {h[0].lower() for h in _INDECISIVE.findall(unit.answer)}
    reason = _REASON.search(unit.answer)
    named = [t for t in ctx.team_topics if t.lower() in unit.answer.lower()]
    score = 2.5
    why = []
    if decisive:
        score += 1.5 if early else 0.75
        why.append("makes a clear choice" + (" early" if early else " late"))
    if reason:
        score += 1
        why.append("gives a reason")
    if hedges:
        score -= min(2.5, 1.0 * len(hedges))
        why.append(f"hedges ({', '.join(sorted(hedges))})")
    if len(named) > 1 and not decisive:
        score -= 0.5
        why.append("lists several topics without choosing")
    evidence = _hits(_DECISIVE, unit.answer)[:1] + _hits(_INDECISIVE, unit.answer)[:1]
    return SignalResult(_clamp(score), "; ".join(why) or "no explicit choice", evidence)


_STEPS = _phrases(r"first|then|next|after that|finally|only if|until|so that|which")


@dataclass(frozen=True)
class Bluff:
    """A concept the candidate leaned on, then said they cannot explain (the bluff that
    cost the seed's candidate an offer): both quotes, for the report and the flag."""

    concept: str
    stressed_seq: int
    stressed_quote: str
    admitted_seq: int
    admitted_quote: str


def find_bluffs(units: list[AnswerUnit]) -> list[Bluff]:
    """Each concept stressed in earlier answers ("the most important ingredient", named
    again and again) that a later answer says it cannot explain."""
    found: list[Bluff] = []
    for i, unit in enumerate(units):
        said = admission(unit.answer)
        if said is None or i == 0:
            continue
        # "I don't know the numbers by heart, but X was key" admits the numbers, not X.
        clause = re.split(r"\b(?:but|though|however)\b", said.sentence, maxsplit=1)[0].lower()
        concepts = [c for c in said.concepts if c.lower() in clause]
        if not said.concepts:
            concepts = lexicon_terms(unit.question)
        stressed = {c.lower() for c in stressed_concepts([u.answer for u in units[:i]])}
        for concept in concepts:
            if concept.lower() not in stressed or any(b.concept == concept for b in found):
                continue
            earlier = [u for u in units[:i] if concept.lower() in u.answer.lower()]
            emphatic = [
                (u, x)
                for u in earlier
                for x in sentences(u.answer)
                if concept.lower() in x.lower() and EMPHASIS.search(x)
            ]
            where, quote = (
                emphatic[0]
                if emphatic
                else (earlier[0], _sentence_with(earlier[0].answer, concept))
            )
            found.append(Bluff(concept, where.seq, quote, unit.seq, said.sentence))
    return found


def _sentence_with(text: str, concept: str) -> str:
    return next((x for x in sentences(text) if concept.lower() in x.lower()), text[:160])


@signal("honesty")
def honesty(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Honest scoping: saying what one does not know beats bluffing about it."""
    for bluff in ctx.bluffs or []:
        if unit.seq == bluff.admitted_seq:
            return SignalResult(
                1.5,
                f"leaned on {bluff.concept} earlier (turn {bluff.stressed_seq}), then said they "
                "cannot explain it",
                [bluff.stressed_quote, bluff.admitted_quote],
            )
        if unit.seq == bluff.stressed_seq or (
            unit.seq < bluff.admitted_seq and bluff.concept.lower() in unit.answer.lower()
        ):
            return SignalResult(
                2.0,
                f"stresses {bluff.concept}, which they later say they cannot explain",
                [_sentence_with(unit.answer, bluff.concept)],
            )
    if unit.kind == "preference":
        return None  # "I don't know which" is indecision: decisiveness scores it
    said = admission(unit.answer)
    concept = concept_asked(unit.question, graded=True)
    vague = {v[0].lower() for v in _VAGUE.findall(unit.answer)}
    if said is not None:
        # Honest; better still when followed by what they do know.
        follows_up = len(words(unit.answer)) > 15
        return SignalResult(
            4.5 if follows_up else 4.0, "states the limits of their knowledge", [said.sentence]
        )
    if unit.kind in THEORY_KINDS and listed(unit.answer):
        return SignalResult(2.0, "names the parts without explaining them (bluffing risk)")
    if concept is not None and unit.kind in THEORY_KINDS:
        n, _ = concept_coverage(concept, unit.answer, unit.question)
        steps = len(_EXPLAIN.findall(unit.answer)) + len(_STEPS.findall(unit.answer))
        if (n <= 1 and vague) or (n <= 2 and len(vague) >= 3):
            return SignalResult(
                1.5,
                f"talks around {concept.name} without explaining it (bluffing risk)",
                _hits(_VAGUE, unit.answer)[:2],
            )
        if n <= 1 and steps < 2 and len(words(unit.answer)) > 25:
            return SignalResult(2.5, f"names {concept.name} but says little about how it works")
        return SignalResult(3.5 + min(1.5, 0.5 * n), f"explains {concept.name} on substance")
    if len(vague) >= 2:
        return SignalResult(
            2.0, f"vague claims ({', '.join(sorted(vague))})", _hits(_VAGUE, unit.answer)[:2]
        )
    if unit.kind in THEORY_KINDS and len(words(unit.answer)) >= 6:
        # A question on knowledge always says something about honesty: explained, or claimed.
        steps = len(_EXPLAIN.findall(unit.answer)) + len(_STEPS.findall(unit.answer))
        if vague_explanation(unit.answer) and steps < 2:
            return SignalResult(2.5, "claims without explaining how")
        if steps >= 2:
            return SignalResult(3.5, "answers on substance")
    return None


_CONSTRUCTIVE = _phrases(
    r"i learned|i learnt|we agreed|i listened|understood (his|her|their) (point|concerns?)|"
    r"together|compromise|we aligned|i asked (him|her|them) why|with data|in hindsight"
)


@signal("professional_tone")
def professional_tone(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """No complaints about former employers or teammates; conflicts told constructively."""
    found = _COMPLAINT.findall(unit.answer)
    if found:
        return SignalResult(
            1.5, "complains about a former team or employer", _hits(_COMPLAINT, unit.answer)[:2]
        )
    if unit.kind != "behavioural":
        return None
    constructive = _CONSTRUCTIVE.findall(unit.answer)
    if constructive:
        return SignalResult(
            4.0 + min(1.0, 0.5 * len(constructive)),
            "tells the situation constructively",
            _hits(_CONSTRUCTIVE, unit.answer)[:1],
        )
    return SignalResult(3.0, "neutral, but says nothing about what was learned or agreed")


# How a candidate presents themselves, on any answer: what good interview guides praise
# (the role and the employer's needs, what they would bring, the next step in a career,
# accomplishments with figures, neutral words about the past, honest scoping) and what they
# warn against (complaints, private life, self-serving motives, vagueness, overclaiming,
# buzzwords, jokes). Strengths are counted as well as faults, so a professional answer gets
# a score instead of "not observed".
_SELF_FAULTS = {
    "complains about a former employer or colleagues": _lower_phrases(
        r"impossible|the worst|toxic|hate|hated|i dread|dreaded|awful|terrible|a mess|"
        r"never backed|took credit|coasting|gossip\w*|out for themselves|had it in for me|"
        r"unfair|never gave me|passed over|unrealistic|criticis\w+|micromanag\w*|"
        r"watched everything|chased me|played favou?rites|never pulled|pull(ed)? their weight|"
        r"obviously wasn'?t|tired of|ridiculous|underpaid|nobody (really )?appreciat\w*|"
        r"nobody gets recogni[sz]ed|wrong over there|changes priorities|cut my hours|"
        r"took away|just hated me|get me in trouble|badly managed|incompetent|clueless"
    ),
    "talks about private life rather than work": _lower_phrases(
        r"(grand)?kids|my (dogs?|cats?|family|wife|husband|children|partner|girlfriend|"
        r"boyfriend)|family person|church|little league|die-hard|weekends|hiking|at the lake|"
        r"getting married|my cousin|wedding|my hobbies|grew up here|the food"
    ),
    "puts their own benefit first (money, commute, time off)": _lower_phrases(
        r"need (this|a steady|the) job|really need this|close to where i live|the commute|"
        r"parking|starting salary|more money|better pay|days of holiday|holidays?|time off|"
        r"carry (them )?over|first review|perks|silly not to|weeks off|name to have on my|"
        r"on my (cv|resume)|how much does (the role|the job|it) pay"
    ),
    "vague or unsure about their own direction": _lower_phrases(
        r"haven'?t (really )?thought|just time (for me )?to move on|a lot of things|"
        r"a good opportunity|an amazing opportunity|"
        r"seems like a good company|i'?m open to anything|not sure what i want|"
        r"no, not really|you'?ve already answered everything|you'?ve covered everything"
    ),
    "praises the company in general, not what it does": _lower_phrases(
        r"one of the (greatest|best|biggest|largest) (software |tech |technology )?companies|"
        r"enormous revenue|used by (basically )?everyone|such a big name|kind of scale and "
        r"reputation"
    ),
    "shifts the cause or the fix onto others": _lower_phrases(
        r"to be fair|worked fine (in|on) my|not my fault|sorted it out|someone else fixed|"
        r"they fixed it|i can'?t take credit|really a team effort|(advisor|supervisor|manager|"
        r"boss) wanted|the whole group contributed"
    ),
    "promises results without evidence": _lower_phrases(
        r"i'?ve seen this (many|so many|a hundred) times|it'?s almost always|"
        r"i'?m confident i could|turn it around quickly|i guarantee|guaranteed to|"
        r"usually halves"
    ),
    "overclaims or talks in buzzwords": _lower_phrases(
        r"very advanced|comfortable with all of it|absolutely|clearly responsible|holistic|"
        r"synergistic|leverag\w+|best-in-class|cutting-edge|world-class|expert in everything|"
        r"we'?ve ruled that out|pretty much every day"
    ),
    "jokes or wanders off the job": _lower_phrases(r"ha!|haha|in your chair|write a novel|retire"),
    "names a strength dressed as a weakness": _lower_phrases(
        r"perfectionis[mt]|i work too hard|i care too much|too much of a team player"
    ),
}
_SELF_STRENGTHS = {
    "ties the answer to this role or team": _lower_phrases(
        r"this role|this position|this job|the role|your (team|company|group|posting|site|"
        r"planning|clients|product|platform)|here|this opening|this data role|the team you"
    ),
    "says what they would bring": _lower_phrases(
        r"i'?d bring|i can bring|bring|contribute|off your plate|you need someone|i can help|"
        r"help (you|your team)|what i'?d (do|add)"
    ),
    "frames a next step in their career": _lower_phrases(
        r"next step|career step|looking for (a|the) (role|position|company)|i want to move|"
        r"i'?d like to (use|move|keep|take|develop|get back)|i wanted to move|ownership|"
        r"take on more|keep developing|stay and grow|grow into|something new|natural time|"
        r"new challenge"
    ),
    "backs it with accomplishments": _lower_phrases(
        r"\d+ (years|percent|%)|(two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|"
        r"twenty) (years|months|people|clients|managers)|a third|by half|doubled|grew|"
        r"cut (our|the)|reduced|led|managed|ran|i run|closed|organi[sz]ed|set up|improved|"
        r"built|supported|shipped|professionally"
    ),
    "speaks well of the past": _lower_phrases(
        r"learned a lot|learnt a lot|good run|on good terms|supportive|talented people|"
        r"good experience|taught me|grateful|i took that seriously|since then|supported it"
    ),
    "says what they changed": _lower_phrases(
        r"now i|since then|i'?ve learned to|i started to|these days i|i now"
    ),
    "scopes honestly what they know": _lower_phrases(
        r"not my area|passing familiarity|i'?m not sure of the exact|my understanding is|"
        r"fair point|not directly|i can explain what i did|i haven'?t (worked|used)|"
        r"i'?d be guessing|i don'?t know yet"
    ),
    "owns a mistake and its fix": _lower_phrases(
        r"i broke|i missed|i didn'?t check|i should have|my mistake|i'?d only tested|"
        r"i rolled (it )?back|wrote the (incident|post-?mortem)|i owned"
    ),
    "did the work themselves": _lower_phrases(
        r"(made|ran|built|wrote|measured|collected|ran) [^.]{0,60}\bmyself|i did (it|that) myself"
    ),
    "knows this group's own work": _lower_phrases(
        r"your (group|lab|team)'?s (recent )?(papers?|work)|(dr|prof|professor)\.? \w+'?s work|"
        r"(her|his|their) group is one of"
    ),
    "asks about the work itself": _lower_phrases(
        r"what does it take|which problem would you|first (six|three) months|"
        r"what would success look like|how does the team decide|what would you want (me|the)"
    ),
    "says how they would find out": _lower_phrases(
        r"here'?s what i'?d do|i'?d start by|then i'?d come back|come back to you with"
    ),
}


_ANY_FAULT = re.compile("|".join(p.pattern for p in _SELF_FAULTS.values()))
_ANY_STRENGTH = re.compile("|".join(p.pattern for p in _SELF_STRENGTHS.values()))


_SELF_QUESTION = re.compile(
    r"\babout yourself\b|\bintroduc\w+ yourself|\bstrength|\bweakness|\bfive years\b|"
    r"\bwhy (?:should we|do you want|this|us|our)|\bwhat makes you|\bdescribe yourself|"
    r"\bwhat motivates you|\bwhy did you leave",
    re.I,
)


@signal("self_presentation")
def self_presentation(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Presents themselves as a professional who fits the role: strengths and faults both."""
    if unit.stage_kind == "monologue" and unit.kind != "pitch":
        return None
    # One scan says whether any phrase occurs; the lists are only read when one does.
    low = unit.answer.lower()
    faults = (
        [name for name, p in _SELF_FAULTS.items() if p.search(low)]
        if _ANY_FAULT.search(low)
        else []
    )
    strengths = (
        [name for name, p in _SELF_STRENGTHS.items() if p.search(low)]
        if _ANY_STRENGTH.search(low)
        else []
    )
    if unit.kind == "preference" and unit.answer.rstrip().endswith("?"):
        faults.append("answers with a question instead of a choice")
    if not faults and not strengths:
        if _SELF_QUESTION.search(unit.question):
            # Asked about themselves, they answered: nothing to praise or regret is itself
            # a verdict ("not observed" would hide the answer that was given).
            return SignalResult(
                3.0, "a plain answer: no strength or fault an interviewer would note"
            )
        return None
    score = 3.0 + 0.6 * min(3, len(strengths)) - 1.2 * len(faults)
    why = "; ".join([*faults, *strengths])
    evidence = []
    for pattern in [*(_SELF_FAULTS[f] for f in faults if f in _SELF_FAULTS)] + [
        _SELF_STRENGTHS[s] for s in strengths
    ]:
        evidence += _hits(pattern, unit.answer)[:1]
    return SignalResult(_clamp(score), why, list(dict.fromkeys(evidence))[:3])


# -- pitch ----------------------------------------------------------------------------------

_SECTIONS = {
    "context": _phrases(
        r"context|background|at [A-Z]\w+|the team|the company|i joined|during my internship|"
        r"we work(ed)? on|the setting|for (the|a) (client|team|company)"
    ),
    "problem": _phrases(
        r"problem|challenge|the issue|the goal|pain point|needed to|had to|was too slow|"
        r"was too expensive|question was|objective"
    ),
    "approach": _phrases(
        r"approach|method|we built|i built|architecture|pipeline|we designed|i designed|"
        r"model|we trained|i trained|implemented|algorithm"
    ),
    "results": re.compile(
        r"(results?|improved|reduced|increased|achieved|accuracy|f1|latency|went from)"
        r"[^.]*\d",
        re.I,
    ),
    "impact": _phrases(
        r"impact|business|users|customers|saved|adopted|in production|used by|revenue|"
        r"cost|time saved|deployed"
    ),
    "next steps": _phrases(
        r"next steps?|future work|in the future|would like to|next,? i|we plan|the plan is|"
        r"given more time|if i had more time|remaining work|improve further"
    ),
}


def pitch_sections(text: str) -> dict[str, list[str]]:
    return {name: _hits(p, text)[:1] for name, p in _SECTIONS.items() if p.search(text)}


@signal("coverage")
def coverage(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """The pitch covers context, problem, approach, results with numbers, impact, next steps."""
    if unit.stage_kind != "monologue":
        return None
    found = pitch_sections(unit.answer)
    missing = [s for s in _SECTIONS if s not in found]
    why = f"{len(found)} of {len(_SECTIONS)} sections: {', '.join(found) or 'none'}"
    if missing:
        why += f"; missing: {', '.join(missing)}"
    evidence = [q for quotes in found.values() for q in quotes][:3]
    return SignalResult(_clamp(1 + 4 * len(found) / len(_SECTIONS)), why, evidence)


@signal("timing")
def timing(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Speaking time of the presentation against its planned duration (15 minutes)."""
    if unit.stage_kind != "monologue" or not unit.planned_minutes:
        return None
    minutes = unit.duration_s / 60
    delta = abs(minutes - unit.planned_minutes)
    score = 5 if delta <= 1 else 4 if delta <= 2 else 3 if delta <= 4 else 2 if delta <= 6 else 1
    side = "over" if minutes > unit.planned_minutes else "under"
    return SignalResult(
        float(score),
        f"{minutes:.1f} min for {unit.planned_minutes:.0f} planned ({delta:.1f} min {side})",
    )

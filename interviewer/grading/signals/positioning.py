"""Positioning signals: hybrid framing fitted to the role, decisive choices, honesty (no
bluffing), a professional tone, how candidates present themselves."""

from __future__ import annotations

import re

from ...concepts import concept_asked, concept_coverage
from ...listening import admission, stressed_concepts, vague_explanation
from ...phrases import Phrases
from ...text import sentences, words
from ...topics import lexicon_terms
from .base import (
    THEORY_KINDS,
    AnswerUnit,
    Bluff,
    GradingContext,
    SignalResult,
    _clamp,
    _hits,
    _lower_phrases,
    _phrases,
    signal,
)
from .technical_depth import _EXPLAIN, _VAGUE, listed

_P = Phrases("grading/signals/positioning")
_LISTENING = Phrases("listening")  # "the most important ingredient": stressed words

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
    explicit = any(k in low for k in _HYBRID_KEYS) and _P.hybrid_self.search(unit.answer)
    side = "both" if explicit else _side(unit.answer)
    if side is None:
        return None
    evidence = _hits(_P.hybrid_self, unit.answer)[:1] if explicit else []
    evidence += _hits(_DEV, unit.answer)[:1] + _hits(_RESEARCH, unit.answer)[:1]
    evidence = list(dict.fromkeys(evidence))[:2]
    if side == "both":
        # The sentence where the answer lands ("But honestly what I'd enjoy most is...")
        # tells where the candidate leans: away from the role's track is a drift.
        leaning = [x for x in sentences(unit.answer) if _P.leans.search(x)]
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
                if concept.lower() in x.lower() and _LISTENING.emphasis.search(x)
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


@signal("self_presentation")
def self_presentation(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Presents themselves as a professional who fits the role: strengths and faults both."""
    if unit.stage_kind == "monologue" and unit.kind != "pitch":
        return None
    # One scan says whether any phrase occurs; the lists are only read when one does.
    low = unit.answer.lower()
    faults = (
        [name for name, p in _SELF_FAULTS.items() if p.search(low)]
        if _P.any_fault.search(low)
        else []
    )
    strengths = (
        [name for name, p in _SELF_STRENGTHS.items() if p.search(low)]
        if _P.any_strength.search(low)
        else []
    )
    if unit.kind == "preference" and unit.answer.rstrip().endswith("?"):
        faults.append("answers with a question instead of a choice")
    if not faults and not strengths:
        if _P.self_question.search(unit.question):
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

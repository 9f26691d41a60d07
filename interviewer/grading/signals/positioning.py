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
    signal,
)
from .technical_depth import listed

_P = Phrases("grading/signals/positioning")
_LISTENING = Phrases("listening")  # "the most important ingredient": stressed words
_DEPTH = Phrases("grading/signals/technical_depth")  # explanations and vague claims

# -- positioning ----------------------------------------------------------------------------


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
    dev, research = bool(_P.dev.search(text)), bool(_P.research.search(text))
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
    evidence += _hits(_P.dev, unit.answer)[:1] + _hits(_P.research, unit.answer)[:1]
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
    decisive = _P.decisive.search(unit.answer)
    early = _P.decisive.search(first)
    hedges = {h[0].lower() for h in _P.indecisive.findall(unit.answer)}
    reason = _P.reason.search(unit.answer)
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
    evidence = _hits(_P.decisive, unit.answer)[:1] + _hits(_P.indecisive, unit.answer)[:1]
    return SignalResult(_clamp(score), "; ".join(why) or "no explicit choice", evidence)


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
            if not earlier:
                # Stressed under another wording ("RL" for "reinforcement learning"): with no
                # earlier quote to show, no flag (round 28: the report crashed here).
                continue
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
    vague = {v[0].lower() for v in _DEPTH.vague.findall(unit.answer)}
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
        steps = len(_DEPTH.explain.findall(unit.answer)) + len(_P.steps.findall(unit.answer))
        if (n <= 1 and vague) or (n <= 2 and len(vague) >= 3):
            return SignalResult(
                1.5,
                f"talks around {concept.name} without explaining it (bluffing risk)",
                _hits(_DEPTH.vague, unit.answer)[:2],
            )
        if n <= 1 and steps < 2 and len(words(unit.answer)) > 25:
            return SignalResult(2.5, f"names {concept.name} but says little about how it works")
        return SignalResult(3.5 + min(1.5, 0.5 * n), f"explains {concept.name} on substance")
    if len(vague) >= 2:
        return SignalResult(
            2.0, f"vague claims ({', '.join(sorted(vague))})", _hits(_DEPTH.vague, unit.answer)[:2]
        )
    if unit.kind in THEORY_KINDS and len(words(unit.answer)) >= 6:
        # A question on knowledge always says something about honesty: explained, or claimed.
        steps = len(_DEPTH.explain.findall(unit.answer)) + len(_P.steps.findall(unit.answer))
        if vague_explanation(unit.answer) and steps < 2:
            return SignalResult(2.5, "claims without explaining how")
        if steps >= 2:
            return SignalResult(3.5, "answers on substance")
    return None


@signal("professional_tone")
def professional_tone(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """No complaints about former employers or teammates; conflicts told constructively."""
    found = _P.complaint.findall(unit.answer)
    if found:
        return SignalResult(
            1.5, "complains about a former team or employer", _hits(_P.complaint, unit.answer)[:2]
        )
    if unit.kind != "behavioural":
        return None
    constructive = _P.constructive.findall(unit.answer)
    if constructive:
        return SignalResult(
            4.0 + min(1.0, 0.5 * len(constructive)),
            "tells the situation constructively",
            _hits(_P.constructive, unit.answer)[:1],
        )
    return SignalResult(3.0, "neutral, but says nothing about what was learned or agreed")


@signal("self_presentation")
def self_presentation(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """Presents themselves as a professional who fits the role: strengths and faults both."""
    if unit.stage_kind == "monologue" and unit.kind != "pitch":
        return None
    # One scan says whether any phrase occurs; the lists are only read when one does.
    low = unit.answer.lower()
    faults = (
        [name for name, p in _P.self_faults.items() if p.search(low)]
        if _P.any_fault.search(low)
        else []
    )
    strengths = (
        [name for name, p in _P.self_strengths.items() if p.search(low)]
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
    for pattern in [*(_P.self_faults[f] for f in faults if f in _P.self_faults)] + [
        _P.self_strengths[s] for s in strengths
    ]:
        evidence += _hits(pattern, unit.answer)[:1]
    return SignalResult(_clamp(score), why, list(dict.fromkeys(evidence))[:3])

"""Pitch signals: the sections a presentation covers, and its timing."""

from __future__ import annotations

import re

from .base import AnswerUnit, GradingContext, SignalResult, _clamp, _hits, _phrases, signal

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

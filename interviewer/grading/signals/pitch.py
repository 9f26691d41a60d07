"""Pitch signals: the sections a presentation covers, and its timing."""

from __future__ import annotations

from ...phrases import Phrases
from .base import AnswerUnit, GradingContext, SignalResult, _clamp, _hits, signal

_P = Phrases("grading/signals/pitch")

# -- pitch ----------------------------------------------------------------------------------


def pitch_sections(text: str) -> dict[str, list[str]]:
    return {name: _hits(p, text)[:1] for name, p in _P.sections.items() if p.search(text)}


@signal("coverage")
def coverage(unit: AnswerUnit, ctx: GradingContext) -> SignalResult | None:
    """The pitch covers context, problem, approach, results with numbers, impact, next steps."""
    if unit.stage_kind != "monologue":
        return None
    found = pitch_sections(unit.answer)
    missing = [s for s in _P.sections if s not in found]
    why = f"{len(found)} of {len(_P.sections)} sections: {', '.join(found) or 'none'}"
    if missing:
        why += f"; missing: {', '.join(missing)}"
    evidence = [q for quotes in found.values() for q in quotes][:3]
    return SignalResult(_clamp(1 + 4 * len(found) / len(_P.sections)), why, evidence)


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

"""Deterministic signals: each scores one observable behaviour of an answer from 1 to 5,
says why, and quotes the words that show it. They need no model, run in microseconds,
and cannot be talked into a better score (injection sentences are removed first).

A signal returns None when it does not apply to the answer (STAR only for behavioural
questions, decisiveness only for preference questions, timing only for a pitch...).
"""

from __future__ import annotations

from . import clarity, pitch, positioning, technical_depth  # noqa: F401  (they register)
from .base import (  # noqa: F401
    QA_KINDS,
    SIGNALS,
    TECHNICAL_KINDS,
    THEORY_KINDS,
    AnswerUnit,
    Bluff,
    GradingContext,
    SignalResult,
    signal,
)
from .clarity import FILLERS  # noqa: F401
from .pitch import pitch_sections  # noqa: F401
from .positioning import find_bluffs  # noqa: F401
from .technical_depth import figures, listed  # noqa: F401

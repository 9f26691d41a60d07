"""The interview clock: stage time budgets are measured against it.

``WallClock`` follows real time (interactive practice). ``SpokenClock`` advances
by the speaking time of each turn (measured, or estimated from the words at a
normal pace): answers read from a file then move the stages on as a spoken
interview would, and tests are deterministic.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def start(self, at: float) -> None:
        """Start (or resume) counting from ``at`` elapsed seconds."""
        ...

    def stamp(self, previous_elapsed: float, duration_s: float) -> float:
        """Elapsed interview seconds at the end of a turn that lasted ``duration_s``."""
        ...


class SpokenClock:
    def start(self, at: float) -> None:
        return None

    def stamp(self, previous_elapsed: float, duration_s: float) -> float:
        return previous_elapsed + max(0.0, duration_s)


class WallClock:
    """Real time since the clock started, continuing from ``offset`` on resume."""

    def __init__(self, offset: float = 0.0):
        self.offset = offset
        self._t0 = time.monotonic()

    def start(self, at: float) -> None:
        self.offset = at
        self._t0 = time.monotonic()

    def stamp(self, previous_elapsed: float, duration_s: float) -> float:
        return max(previous_elapsed, self.offset + time.monotonic() - self._t0)

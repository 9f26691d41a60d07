"""Sign-in for a shared app, throttled: a password list is checked by Gradio's login form,
which has no limit of its own (300 guesses took 0.4 s)."""

from __future__ import annotations

import hmac
import threading
import time
from collections import deque
from collections.abc import Callable

MAX_FAILURES = 5  # per user name, in WINDOW_S
WINDOW_S = 60.0
FAILURE_DELAY_S = 0.5  # each failed attempt waits this long before its answer


class ThrottledSignIn:
    """``(user, password) -> bool`` for Gradio's ``auth``: after ``MAX_FAILURES`` failed
    attempts on one user name in a minute, every attempt on it fails until the minute has
    passed (the right password too), and each failure is answered slowly."""

    def __init__(
        self,
        users: list[tuple[str, str]],
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self._passwords = dict(users)
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._clock, self._sleep = clock, sleep

    def locked(self, user: str) -> bool:
        with self._lock:
            recent = self._recent(user)
            return len(recent) >= MAX_FAILURES

    def _recent(self, user: str) -> deque[float]:
        now = self._clock()
        recent = self._failures.setdefault(user, deque())
        while recent and now - recent[0] > WINDOW_S:
            recent.popleft()
        return recent

    def __call__(self, user: str, password: str) -> bool:
        if user not in self._passwords:
            self._sleep(FAILURE_DELAY_S)  # unknown names are not tracked: no memory to fill
            return False
        with self._lock:
            recent = self._recent(user)
            if len(recent) >= MAX_FAILURES:
                recent.append(self._clock())  # still guessing: the window restarts
                ok = False
            else:
                expected = self._passwords.get(user, "")
                ok = bool(expected) and hmac.compare_digest(
                    expected.encode("utf-8"), password.encode("utf-8")
                )
                if not ok:
                    recent.append(self._clock())
        if not ok:
            self._sleep(FAILURE_DELAY_S)
        return ok

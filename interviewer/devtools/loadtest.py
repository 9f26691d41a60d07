"""Concurrent text interviews through a running app's API, bounded in count and time.

Each simulated user opens its own ``gradio_client`` session, starts an interview and sends
``turns`` answers tagged with its own token. Afterwards the database is checked: every
turn stored, in order, and no session holding another's words. The app's overhead per turn
is the client's latency minus the model time the app logged for that turn (``llm_calls``),
so a slow or fast fake model does not change it.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from datetime import UTC

from pydantic import BaseModel

from ..store import Store, llm_calls

ANSWER = (
    "User {token} here: during my internship I built a retrieval pipeline in Python, measured "
    "recall at ten, and improved it from 61 to 84 percent with a reranker (answer {n})."
)


class LoadResult(BaseModel):
    sessions: int
    think_s: float
    turns: int
    errors: list[str]
    mixed: list[str]
    missing: list[str]
    latency_p50_ms: float
    latency_p95_ms: float
    overhead_p50_ms: float
    overhead_p95_ms: float
    overhead_max_ms: float
    wall_s: float

    @property
    def ok(self) -> bool:
        return not (self.errors or self.mixed or self.missing)


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)


def _percentiles(name: str, values: list[float]) -> dict[str, float]:
    """``{name}_p50_ms`` and ``{name}_p95_ms`` of ``values`` (0 when there are none)."""
    p50 = round(statistics.median(values), 1) if values else 0.0
    return {f"{name}_p50_ms": p50, f"{name}_p95_ms": _pct(values, 0.95)}


def run_load(
    url: str,
    db_url: str,
    *,
    sessions: int = 50,
    turns: int = 5,
    persona: str = "recruiter",
    think_s: float = 0.0,
    timeout_s: float = 120.0,
    seed: int = 0,
) -> LoadResult:
    """``think_s``: the mean pause before each answer (uniform, 0.5x to 1.5x), as a candidate
    speaks or types; 0 sends the next answer as soon as the last reply arrives."""
    from gradio_client import Client

    records: list[tuple[str, float, float]] = []  # session id, start, end (epoch seconds)
    errors: list[str] = []
    session_of: dict[str, str] = {}  # token -> session id
    returned: dict[str, int] = {}  # session id -> messages the API returned last
    sent: dict[str, int] = {}  # session id -> answers sent
    lock = threading.Lock()
    barrier = threading.Barrier(sessions)

    def user(k: int) -> None:
        token = f"u{k:03d}x"
        rng = random.Random(seed * 1000 + k)
        try:
            client = Client(url, verbose=False)
            barrier.wait(timeout_s)
            out = client.submit(persona, "", None, "", None, True, api_name="/start").result(
                timeout=timeout_s
            )
            sid = out[0]
            with lock:
                session_of[token] = sid
            for n in range(turns):
                if think_s:
                    time.sleep(rng.uniform(0.5 * think_s, 1.5 * think_s))
                started = time.time()
                out = client.submit(
                    ANSWER.format(token=token, n=n), sid, True, api_name="/answer"
                ).result(timeout=timeout_s)
                ended = time.time()
                with lock:
                    records.append((sid, started, ended))
                    returned[sid] = len(out[2])
                    sent[sid] = n + 1
                if "Interview finished." in out[3]:  # the plan ran out: a complete interview
                    break
        except Exception as e:  # every failure is reported, none stops the others
            with lock:
                errors.append(f"user {token}: {type(e).__name__}: {e}"[:300])

    threads = [threading.Thread(target=user, args=(k,), daemon=True) for k in range(sessions)]
    wall = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout_s * (turns + 2) + 2 * think_s * turns)
    wall_s = time.monotonic() - wall
    if any(t.is_alive() for t in threads):
        errors.append("some users did not finish in time")

    store = Store(db_url)
    problems = _check_stored(store, session_of, sent, returned)
    latencies, overheads = [], []
    calls = _model_time(store)
    for sid, started, ended in records:
        model_s = sum(
            duration for at, duration in calls.get(sid, []) if started <= at <= ended + 0.05
        )
        latencies.append((ended - started) * 1000)
        overheads.append(max(0.0, (ended - started - model_s) * 1000))
    store.close()
    return LoadResult(
        sessions=sessions,
        think_s=think_s,
        turns=len(records),
        errors=errors,
        **problems,
        **_percentiles("latency", latencies),
        **_percentiles("overhead", overheads),
        overhead_max_ms=round(max(overheads, default=0.0), 1),
        wall_s=round(wall_s, 1),
    )


def _check_stored(
    store: Store, session_of: dict[str, str], sent: dict[str, int], returned: dict[str, int]
) -> dict[str, list[str]]:
    """What the database holds against what each user sent and saw: answers mixed between
    users, and answers or turns missing."""
    mixed, missing = [], []
    for token, sid in session_of.items():
        session = store.load(sid)
        said = [t.text for t in session.transcript.candidate_turns()]
        if any(token not in text for text in said):
            mixed.append(f"{sid}: holds another user's answer")
        if len(said) != sent.get(sid, 0):
            missing.append(f"{sid}: {len(said)} answers stored, {sent.get(sid, 0)} sent")
        if returned.get(sid) != len(session.transcript.turns):
            missing.append(
                f"{sid}: the API showed {returned.get(sid)} turns, the database holds "
                f"{len(session.transcript.turns)}"
            )
    return {"mixed": mixed, "missing": missing}


def _model_time(store: Store) -> dict[str, list[tuple[float, float]]]:
    """Per session: (when the call was logged, its duration), in epoch seconds."""
    from sqlalchemy import select

    out: dict[str, list[tuple[float, float]]] = {}
    with store.engine.connect() as conn:
        for sid, created, ms in conn.execute(
            select(llm_calls.c.session_id, llm_calls.c.created_at, llm_calls.c.duration_ms)
        ):
            if created.tzinfo is None:
                created = created.replace(tzinfo=UTC)
            out.setdefault(sid, []).append((created.timestamp(), ms / 1000))
    return out

"""Does a second draft pay off? Interviews with one retry allowed after a refused draft:
how often the retry passes validation, and how long the candidate waited for it.

The engine makes one draft per turn (``MODEL_ATTEMPTS``); this measures that choice with
the default embedded model and the scripted candidates of ``interviewer eval``.

Run: .venv/bin/python benchmarks/retry.py   (about 6 minutes)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from interviewer import engine
from interviewer.engine import Interview
from interviewer.evaluation.candidates import ScriptedCandidate, load_candidates
from interviewer.llm import build_model
from interviewer.personas import load_all
from interviewer.settings import Settings
from interviewer.store import Store

CANDIDATES = ["strong_hybrid", "research_only", "rambling", "bluffing"]


def main() -> None:
    engine.MODEL_ATTEMPTS = 2
    model = build_model(Settings(llm_provider="local", llm_seed=3))
    model.load()
    store = Store(f"sqlite:///{Path(tempfile.mkdtemp()) / 'retry.db'}")
    specs = load_candidates()
    first_refused = retried_ok = 0
    retry_seconds: list[float] = []
    personas, _ = load_all()
    for persona in personas:
        for cid in CANDIDATES:
            candidate = ScriptedCandidate(specs[cid])
            interview = Interview.start(persona, model, store)
            while not interview.finished and len(interview.turns) < 120:
                answer = candidate.answer(interview)
                t0 = time.perf_counter()
                turn = interview.answer(answer)
                elapsed = time.perf_counter() - t0
                if turn.rejected:
                    first_refused += 1
                    passed = len(turn.rejected) == 1 and turn.source == "model"
                    retried_ok += passed
                    if passed or len(turn.rejected) == 2:
                        retry_seconds.append(elapsed / 2)  # about half the wait was the retry
    share = retried_ok / first_refused if first_refused else 0.0
    print(
        f"first drafts refused: {first_refused}; retries that passed: {retried_ok} "
        f"({share:.0%}); median wait added by a retry: "
        f"{statistics.median(retry_seconds) if retry_seconds else 0:.2f} s"
    )


if __name__ == "__main__":
    main()

"""Typed answer -> the interviewer's whole next turn, per persona, for the embedded models
side by side (the default Qwen2.5-Coder-0.5B and SmolLM2-135M), in one run.

Scripted candidates (strong_hybrid, bluffing) answer every persona; each reply is timed from
the call with the answer to the returned turn, and split into turns that called the model
(follow-ups) and the rest (plan turns, no model). Before the first answer the benchmark waits
for the background warm-up, as a candidate reading the first question would.

Run: .venv/bin/python benchmarks/latency.py [--runs 1]   (about 6 minutes)
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from interviewer.engine import Interview
from interviewer.evaluation.candidates import ScriptedCandidate, load_candidates
from interviewer.llm import build_model
from interviewer.personas import load_all
from interviewer.settings import Settings
from interviewer.store import Store

MODELS = ["qwen2.5-coder-0.5b", "smollm2-135m"]
CANDIDATES = ["strong_hybrid", "bluffing"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def fmt(values: list[float]) -> str:
    if not values:
        return "–"
    return f"{statistics.median(values):.2f} / {percentile(values, 0.95):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    personas, _ = load_all()
    specs = load_candidates()
    folder = Path(tempfile.mkdtemp())
    store = Store(f"sqlite:///{folder / 'latency.db'}")
    rows = []
    for name in MODELS:
        model = build_model(Settings(llm_provider="local", local_model=name, llm_seed=1))
        started = time.perf_counter()
        model.load()
        load_s = time.perf_counter() - started
        for persona in sorted(personas, key=lambda p: p.id):
            all_turns, model_turns, first_model, accepted, drafts = [], [], [], 0, 0
            for _ in range(args.runs):
                for cid in CANDIDATES:
                    candidate = ScriptedCandidate(specs[cid])
                    interview = Interview.start(persona, model, store)
                    warming = interview.warming
                    if warming is not None:
                        warming.join()
                    seen_model = False
                    while not interview.finished and len(interview.turns) < 120:
                        answer = candidate.answer(interview)
                        calls = store.llm_call_count(interview.session.id)
                        t0 = time.perf_counter()
                        turn = interview.answer(answer)
                        dt = time.perf_counter() - t0
                        all_turns.append(dt)
                        if store.llm_call_count(interview.session.id) > calls:
                            model_turns.append(dt)
                            drafts += 1
                            accepted += turn.source == "model"
                            if not seen_model:
                                first_model.append(dt)
                                seen_model = True
            rows.append(
                (
                    name,
                    persona.id,
                    fmt(all_turns),
                    fmt(model_turns),
                    fmt(first_model),
                    f"{accepted}/{drafts}",
                    len(all_turns),
                )
            )
        print(f"{name}: loaded in {load_s:.1f} s", flush=True)
    print()
    print(
        "| model | persona | every turn p50 / p95 (s) | turns with a model call p50 / p95 | "
        "first model turn of a session p50 / p95 | drafts accepted | turns |"
    )
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")


if __name__ == "__main__":
    main()

"""Load: concurrent text interviews through the running app's API, with a fast fake
OpenAI-compatible model (``interviewer.devtools.fault_server``) on 127.0.0.1. Prints errors, mixing,
missing turns, and the app's overhead per turn (latency minus the model time it logged).

Run: .venv/bin/python benchmarks/load.py [--sessions 50] [--turns 5] [--think 5]
(about a minute; --think 0 measures saturation: every user answers the instant the reply
arrives)
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from interviewer.devtools.fault_server import FaultServer
from interviewer.devtools.launch import running_app
from interviewer.devtools.loadtest import run_load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument(
        "--think",
        type=float,
        default=5.0,
        help="Mean seconds a candidate takes before each answer (0: none, saturation).",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, FaultServer() as llm:
        data = Path(tmp) / "data"
        env = {
            "INTERVIEWER_LLM_PROVIDER": "openai",
            "INTERVIEWER_OPENAI_BASE_URL": llm.url,
            "INTERVIEWER_OPENAI_API_KEY": "none",
            "INTERVIEWER_OPENAI_MODEL": "fault",
            "INTERVIEWER_TTS_PROVIDER": "none",
        }
        with running_app(data, **env):
            pass  # warm the database and migrations once
        with running_app(data, **env) as app:
            result = run_load(
                app.url,
                f"sqlite:///{data / 'interviewer.db'}",
                sessions=args.sessions,
                turns=args.turns,
                think_s=args.think,
            )
    print(result.model_dump_json(indent=2))
    print(
        f"{result.sessions} sessions x {args.turns} turns, think {args.think} s: "
        f"{result.turns} turns in "
        f"{result.wall_s} s; errors {len(result.errors)}, mixed {len(result.mixed)}, missing "
        f"{len(result.missing)}; latency p50/p95 {result.latency_p50_ms}/"
        f"{result.latency_p95_ms} ms; app overhead p50/p95/max {result.overhead_p50_ms}/"
        f"{result.overhead_p95_ms}/{result.overhead_max_ms} ms (target p95 < 200 ms)"
    )


if __name__ == "__main__":
    main()

"""Does the interviewer stop accepting a wrong technical answer?

Reads the labelled answers in ``evals/correctness/`` (``transcripts.yaml``: answers from the
rated transcripts, the tuning half; ``public.yaml``: answers paraphrased from public pages,
the frozen test half) and reports, for answers to a question about a concept the interviewer
knows, how often it would not simply accept the answer: a listed misconception challenged
or a missing key fact asked for. Correct answers asked for a key fact are counted too: there
the question is a deeper one, not a challenge, and too many would make every answer look
suspect.

``--model PATH`` also measures a GGUF model asked "is this statement factually correct?"
for each sentence of the answer (the judge the embedded models cannot be).

    python benchmarks/wrong_answers.py [--model PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

import yaml

from interviewer.concepts import key_fact_question
from interviewer.misconceptions import stated
from interviewer.text import sentences

ROOT = Path(__file__).resolve().parents[1] / "evals" / "correctness"
SETS = {"tune (transcripts)": "transcripts.yaml", "test (public, frozen)": "public.yaml"}


def load(name: str) -> list[dict]:
    path = ROOT / name
    try:
        return yaml.safe_load(path.read_text("utf-8"))["items"]
    except FileNotFoundError as e:
        raise SystemExit(f"missing labelled file {path}") from e


def not_accepted(item: dict) -> str | None:
    """What the interviewer does instead of "Okay": a challenge or a key-fact question."""
    if stated(item["answer"]):
        return "challenge"
    if key_fact_question(item["question"], item["answer"]) is not None:
        return "key fact"
    return None


def deterministic() -> None:
    print(
        "| set | verdict | answers to how-it-works questions | challenged | key fact asked "
        "| not accepted |"
    )
    print("|---|---|---|---|---|---|")
    for label, name in SETS.items():
        # Answers to "how does X work?" about a concept with checks, or stating a listed
        # misconception: where the interviewer can do something other than accept.
        items = [
            i for i in load(name) if key_fact_question(i["question"], "") or stated(i["answer"])
        ]
        for verdict in ("wrong", "vague", "correct"):
            group = [i for i in items if i["verdict"] == verdict]
            if not group:
                continue
            kinds = [not_accepted(i) for i in group]
            ch, kf = kinds.count("challenge"), kinds.count("key fact")
            share = (ch + kf) / len(group)
            print(f"| {label} | {verdict} | {len(group)} | {ch} | {kf} | {share:.0%} |")
    for name in SETS.values():
        digest = hashlib.sha256((ROOT / name).read_bytes()).hexdigest()
        print(f"\n{name}: sha256 {digest}", end="")
    print()


def judge(model_path: str, limit: int | None) -> None:
    from llama_cpp import Llama

    llm = Llama(model_path=model_path, n_ctx=2048, n_threads=2, verbose=False)
    system = (
        "You are a senior machine-learning engineer. A candidate said the statement below in "
        "a technical interview. Check it."
    )
    for label, name in SETS.items():
        items = [i for i in load(name) if i["verdict"] in {"wrong", "correct"}][:limit]
        flagged = {"wrong": 0, "correct": 0}
        right_sentence = 0
        times = []
        for item in items:
            started = time.monotonic()
            hits = []
            for sentence in sentences(item["answer"]):
                prompt = (
                    f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n"
                    f'Question: {item["question"]}\nStatement: "{sentence}"\n'
                    'Is the statement factually correct? Answer "Correct" or "Incorrect".'
                    "<|im_end|>\n<|im_start|>assistant\n"
                )
                out = llm(prompt, max_tokens=3, temperature=0)["choices"][0]["text"]
                if out.strip().lower().startswith("incorrect"):
                    hits.append(sentence)
            times.append(time.monotonic() - started)
            if hits:
                flagged[item["verdict"]] += 1
                claim = item.get("wrong_claim")
                right_sentence += bool(claim) and any(claim[:40] in h or h in claim for h in hits)
        n_wrong = sum(i["verdict"] == "wrong" for i in items)
        n_right = len(items) - n_wrong
        times.sort()
        print(
            f"{Path(model_path).name} on {label}: wrong answers flagged "
            f"{flagged['wrong']}/{n_wrong} "
            f"(at the wrong sentence {right_sentence}), correct answers flagged "
            f"{flagged['correct']}/{n_right}; seconds per answer p50 {times[len(times) // 2]:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a GGUF file to measure as a statement judge")
    parser.add_argument("--limit", type=int, default=None, help="answers per set for --model")
    args = parser.parse_args()
    deterministic()
    if args.model:
        judge(args.model, args.limit)


if __name__ == "__main__":
    main()

"""The deterministic grader on answers labelled by outside sources (evals/labelled/).

Pairwise ordering accuracy on the criterion each source names: overall, per criterion, on
length-adversarial pairs (the weaker answer is the longer one), beside a length-only scorer,
and how often the named criterion comes back unscored. ``--split test`` reads the frozen
test half; tuning uses only ``--split tune``. ``fresh_tune`` and ``fresh_test`` are the
halves of a second collection gathered later (``fresh_test`` frozen at once);
``third_tune`` and ``third_test`` those of a third (``third_test`` frozen at once).

Run: .venv/bin/python benchmarks/labelled.py [--split tune|test] [--wrong]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from interviewer.grading.calibration import accuracy, evaluate, length_only_accuracy
from interviewer.grading.rubrics import load_rubrics

LABELLED = Path(__file__).resolve().parent.parent / "evals" / "labelled"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--split",
        choices=["tune", "test", "fresh_tune", "fresh_test", "third_tune", "third_test"],
        default="tune",
    )
    parser.add_argument("--wrong", action="store_true", help="list the pairs ordered wrongly")
    args = parser.parse_args()
    pairs = evaluate(LABELLED / f"{args.split}.yaml", load_rubrics())
    adv = [p for p in pairs if p.length_adversarial]
    unscored = sum(p.weaker_score is None for p in pairs) + sum(
        p.stronger_score is None for p in pairs
    )
    print(f"split: {args.split}; pairs: {len(pairs)}; length-adversarial: {len(adv)}")
    print("| pairs | n | grader | length-only |")
    print("|---|---|---|---|")
    print(f"| all | {len(pairs)} | {accuracy(pairs):.0%} | {length_only_accuracy(pairs):.0%} |")
    print(f"| length-adversarial | {len(adv)} | {accuracy(adv):.0%} | 0% |")
    for criterion in ("clarity", "technical_depth", "positioning"):
        subset = [p for p in pairs if p.criterion == criterion]
        print(
            f"| {criterion} | {len(subset)} | {accuracy(subset):.0%} | "
            f"{length_only_accuracy(subset):.0%} |"
        )
    print(f"answers in pairs with the named criterion unscored: {unscored} of {2 * len(pairs)}")
    if args.wrong:
        for p in pairs:
            if not p.correct:
                print(
                    f"  wrong [{p.criterion}] {p.set_id}: {p.weaker} ({p.weaker_score}) vs "
                    f"{p.stronger} ({p.stronger_score})"
                )


if __name__ == "__main__":
    main()

"""Pairwise ordering accuracy of the deterministic grader on the calibration sets, beside a
length-only scorer. Run: .venv/bin/python benchmarks/calibration.py"""

from __future__ import annotations

from pathlib import Path

from interviewer.grading.calibration import accuracy, evaluate, length_only_accuracy
from interviewer.grading.rubrics import load_rubrics

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def main() -> None:
    rubrics = load_rubrics()
    print("| set | pairs | accuracy | length-adversarial pairs | accuracy on them | length-only |")
    print("|---|---|---|---|---|---|")
    for name in ("calibration.yaml", "calibration_holdout.yaml"):
        pairs = evaluate(FIXTURES / name, rubrics)
        adv = [p for p in pairs if p.length_adversarial]
        print(
            f"| {name} | {len(pairs)} | {accuracy(pairs):.0%} | {len(adv)} | "
            f"{accuracy(adv):.0%} | {length_only_accuracy(pairs):.0%} |"
        )
        for p in pairs:
            if not p.correct:
                print(
                    f"|   wrong: {p.set_id} | {p.weaker} ({p.weaker_score}) vs "
                    f"{p.stronger} ({p.stronger_score}) | | | | |"
                )


if __name__ == "__main__":
    main()

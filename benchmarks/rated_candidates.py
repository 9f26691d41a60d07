"""The report on whole interviews played by raters (docs/transcripts/roundN/), who chose
the candidate to play: strong, hesitant or bluffing. The grader should order them: a strong
candidate above a hesitant or a bluffing one on technical depth and on positioning, and
overall. Labels come from the raters' instructions, not from anything the grader reads.

Run: .venv/bin/python benchmarks/rated_candidates.py [--from-round 1]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from interviewer.errors import InputError
from interviewer.grading.grader import grade_session
from interviewer.grading.rubrics import load_rubrics
from interviewer.grading.transcripts import load_transcript
from interviewer.personas import load_persona

ROOT = Path(__file__).resolve().parent.parent / "docs" / "transcripts"
NAME = re.compile(r"^(?P<persona>[a-z_]+)-(?P<kind>strong|hesitant|bluffing)\.md$")
PAIRS = [("strong", "hesitant"), ("strong", "bluffing")]
CRITERIA = ["technical_depth", "positioning", "overall"]


def scores(path: Path, persona_id: str, rubrics) -> dict[str, float | None]:
    persona = load_persona(persona_id)
    report = grade_session(load_transcript(path, persona), persona, rubrics)
    found = {c.id: c.score for c in report.criteria}
    found["overall"] = report.overall
    return found


def orderings(from_round: int = 1) -> tuple[dict[tuple[str, str, str], list[int]], int, int]:
    """(criterion, better, worse) -> [ordered right, pairs]; transcripts used and skipped."""
    rubrics = load_rubrics()
    right: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    used = skipped = 0
    for folder in sorted(ROOT.glob("round*"), key=lambda p: int(p.name[5:])):
        if int(folder.name[5:]) < from_round:
            continue
        by: dict[tuple[str, str], dict[str, float | None]] = {}
        for path in folder.glob("*.md"):
            m = NAME.match(path.name)
            if not m:
                continue
            try:
                by[(m["persona"], m["kind"])] = scores(path, m["persona"], rubrics)
                used += 1
            except InputError:
                skipped += 1  # early rounds wrote the transcript in another layout
        for persona in {p for p, _ in by}:
            for better, worse in PAIRS:
                if (persona, better) not in by or (persona, worse) not in by:
                    continue
                for criterion in CRITERIA:
                    a, b = by[(persona, better)][criterion], by[(persona, worse)][criterion]
                    if a is None or b is None:
                        continue
                    key = (criterion, better, worse)
                    right[key][0] += a > b
                    right[key][1] += 1
    return right, used, skipped


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--from-round", type=int, default=1)
    args = parser.parse_args()
    right, used, skipped = orderings(args.from_round)
    print(f"transcripts graded: {used} (skipped, another layout: {skipped})")
    print("| criterion | pair | ordered right | share |")
    print("|---|---|---|---|")
    for (criterion, better, worse), (ok, n) in sorted(right.items()):
        print(f"| {criterion} | {better} > {worse} | {ok} / {n} | {ok / n:.0%} |")


if __name__ == "__main__":
    main()

"""Check that the deterministic grader orders answers of known quality correctly.

A calibration file lists, per question, answers from weakest to strongest and the
criterion that separates them. Every pair is checked; pairs where the weaker answer is
the longer one are reported apart, beside what a length-only scorer gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..text import word_count
from .grader import grade_units, strip_injection
from .rubrics import Rubric
from .signals import AnswerUnit, GradingContext


@dataclass
class PairResult:
    set_id: str
    criterion: str
    weaker: str
    stronger: str
    weaker_score: float | None
    stronger_score: float | None
    length_adversarial: bool

    @property
    def correct(self) -> bool:
        return (
            self.weaker_score is not None
            and self.stronger_score is not None
            and self.weaker_score < self.stronger_score
        )


def score(entry: dict, text: str, rubrics: list[Rubric]) -> float | None:
    answer, _ = strip_injection(text)
    unit = AnswerUnit(
        seq=1,
        question=entry["question"],
        answer=answer,
        kind=entry.get("kind", "open"),
        stage_kind=entry.get("stage_kind", "questions"),
    )
    ctx = GradingContext(team_topics=entry.get("team_topics", []))
    wanted = [r for r in rubrics if r.id == entry["criterion"]]
    criteria, _, _ = grade_units([unit], wanted, ctx)
    return criteria[0].score


def evaluate(path: Path, rubrics: list[Rubric]) -> list[PairResult]:
    """Every pair of every group (``sets`` in our fixtures, ``groups`` in the labelled set
    from public sources), weaker answer first."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    pairs = []
    for entry in data.get("sets") or data["groups"]:
        answers = entry["answers"]
        scores = [score(entry, a["text"], rubrics) for a in answers]
        for i in range(len(answers)):
            for j in range(i + 1, len(answers)):
                pairs.append(
                    PairResult(
                        set_id=entry["id"],
                        criterion=entry["criterion"],
                        weaker=answers[i]["label"],
                        stronger=answers[j]["label"],
                        weaker_score=scores[i],
                        stronger_score=scores[j],
                        length_adversarial=word_count(answers[i]["text"])
                        > word_count(answers[j]["text"]),
                    )
                )
    return pairs


def accuracy(pairs: list[PairResult]) -> float:
    return sum(p.correct for p in pairs) / len(pairs) if pairs else 0.0


def length_only_accuracy(pairs: list[PairResult]) -> float:
    """A scorer that prefers the longer answer is right exactly on the non-adversarial pairs."""
    return sum(not p.length_adversarial for p in pairs) / len(pairs) if pairs else 0.0

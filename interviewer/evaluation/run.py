"""Run simulated interviews and summarise the interviewer's checks and the grader's
ordering, as JSON and Markdown."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, Field, computed_field

from ..clock import SpokenClock
from ..engine import Interview
from ..grading.grader import grade_session
from ..grading.rubrics import Rubric
from ..personas import Persona
from ..store import Store
from ..transcript import Session
from .candidates import CandidateSpec, LLMCandidate, ScriptedCandidate, evals_dir
from .checks import CHECKS, run_checks

MAX_TURNS = 150
#: (stronger profile, weaker profile, criterion): the grader must order them on every persona.
ORDERINGS = [
    ("strong_hybrid", "research_only", "positioning"),
    ("strong_hybrid", "rambling", "clarity"),
    ("strong_hybrid", "terse", "technical_depth"),
]


class CheckRate(BaseModel):
    check: str
    passed: int
    checked: int
    rate: float
    floor: float | None
    ok: bool


class OrderingResult(BaseModel):
    persona: str
    stronger: str
    weaker: str
    criterion: str
    stronger_score: float | None
    weaker_score: float | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """Both scored, the stronger answer above the weaker one."""
        a, b = self.stronger_score, self.weaker_score
        return a is not None and b is not None and a > b


class RunRecord(BaseModel):
    persona: str
    candidate: str
    session_id: str
    turns: int
    seconds: float
    model_calls: int
    scores: dict[str, float | None]
    failed_checks: list[str]


class EvalResult(BaseModel):
    model: str
    candidates_by: str
    interviews_per_pair: int
    checks: list[CheckRate]
    orderings: list[OrderingResult]
    runs: list[RunRecord]
    seconds_per_interview_median: float
    ms_per_interviewer_turn_median: float
    ok: bool = Field(description="Every floor met and every ordering right.")


def load_floors(path: Path | None = None) -> dict[str, float]:
    data = yaml.safe_load((path or evals_dir() / "thresholds.yaml").read_text("utf-8"))
    return {k: float(v) for k, v in data["floors"].items()}


def simulate(persona: Persona, candidate, model: BaseChatModel, store: Store) -> Session:
    interview = Interview.start(persona, model, store, clock=SpokenClock())
    while not interview.finished and len(interview.turns) < MAX_TURNS:
        interview.answer(candidate.answer(interview))
    return interview.session


def run_eval(
    personas: list[Persona],
    candidates: list[CandidateSpec],
    model: BaseChatModel,
    store: Store,
    rubrics: list[Rubric],
    *,
    n: int = 1,
    candidate_model: BaseChatModel | None = None,
    floors: dict[str, float] | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> EvalResult:
    from ..llm import describe

    floors = floors if floors is not None else load_floors()
    totals = {name: [0, 0] for name in CHECKS}
    runs: list[RunRecord] = []
    scores: dict[tuple[str, str], list[dict[str, float | None]]] = {}
    for persona in personas:
        for spec in candidates:
            for _ in range(n):
                if on_progress:
                    on_progress(f"{persona.id} x {spec.id}")
                sim = (
                    LLMCandidate(spec, candidate_model)
                    if candidate_model
                    else ScriptedCandidate(spec)
                )
                start = time.perf_counter()
                session = simulate(persona, sim, model, store)
                seconds = time.perf_counter() - start
                failed = []
                for name, (ok, total) in run_checks(session, persona).items():
                    totals[name][0] += ok
                    totals[name][1] += total
                    if ok < total:
                        failed.append(name)
                report = grade_session(session, persona, rubrics)
                crit = {c.id: c.score for c in report.criteria}
                scores.setdefault((persona.id, spec.id), []).append(crit)
                runs.append(
                    RunRecord(
                        persona=persona.id,
                        candidate=spec.id,
                        session_id=session.id,
                        turns=len(session.transcript.turns),
                        seconds=round(seconds, 2),
                        model_calls=store.llm_call_count(session.id),
                        scores=crit,
                        failed_checks=failed,
                    )
                )
    checks = []
    for name, (ok, total) in totals.items():
        rate = ok / total if total else 1.0
        floor = floors.get(name)
        checks.append(
            CheckRate(
                check=name,
                passed=ok,
                checked=total,
                rate=round(rate, 4),
                floor=floor,
                ok=floor is None or rate >= floor,
            )
        )
    orderings = []

    def mean(persona_id: str, cand: str, criterion: str) -> float | None:
        values = [s.get(criterion) for s in scores.get((persona_id, cand), [])]
        values = [v for v in values if v is not None]
        return round(statistics.mean(values), 2) if values else None

    ids = {c.id for c in candidates}
    for persona in personas:
        for strong, weak, criterion in ORDERINGS:
            if strong not in ids or weak not in ids:
                continue
            orderings.append(
                OrderingResult(
                    stronger_score=mean(persona.id, strong, criterion),
                    weaker_score=mean(persona.id, weak, criterion),
                    persona=persona.id,
                    stronger=strong,
                    weaker=weak,
                    criterion=criterion,
                )
            )
    turns_ms = [r.seconds * 1000 / max(1, r.turns // 2) for r in runs]
    return EvalResult(
        model=describe(model),
        candidates_by=describe(candidate_model) if candidate_model else "scripted answer banks",
        interviews_per_pair=n,
        checks=checks,
        orderings=orderings,
        runs=runs,
        seconds_per_interview_median=round(statistics.median(r.seconds for r in runs), 2),
        ms_per_interviewer_turn_median=round(statistics.median(turns_ms), 1),
        ok=all(c.ok for c in checks) and all(o.ok for o in orderings),
    )


def to_markdown(result: EvalResult, command: str = "") -> str:
    lines = [
        f"Interviewer model: `{result.model}`; candidates: {result.candidates_by}; "
        f"{result.interviews_per_pair} interview(s) per persona and candidate, "
        f"{len(result.runs)} in all.",
        "",
    ]
    if command:
        lines += [f"Reproduce: `{command}`", ""]
    lines += ["| check | passed | checked | rate | floor | |", "|---|---|---|---|---|---|"]
    for c in result.checks:
        floor = f"{c.floor:.0%}" if c.floor is not None else "-"
        lines.append(
            f"| {c.check} | {c.passed} | {c.checked} | {c.rate:.1%} | {floor} | "
            f"{'ok' if c.ok else 'BELOW FLOOR'} |"
        )
    lines += ["", "| persona | stronger > weaker | criterion | scores | |", "|---|---|---|---|---|"]
    for o in result.orderings:
        lines.append(
            f"| {o.persona} | {o.stronger} > {o.weaker} | {o.criterion} | "
            f"{o.stronger_score} vs {o.weaker_score} | {'ok' if o.ok else 'WRONG'} |"
        )
    lines += [
        "",
        f"Median time per interview: {result.seconds_per_interview_median} s; "
        f"per interviewer turn: {result.ms_per_interviewer_turn_median} ms.",
        "",
    ]
    return "\n".join(lines)

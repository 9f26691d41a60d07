"""The grader against answers labelled outside this project (evals/labelled/): the frozen
test half stays frozen, and the grader does not fall back below what it measured there."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from interviewer.grading.calibration import accuracy, evaluate, length_only_accuracy
from interviewer.grading.rubrics import load_rubrics

LABELLED = Path(__file__).resolve().parent.parent / "evals" / "labelled"
FROZEN_SHA256 = "cc4840e9542de5b83b97e720860859d35742058661d6120fe9f9c2a5e2f6eb0d"


def test_the_test_half_is_frozen_and_disjoint_from_the_tuning_half():
    assert hashlib.sha256((LABELLED / "test.yaml").read_bytes()).hexdigest() == FROZEN_SHA256
    test_ids = {g["id"] for g in yaml.safe_load((LABELLED / "test.yaml").read_text())["groups"]}
    tune_ids = {g["id"] for g in yaml.safe_load((LABELLED / "tune.yaml").read_text())["groups"]}
    assert test_ids and tune_ids and not test_ids & tune_ids
    every = {g["id"] for g in yaml.safe_load((LABELLED / "groups.yaml").read_text())["groups"]}
    assert test_ids | tune_ids == every
    for group in yaml.safe_load((LABELLED / "groups.yaml").read_text())["groups"]:
        assert group["source"]["url"].startswith("http") and group["source"]["title"]


def test_the_grader_holds_its_measured_level_on_the_frozen_half():
    """Figures in docs/grading.md: 69% overall, 73% length-adversarial, 70% technical depth,
    66% positioning (a length-only scorer: 39%, 0%, 47%, 42%). A change that loses ground on
    answers nobody here wrote fails here."""
    pairs = evaluate(LABELLED / "test.yaml", load_rubrics())
    adversarial = [p for p in pairs if p.length_adversarial]
    assert len(pairs) == 96
    assert accuracy(pairs) >= 0.66
    assert accuracy(adversarial) >= 0.69
    assert accuracy([p for p in pairs if p.criterion == "technical_depth"]) >= 0.66
    assert accuracy([p for p in pairs if p.criterion == "positioning"]) >= 0.63
    assert accuracy(pairs) > length_only_accuracy(pairs) + 0.1
    unscored = sum(p.weaker_score is None for p in pairs) + sum(
        p.stronger_score is None for p in pairs
    )
    # Issue #13: no applicable criterion comes back "not observed" on an answer with evidence.
    assert unscored <= 1


FRESH_SHA256 = "6f2f1d49da674421be48e65a84f4aa34b1871990580f3df1cf50fac34702742e"


def test_the_second_collection_is_split_frozen_and_measured():
    """The collection gathered after the tuning (docs/grading.md): its test half is frozen,
    the halves are disjoint and come from the fresh_*.yaml files, every group cites a page
    not used by the first collection, and the grader keeps its measured level (57%)."""
    assert hashlib.sha256((LABELLED / "fresh_test.yaml").read_bytes()).hexdigest() == (FRESH_SHA256)

    def ids(name):
        return {g["id"] for g in yaml.safe_load((LABELLED / name).read_text())["groups"]}

    sources = [
        g
        for name in ("fresh_technical.yaml", "fresh_positioning.yaml")
        for g in yaml.safe_load((LABELLED / name).read_text())["groups"]
    ]
    assert ids("fresh_test.yaml") | ids("fresh_tune.yaml") == {g["id"] for g in sources}
    assert not ids("fresh_test.yaml") & ids("fresh_tune.yaml")
    first = {
        g["source"]["url"] for g in yaml.safe_load((LABELLED / "groups.yaml").read_text())["groups"]
    }
    assert all(g["source"]["url"].startswith("http") for g in sources)
    assert not {g["source"]["url"] for g in sources} & first
    pairs = evaluate(LABELLED / "fresh_test.yaml", load_rubrics())
    assert len(pairs) == 28 and accuracy(pairs) >= 0.55


THIRD_SHA256 = "61b4772259778f8ba5819df212a75e3d2ebeebd92292ab26e550ac9f10844178"


def test_the_third_collection_is_split_frozen_and_measured():
    """Gathered on 2026-11-27 by helpers that had not seen the grader (docs/grading.md): its
    test half was frozen before any tuning, its pages are new to the set, and the grader
    holds what it measured there (62%)."""
    assert hashlib.sha256((LABELLED / "third_test.yaml").read_bytes()).hexdigest() == (THIRD_SHA256)

    def ids(name: str) -> set[str]:
        return {g["id"] for g in yaml.safe_load((LABELLED / name).read_text())["groups"]}

    sources = [
        g
        for name in ("third_positioning.yaml", "third_clarity_technical.yaml")
        for g in yaml.safe_load((LABELLED / name).read_text())["groups"]
    ]
    assert ids("third_test.yaml") | ids("third_tune.yaml") == {g["id"] for g in sources}
    assert not ids("third_test.yaml") & ids("third_tune.yaml")
    earlier = {
        g["source"]["url"]
        for name in ("groups.yaml", "fresh_technical.yaml", "fresh_positioning.yaml")
        for g in yaml.safe_load((LABELLED / name).read_text())["groups"]
    }
    assert all(g["source"]["url"].startswith("http") for g in sources)
    assert not {g["source"]["url"] for g in sources} & earlier
    pairs = evaluate(LABELLED / "third_test.yaml", load_rubrics())
    assert len(pairs) == 29 and accuracy(pairs) >= 0.58


CORRECTNESS = Path(__file__).resolve().parent.parent / "evals" / "correctness"
PUBLIC_SHA256 = "05c2cb1960f464cac314f75c8c9ee47cd84472c049c57b0b869e9d648f403714"


def _not_accepted(verdict: str) -> tuple[int, int]:
    """Answers (of ``verdict``) to how-it-works questions on the frozen public set that the
    interviewer would not simply accept: a listed misconception or a missing key fact."""
    from interviewer.concepts import key_fact_question
    from interviewer.misconceptions import stated

    items = yaml.safe_load((CORRECTNESS / "public.yaml").read_text("utf-8"))["items"]
    group = [
        i
        for i in items
        if i["verdict"] == verdict and (key_fact_question(i["question"], "") or stated(i["answer"]))
    ]
    caught = sum(
        bool(stated(i["answer"]) or key_fact_question(i["question"], i["answer"])) for i in group
    )
    return caught, len(group)


def test_the_public_correctness_set_is_frozen_and_cited():
    raw = (CORRECTNESS / "public.yaml").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == PUBLIC_SHA256
    items = yaml.safe_load(raw)["items"]
    assert len(items) == 156 and len({i["id"] for i in items}) == 156
    for item in items:
        assert item["source"].startswith("http")
        if item["verdict"] == "wrong":
            assert item["wrong_claim"] in item["answer"]


def test_wrong_answers_nobody_here_wrote_are_not_accepted():
    """docs/evaluation.md: on the frozen public set, 53 of 62 wrong answers (85%; answers to
    how-it-works questions, or stating a listed claim) get a challenge or a key-fact question
    instead of "Okay". It was 38 of 48 (79%) before the 57 general concepts of issue 13 gave
    more questions a key fact to ask for; the list of misconceptions alone catches 6. The
    floor sits just below what was measured."""
    caught, total = _not_accepted("wrong")
    assert total == 62
    assert caught / total >= 0.82


def test_the_report_orders_the_candidates_raters_played():
    """docs/grading.md: on 158 rated interviews (rounds 1-17) the raters chose the candidate
    (strong, hesitant, bluffing); the report puts the strong one above the others on
    technical depth (39/39, 50/52), overall (35/39, 51/52) and positioning (28/39, 41/52).
    The floors sit just below."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "rated_candidates.py"
    spec = importlib.util.spec_from_file_location("rated_candidates", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    right, used, _ = module.orderings(1)
    assert used >= 150
    share = {key: ok / n for key, (ok, n) in right.items()}
    assert share[("technical_depth", "strong", "bluffing")] >= 0.95
    assert share[("technical_depth", "strong", "hesitant")] >= 0.9
    assert share[("overall", "strong", "bluffing")] >= 0.85
    assert share[("overall", "strong", "hesitant")] >= 0.9
    assert share[("positioning", "strong", "bluffing")] >= 0.65
    assert share[("positioning", "strong", "hesitant")] >= 0.72


def test_the_positioning_signals_see_what_the_third_tuning_half_taught():
    """The third tuning half's positioning pairs went from 56% to 100% with the phrases it
    taught (blame shifted onto others, a mistake owned, results promised without evidence,
    the company praised in general, "I'd be guessing"): the frozen half moved 63% -> 66%."""
    pairs = [
        p
        for p in evaluate(LABELLED / "third_tune.yaml", load_rubrics())
        if p.criterion == "positioning"
    ]
    assert len(pairs) == 16 and accuracy(pairs) >= 0.9

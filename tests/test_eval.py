"""Simulated candidates and interviewer checks (`interviewer eval`)."""

from __future__ import annotations

import json

import pytest
from conftest import persona
from helpers import run_cli

from interviewer.engine import Interview
from interviewer.errors import ProviderError
from interviewer.evaluation.candidates import ScriptedCandidate, load_candidates
from interviewer.evaluation.checks import run_checks
from interviewer.evaluation.run import ORDERINGS, load_floors, simulate
from interviewer.transcript import Turn


def test_profiles_cover_the_required_behaviours():
    profiles = load_candidates()
    assert set(profiles) >= {
        "strong_hybrid",
        "research_only",
        "rambling",
        "terse",
        "off_topic",
        "empty",
        "gibberish",
        "echo",
        "injection",
        "bluffing",
    }
    floors = load_floors()
    assert floors["one_question_per_turn"] == 1.0 and floors["no_leaked_notes"] == 1.0


def test_scripted_candidates_drive_a_whole_interview(store, scripted):
    profiles = load_candidates()
    down = ProviderError("down", provider="scripted")
    scripted.add(down, down)  # plan-only from the second failure on: every turn is plan text
    session = simulate(persona("recruiter"), ScriptedCandidate(profiles["terse"]), scripted, store)
    assert session.finished
    results = run_checks(session, persona("recruiter"))
    # With the model down every follow-up is a template: the share written by the model is
    # 0 by construction; every rule of the interviewer itself holds.
    assert results.pop("model_written_follow_ups")[0] == 0
    failed = {name: counts for name, counts in results.items() if counts[0] < counts[1]}
    assert failed == {}
    scripted._steps.clear()  # how many follow-ups a terse candidate gets is the engine's call


def _bad(kind, text, seq, speaker="interviewer", notes=()):
    return Turn(
        seq=seq,
        speaker=speaker,
        text=text,
        kind=kind,
        stage_id="intro",
        stage_index=0,
        question_index=0,
        elapsed_s=seq,
        source="plan" if speaker == "interviewer" else "candidate",
        notes=list(notes),
    )


def test_checks_catch_a_bad_interviewer(store, scripted):
    manager = persona("manager_fit")
    interview = Interview.start(manager, scripted, store)
    turns = interview.session.transcript.turns
    turns += [
        _bad("answer", "asdkj qwpoe zxmnv lkjhg", 1, "candidate"),
        _bad(
            "question",
            "Great answer! What did you do? And why?",
            2,
            notes=["fact: mentioned gradient boosting and PyTorch"],
        ),
        _bad("answer", "I used gradient boosting.", 3, "candidate"),
        _bad(
            "follow_up",
            "As noted, fact: mentioned gradient boosting and PyTorch. "
            "Could you start by introducing yourself in a couple of minutes?",
            4,
        ).model_copy(update={"topic": "Kubernetes"}),
    ]
    results = run_checks(interview.session, manager)
    for name in (
        "one_question_per_turn",
        "no_leaked_notes",
        "no_repeated_question",
        "non_answers_asked_again",
        "closes_properly",
        "follow_ups_refer_to_answer",
    ):
        ok, total = results[name]
        assert ok < total, name


@pytest.mark.model
def test_quick_eval_on_the_embedded_model(tmp_path):
    out = run_cli("eval", "--quick", "--out", str(tmp_path), timeout=900)
    print(out.stdout)
    result = json.loads((tmp_path / "eval.json").read_text())
    floors = load_floors()
    rates = {c["check"]: c["rate"] for c in result["checks"]}
    for check, floor in floors.items():
        assert rates[check] >= floor, (check, rates[check], floor)
    assert rates["one_question_per_turn"] == 1.0 and rates["no_leaked_notes"] == 1.0
    assert len(result["orderings"]) == 5 * len(ORDERINGS)
    wrong = [o for o in result["orderings"] if not o["ok"]]
    assert wrong == []
    assert out.returncode == 0, out.stderr[-2000:]
    assert (tmp_path / "eval.md").read_text().startswith("Interviewer model: `local:")

"""Faults of an OpenAI-compatible server (fault server on 127.0.0.1): the interviewer retries
with bounded backoff, then falls back to the plan; the grader keeps its deterministic
scores; the session goes on and no turn is lost."""

from __future__ import annotations

import time

import pytest
from conftest import persona, with_templates

from interviewer.devtools.fault_server import FaultServer
from interviewer.engine import Interview
from interviewer.grading.grader import grade_session
from interviewer.grading.judge import LLMJudge
from interviewer.grading.rubrics import load_rubrics
from interviewer.llm import build_model
from interviewer.settings import Settings

TOPIC_ANSWER = "I studied distributional RL during my master's, with PyTorch."
LONG = (
    "I like building things people use, with tests, reviews and a clear plan agreed with "
    "the team before we start working on anything at all, and I learn from feedback."
)


@pytest.fixture
def server():
    with FaultServer(reply="How did you apply distributional RL in your project?") as s:
        yield s


def model_for(server, **kw):
    settings = dict(
        llm_provider="openai",
        openai_base_url=server.url,
        openai_model="fault",
        llm_timeout_s=2,
        llm_max_retries=2,
    )
    settings.update(kw)
    return build_model(Settings(**settings))


def _nothing_lost(interview, store):
    assert store.load(interview.session.id).transcript.turns == interview.turns


def test_a_healthy_server_is_used(server, store):
    interview = Interview.start(with_templates(persona("manager_fit")), model_for(server), store)
    turn = interview.answer(TOPIC_ANSWER)
    assert turn.source == "model" and turn.text.endswith("distributional RL in your project?")


def test_500s_are_retried_then_the_plan_takes_over(server, store):
    server.push("500", "500", "500")
    interview = Interview.start(with_templates(persona("manager_fit")), model_for(server), store)
    turn = interview.answer(TOPIC_ANSWER)
    assert turn.source == "fallback" and "distributional RL" in turn.text
    assert [m for _, m, _ in server.requests] == ["500", "500", "500"]  # 1 try + 2 retries
    nxt = interview.answer(LONG)  # the session goes on
    assert nxt.kind == "question"
    _nothing_lost(interview, store)


def test_429_waits_for_retry_after_then_succeeds(server, store):
    server.push("429")
    interview = Interview.start(with_templates(persona("manager_fit")), model_for(server), store)
    turn = interview.answer(TOPIC_ANSWER)
    (t1, m1, _), (t2, m2, _) = server.requests
    assert (m1, m2) == ("429", "ok") and t2 - t1 >= 0.9
    assert turn.source == "model"
    _nothing_lost(interview, store)


def test_a_hanging_server_times_out_and_the_interview_goes_on(server, store):
    server.push("hang")
    interview = Interview.start(
        with_templates(persona("manager_fit")),
        model_for(server, llm_timeout_s=1, llm_max_retries=0),
        store,
    )
    start = time.monotonic()
    turn = interview.answer(TOPIC_ANSWER)
    assert time.monotonic() - start < 5
    assert turn.source == "fallback"
    _nothing_lost(interview, store)


def test_a_cut_response_falls_back(server, store):
    server.push("cut", "cut", "cut")
    interview = Interview.start(with_templates(persona("manager_fit")), model_for(server), store)
    turn = interview.answer(TOPIC_ANSWER)
    assert turn.source == "fallback"
    with store.engine.connect() as conn:
        errors = [r[0] for r in conn.exec_driver_sql("SELECT error FROM llm_calls")]
    assert len(errors) == 1 and errors[0]
    _nothing_lost(interview, store)


def test_invalid_output_is_rejected_then_replaced(server, store):
    server.push("invalid")  # one draft per turn: a refused one is not retried
    interview = Interview.start(with_templates(persona("manager_fit")), model_for(server), store)
    turn = interview.answer(TOPIC_ANSWER)
    assert turn.source == "fallback" and len(turn.rejected) == 1
    _nothing_lost(interview, store)


def test_two_failed_turns_switch_to_the_plan_with_a_warning(server, store):
    server.default_mode = "500"
    interview = Interview.start(
        with_templates(persona("manager_fit")), model_for(server, llm_max_retries=0), store
    )
    interview.answer(TOPIC_ANSWER)
    interview.answer(LONG, duration_s=400)
    interview.answer("At Hugging Face I measured SmolLM energy with CodeCarbon.")
    assert interview.warnings and "failed twice" in interview.warnings[0]
    requests = len(server.requests)
    interview.answer("Then I used LoRA to compare.", duration_s=5)
    interview.answer("I used PyTorch for all of it, with unit tests.")
    assert len(server.requests) == requests  # no more calls to a dead server
    _nothing_lost(interview, store)


@pytest.mark.parametrize("mode", ["invalid", "500", "cut"])
def test_the_grader_keeps_deterministic_scores(server, store, scripted, mode):
    interview = Interview.start(persona("manager_fit"), scripted, store)
    interview.answer(LONG, duration_s=600)
    server.default_mode = mode
    judge = LLMJudge(model_for(server, llm_max_retries=0))
    base = grade_session(interview.session, persona("manager_fit"), load_rubrics())
    report = grade_session(interview.session, persona("manager_fit"), load_rubrics(), judge=judge)
    assert [c.score for c in report.criteria] == [c.score for c in base.criteria]
    assert all("deterministic score kept" in c.sources[-1] for c in report.criteria)


def test_a_hanging_server_costs_one_default_timeout_then_the_plan_speaks(server, store):
    """Issue #14.5: with the default settings a hanging model blocked a turn for 185 s."""
    server.push("hang")
    defaults = Settings(llm_provider="openai", openai_base_url=server.url, openai_model="fault")
    interview = Interview.start(
        with_templates(persona("manager_fit")), build_model(defaults), store
    )
    start = time.monotonic()
    turn = interview.answer(TOPIC_ANSWER)
    waited = time.monotonic() - start
    assert turn.source == "fallback"
    assert waited < defaults.llm_timeout_s + 2, waited
    print(f"hanging model, default settings: the turn came after {waited:.1f} s")
    _nothing_lost(interview, store)

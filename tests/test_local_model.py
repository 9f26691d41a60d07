"""The embedded default model (Qwen2.5-Coder-0.5B in llama.cpp, in-process) holds a coherent
interview: every interviewer turn passes validation, after fallback where needed."""

from __future__ import annotations

import pytest
from conftest import persona
from helpers import visible_problems

from interviewer.engine import Interview
from interviewer.llm import build_model
from interviewer.settings import Settings

pytestmark = pytest.mark.model

ANSWERS = [
    "For my take-home I trained an agent with PPO on a routing problem, and I read about "
    "distributional RL and the Rainbow paper to improve the value estimates.",
    "I used PyTorch and wrote the training loop myself, with unit tests for the environment.",
    "Distributional RL learns the whole distribution of returns instead of only the mean.",
    "Honestly I am not sure how Rainbow combines all its parts; I only read the abstract.",
    "MCTS balances exploration and exploitation with an upper confidence bound on each node.",
    "In a Bayesian network I would use variational inference or MCMC when exact inference fails.",
    "The limitation of PPO in my project was sample efficiency: it needed ten million steps.",
    "I compared it with a DQN baseline, and PPO was 20% better on the test instances.",
    "What does a typical week look like for an intern in the team?",
    "No, that's all, thank you very much.",
]


@pytest.fixture(scope="module")
def local_model():
    # A generous turn budget: these tests check the model's words, not its speed.
    model = build_model(Settings(llm_provider="local", llm_seed=7, llm_turn_budget_s=60))
    model.load()
    return model


def test_bundled_model_answers(local_model):
    reply = local_model.invoke("Say hello.")
    assert isinstance(reply.content, str) and reply.content.strip()


def test_ten_turn_interview_is_coherent(local_model, store):
    research = persona("research_scientist")
    interview = Interview.start(research, local_model, store)
    for answer in ANSWERS:
        if interview.finished:
            break
        # Answers of two and a half minutes: the script was written for the planned questions,
        # and a fast candidate also gets the stages' spare questions (round 32).
        interview.answer(answer, duration_s=150)
    interviewer_turns = [t for t in interview.turns if t.speaker == "interviewer"]
    assert len(interviewer_turns) >= 10
    assert visible_problems(interview.turns, research) == []
    for turn in interviewer_turns:
        if turn.kind != "close":
            assert turn.text.count("?") == 1, turn.text
    sources = [t.source for t in interviewer_turns]
    print("interviewer turn sources:", {s: sources.count(s) for s in set(sources)})
    # The model is really in the loop: it was called, and its output was judged. (Three
    # calls at least for these nine answers: since this round the rules answer the turns
    # they can, the presses, clarifications and facts, and the model writes follow-ups.)
    assert store.llm_call_count(interview.session.id) >= 3
    assert sources.count("model") >= 2


def test_the_model_reads_the_persona_while_the_candidate_reads_the_question(local_model, store):
    """Warm-up: the persona's system prompt is evaluated in the background at session start,
    so the first follow-up only pays for its own task."""
    interview = Interview.start(persona("manager_fit"), local_model, store)
    warming = interview.warming
    assert warming is not None
    warming.join(timeout=120)
    assert local_model._llama.n_tokens > 100  # the system prompt is in llama.cpp's context
    assert store.llm_call_count(interview.session.id) == 0  # not a logged interviewer turn


def test_the_model_reads_the_answer_while_it_is_spoken(local_model, store):
    """Read-ahead: while the candidate speaks, the follow-up prompt up to the words heard so
    far is evaluated; when they stop, the real call finds all of it in llama.cpp's context
    and only evaluates what follows (the last words and the instructions)."""
    from interviewer.llm.local import chatml
    from interviewer.llm.messages import to_openai_dicts

    interview = Interview.start(persona("research_scientist"), local_model, store)
    interview.warming.join(timeout=120)
    heard = ANSWERS[0].rsplit(" and ", 1)[0]  # the candidate is still speaking
    interview.prefill(heard)
    llama = local_model._llama
    read = list(llama._input_ids)
    assert store.llm_call_count(interview.session.id) == 0  # not an interviewer turn
    calls = []
    original = local_model._generate

    def spy(messages, *args, **kwargs):
        calls.append(messages)
        return original(messages, *args, **kwargs)

    object.__setattr__(local_model, "_generate", spy)
    try:
        interview.answer(ANSWERS[0])
    finally:
        object.__delattr__(local_model, "_generate")
    assert calls, "the answer got no model follow-up"
    prompt = llama.tokenize(chatml(to_openai_dicts(calls[0])).encode(), special=True)
    shared = next(
        (i for i, (a, b) in enumerate(zip(read, prompt, strict=False)) if a != b), len(read)
    )
    heard_at = len(llama.tokenize(heard.encode(), add_bos=False))
    # All that was read ahead, up to the last word or two heard, is the real prompt's start.
    assert shared >= len(read) - 4 and shared > 150 + heard_at, (shared, len(read))

"""The openai provider against a real OpenAI-compatible server on 127.0.0.1:
``python -m llama_cpp.server`` serving the bundled SmolLM2 model. No mock of the client."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest
from conftest import persona, with_templates
from helpers import visible_problems

from interviewer.engine import Interview
from interviewer.llm import build_model
from interviewer.llm.bundled import MODELS, model_path
from interviewer.settings import Settings

pytestmark = pytest.mark.model


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(model_path(MODELS["smollm2-135m"])),
                "--model_alias",
                "smollm2",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "2048",
                "--seed",
                "7",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"llama_cpp.server did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def openai_settings(url: str, **kw) -> Settings:
    return Settings(llm_provider="openai", openai_base_url=url, openai_model="smollm2", **kw)


def test_provider_talks_to_a_real_server(server_url):
    model = build_model(openai_settings(server_url, llm_max_tokens=24))
    reply = model.invoke("Name one programming language.")
    assert isinstance(reply.content, str) and reply.content.strip()
    # max_tokens reaches the server (sent raw for compatible servers).
    assert reply.response_metadata["token_usage"]["completion_tokens"] <= 24


def test_interview_over_the_openai_provider(server_url, store):
    model = build_model(openai_settings(server_url))
    engineer = persona("technical_engineer")
    interview = Interview.start(engineer, model, store)
    for answer in [
        "I built a token classification head on top of a pretrained transformer for NER.",
        "I used PyTorch and a linear layer per token, trained with cross-entropy.",
        "We measured precision and recall per entity type, and F1 improved by 6 points.",
        "I chose the features with a simple ablation study on the validation set.",
    ]:
        interview.answer(answer)
    assert interview.session.model == "openai:smollm2"
    assert visible_problems(interview.turns, engineer) == []
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT response, error FROM llm_calls").all()
    assert rows and all(r.error is None and r.response for r in rows)


def test_dead_server_falls_back_and_the_interview_goes_on(store):
    dead = f"http://127.0.0.1:{free_port()}/v1"
    model = build_model(openai_settings(dead, llm_max_retries=0, llm_timeout_s=2))
    manager = with_templates(persona("manager_fit"))
    interview = Interview.start(manager, model, store)
    started = time.monotonic()
    first = interview.answer("I studied distributional RL at InstaDeep with PyTorch.")
    planned = interview.answer("I used CodeCarbon to measure the energy of SmolLM models.")
    third = interview.answer("For the energy project I used CodeCarbon to measure SmolLM models.")
    assert time.monotonic() - started < 10
    assert first.source == third.source == "fallback" and planned.source == "plan"
    assert interview.warnings and "failed twice" in interview.warnings[0]
    assert "Connection" in interview.warnings[0]
    with store.engine.connect() as conn:
        errors = [r.error for r in conn.exec_driver_sql("SELECT error FROM llm_calls")]
    assert len(errors) == 2 and all("Connection" in e for e in errors)
    assert len(store.load(interview.session.id).transcript.turns) == 7

"""Shared test helpers (plain functions, no mocks)."""

from __future__ import annotations

import re

from langchain_core.messages import BaseMessage

from interviewer.engine import core_question
from interviewer.transcript import Turn
from interviewer.validation import TurnContext, check

TOPIC_IN_PROMPT = re.compile(r"follow-up question about (.+?)\. Address")


def ask_about_topic(messages: list[BaseMessage]) -> str:
    """A scripted step that words a sensible follow-up from the prompt it receives."""
    topic = TOPIC_IN_PROMPT.search(str(messages[-1].content)).group(1)
    return f"How did you apply {topic} in practice?"


def visible_problems(turns: list[Turn], persona) -> list[str]:
    """Validation problems of every interviewer question turn, as the engine would see them.
    The invitation to start a monologue (the pitch) is an instruction, not a question."""
    problems = []
    earlier: list[str] = []
    language = persona.language
    for turn in turns:
        if turn.speaker != "interviewer" or persona.stages[turn.stage_index].kind == "monologue":
            continue
        if turn.is_question:
            q = core_question(turn.text)
            # Asking again is meant to repeat the question; everything else must not.
            before = [] if turn.kind == "reask" else earlier
            found = check(q, "question", TurnContext(language=language, earlier_questions=before))
            if turn.kind != "reask":
                earlier.append(q)
            problems += [f"turn {turn.seq} {q!r}: {p}" for p in found]
    return problems


def cli_env(**extra: str) -> dict:
    """The environment for a CLI subprocess: no INTERVIEWER_* from the developer's shell,
    this test's data directory, plus ``extra``."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("INTERVIEWER_")}
    env["INTERVIEWER_DATA_DIR"] = os.environ["INTERVIEWER_DATA_DIR"]
    env.update(extra)
    return env


def run_cli(*args: str, stdin: str | None = None, env: dict | None = None, timeout: float = 300):
    """Run ``python -m interviewer ARGS`` as a user would; returns the CompletedProcess."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "interviewer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(**(env or {})),
        timeout=timeout,
    )


def chat_texts(messages: list[dict]) -> list[tuple[str, str]]:
    """(role, text) pairs from a Gradio Chatbot value as the API returns it."""
    out = []
    for m in messages:
        content = m["content"]
        if isinstance(content, list):
            content = " ".join(part.get("text", "") for part in content)
        out.append((m["role"], content))
    return out

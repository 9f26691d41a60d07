"""Simulated candidates: profiles as YAML, answered from scripted banks offline, or by an
LLM playing the profile when one is configured."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, ConfigDict, Field

from ..engine import Interview
from ..llm import describe
from ..llm.calls import call_model
from ..prompting import template
from ..text import core_question
from ..yamlfile import load_model


class CandidateSpec(BaseModel):
    """A simulated candidate. ``answers`` maps a question kind (``open``, ``preference``,
    ``follow_up``, ``candidate_questions``...) to answers used in turn; ``default`` covers
    the rest."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    description: str
    background: str = ""
    behaviour: Literal["bank", "echo", "empty"] = "bank"
    answers: dict[str, list[str]] = Field(default_factory=dict)


def evals_dir() -> Path:
    """The evaluation files (``evals/`` in the repository, shipped inside the package)."""
    from ..bundled import directory

    return directory("evals")


def load_candidates(directory: Path | None = None) -> dict[str, CandidateSpec]:
    directory = directory or evals_dir() / "candidates"
    return {
        p.stem: load_model(p, CandidateSpec, defaults={"id": p.stem})
        for p in sorted(directory.glob("*.yaml"))
    }


def question_kind(interview: Interview) -> str:
    """What the pending question is, to choose an answer from the bank."""
    turn = interview.current_turn
    stage = interview.persona.stages[turn.stage_index]
    if stage.kind == "candidate_questions":
        return "candidate_questions"
    if turn.kind == "follow_up":
        return "follow_up"
    return stage.questions[turn.question_index].kind


class ScriptedCandidate:
    """Answers from the profile's banks, in turn; deterministic."""

    def __init__(self, spec: CandidateSpec):
        self.spec = spec
        self.used: dict[str, int] = {}

    def answer(self, interview: Interview) -> str:
        if self.spec.behaviour == "empty":
            return ""
        if self.spec.behaviour == "echo":
            return core_question(interview.current_turn.text)
        kind = question_kind(interview)
        bank = self.spec.answers.get(kind) or self.spec.answers.get("default") or [""]
        if kind == "follow_up" and kind not in self.spec.answers:
            bank = self.spec.answers.get("default") or bank
        i = self.used.get(kind, 0)
        self.used[kind] = i + 1
        return bank[i % len(bank)]


class LLMCandidate:
    """A configured model plays the profile (background and style); falls back to the bank
    when it says nothing usable."""

    def __init__(self, spec: CandidateSpec, model: BaseChatModel):
        self.spec = spec
        self.model = model
        self.fallback = ScriptedCandidate(spec)

    def answer(self, interview: Interview) -> str:
        if self.spec.behaviour != "bank":
            return self.fallback.answer(interview)
        examples = " | ".join(a for bank in self.spec.answers.values() for a in bank[:1])[:1500]
        system = template("candidate").safe_substitute(
            description=self.spec.description,
            background=self.spec.background or "-",
            examples=examples,
        )
        reply = call_model(
            self.model,
            [SystemMessage(system), HumanMessage(interview.current_turn.text)],
            purpose="simulated candidate",
            model_name=describe(self.model),
            log=functools.partial(interview.store.log_llm_call, session_id=interview.session.id),
        )
        # An unavailable model means the answer bank answers.
        return (reply.text or "").strip() or self.fallback.answer(interview)

"""What a chat model can do, said once by its provider and read in one place.

The chat-model port is langchain's ``BaseChatModel``; what this project needs to know on
top of it (may it judge answers by default, must its weights be loaded in this process
before the first question, which server answers a health check) travels with the model as
a typed :class:`Capabilities`, declared by the provider's factory. A plugin that declares
nothing gets the safe defaults: no default judging, nothing to load, no server to probe.
"""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, ConfigDict

_KEY = "interviewer_capabilities"


class Capabilities(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    judges_by_default: bool = False
    """Capable enough to grade answers: the report adds it as a judge unless told not to
    (a 0.5B embedded model is not: grading stays deterministic)."""
    loads_in_process: bool = False
    """Its weights are loaded in this process by ``model.load()``: done before the first
    question, and in the background in the web app."""
    server_url: str | None = None
    """An OpenAI-compatible server whose model list is the health check."""


def declare(**capabilities: object) -> dict[str, object]:
    """The ``metadata`` entry a provider's factory sets on the model it builds."""
    return {_KEY: Capabilities.model_validate(capabilities).model_dump()}


def capabilities(model: BaseChatModel) -> Capabilities:
    """What ``model`` declared, or the safe defaults."""
    raw = (model.metadata or {}).get(_KEY)
    return Capabilities.model_validate(raw) if raw else Capabilities()


def load(model: BaseChatModel) -> bool:
    """Load an in-process model now (the first follow-up must not pay for it); False when
    there is nothing to load."""
    if not capabilities(model).loads_in_process:
        return False
    model.load()  # type: ignore[attr-defined]  # declared by loads_in_process
    return True

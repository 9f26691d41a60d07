"""A strict scripted fake of the chat-model port (langchain's ``BaseChatModel``).

It replays the given responses in order, records every call, raises
:class:`UnexpectedModelCall` on a call beyond the script and, from
:meth:`ScriptedChatModel.assert_complete`, when responses are left over. Fakes
that cycle their answers hide bugs; this one never does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from langchain_core.messages import BaseMessage
from pydantic import PrivateAttr

from ..errors import ConfigError, UnexpectedModelCall
from ..llm.text_model import TextChatModel
from ..settings import Settings

Step = str | Exception | Callable[[list[BaseMessage]], str]


class ScriptedChatModel(TextChatModel):
    """Replays ``steps``: a string is returned, an exception raised, a callable called
    with the messages."""

    name_: str = "scripted"
    _steps: list[Step] = PrivateAttr(default_factory=list)
    _calls: list[list[BaseMessage]] = PrivateAttr(default_factory=list)

    def __init__(self, steps: list[Step] | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self._steps = list(steps or [])

    @property
    def _llm_type(self) -> str:
        return "scripted"

    @property
    def calls(self) -> list[list[BaseMessage]]:
        """The messages of every call so far."""
        return list(self._calls)

    @property
    def remaining(self) -> int:
        return len(self._steps)

    def add(self, *steps: Step) -> ScriptedChatModel:
        self._steps.extend(steps)
        return self

    def assert_complete(self) -> None:
        if self._steps:
            raise AssertionError(
                f"scripted model: {len(self._steps)} response(s) never requested: "
                f"{[s if isinstance(s, str) else repr(s) for s in self._steps][:3]}"
            )

    def _complete(self, messages: list[BaseMessage], stop: list[str], **kwargs: Any) -> str:
        self._calls.append(list(messages))
        if not self._steps:
            last = str(messages[-1].content)[-300:] if messages else ""
            raise UnexpectedModelCall(
                f"scripted model: unexpected call #{len(self._calls)} "
                f"(script exhausted); last message ends: {last!r}"
            )
        step = self._steps.pop(0)
        if isinstance(step, Exception):
            raise step
        return step(messages) if callable(step) else step


def build_from_settings(settings: Settings) -> ScriptedChatModel:
    """``INTERVIEWER_LLM_PROVIDER=scripted`` with ``INTERVIEWER_SCRIPTED_FILE`` holding a
    JSON or YAML list of responses."""
    path = settings.scripted_file
    if path is None:
        return ScriptedChatModel([])
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text) if Path(path).suffix == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError) as e:
        raise ConfigError(f"cannot read scripted responses: {e}", path=str(path)) from e
    if not isinstance(data, list) or not all(isinstance(s, str) for s in data):
        raise ConfigError("expected a list of strings", path=str(path))
    return ScriptedChatModel(data)

"""Convert between langchain messages and the OpenAI wire format (adapter edge only)."""

from __future__ import annotations

from langchain_core.messages import BaseMessage

_ROLES = {"system": "system", "human": "user", "ai": "assistant"}


def to_openai_dicts(messages: list[BaseMessage]) -> list[dict[str, str]]:
    return [{"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages]

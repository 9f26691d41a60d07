"""The chat-model port for providers that answer with plain text (the local GGUF model, the
scripted fake): langchain's ``_generate`` is written here once, and each provider writes
only how it turns messages into text."""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult


class TextChatModel(BaseChatModel):
    @abstractmethod
    def _complete(self, messages: list[BaseMessage], stop: list[str], **kwargs: Any) -> str:
        """The reply to ``messages``; ``kwargs`` are the call's own settings (a budget)."""

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = self._complete(messages, stop or [], **kwargs)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

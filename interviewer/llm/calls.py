"""One model call, made the same way by every caller (the interviewer, the judge, the
simulated candidates): a provider's failure becomes an error message at this port
boundary, a strict test fake's ``AssertionError`` is never swallowed, and each call can be
logged with its prompt, answer, error and duration."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from .messages import to_openai_dicts

#: ``log(model=, purpose=, messages=, response=, error=, started=)``, as
#: :meth:`interviewer.store.Store.log_llm_call` with its session bound.
CallLog = Callable[..., None]


@dataclass(frozen=True)
class Reply:
    text: str | None
    error: str | None


def call_model(
    model: BaseChatModel,
    messages: list[BaseMessage],
    *,
    purpose: str,
    model_name: str,
    log: CallLog | None = None,
    stop: list[str] | None = None,
) -> Reply:
    """The model's text, or the error that stopped it; logged when ``log`` is given."""
    started = time.monotonic()
    text: str | None = None
    error: str | None = None
    try:
        reply = model.invoke(messages, stop=stop) if stop else model.invoke(messages)
        text = reply.content if isinstance(reply.content, str) else str(reply.content)
    except AssertionError:
        raise  # a strict test fake saying the script is wrong: never swallow it
    except Exception as e:  # the port boundary: any provider failure means "no text"
        error = f"{type(e).__name__}: {e}"[:2000]
    if log is not None:
        log(
            model=model_name,
            purpose=purpose,
            messages=to_openai_dicts(messages),
            response=text,
            error=error,
            started=started,
        )
    return Reply(text, error)

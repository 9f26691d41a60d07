"""The embedded default: a GGUF model run in-process by llama.cpp, loaded once, lazily.

Which model is a setting (``INTERVIEWER_LOCAL_MODEL``: the bundled Qwen2.5-Coder-0.5B by
default, SmolLM2-135M for small machines) or a file (``INTERVIEWER_LOCAL_MODEL_PATH``).
Prompts are written with the project's own ChatML template, not the one stored in the
GGUF: the file's bytes are checked, its embedded template is not trusted.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage
from pydantic import PrivateAttr

from .. import progress
from ..errors import ConfigError, ProviderError
from ..registry import lookup, require
from ..settings import Settings
from .bundled import MODELS, model_path
from .capabilities import declare
from .messages import to_openai_dicts
from .text_model import TextChatModel

INSTALL_HINT = "install the project with `pip install -e .` (it brings llama-cpp-python)"
_SPECIAL = ("<|im_start|>", "<|im_end|>", "<|endoftext|>")


def chatml(messages: list[dict], *, open_assistant: bool = True) -> str:
    """ChatML text for ``messages``; special tokens inside a message are broken up, so a
    candidate cannot close the user turn and write a system one."""
    parts = []
    for message in messages:
        content = str(message.get("content") or "")
        for token in _SPECIAL:
            content = content.replace(token, token.replace("|", "¦"))
        parts.append(f"<|im_start|>{message['role']}\n{content}<|im_end|>\n")
    if open_assistant:
        parts.append("<|im_start|>assistant\n")
    return "".join(parts)


class LocalLlamaChat(TextChatModel):
    """A llama.cpp model in this process. Calls are serialised: llama.cpp contexts are
    not thread-safe. llama.cpp keeps the evaluated prompt, so calls that share the same
    system message only pay for what follows it (see :meth:`warm`)."""

    model_path: Path | None = None
    bundled: str | None = None
    cache_dir: Path | None = None
    n_ctx: int = 2048
    n_threads: int | None = None
    temperature: float = 0.4
    max_tokens: int = 120
    seed: int | None = None
    #: Seconds a call may generate before it is cut (the turn budget); None: no limit.
    time_budget_s: float | None = None

    _llama: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "local"

    @property
    def model_name(self) -> str:
        return self.bundled or (self.model_path.stem if self.model_path else "local")

    def load(self) -> Any:
        """Load the weights (once); safe to call from any thread."""
        with self._lock:
            return self._load()

    def _load(self) -> Any:
        if self._llama is not None:
            return self._llama
        llama_cpp = require(
            "llama_cpp",
            provider="local",
            missing=f"llama-cpp-python is not installed: {INSTALL_HINT}",
        )
        path = self.model_path or model_path(MODELS[self.bundled or ""], self.cache_dir)
        with progress.task(f"Loading {path.name}"):
            try:
                self._llama = llama_cpp.Llama(
                    model_path=str(path),
                    n_ctx=self.n_ctx,
                    n_threads=self.n_threads or max(1, (os.cpu_count() or 2)),
                    seed=self.seed if self.seed is not None else -1,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as e:
                raise ProviderError(f"cannot load {path}: {e}", provider="local") from e
        atexit.register(self._close)
        return self._llama

    def _close(self) -> None:
        """At exit: wait for a call in flight, then free llama.cpp before the interpreter
        tears down (freeing it under a running call crashes the process)."""
        with self._lock:
            llama, self._llama = self._llama, None
            if llama is not None:
                llama.close()

    def warm(self, messages: list[BaseMessage], *, partial: bool = False) -> None:
        """Evaluate a prompt's beginning now, so the real call only pays for what follows:
        the persona's system prompt while the candidate reads the first question, or
        (``partial``: the last message left open) a follow-up prompt up to the words heard
        so far while the candidate is still speaking. A partial warm-up never waits for a
        call in flight: it is skipped."""
        head = chatml(to_openai_dicts(messages), open_assistant=False)
        if partial:
            head = head.removesuffix("<|im_end|>\n")
        if not self._lock.acquire(blocking=not partial):
            return
        try:
            llama = self._load()
            llama.create_completion(head, max_tokens=1, temperature=0.0)
        finally:
            self._lock.release()

    def _complete(self, messages: list[BaseMessage], stop: list[str], **kwargs: Any) -> str:
        prompt = chatml(to_openai_dicts(messages))
        budget = kwargs.get("time_budget_s", self.time_budget_s)
        with self._lock:
            llama = self._load()
            started = time.monotonic()

            def over_budget(_tokens: Any, _logits: Any) -> bool:
                return budget is not None and time.monotonic() - started > budget

            out = llama.create_completion(
                prompt,
                max_tokens=kwargs.get("max_tokens", self.max_tokens),
                temperature=kwargs.get("temperature", self.temperature),
                stop=[*stop, *_SPECIAL],
                stopping_criteria=over_budget,
            )
        choice = out["choices"][0]
        text = choice.get("text") or ""
        if budget is not None and time.monotonic() - started > budget:
            raise ProviderError(
                f"no complete turn within the {budget:.1f} s budget", provider="local"
            )
        return text


def build(settings: Settings) -> LocalLlamaChat:
    """The configured local model; nothing is joined or loaded until the first call."""
    path = settings.local_model_path
    bundled = None
    if path is None:
        bundled = lookup(
            MODELS, settings.local_model, what="bundled model", setting="INTERVIEWER_LOCAL_MODEL"
        ).name
    elif not Path(path).is_file():
        raise ConfigError(f"GGUF file not found: {path}", field="INTERVIEWER_LOCAL_MODEL_PATH")
    return LocalLlamaChat(
        model_path=Path(path) if path else None,
        bundled=bundled,
        cache_dir=settings.model_cache,
        n_ctx=settings.local_n_ctx,
        n_threads=settings.local_n_threads,
        temperature=settings.llm_temperature,
        max_tokens=settings.llm_max_tokens,
        seed=settings.llm_seed,
        time_budget_s=settings.llm_turn_budget_s,
        # A small embedded model cannot judge answers reliably: grading stays deterministic.
        metadata=declare(judges_by_default=False, loads_in_process=True),
    )

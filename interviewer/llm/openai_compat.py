"""OpenAI, or any OpenAI-compatible server (Ollama, vLLM, llama.cpp's server), by base URL."""

from __future__ import annotations

from langchain_openai import ChatOpenAI

from ..errors import ConfigError
from ..settings import Settings


def build(settings: Settings) -> ChatOpenAI:
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    if not key and not settings.openai_base_url:
        raise ConfigError(
            "the openai provider needs INTERVIEWER_OPENAI_API_KEY, or "
            "INTERVIEWER_OPENAI_BASE_URL for a local OpenAI-compatible server",
            field="INTERVIEWER_OPENAI_API_KEY",
        )
    return ChatOpenAI(
        model=settings.openai_model,
        base_url=settings.openai_base_url,
        # Local servers accept any key; the client insists on having one.
        api_key=key or "not-needed",
        temperature=settings.llm_temperature,
        # OpenAI takes max_completion_tokens; most compatible servers (llama.cpp, Ollama,
        # older vLLM) only read max_tokens, which the client would rename: send it raw.
        max_completion_tokens=None if settings.openai_base_url else settings.llm_max_tokens,
        extra_body={"max_tokens": settings.llm_max_tokens} if settings.openai_base_url else None,
        timeout=settings.llm_timeout_s,
        max_retries=settings.llm_max_retries,
        seed=settings.llm_seed,
        metadata={"judge_by_default": True},
    )

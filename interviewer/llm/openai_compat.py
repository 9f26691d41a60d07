"""OpenAI, or any OpenAI-compatible server (Ollama, vLLM, llama.cpp's server), by base URL."""

from __future__ import annotations

from langchain_openai import ChatOpenAI

from ..errors import ConfigError, ProviderError
from ..settings import Settings
from .capabilities import declare


def build(settings: Settings) -> ChatOpenAI:
    key = settings.openai_key()
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
        metadata=declare(judges_by_default=True, server_url=settings.openai_base_url),
    )


def probe(base_url: str | None, key: str | None, *, provider: str) -> list[str]:
    """``GET /models`` on an OpenAI-compatible server (the health check of the app's
    provider table): the model names, [] for a server without a model list."""
    from openai import NotFoundError, OpenAI

    client = OpenAI(base_url=base_url, api_key=key or "not-needed", timeout=5.0, max_retries=0)
    try:
        return [m.id for m in client.models.list()]
    except NotFoundError:
        return []
    except Exception as e:  # the port boundary: any failure means "not reachable"
        raise ProviderError(
            f"{base_url} does not answer: {type(e).__name__}: {e}", provider=provider
        ) from e

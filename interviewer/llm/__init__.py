"""The chat-model port: langchain's ``BaseChatModel``, built from configuration.

Providers are factories ``build(settings) -> BaseChatModel`` registered as entry
points of group ``interviewer.llm_providers``; a plugin package adds one the same
way. The name in ``INTERVIEWER_LLM_PROVIDER`` is looked up, never compared.
"""

from __future__ import annotations

from collections.abc import Callable

from langchain_core.language_models import BaseChatModel

from .. import registry
from ..settings import Settings

Factory = Callable[[Settings], BaseChatModel]
GROUP = "interviewer.llm_providers"

#: Built-in providers, used when the package's entry points are not installed.
BUILTIN = {
    "local": "interviewer.llm.local:build",
    "openai": "interviewer.llm.openai_compat:build",
    "scripted": "interviewer.testing.chat:build_from_settings",
}


def providers() -> dict[str, str]:
    """Provider name to ``module:function``, plugins included."""
    return registry.providers(GROUP, BUILTIN)


def build_model(settings: Settings) -> BaseChatModel:
    """The chat model named by ``settings.llm_provider``; nothing is loaded yet."""
    build: Factory = registry.factory(
        GROUP,
        BUILTIN,
        settings.llm_provider,
        what="LLM provider",
        setting="INTERVIEWER_LLM_PROVIDER",
    )
    model = build(settings)
    model.metadata = {**(model.metadata or {}), "interviewer_provider": settings.llm_provider}
    return model


def describe(model: BaseChatModel) -> str:
    """A short human name for the model in use, e.g. ``openai:gpt-4o-mini``."""
    provider = (model.metadata or {}).get("interviewer_provider", model._llm_type)
    name = getattr(model, "model_name", None) or getattr(model, "model", None)
    return f"{provider}:{name}" if name else provider

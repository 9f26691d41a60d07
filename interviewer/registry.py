"""Providers are looked up by the name a setting gives, never compared in if-chains.

The chat models, the transcribers and the voices are found the same way: the built-in
ones, then any installed package's entry points in the kind's group
(``interviewer.llm_providers``, ``interviewer.stt_providers``,
``interviewer.tts_providers``), each a ``module:function`` taking the settings."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any, TypeVar

from .errors import ConfigError, ProviderError

T = TypeVar("T")


def lookup(registry: Mapping[str, T], name: str, *, what: str, setting: str) -> T:
    """``registry[name]``, or a message naming the setting and what is available."""
    try:
        return registry[name]
    except KeyError as e:
        raise ConfigError(
            f"unknown {what} '{name}' (available: {', '.join(sorted(registry))})",
            field=setting,
        ) from e


def providers(group: str, builtin: Mapping[str, str]) -> dict[str, str]:
    """Provider name to ``module:function`` for one kind: built-in, then plugins."""
    found = dict(builtin)
    for ep in entry_points(group=group):
        found[ep.name] = ep.value
    return found


def factory(
    group: str, builtin: Mapping[str, str], name: str, *, what: str, setting: str
) -> Callable[..., Any]:
    """The factory registered under ``name``, imported only when it is the one asked for."""
    target = lookup(providers(group, builtin), name, what=what, setting=setting)
    module_name, _, attr = target.partition(":")
    return getattr(import_module(module_name), attr)


def require(module: str, *, provider: str, missing: str) -> Any:
    """A provider's own package, imported when first used; when it is not installed, the
    message ``missing`` (what to install), not an ImportError from deep inside a call."""
    try:
        return import_module(module)
    except ImportError as e:
        raise ProviderError(missing, provider=provider) from e

"""Providers are looked up by the name a setting gives, never compared in if-chains."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from .errors import ConfigError

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

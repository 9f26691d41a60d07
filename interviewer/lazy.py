"""Heavy objects (a speech model, a voice) built on first use, once, whichever thread asks
first: starting the app or importing a module never loads a model."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    def __init__(self, build: Callable[[], T]):
        self._build = build
        self._value: T | None = None
        #: Held while building; a caller whose object is not thread-safe holds it to use it.
        self.lock = threading.Lock()

    def get(self) -> T:
        with self.lock:
            if self._value is None:
                self._value = self._build()
            return self._value


class LoadsOnce:
    """A provider whose heavy part (a speech model, a voice) ``_load`` builds once: on first
    use, or when the app warms it up."""

    def __init__(self) -> None:
        self._loaded: Lazy = Lazy(self._load)

    def load(self):
        """Load and warm up once (thread-safe)."""
        return self._loaded.get()

    def _load(self):
        raise NotImplementedError

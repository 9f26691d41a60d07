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

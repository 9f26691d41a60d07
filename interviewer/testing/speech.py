"""Strict scripted fakes of the speech ports: they subclass ``Transcriber`` and
``Speaker``, so a change to a port's signature breaks them as it breaks the real adapters."""

from __future__ import annotations

import numpy as np

from ..errors import UnexpectedModelCall
from ..voice.stt import Transcriber, Transcription
from ..voice.tts import Speaker


class ScriptedTranscriber(Transcriber):
    """Returns the given transcriptions in order; a call beyond them is an error."""

    def __init__(self, results: list[Transcription]):
        self._results = list(results)
        self.calls: list[tuple[int, str | None]] = []

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None) -> Transcription:
        self.calls.append((len(audio), prompt))
        if not self._results:
            raise UnexpectedModelCall(f"scripted transcriber: unexpected call #{len(self.calls)}")
        return self._results.pop(0)

    def assert_complete(self) -> None:
        if self._results:
            raise AssertionError(f"scripted transcriber: {len(self._results)} result(s) unused")


class ScriptedSpeaker(Speaker):
    """A short tone per call (longer for more words), and the texts it was given."""

    sample_rate = 16_000

    def __init__(self):
        self.texts: list[str] = []

    def synthesize(self, text: str) -> np.ndarray:
        self.texts.append(text)
        t = np.arange(int(0.05 * self.sample_rate * max(1, len(text.split())))) / self.sample_rate
        return (0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)

"""The interviewer's voice: hibari-tts (bundled English voice) by default, any
OpenAI-compatible speech endpoint by configuration, or none."""

from __future__ import annotations

import io
import re
import wave
from collections.abc import Iterator
from typing import Protocol

import numpy as np

from .. import progress, registry
from ..errors import ConfigError, ProviderError
from ..lazy import LoadsOnce
from ..registry import require
from ..settings import Settings

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


class Speaker(Protocol):
    sample_rate: int

    def synthesize(self, text: str) -> np.ndarray: ...


def stream(speaker: Speaker, text: str) -> Iterator[np.ndarray]:
    """Sentence by sentence, so the first audio is ready after the first sentence."""
    for sentence in split_sentences(text):
        yield speaker.synthesize(sentence)


class HibariSpeaker(LoadsOnce, Speaker):
    sample_rate = 24_000

    def __init__(self, voice: str | None = None, speed: float = 1.0, seed: int | None = 0):
        self.voice = voice
        self.speed = speed
        self.seed = seed
        LoadsOnce.__init__(self)

    def _load(self):
        hibari = require(
            "hibari",
            provider="hibari",
            missing="hibari-tts is not installed: install the project with `pip install -e .`",
        )
        with progress.task("Loading the interviewer's voice"):
            try:
                return hibari.Hibari(voice=self.voice) if self.voice else hibari.Hibari()
            except RuntimeError as e:  # another voice, offline: it names the file
                raise ConfigError(str(e), field="INTERVIEWER_TTS_VOICE") from e

    def synthesize(self, text: str) -> np.ndarray:
        tts = self.load()
        with self._loaded.lock:  # one synthesis at a time
            return np.asarray(tts(text, speed=self.speed, seed=self.seed), dtype=np.float32)


class OpenAISpeaker(Speaker):
    """``/v1/audio/speech`` of OpenAI or a compatible server, as 16-bit WAV."""

    sample_rate = 24_000

    def __init__(self, settings: Settings):
        from openai import OpenAI

        key = settings.openai_key()
        self.client = OpenAI(
            base_url=settings.tts_base_url or settings.openai_base_url,
            api_key=key or "not-needed",
            timeout=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
        )
        self.model = settings.tts_model
        self.voice = settings.tts_voice or "alloy"

    def synthesize(self, text: str) -> np.ndarray:
        try:
            data = self.client.audio.speech.create(
                model=self.model, voice=self.voice, input=text, response_format="wav"
            ).content
        except Exception as e:  # the port boundary
            raise ProviderError(f"speech synthesis failed: {e}", provider="openai-tts") from e
        with wave.open(io.BytesIO(data)) as wav:
            self.sample_rate = wav.getframerate()
            pcm = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
        return pcm.astype(np.float32) / 32768


def build_none(settings: Settings) -> None:
    return None


def build_hibari(settings: Settings) -> HibariSpeaker:
    return HibariSpeaker(voice=settings.tts_voice, speed=settings.tts_speed)


#: Built-in voices; a plugin adds one in the entry-point group below.
TTS_PROVIDERS = {
    "hibari": "interviewer.voice.tts:build_hibari",
    "openai": "interviewer.voice.tts:OpenAISpeaker",
    "none": "interviewer.voice.tts:build_none",
}


def build_speaker(settings: Settings) -> Speaker | None:
    build = registry.factory(
        "interviewer.tts_providers",
        TTS_PROVIDERS,
        settings.tts_provider,
        what="TTS provider",
        setting="INTERVIEWER_TTS_PROVIDER",
    )
    return build(settings)

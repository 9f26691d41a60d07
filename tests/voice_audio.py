"""Real speech for the voice tests, generated on the spot (espeak-ng, hibari-tts)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from interviewer.voice.audio import SAMPLE_RATE, load_audio, write_wav

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is installed by .ci/run (apt)"
)


def espeak(text: str, path: Path, wpm: int = 150) -> Path:
    subprocess.run(["espeak-ng", "-s", str(wpm), "-w", str(path), text], check=True)
    return path


_HIBARI = None


def hibari(text: str, path: Path) -> Path:
    global _HIBARI
    from hibari import Hibari

    if _HIBARI is None:
        _HIBARI = Hibari()
    _HIBARI.save(text, str(path), seed=0)
    return path


def speech_bounds(audio: np.ndarray, threshold: float = 0.02) -> tuple[float, float]:
    """First and last 10 ms frame above ``threshold`` RMS: the true speech span."""
    frame = SAMPLE_RATE // 100
    n = audio.size // frame
    rms = np.sqrt((audio[: n * frame].reshape(n, frame).astype(np.float64) ** 2).mean(1))
    loud = np.flatnonzero(rms > threshold)
    return loud[0] * frame / SAMPLE_RATE, (loud[-1] + 1) * frame / SAMPLE_RATE


def encode(audio: np.ndarray, path: Path, codec: str, rate: int = 48_000) -> Path:
    """Re-encode 16 kHz mono speech as stereo at ``rate`` with PyAV (mp3, ogg, webm)."""
    import av

    up = np.interp(
        np.arange(int(audio.size * rate / SAMPLE_RATE)) * SAMPLE_RATE / rate,
        np.arange(audio.size),
        audio,
    ).astype(np.float32)
    stereo = np.stack([up, up])
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=rate, layout="stereo")
        frame = av.AudioFrame.from_ndarray(stereo, format="fltp", layout="stereo")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


__all__ = ["encode", "espeak", "hibari", "load_audio", "needs_espeak", "speech_bounds", "write_wav"]

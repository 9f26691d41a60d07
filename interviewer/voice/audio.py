"""Read any audio a user may give (WAV, MP3, OGG, WebM, FLAC; any rate; stereo) as 16 kHz
mono float32, with a clear message for what cannot be used."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from ..errors import InputError
from ..files import size_of

SAMPLE_RATE = 16_000
MAX_ANSWER_S = 30 * 60
AUDIO_SUFFIXES = {".wav", ".mp3", ".ogg", ".oga", ".opus", ".webm", ".flac", ".m4a", ".aac"}


def load_audio(path: Path, *, max_seconds: float = MAX_ANSWER_S) -> np.ndarray:
    """Decode ``path`` to 16 kHz mono float32 in [-1, 1].

    The length is checked from the container's header, then again while decoding, chunk by
    chunk: a small file that expands to hours of audio (a "decompression bomb") is refused
    before its samples fill the memory. Messages name the file, never the server's folders.
    """
    path = Path(path)
    name = path.name
    size = size_of(path, "{name}: cannot read the audio file ({reason})")
    if size == 0:
        raise InputError(f"{name}: the audio file is empty (0 bytes)")
    import av  # PyAV (faster-whisper's decoder): every common container and codec

    limit = int(max_seconds * SAMPLE_RATE)

    def too_long(seconds: float | None = None) -> InputError:
        lasts = (
            f"{seconds / 60:.0f} minutes"
            if seconds
            else f"more than {max_seconds / 60:.0f} minutes"
        )
        return InputError(
            f"{name}: the answer lasts {lasts}; answers are limited to "
            f"{max_seconds / 60:.0f} minutes, split it"
        )

    chunks: list[np.ndarray] = []
    total = 0
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            streams = [s for s in container.streams if s.type == "audio"]
            if not streams:
                raise InputError(f"{name}: the file holds no audio track")
            declared = container.duration / av.time_base if container.duration else 0.0
            if declared > max_seconds + 1:
                raise too_long(declared)
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in container.decode(streams[0]):
                for out in [*resampler.resample(frame)]:
                    samples = out.to_ndarray().reshape(-1)
                    total += samples.size
                    if total > limit:
                        raise too_long()
                    chunks.append(samples)
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except InputError:
        raise
    except Exception as e:  # PyAV raises many error types for corrupt or non-audio files
        raise InputError(
            f"{name}: not a readable audio file ({type(e).__name__}: "
            f"{str(e).replace(str(path), name)[:120]})"
        ) from e
    if not chunks or total == 0:
        raise InputError(f"{name}: the file holds no audio samples")
    audio = np.concatenate(chunks)[:limit]
    return audio.astype(np.float32) / 32768.0


def write_wav(path: Path, audio: np.ndarray, sample_rate: int) -> Path:
    """16-bit mono WAV."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(wav_bytes(audio, sample_rate))
    return path


def wav_bytes(audio: np.ndarray, sample_rate: int) -> bytes:
    """16-bit mono WAV in memory (for a speech server)."""
    import io

    buffer = io.BytesIO()
    pcm = (np.clip(audio, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(pcm.tobytes())
    return buffer.getvalue()


def is_silent(audio: np.ndarray, threshold: float = 0.01) -> bool:
    """No frame of 30 ms rises above ``threshold`` RMS."""
    if audio.size == 0:
        return True
    frame = int(0.03 * SAMPLE_RATE)
    usable = (
        audio[: audio.size // frame * frame].reshape(-1, frame)
        if audio.size >= frame
        else audio.reshape(1, -1)
    )
    rms = np.sqrt((usable.astype(np.float64) ** 2).mean(axis=1))
    return bool(rms.max() < threshold)


def to_16k_mono(rate: int, samples: np.ndarray) -> np.ndarray:
    """A browser's microphone chunk (any rate, mono or stereo, int or float) as the 16 kHz
    mono float32 the transcriber reads."""
    audio = np.asarray(samples)
    if audio.ndim == 2:
        audio = audio.mean(axis=1)
    if np.issubdtype(audio.dtype, np.integer):
        audio = audio.astype(np.float32) / np.iinfo(audio.dtype).max
    audio = audio.astype(np.float32, copy=False)
    if rate != SAMPLE_RATE:
        from math import gcd

        from scipy.signal import resample_poly

        g = gcd(rate, SAMPLE_RATE)
        audio = resample_poly(audio, SAMPLE_RATE // g, rate // g).astype(np.float32)
    return audio

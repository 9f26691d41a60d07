"""Read any audio a user may give (WAV, MP3, OGG, WebM, FLAC; any rate; stereo) as 16 kHz
mono float32, with a clear message for what cannot be used."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from ..errors import InputError

SAMPLE_RATE = 16_000
MAX_ANSWER_S = 30 * 60
AUDIO_SUFFIXES = {".wav", ".mp3", ".ogg", ".oga", ".opus", ".webm", ".flac", ".m4a", ".aac"}


def load_audio(path: Path, *, max_seconds: float = MAX_ANSWER_S) -> np.ndarray:
    """Decode ``path`` to 16 kHz mono float32 in [-1, 1]."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(f"{path}: cannot read the audio file ({e.strerror})") from e
    if size == 0:
        raise InputError(f"{path}: the audio file is empty (0 bytes)")
    from faster_whisper import decode_audio  # PyAV inside: every common container and codec

    try:
        audio = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except Exception as e:  # PyAV raises many error types for corrupt or non-audio files
        raise InputError(
            f"{path}: not a readable audio file ({type(e).__name__}: {str(e)[:120]})"
        ) from e
    if audio.size == 0:
        raise InputError(f"{path}: the file holds no audio samples")
    seconds = audio.size / SAMPLE_RATE
    if seconds > max_seconds:
        raise InputError(
            f"{path}: the answer lasts {seconds / 60:.0f} minutes; answers are "
            f"limited to {max_seconds / 60:.0f} minutes, split it"
        )
    return audio.astype(np.float32, copy=False)


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

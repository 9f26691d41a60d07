"""Speech to text on a remote OpenAI-compatible server: a real ``faster-whisper-server``
(PyPI) on 127.0.0.1 serving the bundled Whisper tiny.en, reached through
``INTERVIEWER_STT_PROVIDER=openai``; and a dead server named in a clear error."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from itertools import pairwise

import jiwer
import pytest
from voice_audio import espeak, load_audio, needs_espeak, speech_bounds

from interviewer.devtools.launch import free_port
from interviewer.errors import ConfigError, ProviderError
from interviewer.settings import Settings
from interviewer.speech import compute
from interviewer.voice.audio import SAMPLE_RATE
from interviewer.voice.stt import OpenAITranscriber, build_transcriber, bundled_model_dir

TEXT = (
    "I built a data pipeline that cleans the logs every night. The model runs in production "
    "and serves thousands of users. We compared logistic regression with gradient boosting."
)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split())


@pytest.fixture(scope="module")
def stt_server():
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "faster_whisper_server",
            str(bundled_model_dir()),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"faster-whisper-server did not start: {proc.stderr.read()[-2000:]}")
            time.sleep(0.2)
    yield f"{url}/v1"
    proc.terminate()
    proc.wait(10)


@needs_espeak
def test_a_remote_server_transcribes_with_timings_good_enough_for_the_metrics(stt_server, tmp_path):
    settings = Settings(stt_provider="openai", stt_base_url=stt_server)
    transcriber = build_transcriber(settings)
    assert isinstance(transcriber, OpenAITranscriber)
    assert stt_server in transcriber.load()
    audio = load_audio(espeak(TEXT, tmp_path / "a.wav", wpm=150))
    heard = transcriber.transcribe(audio, prompt="data pipeline, gradient boosting")
    assert jiwer.wer(_norm(TEXT), _norm(heard.text)) <= 0.2
    assert heard.words and all(a.start <= b.start for a, b in pairwise(heard.words))
    start, end = speech_bounds(audio)
    true_rate = len(TEXT.split()) * 60 / (end - start)
    metrics = compute(heard.words, audio.size / SAMPLE_RATE, text=heard.text)
    assert abs(metrics.wpm - true_rate) / true_rate < 0.15


def test_a_dead_speech_server_is_named_in_the_error():
    port = free_port()  # nothing listens there
    settings = Settings(
        stt_provider="openai",
        stt_base_url=f"http://127.0.0.1:{port}/v1",
        llm_max_retries=0,
        llm_timeout_s=2,
    )
    transcriber = build_transcriber(settings)
    with pytest.raises(ProviderError, match=rf"127\.0\.0\.1:{port}/v1 does not answer"):
        transcriber.load()
    with pytest.raises(ProviderError, match="transcription failed"):
        transcriber.transcribe(load_audio_silence())


def load_audio_silence():
    import numpy as np

    return np.zeros(SAMPLE_RATE, dtype=np.float32)


def test_an_unknown_speech_provider_names_the_setting():
    with pytest.raises(ConfigError, match=r"INTERVIEWER_STT_PROVIDER.*unknown speech-to-text"):
        build_transcriber(Settings(stt_provider="nope"))

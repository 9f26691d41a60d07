"""Voice latency with the embedded stack (Whisper tiny.en, hibari-tts, and each embedded
LLM side by side: the default Qwen2.5-Coder-0.5B and SmolLM2-135M).

Prints the speech-to-text and text-to-speech real-time factors, and the delay from the true
end of the candidate's speech (the last voiced frame, not the end of the file) to the first
audio of the interviewer's question itself (the sentence with the question mark, not the
acknowledgement before it) for 5 s, 20 s and 60 s answers (p50/p95). Answers are streamed
in 0.5 s chunks to the incremental transcriber in real time, as a microphone delivers them
(``--speedup`` feeds faster, for a quick look; the transcriber then falls behind). As in
the app, the model reads the follow-up prompt up to the words heard so far while the answer
is spoken (``--read-ahead both`` measures with and without, alternated in the same minutes).

Run: .venv/bin/python benchmarks/voice.py [--runs 5]   (about 12 minutes)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from interviewer.app.voice import VoiceInterview, interview_terms
from interviewer.engine import Interview
from interviewer.llm import build_model
from interviewer.personas import builtin_personas_dir, load_persona
from interviewer.settings import Settings
from interviewer.store import Store
from interviewer.voice.audio import SAMPLE_RATE, load_audio
from interviewer.voice.stt import FasterWhisperTranscriber, IncrementalTranscriber, domain_prompt
from interviewer.voice.tts import HibariSpeaker, Speaker

MODELS = ["qwen2.5-coder-0.5b", "smollm2-135m"]
SENTENCES = [
    "During my internship I worked on distributional RL for a routing problem.",
    "I built the training pipeline in PyTorch and wrote unit tests for the environment.",
    "The agent used PPO, and we compared it with a DQN baseline on held-out instances.",
    "The hardest part was the reward design, because sparse rewards made learning slow.",
    "In the end the agent was twenty percent better than the heuristic used in production.",
    "I presented the results to the team every week and documented every experiment.",
]


def make_answer(seconds: int, folder: Path) -> Path:
    words, text = 0, []
    while words < seconds * 150 / 60:
        sentence = SENTENCES[len(text) % len(SENTENCES)]
        text.append(sentence)
        words += len(sentence.split())
    path = folder / f"answer_{seconds}s.wav"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(path), " ".join(text)], check=True)
    return path


FILLER_SENTENCES = [
    "So, um, I built a data pipeline for the team.",
    "Uh, the main problem was the latency of the model.",
    "I think, um, we should use gradient boosting here.",
    "Well, uh, I compared two models on the validation set.",
    "The results, um, improved by twelve percent.",
    "Uh, I would like to work on anomaly detection.",
    "My internship was, um, about sports betting.",
    "We, uh, shipped the model to production in March.",
]


def fillers(stt: FasterWhisperTranscriber, folder: Path) -> None:
    """How often "um"/"uh" survive transcription, with the interview prompt and without."""
    import re

    found = {"with the prompt": 0, "without (control)": 0}
    prompt = domain_prompt(["gradient boosting", "anomaly detection"])
    for i, sentence in enumerate(FILLER_SENTENCES):
        path = folder / f"filler{i}.wav"
        subprocess.run(["espeak-ng", "-s", "150", "-w", str(path), sentence], check=True)
        audio = load_audio(path)
        for label, p in (("with the prompt", prompt), ("without (control)", None)):
            text = stt.transcribe(audio, prompt=p).text.lower()
            found[label] += bool(re.search(r"\b(um+|uh+|uhm|erm|hmm)\b", text))
    print(
        "Fillers kept in transcripts of espeak-ng speech with inserted um/uh: "
        + ", ".join(f"{k} {v}/{len(FILLER_SENTENCES)}" for k, v in found.items())
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--speedup", type=float, default=1.0)
    parser.add_argument("--only-fillers", action="store_true")
    parser.add_argument("--models", nargs="+", default=MODELS, help="embedded models to run")
    parser.add_argument(
        "--answers", nargs="+", type=int, default=[5, 20, 60], help="answer lengths, seconds"
    )
    parser.add_argument(
        "--read-ahead",
        choices=["on", "off", "both"],
        default="on",
        help="let the model read the follow-up prompt while the answer is spoken (the app's "
        "behaviour); 'both' alternates on and off run by run, in the same minutes",
    )

    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp())
    stt = FasterWhisperTranscriber()
    stt.load()
    fillers(stt, folder)
    if args.only_fillers:
        return
    speaker = HibariSpeaker()
    speaker.load()
    persona = load_persona("research_scientist", [builtin_personas_dir()])
    store = Store(f"sqlite:///{folder / 'bench.db'}")

    clips = {s: load_audio(make_answer(s, folder)) for s in args.answers}
    long_clip = clips[max(clips)]
    start = time.perf_counter()
    stt.transcribe(long_clip)
    stt_rtf = (time.perf_counter() - start) / (long_clip.size / SAMPLE_RATE)
    paragraph = " ".join(SENTENCES[:3])
    start = time.perf_counter()
    spoken = speaker.synthesize(paragraph)
    tts_rtf = (time.perf_counter() - start) / (spoken.size / speaker.sample_rate)
    print(f"STT real-time factor (Whisper tiny.en, beam 5, {max(clips)} s answer): {stt_rtf:.3f}")
    print(
        f"TTS real-time factor (hibari, {spoken.size / speaker.sample_rate:.1f} s of speech): "
        f"{tts_rtf:.3f}"
    )
    for name in args.models:
        model = build_model(Settings(llm_provider="local", local_model=name, llm_seed=1))
        model.load()
        print(
            f"{name}: true end of speech -> first audio of the question ({args.runs} runs "
            f"each, streamed at {args.speedup:g}x real time):"
        )
        modes = [True, False] if args.read_ahead == "both" else [args.read_ahead == "on"]
        for seconds, audio in clips.items():
            measure(seconds, audio, persona, model, store, stt, speaker, args, modes)


def speech_end(audio) -> int:
    """The sample after the last voiced 30 ms frame (the file's silent tail excluded)."""
    import numpy as np

    frame = int(0.03 * SAMPLE_RATE)
    n = audio.size // frame
    rms = np.sqrt((audio[: n * frame].reshape(n, frame).astype(np.float64) ** 2).mean(1))
    voiced = np.nonzero(rms > max(0.01, 0.1 * float(np.median(rms))))[0]
    return int((voiced[-1] + 1) * frame) if voiced.size else audio.size


class TimedSpeaker(Speaker):
    """The real speaker, noting when each sentence's audio is ready."""

    def __init__(self, inner):
        self.inner = inner
        self.sample_rate = inner.sample_rate
        self.ready: list[tuple[str, float]] = []

    def synthesize(self, text: str):
        audio = self.inner.synthesize(text)
        self.ready.append((text, time.perf_counter()))
        return audio


def measure(seconds, audio, persona, model, store, stt, speaker, args, modes) -> None:
    """``modes``: read-ahead on (True) and/or off (False), alternated run by run."""
    step = SAMPLE_RATE // 2
    end = speech_end(audio)
    results = {
        mode: {"latency": [], "tails": [], "model turns": 0, "stt tail": [], "reply": []}
        for mode in modes
    }
    for run in range(args.runs * len(modes)):
        mode = modes[run % len(modes)]
        got = results[mode]
        interview = Interview.start(persona, model, store)
        warming = interview.warming
        if warming is not None:
            warming.join()  # the candidate reads the question before speaking
        timed = TimedSpeaker(speaker)
        voice = VoiceInterview(interview, stt, timed, on_audio=lambda _a: None)
        stream = IncrementalTranscriber(
            stt,
            prompt=domain_prompt(interview_terms(interview)),
            on_text=voice.heard_so_far if mode else None,
        )
        end_of_speech = None
        for i in range(0, audio.size, step):
            stream.feed(audio[i : i + step])
            time.sleep(step / SAMPLE_RATE / args.speedup)
            if end_of_speech is None and i + step >= end:
                end_of_speech = time.perf_counter()
                got["tails"].append((end - min(end, stream._committed)) / SAMPLE_RATE)
        heard = stream.finish()
        t_stt = time.perf_counter()
        before = store.llm_call_count(interview.session.id)
        turn = voice.answer_transcription(heard)
        got["model turns"] += store.llm_call_count(interview.session.id) > before
        question = next(t for text, t in timed.ready if "?" in text)
        got["latency"].append(question - end_of_speech)
        got["stt tail"].append(t_stt - end_of_speech)
        got["reply"].append(question - t_stt)
        assert turn.text
    for mode, got in results.items():
        label = f"read-ahead {'on' if mode else 'off'}: " if len(modes) > 1 else ""
        print(
            f"  {seconds:>2} s answer: {label}p50 {statistics.median(got['latency']):.2f} s, "
            f"p95 {percentile(got['latency'], 0.95):.2f} s "
            f"(speech left to transcribe at the end of speech: "
            f"{statistics.median(got['tails']):.1f} s; "
            f"{got['model turns']} of {args.runs} replies called the model; median split: "
            f"stt tail {statistics.median(got['stt tail']):.2f} s, reply then question audio "
            f"{statistics.median(got['reply']):.2f} s)",
            flush=True,
        )


if __name__ == "__main__":
    main()

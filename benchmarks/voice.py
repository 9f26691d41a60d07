"""Voice latency with the embedded stack (Whisper tiny.en, SmolLM2-135M, hibari-tts).

Prints the speech-to-text and text-to-speech real-time factors, and the delay from the end
of the candidate's speech to the first audio of the interviewer's reply for 5 s, 20 s and
60 s answers (p50/p95). Answers are streamed in 0.5 s chunks to the incremental
transcriber in real time, as a microphone delivers them (``--speedup`` feeds faster, for a
quick look; the background transcriber then falls behind and the delays grow).

Run: .venv/bin/python benchmarks/voice.py [--runs 5]   (about 8 minutes)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from interviewer.engine import Interview
from interviewer.llm import build_model
from interviewer.personas import builtin_personas_dir, load_persona
from interviewer.settings import Settings
from interviewer.store import Store
from interviewer.voice.audio import SAMPLE_RATE, load_audio
from interviewer.voice.pipeline import VoiceInterview, interview_terms
from interviewer.voice.stt import FasterWhisperTranscriber, IncrementalTranscriber, domain_prompt
from interviewer.voice.tts import HibariSpeaker

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
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp())
    stt = FasterWhisperTranscriber()
    stt.load()
    fillers(stt, folder)
    if args.only_fillers:
        return
    speaker = HibariSpeaker()
    speaker.load()
    model = build_model(Settings(llm_provider="local", llm_seed=1))
    model.load()
    persona = load_persona("research_scientist", [builtin_personas_dir()])
    store = Store(f"sqlite:///{folder / 'bench.db'}")

    clips = {s: load_audio(make_answer(s, folder)) for s in (5, 20, 60)}
    long_clip = clips[60]
    start = time.perf_counter()
    stt.transcribe(long_clip)
    stt_rtf = (time.perf_counter() - start) / (long_clip.size / SAMPLE_RATE)
    paragraph = " ".join(SENTENCES[:3])
    start = time.perf_counter()
    spoken = speaker.synthesize(paragraph)
    tts_rtf = (time.perf_counter() - start) / (spoken.size / speaker.sample_rate)
    print(f"STT real-time factor (Whisper tiny.en, beam 5, 60 s answer): {stt_rtf:.3f}")
    print(
        f"TTS real-time factor (hibari, {spoken.size / speaker.sample_rate:.1f} s of speech): "
        f"{tts_rtf:.3f}"
    )
    print(
        f"End of speech -> first interviewer audio ({args.runs} runs each, streamed at "
        f"{args.speedup:g}x real time):"
    )
    step = SAMPLE_RATE // 2
    for seconds, audio in clips.items():
        latencies, tails, llm_calls = [], [], 0
        parts: dict[str, list[float]] = {"stt": [], "then first audio": [], "whole reply": []}
        for _ in range(args.runs):
            interview = Interview.start(persona, model, store)
            stream = IncrementalTranscriber(stt, prompt=domain_prompt(interview_terms(interview)))
            for i in range(0, audio.size, step):
                stream.feed(audio[i : i + step])
                time.sleep(step / SAMPLE_RATE / args.speedup)
            end_of_speech = time.perf_counter()
            tails.append((audio.size - stream._committed) / SAMPLE_RATE)
            heard = stream.finish()
            t_stt = time.perf_counter()
            first_audio: list[float] = []
            voice = VoiceInterview(
                interview,
                stt,
                speaker,
                on_audio=lambda _a, t=first_audio: t.append(time.perf_counter()),
            )
            before = store.llm_call_count(interview.session.id)
            voice.answer_transcription(heard)
            llm_calls += store.llm_call_count(interview.session.id) - before
            latencies.append(first_audio[0] - end_of_speech)
            parts["stt"].append(t_stt - end_of_speech)
            parts["then first audio"].append(first_audio[0] - t_stt)
            parts["whole reply"].append(time.perf_counter() - t_stt)
        print(
            f"  {seconds:>2} s answer: p50 {statistics.median(latencies):.2f} s, "
            f"p95 {percentile(latencies, 0.95):.2f} s "
            f"(audio left to transcribe at the end: {statistics.median(tails):.1f} s; "
            f"{llm_calls} model calls in {args.runs} replies; median split: "
            + ", ".join(f"{k} {statistics.median(v):.2f} s" for k, v in parts.items())
            + ")"
        )


if __name__ == "__main__":
    main()

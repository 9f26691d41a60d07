"""Word error rate of the speech-to-text on a fixed set of generated answers.

Twenty-four interview answers (ML terms, acronyms, numbers, names) are spoken by two
synthetic voices (espeak-ng at 150 words per minute, hibari-tts) and each is followed by
1.5 s of near-silence (a candidate who pauses before pressing Stop). For each setting the
benchmark prints the WER, the words invented after the end of the answer (Whisper's
"Thank you." on silence) and the real-time factor.

Settings:
- before: the transcriber as it was, with no check of the decoded segments: with the
  filler prompt only (what practice-again used) and with the persona's terms (what a
  spoken interview answer used);
- after: segments not backed by speech dropped, the prompt with the persona's terms;
- after + CV: the same prompt with the names on the candidate's CV as well;
- each --model given (a CTranslate2 directory or 'bundled-base'), as after + CV.

Run: .venv/bin/python benchmarks/stt_wer.py [--model bundled-base]   (about 4 minutes)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
import time
from pathlib import Path

import jiwer
import numpy as np

from interviewer.app.voice import persona_terms
from interviewer.personas import builtin_personas_dir, load_persona
from interviewer.profile import build_profile
from interviewer.voice.audio import SAMPLE_RATE, load_audio
from interviewer.voice.stt import FILLER_PROMPT, FasterWhisperTranscriber, domain_prompt

SENTENCES = [
    "I trained gradient boosting models on sports data during my internship at BetSmart.",
    "My master's is the MVA, in Paris, with courses on reinforcement learning.",
    "I worked with the data team on the dashboard that the analysts use every morning.",
    "We used a meta-learning approach for game optimization.",
    "The model reached an F1 score of 84 percent on the held-out set.",
    "I fine-tuned a small language model with LoRA on one GPU.",
    "The retrieval pipeline used a reranker, and recall at ten went from 61 to 84 percent.",
    "We deployed the service with Docker and monitored the latency in production.",
    "The agent was trained with PPO and compared with a DQN baseline.",
    "Distributional RL models the whole distribution of returns, not only its mean.",
    "I would choose logistic regression first, because it is easy to explain to the client.",
    "Overfitting shows when the validation loss goes up while the training loss keeps falling.",
    "We quantized the model to four bits, and the answers stayed almost as good.",
    "I wrote unit tests for the environment and ran them in continuous integration.",
    "The hardest part was the reward design, because the rewards were sparse.",
    "I presented the results to the team every week and documented every experiment.",
    "We replaced the heuristic with a transformer, and the error dropped by ten points.",
    "My thesis compares contrastive pretraining with supervised pretraining on medical images.",
    "I want to join a team that ships research into a product.",
    "The tokenizer split rare words into many pieces, so we averaged the sub-token vectors.",
    "We used cross-validation with five folds, because the dataset was small.",
    "I led a team of three students on a recommendation system for a start-up.",
    "The batch size was thirty-two, with one million transitions in the replay buffer.",
    "Honestly, I have not used Kubernetes in production yet, but I know the basics.",
]
CV = (
    "Master MVA (ENS Paris-Saclay). Projects:\n"
    "- ML intern, BetSmart (2025, 6 months): gradient boosting models on sports data, "
    "dashboard for the data team.\n- Meta-learning for game optimization (PyTorch, LoRA).\n"
)
TRAILING_SILENCE_S = 1.5
PERSONA = "technical_engineer"


def normalise(text: str) -> str:
    text = text.lower().replace("%", " percent").replace("-", " ")
    text = re.sub(r"[^\w\s']", " ", text)
    return " ".join(text.split())


def voices(folder: Path) -> list[tuple[str, str, np.ndarray]]:
    """(voice, reference, audio with a quiet tail) for every sentence and voice."""
    from hibari import Hibari

    hib = Hibari()
    noise = np.random.default_rng(0).normal(0, 0.002, int(TRAILING_SILENCE_S * SAMPLE_RATE))
    out = []
    for i, sentence in enumerate(SENTENCES):
        esp = folder / f"{i}-espeak.wav"
        subprocess.run(["espeak-ng", "-s", "150", "-w", str(esp), sentence], check=True)
        hib_path = folder / f"{i}-hibari.wav"
        hib.save(sentence, str(hib_path), seed=0)
        for voice, path in (("espeak", esp), ("hibari", hib_path)):
            audio = np.concatenate([load_audio(path), noise.astype(np.float32)])
            out.append((voice, sentence, audio))
    return out


def trailing_inventions(ref: str, hyp: str) -> int:
    """Words the transcript adds after the last word of the reference."""
    out = jiwer.process_words(normalise(ref), normalise(hyp))
    last = out.alignments[0][-1] if out.alignments[0] else None
    return last.hyp_end_idx - last.hyp_start_idx if last and last.type == "insert" else 0


def run(name: str, transcriber, prompt: str, clips) -> dict:
    transcriber.load()
    refs, hyps, invented, took, seconds = [], [], 0, 0.0, 0.0
    by_voice: dict[str, tuple[list, list]] = {}
    for voice, ref, audio in clips:
        t0 = time.perf_counter()
        hyp = transcriber.transcribe(audio, prompt=prompt).text
        took += time.perf_counter() - t0
        seconds += audio.size / SAMPLE_RATE
        refs.append(normalise(ref))
        hyps.append(normalise(hyp))
        by_voice.setdefault(voice, ([], []))
        by_voice[voice][0].append(normalise(ref))
        by_voice[voice][1].append(normalise(hyp))
        invented += trailing_inventions(ref, hyp)
    row = {
        "setting": name,
        "wer": jiwer.wer(refs, hyps),
        **{f"wer_{v}": jiwer.wer(r, h) for v, (r, h) in by_voice.items()},
        "invented": invented,
        "rtf": took / seconds,
    }
    print(
        f"{name:<34} WER {row['wer']:6.1%}  (espeak {row['wer_espeak']:6.1%}, hibari "
        f"{row['wer_hibari']:6.1%})  invented trailing words {invented:3d}  RTF {row['rtf']:.3f}",
        flush=True,
    )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", action="append", default=[], help="another Whisper model")
    args = parser.parse_args()
    persona = load_persona(builtin_personas_dir() / f"{PERSONA}.yaml")
    plain = domain_prompt(persona_terms(persona))
    with_cv = domain_prompt(persona_terms(persona, build_profile(CV)))
    with tempfile.TemporaryDirectory() as tmp:
        clips = voices(Path(tmp))
        print(
            f"{len(clips)} clips ({len(SENTENCES)} sentences x 2 voices), tail "
            f"{TRAILING_SILENCE_S} s; prompt with CV: {with_cv!r}\n"
        )
        tiny = FasterWhisperTranscriber("bundled", drop_unsupported=False)
        run("tiny.en before (filler prompt)", tiny, FILLER_PROMPT, clips)
        run("tiny.en before (persona terms)", tiny, plain, clips)
        tiny.drop_unsupported = True
        run("tiny.en after (persona terms)", tiny, plain, clips)
        run("tiny.en after + CV names", tiny, with_cv, clips)
        for model in args.model:
            run(f"{model} after + CV names", FasterWhisperTranscriber(model), with_cv, clips)


if __name__ == "__main__":
    main()

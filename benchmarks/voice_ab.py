"""A/B of the incremental transcriber's cut rule and Whisper window: the settings before this
round (3 s chunks, 0.2 s pauses, the padded 30 s window) and after (2 s, 0.09 s, a 10 s
window), alternated in one process so the machine's speed is the same for both.

Run: .venv/bin/python benchmarks/voice_ab.py   (about 5 minutes)
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, "benchmarks")
import voice as vb

import interviewer.voice.stt as stt_mod
from interviewer.llm import build_model
from interviewer.personas import builtin_personas_dir, load_persona
from interviewer.settings import Settings
from interviewer.store import Store
from interviewer.voice.audio import load_audio
from interviewer.voice.stt import FasterWhisperTranscriber
from interviewer.voice.tts import HibariSpeaker

orig_init = stt_mod.IncrementalTranscriber.__init__


def configure(old: bool):
    stt_mod.PAUSE_S = 0.2 if old else 0.09
    stt_mod.SHORT_WINDOW_S = 10 if not old else 1000  # old: always the 30 s window

    def init(self, transcriber, *, prompt=None, min_chunk_s=None, max_chunk_s=8.0):
        orig_init(
            self,
            transcriber,
            prompt=prompt,
            min_chunk_s=3.0 if old else 2.0,
            max_chunk_s=max_chunk_s,
        )

    stt_mod.IncrementalTranscriber.__init__ = init
    vb.IncrementalTranscriber = stt_mod.IncrementalTranscriber


folder = Path(tempfile.mkdtemp())
stt = FasterWhisperTranscriber()
stt.load()
speaker = HibariSpeaker()
speaker.load()
persona = load_persona("research_scientist", [builtin_personas_dir()])
store = Store(f"sqlite:///{folder / 'bench.db'}")
clips = {s: load_audio(vb.make_answer(s, folder)) for s in (5, 20)}
model = build_model(Settings(llm_provider="local", local_model="qwen2.5-coder-0.5b", llm_seed=1))
model.load()
args = argparse.Namespace(runs=3, speedup=1.0)
LABELS = {
    True: "before (3 s chunks, 0.2 s pauses, 30 s window)",
    False: "after (2 s chunks, 0.09 s pauses, 10 s window)",
}
for rnd in range(2):
    for old in (True, False):
        configure(old)
        print(f"round {rnd + 1}, {LABELS[old]}:", flush=True)
        for s, audio in clips.items():
            vb.measure(s, audio, persona, model, store, stt, speaker, args)

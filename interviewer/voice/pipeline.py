"""A spoken interview: speech to text -> interview engine -> text to speech."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..engine import Interview
from ..errors import InputError
from ..topics import lexicon_terms
from ..transcript import Turn
from .audio import SAMPLE_RATE, is_silent, load_audio, write_wav
from .metrics import SpeechTargets, compute
from .stt import Transcriber, domain_prompt
from .tts import Speaker


def interview_terms(interview: Interview) -> list[str]:
    """Names and terms the transcriber should expect in this interview."""
    persona, profile = interview.persona, interview.session.profile
    planned = " ".join(q.text for s in persona.stages for q in s.questions)
    return [*profile.projects, *profile.terms, *persona.team_topics, *lexicon_terms(planned)][:30]


class VoiceInterview:
    """Answers arrive as audio; the interviewer's turns can be written as audio files."""

    def __init__(
        self,
        interview: Interview,
        transcriber: Transcriber,
        speaker: Speaker | None = None,
        *,
        voice_out: Path | None = None,
        targets: SpeechTargets | None = None,
    ):
        self.interview = interview
        self.transcriber = transcriber
        self.speaker = speaker
        self.voice_out = Path(voice_out) if voice_out else None
        self.targets = targets or SpeechTargets()
        self.prompt = domain_prompt(interview_terms(interview))
        self.warnings: list[str] = []

    def answer_audio(self, audio: np.ndarray, *, source: str | None = None) -> Turn:
        """Transcribe one spoken answer and let the interviewer reply."""
        if is_silent(audio):
            self.warnings.append(f"{source or 'recording'}: no speech detected")
            return self.interview.answer("")
        heard = self.transcriber.transcribe(audio, prompt=self.prompt)
        if not heard.text.strip():
            self.warnings.append(f"{source or 'recording'}: no words recognised")
        metrics = compute(heard.words, audio.size / SAMPLE_RATE, self.targets, text=heard.text)
        return self.interview.answer(
            heard.text, speech=metrics, audio_path=source, duration_s=audio.size / SAMPLE_RATE
        )

    def answer_file(self, path: Path) -> Turn:
        """A recording from disk; an unreadable one counts as no answer, with a warning."""
        try:
            audio = load_audio(path)
        except InputError as e:
            self.warnings.append(str(e))
            return self.interview.answer("")
        return self.answer_audio(audio, source=str(path))

    def speak(self, turn: Turn) -> Path | None:
        """Write the interviewer's turn as ``NNN-interviewer.wav`` in ``voice_out``."""
        if self.speaker is None or self.voice_out is None or turn.speaker != "interviewer":
            return None
        audio = self.speaker.synthesize(turn.text)
        return write_wav(
            self.voice_out / f"{turn.seq:03d}-interviewer.wav", audio, self.speaker.sample_rate
        )

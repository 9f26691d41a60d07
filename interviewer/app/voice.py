"""A spoken interview: speech to text -> interview engine -> text to speech."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from ..engine import Interview
from ..errors import InputError
from ..personas import Persona
from ..profile import cv_names
from ..speech import SpeechTargets, compute
from ..topics import lexicon_terms
from ..transcript import CandidateProfile, Turn
from ..voice.audio import is_silent, load_audio, write_wav
from ..voice.stt import Transcriber, Transcription, domain_prompt
from ..voice.tts import Speaker, stream


def interview_terms(interview: Interview) -> list[str]:
    """Names and terms the transcriber should expect in this interview."""
    return persona_terms(interview.persona, interview.session.profile)


def persona_terms(persona: Persona, profile: CandidateProfile | None = None) -> list[str]:
    """The CV's names and skills first (what a generic recogniser gets wrong: "MVA" heard
    as "MBA"), then the persona's topics and the terms of its planned questions."""
    planned = " ".join(q.text for s in persona.stages for q in s.questions)
    mine = [*profile.projects, *profile.terms, *cv_names(profile.cv_text)] if profile else []
    return list(dict.fromkeys([*mine, *persona.team_topics, *lexicon_terms(planned)]))[:30]


class VoiceInterview:
    """Answers arrive as audio; the interviewer's turns become audio (files, or a stream of
    sentences through ``on_audio``)."""

    def __init__(
        self,
        interview: Interview,
        transcriber: Transcriber,
        speaker: Speaker | None = None,
        *,
        voice_out: Path | None = None,
        targets: SpeechTargets | None = None,
        on_audio: Callable[[np.ndarray], None] | None = None,
    ):
        self.interview = interview
        self.transcriber = transcriber
        self.speaker = speaker
        self.voice_out = Path(voice_out) if voice_out else None
        self.targets = targets or SpeechTargets()
        self.on_audio = on_audio
        self.prompt = domain_prompt(interview_terms(interview))
        self.warnings: list[str] = []
        self._heard = ""  # the latest words heard while the candidate speaks
        self._reading = False
        self._guard = threading.Lock()
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-ahead")

    def heard_so_far(self, text: str) -> None:
        """The words of an answer transcribed while the candidate is still speaking: the
        model reads its prompt up to them in the background, one reading at a time, the
        latest words first (older ones are never queued behind)."""
        with self._guard:
            self._heard = text
            if self._reading:
                return
            self._reading = True
        self._reader.submit(self._read_ahead)

    def _read_ahead(self) -> None:
        done = None
        while True:
            with self._guard:
                if self._heard == done:
                    self._reading = False
                    return
                done = self._heard
            self.interview.prefill(done)

    def answer_audio(self, audio: np.ndarray, *, source: str | None = None) -> Turn:
        """Transcribe one spoken answer and let the interviewer reply."""
        if is_silent(audio):
            self.warnings.append(f"{source or 'recording'}: no speech detected")
            return self.interview.answer("")
        heard = self.transcriber.transcribe(audio, prompt=self.prompt)
        return self.answer_transcription(heard, source=source)

    def answer_transcription(self, heard: Transcription, *, source: str | None = None) -> Turn:
        """The interviewer's reply to what was heard. With ``on_audio``, its voice comes
        sentence by sentence, the first one before the model has written the question."""
        if not heard.text.strip():
            self.warnings.append(f"{source or 'recording'}: no words recognised")
        metrics = compute(heard.words, heard.duration_s, self.targets, text=heard.text)
        streaming = self.on_audio is not None and self.speaker is not None
        said: list[str] = []

        def lead(text: str) -> None:
            said.append(text)
            self.on_audio(self.speaker.synthesize(text))

        if streaming:
            self.interview.on_lead = lead
        try:
            turn = self.interview.answer(
                heard.text, speech=metrics, audio_path=source, duration_s=heard.duration_s
            )
        finally:
            self.interview.on_lead = None
        if streaming:
            rest = (
                turn.text[len(said[0]) :] if said and turn.text.startswith(said[0]) else turn.text
            )
            for chunk in stream(self.speaker, rest):
                self.on_audio(chunk)
        return turn

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

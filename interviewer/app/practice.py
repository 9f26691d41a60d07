"""What the app does for one browser, without Gradio: start, answer (typed or spoken), the
pitch, end, report, history and practice-again. The UI layer only maps these to widgets,
so the same code is exercised by unit tests, the API and the browser."""

from __future__ import annotations

import functools
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from ..clock import Clock, WallClock
from ..engine import Interview
from ..errors import InputError
from ..grading.grader import grade_answer, grade_session
from ..grading.judge import judge_for
from ..grading.render import FORMATS
from ..grading.report import Report
from ..grading.signals import pitch_sections
from ..history import Graded, HistoryRow, WeakAnswer, mean_score
from ..personas import Persona
from ..profile import build_profile
from ..session_files import remove_session_files, session_folder
from ..speech import SpeechMetrics, compute
from ..transcript import Session, Turn
from ..voice.audio import SAMPLE_RATE, load_audio, to_16k_mono, write_wav
from ..voice.stt import IncrementalTranscriber, Transcription
from .services import Services
from .voice import VoiceInterview

MAX_ANSWER_CHARS = 100_000
MAX_PITCH_S = 30 * 60
MAX_SPOKEN_ANSWER_S = 10 * 60
ABANDONED_PITCH_S = 30 * 60
PITCH_SECTIONS = ["context", "problem", "approach", "results", "impact", "next steps"]


class Screen(BaseModel):
    """Everything the interview screen shows after an action."""

    session_id: str
    persona: str
    messages: list[dict] = Field(description="Chat messages: role and content.")
    finished: bool
    clock: str
    pitch: bool = Field(description="The persona's monologue stage is the current one.")
    presented: LiveStats | None = Field(
        default=None, description="The pitch once given: its figures stay on screen."
    )
    stage_label: str = ""
    stage_left_s: float = 0.0
    total_left_s: float = 0.0
    stage_planned_s: float = 0.0
    warnings: list[str] = Field(
        default_factory=list, description="The interview's warnings, then this action's."
    )


class LiveStats(BaseModel):
    """Figures while the candidate is still presenting, updated per transcribed chunk."""

    seconds: float
    words: int
    wpm: float
    fillers: int
    sections: list[str]
    text: str = ""
    chunk: int = Field(0, description="Chunks of an uploaded recording transcribed so far...")
    chunks: int = Field(0, description="...out of this many (0: a live microphone).")
    heard_s: float = Field(0.0, description="Seconds of audio transcribed so far.")


class SpokenDraft(BaseModel):
    """A recorded answer, transcribed for the candidate to check before it is sent."""

    session_id: str
    text: str
    audio_path: str
    duration_s: float
    speech: SpeechMetrics


def messages(turns: list[Turn]) -> list[dict]:
    """Chat messages for the transcript; hidden notes never leave the server."""
    return [
        {
            "role": "assistant" if t.speaker == "interviewer" else "user",
            "content": t.text + (spoken_mark(t.speech) if t.speech else ""),
        }
        for t in turns
    ]


def spoken_mark(speech: SpeechMetrics) -> str:
    """How a spoken answer is marked in the transcript: spoken, at what pace."""
    return (
        f"\n\n*spoken · {speech.wpm:.0f} words per minute · "
        f"{speech.fillers} filler{'s' if speech.fillers != 1 else ''}*"
    )


def _clock_text(interview: Interview) -> str:
    if interview.finished:
        return "Interview finished."
    stage_left, total_left = interview.time_left()
    stage = interview.stage()
    index = interview.persona.stages.index(stage) + 1
    return (
        f"Stage {index}/{len(interview.persona.stages)}: {stage.title} · "
        f"{mmss(stage_left)} left in this stage · {mmss(total_left)} left in all"
    )


def mmss(seconds: float) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"


class LivePitch:
    """A recording arriving in chunks (microphone stream or a file read in slices),
    transcribed while it is spoken: a presentation, or an answer (``keep_audio``: its
    samples are kept, to be stored with the session like an uploaded recording)."""

    def __init__(
        self,
        voice: VoiceInterview,
        *,
        limit_s: int = MAX_PITCH_S,
        what: str = "presentation",
        keep_audio: bool = False,
    ):
        self.voice = voice
        self.incremental = IncrementalTranscriber(
            voice.transcriber, prompt=voice.prompt, on_text=voice.heard_so_far
        )
        self.samples = 0
        self.last_fed = time.monotonic()
        self.limit_s = limit_s
        self.what = what
        self.audio: list[np.ndarray] | None = [] if keep_audio else None

    def feed(self, rate: int, samples: np.ndarray) -> LiveStats:
        audio = to_16k_mono(rate, samples)
        if self.samples + audio.size > self.limit_s * SAMPLE_RATE:
            raise InputError(
                f"the {self.what} has passed {self.limit_s // 60} minutes; stop the recording"
            )
        self.samples += audio.size
        self.last_fed = time.monotonic()
        self.incremental.feed(audio)
        if self.audio is not None:
            self.audio.append(audio)
        return self.stats()

    def stats(self) -> LiveStats:
        return _stats(self.incremental.partial(), self.samples / SAMPLE_RATE, self.voice)

    def progress(self, k: int) -> LiveStats:
        """Figures once the first ``k`` chunks of a complete recording are transcribed."""
        stats = _stats(self.incremental.wait(k), self.samples / SAMPLE_RATE, self.voice)
        return stats.model_copy(update={"chunk": k, "chunks": self.incremental.chunks})

    def finish(self) -> Transcription:
        return self.incremental.finish()


def _stats(heard: Transcription, seconds: float, voice: VoiceInterview) -> LiveStats:
    metrics = compute(heard.words, heard.duration_s, voice.targets, text=heard.text)
    return LiveStats(
        seconds=round(seconds, 1),
        words=metrics.words,
        wpm=metrics.wpm,
        fillers=metrics.fillers,
        sections=[s for s in PITCH_SECTIONS if s in pitch_sections(heard.text)],
        text=heard.text,
        heard_s=heard.duration_s,
    )


class Practice:
    """The app's actions. ``owner`` is the signed-in user (None on a local install)."""

    def __init__(self, services: Services):
        self.services = services
        self._pitches: dict[str, LivePitch] = {}
        self._answers: dict[str, LivePitch] = {}  # spoken answers being recorded
        self._pitch_guard = threading.Lock()
        self.graded = Graded(services.store, services.personas, services.rubrics, services.targets)

    # -- sessions ----------------------------------------------------------------------
    def start(
        self,
        persona: str | Persona,
        *,
        cv: str = "",
        job: str = "",
        owner: str | None = None,
        clock: Clock | None = None,
    ) -> Screen:
        """A new interview. The web app names a persona by id; the terminal may also pass
        one it loaded from a YAML file."""
        services = self.services
        if isinstance(persona, str):
            persona = services.persona(persona)
        profile = build_profile(cv[:MAX_ANSWER_CHARS], job[:MAX_ANSWER_CHARS])
        interview = Interview.start(
            persona,
            services.model,
            services.store,
            profile=profile,
            clock=clock or WallClock(),
            owner=owner,
        )
        services.live.put(interview)
        return self.screen_of(interview, said=interview.turns)

    def interview(
        self,
        session_id: str,
        owner: str | None,
        *,
        persona: Persona | None = None,
        clock: Clock | None = None,
    ) -> Interview:
        """The live interview of this process, or the stored one resumed (another app
        process may have held it, or this one restarted). A live one that another process
        has moved on since is reloaded: the database is the truth."""
        services = self.services
        interview = services.live.get(session_id)
        if interview is not None and services.store.progress(session_id) != (
            len(interview.turns),
            interview.session.status,
        ):
            services.live.drop(session_id)
            interview = None
        if interview is None:
            services.check_owner(session_id, owner)
            session = services.store.load(session_id)
            persona = persona or services.persona(session.persona_id)
            interview = Interview.resume(
                persona, services.model, services.store, session.id, clock=clock or WallClock()
            )
            services.live.put(interview)
        elif owner is not None and interview.session.owner != owner:
            services.check_owner(session_id, owner)
        return interview

    def resume(self, session_id: str, owner: str | None = None) -> Screen:
        interview = self.interview(session_id, owner)
        return self.screen_of(interview)

    def resumable(self, session_id: str | None, owner: str | None) -> Session | None:
        """The unfinished session this browser held, if it still exists."""
        if not session_id:
            return None
        try:
            self.services.check_owner(session_id, owner)
            session = self.services.store.load(session_id)
        except InputError:
            return None
        return None if session.finished else session

    # -- answers -----------------------------------------------------------------------
    def answer(
        self,
        session_id: str,
        text: str,
        *,
        owner: str | None = None,
        on_lead: Callable[[str], None] | None = None,
        spoken: SpokenDraft | None = None,
    ) -> Screen:
        """A typed answer, or a spoken one as the candidate checked (and maybe corrected)
        it: the text sent is what is stored; pace and fillers stay those of the recording."""
        if len(text) > MAX_ANSWER_CHARS:
            raise InputError(
                f"your answer has {len(text):,} characters; answers are limited to "
                f"{MAX_ANSWER_CHARS:,}"
            )
        with self._writing(session_id, owner) as interview:
            before = len(interview.turns)
            interview.on_lead = on_lead
            if spoken is not None and not _still_spoken(spoken, interview, text):
                spoken = None  # another session's draft, or a different answer typed over it
            try:
                if spoken is None:
                    interview.answer(text)
                else:
                    interview.answer(
                        text,
                        speech=spoken.speech,
                        audio_path=spoken.audio_path,
                        duration_s=spoken.duration_s,
                    )
            finally:
                interview.on_lead = None
        return self.screen_of(interview, said=interview.turns[before:])

    @contextmanager
    def _writing(self, session_id: str, owner: str | None) -> Iterator[Interview]:
        """The session, held for one answer: by this process (a lock per session) and by the
        database (another app process, a CLI window), and read fresh once held, so two
        answers at once are stored one after the other, never one over the other."""
        self.services.check_owner(session_id, owner)
        session_id = self.services.store.resolve_id(session_id, exact=owner is not None)
        with self.services.live.lock(session_id), self.services.store.session_lock(session_id):
            yield self.interview(session_id, owner)

    def answer_audio(self, session_id: str, path: str, *, owner: str | None = None) -> Screen:
        """A recorded answer: kept with the session's audio, transcribed, answered."""
        with self._writing(session_id, owner) as interview:
            kept = self._keep_recording(interview, Path(path))
            voice = self._voice(interview)
            before = len(interview.turns)
            voice.answer_file(kept)
        return self.screen_of(
            interview,
            said=interview.turns[before:],
            warnings=voice.warnings,
        )

    def hear(self, session_id: str, path: str, *, owner: str | None = None) -> SpokenDraft:
        """A recorded answer, kept with the session's audio and transcribed with the
        interview's terms, for the candidate to check before sending it."""
        interview = self.interview(session_id, owner)
        with self.services.live.lock(interview.session.id):
            kept = self._keep_recording(interview, Path(path))
        voice = self._voice(interview)
        heard = self._transcribe_file(kept, voice.prompt)
        if not heard.text.strip():
            raise InputError("no words recognised in the recording; record it again or type it")
        return SpokenDraft(
            session_id=interview.session.id,
            text=heard.text,
            audio_path=str(kept),
            duration_s=heard.duration_s,
            speech=compute(heard.words, heard.duration_s, voice.targets, text=heard.text),
        )

    def answer_chunk(
        self, session_id: str, rate: int, samples: np.ndarray, *, owner: str | None = None
    ) -> LiveStats:
        """A second of an answer from the microphone, transcribed while the candidate goes
        on speaking: when they stop, only the last clause is left to transcribe."""
        interview = self.interview(session_id, owner)
        with self._pitch_guard:
            self._drop_abandoned_pitches()
            live = self._answers.get(interview.session.id)
            if live is None:
                live = self._answers[interview.session.id] = LivePitch(
                    self._voice(interview),
                    limit_s=MAX_SPOKEN_ANSWER_S,
                    what="answer",
                    keep_audio=True,
                )
        return live.feed(rate, samples)

    def drop_live_answer(self, session_id: str, *, owner: str | None = None) -> None:
        """A recording starts: what is left of an earlier one (a chunk that arrived after
        its stop) is dropped, never prepended to the new answer."""
        interview = self.interview(session_id, owner)
        with self._pitch_guard:
            live = self._answers.pop(interview.session.id, None)
        if live is not None:
            live.incremental.close()

    def hear_live(self, session_id: str, *, owner: str | None = None) -> SpokenDraft:
        """The answer the microphone streamed, once the candidate stopped: its words (most
        already transcribed), kept with the session's audio like a recorded answer."""
        interview = self.interview(session_id, owner)
        with self._pitch_guard:
            live = self._answers.pop(interview.session.id, None)
        if live is None or live.audio is None or not live.samples:
            raise InputError("no answer was recorded; record it again or type it")
        heard = live.finish()
        if not heard.text.strip():
            raise InputError("no words recognised in the recording; record it again or type it")
        audio = np.concatenate(live.audio)
        with self.services.live.lock(interview.session.id):
            self._check_quota(interview.session.owner, audio.size * 2 + 44)
            folder = session_folder(self.services.settings.data_dir, "audio", interview.session.id)
            kept = write_wav(
                folder / f"{len(interview.turns):03d}-candidate.wav", audio, SAMPLE_RATE
            )
        return SpokenDraft(
            session_id=interview.session.id,
            text=heard.text,
            audio_path=str(kept),
            duration_s=heard.duration_s,
            speech=compute(heard.words, heard.duration_s, live.voice.targets, text=heard.text),
        )

    def end(self, session_id: str, *, owner: str | None = None) -> Screen:
        with self._writing(session_id, owner) as interview:
            before = len(interview.turns)
            if not interview.finished:
                interview.end()
        return self.screen_of(interview, said=interview.turns[before:])

    # -- the pitch -----------------------------------------------------------------------
    def pitch_chunk(
        self, session_id: str, rate: int, samples: np.ndarray, *, owner: str | None = None
    ) -> LiveStats:
        return self._live_pitch(session_id, owner).feed(rate, samples)

    def _live_pitch(self, session_id: str, owner: str | None) -> LivePitch:
        interview = self.interview(session_id, owner)
        with self._pitch_guard:
            self._drop_abandoned_pitches()
            live = self._pitches.get(session_id)
            if live is None:
                live = self._pitches[session_id] = LivePitch(self._voice(interview))
        return live

    def _drop_abandoned_pitches(self) -> None:
        """Recordings nobody has fed for half an hour (a closed tab): free their thread."""
        now = time.monotonic()
        for recordings in (self._pitches, self._answers):
            for sid, live in list(recordings.items()):
                if now - live.last_fed > ABANDONED_PITCH_S:
                    live.incremental.close()
                    del recordings[sid]

    def finish_pitch_if_time_is_up(
        self, session_id: str, *, owner: str | None = None
    ) -> tuple[LiveStats, Screen] | None:
        """The countdown reached zero while the candidate was still presenting: take what
        was said and let the persona ask its questions."""
        with self._pitch_guard:
            recording = session_id in self._pitches
        if not recording:
            return None
        interview = self.interview(session_id, owner)
        if interview.stage().kind != "monologue" or interview.time_left()[0] > 0:
            return None
        return self.pitch_finish(session_id, owner=owner)

    def pitch_file(self, session_id: str, path: str, *, owner: str | None = None):
        """Yield the figures after each transcribed chunk of a recorded presentation (chunk
        k of n: pace, fillers and sections as far as it is heard), then the final figures,
        then the screen once the interviewer has moved on to the questions."""
        audio = load_audio(Path(path))
        live = self._live_pitch(session_id, owner)
        for start in range(0, audio.size, SAMPLE_RATE):  # cut at pauses, as a microphone is
            live.feed(SAMPLE_RATE, audio[start : start + SAMPLE_RATE])
        live.incremental.flush()
        yield live.stats().model_copy(update={"chunks": live.incremental.chunks})
        for k in range(1, live.incremental.chunks + 1):
            yield live.progress(k)
        final, screen = self.pitch_finish(session_id, owner=owner, recording=Path(path))
        yield final
        yield screen

    def pitch_finish(
        self, session_id: str, *, owner: str | None = None, recording: Path | None = None
    ) -> tuple[LiveStats, Screen]:
        """The whole presentation transcribed: its figures, and the interviewer's reply."""
        interview = self.interview(session_id, owner)
        with self._pitch_guard:
            live = self._pitches.pop(session_id, None)
        if live is None:
            raise InputError("no presentation was recorded; record it or type it")
        heard = live.finish()
        final = _stats(heard, live.samples / SAMPLE_RATE, live.voice)
        with self.services.live.lock(session_id):
            voice = live.voice
            before = len(interview.turns)
            source = str(self._keep_recording(interview, recording)) if recording else None
            voice.answer_transcription(heard, source=source)
        screen = self.screen_of(
            interview,
            said=interview.turns[before:],
            warnings=voice.warnings,
        )
        return final, screen

    # -- report and history ------------------------------------------------------------------
    def report(
        self, session_id: str, *, owner: str | None = None, judge: bool | None = None
    ) -> Report:
        """A stored session graded. ``judge``: None uses the model as a judge when it is a
        capable one, False never, True always."""
        services = self.services
        services.check_owner(session_id, owner)
        session = services.store.load(session_id)
        return self.grade(session, services.personas.get(session.persona_id), judge=judge)

    def grade(self, session: Session, persona: Persona | None, *, judge: bool | None = None):
        """Any session (stored, or read from a transcript file) graded with the rubrics; a
        judge's call is logged with a stored session's model calls."""
        services = self.services
        stored = services.store.progress(session.id) is not None
        log = (
            functools.partial(services.store.log_llm_call, session_id=session.id)
            if stored
            else None
        )
        return grade_session(
            session,
            persona,
            services.rubrics,
            judge=judge_for(services.model, judge, log=log) if judge is not False else None,
            targets=services.targets,
        )

    def delete(self, session_id: str, *, owner: str | None = None) -> None:
        """Remove a session everywhere: rows, model logs, practice attempts, recordings,
        report files, and this process's live copy."""
        services = self.services
        # The owner is checked first, on the exact id: a prefix would let one user find
        # another's sessions by trying one character at a time.
        services.check_owner(session_id, owner)
        session_id = services.store.resolve_id(session_id, exact=True)
        services.store.delete(session_id)
        services.live.drop(session_id)
        remove_session_files(services.settings.data_dir, session_id)
        self.graded.forget(session_id)

    def session_files(self, session_id: str, *, owner: str | None = None) -> list[Path]:
        """The transcript (Markdown) and the whole session (JSON, which `interviewer import`
        reads back exactly: keep it, or move it to another installation)."""
        from ..export import to_json, to_markdown

        self.services.check_owner(session_id, owner)
        session = self.services.store.load(session_id)
        folder = self.services.settings.data_dir / "reports" / session.id
        folder.mkdir(parents=True, exist_ok=True)
        transcript = folder / f"transcript-{session.id}.md"
        transcript.write_text(to_markdown(session), encoding="utf-8")
        exported = folder / f"session-{session.id}.json"
        exported.write_text(to_json(session), encoding="utf-8")
        return [self.services.deliver(transcript), self.services.deliver(exported)]

    def report_files(self, report: Report) -> list[Path]:
        """The report as Markdown, HTML and JSON files to download."""
        folder = self.services.settings.data_dir / "reports" / (report.session_id or "report")
        folder.mkdir(parents=True, exist_ok=True)
        files = []
        for fmt, render in FORMATS.items():
            path = folder / f"report-{report.session_id}.{fmt}"
            path.write_text(render(report), encoding="utf-8")
            files.append(self.services.deliver(path))
        return files

    def history(self, owner: str | None = None, limit: int = 50) -> list[HistoryRow]:
        """Past sessions with their scores, oldest first (for the charts)."""
        return self.graded.history(owner, limit)

    def weak_answers(self, owner: str | None = None, limit: int = 10) -> list[WeakAnswer]:
        """The answers with the lowest criterion (or decisiveness, bluffing) score."""
        return self.graded.weak_answers(owner, limit)

    def transcript_markdown(self, session_id: str, *, owner: str | None = None) -> str:
        """A past session's transcript, to read again under its report."""
        return self.transcript(session_id, "md", owner=owner)

    def transcript(self, session_id: str, fmt: str, *, owner: str | None = None) -> str:
        """A session's transcript as Markdown, JSON (which `interviewer import` reads back)
        or plain text."""
        from ..export import FORMATS as TRANSCRIPT_FORMATS

        self.services.check_owner(session_id, owner)
        return TRANSCRIPT_FORMATS[fmt](self.services.store.load(session_id))

    def practice_again(
        self, weak: WeakAnswer, answer: str, *, owner: str | None = None
    ) -> Comparison:
        """Grade a new answer to the same question, compare it with the original one, and
        keep it with the session (every attempt, so progress shows over time)."""
        if not answer.strip():
            raise InputError("type (or record) your new answer first")
        store = self.services.store
        self.services.check_owner(weak.session_id, owner)
        answer = answer[:MAX_ANSWER_CHARS]
        scores = grade_answer(weak.question, answer, self.services.rubrics)
        earlier = [a["mean"] for a in store.attempts(weak.session_id, weak.seq)]
        store.add_attempt(
            weak.session_id, weak.seq, weak.question, answer, scores, mean_score(scores)
        )
        rows = [
            (criterion, weak.scores.get(criterion), scores.get(criterion))
            for criterion in sorted(set(weak.scores) | set(scores))
        ]
        return Comparison(
            question=weak.question,
            before=weak.answer,
            after=answer,
            rows=rows,
            before_mean=weak.mean,
            after_mean=mean_score(scores),
            attempts=[weak.mean, *earlier, mean_score(scores)],
        )

    def transcribe(self, path: str) -> str:
        """A recorded answer as text (to edit before grading it)."""
        from ..voice.stt import domain_prompt

        return self._transcribe_file(Path(path), domain_prompt([])).text

    def _transcribe_file(self, path: Path, prompt: str) -> Transcription:
        """A recording as words; silence is refused with a message, never sent to Whisper."""
        from ..voice.audio import is_silent

        audio = load_audio(path)
        if is_silent(audio):
            raise InputError("no speech in the recording; check the microphone and try again")
        return self.services.transcriber.transcribe(audio, prompt=prompt)

    # -- helpers -----------------------------------------------------------------------
    def _voice(self, interview: Interview) -> VoiceInterview:
        return VoiceInterview(interview, self.services.transcriber, targets=self.services.targets)

    def _keep_recording(self, interview: Interview, path: Path) -> Path:
        """Move an uploaded recording next to the session's other audio (deleted with it),
        within the user's quota: the upload leaves the shared upload cache at once."""
        if not path.is_file():
            raise InputError(f"the recording {path.name} did not arrive; record it again")
        self._check_quota(interview.session.owner, path.stat().st_size)
        folder = session_folder(self.services.settings.data_dir, "audio", interview.session.id)
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / f"{len(interview.turns):03d}-candidate{path.suffix.lower() or '.wav'}"
        try:
            shutil.move(path, kept)
        except OSError:
            shutil.copyfile(path, kept)  # an upload folder we may not write to
        return kept

    def _check_quota(self, owner: str | None, incoming: int) -> None:
        """A signed-in user's recordings stay within ``user_audio_quota_mb``."""
        if owner is None:
            return  # the local user's disk is their own
        data_dir = self.services.settings.data_dir
        used = 0
        for row in self.services.store.list_sessions(limit=100_000, owner=owner):
            folder = session_folder(data_dir, "audio", row["id"])
            if folder.is_dir():
                used += sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
        quota = self.services.settings.user_audio_quota_mb * 1_000_000
        if used + incoming > quota:
            raise InputError(
                f"your recordings take {used / 1e6:.0f} MB of your {quota / 1e6:.0f} MB: "
                "delete old sessions in History, or type this answer"
            )

    def speak(self, interview: Interview, turn: Turn) -> str | None:
        """The interviewer's turn as a WAV file, when a voice is ready (never waits for one
        still loading)."""
        speaker = self.services.speaker
        if speaker is None or self.services.health["tts"].state != "ready":
            return None
        folder = self.services.settings.data_dir / "audio" / interview.session.id
        voice = VoiceInterview(
            interview,
            self.services.transcriber,
            speaker,
            voice_out=folder,
            targets=self.services.targets,
        )
        path = voice.speak(turn)  # the terminal writes the interviewer's voice the same way
        return str(self.services.deliver(path)) if path is not None else None

    def screen_of(
        self,
        interview: Interview,
        *,
        said: list[Turn] | None = None,
        warnings: list[str] | None = None,
    ) -> Screen:
        stage = interview.stage()
        stage_left, total_left = interview.time_left()
        index = interview.persona.stages.index(stage) + 1
        return Screen(
            stage_label=f"Stage {index}/{len(interview.persona.stages)}: {stage.title}",
            stage_left_s=round(stage_left, 1),
            total_left_s=round(total_left, 1),
            stage_planned_s=stage.minutes * 60,
            session_id=interview.session.id,
            persona=interview.persona.name,
            messages=messages(interview.turns),
            finished=interview.finished,
            clock=_clock_text(interview),
            pitch=stage.kind == "monologue" and not interview.finished,
            presented=_presented(interview),
            # the interview's warnings hold for the rest of it (e.g. "plan only"); a
            # recording's hold for that answer
            warnings=list(dict.fromkeys([*interview.warnings, *(warnings or [])])),
        )


class Comparison(BaseModel):
    question: str
    before: str
    after: str
    rows: list[tuple[str, float | None, float | None]]
    before_mean: float | None
    after_mean: float | None
    attempts: list[float | None] = Field(
        default_factory=list, description="Mean score of the original answer, then each try."
    )


def _presented(interview: Interview) -> LiveStats | None:
    """The figures of the pitch already given (its monologue turn), for the panel."""
    monologue = {st.id for st in interview.persona.stages if st.kind == "monologue"}
    for turn in interview.turns:
        if turn.speaker == "candidate" and turn.stage_id in monologue:
            speech = turn.speech
            return LiveStats(
                seconds=turn.duration_s,
                words=speech.words if speech else len(turn.text.split()),
                wpm=speech.wpm if speech else 0.0,
                fillers=speech.fillers if speech else 0,
                sections=[s for s in PITCH_SECTIONS if s in pitch_sections(turn.text)],
                heard_s=turn.duration_s,
            )
    return None


def _still_spoken(draft: SpokenDraft, interview: Interview, text: str) -> bool:
    """Is ``text`` the recorded answer, corrected? Corrections change a few words; an
    answer typed over the draft is not spoken, and must not carry the recording's pace."""
    if draft.session_id != interview.session.id:
        return False
    heard = set(re.findall(r"\w+", draft.text.lower()))
    sent = re.findall(r"\w+", text.lower())
    return bool(sent) and sum(w in heard for w in sent) >= 0.5 * len(sent)

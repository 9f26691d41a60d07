"""What the app does for one browser, without Gradio: start, answer (typed or spoken), the
pitch, end, report, history and practice-again. The UI layer only maps these to widgets,
so the same code is exercised by unit tests, the API and the browser."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from ..clock import WallClock
from ..engine import Interview
from ..errors import InputError
from ..grading.grader import grade_answer, grade_session
from ..grading.judge import judge_for
from ..grading.render import FORMATS
from ..grading.report import Report
from ..grading.signals import pitch_sections
from ..profile import build_profile
from ..session_files import remove_session_files, session_folder
from ..transcript import Session, Turn
from ..voice.audio import SAMPLE_RATE, load_audio, write_wav
from ..voice.metrics import compute
from ..voice.pipeline import VoiceInterview
from ..voice.stt import IncrementalTranscriber, Transcription
from .services import Services

MAX_ANSWER_CHARS = 100_000
MAX_PITCH_S = 30 * 60
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


def messages(turns: list[Turn]) -> list[dict]:
    """Chat messages for the transcript; hidden notes never leave the server."""
    return [
        {"role": "assistant" if t.speaker == "interviewer" else "user", "content": t.text}
        for t in turns
    ]


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
    """A presentation arriving in chunks (microphone stream or a file read in slices)."""

    def __init__(self, voice: VoiceInterview):
        self.voice = voice
        self.incremental = IncrementalTranscriber(voice.transcriber, prompt=voice.prompt)
        self.samples = 0
        self.last_fed = time.monotonic()

    def feed(self, rate: int, samples: np.ndarray) -> LiveStats:
        audio = _to_16k_mono(rate, samples)
        if self.samples + audio.size > MAX_PITCH_S * SAMPLE_RATE:
            raise InputError(
                f"the presentation has passed {MAX_PITCH_S // 60} minutes; stop the recording"
            )
        self.samples += audio.size
        self.last_fed = time.monotonic()
        self.incremental.feed(audio)
        return self.stats()

    def stats(self) -> LiveStats:
        return _stats(self.incremental.partial(), self.samples / SAMPLE_RATE, self.voice)

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
    )


def _to_16k_mono(rate: int, samples: np.ndarray) -> np.ndarray:
    audio = np.asarray(samples)
    if audio.ndim == 2:
        audio = audio.mean(axis=1)
    if np.issubdtype(audio.dtype, np.integer):
        audio = audio.astype(np.float32) / np.iinfo(audio.dtype).max
    audio = audio.astype(np.float32, copy=False)
    if rate != SAMPLE_RATE:
        from math import gcd

        from scipy.signal import resample_poly

        g = gcd(rate, SAMPLE_RATE)
        audio = resample_poly(audio, SAMPLE_RATE // g, rate // g).astype(np.float32)
    return audio


class Practice:
    """The app's actions. ``owner`` is the signed-in user (None on a local install)."""

    def __init__(self, services: Services):
        self.services = services
        self._pitches: dict[str, LivePitch] = {}
        self._pitch_guard = threading.Lock()
        self._graded: dict[tuple[str, int, str], Report] = {}

    # -- sessions ----------------------------------------------------------------------
    def start(
        self, persona_id: str, *, cv: str = "", job: str = "", owner: str | None = None
    ) -> Screen:
        services = self.services
        persona = services.persona(persona_id)
        profile = build_profile(cv[:MAX_ANSWER_CHARS], job[:MAX_ANSWER_CHARS])
        interview = Interview.start(
            persona,
            services.model,
            services.store,
            profile=profile,
            clock=WallClock(),
            owner=owner,
        )
        services.live.put(interview)
        return self.screen_of(interview, said=interview.turns)

    def interview(self, session_id: str, owner: str | None) -> Interview:
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
            persona = services.persona(session.persona_id)
            interview = Interview.resume(
                persona, services.model, services.store, session.id, clock=WallClock()
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
    ) -> Screen:
        if len(text) > MAX_ANSWER_CHARS:
            raise InputError(
                f"your answer has {len(text):,} characters; answers are limited to "
                f"{MAX_ANSWER_CHARS:,}"
            )
        with self._writing(session_id, owner) as interview:
            before = len(interview.turns)
            interview.on_lead = on_lead
            try:
                interview.answer(text)
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
        interview = self.interview(session_id, owner)
        with self._pitch_guard:
            self._drop_abandoned_pitches()
            live = self._pitches.get(session_id)
            if live is None:
                live = self._pitches[session_id] = LivePitch(self._voice(interview))
        return live.feed(rate, samples)

    def _drop_abandoned_pitches(self) -> None:
        """Recordings nobody has fed for half an hour (a closed tab): free their thread."""
        now = time.monotonic()
        for sid, live in list(self._pitches.items()):
            if now - live.last_fed > ABANDONED_PITCH_S:
                live.incremental.close()
                del self._pitches[sid]

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
        """Yield live figures while a recorded presentation is read in one-second slices,
        then the screen once the interviewer has moved on to the questions."""
        audio = load_audio(Path(path))
        stats = None
        for start in range(0, audio.size, SAMPLE_RATE):
            stats = self.pitch_chunk(
                session_id, SAMPLE_RATE, audio[start : start + SAMPLE_RATE], owner=owner
            )
            yield stats
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
    def report(self, session_id: str, *, owner: str | None = None) -> Report:
        services = self.services
        services.check_owner(session_id, owner)
        session = services.store.load(session_id)
        persona = services.personas.get(session.persona_id)
        return grade_session(
            session,
            persona,
            services.rubrics,
            judge=judge_for(services.model),
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
        self._graded = {k: v for k, v in self._graded.items() if k[0] != session_id}

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

    def _past(self, owner: str | None, limit: int) -> list[tuple[dict, Session, Report]]:
        """Stored sessions with their deterministic reports (cached while unchanged)."""
        store = self.services.store
        out = []
        for row in store.list_sessions(limit, owner=owner):
            key = (row["id"], row["n_turns"], row["status"])
            session = store.load(row["id"])
            report = self._graded.get(key)
            if report is None:
                persona = self.services.personas.get(session.persona_id)
                report = self._graded[key] = grade_session(
                    session, persona, self.services.rubrics, targets=self.services.targets
                )
            out.append((row, session, report))
        return out

    def history(self, owner: str | None = None, limit: int = 50) -> list[HistoryRow]:
        """Past sessions with their scores, oldest first (for the charts)."""
        return [
            HistoryRow(
                session_id=session.id,
                date=row["updated_at"].strftime("%Y-%m-%d %H:%M"),
                persona=session.persona_id,
                mode=report.mode,
                status=session.status,
                answers=len(session.transcript.candidate_turns()),
                overall=report.overall,
                scores={c.id: c.score for c in report.criteria if c.score is not None},
            )
            for row, session, report in reversed(self._past(owner, limit))
        ]

    def weak_answers(self, owner: str | None = None, limit: int = 10) -> list[WeakAnswer]:
        """The lowest-scored answers of past sessions: what to practise again."""
        found = []
        for _row, session, report in self._past(owner, 50):
            for a in report.answers:
                scores = grade_answer(a.question, a.answer, self.services.rubrics)
                mean = _mean(scores)
                if mean is not None:
                    found.append(
                        WeakAnswer(
                            session_id=session.id,
                            seq=a.seq,
                            question=a.question,
                            answer=a.answer,
                            scores=scores,
                            mean=mean,
                        )
                    )
        return sorted(found, key=lambda w: w.mean)[:limit]

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
        store.add_attempt(weak.session_id, weak.seq, weak.question, answer, scores, _mean(scores))
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
            after_mean=_mean(scores),
            attempts=[weak.mean, *earlier, _mean(scores)],
        )

    def transcribe(self, path: str) -> str:
        """A recorded answer as text (to edit before grading it)."""
        from ..voice.audio import is_silent

        audio = load_audio(Path(path))
        if is_silent(audio):
            raise InputError("no speech in the recording; check the microphone and try again")
        from ..voice.stt import domain_prompt

        return self.services.transcriber.transcribe(audio, prompt=domain_prompt([])).text

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
        path = folder / f"{turn.seq:03d}-interviewer.wav"
        write_wav(path, speaker.synthesize(turn.text), speaker.sample_rate)
        return str(self.services.deliver(path))

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
            # the interview's warnings hold for the rest of it (e.g. "plan only"); a
            # recording's hold for that answer
            warnings=list(dict.fromkeys([*interview.warnings, *(warnings or [])])),
        )


class HistoryRow(BaseModel):
    session_id: str
    date: str
    persona: str
    mode: str
    status: str
    answers: int
    overall: float | None
    scores: dict[str, float]


class WeakAnswer(BaseModel):
    session_id: str
    seq: int
    question: str
    answer: str
    scores: dict[str, float | None]
    mean: float

    @property
    def label(self) -> str:
        return f"{self.mean:.1f}/5 · {self.question[:90]} ({self.session_id[:8]}, turn {self.seq})"


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


def _mean(scores: dict[str, float | None]) -> float | None:
    values = [v for v in scores.values() if v is not None]
    return round(sum(values) / len(values), 2) if values else None

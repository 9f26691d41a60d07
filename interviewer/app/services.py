"""What one process shares between its sessions (the web app's browsers, or one terminal
command): settings, the database, the personas and rubrics, and the models (built on first
use, loaded once, in the background for the web app, so the page answers at once)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from functools import cached_property
from pathlib import Path
from typing import Literal

from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel

from ..engine import Interview
from ..errors import InputError, InterviewerError, SessionNotFound
from ..grading.rubrics import Rubric, load_rubrics, rubric_dirs
from ..llm import build_model, describe
from ..llm.capabilities import capabilities, load
from ..llm.openai_compat import probe
from ..personas import Persona, load_all, persona_dirs
from ..settings import Settings
from ..speech import SpeechTargets
from ..store import Store
from ..voice.stt import Transcriber, build_transcriber
from ..voice.tts import Speaker, build_speaker

State = Literal["loading", "ready", "failed", "off"]
LIVE_INTERVIEWS = 500


class Health(BaseModel):
    """One provider as the setup screen shows it."""

    part: str
    provider: str
    state: State = "loading"
    detail: str = ""
    seconds: float | None = None


class LiveInterviews:
    """Interviews in progress in this process, by session id, with one lock each: a
    browser that sends two answers at once gets them handled in order. Evicted ones (or
    ones started on another app process) are resumed from the database."""

    def __init__(self, capacity: int = LIVE_INTERVIEWS):
        self.capacity = capacity
        self._items: OrderedDict[str, Interview] = OrderedDict()
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def lock(self, session_id: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(session_id, threading.Lock())

    def get(self, session_id: str) -> Interview | None:
        with self._guard:
            interview = self._items.get(session_id)
            if interview is not None:
                self._items.move_to_end(session_id)
            return interview

    def put(self, interview: Interview) -> None:
        with self._guard:
            self._items[interview.session.id] = interview
            self._items.move_to_end(interview.session.id)
            while len(self._items) > self.capacity:
                old, _ = self._items.popitem(last=False)
                self._locks.pop(old, None)

    def drop(self, session_id: str) -> None:
        with self._guard:
            self._items.pop(session_id, None)


class Services:
    """Built once per app process; nothing here calls the network or loads a model until
    :meth:`load_in_background`."""

    def __init__(
        self,
        settings: Settings,
        *,
        store: Store | None = None,
        extra_persona_dirs: list[Path] | tuple[Path, ...] = (),
        extra_rubric_dirs: list[Path] | tuple[Path, ...] = (),
    ):
        self.settings = settings
        self.store = store or Store(settings.database_url())
        self.persona_dirs = persona_dirs(list(extra_persona_dirs), settings.personas_dir)
        personas, errors = load_all(self.persona_dirs)
        self.personas: dict[str, Persona] = {p.id: p for p in personas}
        self.persona_errors = [str(e) for e in errors]
        self.rubrics: list[Rubric] = load_rubrics(
            rubric_dirs(list(extra_rubric_dirs), settings.rubrics_dir)
        )
        self.targets = SpeechTargets.from_settings(settings)
        self.live = LiveInterviews()
        self._loader: threading.Thread | None = None
        self._downloads: Path | None = None

    # Built on first use: a terminal command that only lists, exports or deletes sessions
    # never builds a model client (which may need a key it does not have).
    @cached_property
    def model(self) -> BaseChatModel:
        return build_model(self.settings)

    @cached_property
    def transcriber(self) -> Transcriber:
        return build_transcriber(self.settings)

    @cached_property
    def speaker(self) -> Speaker | None:
        return build_speaker(self.settings)

    @cached_property
    def health(self) -> dict[str, Health]:
        settings = self.settings
        return {
            "llm": Health(part="Interviewer model", provider=describe(self.model)),
            "stt": Health(
                part="Speech to text",
                provider=f"{settings.stt_provider}: {settings.stt_model}",
            ),
            "tts": Health(
                part="Interviewer voice",
                provider=settings.tts_provider,
                state="loading" if self.speaker is not None else "off",
            ),
        }

    # -- models --------------------------------------------------------------------------
    def load_in_background(self) -> threading.Thread:
        """Load (or check) every provider in a daemon thread; the health table follows."""
        if self._loader is None:
            self.health  # noqa: B018 - builds the providers here: a wrong setting fails at start
            self._loader = threading.Thread(target=self._load_all, name="load-models", daemon=True)
            self._loader.start()
        return self._loader

    def _load_all(self) -> None:
        self._check("llm", self._load_llm)
        self._check("stt", getattr(self.transcriber, "load", lambda: None))
        if self.speaker is not None:
            self._check("tts", getattr(self.speaker, "load", lambda: None))

    def _check(self, key: str, load) -> None:
        started = time.monotonic()
        try:
            detail = load()
        except InterviewerError as e:
            self.health[key] = self.health[key].model_copy(
                update={"state": "failed", "detail": str(e)}
            )
            return
        self.health[key] = self.health[key].model_copy(
            update={
                "state": "ready",
                "detail": detail if isinstance(detail, str) else "",
                "seconds": round(time.monotonic() - started, 2),
            }
        )

    def _load_llm(self) -> str:
        if load(self.model):
            return "in this process"
        base = capabilities(self.model).server_url
        if not base:
            return ""
        names = probe(base, self.settings.openai_key(), provider="openai")
        return f"{base} serves {', '.join(names[:3]) or 'no model list'}"

    def wait_until_loaded(self, timeout: float | None = None) -> None:
        if self._loader is not None:
            self._loader.join(timeout)

    # -- files handed to the browser ---------------------------------------------------------
    def deliver(self, path: Path) -> Path:
        """A copy of a data-directory file, under a random folder name, for the browser.

        The data directory itself is never served: Gradio serves an allowed folder to every
        signed-in user by path, so another user could read any session's recordings and
        reports. A copy handed to this user's page is the only way a file leaves it."""
        if self._downloads is None:
            self._downloads = Path(tempfile.mkdtemp(prefix="interviewer-downloads-"))
            atexit.register(shutil.rmtree, self._downloads, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(dir=self._downloads))
        copy = folder / path.name
        shutil.copyfile(path, copy)
        return copy

    # -- personas and sessions -------------------------------------------------------------
    def persona(self, persona_id: str) -> Persona:
        try:
            return self.personas[persona_id]
        except KeyError as e:
            raise InputError(
                f"unknown persona '{persona_id}' (available: {', '.join(sorted(self.personas))})"
            ) from e

    def check_owner(self, session_id: str, owner: str | None) -> None:
        """A signed-in user reaches only their own sessions, by their exact id: another
        user's session and a session that does not exist get the same refusal, which names
        nothing but what was sent."""
        if owner is None:
            return
        try:
            found = self.store.owner(session_id) == owner
        except SessionNotFound:
            found = False
        if not found:
            raise SessionNotFound(f"no session '{session_id}'")

"""What the screens share: the use cases, the services, the widgets by name, and the
helpers one screen offers another (the interview screen's outputs, the report's)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from types import SimpleNamespace

import gradio as gr

from ...app.practice import Practice, Screen
from ...app.services import Services
from ...errors import InterviewerError
from ..views import banner_lines

log = logging.getLogger("interviewer.web")


class Widgets(SimpleNamespace):
    """Every widget of the app by its name (``ui.chat``, ``ui.session_box``): a handler of
    one screen updates another's widgets by name, never by position."""


class Context:
    def __init__(self, services: Services):
        self.services = services
        self.practice = Practice(services)
        self.ui = Widgets()
        personas = sorted(services.personas.values(), key=lambda p: p.id)
        self.personas = personas
        self.pitch_ids = [p.id for p in personas if p.is_pitch]
        self.demo: gr.Blocks | None = None  # set by ui.build_app
        # Offered by one screen to another, set as each screen is wired: the interview's
        # outputs (Start and Resume show them), the report's (End shows it).
        self.screen_outputs: Callable[..., dict] | None = None
        self.screen_targets: list = []
        self.voice_for: Callable[..., str | None] | None = None
        self.report_outputs: Callable[..., dict] | None = None
        self.report_targets: list = []
        self.report_of: Callable[[str], Callable] | None = None

    def persona_choices(self, mode: str) -> list[tuple[str, str]]:
        wanted = [p for p in self.personas if (p.id in self.pitch_ids) == (mode == "pitch")]
        return [(f"{p.name}, {p.role} ({p.total_minutes:.0f} min)", p.id) for p in wanted]

    def persona_text(self, persona_id: str | None) -> str:
        if not persona_id or persona_id not in self.services.personas:
            return ""
        p = self.services.personas[persona_id]
        stages = ", ".join(f"{s.title} ({s.minutes:g} min)" for s in p.stages)
        return f"**{p.name}**, {p.role}. {p.summary}\n\nStages: {stages}."


def friendly(fn: Callable) -> Callable:
    """Our errors become a message in the page (and in the API), never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            result = fn(*args, **kwargs)
            if hasattr(result, "__next__"):
                yield from result
            else:
                yield result
        except InterviewerError as e:
            raise gr.Error(str(e), duration=None) from e

    return wrapper


def user(request: gr.Request | None) -> str | None:
    return getattr(request, "username", None) if request is not None else None


def banner_update(screen: Screen | None, services: Services):
    """Faults and warnings the candidate should see, kept on screen."""
    lines = banner_lines(screen, services)
    if not lines:
        return gr.update(value="", visible=False)
    return gr.update(value="\n".join(f"**Warning:** {line}  " for line in lines), visible=True)

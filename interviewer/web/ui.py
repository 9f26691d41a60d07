"""The Gradio app, assembled from its screens (``web/screens/``: setup, interview with the
pitch panel, report, history), each owning its layout and handlers.

Handlers are thin: they call :class:`~interviewer.app.practice.Practice` and map its
results to widgets. Every handler that may wait (a model, Whisper, the voice) is a plain
function, which Gradio runs in a worker thread, off the event loop. Each endpoint that
matters has an ``api_name``, so the same flows work through ``gradio_client``; the
session id travels explicitly (a hidden textbox), and with sign-in every session is
checked against its owner.
"""

from __future__ import annotations

import gradio as gr

from ..app.services import Services
from .screens import history, interview, report, setup
from .screens.context import Context

CSS = """
#banner {background:#fff4e5;border:1px solid #e8a33d;border-radius:6px;padding:.4em .8em}
#clock, #pitch-clock {font-variant-numeric:tabular-nums}
#status {overflow-x:auto}
#status th, #status td {word-break:normal;overflow-wrap:normal;hyphens:none}
#status td:nth-child(-n+3), #status th {white-space:nowrap}
#end {align-self:flex-start;width:auto;margin-top:.5em}
#chat button[aria-label="Clear"] {display:none}
@media (max-width: 640px) {
  #chat {height:40vh !important;max-height:40vh}
  .tab-wrapper .tab-container button {padding:0 .5em !important;font-size:.9em !important}
  #history-chart {width:100%}
}
"""


def theme():
    """System fonts: the page never asks a font service for anything."""
    return gr.themes.Default(
        font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"]
    )


def build_app(services: Services) -> gr.Blocks:
    ctx = Context(services)
    ui = ctx.ui
    # Gradio's copies of uploads and generated files: purged hourly once an hour old (the
    # kept copies live in the data directory, deleted with their session).
    with gr.Blocks(title="interviewer: mock interviews", delete_cache=(3600, 3600)) as demo:
        ctx.demo = demo
        ui.session_box = gr.Textbox(visible=False, elem_id="session-id")
        ui.browser = gr.BrowserState("", storage_key="interviewer-session")
        ui.banner = gr.Markdown(visible=False, elem_id="banner")
        with gr.Row(visible=False, elem_id="resume-row") as ui.resume_row:
            ui.resume_text = gr.Markdown()
            ui.resume_btn = gr.Button("Resume it", variant="primary", elem_id="resume")
            ui.dismiss_btn = gr.Button("Start a new one", elem_id="dismiss")

        with gr.Tabs(selected="setup") as ui.tabs:
            for screen in (setup, interview, report, history):
                screen.layout(ctx)

        # Programs (gradio_client) keep the endpoints they had: the id to delete given
        # directly, a spoken answer sent at once, the report of the current session.
        ui.api_delete_id = gr.Textbox(visible=False)
        ui.api_delete_sure = gr.Checkbox(visible=False)
        ui.api_voice = gr.Button(visible=False)
        ui.api_report = gr.Button(visible=False)
        ui.api_answer = gr.Button(visible=False)

        # The report first: the interview's End shows it; the interview's outputs next:
        # Start and Resume show them.
        for screen in (report, interview, setup, history):
            screen.wire(ctx)

    return demo

"""The Setup screen: the mode, the interviewer, an optional CV and job offer, the
providers' health; Start opens the interview."""

from __future__ import annotations

import gradio as gr

from ..uploads import read_upload
from ..views import status_markdown
from .context import Context, friendly, user


def layout(ctx: Context) -> None:
    """The screen's tab and widgets, named on ``ctx.ui``."""
    ui, services = ctx.ui, ctx.services
    with gr.Tab("Setup", id="setup"):
        gr.Markdown("## Rehearse an interview")
        with gr.Row():
            with gr.Column(scale=2):
                ui.mode = gr.Radio(
                    [("Interview", "interview"), ("15-minute pitch", "pitch")],
                    value="interview",
                    label="Mode",
                    elem_id="mode",
                )
                first = ctx.persona_choices("interview")
                ui.persona = gr.Dropdown(
                    first,
                    value=first[0][1] if first else None,
                    label="Interviewer",
                    elem_id="persona",
                    # the mode filters the list; any persona id is checked on start
                    allow_custom_value=True,
                )
                ui.persona_md = gr.Markdown(ctx.persona_text(first[0][1] if first else None))
                with gr.Accordion("Tailor the questions (optional)", open=False):
                    ui.cv_text = gr.Textbox(label="Your CV (paste)", lines=5, elem_id="cv")
                    ui.cv_file = gr.File(
                        label="…or upload it (.txt, .md, .pdf)",
                        file_types=[".txt", ".md", ".pdf"],
                        type="filepath",
                    )
                    ui.job_text = gr.Textbox(label="The job offer (paste)", lines=5)
                    ui.job_file = gr.File(
                        label="…or upload it (.txt, .md, .pdf)",
                        file_types=[".txt", ".md", ".pdf"],
                        type="filepath",
                    )
                ui.start_btn = gr.Button("Start", variant="primary", elem_id="start")
            with gr.Column(scale=1):
                gr.Markdown("### Providers")
                ui.status_md = gr.Markdown(status_markdown(services), elem_id="status")
                ui.status_timer = gr.Timer(2.0)


def wire(ctx: Context) -> None:
    """The screen's handlers."""
    ui, practice, services = ctx.ui, ctx.practice, ctx.services

    @friendly
    def start(persona_id, cv, cv_path, job, job_path, muted, request: gr.Request):
        cv_all = "\n".join([cv or "", read_upload(cv_path, "CV")])
        job_all = "\n".join([job or "", read_upload(job_path, "job offer")])
        screen = practice.start(persona_id, cv=cv_all, job=job_all, owner=user(request))
        return {
            **ctx.screen_outputs(screen, ctx.voice_for(screen, muted)),
            ui.tabs: gr.update(selected="interview"),
            ui.resume_row: gr.update(visible=False),
            ui.pitch_live: "Start presenting: your speaking rate and fillers appear here.",
            ui.pitch_check: [],
            ui.draft_state: None,
            ui.draft_hint: "",
        }

    ui.start_btn.click(
        start,
        [ui.persona, ui.cv_text, ui.cv_file, ui.job_text, ui.job_file, ui.mute],
        [*ctx.screen_targets, ui.tabs, ui.resume_row, ui.draft_state, ui.draft_hint],
        api_name="start",
    )

    # -- setup helpers ----------------------------------------------------------------
    def on_mode(m):
        choices = ctx.persona_choices(m)
        value = choices[0][1] if choices else None
        return gr.update(choices=choices, value=value), ctx.persona_text(value)

    ui.mode.change(on_mode, [ui.mode], [ui.persona, ui.persona_md], api_visibility="private")
    ui.persona.change(ctx.persona_text, [ui.persona], [ui.persona_md], api_visibility="private")

    def refresh_status():
        loading = any(h.state == "loading" for h in services.health.values())
        return status_markdown(services), gr.update(active=loading)

    ui.status_timer.tick(refresh_status, None, [ui.status_md, ui.status_timer], api_name="status")

"""The Report screen: the graded report, its downloads and the transcript."""

from __future__ import annotations

from collections.abc import Callable

import gradio as gr

from .context import Context, friendly, user


def layout(ctx: Context) -> None:
    """The screen's tab and widgets, named on ``ctx.ui``."""
    ui, services = ctx.ui, ctx.services  # noqa: F841
    with gr.Tab("Report", id="report"):
        ui.report_html = gr.HTML(
            "<p>Finish an interview, or open a past one in History, to see its report.</p>"
        )
        with gr.Row():
            ui.dl_md = gr.DownloadButton("Markdown", visible=False, elem_id="dl-md")
            ui.dl_html = gr.DownloadButton("HTML", visible=False, elem_id="dl-html")
            ui.dl_json = gr.DownloadButton("JSON", visible=False, elem_id="dl-json")
            ui.dl_transcript = gr.DownloadButton(
                "Transcript", visible=False, elem_id="dl-transcript"
            )
            ui.dl_session = gr.DownloadButton(
                "Session (to import)", visible=False, elem_id="dl-session"
            )
        with gr.Accordion(
            "Transcript", open=False, visible=False, elem_id="report-transcript"
        ) as ui.transcript_box:
            ui.transcript_md = gr.Markdown(elem_id="report-transcript-text")


def wire(ctx: Context) -> None:
    """The screen's handlers."""
    ui, practice, services = ctx.ui, ctx.practice, ctx.services  # noqa: F841

    def report_outputs(session_id: str, owner: str | None) -> dict:
        from ...grading.render import html_body

        report = practice.report(session_id, owner=owner)
        files = [
            *practice.report_files(report),
            *practice.session_files(session_id, owner=owner),
        ]
        downloads = [ui.dl_md, ui.dl_html, ui.dl_json, ui.dl_transcript, ui.dl_session]
        return {
            ui.report_html: f"<div id='report-body'>{html_body(report)}</div>",
            **{
                button: gr.update(value=str(path), visible=True)
                for button, path in zip(downloads, files, strict=True)
            },
            ui.tabs: gr.update(selected="report"),
            ui.transcript_box: gr.update(visible=True),
            ui.transcript_md: practice.transcript_markdown(session_id, owner=owner),
        }

    report_targets = [
        ui.report_html,
        ui.dl_md,
        ui.dl_html,
        ui.dl_json,
        ui.dl_transcript,
        ui.dl_session,
        ui.tabs,
        ui.transcript_box,
        ui.transcript_md,
    ]

    def report_of(missing: str) -> Callable:
        """A handler showing a session's report; ``missing`` says what to do first."""

        @friendly
        def show(session_id, request: gr.Request):
            if not session_id:
                raise gr.Error(missing)
            return report_outputs(session_id, user(request))

        return show

    ui.api_report.click(
        report_of("no session yet: start an interview in Setup"),
        [ui.session_box],
        report_targets,
        api_name="report",
    )

    ctx.report_outputs, ctx.report_targets, ctx.report_of = (
        report_outputs,
        report_targets,
        report_of,
    )

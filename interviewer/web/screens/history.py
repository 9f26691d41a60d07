"""The History screen: past sessions, progress per interviewer, deleting a session, and
practising the weakest answers again."""

from __future__ import annotations

import gradio as gr

from ...history import WeakAnswer, latest_persona, progress_by_persona
from ..views import (
    HISTORY_HEADERS,
    comparison_markdown,
    history_chart,
    history_table_rows,
)
from .context import Context, friendly, user


def layout(ctx: Context) -> None:
    """The screen's tab and widgets, named on ``ctx.ui``."""
    ui, services = ctx.ui, ctx.services  # noqa: F841
    with gr.Tab("History", id="history") as ui.history_tab:
        ui.history_btn = gr.Button("Refresh", size="sm", elem_id="history-refresh")
        gr.Markdown("Click a session to open its report or delete it.")
        ui.history_table = gr.Dataframe(
            headers=HISTORY_HEADERS,
            interactive=False,
            elem_id="history-table",
            wrap=True,
            # shares of the width, so a phone shows every column (wrapped)
            column_widths=["34%", "30%", "36%"],
        )
        ui.history_ids = gr.JSON([], visible=False)  # the rows' session ids (and the API's)
        ui.picked = gr.State(None)
        with gr.Row(visible=False, elem_id="history-actions") as ui.history_actions:
            ui.picked_md = gr.Markdown(elem_id="history-picked")
            ui.open_btn = gr.Button(
                "Open its report and transcript", variant="primary", elem_id="history-open"
            )
            ui.delete_btn = gr.Button(
                "Delete…", variant="stop", size="sm", elem_id="history-delete"
            )
        with gr.Row(visible=False, elem_id="delete-confirm-row") as ui.delete_row:
            ui.delete_question = gr.Markdown()
            ui.delete_yes = gr.Button(
                "Yes, delete it for good", variant="stop", elem_id="delete-confirm"
            )
            ui.delete_no = gr.Button("Cancel", elem_id="delete-cancel")
        ui.delete_md = gr.Markdown(elem_id="delete-result")
        gr.Markdown("### Your progress")
        ui.chart_persona = gr.Dropdown([], label="With", elem_id="chart-persona")
        ui.history_svg = gr.HTML()
        gr.Markdown("### Practise again the answers that scored lowest")
        ui.weak_state = gr.State([])
        ui.weak_pick = gr.Dropdown([], label="Question", elem_id="weak")
        ui.weak_md = gr.Markdown()
        ui.again_box = gr.Textbox(label="Your new answer", lines=4, elem_id="again")
        ui.again_voice = gr.Audio(
            sources=["microphone", "upload"],
            type="filepath",
            label="…or say it (the words land in the box above)",
            elem_id="again-voice",
        )
        ui.again_btn = gr.Button("Grade my new answer", elem_id="again-grade")
        ui.again_md = gr.Markdown(elem_id="again-result")


def wire(ctx: Context) -> None:
    """The screen's handlers."""
    ui, practice, services = ctx.ui, ctx.practice, ctx.services  # noqa: F841

    # -- history -------------------------------------------------------------------
    def history_outputs(owner: str | None, chart_for: str | None = None) -> dict:
        rows = practice.history(owner)
        weak = practice.weak_answers(owner)
        lines = progress_by_persona(rows)
        chosen = chart_for if chart_for in lines else latest_persona(rows)
        return {
            ui.history_table: history_table_rows(rows),
            ui.history_ids: [r.session_id for r in reversed(rows)],
            ui.history_svg: history_chart(rows, chosen),
            ui.chart_persona: gr.update(choices=list(lines), value=chosen),
            ui.weak_state: [w.model_dump() for w in weak],
            ui.weak_pick: gr.update(
                choices=[(w.label, i) for i, w in enumerate(weak)],
                value=0 if weak else None,
            ),
            ui.history_actions: gr.update(visible=False),
            ui.delete_row: gr.update(visible=False),
            ui.picked: None,
        }

    history_targets = [
        ui.history_table,
        ui.history_svg,
        ui.weak_state,
        ui.weak_pick,
        ui.history_ids,
        ui.chart_persona,
        ui.history_actions,
        ui.delete_row,
        ui.picked,
    ]

    @friendly
    def history(request: gr.Request):
        return history_outputs(user(request))

    ui.history_btn.click(history, None, history_targets, api_name="history")
    ui.history_tab.select(history, None, history_targets, api_visibility="private")

    @friendly
    def redraw(chart_for, request: gr.Request):
        return history_chart(practice.history(user(request)), chart_for)

    ui.chart_persona.input(redraw, [ui.chart_persona], [ui.history_svg], api_visibility="private")

    def pick(ids, evt: gr.SelectData):
        """A click anywhere on a row picks that session."""
        row = evt.index[0] if isinstance(evt.index, list | tuple) else evt.index
        if row is None or not ids or row >= len(ids):
            return {}
        values = evt.row_value or []
        what = " · ".join(str(v) for v in values[:3])
        return {
            ui.picked: ids[row],
            ui.picked_md: f"**{what}**",
            ui.history_actions: gr.update(visible=True),
            ui.delete_row: gr.update(visible=False),
            ui.delete_md: "",
        }

    ui.history_table.select(
        pick,
        [ui.history_ids],
        [ui.picked, ui.picked_md, ui.history_actions, ui.delete_row, ui.delete_md],
        api_visibility="private",
    )

    ui.open_btn.click(
        ctx.report_of("click a session in the table first"),
        [ui.picked],
        ctx.report_targets,
        api_visibility="private",
    )

    def ask_delete(session_id, what):
        if not session_id:
            return {}
        return {
            ui.delete_row: gr.update(visible=True),
            ui.delete_question: (
                f"Delete {what}: its transcript, scores, recordings and reports? "
                "This cannot be undone."
            ),
        }

    ui.delete_btn.click(
        ask_delete,
        [ui.picked, ui.picked_md],
        [ui.delete_row, ui.delete_question],
        api_visibility="private",
    )
    ui.delete_no.click(
        lambda: gr.update(visible=False), None, [ui.delete_row], api_visibility="private"
    )

    def deleted(session_id: str, owner: str | None) -> dict:
        practice.delete(session_id, owner=owner)
        return {ui.delete_md: f"Deleted session {session_id}.", **history_outputs(owner)}

    @friendly
    def delete_picked(session_id, request: gr.Request):
        if not session_id:
            raise gr.Error("click the session to delete in the table first")
        return deleted(session_id, user(request))

    ui.delete_yes.click(
        delete_picked, [ui.picked], [ui.delete_md, *history_targets], api_visibility="private"
    )

    @friendly
    def delete(session_id, sure, request: gr.Request):
        session_id = (session_id or "").strip()
        if not session_id:
            raise gr.Error("give the id of the session to delete")
        if not sure:
            raise gr.Error("confirm: deleting cannot be undone")
        return deleted(session_id, user(request))

    api_delete = gr.Button(visible=False)
    api_delete.click(
        delete,
        [ui.api_delete_id, ui.api_delete_sure],
        [ui.delete_md, *history_targets],
        api_name="delete",
    )

    def show_weak(index, weak):
        if index is None or not weak:
            return ""
        w = WeakAnswer.model_validate(weak[int(index)])
        return (
            f"**Question:** {w.question}\n\n**Your earlier answer:** {w.answer}\n\n"
            f"**Lowest:** {w.weakest.replace('_', ' ')}, {w.low:.1f}/5"
        )

    ui.weak_pick.change(
        show_weak, [ui.weak_pick, ui.weak_state], [ui.weak_md], api_visibility="private"
    )

    @friendly
    def again(index, weak, text, request: gr.Request):
        if index is None or not weak:
            raise gr.Error("no earlier answer to practise: finish an interview first")
        result = practice.practice_again(
            WeakAnswer.model_validate(weak[int(index)]), text, owner=user(request)
        )
        return comparison_markdown(result)

    @friendly
    def transcribe(path):
        return practice.transcribe(path) if path else gr.update()

    gr.on(
        [ui.again_voice.stop_recording, ui.again_voice.upload],
        transcribe,
        [ui.again_voice],
        [ui.again_box],
        api_name="transcribe",
    )

    ui.again_btn.click(
        again, [ui.weak_pick, ui.weak_state, ui.again_box], [ui.again_md], api_name="again"
    )

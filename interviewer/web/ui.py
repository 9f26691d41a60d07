"""The Gradio app: setup, interview (with the pitch panel), report and history.

Handlers are thin: they call :class:`~interviewer.app.practice.Practice` and map its
results to widgets. Every handler that may wait (a model, Whisper, the voice) is a plain
function, which Gradio runs in a worker thread, off the event loop. Each endpoint that
matters has an ``api_name``, so the same flows work through ``gradio_client``; the
session id travels explicitly (a hidden textbox), and with sign-in every session is
checked against its owner.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
from collections.abc import Callable

import gradio as gr

from ..app.practice import (
    PITCH_SECTIONS,
    LiveStats,
    Practice,
    Screen,
    SpokenDraft,
    messages,
    spoken_mark,
)
from ..app.services import Services
from ..errors import InterviewerError
from ..history import WeakAnswer, latest_persona, progress_by_persona
from .uploads import read_upload
from .views import (
    HISTORY_HEADERS,
    banner_lines,
    clock_html,
    comparison_markdown,
    history_chart,
    history_table_rows,
    live_markdown,
    pitch_clock_html,
    presented_markdown,
    status_markdown,
)

log = logging.getLogger(__name__)
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


def _friendly(fn: Callable) -> Callable:
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


def _user(request: gr.Request | None) -> str | None:
    return getattr(request, "username", None) if request is not None else None


def banner_update(screen: Screen | None, services: Services):
    """Faults and warnings the candidate should see, kept on screen."""
    lines = banner_lines(screen, services)
    if not lines:
        return gr.update(value="", visible=False)
    return gr.update(value="\n".join(f"**Warning:** {line}  " for line in lines), visible=True)


def build_app(services: Services) -> gr.Blocks:
    practice = Practice(services)
    personas = sorted(services.personas.values(), key=lambda p: p.id)
    pitch_ids = [p.id for p in personas if p.is_pitch]

    def persona_choices(mode: str) -> list[tuple[str, str]]:
        wanted = [p for p in personas if (p.id in pitch_ids) == (mode == "pitch")]
        return [(f"{p.name}, {p.role} ({p.total_minutes:.0f} min)", p.id) for p in wanted]

    def persona_text(persona_id: str | None) -> str:
        if not persona_id or persona_id not in services.personas:
            return ""
        p = services.personas[persona_id]
        stages = ", ".join(f"{s.title} ({s.minutes:g} min)" for s in p.stages)
        return f"**{p.name}**, {p.role}. {p.summary}\n\nStages: {stages}."

    # Gradio's copies of uploads and generated files: purged hourly once an hour old (the
    # kept copies live in the data directory, deleted with their session).
    with gr.Blocks(title="interviewer: mock interviews", delete_cache=(3600, 3600)) as demo:
        session_box = gr.Textbox(visible=False, elem_id="session-id")
        browser = gr.BrowserState("", storage_key="interviewer-session")
        banner = gr.Markdown(visible=False, elem_id="banner")
        with gr.Row(visible=False, elem_id="resume-row") as resume_row:
            resume_text = gr.Markdown()
            resume_btn = gr.Button("Resume it", variant="primary", elem_id="resume")
            dismiss_btn = gr.Button("Start a new one", elem_id="dismiss")

        with gr.Tabs(selected="setup") as tabs:
            # -- setup ------------------------------------------------------------------
            with gr.Tab("Setup", id="setup"):
                gr.Markdown("## Rehearse an interview")
                with gr.Row():
                    with gr.Column(scale=2):
                        mode = gr.Radio(
                            [("Interview", "interview"), ("15-minute pitch", "pitch")],
                            value="interview",
                            label="Mode",
                            elem_id="mode",
                        )
                        first = persona_choices("interview")
                        persona = gr.Dropdown(
                            first,
                            value=first[0][1] if first else None,
                            label="Interviewer",
                            elem_id="persona",
                            # the mode filters the list; any persona id is checked on start
                            allow_custom_value=True,
                        )
                        persona_md = gr.Markdown(persona_text(first[0][1] if first else None))
                        with gr.Accordion("Tailor the questions (optional)", open=False):
                            cv_text = gr.Textbox(label="Your CV (paste)", lines=5, elem_id="cv")
                            cv_file = gr.File(
                                label="…or upload it (.txt, .md, .pdf)",
                                file_types=[".txt", ".md", ".pdf"],
                                type="filepath",
                            )
                            job_text = gr.Textbox(label="The job offer (paste)", lines=5)
                            job_file = gr.File(
                                label="…or upload it (.txt, .md, .pdf)",
                                file_types=[".txt", ".md", ".pdf"],
                                type="filepath",
                            )
                        start_btn = gr.Button("Start", variant="primary", elem_id="start")
                    with gr.Column(scale=1):
                        gr.Markdown("### Providers")
                        status_md = gr.Markdown(status_markdown(services), elem_id="status")
                        status_timer = gr.Timer(2.0)

            # -- interview (and the pitch panel) ------------------------------------------
            with gr.Tab("Interview", id="interview"):
                clock_md = gr.HTML("No interview yet: start one in Setup.", elem_id="clock")
                with gr.Group(visible=False, elem_id="pitch") as pitch_box:
                    pitch_clock = gr.HTML(elem_id="pitch-clock")
                    pitch_live = gr.Markdown(
                        "Start presenting: your speaking rate and fillers appear here.",
                        elem_id="pitch-live",
                    )
                    pitch_check = gr.CheckboxGroup(
                        PITCH_SECTIONS,
                        label="Sections covered",
                        interactive=False,
                        elem_id="pitch-sections",
                    )
                    with gr.Column(elem_id="present") as present_col:
                        present_how = gr.Radio(
                            [("Record with the microphone", "mic"), ("Upload a recording", "file")],
                            value="mic",
                            label="How will you present?",
                            elem_id="present-how",
                        )
                        pitch_mic = gr.Audio(
                            sources=["microphone"],
                            streaming=True,
                            label="Present; stop the recording to hand over to the questions",
                            elem_id="pitch-mic",
                        )
                        pitch_upload = gr.Audio(
                            sources=["upload"],
                            type="filepath",
                            label="Your recorded presentation (it is transcribed chunk by chunk)",
                            elem_id="pitch-upload",
                            visible=False,
                        )
                chat = gr.Chatbot(
                    label="Transcript", elem_id="chat", height=420, buttons=["copy_all"]
                )
                with gr.Column(elem_id="answer-area") as answer_area:
                    answer_box = gr.Textbox(
                        label="Your answer",
                        lines=3,
                        elem_id="answer",
                        placeholder="Type it, or record it below and check the words here",
                    )
                    draft_hint = gr.Markdown(elem_id="draft-hint")
                    send_btn = gr.Button("Send", variant="primary", elem_id="send")
                    # The microphone streams: the answer is transcribed while it is spoken,
                    # so its words are there soon after the candidate stops.
                    answer_mic = gr.Audio(
                        sources=["microphone"],
                        streaming=True,
                        label="Record your answer: its words land in the box above, to check",
                        elem_id="answer-mic",
                    )
                    voice_in = gr.Audio(
                        sources=["upload"],
                        type="filepath",
                        label="Or upload a recorded answer",
                        elem_id="voice-answer",
                    )
                    at_once = gr.Checkbox(
                        label="Send spoken answers at once (without checking the words)",
                        value=False,
                        elem_id="at-once",
                    )
                with gr.Row():
                    voice_out = gr.Audio(
                        label="Interviewer voice", autoplay=True, interactive=False, scale=3
                    )
                    mute = gr.Checkbox(label="Mute the interviewer", value=False, scale=1)
                end_btn = gr.Button(
                    "End the interview…", variant="secondary", size="sm", elem_id="end"
                )
                with gr.Row(visible=False, elem_id="end-confirm-row") as end_confirm_row:
                    gr.Markdown(
                        "**End the interview now?** Your answers so far are graded; "
                        "you cannot add more."
                    )
                    end_yes = gr.Button(
                        "Yes, end it and see my report", variant="stop", elem_id="end-confirm"
                    )
                    end_no = gr.Button("Keep going", elem_id="end-cancel")
                draft_state = gr.State(None)

            # -- report ------------------------------------------------------------------
            with gr.Tab("Report", id="report"):
                report_html = gr.HTML(
                    "<p>Finish an interview, or open a past one in History, to see its report.</p>"
                )
                with gr.Row():
                    dl_md = gr.DownloadButton("Markdown", visible=False, elem_id="dl-md")
                    dl_html = gr.DownloadButton("HTML", visible=False, elem_id="dl-html")
                    dl_json = gr.DownloadButton("JSON", visible=False, elem_id="dl-json")
                    dl_transcript = gr.DownloadButton(
                        "Transcript", visible=False, elem_id="dl-transcript"
                    )
                    dl_session = gr.DownloadButton(
                        "Session (to import)", visible=False, elem_id="dl-session"
                    )
                with gr.Accordion(
                    "Transcript", open=False, visible=False, elem_id="report-transcript"
                ) as transcript_box:
                    transcript_md = gr.Markdown(elem_id="report-transcript-text")

            # -- history -----------------------------------------------------------------
            with gr.Tab("History", id="history") as history_tab:
                history_btn = gr.Button("Refresh", size="sm", elem_id="history-refresh")
                gr.Markdown("Click a session to open its report or delete it.")
                history_table = gr.Dataframe(
                    headers=HISTORY_HEADERS,
                    interactive=False,
                    elem_id="history-table",
                    wrap=True,
                    # shares of the width, so a phone shows every column (wrapped)
                    column_widths=["34%", "30%", "36%"],
                )
                history_ids = gr.JSON([], visible=False)  # the rows' session ids (and the API's)
                picked = gr.State(None)
                with gr.Row(visible=False, elem_id="history-actions") as history_actions:
                    picked_md = gr.Markdown(elem_id="history-picked")
                    open_btn = gr.Button(
                        "Open its report and transcript", variant="primary", elem_id="history-open"
                    )
                    delete_btn = gr.Button(
                        "Delete…", variant="stop", size="sm", elem_id="history-delete"
                    )
                with gr.Row(visible=False, elem_id="delete-confirm-row") as delete_row:
                    delete_question = gr.Markdown()
                    delete_yes = gr.Button(
                        "Yes, delete it for good", variant="stop", elem_id="delete-confirm"
                    )
                    delete_no = gr.Button("Cancel", elem_id="delete-cancel")
                delete_md = gr.Markdown(elem_id="delete-result")
                gr.Markdown("### Your progress")
                chart_persona = gr.Dropdown([], label="With", elem_id="chart-persona")
                history_svg = gr.HTML()
                gr.Markdown("### Practise again the answers that scored lowest")
                weak_state = gr.State([])
                weak_pick = gr.Dropdown([], label="Question", elem_id="weak")
                weak_md = gr.Markdown()
                again_box = gr.Textbox(label="Your new answer", lines=4, elem_id="again")
                again_voice = gr.Audio(
                    sources=["microphone", "upload"],
                    type="filepath",
                    label="…or say it (the words land in the box above)",
                    elem_id="again-voice",
                )
                again_btn = gr.Button("Grade my new answer", elem_id="again-grade")
                again_md = gr.Markdown(elem_id="again-result")

        # Programs (gradio_client) keep the endpoints they had: the id to delete given
        # directly, a spoken answer sent at once, the report of the current session.
        api_delete_id = gr.Textbox(visible=False)
        api_delete_sure = gr.Checkbox(visible=False)
        api_voice = gr.Button(visible=False)
        api_report = gr.Button(visible=False)
        api_answer = gr.Button(visible=False)

        # -- what an action shows: named outputs, never positions -----------------------
        def screen_outputs(screen: Screen, voice: str | None = None) -> dict:
            out = {
                session_box: screen.session_id,
                browser: screen.session_id,
                chat: screen.messages,
                clock_md: clock_html(screen),
                pitch_box: gr.update(visible=screen.pitch or screen.presented is not None),
                present_col: gr.update(visible=screen.pitch),
                answer_area: gr.update(visible=not screen.pitch and not screen.finished),
                banner: banner_update(screen, services),
                voice_out: voice,
                pitch_clock: pitch_clock_html(screen),
            }
            if screen.presented is not None:
                out[pitch_live] = presented_markdown(screen.presented)
                out[pitch_check] = screen.presented.sections
            return out

        screen_targets = [
            session_box,
            browser,
            chat,
            clock_md,
            pitch_box,
            banner,
            voice_out,
            pitch_clock,
            present_col,
            answer_area,
            pitch_live,
            pitch_check,
        ]

        def voice_for(screen: Screen, muted: bool) -> str | None:
            """The interviewer's last turn as audio. The voice is a nicety: if it fails,
            the turn is still shown (and stored) and the failure is logged."""
            if muted:
                return None
            interview = practice.interview(screen.session_id, None)
            said = interview.session.transcript.last("interviewer")
            if said is None:
                return None
            try:
                return practice.speak(interview, said)
            except Exception:  # the TTS port boundary (onnxruntime, a remote server)
                log.exception("the interviewer's voice failed for session %s", screen.session_id)
                return None

        @_friendly
        def start(persona_id, cv, cv_path, job, job_path, muted, request: gr.Request):
            cv_all = "\n".join([cv or "", read_upload(cv_path, "CV")])
            job_all = "\n".join([job or "", read_upload(job_path, "job offer")])
            screen = practice.start(persona_id, cv=cv_all, job=job_all, owner=_user(request))
            return {
                **screen_outputs(screen, voice_for(screen, muted)),
                tabs: gr.update(selected="interview"),
                resume_row: gr.update(visible=False),
                pitch_live: "Start presenting: your speaking rate and fillers appear here.",
                pitch_check: [],
                draft_state: None,
                draft_hint: "",
            }

        start_btn.click(
            start,
            [persona, cv_text, cv_file, job_text, job_file, mute],
            [*screen_targets, tabs, resume_row, draft_state, draft_hint],
            api_name="start",
        )

        # -- answers ---------------------------------------------------------------------
        def answer(text, session_id, muted, draft, request: gr.Request):
            """Show the answer at once, then the interviewer's first sentence as soon as it
            is known, then the whole turn (and its voice). Send is off meanwhile; on an error
            the answer goes back into the box, nothing typed is lost. A spoken answer the
            candidate checked is sent as they left it, with the recording's pace."""
            if not session_id:
                raise gr.Error("start an interview first (Setup)")
            owner = _user(request)
            spoken = SpokenDraft.model_validate(draft) if draft else None
            try:
                shown = [*practice.interview(session_id, owner).session.transcript.turns]
            except InterviewerError as e:
                raise gr.Error(str(e), duration=None) from e
            pending: queue.Queue = queue.Queue()
            result: dict = {}

            def work():
                try:
                    result["screen"] = practice.answer(
                        session_id, text, owner=owner, on_lead=pending.put, spoken=spoken
                    )
                except BaseException as e:  # handed to the request thread below
                    result["error"] = e
                pending.put(None)

            threading.Thread(target=work, name="answer", daemon=True).start()
            mark = spoken_mark(spoken.speech) if spoken else ""
            base = [*messages(shown), {"role": "user", "content": text + mark}]
            yield _partial(base, None)
            while (lead := pending.get()) is not None:
                yield _partial(base, lead)
            error = result.get("error")
            if error is not None:
                yield {answer_box: text, send_btn: gr.update(interactive=True)}
                if isinstance(error, InterviewerError):
                    raise gr.Error(str(error), duration=None) from error
                raise error
            screen = result["screen"]
            voice = voice_for(screen, muted)
            yield {
                **screen_outputs(screen, voice),
                send_btn: gr.update(interactive=True),
                draft_state: None,
                draft_hint: "",
            }

        def _partial(base, lead):
            shown = base if lead is None else [*base, {"role": "assistant", "content": lead}]
            return {chat: shown, answer_box: "", send_btn: gr.update(interactive=False)}

        answer_targets = [*screen_targets, answer_box, send_btn, draft_state, draft_hint]
        for name, trigger in (("send", send_btn.click), ("enter", answer_box.submit)):
            trigger(
                answer,
                [answer_box, session_box, mute, draft_state],
                answer_targets,
                api_name=f"answer_streaming_{name}",
                api_visibility="private",
            )

        @_friendly
        def answer_api(text, session_id, muted, request: gr.Request):
            """The same as Send, in one response (for programs: no partial updates)."""
            if not session_id:
                raise gr.Error("start an interview first (Setup)")
            screen = practice.answer(session_id, text, owner=_user(request))
            return {**screen_outputs(screen, voice_for(screen, muted)), answer_box: ""}

        api_answer.click(
            answer_api,
            [answer_box, session_box, mute],
            [*screen_targets, answer_box],
            api_name="answer",
        )

        def to_check(draft: SpokenDraft) -> dict:
            """A spoken answer's words in the box, for the candidate to check, then Send."""
            return {
                answer_box: draft.text,
                draft_state: draft.model_dump(mode="json"),
                draft_hint: (
                    f"Transcribed ({draft.speech.wpm:.0f} words per minute). Check the "
                    "words, correct any slip, then **Send**; or record again."
                ),
            }

        @_friendly
        def hear(path, session_id, muted, at_once, request: gr.Request):
            """A recorded answer: its words in the answer box to check (then Send), or sent
            at once when the candidate chose so."""
            if not session_id:
                raise gr.Error("start an interview first (Setup)")
            if not path:
                return {}
            if at_once:
                return voice_answer(path, session_id, muted, request)
            draft = practice.hear(session_id, path, owner=_user(request))
            return {**to_check(draft), voice_in: None}

        gr.on(
            [voice_in.upload],
            _friendly(hear),
            [voice_in, session_box, mute, at_once],
            [*screen_targets, voice_in, answer_box, draft_state, draft_hint],
            api_name="hear",
        )

        @_friendly
        def mic_start(session_id, request: gr.Request):
            """A new recording: anything left of an earlier one is dropped."""
            if session_id:
                practice.drop_live_answer(session_id, owner=_user(request))
            return {draft_hint: "Listening..."}

        @_friendly
        def mic_chunk(chunk, session_id, request: gr.Request):
            if not session_id or chunk is None:
                return {}
            rate, samples = chunk
            stats = practice.answer_chunk(session_id, rate, samples, owner=_user(request))
            return {draft_hint: f"Listening... {stats.seconds:.0f} s, {stats.words} words heard"}

        def mic_stop(session_id, muted, at_once, request: gr.Request):
            """The candidate stopped: the words in the box to check, or sent at once."""
            if not session_id:
                raise gr.Error("start an interview first (Setup)")
            try:
                draft = practice.hear_live(session_id, owner=_user(request))
            except InterviewerError as e:
                raise gr.Error(str(e), duration=None) from e
            if at_once:
                yield from answer(
                    draft.text, session_id, muted, draft.model_dump(mode="json"), request
                )
                return
            yield to_check(draft)

        answer_mic.start_recording(mic_start, [session_box], [draft_hint], api_visibility="private")
        answer_mic.stream(
            mic_chunk,
            [answer_mic, session_box],
            [draft_hint],
            stream_every=1.0,
            api_visibility="private",
        )
        answer_mic.stop_recording(
            mic_stop,
            [session_box, mute, at_once],
            answer_targets,
            api_visibility="private",
        )

        def voice_answer(path, session_id, muted, request: gr.Request):
            if not session_id:
                raise gr.Error("start an interview first (Setup)")
            if not path:
                return {}
            screen = practice.answer_audio(session_id, path, owner=_user(request))
            return {**screen_outputs(screen, voice_for(screen, muted)), voice_in: None}

        api_voice.click(
            _friendly(voice_answer),
            [voice_in, session_box, mute],
            [*screen_targets, voice_in],
            api_name="voice_answer",
        )

        # -- end (confirmed) and the report ----------------------------------------------
        end_btn.click(
            lambda: gr.update(visible=True), None, [end_confirm_row], api_visibility="private"
        )
        end_no.click(
            lambda: gr.update(visible=False), None, [end_confirm_row], api_visibility="private"
        )

        @_friendly
        def end(session_id, request: gr.Request):
            if not session_id:
                raise gr.Error("no interview to end")
            owner = _user(request)
            screen = practice.end(session_id, owner=owner)
            return {
                **screen_outputs(screen),
                **report_outputs(session_id, owner),
                end_confirm_row: gr.update(visible=False),
            }

        def report_outputs(session_id: str, owner: str | None) -> dict:
            from ..grading.render import html_body

            report = practice.report(session_id, owner=owner)
            files = [
                *practice.report_files(report),
                *practice.session_files(session_id, owner=owner),
            ]
            downloads = [dl_md, dl_html, dl_json, dl_transcript, dl_session]
            return {
                report_html: f"<div id='report-body'>{html_body(report)}</div>",
                **{
                    button: gr.update(value=str(path), visible=True)
                    for button, path in zip(downloads, files, strict=True)
                },
                tabs: gr.update(selected="report"),
                transcript_box: gr.update(visible=True),
                transcript_md: practice.transcript_markdown(session_id, owner=owner),
            }

        report_targets = [
            report_html,
            dl_md,
            dl_html,
            dl_json,
            dl_transcript,
            dl_session,
            tabs,
            transcript_box,
            transcript_md,
        ]
        end_yes.click(
            end, [session_box], [*screen_targets, *report_targets, end_confirm_row], api_name="end"
        )

        def report_of(missing: str) -> Callable:
            """A handler showing a session's report; ``missing`` says what to do first."""

            @_friendly
            def show(session_id, request: gr.Request):
                if not session_id:
                    raise gr.Error(missing)
                return report_outputs(session_id, _user(request))

            return show

        api_report.click(
            report_of("no session yet: start an interview in Setup"),
            [session_box],
            report_targets,
            api_name="report",
        )

        # -- pitch -------------------------------------------------------------------------
        present_how.change(
            lambda how: (gr.update(visible=how == "mic"), gr.update(visible=how == "file")),
            [present_how],
            [pitch_mic, pitch_upload],
            api_visibility="private",
        )

        @_friendly
        def pitch_stream(chunk, session_id, muted, request: gr.Request):
            """Each second of microphone audio: live figures; when the countdown reaches
            zero, the presentation is taken as it stands and the questions start."""
            if not session_id or chunk is None:
                return {}
            owner = _user(request)
            if not practice.screen_of(practice.interview(session_id, owner)).pitch:
                return {}  # the questions have started; the microphone is still on
            rate, samples = chunk
            stats = practice.pitch_chunk(session_id, rate, samples, owner=owner)
            over = practice.finish_pitch_if_time_is_up(session_id, owner=owner)
            if over is not None:
                final, screen = over
                return {
                    **screen_outputs(screen, voice_for(screen, muted)),
                    pitch_live: presented_markdown(final),
                    pitch_check: final.sections,
                }
            return {pitch_live: live_markdown(stats), pitch_check: stats.sections}

        pitch_mic.stream(
            pitch_stream,
            [pitch_mic, session_box, mute],
            screen_targets,
            stream_every=1.0,
            api_visibility="private",
        )

        @_friendly
        def pitch_stop(session_id, muted, request: gr.Request):
            final, screen = practice.pitch_finish(session_id, owner=_user(request))
            return {
                **screen_outputs(screen, voice_for(screen, muted)),
                pitch_live: presented_markdown(final),
                pitch_check: final.sections,
            }

        pitch_mic.stop_recording(
            pitch_stop, [session_box, mute], screen_targets, api_visibility="private"
        )

        @_friendly
        def pitch_file(path, session_id, muted, request: gr.Request):
            """A recorded presentation: progress and figures per transcribed chunk, then the
            questions (the figures and the ticked sections stay on screen)."""
            if not session_id:
                raise gr.Error("start a pitch first (Setup, mode: 15-minute pitch)")
            if not path:
                return
            final = None
            for item in practice.pitch_file(session_id, path, owner=_user(request)):
                if isinstance(item, LiveStats):
                    final = item
                    yield {pitch_live: live_markdown(item), pitch_check: item.sections}
                else:
                    yield {
                        **screen_outputs(item, voice_for(item, muted)),
                        pitch_live: presented_markdown(final) if final else gr.update(),
                        pitch_check: final.sections if final else gr.update(),
                    }

        pitch_upload.upload(
            pitch_file,
            [pitch_upload, session_box, mute],
            screen_targets,
            api_name="pitch_file",
        )

        # -- resume on reload ------------------------------------------------------------
        def offer_resume(stored, request: gr.Request):
            session = practice.resumable(stored, _user(request))
            if session is None:
                return gr.update(visible=False), ""
            n = len(session.transcript.turns)
            return (
                gr.update(visible=True),
                f"You have an unfinished interview with **{session.persona_name}** "
                f"({n} turns, started {session.created_at:%Y-%m-%d %H:%M} UTC).",
            )

        demo.load(offer_resume, [browser], [resume_row, resume_text], api_visibility="private")

        @_friendly
        def resume(session_id, request: gr.Request):
            screen = practice.resume(session_id, owner=_user(request))
            return {
                **screen_outputs(screen),
                tabs: gr.update(selected="interview"),
                resume_row: gr.update(visible=False),
            }

        resume_btn.click(
            lambda stored: stored, [browser], [session_box], api_visibility="private"
        ).then(resume, [session_box], [*screen_targets, tabs, resume_row], api_name="resume")
        dismiss_btn.click(
            lambda: (gr.update(visible=False), ""),
            None,
            [resume_row, browser],
            api_visibility="private",
        )

        # -- setup helpers ----------------------------------------------------------------
        def on_mode(m):
            choices = persona_choices(m)
            value = choices[0][1] if choices else None
            return gr.update(choices=choices, value=value), persona_text(value)

        mode.change(on_mode, [mode], [persona, persona_md], api_visibility="private")
        persona.change(persona_text, [persona], [persona_md], api_visibility="private")

        def refresh_status():
            loading = any(h.state == "loading" for h in services.health.values())
            return status_markdown(services), gr.update(active=loading)

        status_timer.tick(refresh_status, None, [status_md, status_timer], api_name="status")

        # -- history -------------------------------------------------------------------
        def history_outputs(owner: str | None, chart_for: str | None = None) -> dict:
            rows = practice.history(owner)
            weak = practice.weak_answers(owner)
            lines = progress_by_persona(rows)
            chosen = chart_for if chart_for in lines else latest_persona(rows)
            return {
                history_table: history_table_rows(rows),
                history_ids: [r.session_id for r in reversed(rows)],
                history_svg: history_chart(rows, chosen),
                chart_persona: gr.update(choices=list(lines), value=chosen),
                weak_state: [w.model_dump() for w in weak],
                weak_pick: gr.update(
                    choices=[(w.label, i) for i, w in enumerate(weak)],
                    value=0 if weak else None,
                ),
                history_actions: gr.update(visible=False),
                delete_row: gr.update(visible=False),
                picked: None,
            }

        history_targets = [
            history_table,
            history_svg,
            weak_state,
            weak_pick,
            history_ids,
            chart_persona,
            history_actions,
            delete_row,
            picked,
        ]

        @_friendly
        def history(request: gr.Request):
            return history_outputs(_user(request))

        history_btn.click(history, None, history_targets, api_name="history")
        history_tab.select(history, None, history_targets, api_visibility="private")

        @_friendly
        def redraw(chart_for, request: gr.Request):
            return history_chart(practice.history(_user(request)), chart_for)

        chart_persona.input(redraw, [chart_persona], [history_svg], api_visibility="private")

        def pick(ids, evt: gr.SelectData):
            """A click anywhere on a row picks that session."""
            row = evt.index[0] if isinstance(evt.index, list | tuple) else evt.index
            if row is None or not ids or row >= len(ids):
                return {}
            values = evt.row_value or []
            what = " · ".join(str(v) for v in values[:3])
            return {
                picked: ids[row],
                picked_md: f"**{what}**",
                history_actions: gr.update(visible=True),
                delete_row: gr.update(visible=False),
                delete_md: "",
            }

        history_table.select(
            pick,
            [history_ids],
            [picked, picked_md, history_actions, delete_row, delete_md],
            api_visibility="private",
        )

        open_btn.click(
            report_of("click a session in the table first"),
            [picked],
            report_targets,
            api_visibility="private",
        )

        def ask_delete(session_id, what):
            if not session_id:
                return {}
            return {
                delete_row: gr.update(visible=True),
                delete_question: (
                    f"Delete {what}: its transcript, scores, recordings and reports? "
                    "This cannot be undone."
                ),
            }

        delete_btn.click(
            ask_delete,
            [picked, picked_md],
            [delete_row, delete_question],
            api_visibility="private",
        )
        delete_no.click(
            lambda: gr.update(visible=False), None, [delete_row], api_visibility="private"
        )

        def deleted(session_id: str, owner: str | None) -> dict:
            practice.delete(session_id, owner=owner)
            return {delete_md: f"Deleted session {session_id}.", **history_outputs(owner)}

        @_friendly
        def delete_picked(session_id, request: gr.Request):
            if not session_id:
                raise gr.Error("click the session to delete in the table first")
            return deleted(session_id, _user(request))

        delete_yes.click(
            delete_picked, [picked], [delete_md, *history_targets], api_visibility="private"
        )

        @_friendly
        def delete(session_id, sure, request: gr.Request):
            session_id = (session_id or "").strip()
            if not session_id:
                raise gr.Error("give the id of the session to delete")
            if not sure:
                raise gr.Error("confirm: deleting cannot be undone")
            return deleted(session_id, _user(request))

        api_delete = gr.Button(visible=False)
        api_delete.click(
            delete,
            [api_delete_id, api_delete_sure],
            [delete_md, *history_targets],
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

        weak_pick.change(show_weak, [weak_pick, weak_state], [weak_md], api_visibility="private")

        @_friendly
        def again(index, weak, text, request: gr.Request):
            if index is None or not weak:
                raise gr.Error("no earlier answer to practise: finish an interview first")
            result = practice.practice_again(
                WeakAnswer.model_validate(weak[int(index)]), text, owner=_user(request)
            )
            return comparison_markdown(result)

        @_friendly
        def transcribe(path):
            return practice.transcribe(path) if path else gr.update()

        gr.on(
            [again_voice.stop_recording, again_voice.upload],
            transcribe,
            [again_voice],
            [again_box],
            api_name="transcribe",
        )

        again_btn.click(again, [weak_pick, weak_state, again_box], [again_md], api_name="again")

    return demo

"""The Interview screen: the transcript, typed and spoken answers, the pitch panel with
its live figures, the interviewer's voice, End; and resuming an interview after a reload."""

from __future__ import annotations

import queue
import threading

import gradio as gr

from ...app.practice import PITCH_SECTIONS, LiveStats, Screen, SpokenDraft, messages, spoken_mark
from ...errors import InterviewerError
from ..views import clock_html, live_markdown, pitch_clock_html, presented_markdown
from .context import Context, banner_update, friendly, log, user


def _microphone(label: str, elem_id: str) -> gr.Audio:
    """A microphone that streams: what is said is transcribed while it is said."""
    return gr.Audio(sources=["microphone"], streaming=True, label=label, elem_id=elem_id)


def _recording_upload(label: str, elem_id: str, *, visible: bool = True) -> gr.Audio:
    return gr.Audio(
        sources=["upload"], type="filepath", label=label, elem_id=elem_id, visible=visible
    )


def layout(ctx: Context) -> None:
    """The screen's tab and widgets, named on ``ctx.ui``."""
    ui, services = ctx.ui, ctx.services  # noqa: F841
    with gr.Tab("Interview", id="interview"):
        ui.clock_md = gr.HTML("No interview yet: start one in Setup.", elem_id="clock")
        with gr.Group(visible=False, elem_id="pitch") as ui.pitch_box:
            ui.pitch_clock = gr.HTML(elem_id="pitch-clock")
            ui.pitch_live = gr.Markdown(
                "Start presenting: your speaking rate and fillers appear here.",
                elem_id="pitch-live",
            )
            ui.pitch_check = gr.CheckboxGroup(
                PITCH_SECTIONS,
                label="Sections covered",
                interactive=False,
                elem_id="pitch-sections",
            )
            with gr.Column(elem_id="present") as ui.present_col:
                ui.present_how = gr.Radio(
                    [("Record with the microphone", "mic"), ("Upload a recording", "file")],
                    value="mic",
                    label="How will you present?",
                    elem_id="present-how",
                )
                ui.pitch_mic = _microphone(
                    "Present; stop the recording to hand over to the questions", "pitch-mic"
                )
                ui.pitch_upload = _recording_upload(
                    "Your recorded presentation (it is transcribed chunk by chunk)",
                    "pitch-upload",
                    visible=False,
                )
        ui.chat = gr.Chatbot(label="Transcript", elem_id="chat", height=420, buttons=["copy_all"])
        with gr.Column(elem_id="answer-area") as ui.answer_area:
            ui.answer_box = gr.Textbox(
                label="Your answer",
                lines=3,
                elem_id="answer",
                placeholder="Type it, or record it below and check the words here",
            )
            ui.draft_hint = gr.Markdown(elem_id="draft-hint")
            ui.send_btn = gr.Button("Send", variant="primary", elem_id="send")
            # The microphone streams: the answer is transcribed while it is spoken,
            # so its words are there soon after the candidate stops.
            ui.answer_mic = _microphone(
                "Record your answer: its words land in the box above, to check", "answer-mic"
            )
            ui.voice_in = _recording_upload("Or upload a recorded answer", "voice-answer")
            ui.at_once = gr.Checkbox(
                label="Send spoken answers at once (without checking the words)",
                value=False,
                elem_id="at-once",
            )
        with gr.Row():
            ui.voice_out = gr.Audio(
                label="Interviewer voice", autoplay=True, interactive=False, scale=3
            )
            ui.mute = gr.Checkbox(label="Mute the interviewer", value=False, scale=1)
        ui.end_btn = gr.Button("End the interview…", variant="secondary", size="sm", elem_id="end")
        with gr.Row(visible=False, elem_id="end-confirm-row") as ui.end_confirm_row:
            gr.Markdown(
                "**End the interview now?** Your answers so far are graded; you cannot add more."
            )
            ui.end_yes = gr.Button(
                "Yes, end it and see my report", variant="stop", elem_id="end-confirm"
            )
            ui.end_no = gr.Button("Keep going", elem_id="end-cancel")
        ui.draft_state = gr.State(None)


def wire(ctx: Context) -> None:
    """The screen's handlers."""
    ui, practice, services = ctx.ui, ctx.practice, ctx.services

    # -- what an action shows: named outputs, never positions -----------------------
    def screen_outputs(screen: Screen, voice: str | None = None) -> dict:
        out = {
            ui.session_box: screen.session_id,
            ui.browser: screen.session_id,
            ui.chat: screen.messages,
            ui.clock_md: clock_html(screen),
            ui.pitch_box: gr.update(visible=screen.pitch or screen.presented is not None),
            ui.present_col: gr.update(visible=screen.pitch),
            ui.answer_area: gr.update(visible=not screen.pitch and not screen.finished),
            ui.banner: banner_update(screen, services),
            ui.voice_out: voice,
            ui.pitch_clock: pitch_clock_html(screen),
        }
        if screen.presented is not None:
            out[ui.pitch_live] = presented_markdown(screen.presented)
            out[ui.pitch_check] = screen.presented.sections
        return out

    screen_targets = [
        ui.session_box,
        ui.browser,
        ui.chat,
        ui.clock_md,
        ui.pitch_box,
        ui.banner,
        ui.voice_out,
        ui.pitch_clock,
        ui.present_col,
        ui.answer_area,
        ui.pitch_live,
        ui.pitch_check,
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

    ctx.screen_outputs, ctx.screen_targets, ctx.voice_for = (
        screen_outputs,
        screen_targets,
        voice_for,
    )

    # -- answers ---------------------------------------------------------------------
    def answer(text, session_id, muted, draft, request: gr.Request):
        """Show the answer at once, then the interviewer's first sentence as soon as it
        is known, then the whole turn (and its voice). Send is off meanwhile; on an error
        the answer goes back into the box, nothing typed is lost. A spoken answer the
        candidate checked is sent as they left it, with the recording's pace."""
        if not session_id:
            raise gr.Error("start an interview first (Setup)")
        owner = user(request)
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
            yield {ui.answer_box: text, ui.send_btn: gr.update(interactive=True)}
            if isinstance(error, InterviewerError):
                raise gr.Error(str(error), duration=None) from error
            raise error
        screen = result["screen"]
        voice = voice_for(screen, muted)
        yield {
            **screen_outputs(screen, voice),
            ui.send_btn: gr.update(interactive=True),
            ui.draft_state: None,
            ui.draft_hint: "",
        }

    def _partial(base, lead):
        shown = base if lead is None else [*base, {"role": "assistant", "content": lead}]
        return {ui.chat: shown, ui.answer_box: "", ui.send_btn: gr.update(interactive=False)}

    answer_targets = [*screen_targets, ui.answer_box, ui.send_btn, ui.draft_state, ui.draft_hint]
    for name, trigger in (("send", ui.send_btn.click), ("enter", ui.answer_box.submit)):
        trigger(
            answer,
            [ui.answer_box, ui.session_box, ui.mute, ui.draft_state],
            answer_targets,
            api_name=f"answer_streaming_{name}",
            api_visibility="private",
        )

    @friendly
    def answer_api(text, session_id, muted, request: gr.Request):
        """The same as Send, in one response (for programs: no partial updates)."""
        if not session_id:
            raise gr.Error("start an interview first (Setup)")
        screen = practice.answer(session_id, text, owner=user(request))
        return {**screen_outputs(screen, voice_for(screen, muted)), ui.answer_box: ""}

    ui.api_answer.click(
        answer_api,
        [ui.answer_box, ui.session_box, ui.mute],
        [*screen_targets, ui.answer_box],
        api_name="answer",
    )

    def to_check(draft: SpokenDraft) -> dict:
        """A spoken answer's words in the box, for the candidate to check, then Send."""
        return {
            ui.answer_box: draft.text,
            ui.draft_state: draft.model_dump(mode="json"),
            ui.draft_hint: (
                f"Transcribed ({draft.speech.wpm:.0f} words per minute). Check the "
                "words, correct any slip, then **Send**; or record again."
            ),
        }

    @friendly
    def hear(path, session_id, muted, at_once, request: gr.Request):
        """A recorded answer: its words in the answer box to check (then Send), or sent
        at once when the candidate chose so."""
        if not session_id:
            raise gr.Error("start an interview first (Setup)")
        if not path:
            return {}
        if at_once:
            return voice_answer(path, session_id, muted, request)
        draft = practice.hear(session_id, path, owner=user(request))
        return {**to_check(draft), ui.voice_in: None}

    gr.on(
        [ui.voice_in.upload],
        friendly(hear),
        [ui.voice_in, ui.session_box, ui.mute, ui.at_once],
        [*screen_targets, ui.voice_in, ui.answer_box, ui.draft_state, ui.draft_hint],
        api_name="hear",
    )

    @friendly
    def mic_start(session_id, request: gr.Request):
        """A new recording: anything left of an earlier one is dropped."""
        if session_id:
            practice.drop_live_answer(session_id, owner=user(request))
        return {ui.draft_hint: "Listening..."}

    @friendly
    def mic_chunk(chunk, session_id, request: gr.Request):
        if not session_id or chunk is None:
            return {}
        rate, samples = chunk
        stats = practice.answer_chunk(session_id, rate, samples, owner=user(request))
        return {ui.draft_hint: f"Listening... {stats.seconds:.0f} s, {stats.words} words heard"}

    def mic_stop(session_id, muted, at_once, request: gr.Request):
        """The candidate stopped: the words in the box to check, or sent at once."""
        if not session_id:
            raise gr.Error("start an interview first (Setup)")
        try:
            draft = practice.hear_live(session_id, owner=user(request))
        except InterviewerError as e:
            raise gr.Error(str(e), duration=None) from e
        if at_once:
            yield from answer(draft.text, session_id, muted, draft.model_dump(mode="json"), request)
            return
        yield to_check(draft)

    ui.answer_mic.start_recording(
        mic_start, [ui.session_box], [ui.draft_hint], api_visibility="private"
    )
    ui.answer_mic.stream(
        mic_chunk,
        [ui.answer_mic, ui.session_box],
        [ui.draft_hint],
        stream_every=1.0,
        api_visibility="private",
    )
    ui.answer_mic.stop_recording(
        mic_stop,
        [ui.session_box, ui.mute, ui.at_once],
        answer_targets,
        api_visibility="private",
    )

    def voice_answer(path, session_id, muted, request: gr.Request):
        if not session_id:
            raise gr.Error("start an interview first (Setup)")
        if not path:
            return {}
        screen = practice.answer_audio(session_id, path, owner=user(request))
        return {**screen_outputs(screen, voice_for(screen, muted)), ui.voice_in: None}

    ui.api_voice.click(
        friendly(voice_answer),
        [ui.voice_in, ui.session_box, ui.mute],
        [*screen_targets, ui.voice_in],
        api_name="voice_answer",
    )

    # -- end (confirmed) and the report ----------------------------------------------
    ui.end_btn.click(
        lambda: gr.update(visible=True), None, [ui.end_confirm_row], api_visibility="private"
    )
    ui.end_no.click(
        lambda: gr.update(visible=False), None, [ui.end_confirm_row], api_visibility="private"
    )

    @friendly
    def end(session_id, request: gr.Request):
        if not session_id:
            raise gr.Error("no interview to end")
        owner = user(request)
        screen = practice.end(session_id, owner=owner)
        return {
            **screen_outputs(screen),
            **ctx.report_outputs(session_id, owner),
            ui.end_confirm_row: gr.update(visible=False),
        }

    ui.end_yes.click(
        end,
        [ui.session_box],
        [*screen_targets, *ctx.report_targets, ui.end_confirm_row],
        api_name="end",
    )

    # -- pitch -------------------------------------------------------------------------
    ui.present_how.change(
        lambda how: (gr.update(visible=how == "mic"), gr.update(visible=how == "file")),
        [ui.present_how],
        [ui.pitch_mic, ui.pitch_upload],
        api_visibility="private",
    )

    @friendly
    def pitch_stream(chunk, session_id, muted, request: gr.Request):
        """Each second of microphone audio: live figures; when the countdown reaches
        zero, the presentation is taken as it stands and the questions start."""
        if not session_id or chunk is None:
            return {}
        owner = user(request)
        if not practice.screen_of(practice.interview(session_id, owner)).pitch:
            return {}  # the questions have started; the microphone is still on
        rate, samples = chunk
        stats = practice.pitch_chunk(session_id, rate, samples, owner=owner)
        over = practice.finish_pitch_if_time_is_up(session_id, owner=owner)
        if over is not None:
            final, screen = over
            return {
                **screen_outputs(screen, voice_for(screen, muted)),
                ui.pitch_live: presented_markdown(final),
                ui.pitch_check: final.sections,
            }
        return {ui.pitch_live: live_markdown(stats), ui.pitch_check: stats.sections}

    ui.pitch_mic.stream(
        pitch_stream,
        [ui.pitch_mic, ui.session_box, ui.mute],
        screen_targets,
        stream_every=1.0,
        api_visibility="private",
    )

    @friendly
    def pitch_stop(session_id, muted, request: gr.Request):
        final, screen = practice.pitch_finish(session_id, owner=user(request))
        return {
            **screen_outputs(screen, voice_for(screen, muted)),
            ui.pitch_live: presented_markdown(final),
            ui.pitch_check: final.sections,
        }

    ui.pitch_mic.stop_recording(
        pitch_stop, [ui.session_box, ui.mute], screen_targets, api_visibility="private"
    )

    @friendly
    def pitch_file(path, session_id, muted, request: gr.Request):
        """A recorded presentation: progress and figures per transcribed chunk, then the
        questions (the figures and the ticked sections stay on screen)."""
        if not session_id:
            raise gr.Error("start a pitch first (Setup, mode: 15-minute pitch)")
        if not path:
            return
        final = None
        for item in practice.pitch_file(session_id, path, owner=user(request)):
            if isinstance(item, LiveStats):
                final = item
                yield {ui.pitch_live: live_markdown(item), ui.pitch_check: item.sections}
            else:
                yield {
                    **screen_outputs(item, voice_for(item, muted)),
                    ui.pitch_live: presented_markdown(final) if final else gr.update(),
                    ui.pitch_check: final.sections if final else gr.update(),
                }

    ui.pitch_upload.upload(
        pitch_file,
        [ui.pitch_upload, ui.session_box, ui.mute],
        screen_targets,
        api_name="pitch_file",
    )

    # -- resume on reload ------------------------------------------------------------
    def offer_resume(stored, request: gr.Request):
        session = practice.resumable(stored, user(request))
        if session is None:
            return gr.update(visible=False), ""
        n = len(session.transcript.turns)
        return (
            gr.update(visible=True),
            f"You have an unfinished interview with **{session.persona_name}** "
            f"({n} turns, started {session.created_at:%Y-%m-%d %H:%M} UTC).",
        )

    ctx.demo.load(
        offer_resume, [ui.browser], [ui.resume_row, ui.resume_text], api_visibility="private"
    )

    @friendly
    def resume(session_id, request: gr.Request):
        screen = practice.resume(session_id, owner=user(request))
        return {
            **screen_outputs(screen),
            ui.tabs: gr.update(selected="interview"),
            ui.resume_row: gr.update(visible=False),
        }

    ui.resume_btn.click(
        lambda stored: stored, [ui.browser], [ui.session_box], api_visibility="private"
    ).then(resume, [ui.session_box], [*screen_targets, ui.tabs, ui.resume_row], api_name="resume")
    ui.dismiss_btn.click(
        lambda: (gr.update(visible=False), ""),
        None,
        [ui.resume_row, ui.browser],
        api_visibility="private",
    )

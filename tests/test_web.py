"""The app's actions (``interviewer.web``) with the strict scripted fake and a real SQLite
database: the layer the browser and the API both go through."""

from __future__ import annotations

import pytest
from helpers import ask_about_topic

from interviewer.app.practice import Practice
from interviewer.app.services import Services
from interviewer.errors import ConfigError, InputError, SessionNotFound
from interviewer.settings import Settings
from interviewer.testing import ScriptedChatModel
from interviewer.web.serve import check_exposure, is_loopback, parse_auth
from interviewer.web.uploads import read_upload

RL_ANSWER = (
    "I am a master's student in machine learning. During my internship I worked on "
    "distributional RL for trading agents, and I built the evaluation pipeline in Python."
)
LONG_ANSWER = (
    "I led the data pipeline rewrite for our recommendation service: I profiled the "
    "jobs, moved the feature joins to Spark, and cut the nightly run from six hours to "
    "forty minutes, which let the team retrain daily and raised click-through by 4 percent."
)


def services(tmp_path, model=None) -> Services:
    settings = Settings(llm_provider="scripted", tts_provider="none", data_dir=tmp_path / "data")
    built = Services(settings)
    if model is not None:
        built.model = model
    return built


@pytest.fixture
def app(tmp_path, scripted):
    return Practice(services(tmp_path, scripted))


def test_a_text_interview_streams_its_lead_then_the_whole_turn(app, scripted):
    scripted.add("How did you apply distributional RL in your internship?")
    screen = app.start("manager_fit")
    assert [m["role"] for m in screen.messages] == ["assistant"]
    assert screen.clock.startswith("Stage 1/") and "left in this stage" in screen.clock
    leads: list[str] = []
    after = app.answer(screen.session_id, RL_ANSWER, on_lead=leads.append)
    last = after.messages[-1]["content"]
    assert leads == ["I see."] and last.startswith(leads[0])
    assert last.endswith("How did you apply distributional RL in your internship?")
    assert [m["role"] for m in after.messages] == ["assistant", "user", "assistant"]
    # what the browser shows is what the database holds, hidden notes excluded
    stored = app.services.store.load(screen.session_id)
    assert [t.text for t in stored.transcript.turns] == [m["content"] for m in after.messages]
    assert any(t.notes for t in stored.transcript.turns)
    assert not any(
        n in m["content"] for t in stored.transcript.turns for n in t.notes for m in after.messages
    )


def test_ending_grades_and_writes_three_report_files(app, scripted):
    scripted.add("How did you apply distributional RL in your internship?")
    sid = app.start("manager_fit").session_id
    app.answer(sid, RL_ANSWER)
    app.answer(sid, LONG_ANSWER)
    screen = app.end(sid)
    assert screen.finished and screen.clock == "Interview finished."
    report = app.report(sid)
    assert report.session_id == sid and report.overall is not None
    files = app.report_files(report)
    assert sorted(p.suffix for p in files) == [".html", ".json", ".md"]
    assert "Interview feedback" in files[0].read_text()
    assert LONG_ANSWER[:40] in files[1].read_text()


def test_signed_in_users_never_reach_each_others_sessions(app, scripted):
    alice = app.start("recruiter", owner="alice").session_id
    bob = app.start("recruiter", owner="bob").session_id
    with pytest.raises(SessionNotFound):
        app.answer(alice, LONG_ANSWER, owner="bob")
    with pytest.raises(SessionNotFound):
        app.report(bob, owner="alice")
    assert [r.session_id for r in app.history("alice")] == [alice]
    assert {r.session_id for r in app.history(None)} == {alice, bob}  # local install: all
    assert app.resumable(alice, "bob") is None
    assert app.resumable(alice, "alice").id == alice


def test_an_app_process_resumes_a_session_another_one_started(tmp_path, scripted):
    scripted.add(ask_about_topic)
    first = Practice(services(tmp_path, scripted))
    sid = first.start("recruiter").session_id
    first.answer(sid, LONG_ANSWER)
    before = first.services.store.load(sid).transcript.turns
    # Same database, new process; its model may be asked for a follow-up.
    second = Practice(services(tmp_path, ScriptedChatModel().add(ask_about_topic)))
    screen = second.resume(sid)
    assert [m["content"] for m in screen.messages] == [t.text for t in before]
    second.answer(sid, LONG_ANSWER)
    assert len(second.services.store.load(sid).transcript.turns) == len(before) + 2


def test_enormous_and_empty_answers_get_clear_messages_and_lose_nothing(app):
    sid = app.start("recruiter").session_id
    with pytest.raises(InputError, match="limited to 100,000"):
        app.answer(sid, "word " * 30_000)
    screen = app.answer(sid, "   ")
    assert screen.messages[-1]["role"] == "assistant"  # asked again
    assert len(app.services.store.load(sid).transcript.turns) == len(screen.messages)


def test_practice_again_grades_the_new_answer_against_the_old_one(app, scripted):
    scripted.add("What stuff did you do, and why was it only fine?")
    sid = app.start("recruiter").session_id
    app.answer(sid, "I did some stuff, it was fine I guess.")
    app.end(sid)
    weak = app.weak_answers()
    assert weak and weak[0].session_id == sid
    assert weak[0].mean == min(w.mean for w in weak)
    result = app.practice_again(weak[0], LONG_ANSWER)
    assert result.after_mean > result.before_mean
    assert {row[0] for row in result.rows} >= {"clarity"}
    with pytest.raises(InputError, match="new answer"):
        app.practice_again(weak[0], "  ")
    # every attempt is kept with the session, and shown as progress
    again = app.practice_again(weak[0], "Still not sure, it was fine.")
    assert again.attempts == [weak[0].mean, result.after_mean, again.after_mean]
    stored = app.services.store.attempts(sid, weak[0].seq)
    assert [a["answer"] for a in stored] == [LONG_ANSWER, "Still not sure, it was fine."]
    with pytest.raises(SessionNotFound):
        app.practice_again(weak[0], LONG_ANSWER, owner="someone-else")
    app.services.store.delete(sid)  # deleting a session deletes its attempts
    assert app.services.store.attempts(sid, weak[0].seq) == []


def test_history_lists_sessions_oldest_first_with_scores(app, scripted):
    ids = []
    for _ in range(2):
        scripted.add(ask_about_topic)
        sid = app.start("recruiter").session_id
        app.answer(sid, LONG_ANSWER)
        app.end(sid)
        ids.append(sid)
    rows = app.history()
    assert [r.session_id for r in rows] == ids
    assert all(r.status == "finished" and r.scores and r.overall for r in rows)


def test_unknown_persona_and_session_are_named(app):
    with pytest.raises(InputError, match="unknown persona 'nobody'"):
        app.start("nobody")
    with pytest.raises(SessionNotFound):
        app.resume("doesnotexist")


def test_uploads_read_text_and_name_what_is_wrong(tmp_path):
    good = tmp_path / "cv.md"
    good.write_text("# Projects\n- RAG assistant at Acme\n", encoding="utf-8")
    assert "RAG assistant" in read_upload(str(good), "CV")
    latin = tmp_path / "cv.txt"
    latin.write_bytes("Expérience".encode("latin-1"))
    with pytest.raises(InputError, match=r"cv\.txt is not UTF-8"):
        read_upload(str(latin), "CV")
    broken = tmp_path / "cv.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    with pytest.raises(InputError, match=r"cv\.pdf is not a readable PDF"):
        read_upload(str(broken), "CV")
    doc = tmp_path / "cv.docx"
    doc.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r"\.txt, \.md or \.pdf"):
        read_upload(str(doc), "CV")
    assert read_upload(None, "CV") == ""


def test_a_pdf_cv_is_read(tmp_path):
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=200)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 20 100 Td (Internship at Acme: RAG assistant) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    path = tmp_path / "cv.pdf"
    with path.open("wb") as f:
        writer.write(f)
    assert "RAG assistant" in read_upload(str(path), "CV")


def test_exposed_serving_needs_sign_in():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org")
    with pytest.raises(ConfigError, match=r"refusing to serve on 0\.0\.0\.0 without sign-in"):
        check_exposure("0.0.0.0", False, [])
    with pytest.raises(ConfigError, match="share link"):
        check_exposure("127.0.0.1", True, [])
    check_exposure("0.0.0.0", False, [("alice", "pw")])
    check_exposure("127.0.0.1", False, [])
    assert parse_auth(Settings(auth="alice:pw1, bob:p:w2")) == [("alice", "pw1"), ("bob", "p:w2")]
    with pytest.raises(ConfigError, match="INTERVIEWER_AUTH"):
        parse_auth(Settings(auth="alice"))


def test_serve_on_all_interfaces_without_sign_in_exits_with_a_clear_message():
    from helpers import run_cli

    result = run_cli("serve", "--host", "0.0.0.0", timeout=60)
    assert result.returncode == 2
    assert "refusing to serve on 0.0.0.0 without sign-in" in result.stderr
    assert "INTERVIEWER_AUTH" in result.stderr
    shared = run_cli("serve", "--share", timeout=60)
    assert shared.returncode == 2 and "share link" in shared.stderr


PITCH_TEXT = (
    "Context: during my internship the team had a support backlog. The problem was that "
    "answers were too slow. My approach: I built a retrieval pipeline. Results: we reduced "
    "the answer time from 10 minutes to 2 minutes."
)


def test_a_pitch_whose_time_is_up_hands_over_to_the_questions(tmp_path, scripted):
    import numpy as np

    from interviewer.speech import WordTiming
    from interviewer.testing import ScriptedTranscriber
    from interviewer.voice.stt import Transcription

    words = [
        WordTiming(word=w, start=i * 0.4, end=i * 0.4 + 0.3)
        for i, w in enumerate(PITCH_TEXT.split())
    ]
    built = services(tmp_path, scripted)
    built.transcriber = ScriptedTranscriber(
        [Transcription(text=PITCH_TEXT, words=words, duration_s=words[-1].end)]
    )
    app = Practice(built)
    sid = app.start("pitch").session_id
    assert app.screen_of(app.interview(sid, None)).pitch
    tone = (0.3 * np.sin(np.arange(32_000) * 2 * np.pi * 440 / 16_000)).astype(np.float32)
    live = app.pitch_chunk(sid, 16_000, tone)
    assert live.seconds == 2.0
    assert app.finish_pitch_if_time_is_up(sid) is None  # fifteen minutes are not over
    app.interview(sid, None).clock.offset += 15 * 60 + 1  # the wall clock, 15 minutes on
    final, screen = app.finish_pitch_if_time_is_up(sid)
    assert 140 < final.wpm < 160 and {"context", "problem", "approach", "results"} <= set(
        final.sections
    )
    said = screen.messages[-2]
    assert said["role"] == "user" and said["content"].startswith(PITCH_TEXT)
    assert "spoken · 151 words per minute" in said["content"]  # marked, with its pace
    assert screen.presented is not None and "results" in screen.presented.sections
    assert screen.messages[-1]["role"] == "assistant" and not screen.pitch
    built.transcriber.assert_complete()
    assert app.finish_pitch_if_time_is_up(sid) is None  # only once


def test_two_processes_take_turns_on_one_session_without_losing_or_doubling_any(tmp_path, scripted):
    """A browser moves from app process A to B and back (a proxy without stickiness, a
    restart): each process sees the other's turns before adding its own."""
    a = Practice(services(tmp_path, scripted))
    b = Practice(services(tmp_path, ScriptedChatModel()))
    sid = a.start("recruiter").session_id
    a.answer(sid, "   ")  # asked again, no model call
    b.resume(sid)
    b.answer(sid, "   ")
    after_b = b.services.store.load(sid).transcript.turns
    scripted.add(ask_about_topic)
    screen = a.answer(sid, LONG_ANSWER)  # A was behind: it reloads first
    stored = a.services.store.load(sid).transcript.turns
    assert [t.seq for t in stored] == list(range(len(stored)))
    assert stored[: len(after_b)] == after_b and len(stored) > len(after_b)
    assert [m["content"] for m in screen.messages] == [t.text for t in stored]
    b.end(sid)
    assert a.screen_of(a.interview(sid, None)).finished  # B's ending is seen by A


def test_the_history_chart_is_per_interviewer_finished_only_with_dates_and_times():
    from datetime import datetime

    from interviewer.history import HistoryRow
    from interviewer.web.views import history_chart

    def row(i, persona="Riley Chen", status="finished", scores=None):
        return HistoryRow(
            session_id=str(i),
            when=datetime(2026, 11, 10 + i, 9 + i, 5),
            persona=persona,
            persona_id=persona.lower(),
            mode="interview",
            status=status,
            answers=3,
            overall=3.0,
            scores=scores or {"clarity": 2 + i * 0.5, "<b>bold</b>": 3.0},
        )

    rows = [row(0), row(1), row(2), row(3, "Dana Whitfield"), row(4, status="active")]
    svg = history_chart(rows, "Riley Chen")
    # three finished sessions with Riley: the unfinished one and Dana's are not on the line
    assert svg.count("<circle") == 6 and svg.count("<polyline") == 2
    assert "10 Nov" in svg and "09:05" in svg and "12 Nov" in svg and "11:05" in svg
    assert "<b>" not in svg and "&lt;b&gt;bold" in svg
    dana = history_chart(rows, "Dana Whitfield")
    assert dana.count("<circle") == 2 and "<polyline" not in dana and "One finished" in dana
    assert "No finished session" in history_chart([row(5, status="active")])
    assert "No finished session" in history_chart([])


def test_the_provider_table_names_each_part_and_its_state(tmp_path):
    from interviewer.web.views import status_markdown

    built = services(tmp_path)
    table = status_markdown(built)
    assert "- **Interviewer model**: loading…" in table and "<small>scripted" in table
    assert "- **Interviewer voice**: off  \n  <small>none</small>" in table


def test_deleting_a_session_removes_it_everywhere_and_only_for_its_owner(app, scripted):
    scripted.add("What stuff did you do, and why was it only fine?")
    sid = app.start("recruiter", owner="alice").session_id
    app.answer(sid, "I did some stuff, it was fine I guess.", owner="alice")
    app.end(sid, owner="alice")
    app.report_files(app.report(sid, owner="alice"))
    data = app.services.settings.data_dir
    (data / "audio" / sid).mkdir(parents=True)
    (data / "audio" / sid / "001-candidate.wav").write_bytes(b"RIFF")
    weak = app.weak_answers("alice")[0]
    app.practice_again(weak, LONG_ANSWER, owner="alice")
    with pytest.raises(SessionNotFound) as refused:
        app.delete(sid, owner="bob")
    assert str(refused.value) == f"no session '{sid}'"  # the same as for a missing one
    assert app.history("alice")  # still there
    with pytest.raises(SessionNotFound) as refused:
        app.delete(sid[:6], owner="alice")  # the web takes exact ids only (#14)
    assert sid not in str(refused.value)
    app.delete(sid, owner="alice")
    assert app.history("alice") == [] and app.weak_answers("alice") == []
    assert not (data / "audio" / sid).exists() and not (data / "reports" / sid).exists()
    assert app.services.store.attempts(sid, weak.seq) == []
    with pytest.raises(SessionNotFound):
        app.resume(sid, owner="alice")


def test_a_spoken_answer_is_checked_then_sent_as_corrected(tmp_path, scripted):
    """The transcript lands in the box; what the candidate corrects is what is stored,
    with the recording's pace; a draft never travels to another session."""
    import numpy as np

    from interviewer.speech import WordTiming
    from interviewer.testing import ScriptedTranscriber
    from interviewer.voice.audio import write_wav
    from interviewer.voice.stt import Transcription

    heard = "I trained gradient boosting model non-port state"
    words = [
        WordTiming(word=w, start=0.4 * i, end=0.4 * i + 0.3) for i, w in enumerate(heard.split())
    ]
    built = services(tmp_path, scripted)
    built.transcriber = ScriptedTranscriber(
        [Transcription(text=heard, words=words, duration_s=3.5)]
    )
    app = Practice(built)
    sid = app.start("recruiter").session_id
    other = app.start("recruiter").session_id
    tone = (0.3 * np.sin(np.arange(56_000) * 2 * np.pi * 440 / 16_000)).astype(np.float32)
    wav = write_wav(tmp_path / "answer.wav", tone, 16_000)
    draft = app.hear(sid, str(wav))
    assert draft.text == heard and draft.speech.words == 7
    assert len(app.services.store.load(sid).transcript.turns) == 1  # nothing sent yet
    corrected = "I trained gradient boosting models on sports data."
    scripted.add("Which of those models worked best, and why?")
    screen = app.answer(sid, corrected, spoken=draft)
    stored = app.services.store.load(sid).transcript.turns[1]
    assert stored.text == corrected and stored.speech == draft.speech
    assert stored.audio_path == draft.audio_path and stored.duration_s == 3.5
    assert screen.messages[1]["content"].startswith(corrected)
    assert "spoken · " in screen.messages[1]["content"]
    scripted.add("What did you learn there?")
    app.answer(other, "Typed in the other tab.", spoken=draft)
    assert app.services.store.load(other).transcript.turns[1].speech is None
    # an answer typed over a draft is a typed answer: no recording's pace on it
    built.transcriber = ScriptedTranscriber(
        [Transcription(text=heard, words=words, duration_s=3.5)]
    )
    app = Practice(built)
    draft = app.hear(sid, str(write_wav(tmp_path / "again.wav", tone, 16_000)))
    scripted.add("Which features would you test earlier, and how?")
    app.answer(sid, "Actually, let me type it: I would test the features earlier.", spoken=draft)
    assert app.services.store.load(sid).transcript.turns[-2].speech is None
    built.transcriber.assert_complete()
    scripted.assert_complete()


def test_practise_again_offers_the_hesitant_answer_first(app, tmp_path):
    """The answer most worth practising is the one with the lowest point, decisiveness and
    bluffing included, not the lowest mean (a hesitant choice can have a fine mean)."""
    from interviewer.grading.transcripts import load_transcript

    hesitant = (
        "Hmm, they all seem interesting to me, I am not sure, maybe retrieval or maybe "
        "evaluation, I guess it depends on the team."
    )
    path = tmp_path / "past.txt"
    path.write_text(
        "Interviewer: Tell me about a project you are proud of.\n"
        f"Candidate: {LONG_ANSWER}\n"
        "Interviewer: Which of these topics interests you the most: retrieval, evaluation "
        "or fine-tuning?\n"
        f"Candidate: {hesitant}\n",
        encoding="utf-8",
    )
    session = load_transcript(path)
    app.services.store.import_session(session.model_copy(update={"status": "finished"}))
    weak = app.weak_answers()
    assert weak[0].answer == hesitant and weak[0].weakest == "decisiveness"
    assert weak[0].low <= 1.5 and weak[0].label.startswith("decisiveness")
    assert weak[1].weakest == "technical_depth"  # the strong answer's weak point comes next


def test_the_speech_timeline_needs_two_spoken_answers():
    from interviewer.grading.render import timeline
    from interviewer.grading.report import AnswerFeedback, Report
    from interviewer.speech import SpeechTargets, WordTiming, compute

    words = [WordTiming(word=w, start=0.4 * i, end=0.4 * i + 0.3) for i, w in enumerate("a" * 20)]
    speech = compute(words, 8.0, SpeechTargets(), text="um " + "word " * 19)

    def answer(seq):
        return AnswerFeedback(
            seq=seq, question="Q?", answer="A.", worked=[], improve=[], speech=speech
        )

    one = Report(overall=None, criteria=[], answers=[answer(3)], actions=[])
    text = timeline(one)
    assert "<svg" not in text and "One spoken answer (turn 3)" in text
    two = Report(overall=None, criteria=[], answers=[answer(3), answer(5)], actions=[])
    svg = timeline(two)
    assert svg.count("<circle") == 2 and "turn 3" in svg and "turn 5" in svg and ">#3<" not in svg


@pytest.mark.skipif(
    __import__("shutil").which("espeak-ng") is None, reason="espeak-ng is installed by .ci/run"
)
def test_a_spoken_answer_is_transcribed_while_it_is_streamed(tmp_path, scripted):
    """The microphone streams an answer in one-second chunks, as the browser does: real
    speech (espeak-ng) through real Whisper. When the candidate stops, the words are there
    to check, the recording is kept with the session, and what was left of an earlier
    recording never leaks into the next one."""
    import numpy as np
    from voice_audio import espeak, load_audio

    app = Practice(services(tmp_path, scripted))
    sid = app.start("manager_fit").session_id
    said = "I built the evaluation pipeline for our ranking model and cut its runtime by half."
    audio = load_audio(espeak(said, tmp_path / "answer.wav"))
    stale = np.zeros(16_000, dtype=np.float32)
    app.answer_chunk(sid, 16_000, stale)  # a chunk that arrived after an earlier stop
    app.drop_live_answer(sid)  # the next recording starts
    for start in range(0, audio.size, 16_000):
        live = app.answer_chunk(sid, 16_000, audio[start : start + 16_000])
    assert live.seconds == pytest.approx(audio.size / 16_000, abs=0.06)  # rounded to 0.1 s
    draft = app.hear_live(sid)
    heard = set(draft.text.lower().replace(".", "").replace(",", "").split())
    assert len(heard & set(said.lower().rstrip(".").split())) >= 10, draft.text
    kept = load_audio(__import__("pathlib").Path(draft.audio_path))
    assert kept.size == audio.size  # the stale second is not in it
    assert draft.speech.words >= 10 and draft.duration_s > 3
    with pytest.raises(InputError, match="no answer was recorded"):
        app.hear_live(sid)  # taken once
    scripted.add("How did you measure the runtime before and after?")
    screen = app.answer(sid, draft.text, spoken=draft)
    stored = app.services.store.load(sid).transcript.turns[-2]
    assert stored.speech is not None and stored.audio_path == draft.audio_path
    assert screen.messages[-1]["role"] == "assistant"

"""The running app through its API (``gradio_client``), on the embedded models: a text
interview, a spoken answer, the pitch, reports, resume, and two users at once."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from helpers import chat_texts as texts
from voice_audio import espeak

from interviewer.devtools.launch import running_app
from interviewer.grading.report import Report
from interviewer.transcript import Session

pytestmark = pytest.mark.model

ANSWERS = [
    "I am a master's student in machine learning. During my internship at a bank I built a "
    "retrieval system for internal documents, with a Python pipeline and an evaluation set.",
    "The hardest part was evaluation: I wrote two hundred questions with the analysts and "
    "measured recall at ten, which went from 61 to 84 percent after I added reranking.",
    "I would like to work on applied research close to production, because I enjoy both "
    "reading papers and shipping code that people use every day.",
]
PITCH = (
    "Context: during my internship at Acme, the team had a support backlog. The problem was "
    "that answers were too slow. My approach: I built a retrieval pipeline and trained a "
    "small model. Results: we reduced the answer time from 10 minutes to 2 minutes. Impact: "
    "it was deployed and used by 40 agents. Next steps: I would like to add evaluation."
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_app(tmp_path_factory.mktemp("app") / "data") as app:
        yield app


@pytest.fixture
def client(server):
    return Client(server.url, verbose=False)


def wait_ready(client: Client, timeout: float = 120) -> str:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        status = client.predict(api_name="/status")[0]
        if "loading" not in status:
            return status
        time.sleep(0.5)
    raise TimeoutError(f"models still loading after {timeout} s: {status}")


def start(client: Client, persona: str = "manager_fit", muted: bool = True) -> tuple[str, list]:
    out = client.predict(persona, "", None, "", None, muted, api_name="/start")
    return out[0], texts(out[2])


def test_models_load_in_the_background_and_the_status_says_so(client, server):
    assert server.seconds_to_200 < 60
    status = wait_ready(client)
    assert status.count(": ready in") == 3 and "failed" not in status
    assert "local:qwen2.5-coder-0.5b" in status and "local: bundled" in status


def test_a_three_turn_text_interview_then_the_report_in_three_formats(client):
    sid, said = start(client)
    assert said[0][0] == "assistant" and said[0][1].startswith("Hi, I'm Dana")
    for i, answer in enumerate(ANSWERS, 1):
        out = client.predict(answer, sid, True, api_name="/answer")
        said = texts(out[2])
        assert said[-2] == ("user", answer)
        assert said[-1][0] == "assistant" and said[-1][1].strip()
        assert len(said) == 1 + 2 * i
        assert "Stage " in out[3] and "data-countdown" in out[3]
    out = client.predict(sid, api_name="/end")
    said = texts(out[2])
    assert "Interview finished." in out[3] and said[-1][0] == "assistant"
    # outputs: session, browser, chat, clock, banner, voice, pitch clock, pitch figures, pitch
    # sections, then the report, md, html, json, transcript, session, transcript text
    report_html, md, htm, js = out[9:13]
    assert "Interview feedback" in report_html and ANSWERS[1][:30] in report_html
    files = {p["value"].rsplit(".", 1)[-1]: p["value"] for p in (md, htm, js)}
    assert sorted(files) == ["html", "json", "md"]
    read = {fmt: Path(path).read_text(encoding="utf-8") for fmt, path in files.items()}
    report = Report.model_validate(json.loads(read["json"]))
    assert report.session_id == sid and len(report.answers) == 3
    assert read["md"].startswith("# Interview feedback")
    assert "<svg" in read["html"]
    transcript, exported = (Path(out[i]["value"]) for i in (13, 14))
    assert ANSWERS[2] in out[15]  # the transcript under the report
    assert ANSWERS[2] in transcript.read_text(encoding="utf-8")
    assert Session.model_validate_json(exported.read_text(encoding="utf-8")).id == sid


def test_an_answer_by_voice_is_transcribed_kept_and_answered(client, server, tmp_path):
    wait_ready(client)
    sid, _ = start(client, "recruiter")
    wav = espeak(ANSWERS[0], tmp_path / "answer.wav", wpm=150)
    out = client.predict(handle_file(str(wav)), sid, True, api_name="/voice_answer")
    said = texts(out[2])
    heard = said[-2][1].lower()
    assert said[-2][0] == "user" and "retrieval" in heard and "internship" in heard
    assert said[-1][0] == "assistant"
    data_dir = server.log.parent
    assert list((data_dir / "audio" / sid).glob("*-candidate.wav"))


def test_a_corrupt_recording_gets_a_banner_and_the_question_again(client, tmp_path):
    wait_ready(client)
    sid, said = start(client, "recruiter")
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF\x00\x00garbage, not audio" * 50)
    out = client.predict(handle_file(str(broken)), sid, True, api_name="/voice_answer")
    banner = out[4]  # session, browser, chat, clock, banner, ...
    assert banner["visible"] and "not a readable audio file" in banner["value"]
    after = texts(out[2])
    assert len(after) == len(said) + 1 and after[-1][0] == "assistant"  # asked again
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    out = client.predict(handle_file(str(empty)), sid, True, api_name="/voice_answer")
    assert "empty" in out[4]["value"]


def test_a_spoken_practice_answer_lands_in_the_box(client, tmp_path):
    wait_ready(client)
    wav = espeak("I measured recall at ten on two hundred questions.", tmp_path / "p.wav")
    text = client.predict(handle_file(str(wav)), api_name="/transcribe")
    assert "measured" in text.lower() and "questions" in text.lower()


def test_the_interviewer_speaks_unless_muted(client):
    wait_ready(client)
    out = client.predict("recruiter", "", None, "", None, False, api_name="/start")
    voice = out[5]  # session, browser, chat, clock, banner, voice, pitch clock
    assert voice and voice.endswith("-interviewer.wav")
    muted = client.predict("recruiter", "", None, "", None, True, api_name="/start")
    assert muted[5] is None


def test_the_pitch_shows_a_live_speaking_rate_then_questions(client, tmp_path):
    wait_ready(client)
    sid, said = start(client, "pitch")
    assert "fifteen minutes" in said[0][1]
    wav = espeak(PITCH, tmp_path / "pitch.wav", wpm=150)
    job = client.submit(handle_file(str(wav)), sid, True, api_name="/pitch_file")
    job.result(timeout=300)
    # outputs: session, browser, chat, clock, banner, voice, pitch clock, figures, sections
    updates = [o for o in job.outputs() if isinstance(o[7], str) and "Speaking rate" in o[7]]
    assert updates, "no live figures while the pitch was read"
    assert "chunk 1 of" in updates[0][7] or "chunk 0 of" in updates[0][7]
    rate = float(updates[-1][7].split("**Speaking rate:** ")[1].split(" ")[0])
    assert 100 < rate < 220
    assert {"context", "problem", "results"} <= set(updates[-1][8])
    final = job.outputs()[-1]
    said = texts(final[2])
    assert {"context", "problem", "results"} <= set(final[8])  # still shown with the questions
    assert said[-2][0] == "user" and "backlog" in said[-2][1].lower()
    assert said[-1][0] == "assistant" and said[-1][1].endswith("?")


def test_resume_from_another_browser_shows_the_same_transcript(client, server):
    sid, _ = start(client, "recruiter")
    before = texts(client.predict(ANSWERS[0], sid, True, api_name="/answer")[2])
    other = Client(server.url, verbose=False)
    out = other.predict(sid, api_name="/resume")
    assert texts(out[2]) == before
    after = texts(other.predict(ANSWERS[1], sid, True, api_name="/answer")[2])
    assert after[: len(before)] == before and len(after) == len(before) + 2


def test_two_concurrent_sessions_never_see_each_others_turns(server):
    results: dict[str, list] = {}
    errors: list[BaseException] = []

    def user(name: str, answers: list[str]) -> None:
        try:
            client = Client(server.url, verbose=False)
            sid, _ = start(client, "recruiter")
            for answer in answers:
                said = texts(client.predict(answer, sid, True, api_name="/answer")[2])
            results[name] = said
        except BaseException as e:  # reported below
            errors.append(e)

    mine = [f"Alpha answer {i}: I built a search engine for parcels in Lyon." for i in range(3)]
    theirs = [
        f"Beta answer {i}: I trained a vision model for tomatoes in Nantes." for i in range(3)
    ]
    threads = [
        threading.Thread(target=user, args=("a", mine)),
        threading.Thread(target=user, args=("b", theirs)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert not errors, errors
    a_user = [text for role, text in results["a"] if role == "user"]
    b_user = [text for role, text in results["b"] if role == "user"]
    assert a_user == mine and b_user == theirs
    assert not any("Beta" in text or "tomatoes" in text for _, text in results["a"])
    assert not any("Alpha" in text or "parcels" in text for _, text in results["b"])


def test_history_then_practise_again_through_the_api(client):
    sid, _ = start(client, "recruiter")
    client.predict("It was fine, I did some stuff I guess.", sid, True, api_name="/answer")
    client.predict(sid, api_name="/end")
    table, chart, weak, ids, persona = client.predict(api_name="/history")
    assert weak["value"] == 0 and weak["choices"]  # the weakest answer first
    assert sid in ids and len(ids) == len(table["data"])
    assert persona["value"] == "Sam Moreau" and "Sam Moreau" in [row[1] for row in table["data"]]
    assert "<svg" in chart and "clarity" in chart
    result = client.predict(0, ANSWERS[1], api_name="/again")
    assert "| Criterion | Before | Now |" in result and "Every attempt at this question" in result


def test_deleting_a_session_through_the_api(client):
    sid, _ = start(client, "recruiter")
    client.predict(ANSWERS[0], sid, True, api_name="/answer")
    with pytest.raises(Exception, match="cannot be undone"):
        client.predict(sid, False, api_name="/delete")
    message, *_rest = client.predict(sid, True, api_name="/delete")
    assert message == f"Deleted session {sid}."
    ids = client.predict(api_name="/history")[3]
    assert sid not in ids
    with pytest.raises(Exception, match=f"no session '{sid}'"):
        client.predict(sid, api_name="/resume")

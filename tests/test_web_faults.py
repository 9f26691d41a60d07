"""The running app under faults and load, its model an OpenAI-compatible fault server on
127.0.0.1: a banner when the model fails, no turn lost when the app is SIGKILLed, and
concurrent users through the API (the CI size; ``benchmarks/load.py`` runs 50)."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from gradio_client import Client
from helpers import chat_texts

from interviewer.devtools.fault_server import FaultServer
from interviewer.devtools.launch import running_app
from interviewer.devtools.loadtest import run_load
from interviewer.store import Store

ANSWERS = [
    "During my internship at a bank I built a retrieval system for internal documents, with a "
    "Python pipeline, an evaluation set of two hundred questions and a reranker.",
    "The hardest part was evaluation: recall at ten went from 61 to 84 percent once I added "
    "the reranker, and latency stayed under two hundred milliseconds.",
    "I chose a cross-encoder over a bigger embedding model because it was cheaper to run and "
    "the analysts cared more about precision than about speed.",
]


@pytest.fixture
def llm():
    with FaultServer() as server:
        yield server


def env_for(llm: FaultServer) -> dict:
    return {
        "INTERVIEWER_LLM_PROVIDER": "openai",
        "INTERVIEWER_OPENAI_BASE_URL": llm.url,
        "INTERVIEWER_OPENAI_API_KEY": "none",
        "INTERVIEWER_OPENAI_MODEL": "fault",
        "INTERVIEWER_LLM_TIMEOUT_S": "3",
        "INTERVIEWER_TTS_PROVIDER": "none",
    }


def texts(messages) -> list[str]:
    return [text for _, text in chat_texts(messages)]


def test_a_failing_model_shows_a_banner_and_the_interview_goes_on(llm, tmp_path):
    llm.default_mode = "500"
    data = tmp_path / "data"
    with running_app(data, **env_for(llm)) as app:
        client = Client(app.url, verbose=False)
        sid = client.predict("manager_fit", "", None, "", None, True, api_name="/start")[0]
        banners = []
        for answer in ANSWERS:
            out = client.predict(answer, sid, True, api_name="/answer")
            banners.append(out[4])  # session, browser, chat, clock, banner, ...
            said = texts(out[2])
            assert said[-2] == answer and said[-1].strip()  # answered all the same
        shown = [b for b in banners if isinstance(b, dict) and b.get("visible")]
        assert shown and "continuing with the planned questions" in shown[0]["value"]
        assert "HTTP 500" in shown[0]["value"] or "500" in shown[0]["value"]
        report = client.predict(sid, api_name="/report")[0]
        assert "Interview feedback" in report  # graded without the model
    stored = Store(f"sqlite:///{data / 'interviewer.db'}").load(sid)
    assert [t.text for t in stored.transcript.turns] == said


def test_sigkill_mid_answer_then_restart_and_resume_loses_no_turn(llm, tmp_path):
    data = tmp_path / "data"
    db = Store(f"sqlite:///{data / 'interviewer.db'}")
    with running_app(data, **env_for(llm)) as app:
        client = Client(app.url, verbose=False)
        sid = client.predict("manager_fit", "", None, "", None, True, api_name="/start")[0]
        for answer in ANSWERS[:2]:
            seen = texts(client.predict(answer, sid, True, api_name="/answer")[2])
        llm.push("hang")  # the next model call hangs: the answer is stored, the reply is not
        llm.default_mode = "hang"
        client.submit(ANSWERS[2], sid, True, api_name="/answer")
        deadline = time.monotonic() + 30
        while len(db.load(sid).transcript.turns) <= len(seen):
            assert time.monotonic() < deadline, "the in-flight answer was never stored"
            time.sleep(0.05)
        app.kill()
    stored = [t.text for t in db.load(sid).transcript.turns]
    assert stored[: len(seen)] == seen and stored[len(seen)] == ANSWERS[2]

    llm.default_mode = "ok"
    with running_app(data, **env_for(llm)) as app:
        out = Client(app.url, verbose=False).predict(sid, api_name="/resume")
        resumed = texts(out[2])
    assert resumed[: len(seen) + 1] == [*seen, ANSWERS[2]]
    assert len(resumed) == len(seen) + 2  # the interrupted answer got its reply on resume
    after = db.load(sid).transcript.turns
    assert [t.text for t in after] == resumed
    assert [t.seq for t in after] == list(range(len(after)))


def test_ten_concurrent_interviews_through_the_api(llm, tmp_path):
    data = tmp_path / "data"
    with running_app(data, **env_for(llm)) as app:
        result = run_load(
            app.url, f"sqlite:///{data / 'interviewer.db'}", sessions=10, turns=3, think_s=0.5
        )
    assert result.errors == [] and result.mixed == [] and result.missing == []
    assert result.turns == 30
    print(
        f"\nload (10 x 3): latency p50/p95 {result.latency_p50_ms}/{result.latency_p95_ms} ms, "
        f"app overhead p50/p95 {result.overhead_p50_ms}/{result.overhead_p95_ms} ms"
    )


def test_two_app_processes_share_one_database_and_a_session_moves_between_them(llm, tmp_path):
    """PostgreSQL when CI provides it (PG_TEST_URL), else one SQLite file."""
    import os

    db_url = os.environ.get("PG_TEST_URL") or f"sqlite:///{tmp_path / 'shared.db'}"
    env = {**env_for(llm), "INTERVIEWER_DB_URL": db_url}
    with (
        running_app(tmp_path / "a", **env) as a,
        running_app(tmp_path / "b", **env) as b,
    ):
        on_a, on_b = Client(a.url, verbose=False), Client(b.url, verbose=False)
        sid = on_a.predict("manager_fit", "", None, "", None, True, api_name="/start")[0]
        on_a.predict(ANSWERS[0], sid, True, api_name="/answer")
        seen_b = texts(on_b.predict(sid, api_name="/resume")[2])
        on_b.predict(ANSWERS[1], sid, True, api_name="/answer")
        final = texts(on_a.predict(ANSWERS[2], sid, True, api_name="/answer")[2])
    stored = Store(db_url).load(sid).transcript.turns
    assert [t.text for t in stored] == final
    assert [t.seq for t in stored] == list(range(len(stored)))
    assert final[: len(seen_b)] == seen_b
    assert [t.text for t in stored if t.speaker == "candidate"] == ANSWERS


def test_with_sign_in_each_user_reaches_only_their_own_sessions(llm, tmp_path):
    env = {**env_for(llm), "INTERVIEWER_AUTH": "alice:pw-alice,bob:pw-bob"}
    with running_app(tmp_path / "data", **env) as app:
        with pytest.raises(Exception, match=r"(?i)login|auth|401|403"):
            Client(app.url, verbose=False)  # no credentials, no API
        alice = Client(app.url, auth=("alice", "pw-alice"), verbose=False)
        bob = Client(app.url, auth=("bob", "pw-bob"), verbose=False)
        sid = alice.predict("recruiter", "", None, "", None, True, api_name="/start")[0]
        alice.predict(ANSWERS[0], sid, True, api_name="/answer")
        with pytest.raises(Exception, match=f"no session '{sid}'"):
            bob.predict(sid, api_name="/resume")
        with pytest.raises(Exception, match=f"no session '{sid}'"):
            bob.predict(ANSWERS[1], sid, True, api_name="/answer")
        # #14.1: no prefix enumeration, and the refusal names nothing but what was sent.
        for prefix in (sid[0], sid[:6], ""):
            with pytest.raises(Exception) as refused:
                bob.predict(prefix, True, api_name="/delete")
            assert sid not in str(refused.value) or prefix == sid
        with pytest.raises(Exception, match=f"no session '{sid}'"):
            bob.predict(sid, True, api_name="/delete")
        # Alice's report and session files reach her page; the data directory is not served
        # to anyone by path, so bob cannot read them (nor her recordings).
        out = alice.predict(sid, api_name="/report")
        handed = [o["value"] for o in out if isinstance(o, dict) and o.get("value")]
        assert len(handed) == 5 and all(Path(h).is_file() for h in handed)  # her downloads
        data = tmp_path / "data"
        kept = data / "reports" / sid / f"session-{sid}.json"
        assert kept.is_file()
        (data / "audio" / sid).mkdir(parents=True, exist_ok=True)
        (data / "audio" / sid / "003-candidate.wav").write_bytes(b"RIFF....WAVE")
        with httpx.Client(base_url=app.url, timeout=10) as bob_browser:
            signed_in = bob_browser.post("login", data={"username": "bob", "password": "pw-bob"})
            assert signed_in.status_code == 200 and bob_browser.cookies
            for target in (kept, data / "audio" / sid / "003-candidate.wav"):
                response = bob_browser.get(f"gradio_api/file={target}")
                assert response.status_code in {401, 403, 404}, (target, response.status_code)
                assert b"persona_id" not in response.content  # nothing of the file
                assert not response.content.startswith(b"RIFF")
        # /history: table, chart, weak answers, the rows' session ids, the chart's persona
        assert sid in alice.predict(api_name="/history")[3]
        assert sid not in (bob.predict(api_name="/history")[3] or [])
    stored = Store(f"sqlite:///{tmp_path / 'data' / 'interviewer.db'}").load(sid)
    assert stored.owner == "alice" and len(stored.transcript.turns) == 3


def _rss_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no {field} for {pid}")


def test_an_eight_hour_flac_through_voice_answer_is_refused_with_bounded_memory(llm, tmp_path):
    """Issue #14.2, through the served app: the file that took the server from 0.45 GB to
    4.6 GB and an OOM kill."""
    from gradio_client import handle_file
    from test_security import _flac

    bomb = _flac(tmp_path / "eight-hours.flac", 8, drop_length=True)
    with running_app(tmp_path / "data", **env_for(llm)) as app:
        client = Client(app.url, verbose=False)
        sid = client.predict("recruiter", "", None, "", None, True, api_name="/start")[0]
        before = _rss_mb(app.proc.pid, "VmRSS")
        out = client.predict(handle_file(str(bomb)), sid, True, api_name="/voice_answer")
        peak = _rss_mb(app.proc.pid, "VmHWM")
        banner = out[4]
        assert banner["visible"] and "limited to 30 minutes" in banner["value"]
        assert str(tmp_path) not in banner["value"]  # the file's name, not the server's path
        growth = peak - before
        print(f"8-hour FLAC through /voice_answer: server RSS {before:.0f} MB, peak {peak:.0f} MB")
        assert growth < 200, growth
    stored = Store(f"sqlite:///{tmp_path / 'data' / 'interviewer.db'}").load(sid)
    # Nothing of the bomb is kept as an answer; the question is asked again.
    assert all(t.speaker == "interviewer" for t in stored.transcript.turns)

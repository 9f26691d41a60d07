"""Issue #14: each finding of the adversarial run, attacked again and shown to fail safely
(a clear message; nothing read, deleted or lost). The two-user test through the real served
app is in test_web_faults.py; this file holds the rest."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import persona
from helpers import cli_env, run_cli
from test_web import services

from interviewer.engine import Interview
from interviewer.errors import InputError, SessionBusy
from interviewer.session_files import check_id, remove_session_files, session_folder
from interviewer.store import Store
from interviewer.testing import ScriptedChatModel
from interviewer.transcript import Session
from interviewer.web.practice import Practice


# 3. A crafted session file must not delete folders outside the data directory -------------
@pytest.mark.parametrize("bad", [".", "..", "../../x", "/tmp/x", "", "a/b", "x" * 5000, "-rf"])
def test_crafted_session_ids_are_refused_before_anything_is_touched(bad, tmp_path):
    with pytest.raises(InputError, match="not a session id"):
        check_id(bad)
    with pytest.raises(InputError, match="not a session id"):
        session_folder(tmp_path, "audio", bad)
    with pytest.raises(ValueError, match="id"):
        Session(id=bad, persona_id="manager_fit")


def test_import_of_a_crafted_id_is_refused_and_delete_removes_only_its_own_folder(tmp_path):
    data = tmp_path / "data"
    env = {"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_LLM_PROVIDER": "scripted"}
    # Two real sessions with recordings, and a folder outside the data directory.
    for sid in ("aaaaaaaaaaaa", "bbbbbbbbbbbb"):
        (data / "audio" / sid).mkdir(parents=True)
        (data / "audio" / sid / "001-candidate.wav").write_bytes(b"RIFF")
    outside = tmp_path / "precious"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    for bad in (".", "../../precious", str(outside), ""):
        crafted = tmp_path / "crafted.json"
        crafted.write_text(json.dumps({"id": bad, "persona_id": "manager_fit"}))
        done = run_cli("import", str(crafted), env=env)
        assert done.returncode != 0 and "field 'id'" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    for bad in (".", "..", "../precious"):
        done = run_cli("delete", bad, "--yes", env=env)
        assert done.returncode != 0 and "not a session id" in done.stderr
    assert (outside / "keep.txt").read_text() == "mine"
    assert all(
        (data / "audio" / s / "001-candidate.wav").exists()
        for s in ("aaaaaaaaaaaa", "bbbbbbbbbbbb")
    )
    remove_session_files(data, "aaaaaaaaaaaa")
    assert not (data / "audio" / "aaaaaaaaaaaa").exists()
    assert (data / "audio" / "bbbbbbbbbbbb" / "001-candidate.wav").exists()


def test_a_symlinked_session_folder_is_unlinked_not_followed(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    (tmp_path / "data" / "audio").mkdir(parents=True)
    (tmp_path / "data" / "audio" / "cccccccccccc").symlink_to(outside)
    remove_session_files(tmp_path / "data", "cccccccccccc")
    assert (outside / "keep.txt").read_text() == "mine"


def test_an_empty_id_never_matches_a_session_by_prefix(store):
    store.create_session(Session(persona_id="manager_fit"))
    with pytest.raises(InputError, match="not a session id"):
        store.resolve_id("")


# 2. An audio decompression bomb ------------------------------------------------------------
def _flac(path: Path, hours: float, *, drop_length: bool) -> Path:
    import av
    import numpy as np

    rate, chunk = 8000, 80_000
    with av.open(str(path), "w", format="flac") as out:
        stream = out.add_stream("flac", rate=rate)
        stream.layout = "mono"
        silence = np.zeros((1, chunk), dtype=np.int16)
        for i in range(int(hours * 3600 * rate / chunk)):
            frame = av.AudioFrame.from_ndarray(silence, format="s16", layout="mono")
            frame.sample_rate, frame.pts = rate, i * chunk
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    if drop_length:  # a stream that does not say how long it is: only decoding tells
        data = bytearray(path.read_bytes())
        data[21] &= 0xF0
        data[22:26] = b"\0\0\0\0"
        path.write_bytes(data)
    return path


@pytest.mark.parametrize("drop_length", [False, True], ids=["length-in-header", "no-length"])
def test_an_eight_hour_flac_is_refused_with_bounded_memory(tmp_path, drop_length):
    bomb = _flac(tmp_path / "bomb.flac", 8, drop_length=drop_length)
    assert bomb.stat().st_size < 8_000_000  # a few MB on disk, 8 hours of audio
    code = (
        "import resource, sys\n"
        "from interviewer.voice.audio import load_audio\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n"
        "    load_audio(sys.argv[1])\n"
        "except Exception as e:\n"
        "    print(type(e).__name__, e)\n"
        "print('growth_mb', (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, timeout=120
    )
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("InputError bomb.flac: the answer lasts"), done.stdout + done.stderr
    assert "limited to 30 minutes" in lines[0] and str(tmp_path) not in lines[0]
    growth = float(lines[-1].split()[1])
    print(
        f"8-hour FLAC ({'no length' if drop_length else 'length in header'}): "
        f"RSS growth {growth:.0f} MB"
    )
    assert growth < 200


# 4. Two answers at the same moment: one after the other, never one lost ---------------------
def test_two_answers_at_once_to_a_session_not_in_memory_are_both_kept(tmp_path):
    """20 trials: the session is dropped from the process's memory (a restart, another
    process, an eviction), then two answers arrive together."""
    for trial in range(20):
        scripted = ScriptedChatModel()
        scripted.add(*["The candidate: yes."] * 20)  # refused drafts: the plan speaks
        app = Practice(services(tmp_path / f"t{trial}", scripted))
        sid = app.start("manager_fit").session_id
        app.services.live.drop(sid)
        errors: list[Exception] = []

        def send(text: str, app=app, sid=sid, errors=errors) -> None:
            try:
                app.answer(sid, text)
            except Exception as e:  # collected and asserted below
                errors.append(e)

        answers = [
            f"I am a master's student in machine learning, trial {trial}, first answer.",
            f"I built a forecasting pipeline with tests and a review, trial {trial}, second.",
        ]
        threads = [threading.Thread(target=send, args=(a,)) for a in answers]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert errors == [], errors
        stored = app.services.store.load(sid).transcript.turns
        said = [t.text for t in stored if t.speaker == "candidate"]
        assert sorted(said) == sorted(answers), (trial, said)
        assert [t.speaker for t in stored] == ["interviewer", "candidate"] * 2 + ["interviewer"]
        assert [t.seq for t in stored] == list(range(5))
        scripted._steps.clear()


def test_a_second_window_on_the_same_session_is_refused_clearly(tmp_path):
    data = tmp_path / "data"
    store = Store(f"sqlite:///{data / 'interviewer.db'}")
    interview = Interview.start(persona("manager_fit"), ScriptedChatModel(), store)
    sid = interview.session.id
    answers = tmp_path / "answers.txt"
    answers.write_text("I am a master's student in machine learning.\n")
    with store.session_lock(sid):  # the first window, answering
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "interviewer",
                "practice",
                "--resume",
                sid,
                "--answers",
                str(answers),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env=cli_env(INTERVIEWER_DATA_DIR=str(data), INTERVIEWER_LLM_PROVIDER="scripted"),
        )
    assert done.returncode != 0
    assert "being answered in another window" in done.stderr and "Traceback" not in done.stderr
    assert len(store.load(sid).transcript.turns) == 1  # nothing written by the refused one
    with pytest.raises(SessionBusy), store.session_lock(sid), store.session_lock(sid, wait=None):
        pass

"""SIGKILL in the middle of an answer, then resume: no turn answered before the kill is lost."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from helpers import cli_env

from interviewer.transcript import Session

pytestmark = pytest.mark.model

ANSWERS = [
    "I'm an MVA student; I did an internship at CFM on sports betting with gradient boosting.",
    "I owned the feature selection and the evaluation, and the return improved by 12 percent.",
    "I like shipping clean code and reading papers, so I see myself as a hybrid profile.",
]


def _turns(db) -> list[tuple]:
    if not db.exists():
        return []
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT session_id, seq, speaker, text FROM turns ORDER BY seq"
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        con.close()


def test_sigkill_mid_answer_then_resume(tmp_path):
    env = cli_env(INTERVIEWER_DATA_DIR=str(tmp_path / "data"))
    db = tmp_path / "data" / "interviewer.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "interviewer", "practice", "--persona", "manager_fit"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        for i, answer in enumerate(ANSWERS):
            proc.stdin.write(answer + "\n")
            proc.stdin.flush()
            deadline = time.monotonic() + 120
            # Wait until the answer and the interviewer's reply are stored.
            while len(_turns(db)) < 3 + 2 * i:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "no reply stored in time"
                time.sleep(0.1)
        # Half an answer typed, not yet sent: then the process dies without warning.
        proc.stdin.write("The disagreement I remember best was about")
        proc.stdin.flush()
        time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    before = _turns(db)
    assert len(before) == 7
    sid = before[0][0]
    assert [t[3] for t in before if t[2] == "candidate"] == ANSWERS

    rest = tmp_path / "rest.txt"
    rest.write_text("The disagreement I remember best was about testing, and we agreed on a plan.")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "interviewer",
            "practice",
            "--resume",
            sid,
            "--answers",
            str(rest),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    session = Session.model_validate_json(result.stdout)
    turns = session.transcript.turns
    assert [(t.seq, t.speaker, t.text) for t in turns[:7]] == [b[1:] for b in before]
    assert [t.seq for t in turns] == list(range(len(turns)))
    assert turns[7].speaker == "candidate" and turns[7].text.startswith("The disagreement")
    assert turns[8].speaker == "interviewer"

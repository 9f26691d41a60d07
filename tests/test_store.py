"""Persistence in a real SQLite database: WAL, migrations, turns written as they happen."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import persona

from interviewer.engine import Interview
from interviewer.errors import SessionNotFound
from interviewer.store import Store


def test_sqlite_runs_in_wal_mode_and_migrations_are_recorded(tmp_path):
    path = tmp_path / "x.db"
    store = Store(f"sqlite:///{path}")
    assert store.migrate() == []  # already applied on open
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in con.execute("SELECT name FROM _migrations")] == [
        "001_initial",
        "002_speech",
        "003_owner",
        "004_practice",
    ]


def test_an_old_database_is_migrated_without_losing_turns(tmp_path, scripted, monkeypatch):
    import interviewer.migrations as migrations_module

    path = tmp_path / "old.db"
    monkeypatch.setattr(migrations_module, "MIGRATIONS", migrations_module.MIGRATIONS[:1])
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE turns (session_id TEXT, seq INTEGER)")  # the 001 layout, minimal
    con.execute("CREATE TABLE sessions (id TEXT, persona_id TEXT)")
    con.commit()
    con.close()
    old = Store(f"sqlite:///{path}")
    old.engine.dispose()
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO turns VALUES ('s1', 0)")
    monkeypatch.undo()
    Store(f"sqlite:///{path}")
    con = sqlite3.connect(path)
    columns = [r[1] for r in con.execute("PRAGMA table_info(turns)")]
    assert "speech_json" in columns and "audio_path" in columns
    assert "owner" in [r[1] for r in con.execute("PRAGMA table_info(sessions)")]
    assert con.execute("SELECT session_id, seq FROM turns").fetchall() == [("s1", 0)]


def test_each_turn_is_a_row_as_soon_as_it_is_said(tmp_path, scripted):
    path = tmp_path / "x.db"
    store = Store(f"sqlite:///{path}")
    interview = Interview.start(persona("recruiter"), scripted, store)
    con = sqlite3.connect(path)

    def rows():
        return con.execute(
            "SELECT seq, speaker, kind FROM turns WHERE session_id=? ORDER BY seq",
            (interview.session.id,),
        ).fetchall()

    assert rows() == [(0, "interviewer", "opening")]
    interview.answer(
        "I am a student who likes building things that people actually use every "
        "day, and I would love to learn how a big team ships software to users."
    )
    assert rows() == [
        (0, "interviewer", "opening"),
        (1, "candidate", "answer"),
        (2, "interviewer", "question"),
    ]
    notes = con.execute("SELECT notes_json FROM turns WHERE seq=2").fetchone()[0]
    assert "words" in notes


def test_model_calls_are_logged(store, scripted):
    scripted.add("How did you use PyTorch for the recommender you built?")
    interview = Interview.start(persona("recruiter"), scripted, store)
    interview.answer("I built a recommender with PyTorch.")
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT purpose, response, error, prompt_json FROM llm_calls"
        ).one()
    assert row[0] == "follow_up" and row[1].startswith("How did you use PyTorch")
    assert row[2] is None and "I built a recommender with PyTorch." in row[3]


def test_sessions_are_listed_and_found_by_prefix(store, scripted):
    a = Interview.start(persona("recruiter"), scripted, store)
    b = Interview.start(persona("pitch"), scripted, store)
    listed = store.list_sessions()
    assert {r["id"] for r in listed} == {a.session.id, b.session.id}
    assert all(r["n_turns"] == 1 for r in listed)
    assert store.load(a.session.id[:6]).id == a.session.id
    with pytest.raises(SessionNotFound, match="no session 'zzz'"):
        store.load("zzz")


def test_round_trip_is_exact(store, scripted):
    interview = Interview.start(persona("manager_fit"), scripted, store)
    interview.answer(
        "I enjoy teamwork and I like to ship things that people use, with tests, "
        "reviews and a clear plan agreed with the team before we start working."
    )
    assert store.load(interview.session.id) == interview.session

"""A user's data: export and import round-trip exactly; delete removes everything."""

from __future__ import annotations

from conftest import persona
from helpers import run_cli

from interviewer.engine import Interview
from interviewer.settings import Settings
from interviewer.store import Store
from interviewer.transcript import Session


def _cli(*args, stdin=""):
    return run_cli(*args, stdin=stdin, timeout=120)


def _session(scripted) -> Session:
    store = Store(Settings().database_url())
    interview = Interview.start(persona("manager_fit"), scripted, store)
    interview.answer(
        "I like building things people use, with tests, reviews and a clear plan "
        "agreed with the team before we start working on anything at all."
    )
    return store.load(interview.session.id)


def test_export_import_round_trip_is_exact(scripted, tmp_path):
    original = _session(scripted)
    exported = _cli("export", original.id, "--format", "json", "-o", str(tmp_path / "s.json"))
    assert exported.returncode == 0, exported.stderr
    other = Store(f"sqlite:///{tmp_path / 'other.db'}")
    other.import_session(Session.model_validate_json((tmp_path / "s.json").read_text()))
    assert other.load(original.id) == original
    again = _cli("import", str(tmp_path / "s.json"))
    assert again.returncode == 2 and "already exists" in again.stderr
    copy = _cli("import", str(tmp_path / "s.json"), "--new-id")
    assert copy.returncode == 0 and "imported session" in copy.stdout
    (tmp_path / "bad.json").write_text('{"id": "x"}')
    bad = _cli("import", str(tmp_path / "bad.json"))
    assert bad.returncode == 2 and "not a session JSON: field 'persona_id'" in bad.stderr


def test_delete_removes_rows_and_audio(scripted):
    first, second = _session(scripted), _session(scripted)
    audio = Settings().data_dir / "audio" / first.id
    audio.mkdir(parents=True)
    (audio / "001.wav").write_bytes(b"RIFF")
    out = _cli("delete", first.id, "--yes")
    assert out.returncode == 0 and "deleted 1 session(s)" in out.stdout
    store = Store(Settings().database_url())
    assert store.all_ids() == [second.id] and not audio.exists()
    with store.engine.connect() as conn:
        left = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM turns WHERE session_id=?", (first.id,)
        ).scalar()
    assert left == 0
    assert _cli("delete", "--all", "--yes").returncode == 0
    assert Store(Settings().database_url()).all_ids() == []
    assert "give a SESSION id or --all" in _cli("delete").stderr

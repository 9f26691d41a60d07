"""Persistence on SQLite and on a real PostgreSQL server (started by .ci/run through
.ci/postgres.sh, which sets PG_TEST_URL): the same code, only the URL changes."""

from __future__ import annotations

import os
import uuid

import pytest
from conftest import persona
from sqlalchemy import create_engine, text

from interviewer.engine import Interview
from interviewer.store import Store

PG_URL = os.environ.get("PG_TEST_URL")
needs_pg = pytest.mark.skipif(
    PG_URL is None, reason="PG_TEST_URL unset (.ci/run starts PostgreSQL)"
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=needs_pg)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'x.db'}"
        return
    name = f"test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    yield PG_URL.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


ANSWER = (
    "I like building things that people use, with tests, reviews and a clear plan agreed "
    "with the team before we start working on anything at all."
)


def test_migrations_are_recorded_once(db_url):
    Store(db_url).engine.dispose()
    store = Store(db_url)
    assert store.migrate() == []
    with store.engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM _migrations ORDER BY name"))]
    assert names == ["001_initial", "002_speech", "003_owner", "004_practice"]


def _open_store(url: str, results) -> None:
    try:
        Store(url).close()
        results.put("ok")
    except Exception as e:  # reported to the test, which names it
        results.put(f"{type(e).__name__}: {e}")


def test_stores_opened_at_once_on_a_new_database_all_open(db_url):
    """Round 33: interviews started at once on a new data folder failed with "table
    _migrations already exists" (each process checked, then created)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [context.Process(target=_open_store, args=(db_url, results)) for _ in range(6)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    said = [results.get(timeout=5) for _ in processes]
    assert said == ["ok"] * len(processes), said
    with Store(db_url).engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT name FROM _migrations"))]
    assert sorted(names) == ["001_initial", "002_speech", "003_owner", "004_practice"]


def test_turns_are_stored_as_they_happen_and_round_trip_exactly(db_url, scripted):
    store = Store(db_url)
    interview = Interview.start(persona("manager_fit"), scripted, store)

    def rows():
        with store.engine.connect() as conn:
            return conn.execute(text("SELECT COUNT(*) FROM turns")).scalar()

    assert rows() == 1
    interview.answer(ANSWER)
    assert rows() == 3
    assert store.load(interview.session.id) == interview.session


def test_a_session_resumes_from_another_process_store(db_url, scripted):
    """Several app processes share one database: any of them can carry a session on."""
    first = Store(db_url)
    interview = Interview.start(persona("recruiter"), scripted, first)
    interview.answer(ANSWER)
    second = Store(db_url)  # another process, same database
    resumed = Interview.resume(persona("recruiter"), scripted, second, interview.session.id)
    resumed.answer(ANSWER)
    assert [t.seq for t in first.load(interview.session.id).transcript.turns] == [0, 1, 2, 3, 4]
    assert {r["id"] for r in first.list_sessions()} == {interview.session.id}


def test_import_and_delete(db_url, scripted):
    store = Store(db_url)
    interview = Interview.start(persona("pitch"), scripted, store)
    session = store.load(interview.session.id)
    store.delete(session.id)
    assert store.all_ids() == []
    store.import_session(session)
    assert store.load(session.id) == session


def test_the_session_lock_holds_across_stores_on_each_backend(db_url):
    """Issue #14.4: two processes (two Store objects here) never write one session at once:
    the second waits for the first, or is refused clearly when told not to wait."""
    import threading
    import time

    from interviewer.errors import SessionBusy

    first, second = Store(db_url), Store(db_url)
    order: list[str] = []
    with first.session_lock("abcdef123456"):
        with (
            pytest.raises(SessionBusy, match="being answered in another window"),
            second.session_lock("abcdef123456", wait=None),
        ):
            pass

        def waiter() -> None:
            with second.session_lock("abcdef123456", wait=10):
                order.append("second")

        thread = threading.Thread(target=waiter)
        thread.start()
        time.sleep(0.3)
        order.append("first done")
    thread.join(10)
    assert order == ["first done", "second"]
    with second.session_lock("other0000000", wait=None):  # other sessions are not held
        pass

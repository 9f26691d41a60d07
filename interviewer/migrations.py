"""Schema changes, applied in order and recorded in ``_migrations``: each is a function
registered with :func:`migration` under a name that is never renamed or reordered (the
history is frozen; ``tests/test_store.py`` holds it). A new change is a new function at the
end."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from .tables import llm_calls, practice_attempts, sessions, turns

Migration = Callable[[Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(name: str) -> Callable[[Migration], Migration]:
    """Register the decorated function as the next migration, under ``name``."""

    def register(fn: Migration) -> Migration:
        if any(name == done for done, _ in MIGRATIONS):
            raise ValueError(f"migration {name!r} registered twice")
        MIGRATIONS.append((name, fn))
        return fn

    return register


@migration("001_initial")
def _initial(conn: Connection) -> None:
    for table in (sessions, turns, llm_calls):  # later tables come with their migration
        table.create(conn, checkfirst=True)


@migration("002_speech")
def _speech(conn: Connection) -> None:
    """Speech metrics and audio files of spoken turns."""
    existing = {c["name"] for c in inspect(conn).get_columns("turns")}
    for name in ("speech_json", "audio_path"):
        if name not in existing:
            conn.execute(text(f"ALTER TABLE turns ADD COLUMN {name} TEXT"))


@migration("003_owner")
def _owner(conn: Connection) -> None:
    """Who a session belongs to in a shared app (None on a local install)."""
    if "owner" not in {c["name"] for c in inspect(conn).get_columns("sessions")}:
        conn.execute(text("ALTER TABLE sessions ADD COLUMN owner VARCHAR(200)"))


@migration("004_practice")
def _practice(conn: Connection) -> None:
    """New answers to a question of a past session ("practise again"), graded."""
    practice_attempts.create(conn, checkfirst=True)

"""Sessions and turns in a SQL database (SQLite by default, any SQLAlchemy URL).

Every turn is written as it happens, from the library layer, so a session killed
at any point resumes with no turn lost. The tables are in ``tables.py``; schema changes
are small named migrations (``migrations.py``) applied in order when a store opens.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (
    Engine,
    create_engine,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy import text as sql_text
from sqlalchemy.exc import SQLAlchemyError

from . import migrations
from .errors import InputError, InterviewerError, SessionBusy, SessionNotFound, redact
from .session_files import check_id
from .speech import SpeechMetrics
from .tables import llm_calls, migrations_table, practice_attempts, sessions, turns
from .transcript import CandidateProfile, Session, Transcript, Turn, utcnow


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


_MEMORY_LOCKS: dict[tuple[int, str], threading.Lock] = {}


_SESSION_COLUMNS = {"id", "persona_id", "persona_name", "model", "status", "created_at", "owner"}


class Store:
    """Read and write sessions. Opening it applies pending migrations."""

    def __init__(self, url: str):
        self.url = url
        if url.startswith("sqlite:///"):
            folder = Path(url.removeprefix("sqlite:///")).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise InterviewerError(
                    f"cannot use {folder} as the data directory: "
                    f"{'it is a file' if folder.is_file() else e.strerror}; set "
                    "INTERVIEWER_DATA_DIR (or --data-dir) to a folder"
                ) from e
        try:
            self.engine: Engine = create_engine(url, future=True)
        except (SQLAlchemyError, ImportError, ValueError) as e:
            raise InterviewerError(redact(f"cannot open database {url!r}: {e}")) from e
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    @contextmanager
    def _one_migrator(self) -> Iterator[None]:
        """One process at a time migrates a SQLite file (round 33: interviews started at once
        on a new data folder failed with "table _migrations already exists"). PostgreSQL
        takes a transaction-level advisory lock in ``migrate`` instead."""
        database = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or not database or database == ":memory:":
            yield
            return
        import fcntl

        folder = Path(database).expanduser().parent / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / "migrate.lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)  # waits for the other process to finish
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def migrate(self) -> list[str]:
        applied: list[str] = []
        try:
            with self._one_migrator(), self.engine.begin() as conn:
                if self.engine.dialect.name == "postgresql":
                    conn.execute(
                        sql_text("SELECT pg_advisory_xact_lock(hashtext('interviewer:migrate'))")
                    )
                migrations_table.create(conn, checkfirst=True)
                done = set(conn.scalars(select(migrations_table.c.name)))
                for name, fn in migrations.MIGRATIONS:
                    if name not in done:
                        fn(conn)
                        conn.execute(
                            insert(migrations_table).values(name=name, applied_at=utcnow())
                        )
                        applied.append(name)
        except SQLAlchemyError as e:
            raise InterviewerError(redact(f"cannot prepare database {self.url!r}: {e}")) from e
        return applied

    # -- one writer per session ------------------------------------------------
    @contextmanager
    def session_lock(self, session_id: str, *, wait: float | None = 30.0) -> Iterator[None]:
        """Hold the session while an answer and its reply are written, across threads,
        processes and (on PostgreSQL) machines: two answers at once are serialised, or the
        second is refused clearly (``SessionBusy``), never lost.

        PostgreSQL: an advisory lock on a connection of its own. SQLite: a lock file beside
        the database (``flock``), as every writer is on this machine. ``wait=None``: do not
        wait at all (the CLI refuses a session open in another window)."""
        check_id(session_id)
        busy = SessionBusy(
            f"session {session_id} is being answered in another window or process; "
            "finish or close it there, then try again"
        )
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:
                key = {"id": f"interviewer:{session_id}"}
                deadline = time.monotonic() + (wait or 0)
                while not conn.scalar(sql_text("SELECT pg_try_advisory_lock(hashtext(:id))"), key):
                    if time.monotonic() >= deadline:
                        raise busy
                    time.sleep(0.05)
                try:
                    yield
                finally:
                    conn.execute(sql_text("SELECT pg_advisory_unlock(hashtext(:id))"), key)
                    conn.commit()
            return
        database = self.engine.url.database
        if not database or database == ":memory:":
            lock = _MEMORY_LOCKS.setdefault((id(self), session_id), threading.Lock())
            if not lock.acquire(timeout=wait if wait is not None else 0):
                raise busy
            try:
                yield
            finally:
                lock.release()
            return
        import fcntl

        folder = Path(database).expanduser().parent / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / f"{session_id}.lock", "a+") as handle:
            deadline = time.monotonic() + (wait or 0)
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise busy from None
                    time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # -- sessions ---------------------------------------------------------------
    def create_session(self, session: Session) -> None:
        check_id(session.id)  # model_copy(update=...) skips the model's own check
        with self.engine.begin() as conn:
            conn.execute(insert(sessions).values(**self._session_row(session)))
            for turn in session.transcript.turns:
                conn.execute(insert(turns).values(**self._turn_row(session.id, turn)))

    def set_status(self, session_id: str, status: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(sessions)
                .where(sessions.c.id == session_id)
                .values(status=status, updated_at=utcnow())
            )

    @staticmethod
    def _session_row(session: Session) -> dict:
        """A session's columns: the transcript goes to ``turns``, the profile as JSON."""
        return {
            **session.model_dump(include=_SESSION_COLUMNS),
            "updated_at": utcnow(),
            "profile_json": session.profile.model_dump_json(),
        }

    @staticmethod
    def _turn_row(session_id: str, turn: Turn) -> dict:
        data = turn.model_dump(exclude={"notes", "rejected", "speech"})
        return {
            **data,
            "session_id": session_id,
            "notes_json": json.dumps(turn.notes, ensure_ascii=False),
            "rejected_json": json.dumps(turn.rejected, ensure_ascii=False),
            "speech_json": turn.speech.model_dump_json() if turn.speech else None,
        }

    def add_turn(self, session_id: str, turn: Turn) -> None:
        """Append one turn and touch the session, in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(insert(turns).values(**self._turn_row(session_id, turn)))
            conn.execute(
                update(sessions).where(sessions.c.id == session_id).values(updated_at=utcnow())
            )

    def resolve_id(self, id_or_prefix: str, *, exact: bool = False) -> str:
        """The full id of a session given its id, or (``exact=False``, the local CLI) a
        unique prefix of it. Never an empty prefix; a shared app passes ``exact=True``."""
        check_id(id_or_prefix)
        if exact:
            with self.engine.connect() as conn:
                found = conn.scalar(select(sessions.c.id).where(sessions.c.id == id_or_prefix))
            if found is None:
                raise SessionNotFound(f"no session '{id_or_prefix}'")
            return found
        with self.engine.connect() as conn:
            ids = list(
                conn.scalars(
                    select(sessions.c.id).where(
                        sessions.c.id.startswith(id_or_prefix, autoescape=True)
                    )
                )
            )
        if not ids:
            raise SessionNotFound(f"no session '{id_or_prefix}' (see `interviewer sessions`)")
        if len(ids) > 1 and id_or_prefix not in ids:
            raise SessionNotFound(
                f"'{id_or_prefix}' matches {len(ids)} sessions; give more characters"
            )
        return id_or_prefix if id_or_prefix in ids else ids[0]

    def owner(self, session_id: str) -> str | None:
        """The signed-in user a session belongs to (None on a local install), read from one
        column: checking who may reach a session must not load all its turns."""
        check_id(session_id)
        with self.engine.connect() as conn:
            row = conn.execute(select(sessions.c.owner).where(sessions.c.id == session_id)).first()
        if row is None:
            raise SessionNotFound(f"no session '{session_id}'")
        return row[0]

    def load(self, id_or_prefix: str, *, exact: bool = False) -> Session:
        session_id = self.resolve_id(id_or_prefix, exact=exact)
        with self.engine.connect() as conn:
            row = conn.execute(select(sessions).where(sessions.c.id == session_id)).mappings().one()
            turn_rows = conn.execute(
                select(turns).where(turns.c.session_id == session_id).order_by(turns.c.seq)
            ).mappings()
            loaded = [
                Turn(
                    **{
                        k: v
                        for k, v in r.items()
                        if k not in {"session_id", "notes_json", "rejected_json", "speech_json"}
                    },
                    notes=json.loads(r["notes_json"]),
                    rejected=json.loads(r["rejected_json"]),
                    speech=SpeechMetrics.model_validate_json(r["speech_json"])
                    if r["speech_json"]
                    else None,
                )
                for r in turn_rows
            ]
        return Session(
            id=row["id"],
            persona_id=row["persona_id"],
            persona_name=row["persona_name"],
            model=row["model"],
            owner=row["owner"],
            status=row["status"],
            created_at=row["created_at"],
            profile=CandidateProfile.model_validate_json(row["profile_json"]),
            transcript=Transcript(turns=loaded),
        )

    def list_sessions(self, limit: int = 50, *, owner: str | None = None) -> list[dict]:
        """Newest first: id, persona, status, dates and number of turns (only ``owner``'s
        sessions when given)."""
        counts = (
            select(turns.c.session_id, func.count().label("n_turns"))
            .group_by(turns.c.session_id)
            .subquery()
        )
        query = (
            select(sessions, func.coalesce(counts.c.n_turns, 0).label("n_turns"))
            .outerjoin(counts, counts.c.session_id == sessions.c.id)
            .order_by(sessions.c.updated_at.desc())
            .limit(limit)
        )
        if owner is not None:
            query = query.where(sessions.c.owner == owner)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def import_session(self, session: Session) -> None:
        """Store a session exported elsewhere, exactly as it was (same id, turns, status)."""
        with self.engine.connect() as conn:
            exists = conn.scalar(
                select(func.count()).select_from(sessions).where(sessions.c.id == session.id)
            )
        if exists:
            raise InputError(
                f"session {session.id} already exists (delete it first, or import with --new-id)"
            )
        self.create_session(session)

    def delete(self, session_id: str) -> None:
        """Remove a session, its turns, its logged model calls and its practice attempts."""
        with self.engine.begin() as conn:
            for table, column in (
                (turns, turns.c.session_id),
                (llm_calls, llm_calls.c.session_id),
                (practice_attempts, practice_attempts.c.session_id),
                (sessions, sessions.c.id),
            ):
                conn.execute(table.delete().where(column == session_id))

    # -- practice attempts ------------------------------------------------------------
    def add_attempt(
        self,
        session_id: str,
        seq: int,
        question: str,
        answer: str,
        scores: dict[str, float | None],
        mean: float | None,
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(practice_attempts).values(
                    session_id=session_id,
                    seq=seq,
                    question=question,
                    answer=answer,
                    scores_json=json.dumps(scores),
                    mean=mean,
                    created_at=utcnow(),
                )
            )

    def attempts(self, session_id: str, seq: int) -> list[dict]:
        """Earlier new answers to one question, oldest first."""
        query = (
            select(practice_attempts)
            .where(practice_attempts.c.session_id == session_id, practice_attempts.c.seq == seq)
            .order_by(practice_attempts.c.id)
        )
        with self.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
        for row in rows:
            row["scores"] = json.loads(row.pop("scores_json"))
        return rows

    def all_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(sessions.c.id)))

    # -- model calls -------------------------------------------------------------
    def log_llm_call(
        self,
        *,
        session_id: str | None,
        model: str,
        purpose: str,
        messages: list[dict],
        response: str | None,
        error: str | None,
        started: float,
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(llm_calls).values(
                    session_id=session_id,
                    created_at=utcnow(),
                    model=model,
                    purpose=purpose,
                    prompt_json=json.dumps(messages, ensure_ascii=False),
                    response=response,
                    error=error,
                    duration_ms=int((time.monotonic() - started) * 1000),
                )
            )

    def progress(self, session_id: str) -> tuple[int, str] | None:
        """(number of turns, status) of a session, in one cheap query; None if unknown."""
        counts = (
            select(func.count())
            .select_from(turns)
            .where(turns.c.session_id == session_id)
            .scalar_subquery()
        )
        with self.engine.connect() as conn:
            row = conn.execute(
                select(counts, sessions.c.status).where(sessions.c.id == session_id)
            ).first()
        return (int(row[0]), str(row[1])) if row else None

    def llm_call_count(self, session_id: str) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(
                select(func.count())
                .select_from(llm_calls)
                .where(llm_calls.c.session_id == session_id)
            )

    def close(self) -> None:
        self.engine.dispose()

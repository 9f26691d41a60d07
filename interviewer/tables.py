"""The database schema: the tables sessions, turns, model calls and practice attempts live
in, and the record of applied migrations. Changes to it are migrations
(``interviewer/migrations.py``), never edits of a table already shipped."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Integer, MetaData, String, Table, Text

metadata = MetaData()

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("persona_id", String(100), nullable=False),
    Column("persona_name", String(200), nullable=False, default=""),
    Column("model", String(200), nullable=False, default=""),
    Column("status", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("profile_json", Text, nullable=False),
    Column("owner", String(200)),
)

turns = Table(
    "turns",
    metadata,
    Column("session_id", String(32), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("speaker", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("stage_id", String(100), nullable=False),
    Column("stage_index", Integer, nullable=False),
    Column("question_index", Integer, nullable=False),
    Column("elapsed_s", Float, nullable=False),
    Column("duration_s", Float, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("source", String(16), nullable=False),
    Column("topic", Text),
    Column("notes_json", Text, nullable=False),
    Column("rejected_json", Text, nullable=False),
    Column("speech_json", Text),
    Column("audio_path", Text),
)

llm_calls = Table(
    "llm_calls",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", String(32)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("model", String(200), nullable=False),
    Column("purpose", String(32), nullable=False),
    Column("prompt_json", Text, nullable=False),
    Column("response", Text),
    Column("error", Text),
    Column("duration_ms", Integer, nullable=False),
)

practice_attempts = Table(
    "practice_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", String(32), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("scores_json", Text, nullable=False),
    Column("mean", Float),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

migrations_table = Table(
    "_migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

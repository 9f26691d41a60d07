"""Write a session as Markdown (visible words only) or JSON (everything, notes included,
for the grader and other tools)."""

from __future__ import annotations

from .transcript import Session

SPEAKER_LABEL = {"interviewer": "Interviewer", "candidate": "Candidate"}


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def to_text(session: Session) -> str:
    """Plain ``Interviewer:`` / ``Candidate:`` lines, one turn per paragraph."""
    return (
        "\n\n".join(f"{SPEAKER_LABEL[t.speaker]}: {t.text}" for t in session.transcript.turns)
        + "\n"
    )


def to_markdown(session: Session) -> str:
    lines = [
        f"# Interview {session.id}: {session.persona_name or session.persona_id}",
        "",
        f"- Persona: `{session.persona_id}`",
        f"- Started: {session.created_at:%Y-%m-%d %H:%M} UTC",
        f"- Model: {session.model or 'n/a'}",
        f"- Status: {session.status}",
        "",
    ]
    stage = None
    for turn in session.transcript.turns:
        if turn.stage_id != stage:
            stage = turn.stage_id
            lines += [f"## {stage}", ""]
        text = turn.text.replace("\n", "  \n")
        lines += [f"**{SPEAKER_LABEL[turn.speaker]}** ({_clock(turn.elapsed_s)}): {text}", ""]
    return "\n".join(lines)


def to_json(session: Session) -> str:
    return session.model_dump_json(indent=2)


FORMATS = {"md": to_markdown, "json": to_json, "txt": to_text}

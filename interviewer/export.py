"""Write a session as Markdown (visible words only) or JSON (everything, notes included,
for the grader and other tools)."""

from __future__ import annotations

import html

from .transcript import Session

SPEAKER_LABEL = {"interviewer": "Interviewer", "candidate": "Candidate"}


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def to_text(session: Session) -> str:
    """Plain ``Interviewer:`` / ``Candidate:`` lines, one turn per paragraph. A turn's later
    lines are indented, so a line the candidate typed as "Interviewer: ..." stays theirs
    when the file is read back (labels count only at the start of a line)."""
    return (
        "\n\n".join(
            f"{SPEAKER_LABEL[t.speaker]}: " + t.text.replace("\n", "\n  ")
            for t in session.transcript.turns
        )
        + "\n"
    )


def md_escape(text: str) -> str:
    """The candidate's words as text in Markdown: no raw HTML (``<script>`` shows, never
    runs, in any renderer) and no ``**Interviewer**`` that would read as a turn."""
    escaped = html.escape(text, quote=False).replace("*", "\\*")
    return "\n".join(
        "\\" + line if line.lstrip().startswith("#") else line for line in escaped.split("\n")
    )


def md_unescape(text: str) -> str:
    lines = [line[1:] if line.startswith("\\#") else line for line in text.split("\n")]
    return html.unescape("\n".join(lines).replace("\\*", "*"))


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
        text = md_escape(turn.text).replace("\n", "  \n")
        lines += [f"**{SPEAKER_LABEL[turn.speaker]}** ({_clock(turn.elapsed_s)}): {text}", ""]
    return "\n".join(lines)


def to_json(session: Session) -> str:
    return session.model_dump_json(indent=2)


FORMATS = {"md": to_markdown, "json": to_json, "txt": to_text}

"""Read a transcript made elsewhere: plain ``Interviewer:`` / ``Candidate:`` lines, our
Markdown export, or our JSON. A malformed file gets an error that names the line."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import ValidationError

from ..errors import InputError
from ..export import md_unescape
from ..personas import Persona
from ..text import clean, speaking_seconds
from ..transcript import Session, Transcript, Turn

# Labels count at the start of a line only: our text export indents a turn's later lines,
# so "Interviewer: ..." typed inside an answer stays part of it.
_PLAIN = re.compile(r"^(interviewer|candidate|q|a)\s*:\s*(.*)$", re.I)
_MARKDOWN = re.compile(r"^\s*\*\*(interviewer|candidate)\*\*\s*(?:\([\d:]+\))?\s*:\s*(.*)$", re.I)
_OTHER_LABEL = re.compile(r"^\s*([A-Z][\w .'-]{0,30})\s*:\s")
_SPEAKERS = {
    "interviewer": "interviewer",
    "q": "interviewer",
    "candidate": "candidate",
    "a": "candidate",
}


def _turns_from_lines(text: str, path: str) -> list[tuple[str, str]]:
    # Our Markdown export: only its bold labels start a turn, and its escapes are undone.
    ours = text.startswith("# Interview ")
    turns: list[list[str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        m = _MARKDOWN.match(line) or (None if ours else _PLAIN.match(line))
        if m:
            turns.append([_SPEAKERS[m.group(1).lower()], m.group(2).strip()])
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or (not turns and stripped.startswith("- ")):
            continue  # blank lines, Markdown headings, the export's header bullets
        if not turns:
            raise InputError(
                f"{path}, line {number}: expected a line starting with 'Interviewer:' or "
                f"'Candidate:', got {stripped[:60]!r}"
            )
        other = None if ours else _OTHER_LABEL.match(line)
        if other and other.group(1).lower() not in _SPEAKERS and len(stripped) < 200:
            raise InputError(
                f"{path}, line {number}: unknown speaker {other.group(1)!r} "
                "(use 'Interviewer:' and 'Candidate:')"
            )
        turns[-1][1] = f"{turns[-1][1]}\n{stripped}".strip()
    if ours:
        turns = [[speaker, md_unescape(body)] for speaker, body in turns]
    return [(speaker, body) for speaker, body in turns if body.strip()]


def _session_from_pairs(
    pairs: list[tuple[str, str]], persona: Persona | None, path: str
) -> Session:
    if not any(s == "candidate" for s, _ in pairs):
        raise InputError(f"{path}: no 'Candidate:' turn to grade")
    monologue = persona is not None and persona.is_pitch
    turns, elapsed, answers = [], 0.0, 0
    for seq, (speaker, body) in enumerate(pairs):
        text = clean(body)
        # In a pitch, the first answer is the presentation; the rest are questions on it.
        stage = 0 if (not monologue or answers == 0) else min(1, len(persona.stages) - 1)
        duration = speaking_seconds(text)
        elapsed += duration
        turns.append(
            Turn(
                seq=seq,
                speaker=speaker,
                text=text,
                kind="answer" if speaker == "candidate" else "follow_up",
                stage_id=persona.stages[stage].id if persona else "imported",
                stage_index=stage,
                question_index=0,
                elapsed_s=elapsed,
                duration_s=duration,
                source="candidate" if speaker == "candidate" else "plan",
            )
        )
        answers += speaker == "candidate"
    return Session(
        persona_id=persona.id if persona else "imported",
        persona_name=persona.name if persona else "",
        status="finished",
        transcript=Transcript(turns=turns),
    )


#: A session export with its word timings stays well under this; the spoken text of a
#: 45-minute interview is about 40 KB (grading time grows with the text).
MAX_TRANSCRIPT_BYTES = 20_000_000
MAX_GRADED_CHARS = 1_000_000


def load_transcript(path: Path, persona: Persona | None = None) -> Session:
    """A Session from a file in any of the three formats (guessed from the content)."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_TRANSCRIPT_BYTES:
            raise InputError(
                f"{Path(path).name} is {size / 1e6:.0f} MB; transcripts are limited to "
                f"{MAX_TRANSCRIPT_BYTES // 1_000_000} MB"
            )
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise InputError(f"transcript not found: {path}") from e
    except UnicodeDecodeError as e:
        raise InputError(f"{path} is not UTF-8 text") from e
    session = _parse(text, path, persona)
    said = sum(len(t.text) for t in session.transcript.turns)
    if said > MAX_GRADED_CHARS:
        raise InputError(
            f"{Path(path).name} holds {said:,} characters of conversation; grading takes at "
            f"most {MAX_GRADED_CHARS:,} (about 40 hours of speech): split it"
        )
    return session


def _parse(text: str, path: Path, persona: Persona | None) -> Session:
    if text.lstrip().startswith("{"):
        try:
            return Session.model_validate(json.loads(text))
        except json.JSONDecodeError as e:
            raise InputError(f"{path}, line {e.lineno}: invalid JSON: {e.msg}") from e
        except ValidationError as e:
            first = e.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{path}: not a session JSON: field '{loc}': {first['msg']}") from e
    return _session_from_pairs(_turns_from_lines(text, str(path)), persona, str(path))

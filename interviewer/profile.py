"""Build a CandidateProfile from CV and job-offer text, so questions can name the
candidate's projects, the role and the track (research vs engineering)."""

from __future__ import annotations

import re

from .phrases import Phrases
from .text import clean, shorten
from .topics import lexicon_terms
from .transcript import CandidateProfile

_P = Phrases("profile")

MAX_TEXT = 20_000


def project_phrase(title: str) -> str:
    """A CV line as an interviewer would name it: "ML intern, BetSmart (2025, 6 months)"
    becomes "your BetSmart internship"; a project title stays as it is."""
    title = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", title).strip(" ,;-")
    parts = [p.strip() for p in re.split(r",|\s+at\s+|\s+@\s+|\s+chez\s+", title) if p.strip()]
    if len(parts) >= 2 and _P.role_words.search(parts[0]):
        company = parts[1]
        kind = "internship" if re.search(r"intern|stag", parts[0], re.I) else "work"
        return f"your {company} {kind}" if kind == "internship" else f"your work at {company}"
    if len(parts) >= 2 and _P.role_words.search(parts[1]):
        kind = "internship" if re.search(r"intern|stag", parts[1], re.I) else "work"
        return f"your {parts[0]} {kind}" if kind == "internship" else f"your work at {parts[0]}"
    return title


def _project_names(cv: str) -> list[str]:
    """Titles of the bullets in the CV's project/experience sections (before ':' or ' - ')."""
    names: list[str] = []
    for heading in _P.project_heading.finditer(cv):
        section = cv[heading.end() :]
        next_heading = re.search(r"^\s*#+\s|\n\s*\n\s*[A-Z][A-Za-z ]+\n", section)
        if next_heading:
            section = section[: next_heading.start()]
        for bullet in _P.bullet.finditer(section):
            title = re.split(r"\s*[:–—]\s*|\s+-\s+|\.\s", bullet.group(1))[0].strip()
            title = project_phrase(title)
            if 2 <= len(title) <= 60 and title not in names:
                names.append(title)
    return names[:8]


def _track(job: str, cv: str) -> str | None:
    text = job or cv
    if not text:
        return None
    research = len(_P.research.findall(text))
    engineering = len(_P.engineering.findall(text))
    if research and engineering and max(research, engineering) < 2 * min(research, engineering):
        return "hybrid"
    if research > engineering:
        return "research"
    if engineering > research:
        return "engineering"
    return None


def build_profile(cv_text: str = "", job_text: str = "") -> CandidateProfile:
    cv = shorten(clean(cv_text), MAX_TEXT)
    job = shorten(clean(job_text), MAX_TEXT)
    role = company = None
    if m := _P.role.search(job):
        role = (m.group(1) or m.group(2)).strip()
    if m := _P.company.search(job):
        company = (m.group(1) or m.group(2)).strip().rstrip(".")
    return CandidateProfile(
        cv_text=cv,
        job_text=job,
        projects=_project_names(cv),
        role=role,
        company=company,
        track=_track(job, cv),  # type: ignore[arg-type]
        terms=lexicon_terms(cv)[:15],
    )


def cv_names(cv_text: str, limit: int = 12) -> list[str]:
    """Acronyms and brand-like names on the CV ("MVA", "BetSmart", "PyTorch"): the words a
    speech recogniser mishears unless its prompt names them."""
    names: list[str] = []
    for m in _P.name.finditer(cv_text):
        if m.group(0) not in names:
            names.append(m.group(0))
    return names[:limit]

"""Prompts are text files in ``interviewer/prompts``; this module fills them in.

The persona becomes the system message (who is talking); the stage task is a
separate message (what to do now). Candidate text is inserted as quoted data,
shortened, with the quoting delimiters neutralised.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from string import Template

from .personas import Persona, Stage
from .text import shorten
from .transcript import CandidateProfile

PROMPT_ANSWER_LIMIT = 1500
LANGUAGE_NAMES = {"en": "English", "fr": "French"}


@cache
def template(name: str) -> Template:
    text = resources.files("interviewer").joinpath(f"prompts/{name}.md").read_text("utf-8")
    return Template(text)


def quote(text: str, limit: int = PROMPT_ANSWER_LIMIT) -> str:
    """Candidate text as inert data for a prompt."""
    text = text.replace("<<<", "‹‹‹").replace(">>>", "›››")
    return shorten(text, limit)


def profile_summary(profile: CandidateProfile) -> str:
    parts = []
    if profile.role:
        parts.append(f"The candidate applies for: {profile.role}.")
    if profile.track:
        parts.append(f"Track: {profile.track}.")
    if profile.projects:
        parts.append(f"Projects on the CV: {', '.join(profile.projects[:5])}.")
    if profile.terms:
        parts.append(f"Skills on the CV: {', '.join(profile.terms[:8])}.")
    return " ".join(parts)


def system_prompt(persona: Persona, profile: CandidateProfile) -> str:
    return template("system").safe_substitute(
        name=persona.name,
        role=persona.role,
        company=" ".join(persona.company.split()),
        tone=persona.tone,
        language_name=LANGUAGE_NAMES.get(persona.language, persona.language),
        listens_for="; ".join(persona.listens_for) or "clear, specific answers",
        profile=profile_summary(profile),
    )


def task_prompt(
    name: str, stage: Stage, *, question: str = "", answer: str = "", topic: str | None = None
) -> str:
    return template(name).safe_substitute(
        stage_goal=stage.goal.strip(),
        question=question,
        answer=quote(answer),
        topic=topic or "what they just said",
    )


def answer_prefix(name: str, stage: Stage, *, question: str, heard: str) -> str:
    """The beginning of a task prompt, up to the candidate's words heard so far: what a
    model can read while the candidate is still speaking. Only the head of a long answer
    is kept (the part :func:`quote` keeps of the whole answer, whatever follows)."""
    head, _, _ = template(name).template.partition("$answer")
    heard = quote(heard, limit=10**9)[: int(PROMPT_ANSWER_LIMIT * 0.7)]
    return Template(head).safe_substitute(stage_goal=stage.goal.strip(), question=question) + heard


def retry_prompt(problems: list[str]) -> str:
    return template("retry").safe_substitute(problems="; ".join(problems))

"""Personas: who the interviewer is and what they plan to ask, as YAML validated by pydantic.

A user adds a persona by dropping a YAML file in a personas directory; no code changes.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .datadirs import search_path, yaml_files
from .errors import ConfigError
from .lines import line, lines
from .text import RegexText
from .yamlfile import load_model

#: Placeholders a question may use; filled from the candidate profile and the interview.
PLACEHOLDERS = frozenset({"project", "role", "company", "track", "topic", "team_topics"})

SLUG = r"^[a-z0-9][a-z0-9_-]*$"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _one_line_descriptions(schema: dict[str, Any]) -> None:
    """Field docstrings keep their line breaks; the JSON Schema shows each as one line."""
    for prop in schema.get("properties", {}).values():
        if "description" in prop:
            prop["description"] = " ".join(prop["description"].split())


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_attribute_docstrings=True,
        json_schema_extra=_one_line_descriptions,
    )


#: Wordings said in turn, each at most once an interview.
Wordings = Annotated[list[str], Field(min_length=1)]
_DEFAULT = "Left out: the persona language's own (interviewer/data/lines/<language>.yaml)."
#: The languages a persona may speak: each has its lines in interviewer/data/lines/.
Language = Literal["en", "fr"]

#: What the interviewer asks: a sentence or two, never a page.
QuestionText = Annotated[str, Field(min_length=5, max_length=400)]


class Question(_Strict):
    """One planned question. ``text`` may use placeholders; ``generic`` is asked when
    a placeholder has no value (no CV given, no concept mentioned yet)."""

    text: QuestionText
    generic: QuestionText | None = None
    kind: Literal[
        "open",
        "behavioural",
        "preference",
        "technical",
        "case",
        "probe",
        "coding",
        "pitch",
        "logistics",
    ] = "open"
    max_follow_ups: int | None = Field(default=None, ge=0, le=5)
    same_topic: bool = False
    """{topic} is the one the previous question of the stage asked about ("Let's stay on
    {topic}"), not the next one the candidate mentioned.
    """
    options: list[str] = []
    """For a preference question: the choices it offers (a question using {team_topics} offers
    the persona's team topics).
    """
    rephrase: QuestionText | None = None
    """The same question in other words: asked once when an answer missed the point or the
    candidate asked something back (never the same words twice).
    """
    deeper: QuestionText | None = None
    """Asked instead when an earlier answer already gave what this question asks for (it may use
    {project}).
    """
    answered_if: list[str] = []
    """Phrases that, in an earlier answer, mean this question is already answered (e.g. 'by the
    end of the internship').
    """
    deeper_answered_if: list[str] = []
    """Phrases that, in an earlier answer, mean the deeper question is answered too: the
    question is then skipped (round 11: a strong candidate asked three times how
    distributional RL works).
    """
    spare: bool = False
    """Asked only while its stage has used less than half of its minutes: a question for a
    candidate who answers fast (round 32: a technical interview announced as about an hour
    reached the candidate's questions after 7 to 12 minutes of speaking)."""

    @model_validator(mode="after")
    def _check_placeholders(self) -> Question:
        for field in ("text", "generic", "rephrase", "deeper"):
            value = getattr(self, field)
            if value is None:
                continue
            unknown = _placeholders(value) - PLACEHOLDERS
            if unknown:
                raise ValueError(
                    f"{field} uses unknown placeholder(s) {sorted(unknown)}; "
                    f"allowed: {sorted(PLACEHOLDERS)}"
                )
        if _placeholders(self.text) and self.generic is None:
            raise ValueError("a question with placeholders needs a 'generic' version")
        if self.generic and _placeholders(self.generic) - {"team_topics"}:
            raise ValueError("'generic' may only use the {team_topics} placeholder")
        for field in ("rephrase", "deeper"):
            value = getattr(self, field)
            if value and not value.rstrip().endswith("?"):
                raise ValueError(f"{field} must be a question (end with '?')")
        if self.rephrase and _placeholders(self.rephrase) - {"team_topics"}:
            raise ValueError("'rephrase' may only use the {team_topics} placeholder")
        if self.deeper and _placeholders(self.deeper) - {"project", "team_topics"}:
            raise ValueError("'deeper' may only use the {project} and {team_topics} placeholders")
        for field in ("text", "generic", "rephrase", "deeper"):
            value = getattr(self, field)
            if value and value.count("?") > 1:
                raise ValueError(f"{field} asks more than one question; split it")
        return self


class Stage(_Strict):
    """A part of the interview with its own time budget and task for the model."""

    id: str = Field(pattern=SLUG)
    title: str
    minutes: float = Field(gt=0, le=180)
    kind: Literal["questions", "monologue", "candidate_questions"] = "questions"
    transition: str | None = Field(
        default=None,
        max_length=200,
        description="Said when the interview enters this stage (default: \"Let's talk about "
        '<title>.").',
    )
    goal: str = Field(min_length=5, description="What the interviewer does in this stage.")
    questions: list[Question] = Field(min_length=1)
    answer_fallback: str | None = None
    """Reply to a candidate's question when the model gives no usable answer
    (candidate_questions stages).
    """

    @model_validator(mode="after")
    def _check_kind(self) -> Stage:
        if self.kind == "candidate_questions" and not self.answer_fallback:
            raise ValueError("a candidate_questions stage needs 'answer_fallback'")
        if self.questions[0].spare:
            raise ValueError("a stage's first question opens it: it cannot be 'spare'")
        return self


class Template(_Strict):
    """A follow-up that needs no model, filled with a topic from the answer. It is used only
    when the filled sentence is true to the answer: ``fits`` says which topics read right in
    it, ``needs_use`` that the candidate must have said they used or chose the topic."""

    text: str = Field(min_length=5, max_length=300)
    fits: Literal["any", "concept", "named"] = "any"
    """concept: a technical term (LoRA, likelihood); named: a project, product or company
    (BetSmart, CodeCarbon); any: both.
    """
    needs_use: bool = Field(
        default=False, description="Only when the answer says the candidate used or chose it."
    )
    asks_explanation: bool = False
    """Asks how the topic works: not used when the answer already explained it."""
    skip_if: RegexText | None = None
    """A regular expression: when the answer matches it, the template would ask for what was
    just said (e.g. 'what was your own part?' after 'I built ...').
    """

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value

    @field_validator("text")
    @classmethod
    def _has_topic(cls, value: str) -> str:
        if _placeholders(value) != {"topic"}:
            raise ValueError("must use exactly the {topic} placeholder")
        if value.count("?") != 1:
            raise ValueError("must ask exactly one question")
        return value


class Fact(_Strict):
    """Something the interviewer can tell the candidate, found by its keywords."""

    about: list[str] = Field(min_length=1, description="Keywords of the questions it answers.")
    answer: str = Field(min_length=5, max_length=500)

    @field_validator("answer")
    @classmethod
    def _no_question(cls, value: str) -> str:
        if "?" in value:
            raise ValueError("a fact answers; it must not ask a question")
        return value


class VaguePush(_Strict):
    """One push for something concrete after a hedged, empty answer to a question that
    matches ``when`` (round 10: "hard to say what was mine exactly" was thanked and the
    topic changed)."""

    when: RegexText = Field(min_length=1, description="A regular expression on the question.")
    text: str = Field(min_length=5, max_length=200)

    @field_validator("text")
    @classmethod
    def _one_question(cls, value: str) -> str:
        if value.count("?") != 1 or not value.endswith("?"):
            raise ValueError("must ask exactly one question, at the end")
        return value


def _default_vague_pushes() -> list[VaguePush]:
    """English pushes, for a policy built without a persona (a persona gets its language's)."""
    return [VaguePush.model_validate(push) for push in line("en", "follow_up_after_vague")]


class FollowUpPolicy(_Strict):
    """How the interviewer digs into an answer."""

    max_per_question: int = Field(default=1, ge=0, le=5)
    templates: list[Template] = Field(
        min_length=1,
        description="Follow-ups that need no capable model, each with a {topic} placeholder.",
    )
    vague_templates: Wordings | None = None
    """Follow-ups for short answers where no topic could be found. Left out: the persona
    language's own (interviewer/data/lines/<language>.yaml).
    """
    min_answer_words: int = Field(
        default=25, ge=0, description="Answers shorter than this are followed up as vague."
    )
    fallback: Literal["template", "next_question"] = "next_question"
    """When no rule follows up and the model writes nothing usable: the next planned question
    (round 17: 77% of turns plausible, against 65-68% with templates in rounds 13-16;
    docs/evaluation.md), or a template follow-up.
    """

    prefer: Literal["concepts", "named"] = "concepts"
    """Which topics of an answer to follow up first: technical concepts (an engineer, a
    researcher) or named projects, companies and products (a manager, a recruiter).
    """
    after_story: Wordings | None = None
    """Asked after a behavioural story that has no outcome or lesson (STAR's result), each at
    most once an interview. Left out: the persona language's own
    (interviewer/data/lines/<language>.yaml).
    """
    after_short_story: Wordings | None = None
    """Asked after a behavioural story told in a line or two (round 9: "in the end we did PPO. I
    think it was fine" got nothing more), each at most once. Left out: the persona language's
    own (interviewer/data/lines/<language>.yaml).
    """
    after_vague: list[VaguePush] = Field(
        default_factory=_default_vague_pushes,
        description="Pushes for something concrete after a hedged answer that says nothing "
        "definite (two hedges or more, no figure), the first whose `when` matches the question; "
        "each at most once an interview. " + _DEFAULT,
    )
    press_for_detail: Wordings | None = None
    """Asked once when a question asks how something works and the answer stays vague (a name
    and an adjective, no mechanism): the bluff a real interviewer presses on. {topic} is the
    concept asked about, else the first one the answer names; a wording without it is for
    answers that name none. Left out: the persona language's own
    (interviewer/data/lines/<language>.yaml).
    """
    after_noise_doubt: Wordings | None = None
    """Asked once when the candidate doubts a result from a few runs ("three runs, 5 percent
    better, I don't know if it's real"): the research follow-up a scientist makes (round 20:
    the next topic came instead). Left out: the persona language's own
    (interviewer/data/lines/<language>.yaml).
    """
    push_for_choice: Wordings | None = None
    """Asked once when a preference question gets no clear choice; each wording at most once an
    interview. Left out: the persona language's own (interviewer/data/lines/<language>.yaml).
    """

    @field_validator("push_for_choice", mode="before")
    @classmethod
    def _one_or_more(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


_FOLLOW_UP_DEFAULTS = (
    "vague_templates",
    "after_vague",
    "after_story",
    "after_short_story",
    "press_for_detail",
    "after_noise_doubt",
    "push_for_choice",
)


class Persona(_Strict):
    """An interviewer: role (who is talking) kept apart from stages (what to do now)."""

    id: str = Field(pattern=SLUG)
    name: str
    role: str
    company: str = Field(description="Company and team context the interviewer can talk about.")
    language: Language = "en"
    tone: str
    summary: str = Field(description="One line shown in `interviewer personas`.")
    listens_for: list[str] = Field(default_factory=list)
    team_topics: list[str] = Field(default_factory=list)
    track: Literal["engineering", "research"] | None = None
    """The track this interviewer hires for, when the candidate's profile names none: the report
    fits hybrid framing to it (research framing is right with a research scientist).
    """
    opening: str = Field(description="Greeting; the first planned question follows it.")
    stages: list[Stage] = Field(min_length=1)
    follow_up: FollowUpPolicy
    acknowledgements: Wordings | None = None
    """Said before the next planned question when the model gives nothing usable. Left out: the
    persona language's own (interviewer/data/lines/<language>.yaml).
    """
    closing: str
    facts: list[Fact] = []
    """What the interviewer can answer when the candidate asks (team, process, internship);
    anything else gets ``unknown_answer``.
    """
    unknown_answer: str | None = None
    """The reply to a candidate's question no fact answers. Left out: the persona language's own
    (interviewer/data/lines/<language>.yaml).
    """

    @model_validator(mode="before")
    @classmethod
    def _language_defaults(cls, data: object) -> object:
        """Wordings the file leaves out, in the persona's language (a French persona gets
        French pushes, not the English ones). An unknown language is left to the field's
        own error."""
        if not isinstance(data, dict) or data.get("language", "en") not in get_args(Language):
            return data
        said = lines(data.get("language", "en"))
        data = dict(data)
        follow_up = data.get("follow_up")
        if isinstance(follow_up, dict):
            data["follow_up"] = {
                **{name: list(said[f"follow_up_{name}"]) for name in _FOLLOW_UP_DEFAULTS},
                **{k: v for k, v in follow_up.items() if v is not None},
            }
        for name in ("acknowledgements", "unknown_answer"):
            if data.get(name) is None:
                value = said[name]
                data[name] = value if isinstance(value, str) else list(value)
        return data

    @model_validator(mode="after")
    def _unique_stage_ids(self) -> Persona:
        seen: set[str] = set()
        for stage in self.stages:
            if stage.id in seen:
                raise ValueError(f"stage id '{stage.id}' is used twice")
            seen.add(stage.id)
        if (
            "team_topics"
            in {p for s in self.stages for q in s.questions for p in _placeholders(q.text)}
            and not self.team_topics
        ):
            raise ValueError("questions use {team_topics} but 'team_topics' is empty")
        return self

    @property
    def is_pitch(self) -> bool:
        """A timed presentation (a monologue stage) comes first: the one answer to "is this
        a pitch?" for the web app's screens, the grader and imported transcripts."""
        return bool(self.stages) and self.stages[0].kind == "monologue"

    @property
    def total_minutes(self) -> float:
        return sum(stage.minutes for stage in self.stages)


def builtin_personas_dir() -> Path:
    """The built-in personas (``personas/`` in the repository, shipped inside the package)."""
    from .bundled import directory

    return directory("personas")


def persona_dirs(extra: list[Path] | None = None, configured: str | None = None) -> list[Path]:
    """Search order: directories given on the command line, then the configured ones
    (``INTERVIEWER_PERSONAS_DIR``, os.pathsep-separated), then the built-in ones.
    Earlier directories override later ones for the same persona id."""
    return search_path("personas", extra, configured)


def load_persona_file(path: Path) -> Persona:
    return load_model(path, Persona, defaults={"id": Path(path).stem})


def discover(dirs: list[Path]) -> dict[str, Path]:
    """Map persona id to file, the first directory winning."""
    found: dict[str, Path] = {}
    for directory in dirs:
        if not directory.is_dir():
            raise ConfigError("the personas folder does not exist", path=str(directory))
        for path in yaml_files(directory):
            found.setdefault(path.stem, path)
    return found


def load_persona(name_or_path: str, dirs: list[Path] | None = None) -> Persona:
    """Load a persona by id (searched in ``dirs``) or by path to a YAML file."""
    candidate = Path(name_or_path)
    if candidate.suffix in {".yaml", ".yml"} and candidate.exists():
        return load_persona_file(candidate)
    found = discover(dirs if dirs is not None else persona_dirs())
    if name_or_path not in found:
        available = ", ".join(sorted(found)) or "none"
        raise ConfigError(f"unknown persona '{name_or_path}' (available: {available})")
    return load_persona_file(found[name_or_path])


def load_all(dirs: list[Path] | None = None) -> tuple[list[Persona], list[ConfigError]]:
    """Every persona that loads, and the errors of those that do not."""
    personas: list[Persona] = []
    errors: list[ConfigError] = []
    for path in discover(dirs if dirs is not None else persona_dirs()).values():
        try:
            personas.append(load_persona_file(path))
        except ConfigError as e:
            errors.append(e)
    return personas, errors

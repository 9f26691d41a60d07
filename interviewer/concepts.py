"""What a correct explanation of a concept says, from ``data/concepts.yaml``.

One file serves two readers. The grader counts the *facets* an answer covers. The
interviewer reads the *checks*: a key fact each, with the question a technical interviewer
asks when an explanation leaves it out. A confidently wrong answer ("LoRA is long-range
attention", "the ELBO is an upper bound, so we minimise it") rarely states the right key
fact, so asking for it is how the interviewer stops accepting it, without having to judge
correctness (the embedded models cannot: see docs/evaluation.md).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError
from .phrases import Phrases

_P = Phrases("concepts")


def _a_question(value: str) -> str:
    if not value.rstrip().endswith("?"):
        raise ValueError("a question the interviewer asks ends with '?'")
    return value


#: What the interviewer asks: one sentence or two, ending with a question mark.
Question = Annotated[str, Field(min_length=10), AfterValidator(_a_question)]


class Check(BaseModel):
    """A key fact of a correct explanation, and the question that asks for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    said: tuple[str, ...] = Field(
        min_length=1, description="Phrases that state the fact (any one, case-insensitive)."
    )
    ask: Question = Field(description="The question when none of them is said.")
    fact: str | None = Field(
        default=None,
        min_length=10,
        description="The fact in one sentence, said when the answer to the question still "
        "does not state it.",
    )


class Deeper(BaseModel):
    """A question one level past a complete explanation, as an interviewer asks a strong
    candidate (round 27: every topic got one question and the hour took 12 minutes)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ask: Question
    answered_if: tuple[str, ...] = Field(
        default=(),
        description="Phrases that, in any answer so far, mean it was already covered.",
    )


class Concept(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    triggers: tuple[str, ...] = Field(min_length=1)
    facets: tuple[tuple[str, ...], ...] = ()
    checks: tuple[Check, ...] = ()
    deeper: tuple[Deeper, ...] = ()


_FILE = "data/concepts.yaml"


@lru_cache(maxsize=1)
def concepts() -> tuple[Concept, ...]:
    path = resources.files("interviewer").joinpath(_FILE)
    try:
        raw = yaml.safe_load(path.read_text("utf-8"))["concepts"].items()
    except (KeyError, TypeError, AttributeError, yaml.YAMLError) as e:
        raise ConfigError(
            f"invalid concepts file (a 'concepts:' mapping): {e}", path=str(path)
        ) from e
    found = []
    for name, body in raw:
        try:
            found.append(Concept.model_validate({"name": name, **(body or {})}))
        except (ValidationError, TypeError) as e:
            raise ConfigError(f"invalid concept '{name}': {e}", path=str(path)) from e
    return tuple(found)


def mentions(text: str, phrase: str) -> bool:
    """``phrase`` in ``text`` as whole words ("ner" is not in "inner")."""
    return re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text, re.I) is not None


@lru_cache(maxsize=512)
def concept_asked(question: str, *, graded: bool = False) -> Concept | None:
    """The concept a question is about: the most specific trigger wins
    ("per-token classification head on a transformer" is about the head). ``graded``: only
    concepts with facets, the ones the grader counts."""
    best, best_len = None, 0
    for concept in concepts():
        if graded and not concept.facets:
            continue
        for trigger in concept.triggers:
            if len(trigger) > best_len and mentions(question, trigger):
                best, best_len = concept, len(trigger)
    return best


def concept_coverage(concept: Concept, answer: str, question: str = "") -> tuple[int, list[str]]:
    """Facets of the concept the answer covers; echoing the question's own words is not
    explaining, so phrases already in the question do not count."""
    lowered, asked = answer.lower(), question.lower()
    covered = []
    for facet in concept.facets:
        said = next((p for p in facet if p.lower() in lowered and p.lower() not in asked), None)
        if said is not None:
            covered.append(said)  # as the candidate said it, not the facet's first name
    return len(covered), covered


def key_fact_question(question: str, answer: str, **options: Any) -> tuple[Concept, Check] | None:
    """For a question asking how a concept works, the check whose fact ``answer`` leaves
    out, with its concept; None when nothing is missing or the question asks something else
    (limits, results, alternatives: other facts answer those). ``options`` are
    :func:`missing_check`'s (``earlier``: what the candidate said before; ``skip``; ``hint``)."""
    if not (_P.asks_how.search(question) or _P.asks_what.search(question)) or _P.not_how.search(
        question
    ):
        return None
    concept = concept_asked(question)
    if concept is None:
        return None
    check = missing_check(concept, answer, **options)
    return (concept, check) if check is not None else None


def missing_check(
    concept: Concept,
    answer: str,
    *,
    earlier: str = "",
    skip: set[str] | frozenset[str] = frozenset(),
    hint: bool = False,
) -> Check | None:
    """The first check whose fact neither ``answer`` nor ``earlier`` states (and whose
    question is not in ``skip``): what to ask next. Substrings, so "sorted" states "sort".

    A full answer that states most of the key facts knows the concept: asking it for the
    one left (said in other words, as often as not) is asking what was answered (round 8).
    Chosen on the tuning half: it cuts the questions after correct answers there (52% to
    34%) and keeps every wrong answer caught (94%). ``hint``: the candidate said they do not
    know the rest, so the fact left is asked for, however much was said."""
    said = f"{earlier} {answer}"
    stated = sum(states(check, said) for check in concept.checks)
    if not hint and stated * 2 > len(concept.checks) and len(answer.split()) >= _RICH_WORDS:
        return None
    for check in concept.checks:
        if check.ask not in skip and not states(check, said):
            return check
    return None


#: Words from which an answer stating most key facts is taken as knowing the concept.
_RICH_WORDS = 40


def _undecided_around(lowered: str, start: int) -> bool:
    """Whether the sentence holding ``start``, or the one after it, weighs options."""
    begin = max(lowered.rfind(". ", 0, start), lowered.rfind("? ", 0, start)) + 1
    ends = [m.end() for m in _P.sentence_end.finditer(lowered, start)][:2] or [len(lowered)]
    if _P.undecided.search(lowered[begin : ends[0]]):
        return True
    # "They are frozen? Or maybe they are updated slowly": a guess, then the other option
    # (not "There's a reward model, then PPO. Or DPO...", where the option is PPO's).
    following = lowered[ends[0] : ends[1]] if len(ends) > 1 else ""
    guessed = lowered[begin : ends[0]].rstrip().endswith("?")
    return guessed and bool(re.match(r"\s*or\b", following))


def states(check: Check, text: str) -> bool:
    """Whether ``text`` states the check's fact: one of its phrases, not negated just before
    ("no sorting needed" does not state "sort"), nor one of two options left open."""
    lowered = text.lower()
    for phrase in check.said:
        start = lowered.find(phrase.lower())
        while start != -1:
            if not _P.negation.search(
                lowered[max(0, start - 25) : start]
            ) and not _undecided_around(lowered, start):
                return True
            start = lowered.find(phrase.lower(), start + 1)
    return False


def deeper_question(concept: Concept, answers: list[str], asked: list[str]) -> str | None:
    """The concept's first deeper question neither asked nor covered by any answer."""
    said = " ".join(answers).lower()
    for item in concept.deeper:
        if item.ask in asked or any(cue.lower() in said for cue in item.answered_if):
            continue
        return item.ask
    return None


def check_asked(question: str) -> Check | None:
    """The check whose question ``question`` asks, if any."""
    for concept in concepts():
        for check in concept.checks:
            if check.ask in question:
                return check
    return None

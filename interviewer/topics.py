"""Find what an answer is about, so a follow-up can name it without a capable model.

Sources, most specific first: the technical-term lexicon (``data/terms.yaml``),
the candidate's own project names, then named things (CamelCase, acronyms,
capitalised names inside a sentence).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from .phrases import Phrases
from .text import EN_STOPWORDS, FR_STOPWORDS

_P = Phrases("topics")

_COMMON_CAPS = frozenset(
    """I I'm I've I'd I'll OK Okay Yes No So Then Also And But The A An In On At
    For With My We Our It This That There They He She You Your Thanks Thank Well
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December English French
    Bonjour Merci Hi Hello Sure Actually Basically""".split()
)
_STOP = EN_STOPWORDS | FR_STOPWORDS
_ACRONYM_STOP = frozenset(
    {
        "CV",
        "OK",
        "PS",
        "AM",
        "PM",
        "US",
        "UK",
        "EU",
        "FAQ",
        "TBD",
        "ETC",
        "PROMPT",
        "SYSTEM",
        "NOTE",
        "NOTES",
        "IGNORE",
        "SCORE",
        "GRADE",
        "RULES",
        "ADMIN",
        "TODO",
        "ALL",
        "NOW",
        "NEW",
        "YES",
        "NO",
        "NOT",
        "THE",
        "AND",
        "YOU",
        "MY",
        "HR",
        # Metrics are what a project measured, not the project (round 35: "Looking back at
        # MAPE, what would you do differently?").
        "MAPE",
        "RMSE",
        "MAE",
        "MSE",
        "NDCG",
        "BLEU",
        "ROUGE",
        "IQM",
        "KPI",
        "KPIS",
    }
)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern, dict[str, str]]:
    """One regex over every alias (longest first, so 'distributional RL' beats 'RL'),
    and the canonical name of each alias."""
    raw = yaml.safe_load(
        resources.files("interviewer").joinpath("data/terms.yaml").read_text(encoding="utf-8")
    )
    canonical: dict[str, str] = {}
    for line in raw["terms"]:
        names = [n.strip() for n in line.split("|") if n.strip()]
        for name in names:
            canonical.setdefault(name.lower(), names[0])
    alternatives = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])", re.I
    )
    return pattern, canonical


def lexicon_terms(text: str) -> list[str]:
    """Lexicon terms found in ``text``, canonical names, in order of first appearance."""
    return list(_lexicon_terms(text))


@lru_cache(maxsize=4096)
def _lexicon_terms(text: str) -> tuple[str, ...]:
    # Cached: the engine and a report look for the terms of the same answer many times.
    pattern, canonical = _lexicon()
    found: list[str] = []
    for m in pattern.finditer(text):
        name = canonical[m.group(1).lower()]
        if name not in found:
            found.append(name)
    return tuple(found)


def surface(topic: str, text: str) -> str:
    """The words the candidate used for ``topic`` ("small language models" for the term
    "small language model"), so a question says it as they did."""
    pattern, canonical = _lexicon()
    for m in pattern.finditer(text):
        if canonical[m.group(1).lower()] == topic:
            said = m.group(1)
            # The lexicon's spelling when it is the same word ("LoRA" for "lora"), and its
            # full name for a part of it ("Bellman" is "the Bellman equation"; asked about
            # "Bellman" alone, the question reads as a person's name).
            if said.lower() == topic.lower() or len(said.split()) < len(topic.split()):
                return topic
            return said
    return topic


def named_things(text: str) -> list[str]:
    """Capitalised names not at a sentence start, CamelCase words and acronyms."""
    found: list[str] = []
    for m in _P.camel.finditer(text):
        found.append(m.group(0))
    for m in _P.name_seq.finditer(text):
        name = m.group(1)
        before = text[: m.start()].rstrip()
        at_sentence_start = not before or before[-1] in '.!?:;\n"“'
        parts = name.split()
        if at_sentence_start:
            # Any word is capitalised there; CamelCase and acronyms are caught separately.
            parts = parts[1:]
        parts = [
            p
            for p in parts
            if p not in _COMMON_CAPS and p.lower() not in _STOP and p not in _ACRONYM_STOP
        ]
        if _P.introduces.search(before) or name.split()[0] in {"I'm", "I’m"}:
            continue  # the candidate's own name ("I'm Léa")
        if _P.place_before.search(before) and len(parts) == 1 and not parts[0].isupper():
            continue  # "based in Lyon", "moving to Paris": a place (round 16: "What did you
            # enjoy most about Lyon?")
        if parts and not all(p.isupper() and len(p) <= 1 for p in parts):
            found.append(" ".join(parts))
    for m in _P.acronym.finditer(text):
        if m.group(0) not in _ACRONYM_STOP:
            found.append(m.group(0))
    seen: set[str] = set()
    result = []
    for name in found:
        key = name.lower()
        if key not in seen and name not in _COMMON_CAPS and len(name) > 1:
            seen.add(key)
            result.append(name)
    return result


def affiliation(name: str, text: str) -> bool:
    """A school, a master's or a lab the candidate belongs to ("a student at ENS
    Paris-Saclay"): who they are, not a project to ask "the hardest part of" about."""
    if _P.school.search(name):
        return True
    before = re.escape(name)
    return bool(
        re.search(
            r"\b(?:student|studying|studied|graduat\w*|master'?s?|degree|phd|enrolled)\b"
            r"[^.;]{0,25}\b(?:at|from|in)\s+(?:the\s+)?" + before,
            text,
            re.I,
        )
    )


def topics(text: str, *, projects: list[str] | None = None) -> list[str]:
    """Follow-up topics in ``text``, most specific first."""
    ordered: list[str] = []
    lowered = text.lower()
    ordered.extend(lexicon_terms(text))
    for project in projects or []:
        if project.lower() in lowered:
            ordered.append(project)
    # Named things that are aliases of lexicon terms ("NER") are already there by name.
    ordered.extend(n for n in named_things(text) if not lexicon_terms(n))
    result: list[str] = []
    for topic in ordered:
        key = topic.lower()
        if any(key == r.lower() or key in r.lower().split() for r in result):
            continue
        result.append(topic)
    return result

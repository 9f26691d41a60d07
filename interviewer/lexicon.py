"""The words that say how something was said, in one place: hedges and fillers, read by
the interviewer's notes, the grader's clarity signals and the speech metrics alike (they
were three lists that had drifted apart)."""

from __future__ import annotations

import re

#: Words that soften a claim ("maybe", "I'm not sure"): counted as hedges.
HEDGES = (
    "i guess",
    "i think maybe",
    "maybe",
    "kind of",
    "sort of",
    "probably",
    "i'm not sure",
    "not sure",
    "i suppose",
    "perhaps",
    "it depends",
    "more or less",
    "somehow",
)
HEDGE = re.compile(r"\b(" + "|".join(re.escape(h) for h in HEDGES) + r")\b", re.I)

#: Sounds and phrases that fill a pause: "um", "you know", "like," ("I like it" is not one;
#: "the kind of problem" names a kind, "it's kind of slow" hedges).
FILLERS = re.compile(
    r"(?<!\w)(um+|uh+|erm|er|hmm+|mm+|you know|i mean|basically|like,|(?<=, )like|"
    r"(?<!\bthe )(?<!\ba )(?<!\bthis )(?<!\bthat )(?<!\bwhat )(?<!\bwhich )(?<!\bsame )"
    r"(?:sort|kind) of)(?!\w)",
    re.I,
)


def fillers(text: str) -> list[str]:
    """The fillers of ``text``, lower-cased, in order."""
    return [m.lower().strip(", ") for m in FILLERS.findall(text)]


def hedges(text: str) -> list[str]:
    """The hedges of ``text``, lower-cased, in order."""
    return [h.lower() for h in HEDGE.findall(text)]

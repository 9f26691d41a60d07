"""Plain-text helpers shared by the engine and the validator: cleaning, shortening,
word counts and a cheap language check."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Annotated

from pydantic import AfterValidator

#: Speaking rate used to estimate how long typed text would take to say.
SPEAKING_WPM = 140.0

_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9'’\-+.#]*")


def clean(text: str) -> str:
    """Strip control and bidi characters (keeping newlines and tabs) and outer space."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text).strip()


_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")


def sentences(text: str) -> list[str]:
    """Sentences (and clauses after ';'), for the rules that read an answer one at a time."""
    return list(_sentences(text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    # Cached: a report reads each answer's sentences in a dozen signals.
    return tuple(s.strip() for s in _SENTENCE.split(text) if s.strip())


def words(text: str) -> list[str]:
    return list(_words(text))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.rstrip(".") for w in _WORD.findall(text))


def word_count(text: str) -> int:
    return len(words(text))


def speaking_seconds(text: str, wpm: float = SPEAKING_WPM) -> float:
    return word_count(text) * 60.0 / wpm


def shorten(text: str, limit: int) -> str:
    """Keep the head and the tail of ``text`` within ``limit`` characters, with a
    marker saying how much was left out (for prompts; the stored text stays whole)."""
    if len(text) <= limit:
        return text
    head = int(limit * 0.7)
    tail = limit - head
    omitted = len(text) - head - tail
    return f"{text[:head]} […{omitted:,} characters omitted…] {text[-tail:]}"


def normalise(text: str) -> str:
    return " ".join(w.lower() for w in words(text))


EN_STOPWORDS = frozenset(
    """the a an and or but of to in on for with is are was were be been you your
    i me my we our it this that what which who how why when where do does did can
    could would should will have has had about from as at by not so if""".split()
)
FR_STOPWORDS = frozenset(
    """le la les un une des et ou mais de du au aux en dans pour avec est sont était
    être vous votre je moi mon nous notre ce cette que qui quoi comment pourquoi
    quand où pas ne se sur par il elle ils elles""".split()
)
_LANG_STOPWORDS = {"en": EN_STOPWORDS, "fr": FR_STOPWORDS}


def looks_like_language(text: str, language: str) -> bool:
    """True unless the text is clearly in another supported language.

    Counts stopwords of each language; short texts with no evidence pass.
    """
    tokens = [w.lower() for w in words(text)]
    scores = {lang: sum(t in stops for t in tokens) for lang, stops in _LANG_STOPWORDS.items()}
    own = scores.get(language, 0)
    other = max((s for lang, s in scores.items() if lang != language), default=0)
    return not (other >= 2 and other > own)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the content words of two texts (0..1)."""
    stop = EN_STOPWORDS | FR_STOPWORDS
    sa = {w for w in normalise(a).split() if w not in stop}
    sb = {w for w in normalise(b).split() if w not in stop}
    if not sa or not sb:
        return 1.0 if normalise(a) == normalise(b) else 0.0
    return len(sa & sb) / len(sa | sb)


_OPENERS = frozenset({"most", "mostly", "interns", "research", "each", "every", "yes", "no"})
#: Capitalised words that stay so after a lead-in.
_PROPER = frozenset(
    {"Python", "Gibbs", "Bellman", "Thompson", "Adam", "Bayes", "Markov", "Monte", "Paris"}
)


def lower_first_word(sentence: str) -> str:
    """``sentence`` to follow a lead-in: "We're six" -> "we're six", "Only two" -> "only
    two"; "I", names, acronyms and symbols keep their capital ("PPO", "Q-learning",
    "AlphaZero", "C51")."""
    first = sentence.split(" ", 1)[0]
    bare = re.sub(r"['’].*$", "", first).lower()
    if bare == "i" or first[1:2].isupper() or first[:1].lower() == first[:1]:
        return sentence
    word = first.rstrip(",.:;")
    # "Self-attention" is a plain word too (round 26: "And Self-attention is quadratic").
    plain = re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)*(?:['’][a-z]+)?", word) is not None
    if bare in EN_STOPWORDS | FR_STOPWORDS | _OPENERS or (plain and word not in _PROPER):
        return first[:1].lower() + sentence[1:]
    return sentence


def _compiles(value: str) -> str:
    try:
        re.compile(value)
    except re.error as e:
        raise ValueError(f"not a valid regular expression: {e}") from e
    return value


#: A string field of a data file that holds a regular expression: checked when loaded, so a
#: broken one is named with its file and field, never found at the first answer.
RegexText = Annotated[str, AfterValidator(_compiles)]


# -- what a turn says -------------------------------------------------------------------------
# Shared by the engine, the grader and the eval's checks (issue 16: no arrow from grading/
# to the engine).
_QUESTION_SENTENCE = re.compile(r"[^.!?]*\?")


def core_question(text: str) -> str:
    """The question sentence of a turn ("Thanks. What did you do?" -> "What did you do?")."""
    found = _QUESTION_SENTENCE.findall(text)
    return found[-1].strip() if found else text.strip()


_VOWELS = set("aeiouyàâäéèêëîïôöùûü")


def _wordlike(token: str) -> bool:
    if token.isupper() and len(token) <= 6:
        return True  # acronyms: RLHF, NLP
    t = token.lower().strip("'’-")
    if not t.isalpha():
        return any(c.isdigit() for c in t)  # numbers and versions are fine
    runs = re.findall(r"[^aeiouyàâäéèêëîïôöùûü]+", t)
    return bool(_VOWELS & set(t)) and max((len(r) for r in runs), default=0) <= 4


def non_answer(text: str, question: str) -> str | None:
    """Why ``text`` is not an answer at all: gibberish, or the question read back."""
    tokens = words(text)
    if not tokens:
        return None
    lowered = [t.lower() for t in tokens]
    wordlike = sum(_wordlike(t) for t in tokens) / len(tokens)
    stops = sum(t in EN_STOPWORDS or t in FR_STOPWORDS for t in lowered)
    if wordlike < 0.6 or (len(tokens) >= 5 and stops == 0 and wordlike < 0.9):
        return "gibberish"
    if (
        len(tokens) >= 4
        and similarity(text, question) >= 0.8
        and len(tokens) <= len(words(question)) + 3
    ):
        return "repeats the question"
    return None

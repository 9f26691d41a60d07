"""What the interviewer hears in an answer, decided without a model.

A good interviewer notices when a question was not answered, when it was already
answered, when a preference was dodged, when a concept the candidate leaned on turns out
to be one they cannot explain, and never asks the same thing twice. These are the plain
rules the engine applies to each answer; the model only words the turns.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .phrases import Phrases
from .text import EN_STOPWORDS, FR_STOPWORDS, normalise, sentences
from .topics import lexicon_terms, named_things

_P = Phrases("listening")

_STOP = (
    EN_STOPWORDS
    | FR_STOPWORDS
    | frozenset(
        """tell me about give talk walk through describe explain could would please more
    some any this that these those there their them they then than also just really very
    much many such like well your you yours yourself what which when where while why how
    does make made used using uses want one two three first main most during into onto
    over under after before about around being having get got""".split()
    )
)

# -- repeats -------------------------------------------------------------------------------
NEAR_DUPLICATE = 0.6


def stems(text: str) -> set[str]:
    """Content-word stems (five letters), the unit of "says the same thing"."""
    return {w[:5] for w in normalise(text).split() if len(w) >= 3 and w not in _STOP}


def _subjects(question: str) -> set[str]:
    """What a question is about: its technical terms and named things."""
    return {t.lower() for t in lexicon_terms(question)} | {
        n.lower() for n in named_things(question)
    }


def asks_to_explain(question: str) -> list[str]:
    """The concepts a question asks to have explained ("How does LoRA work?" -> LoRA)."""
    return (
        lexicon_terms(question)
        if _P.explain.search(question) or re.search(r"^\W*what (?:is|are)\b", question, re.I)
        else []
    )


def near_duplicate(question: str, earlier: list[str]) -> str | None:
    """The earlier question ``question`` repeats, verbatim or nearly, if any.

    Two questions sharing most of their content words ask the same thing; so do two that
    ask to explain the same concept ("Main steps of RLHF?" / "Explain fine-tuning with
    RLHF?")."""
    concepts = {c.lower() for c in lexicon_terms(question)}
    subjects = _subjects(question)
    explains = bool(_P.explain.search(question))
    for before in earlier:
        other = _subjects(before)
        if subjects and other and subjects.isdisjoint(other):
            continue  # the same wording about two different things is two questions
        if (
            explains
            and concepts & {c.lower() for c in lexicon_terms(before)}
            and _P.explain.search(before)
        ):
            return before
        sa, sb = stems(question), stems(before)
        if normalise(question) == normalise(before):
            return before
        if not sa or not sb:
            continue
        shared = len(sa & sb)
        # The share of the shorter question, when it says enough to compare ("What problem
        # did it solve?" is inside many questions without being them).
        smaller = min(len(sa), len(sb))
        ratio = shared / smaller if smaller >= 3 else shared / max(len(sa), len(sb))
        if shared >= 2 and ratio >= NEAR_DUPLICATE:
            return before
        if shared and shared == len(sa) == len(sb):
            return before
    return None


@dataclass(frozen=True)
class Admission:
    """The candidate says they do not master something; ``concepts`` are what they name."""

    sentence: str
    concepts: list[str] = field(default_factory=list)


@lru_cache(maxsize=4096)
def admission(text: str) -> Admission | None:
    """An honest "I can't explain X" / "I haven't worked with X" / a bare "I'm not sure".

    "I'm not sure about Y, but ..." followed by an answer is a hedge, not an admission."""
    for sentence in sentences(text):
        if _P.admit.search(sentence):
            if _P.detail_doubt.search(sentence) and len(normalise(text).split()) > 20:
                # "... LightGBM, or maybe XGBoost, I don't remember exactly" doubts a detail
                # of an answer; it is not "I can't explain it" (round 8).
                continue
            rest = text.replace(sentence, " ")
            rest_words = len(normalise(rest).split())
            if _P.choice_doubt.search(sentence) and lexicon_terms(rest):
                # "Sampling maybe? Like MCMC. Or variational inference. I don't really know
                # which one I'd choose": undecided between named methods, not "I don't know"
                # (round 14: "that's better than guessing").
                continue
            if (
                _P.experience_only.search(sentence)
                and rest_words > 40
                and len(_P.mechanism.findall(rest)) >= 3
            ):
                # "[LoRA explained in full]. Honestly I have only used it once, to fine-tune a
                # model for NER, so I have not tuned rank choices at scale": how much they
                # used it, not what they cannot explain, whatever else it names (round 27:
                # "Okay, that's a start" and the key idea restated).
                return None
            named = lexicon_terms(sentence)
            # "[an answer about RLHF]. Honestly I can't really explain the PPO part of it":
            # a concept named only where the candidate disowns it is disowned, whatever the
            # rest explains (round 11: "Why did you choose PPO here?" came next).
            elsewhere = [c for c in named if c.lower() in rest.lower()]
            if named and not elsewhere and rest_words > 20:
                return Admission(sentence, named)
            if rest_words > 20 and _P.but.search(text) and _P.mechanism.search(rest):
                return None  # "I don't fully understand X, but it works by ..." answers
            if rest_words > 40 and len(_P.mechanism.findall(rest)) >= 3:
                # A full explanation that ends "I only used it once, so I haven't tuned
                # the rank" is scoping a complete answer, not saying "I don't know".
                return None
            return Admission(sentence, named)
    # A bare "I'm not sure." is an admission; "I'm not sure it went to production" is doubt
    # about a fact, and "I'm not sure, but ..." a hedge before an answer.
    if _P.not_sure.search(text) and len(normalise(text).split()) <= 8 and not _P.but.search(text):
        sentence = next(s for s in sentences(text) if _P.not_sure.search(s))
        return Admission(sentence, lexicon_terms(sentence))
    return None


#: How far from "the key ingredient" the concept it names may be, in characters: "The core
#: idea of C51 is to learn the full return distribution ... and train it with a
#: cross-entropy loss" names C51 (not a listed term), not the loss 110 characters on
#: (round 24: three questions on cross-entropy for a distributional-RL project).
_EMPHASIS_REACH = 60


def _nearest(sentence: str, concepts: list[str], at: int, end: int) -> str | None:
    """What "the key ingredient" refers to: the concept just before "which was ..." (a
    relative clause points back), else the one named closest to the phrase; None when the
    closest is too far to be what the phrase names."""
    lowered = sentence.lower()
    points_back = bool(re.search(r"\b(which|that)\s+(?:was|is|were|are)\b[^,.;]*$", lowered[:at]))

    def distance(concept: str) -> int:
        best = 10 * len(sentence)
        for m in re.finditer(re.escape(concept.lower()), lowered):
            if m.end() <= at:
                gap = at - m.end()
            else:
                gap = m.start() - end + (5 * len(sentence) if points_back else 0)
            best = min(best, gap)
        return best

    nearest = min(concepts, key=distance)
    gap = distance(nearest)
    # A concept named under another word ("Backprop" for backpropagation) has no position:
    # it is what the phrase names, as before.
    unplaced = gap >= 10 * len(sentence)
    return nearest if gap <= _EMPHASIS_REACH or points_back or unplaced else None


def stressed_concepts(answers: list[str], *, emphasised_only: bool = False) -> list[str]:
    """Concepts the candidate leaned on: named as central, or named in two answers or more
    (or three times in one). Most stressed first. ``emphasised_only``: those named as
    central ("the key ingredient"), not merely repeated."""
    mentions: Counter[str] = Counter()
    answers_with: Counter[str] = Counter()
    emphasised: set[str] = set()
    for answer in answers:
        in_answer: Counter[str] = Counter()
        for sentence in sentences(answer):
            found = lexicon_terms(sentence)
            in_answer.update(found)
            if (
                found
                and (stress := _P.emphasis.search(sentence))
                and (named := _nearest(sentence, found, stress.start(), stress.end()))
            ):
                emphasised.add(named)
        mentions.update(in_answer)
        answers_with.update(in_answer.keys())
    if emphasised_only:
        return sorted(emphasised, key=lambda c: -mentions[c])
    stressed = [c for c in mentions if c in emphasised or answers_with[c] >= 2 or mentions[c] >= 3]
    return sorted(stressed, key=lambda c: (c not in emphasised, -mentions[c]))


def hesitant_choice(answer: str, options: list[str] | None = None) -> bool:
    """A preference question answered without a choice: hedged between options, "all of
    them", "it depends", or (when the question listed options) none of them chosen."""
    if re.search(r"\bif i (?:had|have) to (?:say|pick|choose) one\b", answer, re.I):
        return False  # a choice, however softly said
    last = sentences(answer)[-1] if sentences(answer) else answer
    if _P.settles.search(last):
        return False  # "RL maybe. Or LLMs. I think RL, because of the projects" (round 28)
    if _P.decisive.search(answer) and not _P.indecisive.search(answer):
        return False
    if _P.indecisive.search(answer):
        return True
    first = sentences(answer)[0] if sentences(answer) else answer
    if len(named_options(first, options or [])) == 1 and not _P.indecisive.search(first):
        return False  # "The ML-engineering track, because ... my research helps": chosen
    lead = re.split(r",|;|:|\bbut\b|\bwith\b", first, maxsplit=1)[0]
    if len(named_options(lead, options or [])) == 1 and not _P.indecisive.search(first):
        return False  # "The research track, but with a clear engineering bias": chosen
    named = named_options(answer, options or [])
    if len(named) >= 2:
        return True
    if len(named) == 1:
        return bool(_P.hedged.search(answer))
    if not options:
        # An open preference ("your favourite subject?") answered plainly is a choice.
        return bool(_P.hedged.search(answer))
    return not re.search(r"\bbecause\b", answer, re.I)


def _mentions(text: str, option: str, common: frozenset[str] = frozenset()) -> bool:
    words = [
        w
        for w in normalise(option.replace("-", " ")).split()
        if w not in _STOP and len(w) >= 4 and w not in common
    ]
    lowered = normalise(text.replace("-", " "))
    return bool(words) and sum(w[:6] in lowered for w in words) >= max(1, len(words) // 2)


def named_options(answer: str, options: list[str]) -> list[str]:
    """The options an answer names, by the words that tell them apart ("research track" vs
    "ML-engineering track": "track" names neither)."""
    counts: Counter[str] = Counter(
        w for o in options for w in set(normalise(o.replace("-", " ")).split())
    )
    common = frozenset(w for w, n in counts.items() if n > 1)
    return [o for o in options if _mentions(answer, o, common)]


#: Words of every ML conversation: sharing them says nothing about being on the question.
_GENERIC_STEMS = frozenset({"model", "train", "data", "learn", "machi", "proje", "work", "use"})


#: Words that carry no answer on their own.
_EMPTY_STEMS = frozenset(
    """yes yeah yep okay sure fine went good great nothing much add not that did done well
    really think guess know all nope thank thank thanks""".split()
)


# -- addressing the question ---------------------------------------------------------------
def addresses(answer: str, question: str, *, kind: str, options: list[str] | None = None) -> bool:
    """Whether ``answer`` is about ``question`` at all. Only questions that name what they
    want are judged (a fixed technical question, a list of options); open questions, and
    probes of the candidate's own concepts (answered by its alternatives as well), pass."""
    if not stems(answer) - _EMPTY_STEMS:
        return False  # "Yes, I did that.", "It went fine.", "Not much to add."
    if kind == "preference" and options:
        return bool(named_options(answer, options)) or bool(
            _P.decisive.search(answer) or _P.indecisive.search(answer)
        )
    if kind in {"technical", "case", "coding"}:
        wanted = stems(question) - _GENERIC_STEMS
        concepts = set(lexicon_terms(question))
        if concepts & set(lexicon_terms(answer)):
            return True
        if _states_a_key_point(question, answer):
            # "Monte Carlo, Gibbs sampling, variational methods" for approximate inference
            # in a Bayesian network (round 15: "I don't think that quite answers my
            # question"): the asked concept's own key points are on the point.
            return True
        said = stems(answer) - _GENERIC_STEMS
        shared = len(wanted & said)
        if shared >= 2 or (not concepts and shared >= 1 and len(wanted) <= 4):
            return True
        if said & stems(" ".join(concepts)):
            return True  # "the strategy pattern" for "which design pattern...?"
        # A technical answer that does not repeat the question's words ("Three steps. First
        # supervised fine-tuning...") still answers it: only an answer with no technical
        # content at all is off the point. Mechanics said in plain words count (round 12:
        # "sort them first? By start? Then go through once. So n log n" and "you go
        # backwards from the loss and multiply derivatives" were told they missed).
        return bool(lexicon_terms(answer)) or len(_P.tech_talk.findall(answer)) >= 2
    return True


def _states_a_key_point(question: str, answer: str) -> bool:
    """Whether ``answer`` says a key point of the concept ``question`` is about."""
    from .concepts import concept_asked  # the concepts file is read on first use only

    concept = concept_asked(question)
    if concept is None:
        return False
    low = answer.lower()
    phrases = [p for f in concept.facets for p in f] + [p for c in concept.checks for p in c.said]
    return any(p.lower() in low for p in phrases if len(p) >= 4)


#: Terms too broad to follow up on their own ("You mentioned inference").
BROAD = frozenset(
    {
        "inference",
        # settings, not choices (round 15: "Why did you choose learning rate here?", "the
        # key assumption behind batch size")
        "learning rate",
        "batching",
        "chain rule",  # round 16: "When would chain rule be the wrong choice?"
        "time complexity",
        "precision and recall",
        "language model",
        "small language model",
        "small language models",
        "large language model",
        "large language models",
        "LLM",
        "LLMs",
        "REST API",
        "GPU",
        "CPU",
        "reinforcement learning",
        "machine learning",
        "deep learning",
        "NLP",
        "batch size",
        "embeddings",
        "SQL",
        "CUDA",
        "fine-tuning",
        "transformers",
        "attention",
    }
)


#: Benchmarks, games and datasets: where a method was tested, not something one worked on
#: ("What was the main idea behind Atari?", rounds 5 and 9).
BENCHMARKS = frozenset(
    {
        "atari",
        "arcade learning environment",
        "ale",
        "mujoco",
        "minatar",
        "gym",
        "openai gym",
        "gymnasium",
        "lunarlander",
        "cartpole",
        "halfcheetah",
        "hopper",
        "walker2d",
        "ant",
        "humanoid",
        "breakout",
        "pong",
        "seaquest",
        "montezuma",
        "imagenet",
        "cifar",
        "cifar-10",
        "mnist",
        "conll",
        "glue",
        "superglue",
        "squad",
        "coco",
        "wikitext",
        "librispeech",
        "procgen",
        "dm control",
        "d4rl",
    }
)

#: Textbook basics: a poor thing to probe after a detailed answer ("cross-entropy" after C51).
BASIC = frozenset(
    {
        "cross-entropy",
        "dropout",
        "logistic regression",
        "overfitting",
        "gradient descent",
        "precision and recall",
        "cross-validation",
        "regularization",
        "embeddings",
        "softmax",
        "logits",
        "sigmoid",
        "ReLU",
        "one-hot",
        "learning rate",
        "loss function",
        "hidden state",
        "unit tests",
        "random forest",
        "likelihood",
    }
)

#: Tools and libraries: one asks why they were used, never how they work.
TOOLS = frozenset(
    {
        "PyTorch",
        "JAX",
        "scikit-learn",
        "Hugging Face",
        "Docker",
        "Kubernetes",
        "CodeCarbon",
        "CUDA",
        "SQL",
        "Python",
        "pandas",
        "NumPy",
        "Spark",
        "Git",
        "Airflow",
        "MLflow",
        "TensorFlow",
        "Jupyter",
        "LightGBM",
        "REST API",
        "CI/CD",
        "unit tests",  # a practice: "why did you use it?", never "its key assumption"
    }
)


def explains(answer: str, topic: str) -> bool:
    """Whether the answer already explains ``topic`` (a long sentence about it with a
    mechanism: "permutation importance: you shuffle a column and measure...")."""
    for sentence in sentences(answer):
        if (
            topic.lower() in sentence.lower()
            and len(sentence.split()) >= 12
            and _P.mechanism.search(sentence)
        ):
            return True
    return False


def vague_explanation(answer: str) -> bool:
    """An answer to "how does it work?" that names things without saying how they work: short,
    and either hand-waving ("much richer", "state of the art", "you just call ...") or with
    at most one mechanism and no figure. Measured on the rated transcripts: the bluffing
    candidates' explanations were 23-62 words, the strong ones 74-131."""
    words = len(answer.split())
    if words >= 60 or words < 15:
        return False  # a very short answer is asked for more, not pressed on its mechanism
    mechanisms = len(_P.mechanism.findall(answer)) + len(re.findall(r"\d", answer))
    return bool(_P.vague.search(answer)) or mechanisms <= 1


def already_answered(
    question: str, cues: list[str], answers: list[str], *, topic: str | None = None
) -> str | None:
    """The earlier answer that already gives what ``question`` asks for, if any: one that
    holds one of the question's cue phrases (in a sentence about ``topic``, when the question
    is about one: limits of DQN named earlier are not those of gradient boosting), or most
    of its content words."""
    wanted = stems(question)
    for answer in reversed(answers):
        parts = [s.lower() for s in sentences(answer)]
        if topic:
            parts = [s for s in parts if topic.lower() in s]
        if any(cue.lower() in part for part in parts for cue in cues):
            return answer
        if len(wanted) >= 3 and len(wanted & stems(answer)) / len(wanted) >= 0.75:
            return answer
    return None

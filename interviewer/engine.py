"""The interview loop.

The engine owns the plan: which stage, which planned question, when to follow
up, when time moves the interview on. It listens (``listening``): an answer that
missed the question is asked again in other words, a question already answered is
skipped or taken deeper, a dodged preference gets one push for a choice, a concept
the candidate leaned on is probed and one they say they cannot explain is left
alone, and no question is asked twice. The model only words a follow-up; what it
writes is validated once (a retry rarely passes, and the candidate would wait for
it) and otherwise replaced by a template that reads true for the answer, or by the
plan. The candidate's questions are answered from the persona's facts. Each turn is
stored before the next one is made.
"""

from __future__ import annotations

import functools
import re
import string
import threading
from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from . import lexicon, prompting
from .clock import Clock, SpokenClock
from .concepts import check_asked, concept_asked, deeper_question, key_fact_question, states
from .errors import InputError
from .lines import line, lines
from .listening import (
    BASIC,
    BENCHMARKS,
    BROAD,
    TOOLS,
    addresses,
    admission,
    already_answered,
    asks_to_explain,
    explains,
    hesitant_choice,
    near_duplicate,
    stems,
    stressed_concepts,
    vague_explanation,
)
from .llm import describe
from .llm.calls import call_model
from .misconceptions import Misconception, Stated, misconceptions, stated
from .notes import observe
from .personas import Persona, Question, Stage, Template
from .phrases import Phrases
from .speech import SpeechMetrics
from .store import Store
from .text import (
    EN_STOPWORDS,
    clean,
    core_question,
    lower_first_word,
    non_answer,
    sentences,
    speaking_seconds,
)
from .topics import affiliation, lexicon_terms, surface, topics
from .transcript import CandidateProfile, Session, Turn, TurnKind, TurnSource
from .validation import Expect, TurnContext, check, parse_output

_P = Phrases("engine")
_CONCEPTS = Phrases("concepts")  # "how does it work?" asks for a mechanism
_NOTES = Phrases("notes")  # instructions hidden in an answer

MAX_REASKS = 2
MODEL_FAILURES_BEFORE_PLAN_ONLY = 2
#: Drafts per model turn. Measured with the default model: a draft refused once passed on
#: the retry in few cases (docs/evaluation.md), while the candidate waited for both.
MODEL_ATTEMPTS = 1


def _asks_something(part: str) -> bool:
    """Whether a part of the candidate's turn asks the interviewer something: a question
    sentence that starts like one or speaks to them ("you", "here"), or an unfinished
    "and how long ..." clause."""
    asked = [s for s in sentences(part) if s.rstrip().endswith("?")]
    if not asked:
        return bool(_P.asks.match(part)) and not part.rstrip().endswith(".")
    return any(_P.asks.match(s) or _P.asking.search(s) for s in asked)


def _with_concept(text: str, concept) -> str:
    """An answer about a concept with "It" at a sentence's start read as the concept's
    name (round 11: "It's cheaper because you literally compress the model", about LoRA)."""
    if concept is None:
        return text
    return re.sub(r"(?:^|(?<=[.!?;]\s))It\b", concept.name, text)


def _question_head(question: str) -> str:
    """The clause a question asks, up to its first comma: "what does success look like
    here" in "Second, what does success look like here, a paper or a tool?"."""
    found = re.search(
        r"\b(?:what|how|which|who|whom|when|where|why|is|are|do|does|did|can|could|would|will)"
        r"\b[^,:;?]*",
        question,
        re.I,
    )
    return found.group(0) if found else question


# "What does X look like": no content of its own (round 19: "what does the stack look like
# day to day" is about the stack, not a typical day).
_FILLER_STEMS = frozenset({"look", "like"})
_VERBISH = frozenset(
    "was is were are has had with where which who during since after before using".split()
)
_CONTEXT_STEMS = frozenset(
    {"inter", "team", "compa", "role", "job", "posit", "work", "resea", "usual", "typic"}
)


# A question asking how something works (not "why?", not "which result...?"): where a
# name and an adjective are not an answer.


def _is_counter_question(text: str) -> bool:
    """A short reply that is itself a question to the interviewer ("Who would be my mentor?"),
    not an answer said with a rising tone ("I guess the learning rate?")."""
    return (
        text.rstrip().endswith("?")
        and len(text.split()) <= 30
        and bool(
            _P.to_interviewer.search(text)
            or _P.wants_repeat.search(text)
            # "What's the difference exactly between them?" of the options offered (round
            # 21: taken for an answer, and the dates asked next).
            or _P.asks_difference.search(text)
        )
        and not _P.checks_with_me.search(text)  # "Is that what you were asking about?"
    )


def clarifying_question(text: str) -> str | None:
    """A question about the question, not one for the end: "Do you mean at work or in
    school?" ("either"), "Should I talk about the collapse?" ("go ahead"). None otherwise."""
    if "?" not in text or len(text.split()) > 45:
        return None
    either = _P.either_or.search(text) or _P.prep_options.search(text)
    if either is not None and not _P.go_ahead.search(text):
        before, tail = text[: either.start()], text[either.end() :]
        if len(before.split()) >= 12 and not _P.unsure_start.search(before):
            # Answered, then asked which reading was meant: an answer (round 10). Unsure
            # words first ("I'm not sure I balance it really. [...] Do you mean in a team or
            # alone?") are no answer: the reading is chosen and the candidate goes on.
            return None
        n = len(tail.split())
        if n > 12 and not (n <= 30 and _P.hedge_words.search(tail)):
            return None  # asked, then answered anyway: an answer (see _embedded_choice)
        # Round 14: "Do you mean in a team or personally? I guess I usually explore first...
        # Sometimes there isn't, honestly." is no answer yet: the reading is chosen and the
        # candidate goes on (the interview had moved to the next topic).
        return "either"
    if len(text.rsplit("?", 1)[1].split()) > 12:
        return None  # asked, then answered anyway: an answer (see _embedded_choice)
    before = text[: text.rfind(sentences(text)[-1])] if sentences(text) else ""
    if len(before.split()) >= 12 and not _P.unsure_start.search(before):
        return None
    if _P.go_ahead.search(text):
        return "go_ahead"
    return None


def _wants_clarification(text: str) -> bool:
    """ "Sorry, could you repeat?", "I'm not sure what you mean." (a statement, too); not
    "Do you mean like a course, or a research topic? I liked the RL course. Or maybe NLP."
    (round 14: asked again, though the answer followed)."""
    found = _P.wants_repeat.search(text)
    if not found or len(text.split()) > 25:
        return False
    end = text.find("?", found.end())
    tail = text[end + 1 :].strip() if end >= 0 else ""
    # A guess after it ("what do you mean by key assumption? Like assumptions on the
    # rewards?") is still a request to clarify (round 15: kept "for the end").
    return len(tail.split()) < 5 or tail.endswith("?")


def _natural_list(items: list[str], language: str) -> str | None:
    """'a, b and c' (or 'a, b et c')."""
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {'et' if language == 'fr' else 'and'} {items[-1]}"


_PERSON = {
    "i am": "you are",
    "i'm": "you're",
    "i was": "you were",
    "i've": "you've",
    "i'd": "you'd",
    "i'll": "you'll",
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we are": "you are",
    "we're": "you're",
    "we": "you",
    "our": "your",
    "us": "you",
}


_SAID_BACK = {**_PERSON, "your": "our", "yours": "ours"}


def _said_back(text: str) -> str:
    """The candidate's words said back: their "my internship" is "your internship", their
    "your company" is "our company"; without a filler in front (round 33: "Yes, like, which
    algorithm.")."""
    text = re.sub(r"^(?:like|um+|uh+|just|so)\b[,\s]+", "", text.strip(), flags=re.I)
    return _P.said_back_re.sub(lambda m: _SAID_BACK[m.group(1).lower()], text)


def _second_person(text: str) -> str:
    """The candidate's words said back to them: "my model" -> "your model"."""
    return _P.person_re.sub(lambda m: _PERSON[m.group(1).lower()], text)


def echo(answer: str, max_words: int = 14) -> str | None:
    """A short answer said back in the second person ("I did a project." -> "you did a
    project"), so a request for detail shows what was heard. None for a long first sentence."""
    first = re.split(r"(?<=[.!?;])\s+", answer.strip())[0].rstrip(".!?; ")
    first = re.sub(
        r"^(?:honestly|well|so|um+|uh+|yeah|okay|ok|actually|basically)\W+", "", first, flags=re.I
    )
    if not first or len(first.split()) > max_words or "?" in first:
        return None
    if not stems(first) - {"yes", "yeah", "okay", "sure", "fine", "did"}:
        return None  # "Yes, I did that." says nothing worth saying back
    if not _P.person_re.search(first):
        # "Anomaly detection." said back as it is; a longer sentence in the third person
        # would sound like a correction.
        return first[0].lower() + first[1:] if len(first.split()) <= 5 else None
    said = _second_person(first)
    return said[0].lower() + said[1:] if said[:2] != "I " else said


def _partial(answer: str) -> bool:
    """Some substance besides "I'm not sure about the rest": a partial answer, or a guess
    (round 19: "Maybe the model just gets worse on other tasks? I don't know how to check
    it." was thanked as "better than guessing"), not a plain "I don't know"."""
    said = admission(answer)
    if said is not None:
        rest = answer.replace(said.sentence, " ")
        return len(rest.split()) >= 15 or bool(_P.guess.search(rest))
    return bool(_P.unsure_part.search(answer)) and len(answer.split()) >= 20


def _lower_first(title: str) -> str:
    """ "Your background" -> "your background", but "ML theory" stays "ML theory"."""
    first = title.split(" ", 1)[0]
    return title if first[1:2].isupper() else title[:1].lower() + title[1:]


def _noun_phrase(topic: str) -> str:
    """A topic as it reads inside a sentence: "the tokenizer", but "LoRA", "BetSmart"."""
    last = topic.rsplit(" ", 1)[-1]
    if last.islower() and _P.count_noun.search(topic) and not topic.endswith("s"):
        return f"the {topic}"  # "the Bellman equation", "the Bayesian neural network"
    return topic


def _project_key(project: str) -> str:
    """The distinctive word of a project phrase ("your BetSmart internship" -> "betsmart")."""
    named = [w for w in re.findall(r"[A-Za-z][\w-]+", project) if w[0].isupper()]
    return (named[0] if named else project).lower()


def _quote(text: str, concept: str, width: int = 160) -> str:
    """The sentence of ``text`` that names ``concept``, shortened."""
    sentences_ = re.split(r"(?<=[.!?;])\s+", text)
    found = next((s for s in sentences_ if concept.lower() in s.lower()), None) or next(
        (s for s in sentences_ if concept.lower() in {c.lower() for c in lexicon_terms(s)}),
        sentences_[0],
    )
    if len(found) <= width:
        return found
    return found[: width - 1].rsplit(" ", 1)[0] + "…"  # never cut inside a word


def _claim_clause(sentence: str, wrong: str, width: int = 140) -> str:
    """The part of a long sentence that states a wrong claim, from the clause it starts in
    (round 26: a talk's 60-word sentence was quoted from its start, "I benchmarked six
    models ...", cut before the claim challenged, "CodeCarbon ... is exact to the watt")."""
    found = re.search(wrong, sentence, re.I)
    if found is None or len(sentence) <= width:
        return sentence
    start = sentence.rfind(", ", 0, found.start()) + 2 if ", " in sentence[: found.start()] else 0
    if found.end() - start > width:
        start = found.start()
    return ("…" if start else "") + sentence[start:]


_ALIASES = {"rl": "reinforcement", "ml": "machine", "nlp": "language"}


def _covered(part: str, said: list[str]) -> bool:
    """Whether the facts already chosen name what this part of a question asks about (two
    of its content words, or its only one; "RL" counts as "reinforcement")."""
    asked = {_ALIASES.get(w, w)[:5] for w in re.findall(r"[a-z]+", part.lower())}
    asked = {w for w in asked if w not in _STEMS_IGNORED}
    heard = {w[:5] for w in re.findall(r"[a-z]+", " ".join(said).lower())}
    shared = asked & heard
    # "Is it more RL or more NLP?" is answered by a fact that names one of the options
    # (round 24: "On your other question, I don't know" after "Most topics are in RL").
    need = 1 if re.search(r"\bor\b", part, re.I) else min(2, len(asked))
    return len(shared) >= need if asked else False


_STEMS_IGNORED = frozenset(
    w[:5]
    for w in (
        EN_STOPWORDS
        | {"more", "stuff", "things", "thing", "kind", "like", "really", "maybe", "mostly"}
    )
)


def _named_in(topic: str, question: str) -> bool:
    """Whether the question itself named the topic ("design patterns" in "Which design
    pattern...?"): then the answer is about it, and "You mentioned it" would be false."""
    wanted = stems(topic)
    return topic.lower() in question or (bool(wanted) and wanted <= stems(question))


@dataclass
class Decision:
    action: str  # "follow_up" | "push" | "press" | "challenge" | "story" | "next" | "close"
    stage_index: int = 0
    question_index: int = 0
    topic: str | None = None
    # A planned follow-up (push, press, challenge, story): its words and the hidden note.
    text: str | None = None
    note: str | None = None


class Interview:
    """One interview: call :meth:`answer` with each candidate answer until ``finished``."""

    def __init__(
        self,
        persona: Persona,
        model: BaseChatModel,
        store: Store,
        session: Session,
        *,
        clock: Clock | None = None,
    ):
        self.persona = persona
        self.model = model
        self.store = store
        self.session = session
        self.clock = clock or SpokenClock()
        self.model_name = describe(model)
        self._model_failures = 0
        self.warnings: list[str] = []
        #: Called with the first sentence of a reply as soon as it is known, before any
        #: model call (the voice pipeline starts speaking it).
        self.on_lead: Callable[[str], None] | None = None
        #: The background warm-up of a local model started with the session, if any.
        self.warming: threading.Thread | None = None
        self.clock.start(self.elapsed)

    # -- life cycle ----------------------------------------------------------------
    @classmethod
    def start(
        cls,
        persona: Persona,
        model: BaseChatModel,
        store: Store,
        *,
        profile: CandidateProfile | None = None,
        clock: Clock | None = None,
        owner: str | None = None,
    ) -> Interview:
        session = Session(
            persona_id=persona.id,
            persona_name=persona.name,
            model=describe(model),
            profile=profile or CandidateProfile(),
            owner=owner,
        )
        store.create_session(session)
        interview = cls(persona, model, store, session, clock=clock)
        interview.warming = interview.warm()
        first = persona.stages[0].questions[0]
        text, topic = interview._render(first)
        interview._say(f"{persona.opening.strip()} {text}", "opening", 0, 0, "plan", topic=topic)
        return interview

    @classmethod
    def resume(
        cls,
        persona: Persona,
        model: BaseChatModel,
        store: Store,
        session_id: str,
        *,
        clock: Clock | None = None,
    ) -> Interview:
        """Continue a stored session; if the last answer got no reply yet, reply now."""
        session = store.load(session_id)
        if session.persona_id != persona.id:
            raise InputError(
                f"session {session.id} was held with persona '{session.persona_id}', "
                f"not '{persona.id}'"
            )
        interview = cls(persona, model, store, session, clock=clock)
        interview.warming = interview.warm()
        last = session.transcript.last()
        if not session.finished and last is not None and last.speaker == "candidate":
            interview._respond(last)
        return interview

    def warm(self) -> threading.Thread | None:
        """Let a local model read the persona's system prompt in the background while the
        candidate reads the first question, so the first follow-up does not pay for it."""
        warm = getattr(self.model, "warm", None)
        if warm is None:
            return None
        messages = [SystemMessage(prompting.system_prompt(self.persona, self.session.profile))]

        def run() -> None:
            try:
                warm(messages)
            except Exception as e:  # a failed warm-up only costs time; the call will report
                self.warnings.append(f"the model could not be prepared: {e}"[:300])

        # Not a daemon: a process that ends meanwhile waits for llama.cpp to finish (a
        # daemon thread killed inside llama.cpp at exit crashes the interpreter).
        thread = threading.Thread(target=run, name="warm-model", daemon=False)
        thread.start()
        return thread

    def prefill(self, heard: str) -> None:
        """While the candidate is still speaking: let a local model read the follow-up
        prompt up to the words heard so far (``heard``), so that when they stop, writing a
        follow-up only pays for the last words and the instructions. Both follow-up prompts
        start the same way, up to the answer."""
        warm = getattr(self.model, "warm", None)
        turn = self.current_turn
        if warm is None or turn is None or self.finished or not heard.strip():
            return
        if self._model_failures >= MODEL_FAILURES_BEFORE_PLAN_ONLY:
            return
        stage = self.persona.stages[turn.stage_index]
        if stage.kind != "questions":
            return  # no follow-up is written after a presentation or a candidate's question
        messages = [
            SystemMessage(prompting.system_prompt(self.persona, self.session.profile)),
            HumanMessage(
                prompting.answer_prefix(
                    "follow_up", stage, question=core_question(turn.text), heard=clean(heard)
                )
            ),
        ]
        try:
            warm(messages, partial=True)
        except Exception:  # reading ahead only saves time; the real call will report
            return

    @property
    def turns(self) -> list[Turn]:
        return self.session.transcript.turns

    @property
    def finished(self) -> bool:
        return self.session.finished

    @property
    def elapsed(self) -> float:
        return self.turns[-1].elapsed_s if self.turns else 0.0

    @property
    def current_turn(self) -> Turn | None:
        """The interviewer's last turn (the question waiting for an answer)."""
        return self.session.transcript.last("interviewer")

    def stage(self, index: int | None = None) -> Stage:
        if index is None:
            current = self.current_turn
            index = current.stage_index if current else 0
        return self.persona.stages[index]

    def time_left(self) -> tuple[float, float]:
        """Seconds left in the current stage and in the whole interview, now."""
        now = self.clock.stamp(self.elapsed, 0.0)
        index = self.current_turn.stage_index if self.current_turn else 0
        stage_left = self.stage(index).minutes * 60 - (now - self._stage_started_at(index))
        return stage_left, self.persona.total_minutes * 60 - now

    # -- candidate input -------------------------------------------------------------
    def answer(
        self,
        text: str,
        *,
        duration_s: float | None = None,
        speech: SpeechMetrics | None = None,
        audio_path: str | None = None,
    ) -> Turn:
        """Record the candidate's answer and return the interviewer's next turn.

        A spoken answer brings its speech metrics (and the recording's path); its
        duration is the recording's."""
        if self.finished:
            raise InputError(f"session {self.session.id} is finished; start a new one")
        asked = self.current_turn
        assert asked is not None, "an interview always starts with the interviewer"
        text = clean(text)
        if not re.search(r"\w", text):
            return self._reask(asked)
        if duration_s is None and speech is not None:
            duration_s = speech.duration_s
        spoken = duration_s if duration_s is not None else speaking_seconds(text)
        turn = Turn(
            seq=len(self.turns),
            speaker="candidate",
            text=text,
            kind="answer",
            stage_id=asked.stage_id,
            stage_index=asked.stage_index,
            question_index=asked.question_index,
            elapsed_s=self.clock.stamp(self.elapsed, spoken),
            duration_s=spoken,
            source="candidate",
            speech=speech,
            audio_path=audio_path,
        )
        self._append(turn)
        return self._respond(turn)

    def end(self) -> Turn:
        """The candidate ends the interview early: close politely."""
        if self.finished:
            raise InputError(f"session {self.session.id} is already finished")
        current = self.current_turn
        assert current is not None
        return self._close("", current.stage_index, current.question_index, [], [])

    # -- decisions ---------------------------------------------------------------------
    def _stage_started_at(self, stage_index: int) -> float:
        for turn in self.turns:
            if turn.speaker == "interviewer" and turn.stage_index == stage_index:
                return max(0.0, turn.elapsed_s - turn.duration_s)
        return self.elapsed

    def _stage_over(self, stage_index: int, elapsed: float) -> bool:
        """The stage has had its share: its own minutes, or the point in the interview by
        which it was planned to end (so a long stage never eats the later ones)."""
        stages = self.persona.stages
        used = elapsed - self._stage_started_at(stage_index)
        if used >= stages[stage_index].minutes * 60:
            return True
        if stages[stage_index].kind == "candidate_questions":
            return False  # the candidate's own questions keep their minutes, even when late
        return elapsed >= sum(s.minutes for s in stages[: stage_index + 1]) * 60

    def _reasks_at(self, stage_index: int, question_index: int) -> int:
        return sum(
            1
            for t in self.turns
            if t.kind == "reask"
            and (t.stage_index, t.question_index) == (stage_index, question_index)
        )

    def _follow_ups_used_total(self) -> int:
        return sum(1 for t in self.turns if t.kind == "follow_up")

    def _follow_ups_used(self, stage_index: int, question_index: int) -> int:
        return sum(
            1
            for t in self.turns
            if t.kind == "follow_up"
            and (t.stage_index, t.question_index) == (stage_index, question_index)
        )

    def _earlier_questions(self) -> list[str]:
        return [core_question(t.text) for t in self.turns if t.is_question]

    def _answers(self) -> list[str]:
        return [t.text for t in self.session.transcript.candidate_turns()]

    def _disowned(self) -> set[str]:
        """Concepts the candidate said they cannot explain: never asked about again."""
        gone: set[str] = set()
        turns = self.turns
        for i, turn in enumerate(turns):
            if turn.speaker != "candidate" or (said := admission(turn.text)) is None:
                continue
            gone.update(c.lower() for c in said.concepts)
            asked = next((t for t in reversed(turns[:i]) if t.speaker == "interviewer"), None)
            if not said.concepts and asked is not None:
                if asked.topic:
                    gone.add(asked.topic.lower())
                gone.update(c.lower() for c in lexicon_terms(core_question(asked.text)))
        return gone

    def _probed(self) -> set[str]:
        """Topics not to ask about again: asked once already (a concept the candidate keeps
        leaning on without explaining it may be asked twice), or disowned."""
        asked: dict[str, int] = {}
        for t in self.turns:
            if t.topic:
                asked[t.topic.lower()] = asked.get(t.topic.lower(), 0) + 1
        stressed = {c.lower() for c in stressed_concepts(self._answers())}
        done = set()
        for topic, times in asked.items():
            if times >= 2 or topic not in stressed or self._explained(topic):
                done.add(topic)
        return done | self._disowned()

    def _explained(self, topic: str) -> bool:
        return any(explains(a, topic) for a in self._answers())

    def _in_thread(self) -> set[str]:
        """Topics of the last two answers when both answered follow-ups: the conversation
        is on them, so they are not something "mentioned earlier" (round 8: the isolation
        forest, asked about a third time). A concept stressed in answers to planned
        questions (the bluff to probe) is not in a thread."""
        turns = self.turns
        pairs = [
            (turns[i - 1], turns[i])
            for i in range(1, len(turns))
            if turns[i].speaker == "candidate" and turns[i - 1].speaker == "interviewer"
        ][-2:]
        if len(pairs) < 2 or any(q.kind not in {"follow_up", "reask"} for q, _ in pairs):
            return set()
        first, second = (
            {t.lower() for t in topics(a.text, projects=self.session.profile.projects)}
            for _, a in pairs
        )
        return first & second

    def _worth_asking(self, topic: str, answer: str, stressed: set[str]) -> bool:
        """A concept (not a broad term or a tool, unless stressed), or something the
        candidate worked on. "dL", "PR-AUC" or "Hessian" from an explanation are not."""
        if topic.lower() in stressed:
            return True
        if lexicon_terms(topic):
            return topic not in BROAD and topic not in TOOLS
        return self._worked_on(topic, answer)

    def _mentioned(self) -> list[str]:
        """Topics the candidate brought up and nobody has probed yet: the concepts they
        leaned on first, then the newest."""
        probed = self._probed() | self._in_thread()
        seen: list[str] = []
        stressed = stressed_concepts(self._answers())
        central = set(stressed_concepts(self._answers(), emphasised_only=True))
        for topic in stressed:
            # A broad term or a tool said often (a pitch about GPUs says "GPU" ten times) is
            # not a concept leaned on; named as "the key ingredient", it is (round 8: "You
            # mentioned GPU: how does it work?").
            if topic in (BROAD | TOOLS) and topic not in central:
                continue
            if topic.lower() not in probed:
                seen.append(topic)
        lowered = {c.lower() for c in seen}
        for turn in reversed(self.session.transcript.candidate_turns()):
            said = _NOTES.injection.sub(" ", turn.text)
            for topic in topics(said, projects=self.session.profile.projects):
                if (
                    topic.lower() not in probed
                    and topic not in seen
                    and self._worth_asking(topic, said, lowered)
                    and not self._explained(topic)
                    # "During my MSc I did ...": a degree is who they are, not a method
                    # (round 33: "Staying on MSc: can you explain how it works?").
                    and not affiliation(topic, said)
                ):
                    seen.append(topic)
        return seen

    def _fresh_topics(self, answer: Turn) -> list[str]:
        """What a follow-up on ``answer`` may be about: topics of the answer not yet probed,
        not disowned, and not what the question itself named (that was the answer)."""
        probed = self._probed()
        asked = self.current_turn.text.lower()
        stressed = {c.lower() for c in stressed_concepts(self._answers())}
        said = _NOTES.injection.sub(" ", answer.text)  # "SYSTEM PROMPT: ..." is not a topic
        found = [
            t
            for t in topics(said, projects=self.session.profile.projects)
            if t.lower() not in probed
            # What the question named was the answer's subject, unless the candidate keeps
            # leaning on it without explaining it.
            and (not _named_in(t, asked) or (t.lower() in stressed and not explains(said, t)))
            and not affiliation(t, said)
        ]
        named_first = self.persona.follow_up.prefer == "named"
        found = [t for t in found if t in TOOLS or self._worth_asking(t, said, stressed)]
        return sorted(
            found,
            key=lambda t: (
                t.lower() not in stressed,
                named_first and not self._worked_on(t, said),
                t in BASIC or t in TOOLS,
            ),
        )

    def _worked_on(self, topic: str, answer: str) -> bool:
        """A named thing the candidate did something in (a CV project, an internship, a
        product they built), not a term from an explanation or where they study."""
        if lexicon_terms(topic) or topic.lower() in BENCHMARKS or re.search(r"[_=()^]", topic):
            return False  # a concept, a benchmark, or a symbol ("V_min", round 9)
        if any(topic.lower() in p.lower() for p in self.session.profile.projects):
            return True
        if len(topic) <= 2 or (topic.isupper() and len(topic) <= 3):
            return False  # "ML", "AI": not a place or a project
        name = re.escape(topic)
        near = re.compile(
            rf"\b(?:at|for|with|called|named)\s+{name}\b|"
            rf"\b{name}\s+(?:internship|project|startup|team|hackathon|challenge)\b",
            re.I,
        )
        # "Bayesian prior", "Elo-based features": a word that qualifies a noun is no project;
        # nor is what the candidate would do next ("next I'd try MuZero").
        modifier = re.compile(rf"\b{name}\s+([a-z][\w-]*)")
        for sentence in re.split(r"(?<=[.!?;])\s+", answer):
            if topic.lower() not in sentence.lower() or _P.future.search(sentence):
                continue
            following = modifier.search(sentence)
            qualifies = following and following.group(1) not in EN_STOPWORDS | _VERBISH
            if qualifies or topic.endswith(("-style", "-based", "-like")):
                continue
            if near.search(sentence) or _P.internship.search(sentence):
                return True
        return False

    def _question(self, stage_index: int, question_index: int) -> Question:
        return self.persona.stages[stage_index].questions[question_index]

    def _decide(self, answer: Turn, *, follow_up: bool = True) -> Decision:
        si, qi = answer.stage_index, answer.question_index
        stage = self.persona.stages[si]
        question = stage.questions[qi]
        stage_over = self._stage_over(si, answer.elapsed_s)
        if follow_up and stage.kind == "questions" and not stage_over:
            if (wrong := self._challenge(answer)) is not None:
                # A wrong claim stated with confidence is challenged, as any interviewer
                # would, whatever follow-ups the question has had.
                return Decision(
                    "challenge",
                    si,
                    qi,
                    # A claim only worth a question (a random split of match data) gets no
                    # "Hmm, are you sure?": it is asked about, not doubted.
                    text=(
                        self._least_recent(line(self.persona.language, "challenge"))
                        if wrong.misconception.graded
                        else ""
                    )
                    + wrong.misconception.challenge,
                    note=f"missed: states a misconception, {wrong.misconception.name} "
                    f'("{wrong.sentence}")',
                )
            limit = (
                question.max_follow_ups
                if question.max_follow_ups is not None
                else self.persona.follow_up.max_per_question
            )
            # An honest "I can't explain it" is not probed further: move on, as a fair
            # interviewer does. A partial answer ("sort by start... not sure about the
            # merging part") gets the key fact it is missing as a hint (round 9).
            if (
                self._follow_ups_used(si, qi) < limit
                and _partial(answer.text)
                and (hint := self._key_fact(answer, hint=True)) is not None
            ):
                return hint
            if (
                self._follow_ups_used(si, qi) < limit
                and question.kind in {"open", "behavioural"}
                and (pick := self._pin_down(answer))
            ):
                return Decision(
                    "push",
                    si,
                    qi,
                    text=pick,
                    note="missed: hedged between two things; asked for one, concretely",
                )
            unsure = len(_P.hedge_words.findall(answer.text)) >= 2 or bool(
                re.search(r"\b(?:i'?m|i am) not (?:\w+ )?sure\b", answer.text, re.I)
            )
            if (
                self._follow_ups_used(si, qi) < limit
                and admission(answer.text) is None
                and unsure
                and (hint := self._key_fact(answer, hint=True)) is not None
            ):
                # "There's a reward model, then PPO. Or DPO, I'm not sure which one is
                # RLHF": the missing fact as a hint, never "one level deeper: how would you
                # implement it?" (round 10).
                return hint
            if (
                self._follow_ups_used(si, qi) < max(limit, 1)
                and _P.noise_doubt.search(answer.text)
                and (doubt := self._unused(self.persona.follow_up.after_noise_doubt))
            ):
                return Decision(
                    "push", si, qi, text=doubt, note="missed: a result from a few runs, doubted"
                )
            # Vague dates get one push for a firm answer too, whatever the follow-up limit
            # (round 19: "maybe March or April, it depends on the exams" was not pinned down).
            vague_limit = max(limit, 1) if question.kind == "logistics" else limit
            if (
                self._follow_ups_used(si, qi) < vague_limit
                and question.kind in {"open", "behavioural", "logistics"}
                and (push := self._vague_push(answer)) is not None
            ):
                return Decision(
                    "push", si, qi, text=push, note="missed: hedged and said nothing definite"
                )
            if (
                self._follow_ups_used(si, qi) < limit
                and question.kind == "preference"
                and hesitant_choice(answer.text, self._options(question))
                and (push := self._push_text()) is not None
            ):
                # "I don't know which one fits me" is indecision, not an admission to thank
                # (round 19: the track question was dropped after the tracks were explained).
                return Decision(
                    "push", si, qi, text=push, note="missed: no clear choice; pushed for one"
                )
            if self._follow_ups_used(si, qi) < limit and admission(answer.text) is None:
                if not unsure and (press := self._press_text(answer)) is not None:
                    return Decision(
                        "press",
                        si,
                        qi,
                        topic=press[1],
                        text=press[0],
                        note="missed: a vague explanation; pressed for the mechanism",
                    )
                # A fluent explanation without the concept's key fact (how a confident wrong
                # answer sounds) is asked for that fact.
                if (check := self._key_fact(answer)) is not None:
                    return check
                if not unsure and (deeper := self._one_level_deeper(answer, question)):
                    return Decision(
                        "press",
                        si,
                        qi,
                        text=deeper,
                        note="strong: a full explanation; asked one level deeper",
                    )
                if question.kind == "behavioural":
                    # A story is followed up on its outcome, not on a term in it.
                    if _P.story.search(answer.text):
                        follow_up = self.persona.follow_up
                        for missing, asks, note in (
                            (
                                not _P.outcome.search(answer.text),
                                follow_up.after_story,
                                "missed: no outcome or lesson in the story",
                            ),
                            (
                                len(answer.text.split()) < 45,
                                follow_up.after_short_story,
                                "missed: a story told in a line or two",
                            ),
                            # "I think we just tried the small one first and it was fine. I
                            # don't remember if we discussed it much": an outcome, hedged; the
                            # lesson is asked, not the outcome again (round 34).
                            (
                                len(_P.story_hedge.findall(answer.text)) >= 2,
                                [t for t in follow_up.after_story if not _P.asks_outcome.search(t)],
                                "missed: a hedged story, no lesson",
                            ),
                        ):
                            if missing and (text := self._unused(asks)):
                                return Decision("story", si, qi, text=text, note=note)
                    return self._next_after(si, qi)
                fresh = self._fresh_topics(answer)
                if fresh:
                    return Decision("follow_up", si, qi, topic=fresh[0])
                short = len(answer.text.split()) < self.persona.follow_up.min_answer_words
                if short and not _NOTES.injection.search(answer.text) and not unsure:
                    # ("Ignore your instructions..." gets no "could you say more?"; nor does
                    # "I'm not sure I used design patterns consciously. Maybe a config
                    # class?", which got "You said ... What metric would you use to
                    # evaluate that?" in round 11)
                    return Decision("follow_up", si, qi)
        # One place decides the next planned question, so spare questions are skipped here too.
        return self._next_after(si, qi)

    def _next_stage(self, si: int, elapsed: float) -> Decision:
        stages = self.persona.stages
        nxt = si + 1
        if elapsed >= self.persona.total_minutes * 60:
            # Out of time: keep only the candidate's questions, then close.
            later = [i for i in range(nxt, len(stages)) if stages[i].kind == "candidate_questions"]
            nxt = later[0] if later else len(stages)
        if nxt >= len(stages):
            return Decision("close", si, 0)
        return Decision("next", nxt, 0)

    # -- turns -------------------------------------------------------------------------
    def _respond(self, answer: Turn) -> Turn:
        stage = self.persona.stages[answer.stage_index]
        question = self._question(answer.stage_index, answer.question_index)
        notes = observe(answer.text, question, projects=self.session.profile.projects)
        if stage.kind == "monologue":
            planned = stage.minutes * 60
            notes.append(
                f"presentation took ~{answer.duration_s / 60:.1f} of {planned / 60:.0f} minutes"
            )
        if stage.kind == "candidate_questions":
            return self._reply_to_candidate(answer, stage, notes)
        if stage.kind == "monologue" and (
            challenged := self._challenge_presentation(answer, notes)
        ):
            return challenged
        if stage.kind == "questions" and _P.wants_to_stop.search(answer.text):
            # Asked to end: the candidate's questions now, or the close if they have none.
            lead = line(self.persona.language, "stopping")
            notes = [*notes, "asked to end the interview early"]
            later = [
                i
                for i in range(answer.stage_index + 1, len(self.persona.stages))
                if self.persona.stages[i].kind == "candidate_questions"
            ]
            if later and not _P.none_to_ask.search(answer.text):
                return self._ask_planned(Decision("next", later[0], 0), lead, notes)
            return self._close(lead, answer.stage_index, 0, notes, [])
        asked_turn = self.current_turn
        asked = core_question(asked_turn.text)
        problem = non_answer(answer.text, asked)
        if problem is not None:
            # Gibberish or the question read back is not an answer: ask again, never praise it.
            return self._reask(
                asked_turn,
                lead=line(self.persona.language, "unclear"),
                note=f"not an answer: {problem}",
            )
        first_try = not self._reasks_at(answer.stage_index, answer.question_index)
        if (
            stage.kind == "questions"
            and question.kind == "preference"
            and _P.decide_later.search(answer.text)
            and self.persona.language == "en"
        ):
            # "Can I decide later?" asks to put off the choice, not for leave to speak
            # (round 20: "Yes, please go ahead."); the push, once, with leave to refine it.
            push = self._push_text()
            limit = (
                question.max_follow_ups
                if question.max_follow_ups is not None
                else self.persona.follow_up.max_per_question
            )
            if push is not None and self._follow_ups_used(
                answer.stage_index, answer.question_index
            ) < max(1, limit):
                return self._say(
                    f"You can refine it later. {push}",
                    "follow_up",
                    answer.stage_index,
                    answer.question_index,
                    "plan",
                    notes=[*notes, "missed: no clear choice; pushed for one"],
                )
        clarifying = clarifying_question(answer.text) if stage.kind == "questions" else None
        if clarifying is not None and self.persona.language == "en":
            # Answered as a person would ("Mainly in general."), then the candidate answers:
            # never "keep it for the end", never the same question read out again.
            lead = (
                "Yes, please go ahead."
                if clarifying == "go_ahead"
                else self._either_reply(answer.text)
            )
            return self._say(
                lead,
                "reask",
                answer.stage_index,
                answer.question_index,
                "plan",
                notes=[*notes, "asked what the question meant; told to go ahead"],
            )
        if stage.kind == "questions" and first_try and _wants_clarification(answer.text):
            notes = [*notes, "asked for the question again"]
            if re.search(r"\brepeat|say (that|it) again|répéter", answer.text, re.I):
                # Asked to repeat: the same words, as anyone would.
                return self._say(
                    line(self.persona.language, "repeat") + asked,
                    "reask",
                    answer.stage_index,
                    answer.question_index,
                    "plan",
                    notes=notes,
                )
            # Asked what was meant: other words (a follow-up that was unclear is dropped).
            if (
                asked_turn.kind == "follow_up"
                and asked_turn.topic
                and self.persona.language == "en"
                # Only about the candidate's own work: "what part did RLHF play in your
                # work?" to "what do you mean by drifting?" about RLHF (round 29).
                and self._worked_on(asked_turn.topic, " ".join(self._answers()))
            ):
                # An unclear follow-up, said more simply about the same topic.
                return self._say(
                    f"Sorry, let me be clearer: what part did {asked_turn.topic} play in your "
                    "work?",
                    "reask",
                    answer.stage_index,
                    answer.question_index,
                    "plan",
                    notes=notes,
                )
            lead = "repeat" if asked_turn.kind != "follow_up" else "unclear_mine"
            return self._ask_again(asked_turn, line(self.persona.language, lead), notes)
        parts = sentences(answer.text)
        # "Probably the LunarLander result. [...] Sorry, do you mean which result in the
        # report or which experiment?": an answer, then which reading was meant.
        trailing_either = (
            stage.kind == "questions"
            and len(parts) > 1
            and clarifying_question(parts[-1]) == "either"
        )
        if (
            stage.kind == "questions"
            and first_try
            and len(parts) > 1
            and clarifying_question(parts[-1]) == "go_ahead"
            and (_P.options.search(parts[-1]) or _P.prep_options.search(parts[-1]))
        ):
            # "... I did PPO in a course. Should I talk about PPO, or about the human feedback
            # part?": which to talk about, and the candidate goes on (round 27: "Let's go one
            # level deeper on RLHF" ignored it).
            return self._go_ahead(answer, self._either_reply(parts[-1]), notes)
        one = _P.one_reading.search(answer.text) if stage.kind == "questions" else None
        reading = None
        if one is not None and first_try:
            # "... Do you mean why those models?": that reading, and the candidate answers it
            # (round 18: "Yes, why those models. Let's talk about ML theory...").
            reading = f"Yes, {_said_back(one.group('a')).strip()}. Go ahead."
        elif (
            trailing_either
            and first_try
            and len(answer.text.split()) < 40
            and (_P.hedge_words.search(answer.text) or self._vague_push(answer) is not None)
        ):
            # A hedged half-answer, then "do you mean X or Y?": a reading chosen, and the
            # candidate answers it (round 18: "Either works; that one is fine. Sure, but...").
            reading = self._either_reply(parts[-1])
        if reading is not None:
            return self._go_ahead(answer, reading, notes)
        if (
            stage.kind == "questions"
            and _is_counter_question(answer.text)
            and first_try
            and not trailing_either
            and not _P.reassure.search(answer.text)
            # "What do you mean by intractable exactly, like too many variables?" offers its
            # reading: it is confirmed below (round 34: kept "for the end").
            and not _P.what_mean_like.search(answer.text)
            # "I'm not sure if that's the kind of project you mean?" is confirmed below
            # (round 35: it got the fact on intern projects).
            and not _P.checks_with_me.search(answer.text)
        ):
            notes = [*notes, "asked a question instead of answering"]
            fact = self._fact_for(answer.text, unknown=None)
            # "What do you mean by intractable exactly?" asks about the question: it is said
            # in other words, not kept for the end (round 34).
            about_it = _P.about_the_question.search(answer.text)
            lead = (
                f"{fact} "
                if fact
                else line(self.persona.language, "other_words" if about_it else "defer")
            )
            return self._ask_again(asked_turn, lead, notes)
        said = admission(answer.text)
        if said is not None and not self._asks_knowledge(asked_turn, question):
            # "I don't know the teams yet" to "why us?" is a weak answer, not honesty about
            # a concept: no thanks for it; the interview treats it as an answer.
            notes = [*notes, "missed: says they don't know"]
            said = None
        judged = said is None and stage.kind == "questions" and asked_turn.kind != "follow_up"
        missed = (
            judged
            and not addresses(
                answer.text, asked, kind=question.kind, options=self._options(question)
            )
            # "What's the difference exactly between the two? ... so I'm not sure." asks
            # before choosing: it is answered, not called a miss (round 30).
            and not _P.asks_difference.search(answer.text)
        )
        if judged and not missed and question.kind in {"technical", "case", "coding"}:
            # A technical answer about none of the question's concepts that fits another
            # planned question answered that one (backprop explained when asked about RLHF).
            shared = set(lexicon_terms(asked_turn.text)) & set(lexicon_terms(answer.text))
            own_words = len(stems(asked) & stems(answer.text))
            # Any content word of the question in the answer ("pattern" for "which design
            # pattern...?" answered with the strategy pattern) means it was answered.
            missed = (
                not shared and own_words == 0 and self._answered_other_question(answer) is not None
            )
        if said is not None:
            notes = [*notes, *self._bluff_notes(said.concepts or self._asked_concepts(asked_turn))]
        elif missed and first_try:
            other = self._answered_other_question(answer, later_only=True)
            lead = "other_question" if other else "missed"
            notes = [*notes, f"missed: did not answer the question{other or ''}"]
            return self._ask_again(asked_turn, line(self.persona.language, lead), notes)
        elif missed:
            # Asked twice and still not answered: no follow-up on an answer to nothing.
            notes = [*notes, "missed: did not answer the question after it was reworded"]
            decision = self._next_after(answer.stage_index, answer.question_index)
            lead = line(self.persona.language, "move_on").strip()
            if decision.action == "close":
                return self._close(lead, decision.stage_index, 0, notes, [])
            return self._ask_planned(decision, lead, notes)
        if (fact := self._correction(asked_turn, answer)) is not None:
            # Asked for a key fact and still not given it: the interviewer says it, once,
            # and moves on, as one does after a doubled-down wrong answer.
            lead = self._clear_lead() + lower_first_word(fact)
            if said is not None:
                lead = f"{self._honest_ack(answer.text)} {lead}"
                # "I can't really explain backprop" after a challenge: the bluff is noted on
                # this path too (round 29: a new challenge moved the admission here).
                notes = [
                    *notes,
                    *self._bluff_notes(said.concepts or self._asked_concepts(asked_turn)),
                ]
            notes = [*notes, "missed: the key fact asked for is still not stated; told"]
            decision = self._next_after(answer.stage_index, answer.question_index)
            if decision.action == "close":
                return self._close(lead, decision.stage_index, 0, notes, [])
            return self._ask_planned(decision, lead, notes)
        aside = self._aside_reply(answer, stage)
        if aside is not None:
            notes = [*notes, "asked the interviewer a question at the end of the answer"]
        elif (chosen := self._embedded_choice(answer, stage)) is not None:
            # "Do you mean the isolation forest or the general idea? [answers]": the reading
            # meant is said, then the interview goes on (round 8: the question was ignored).
            aside, went_on = chosen
            notes = [*notes, "asked which reading was meant, then answered"]
            if not went_on and first_try:
                # What followed answers neither reading ("Do you mean like in a team, or for
                # myself? Usually I just write code that works"): the reading, and the
                # candidate answers it (round 27: "Like in a team, yes." and the next topic).
                return self._go_ahead(answer, aside, notes)
        elif trailing_either:
            # What they chose is fine (round 10: the reply echoed both readings, as if the
            # choice had not been heard); when they chose none ("... is it about memory or
            # speed?"), one reading is given (round 20: "Either works" to nothing chosen).
            options = _P.options.search(parts[-1]) or _P.prep_options.search(parts[-1])
            said_before = " ".join(parts[:-1])
            unsure = re.search(
                r"\?|\b(?:i think|something to do with|maybe|not sure|i guess)\b", said_before, re.I
            )
            chose = (
                options is None
                or not unsure
                or any(stems(o) & stems(said_before) for o in options.group("a", "b") if o)
            )
            notes = [*notes, "answered, then asked which reading was meant"]
            if (not chose or unsure) and first_try:
                # Round 33: "I'm not sure what else, sorry. What do you mean by limitations,
                # like of the model or of how we evaluated it?" got "Either works; that one is
                # fine." and the next question: a hedged half-answer gets the floor back.
                # The reading they did not answer: they answer it now (round 27: "Mainly how
                # you validated it." and, at once, the next planned question).
                return self._go_ahead(answer, self._either_reply(parts[-1]), notes)
            aside = (
                self._least_recent(["Either works; that one is fine.", "That works, yes."])
                if chose
                else self._either_reply(parts[-1])
            )
        elif _P.checks_with_me.search(answer.text):
            # "Is that what you were asking about?" (round 10: "I see, thanks", unanswered).
            aside = "Yes, that's what I meant."
        elif _P.meant_else.search(answer.text):
            aside = "No, that's what I meant."
        elif (one := _P.one_reading.search(answer.text)) is not None:
            # "... we kind of tried things and kept what helped. Do you mean how we did feature
            # selection formally?" (round 15: unanswered).
            pick = _said_back(one.group("a"))
            aside = f"Yes, {pick.strip()}."
            if first_try and len(answer.text[one.end() :].split()) < 20:
                return self._go_ahead(answer, aside, notes)
        elif (meant := _P.which_meant.search(answer.text)) is not None:
            # "Which work do you mean, the energy one?" (round 14: unanswered).
            pick = _said_back(meant.group("a"))
            aside = f"Yes, {pick.strip()}."
        elif (
            first := _P.one_reading_first.search(answer.text)
            or _P.what_mean_like.search(answer.text)
        ) is not None:
            # "Do you mean like when I should clean the code? I usually do notebooks first":
            # a line after the question is no answer to it; they answer it now (round 29:
            # "Yes, when you should clean the code." and the next topic at once).
            pick = _said_back(first.group("a"))
            aside = f"Yes, {pick.strip()}."
            if first_try and len(answer.text[first.end() :].split()) < 20:
                return self._go_ahead(answer, aside, notes)
        elif _P.reassure.search(answer.text):
            # "Is it okay if I say that?" (round 14: kept "for the end" and never answered).
            aside = "It's fine to say that."
        elif _P.corrects_me.search(answer.text):
            # "I think there's a misunderstanding: I haven't started a PhD" (round 8).
            aside = line(self.persona.language, "my_mistake")
        elif _P.already_said.search(answer.text):
            # "I think I already answered that" (rounds 8 and 9: "Okay", as if not heard).
            aside = line(self.persona.language, "you_had")
        decision = self._decide(answer)
        if aside is not None and decision.text is not None:
            # A question asked in a full answer ("Could I ask what the alerts feed into
            # today?") is answered first, then the interview goes on (round 8).
            decision = Decision(
                decision.action,
                decision.stage_index,
                decision.question_index,
                topic=decision.topic,
                text=f"{aside} {decision.text}",
                note=decision.note,
            )
        if decision.text is not None:  # a push, press, challenge or story prompt
            return self._say(
                decision.text,
                "follow_up",
                answer.stage_index,
                answer.question_index,
                "plan",
                notes=[*notes, decision.note] if decision.note else notes,
                topic=decision.topic,
            )
        again = self._restated(answer)
        if again is not None:
            notes = [*notes, "missed: said a wrong claim again after it was corrected"]
        if decision.action == "follow_up":
            return self._follow_up(answer, question, decision.topic, notes, lead=aside or again)
        acks = self.persona.acknowledgements
        ack = acks[len(self.turns) % len(acks)]
        if said is not None:
            ack = self._honest_ack(answer.text)
            if (gist := self._gist(self.current_turn)) is not None:
                ack = f"{ack} {gist}"
        if self._confirmed(self.current_turn, answer):
            ack = self._least_recent(line(self.persona.language, "right"))
        elif again is not None:
            ack = again
        if aside is not None:
            ack = aside
        if decision.action == "close":
            return self._close(ack, decision.stage_index, 0, notes, [])
        return self._ask_planned(decision, ack, notes)

    def _restated(self, answer: Turn) -> str | None:
        """A wrong claim said again after the interviewer challenged it and told what is
        true: the fact, once more and firmly, before the interview goes on (round 24: "clip
        the gradient to norm 0.2" and "CodeCarbon reads the transistors" repeated right after
        the correction got "I see.")."""
        asked = self.current_turn
        said = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        again = line(self.persona.language, "as_i_said")
        for found in stated(answer.text, asked.text if asked is not None else ""):
            item = found.misconception
            if not item.graded or item.fact is None or item.challenge not in said:
                continue
            fact = lower_first_word(item.fact)
            if (fact in said or item.fact in said) and f"{again}{fact}" not in said:
                return f"{again}{fact}"
        return None

    def _gist(self, asked: Turn | None) -> str | None:
        """After "I don't know" to a question asking to explain a concept: its first key
        fact, once, so a wrong guess or a blank does not stand (round 19: RLHF left blank
        after "Maybe the model just gets worse on other tasks?")."""
        if asked is None or self.persona.language != "en":
            return None
        explained = asks_to_explain(core_question(asked.text))
        concept = concept_asked(explained[0]) if explained else None
        if concept is None or not concept.checks or concept.checks[0].fact is None:
            return None
        fact = concept.checks[0].fact
        said = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        if lower_first_word(fact) in said or fact in said:
            return None
        return f"The key idea: {lower_first_word(fact)}"

    def _timing_remark(self, stage_index: int) -> str | None:
        """After a presentation: how long it took, when it is far from the time given."""
        stage = self.persona.stages[stage_index]
        if stage.kind != "monologue" or self.persona.language != "en":
            return None
        spoken = sum(
            t.duration_s
            for t in self.turns
            if t.speaker == "candidate" and t.stage_index == stage_index
        )
        planned = stage.minutes * 60
        if 0.6 * planned <= spoken <= 1.1 * planned:
            return None
        minutes = max(1, round(spoken / 60))
        unit = "minute" if minutes == 1 else "minutes"
        remark = f"That took about {minutes} {unit} of your {stage.minutes:g}"
        if spoken < 0.6 * planned:
            talk = " ".join(
                t.text
                for t in self.turns
                if t.speaker == "candidate" and t.stage_index == stage_index
            )
            # A panel's words, not a coach's (round 19: "in the real round, use it to ..."
            # was a coach speaking); the advice itself is in the report.
            use = (
                "to go deeper into how your method works"
                if re.search(r"\d|\b(?:percent|twice|half)\b", talk)
                else "for your results, with numbers"
            )
            return f"{remark}, so we have time {use}."
        return f"{remark}, so we'll keep the questions short."

    def _asks_knowledge(self, asked: Turn, question: Question) -> bool:
        """A question about a concept (technical, a probe, a case, or a follow-up on a
        technical term): where "I can't explain it" is the honest answer to thank."""
        if asked.kind == "follow_up":
            # A challenge or a key-fact question asks about knowledge too (round 29: "I
            # can't really explain backprop" after "Quadratic in the layers?" was read as
            # "I don't know" to a question on motivation).
            challenge = any(
                n.startswith("missed: states a misconception") or "leaves out a key fact" in n
                for n in asked.notes
            )
            return challenge or bool(asked.topic and lexicon_terms(asked.topic))
        return question.kind in {"technical", "probe", "case", "coding"}

    def _honest_ack(self, answer: str = "") -> str:
        """An acknowledgement of "I don't know" not said before in this interview; once
        each was said, the one said longest ago (never the same twice in a row). A partial
        answer that ends "I'm not sure about the rest" is not praised for not guessing
        (round 9: "Thanks for saying so; that's better than guessing" after a guess)."""
        options = line(self.persona.language, "honest")
        if _partial(answer):
            options = line(self.persona.language, "partial")
        return self._least_recent(options)

    def _least_recent(self, options: list[str]) -> str:
        """The wording never said in this interview, else the one said longest ago."""
        said = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        return min(options, key=said.rfind)  # -1 (never said) first, then the oldest

    def _options(self, question: Question) -> list[str]:
        if question.options:
            return list(question.options)
        return list(self.persona.team_topics) if "{team_topics}" in question.text else []

    def _unused(self, texts: list[str]) -> str | None:
        asked = self._earlier_questions()
        return next((t for t in texts if t not in asked), None)

    def _pin_down(self, answer: Turn) -> str | None:
        """A short answer hedged between two things ("maybe the internship? Or the RL
        project. I don't know.") gets one question on the first, concretely, as a recruiter
        would (round 9: the next topic came instead)."""
        if self.persona.language != "en" or len(answer.text.split()) > 45:
            return None
        if not _P.hedge_words.search(answer.text):
            return None
        found = _P.maybe_or.search(answer.text)
        if found is None:
            return None
        first = found.group("a").strip(" ,")
        if not 0 < len(first.split()) <= 5:
            return None
        first = _second_person(first)
        asked = self.current_turn.text if self.current_turn else ""
        if re.search(r"\b(?:would you|will you|do you want|want to|going to|plan)\b", asked, re.I):
            # A goal, not a past project (round 22: "maybe a model that works, or a
            # prototype" to "what would you want to have shipped?" got "what was your own
            # part in it?").
            text = (
                f"Let's take {first}: what would it do, concretely, and how would you know "
                "it works?"
            )
        else:
            text = f"Let's take {first}: what was your own part in it, and what came of it?"
        return text if text not in self._earlier_questions() else None

    def _vague_push(self, answer: Turn) -> str | None:
        """One push for something concrete after an answer that hedges twice or more and
        holds no figure ("it was a team thing, so it's hard to say what was mine"), as a
        manager or a recruiter does (round 10: thanked, and the topic changed)."""
        text = answer.text
        hedges = len(_P.hedge_words.findall(text)) + len(_P.vague_view.findall(text))
        # "Because it's ML and I need an internship" is as empty a motivation (round 11).
        hedges += 2 * len(_P.need_only.findall(text))
        if (
            hedges < 2
            or len(text.split()) > 70
            or re.search(r"\d", text)
            or _P.date_or_count.search(text)
        ):
            return None
        # The whole turn: "Tell me about a time you disagreed with a teammate. How did you
        # handle it?" is about a disagreement, though its last sentence is not.
        asked = self._without_leads(self.current_turn.text) if self.current_turn else ""
        earlier = self._earlier_questions()
        for push in self.persona.follow_up.after_vague:
            if re.search(push.when, asked, re.I):
                return push.text if push.text not in earlier else None
        return None

    def _without_leads(self, text: str) -> str:
        """An interviewer's turn without its stock lead-in ("Okay, that's a start.", "I
        see.", "To be clear: ..."): what it asked (round 24: the "start" of "that's a start"
        read as a question on start dates)."""
        lang = self.persona.language
        stock = {
            said.strip()
            for value in lines(lang).values()
            for said in ([value] if isinstance(value, str) else value)
            if isinstance(said, str)  # a push is a question, not a lead-in
        } | {a.strip() for a in self.persona.acknowledgements}
        clear = tuple(c.strip() for c in line(lang, "clear"))
        kept = [
            s for s in sentences(text) if s.strip() not in stock and not s.strip().startswith(clear)
        ]
        return " ".join(kept) or text

    def _push_text(self) -> str | None:
        """A wording of the push for a choice not yet used in this interview."""
        asked = self._earlier_questions()
        for text in self.persona.follow_up.push_for_choice:
            if text not in asked:
                return text
        return None

    def _challenge_presentation(self, answer: Turn, notes: list[str]) -> Turn | None:
        """A presentation that states a listed wrong claim ("an AUC of 0.5 is the perfect
        score") gets it challenged as the panel's first question, as a panel does (round
        11: a generic "explain how anomaly detection works" came instead)."""
        si = answer.stage_index
        stages = self.persona.stages
        wrong = self._challenge(answer)
        if wrong is None or si + 1 >= len(stages) or stages[si + 1].kind != "questions":
            return None
        nxt = stages[si + 1]
        acks = self.persona.acknowledgements
        transition = nxt.transition or line(self.persona.language, "transition").format(
            title=_lower_first(nxt.title)
        )
        said = _quote(_claim_clause(wrong.sentence, wrong.misconception.wrong), "", width=140)
        parts = [
            acks[len(self.turns) % len(acks)],
            self._timing_remark(si),
            transition.strip(),
            f'You said: "{said}" {wrong.misconception.challenge}',
        ]
        return self._say(
            " ".join(p for p in parts if p),
            "follow_up",
            si + 1,
            0,
            "plan",
            notes=[
                *notes,
                f'missed: states a misconception, {wrong.misconception.name} ("{wrong.sentence}")',
            ],
        )

    def _told(self, item: Misconception) -> bool:
        """Whether the interviewer has already said what is true about this claim, in other
        words (round 30: "CodeCarbon measures at the wall", corrected, then "since
        CodeCarbon is exact" challenged again from a sibling entry of the list)."""
        if item.fact is None:
            return False
        wanted = stems(item.fact)
        return any(
            len(wanted & stems(sentence)) >= max(4, 0.6 * len(wanted))
            for t in self.turns
            if t.speaker == "interviewer"
            for sentence in re.split(r"(?<=[.!?])\s+", t.text)
        )

    def _challenge(self, answer: Turn) -> Stated | None:
        """The first wrong claim of the answer not challenged yet in this interview. A
        sentence that opens with "It" in an answer about a concept is read with the concept
        named (round 11: "It's cheaper because you literally compress the model", about
        LoRA, passed)."""
        said = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        asked = self.current_turn
        concept = concept_asked(core_question(asked.text)) if asked is not None else None
        text = _with_concept(answer.text, concept)
        found = [
            w
            for w in stated(text, asked.text if asked is not None else "")
            if w.misconception.challenge not in said and not self._told(w.misconception)
        ]
        # The claim about what was asked comes first (round 19: asked about LoRA, the
        # candidate got challenged on attention and LoRA's own wrong claims stood).
        # A wrong claim before a claim merely worth a question (round 23: "99.9% accuracy
        # with 0.1% anomalies" got a question on leakage, not the accuracy trap).
        found.sort(key=lambda w: not w.misconception.graded)
        if concept is not None:
            found.sort(key=lambda w: concept.name.lower() not in w.misconception.name.lower())
        return found[0] if found else None

    def _embedded_choice(self, answer: Turn, stage: Stage) -> tuple[str, bool] | None:
        """When a full answer opens by asking which of two readings was meant ("Do you mean
        the isolation forest or the general idea?", "The betting itself? Or our model?"),
        the reading to take, said back: the candidate's own work, else the named method,
        else the first."""
        if stage.kind != "questions" or len(answer.text.split()) <= 20:
            return None
        if re.search(
            r"\bnot sure which\b|\bmaybe both\b|\bwhich one is\b|\bcould be either\b|"
            r"\bor both\b|\bi(?:'d| would) say\b",
            answer.text,
            re.I,
        ):
            # "Is it for numerical reasons? Or because the log is convex? I'm not sure which
            # one is the real reason": guesses at the answer, not readings of the question
            # (round 15: "Is it for numerical reasons, yes."; round 25: "Maybe the clipping in
            # PPO? Or is there a KL term? I think it could be either, or both." got "Maybe the
            # clipping in PPO, yes.").
            return None
        opening = " ".join(sentences(answer.text)[:2])
        found = (
            _P.options.search(opening)
            or _P.two_questions.search(opening)
            or _P.prep_options.search(opening)
        )
        if found is None:
            return None
        # "Anomaly detection, like, in general?" is said back without its filler (round 26:
        # "Anomaly detection, like, in general, yes.").
        options = [
            re.sub(
                # "by design, like the model" is said back as "the model" (round 34: "By
                # design, the model, yes.")
                r"^(?:like|as in|more like)\b[,\s]*|^by [^,]{1,30},\s*(?:(?:like|as in)\s+)?",
                "",
                re.sub(r"\s*,\s*,|\s{2,}", " ", lexicon.FILLERS.sub("", found.group(g))).strip(
                    " ,"
                ),
                flags=re.I,
            )
            for g in ("a", "b")
        ]
        if not all(0 < len(o.split()) <= 8 for o in options):
            return None
        # "Or the project?" is the candidate's own project, as "my project" is (round 26: the
        # general reading was taken).
        own = [o for o in options if re.search(r"\b(?:our|my)\b|^(?:the|that) project$", o, re.I)]
        # "Do you want the math or just the intuition? Intuitively you go backwards...": the
        # reading they went on with (round 13: the question was not heard).
        rest = answer.text[answer.text.find(found.group(0)) + len(found.group(0)) :]
        answered = [
            o for o in options if stems(re.sub(r"^(?:just|only|rather)\s+", "", o)) & stems(rest)
        ]
        named = [o for o in options if lexicon_terms(o)]
        pick = (own or (answered if len(answered) == 1 else []) or named or options)[0]
        went_on = pick in answered or len(rest.split()) >= 25
        pick = re.sub(r"^(?:just|only|rather)\s+", "", pick)
        pick = _second_person(re.sub(r"^(?:the|that) project$", "your project", pick, flags=re.I))
        return f"{pick[:1].upper()}{pick[1:]}, yes.", went_on

    def _go_ahead(self, answer: Turn, reading: str, notes: list[str]) -> Turn:
        """The reading meant, and the same question stays open for the candidate to answer."""
        go = str(line(self.persona.language, "go_ahead"))
        reading = reading.rstrip()
        if not reading.lower().endswith(go.lower()):
            reading = f"{reading} {go}"
        return self._say(
            reading,
            "reask",
            answer.stage_index,
            answer.question_index,
            "plan",
            notes=[*notes, "asked which reading was meant; told to go ahead"],
        )

    def _aside_reply(self, answer: Turn, stage: Stage) -> str | None:
        """A persona fact answering a question the candidate put to the interviewer at the
        end of a full answer; None when there is none, or no fact fits (it is then left for
        the candidate's questions at the end)."""
        if stage.kind != "questions" or len(answer.text.split()) < 12:
            return None
        parts = sentences(answer.text) or [""]
        last = parts[-1]
        if not last.endswith("?") and len(parts) >= 2 and len(last.split()) <= 8:
            # "... what the team does day to day? That would help me answer." (round 9)
            last = parts[-2]
        if not last.endswith("?"):
            # "Both sound good. What's the difference exactly? Maybe engineering, or research,
            # it depends." (round 14: the question in the middle went unanswered)
            last = next((p for p in reversed(parts[-3:]) if p.endswith("?")), last)
        if not last.endswith("?") or not (
            _P.to_interviewer.search(last)
            or _P.may_i_ask.search(last)
            # "What's the difference exactly between the two? I like coding but ..." (round
            # 30: "I don't think that quite answers my question").
            or _P.asks_difference.search(last)
        ):
            return None
        if clarifying_question(last) is not None or _P.asks_permission.search(last):
            return None
        if (
            _P.about_the_question.search(last)
            or _P.guess_question.search(last)
            or _P.checks_with_me.search(last)
        ):
            return None
        asked = self.current_turn
        check = check_asked(asked.text) if asked is not None else None
        if check is not None and states(check, answer.text):
            # "They stay frozen, maybe? And you add small matrices next to them?": guesses
            # at the key fact asked for, not questions for the team (round 22: "The next
            # round is with the team manager" came back).
            return None
        return self._fact_for(last, unknown=None)

    def _correction(self, asked: Turn, answer: Turn) -> str | None:
        """After a key-fact question whose answer still does not state the fact, or a
        challenged claim the candidate keeps ("Yes, I'm sure: it's an upper bound"): what
        is true."""
        if asked.kind != "follow_up":
            return None
        challenged = next(
            (
                m
                for m, _ in misconceptions()
                if any(
                    n.startswith(f"missed: states a misconception, {m.name} (") for n in asked.notes
                )
            ),
            None,
        )
        if challenged is not None:
            # Unless the candidate takes it back ("Sorry, you're right: a lower bound"), the
            # fact is said: kept, half kept or replaced by another wrong claim, it must not
            # stand (round 10: "isolation forest is supervised", insisted on).
            if (
                _P.backs_down.search(answer.text)
                and not _P.keeps_claim.search(answer.text)
                and not any(s.misconception is challenged for s in stated(answer.text, asked.text))
            ):
                return None
            if challenged.fact is None:
                # A claim worth a question, with no fact to tell (round 23: joining None
                # crashed the interview, and resuming it crashed again).
                return None
            return " ".join([challenged.fact, *self._also_wrong(asked, challenged)])
        if not any("leaves out a key fact" in n for n in asked.notes):
            return None
        check = check_asked(asked.text)
        if check is None or check.fact is None or states(check, answer.text):
            return None
        return check.fact

    def _also_wrong(self, asked: Turn, challenged: Misconception) -> list[str]:
        """The fact of one more wrong claim of the challenged answer, not told yet (round
        19: "LoRA is low-rank attention ... you quantize all the weights" stood after the
        attention claim was corrected)."""
        index = next((i for i, t in enumerate(self.turns) if t is asked), None)
        if index is None or index < 2 or self.turns[index - 1].speaker != "candidate":
            return []
        challenged_answer = self.turns[index - 1]
        said = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        question = self.turns[index - 2].text
        concept = concept_asked(core_question(question))
        found = stated(_with_concept(challenged_answer.text, concept), question)
        # Another claim of the same sentence is the same mistake said twice ("CodeCarbon
        # measures the exact energy at the plug"): its fact would say the same thing again.
        sentence = next((s.sentence for s in found if s.misconception is challenged), None)
        told = stems(challenged.fact or "")
        others = [
            s.misconception.fact
            for s in found
            if s.misconception is not challenged
            and s.sentence != sentence
            and s.misconception.fact
            and s.misconception.fact not in said
            # Not the same fact in other words (round 22: "costs about one extra forward
            # pass. And the backward pass costs about as much as the forward pass").
            and len(stems(s.misconception.fact) & told) < 0.4 * len(stems(s.misconception.fact))
        ]
        return [f"And {lower_first_word(others[0])}"] if others else []

    def _confirmed(self, asked: Turn, answer: Turn) -> bool:
        """The answer to a key-fact question states that fact."""
        if asked.kind != "follow_up" or not any("leaves out a key fact" in n for n in asked.notes):
            return False
        if re.search(r"\bor\b", answer.text, re.I) and (
            re.search(r"\b(?:both|either|which (?:one|option))\b", answer.text, re.I)
            or len(_P.hedge_words.findall(answer.text)) >= 2
        ):
            # "the 99th percentile, or the capacity, I don't know, both maybe"; round 13: "Or
            # maybe we gave all of them the same label. I don't remember which option we kept"
            return False
        if re.search(
            r"\bi (?:don'?t|do not) (?:really |quite )?know\b|\bno idea\b|\bnot (?:really )?sure\b",
            answer.text,
            re.I,
        ):
            # "...they have fewer rows? Or the update is small. Sorry, I don't really know the
            # exact meaning." is a guess, never "Right, exactly." (round 24).
            return False
        if any(s.misconception.graded for s in stated(answer.text, asked.text)):
            # "The low rank means the weights are quantised to 4 bits" names the rank but is
            # wrong (round 23: "Yes, that's it.").
            return False
        check = check_asked(asked.text)
        return check is not None and check.fact is not None and states(check, answer.text)

    def _clear_lead(self) -> str:
        """A lead-in for a fact the interviewer states, not the one said last."""
        return self._least_recent(line(self.persona.language, "clear"))

    def _one_level_deeper(self, answer: Turn, question: Question) -> str | None:
        """After a full explanation of the concept a planned question asks about (every key
        fact stated, no hedge), the question one level past it, as an interviewer digs with
        a strong candidate (round 27: each topic got one question, and an hour's interview
        took 12 minutes)."""
        asked = self.current_turn
        if (
            question.kind not in {"technical", "probe", "case"}
            or asked is None
            or asked.kind != "question"
            or len(answer.text.split()) < 50
            or admission(answer.text) is not None
            or stated(answer.text, asked.text)
        ):
            return None
        concept = concept_asked(core_question(asked.text))
        if concept is None or not concept.deeper:
            return None
        return deeper_question(concept, self._answers(), self._earlier_questions())

    def _key_fact(self, answer: Turn, *, hint: bool = False) -> Decision | None:
        """The key-fact question as a decision (see :meth:`_check_text`)."""
        found = self._check_text(answer, hint=hint)
        if found is None:
            return None
        text, concept = found
        return Decision(
            "check",
            answer.stage_index,
            answer.question_index,
            topic=concept,
            text=text,
            note=f"missed: the explanation of {concept} leaves out a key fact; asked for it"
            + (" as a hint" if hint else ""),
        )

    def _check_text(self, answer: Turn, *, hint: bool = False) -> tuple[str, str] | None:
        """When an explanation leaves out a key fact of the concept asked about, the question
        that asks for it (once an interview). A wrong answer rarely states the right fact, so
        this is how "LoRA is long-range attention" stops being accepted with "Okay"."""
        asked_turn = self.current_turn
        if asked_turn is None or asked_turn.kind == "reask":
            return None
        question = self._question(answer.stage_index, answer.question_index)
        if not self._asks_knowledge(asked_turn, question):
            return None
        asked = core_question(asked_turn.text)
        concept = concept_asked(asked)
        if concept is None or any(c.ask in asked_turn.text for c in concept.checks):
            return None  # one check at a time: the answer to a check is not checked again
        said = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        done = {c.ask for c in concept.checks if c.ask in said}
        # Nor is a fact the interviewer already told ("To be clear: PPO is on-policy..."):
        # asking it next is asking what they just heard (round 24).
        told = " ".join(s for s in sentences(said) if not s.rstrip().endswith("?"))
        done |= {c.ask for c in concept.checks if states(c, told)}
        # A fact the candidate stated in an earlier answer is not asked for again.
        found = key_fact_question(
            asked, answer.text, earlier=" ".join(self._answers()[:-1]), skip=done, hint=hint
        )
        return (found[1].ask, found[0].name) if found is not None else None

    def _press_text(self, answer: Turn) -> tuple[str, str | None] | None:
        """When a "how does it work?" got a name and an adjective: one push for the mechanism
        (a wording not used yet in this interview), as a technical interviewer does."""
        asked_turn = self.current_turn
        if asked_turn is None or asked_turn.kind == "reask":
            return None
        asked = core_question(asked_turn.text)
        question = self._question(answer.stage_index, answer.question_index)
        if asked_turn.kind == "follow_up":
            concepts = [asked_turn.topic] if asked_turn.topic else []
            technical = bool(concepts and lexicon_terms(concepts[0]))
        else:
            # The concept asked about; for a design or coding question that names none, the
            # one the answer leans on ("an interval tree").
            named = [t for t in lexicon_terms(answer.text) if t not in TOOLS]
            concepts = asks_to_explain(asked) or lexicon_terms(asked)
            if not concepts and question.kind in {"case", "coding"}:
                concepts = named
            technical = question.kind in {"technical", "probe", "case", "coding"}
        if (
            not technical
            or not _CONCEPTS.asks_how.search(asked)
            or not vague_explanation(answer.text)
            or _P.forgot_formula.search(answer.text)
        ):
            return None
        earlier = self._earlier_questions()
        for template in self.persona.follow_up.press_for_detail:
            topic, text = None, template
            if "{topic}" in template:
                if not concepts or self._template_used(template):
                    continue  # each wording once an interview, whatever the topic
                topic = concepts[0]
                text = template.format(topic=_noun_phrase(surface(topic, asked)))
            if text not in earlier and not near_duplicate(text, earlier):
                return text, topic
        return None

    def _asked_concepts(self, asked: Turn) -> list[str]:
        return [asked.topic] if asked.topic else lexicon_terms(core_question(asked.text))

    def _bluff_notes(self, concepts: list[str]) -> list[str]:
        """A concept the candidate leaned on and now says they cannot explain: the bluff
        that costs offers. Noted with both quotes for the grader."""
        notes = []
        stressed = {c.lower(): c for c in stressed_concepts(self._answers()[:-1])}
        for concept in concepts:
            if concept.lower() in stressed:
                # The stressed answer may name it another way ("Backprop is the key
                # ingredient" for backpropagation; round 18 crashed on a StopIteration here).
                earlier = next(
                    (
                        t.text
                        for t in self.session.transcript.candidate_turns()
                        if concept.lower() in t.text.lower()
                        or concept.lower() in {c.lower() for c in lexicon_terms(t.text)}
                    ),
                    None,
                )
                quote = f' ("{_quote(earlier, concept)}")' if earlier else ""
                notes.append(
                    f"flag: leaned on {concept} earlier{quote} and then said they cannot explain it"
                )
        return notes

    def _answered_other_question(self, answer: Turn, *, later_only: bool = False) -> str | None:
        """When an answer fits another planned question better than the one asked;
        ``later_only``: one not asked yet (round 14: "That answers a question I had for
        later" of an answer fitting a question asked long before)."""
        asked = stems(core_question(self.current_turn.text))
        said = stems(answer.text)
        best, best_hits = None, 1
        for si, stage in enumerate(self.persona.stages):
            if stage.kind != "questions":
                continue
            for qi, question in enumerate(stage.questions):
                if (si, qi) == (answer.stage_index, answer.question_index):
                    continue
                if later_only and (si, qi) < (answer.stage_index, answer.question_index):
                    continue
                text = self._render(question)[0]
                cues = [c for c in question.answered_if if c.lower() in answer.text.lower()]
                hits = len((stems(text) - asked) & said) + 2 * len(cues)
                if hits > best_hits:
                    best, best_hits = text, hits
        return f' (answered "{best}" instead)' if best else None

    def _ask_again(self, asked: Turn, lead: str, notes: list[str]) -> Turn:
        """Ask the pending question once more, in other words; a follow-up, or a question
        with no other wording, is not repeated: the interview moves on."""
        question = self._question(asked.stage_index, asked.question_index)
        if asked.kind != "follow_up" and question.rephrase:
            values = self._values()
            text = question.rephrase.format(team_topics=values["team_topics"] or "")
            # A rephrasing shares words with the question it rewords; it must not repeat any
            # other question, nor itself.
            earlier = [q for q in self._earlier_questions() if q != core_question(asked.text)]
            if not near_duplicate(text, earlier) and text not in self._earlier_questions():
                if lead.rstrip().endswith((":", ",")):
                    text = _lower_first(text)
                return self._say(
                    lead + text,
                    "reask",
                    asked.stage_index,
                    asked.question_index,
                    "plan",
                    notes=notes,
                )
        decision = self._next_after(asked.stage_index, asked.question_index)
        if decision.action == "close":
            return self._close(lead.strip(), asked.stage_index, 0, notes, [])
        return self._ask_planned(decision, lead.strip(), notes)

    def _next_after(self, stage_index: int, question_index: int) -> Decision:
        questions = self.stage(stage_index).questions
        if not self._stage_over(stage_index, self.elapsed):
            for following in range(question_index + 1, len(questions)):
                if not questions[following].spare or self._time_to_spare(stage_index):
                    return Decision("next", stage_index, following)
        return self._next_stage(stage_index, self.elapsed)

    def _time_to_spare(self, stage_index: int) -> bool:
        """Whether the stage has used less than half its minutes: its spare questions are
        asked (round 32: interviews announced as an hour over in ten minutes)."""
        used = self.elapsed - self._stage_started_at(stage_index)
        return used < self.stage(stage_index).minutes * 60 / 2

    def _ask_planned(self, decision: Decision, lead: str, notes: list[str]) -> Turn:
        """The next planned question, unless it would repeat an earlier one or ask for what
        the candidate already said: then its deeper version, or the one after it."""
        current = self.current_turn
        while True:
            question = self._question(decision.stage_index, decision.question_index)
            text, topic = self._render(question)
            first_of_stage = decision.question_index == 0
            # Its generic wording ("the approach you described") is about the last answer:
            # a caveat on seeds two answers earlier is not the method's limits (round 27:
            # "You already named its limits" after C51 was explained without any).
            about_last = (
                "{topic}" in question.text
                and topic is None
                and bool(_P.about_last_answer.search(question.generic or ""))
            )
            answered = already_answered(
                core_question(text),
                question.answered_if,
                self._answers()[-1:] if about_last else self._answers(),
                topic=topic if "{topic}" in question.text else None,
            )
            if not answered and "{project}" in question.text and topic is None:
                answered = self._described_project()  # told already, with no CV to name it
            skip = bool(
                answered
                and question.deeper
                and already_answered("", question.deeper_answered_if, self._answers())
            )
            if skip:
                notes = [*notes, "fact: already answered, the deeper question too; skipped"]
            elif answered and question.deeper:
                text, topic = self._render_deeper(question), None
                notes = [*notes, "fact: already answered; asked a deeper question"]
            repeated = near_duplicate(core_question(text), self._earlier_questions())
            if not repeated and not skip and (not answered or question.deeper or first_of_stage):
                break
            following = self._next_after(decision.stage_index, decision.question_index)
            if following.action == "close":
                return self._close(lead, decision.stage_index, 0, notes, [])
            decision = following
        transition = ""
        if current is not None and decision.stage_index != current.stage_index:
            stage = self.persona.stages[decision.stage_index]
            title = _lower_first(stage.title)
            transition = stage.transition or line(self.persona.language, "transition").format(
                title=title
            )
            transition = transition.strip() + " "
            if text.startswith(("Let's", "You've already", "You said")):
                transition = ""  # "Let's talk about X. Let's stay on Y" stacks two openers
            elif lead == line("en", "move_on").strip() and not stage.transition:
                lead, transition = f"Let's move on to {title}.", ""
            timing = self._timing_remark(current.stage_index)
            if timing:
                lead = f"{lead} {timing}"
        return self._say(
            f"{lead} {transition}{text}",
            "question",
            decision.stage_index,
            decision.question_index,
            "plan",
            notes=notes,
            topic=topic,
        )

    def _either_reply(self, text: str) -> str:
        """ "Do you mean for the internship or just in general?": one reading chosen, as a
        person would ("Mainly in general."), and the candidate goes on (round 10: "Either is
        fine, X or Y: take the one you know best" echoed the candidate and chose nothing).
        The candidate's own work first, then the general reading, then the first named."""
        found = _P.options.search(text) or _P.prep_options.search(text)
        if found:
            options = list(found.group("a", "b"))
        else:
            last = [s for s in sentences(text) if s.endswith("?")] or [text]
            head = re.sub(r"^(?:sorry|so|okay|um|hmm)\b[,\s]*", "", last[-1], flags=re.I)
            options = re.split(r",?\s+or\s+", head.rstrip("?"), maxsplit=1)
        options = [
            # "more how you trained it" is said back as "how you trained it" (round 28:
            # "Mainly more how you trained it.")
            re.sub(
                r"^(?:just|rather|more like|more|only|exactly|like|as in)\b[,\s]*",
                "",
                # "by subject, like a field" is said back as "a field" (round 33: "Mainly by
                # subject, like a field.")
                re.sub(r"^by [^,]{1,30},\s*(?:like|as in)\s+", "", o.strip(" ,")),
            )
            for o in options
        ]
        # Said back: the candidate's "my internship" is "your internship"; their "your
        # company" is ours (round 13: "Mainly exactly, why your company in particular.").
        options = [_said_back(o) for o in options]
        ours = [o for o in options if re.search(r"\bour\b", o, re.I)]
        if len(options) != 2 or not all(0 < len(o.split()) <= 8 for o in options):
            return self._least_recent(
                ["Whichever you prefer; go ahead.", "Either works; go ahead."]
            )
        if options[1].lower() in {"not", "no", "not really"}:
            # "You mean are they updated or not?" asks whether the question is the one it
            # reads back: it is (round 28: "Are they updated, I'd say.").
            return "Yes, exactly that."
        own = [o for o in options if re.search(r"\byour?\b", o, re.I)]
        general = [o for o in options if re.search(r"\bgeneral(?:ly)?\b", o, re.I)]
        pick = (own or ours or general or options)[0]
        said = [t.text for t in self.turns if t.speaker == "interviewer"]
        if any(t.startswith("Mainly ") for t in said) and not any(", I'd say." in t for t in said):
            return f"{pick[:1].upper()}{pick[1:]}, I'd say."
        return f"Mainly {pick}."

    def _follow_up(
        self,
        answer: Turn,
        question: Question,
        topic: str | None,
        notes: list[str],
        *,
        lead: str | None = None,
    ) -> Turn:
        """A follow-up on ``answer``; ``lead``: words said first (the answer to the
        candidate's own question), else a short neutral lead."""
        asked = core_question(self.current_turn.text)
        # The first words are known before the model is called: a voice can start saying
        # them while the question is being written.
        # The lead said longest ago: when no follow-up comes, the count of follow-ups does
        # not move, and round 8 heard "Mm-hm." five times in a row.
        lead = lead or self._least_recent(line(self.persona.language, "follow_up_leads"))
        if self.on_lead is not None:
            self.on_lead(lead)
        text, rejected = self._model_text("follow_up", "question", answer, asked, topic, notes)
        source: TurnSource = "model"
        if text is None and self.persona.follow_up.fallback == "template":
            source = "fallback"
            text = self._template_follow_up(answer, topic)
            # No template reads true for that topic: another topic of the answer may.
            for other in self._fresh_topics(answer) if topic and text is None else []:
                if other != topic and (text := self._template_follow_up(answer, other)):
                    topic = other
                    break
        if text is None:
            # No template reads true for this answer, or each would repeat: move on instead.
            decision = self._decide(answer, follow_up=False)
            if decision.action == "close":
                return self._close(lead, decision.stage_index, 0, notes, rejected)
            return self._ask_planned(decision, lead, notes)
        return self._say(
            f"{lead} {text}",
            "follow_up",
            answer.stage_index,
            answer.question_index,
            source,
            notes=notes,
            rejected=rejected,
            topic=topic,
        )

    def _template_used(self, template: str) -> bool:
        """The same wording with another topic sounds like a machine: once an interview."""
        head, _, tail = template.partition("{topic}")
        pattern = re.compile(re.escape(head) + r".+" + re.escape(tail) + "$")
        return any(pattern.search(t.text) for t in self.turns if t.kind == "follow_up")

    def _template_fits(self, template: Template, topic: str, answer: str) -> bool:
        if topic in BROAD or topic.lower() in BENCHMARKS:
            return False  # "Why did you choose inference here?" (round 9), "HalfCheetah" (15)
        if template.asks_explanation and self._explained(topic):
            return False  # round 15: "how does PPO work?" two answers after it was explained
        is_concept = bool(lexicon_terms(topic))
        if template.fits == "concept" and not is_concept:
            return False
        if template.fits == "named" and not self._worked_on(topic, answer):
            return False  # "the hardest problem in Hessian": not something they worked on
        if template.asks_explanation and (explains(answer, topic) or topic in TOOLS):
            return False  # "how does it work?" after they explained it, or of a library
        if template.skip_if and re.search(template.skip_if, answer, re.I):
            return False
        if topic in TOOLS and not (
            template.needs_use and re.search(r"\b(use|chose|choose)", template.text)
        ):
            return False  # of a tool one asks why it was used, nothing else
        if template.needs_use:
            said = [s for s in re.split(r"(?<=[.!?;])\s+", answer) if topic.lower() in s.lower()]
            return any(_P.used.search(s) and not _P.negated.search(s) for s in said)
        return True

    def _template_follow_up(self, answer: Turn, topic: str | None) -> str | None:
        policy = self.persona.follow_up
        used = self._follow_ups_used_total()
        earlier = self._earlier_questions()
        if topic:
            phrase = _noun_phrase(surface(topic, answer.text))
            pool = [
                t.text.format(topic=phrase)
                for t in policy.templates
                if self._template_fits(t, topic, answer.text) and not self._template_used(t.text)
            ]
        else:
            said = None if _NOTES.injection.search(answer.text) else echo(answer.text)
            lead = line(self.persona.language, "you_said")
            pool = [(lead.format(said=said) if said else "") + t for t in policy.vague_templates]
        if not pool:
            return None
        rotated = pool[used % len(pool) :] + pool[: used % len(pool)]
        ctx = TurnContext(language=self.persona.language, earlier_questions=earlier)
        for candidate in rotated:
            if not check(candidate, "question", ctx) and not near_duplicate(
                core_question(candidate), earlier
            ):
                return candidate
        return None

    def _reply_to_candidate(self, answer: Turn, stage: Stage, notes: list[str]) -> Turn:
        """Answer from the persona's facts (or say who will know), then offer the stage's
        next invitation; "no questions" closes."""
        si = answer.stage_index
        replies = sum(1 for t in self.turns if t.kind == "reply" and t.stage_index == si)
        stage_over = self._stage_over(si, answer.elapsed_s)
        said = re.sub(
            r"^\W*(?:(?:um+|uh+|hmm+|well|so|okay|ok|honestly|actually)\W+)+",
            "",
            answer.text,
            flags=re.I,
        )
        # "No questions" may come after a remark ("That's surprising, but fine. No, thank
        # you, that's all from me."): any sentence of it counts, when nothing is asked.
        declines = any(_P.no_questions.search(part) for part in [said, *sentences(said)]) or (
            re.search(r"\bthat'?s all (?:from me|for me|i had)|no more questions", said, re.I)
        )
        # "Is the internship remote or on site? That's all I think.": a last question, then
        # the close (round 14: closed without answering it).
        asks_something = not declines or any(
            p.endswith("?") and _asks_something(p) for p in sentences(answer.text)
        )
        if not asks_something:
            # "I had one about remote work but I forgot... no, thank you": the topic they
            # named is answered before the goodbye (round 20: closed without it).
            named = _P.one_about.search(answer.text)
            fact = self._fact_for(named.group("topic"), unknown=None) if named else None
            return self._close(fact, si, answer.question_index, notes, [])
        reply = self._late_answer(answer) or self._fact_for(answer.text)
        if declines or replies + 1 >= len(stage.questions) or stage_over:
            return self._close(reply, si, answer.question_index, notes, [])
        more = self._render(stage.questions[replies + 1])[0]
        return self._say(f"{reply} {more}", "reply", si, replies + 1, "plan", notes=notes)

    def _late_answer(self, answer: Turn) -> str | None:
        """A late answer to the last technical question, said when the candidate was asked
        for their questions (round 19: "Maybe ... MCMC gives exact samples eventually but it's
        slow, and variational is faster but approximate?" got "your supervisor would be the
        right person to ask"): what it gets right or misses, said as an interviewer would."""
        if _P.to_interviewer.search(answer.text) or self.persona.language != "en":
            return None
        earlier = [
            t
            for t in self.turns
            if t.speaker == "interviewer"
            and t.stage_index < answer.stage_index
            and self.persona.stages[t.stage_index].kind == "questions"
        ]
        # The last question about a concept (a follow-up on it may name it no more).
        asked = next(
            (
                core_question(t.text)
                for t in reversed(earlier[-3:])
                if concept_asked(core_question(t.text)) is not None
            ),
            None,
        )
        if asked is None:
            return None
        concept = concept_asked(asked)
        shared = stems(asked) & stems(answer.text)
        if concept is None or not (len(shared) >= 2 or (shared and lexicon_terms(answer.text))):
            return None
        wrong = stated(answer.text, asked)
        if wrong and wrong[0].misconception.fact:
            return self._clear_lead() + lower_first_word(wrong[0].misconception.fact)
        missing = [c for c in concept.checks if c.fact and not states(c, answer.text)]
        if missing:
            return (
                "Thanks for coming back to that. "
                + self._clear_lead()
                + lower_first_word(missing[0].fact)
            )
        return "Thanks for coming back to that; yes, that's the gist of it."

    def _fact_for(self, question: str, unknown: str | None = "") -> str | None:
        """The persona facts that answer ``question`` (one per part of a two-part question,
        in the order asked), or the honest "I don't know"."""
        said = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        parts = [
            p for p in re.split(r"(?<=\?)\s+|\band second\b|\bsecond,", question, flags=re.I) if p
        ]
        # A remark after the question ("... in the team? Because I think it's key.") is no
        # second question (round 8: "On your other question" to a single question), nor is
        # a guess at the answer ("Maybe a model that works?", round 13).
        parts = [p for p in parts if _asks_something(p)] or [question]
        # "How is the team split ..., and would an intern be on call?": two questions in one
        # sentence (round 13 answered the first only). Its clauses each look for a fact,
        # but only a whole part with none is "my other question" ("is there an A/B test, and
        # who looks at the results?" is one question).
        clauses = [
            (i, c)
            for i, p in enumerate(parts[:3])
            # "what would a first project look like, is it closer to production or to
            # research?" asks two things too (round 20: only the first was answered).
            for c in re.split(
                # "..., and roughly how long does it take?" (round 24: the timeline unsaid)
                r"(?:,\s*|\s)and (?:\w+ly )?(?=(?:how|what|why|who|when|is|do|does|would|will)\b)|"
                r",\s*(?:or\s+)?(?=(?:is it|are they|is that)\b)",
                p,
            )
            if c.strip()
        ]
        lang = self.persona.language
        chosen: list[str] = []
        found: set[int] = set()
        for i, clause in clauses[:4]:
            asked_here = stems(clause)
            if (
                chosen
                and _P.alternative.match(clause)
                and len(asked_here & stems(" ".join(chosen))) >= max(2, len(asked_here) / 2)
            ):
                # "who owns the evaluation pipelines, is it each engineer for their model or a
                # shared platform?": the fact for the first clause answers the second (round
                # 28: the team's headcount came with it).
                found.add(i)
                continue
            best = self._best_fact(clause, exclude=[*chosen, said])
            if best is None and len(clauses) > 1:
                # A part whose fact was said before gets it again, said as a reminder; a part
                # no fact answers is not dropped in silence (round 7: "more theory or more
                # experiments?" got nothing while its first half got an answer).
                again = self._best_fact(clause, exclude=chosen)
                if again is not None:
                    best = line(lang, "as_i_said") + lower_first_word(again)
            if best:
                found.add(i)
                if best not in chosen:
                    chosen.append(best)
        unanswered = [p for i, p in enumerate(parts[:3]) if i not in found]
        # "What would the intern work on? Is it more RL or more probabilistic?": one fact
        # ("reinforcement learning..., a few in probabilistic modelling") may answer both
        # (round 11: "On your other question, I don't know" to a question just answered).
        unanswered = [p for p in unanswered if not _covered(p, chosen)]
        if not chosen:
            best = self._best_fact(question, exclude=[said])
            chosen = [best] if best else []
        elif unanswered:
            # "Good question." opens some personas' "I don't know"; not after "On your other
            # question," (round 8: "On your other question, Good question.").
            unknown = re.sub(
                r"^\s*good question[.!]\s*", "", self.persona.unknown_answer, flags=re.I
            )
            chosen.append(line(lang, "other_part") + lower_first_word(unknown))
        if chosen:
            return " ".join(chosen)
        if unknown != "":
            return unknown
        if self.persona.unknown_answer in said:
            return line(self.persona.language, "unknown_again")
        return self.persona.unknown_answer

    def _best_fact(self, question: str, exclude: list[str]) -> str | None:
        """The fact sharing the most specific keywords with the question sentences of
        ``question`` (round 13: "Maybe engineering, but research could be good too... What
        is the difference in practice?" got the fact on the two tracks), else with all of
        it; never one already said (``exclude``)."""
        asking = " ".join(s for s in sentences(question) if s.rstrip().endswith("?"))
        if asking and asking != question:
            found = self._best_fact(asking, exclude)
            if found is not None:
                return found
        # "supervised learning" is a kind of learning, not a question about supervisors
        # (round 19: "do you use distributional RL, or is it more supervised learning?" got
        # the fact on the intern's supervisor).
        asked = stems(_P.supervised_learning.sub(" ", question))
        # What the question asks about weighs more than the options it lists (round 19:
        # "what does success look like ..., a paper, a tool, or a negative result?" got the
        # fact on negative results).
        head = stems(_question_head(question))
        # A technical term asked about is the subject, more than "production" or "deploy"
        # around it (round 19: "do you use quantization in production?" got the fact on
        # deployment checks).
        technical = stems(" ".join(lexicon_terms(question)))
        best, best_score = None, 0.0
        context_best, context_score = None, 0.0
        for fact in self.persona.facts:
            if any(fact.answer in text for text in exclude):
                continue
            # A keyword of several words counts only when all of them are asked about.
            keywords = {k: frozenset(stems(k)) - _FILLER_STEMS for k in fact.about}
            matched = {k: ks for k, ks in keywords.items() if ks and ks <= asked}
            shared = set().union(*matched.values())
            # Words nearly every candidate question holds ("internship", "team") count less
            # than what the question is really about ("mentor", "remote").
            specific = shared - _CONTEXT_STEMS
            # "interviews" and "intern" share the stem "inter", which every question about
            # the internship holds: said as such, "interviews" counts fully (round 10).
            if _P.interviews.search(question) and any(
                k.lower() in {"interview", "interviews"} for k in fact.about
            ):
                specific = specific | {"interviews"}
            # On a tie, what is named first wins: the thing asked about comes before its
            # qualifiers ("the monthly stipend for interns on the engineering track").
            lowered = question.lower()
            first = min((lowered.find(stem) % (len(lowered) + 1) for stem in specific), default=0)
            score = (
                len(specific)
                + 1.1 * len(specific & head)
                + len(specific & technical)
                + 0.25 * len(shared & _CONTEXT_STEMS)
                + 0.001 * (1 - first / (len(lowered) + 1))
            )
            if specific and score > best_score:
                best, best_score = fact.answer, score
            elif not specific and score > context_score:
                context_best, context_score = fact.answer, score
        # "What would the intern work on?" holds only such words: two of them still point
        # at the fact that has both (round 10: "not the best person" to say it).
        return best or (context_best if context_score >= 0.5 else None)

    def _reask(
        self, asked: Turn, *, lead: str | None = None, note: str = "no answer given"
    ) -> Turn:
        lang = self.persona.language
        if self._reasks_at(asked.stage_index, asked.question_index) < MAX_REASKS:
            again = core_question(asked.text)
            if "?" not in again:  # an invitation (the pitch): say it again, not its lead-ins
                again = self._render(self._question(asked.stage_index, asked.question_index))[0]
            return self._say(
                (lead or line(lang, "reask")) + again,
                "reask",
                asked.stage_index,
                asked.question_index,
                "plan",
                notes=[note],
            )
        # Still nothing: move on to the next planned question.
        decision = self._next_after(asked.stage_index, asked.question_index)
        notes = ["no answer after asking again: moved on"]
        if decision.action == "close":
            return self._close(line(lang, "move_on").strip(), asked.stage_index, 0, notes, [])
        return self._ask_planned(decision, line(lang, "move_on").strip(), notes)

    def _close(
        self,
        lead: str | None,
        stage_index: int,
        question_index: int,
        notes: list[str],
        rejected: list[str],
    ) -> Turn:
        text = f"{lead} {self.persona.closing.strip()}" if lead else self.persona.closing.strip()
        turn = self._say(
            text, "close", stage_index, question_index, "plan", notes=notes, rejected=rejected
        )
        self.store.set_status(self.session.id, "finished")
        self.session.status = "finished"
        return turn

    def _values(self) -> dict[str, str | None]:
        profile = self.session.profile
        said = " ".join(t.text for t in self.turns).lower()
        projects = [p for p in profile.projects if _project_key(p) not in said]
        # A probe on the presentation asks about its method, never how a broad term or a
        # library works (round 10: "You talked about the small language model: can you
        # explain how it works?" to a study that treated five models as black boxes).
        mentioned = [t for t in self._mentioned() if t not in BROAD | TOOLS]
        return {
            "project": projects[0] if projects else None,
            "role": profile.role,
            "company": profile.company,
            "track": profile.track,
            "topic": mentioned[0] if mentioned else None,
            "team_topics": _natural_list(self.persona.team_topics, self.persona.language),
        }

    def _render(self, question: Question) -> tuple[str, str | None]:
        """Fill a planned question's placeholders; use ``generic`` when one has no value."""
        values = self._values()
        if question.same_topic:
            previous = next(
                (t for t in reversed(self.turns) if t.kind == "question" and t.topic), None
            )
            keep = previous.topic if previous else None
            gone = self._disowned()
            values["topic"] = keep if keep and keep.lower() not in gone else None
        needed = {name for _, name, _, _ in string.Formatter().parse(question.text) if name}
        if all(values.get(name) for name in needed):
            topic = values["topic"] if "topic" in needed else None
            filled = {k: v or "" for k, v in values.items()}
            if topic:
                # "Let's stay on the Bellman equation", not "on Bellman equation" (round 9).
                filled["topic"] = _noun_phrase(topic)
            text = question.text.format(**filled)
            if topic and (earlier := _P.mentioned_earlier.match(text)) and self._just_said(topic):
                # Round 26: "You mentioned PPO earlier" when PPO had been the subject of the
                # last two turns.
                still = str(line(self.persona.language, "still_on")).format(topic=filled["topic"])
                text = still + text[earlier.end() :]
            if topic and _P.plural.search(topic):
                # "Let's stay on Q-values: what are their main limitations?" (round 15: "its").
                text = re.sub(r"\bits\b", "their", text)
            return text, topic
        generic = question.generic or question.text
        return generic.format(team_topics=values["team_topics"] or ""), None

    def _just_said(self, topic: str) -> bool:
        """Whether ``topic`` is in the last question or the answer to it."""
        last = [t.text for t in self.turns[-2:]]
        return any(re.search(rf"\b{re.escape(topic)}\b", t, re.I) for t in last)

    def _described_project(self) -> str | None:
        """Something the candidate has already described working on, at some length (a
        project or an internship named in an answer of 40 words or more)."""
        for turn in reversed(self.session.transcript.candidate_turns()):
            if len(turn.text.split()) < 40:
                continue
            for topic in topics(turn.text, projects=self.session.profile.projects):
                # A school is who they are, not a project (round 11: "Looking back at ENS
                # Paris-Saclay, what would you do differently?" to a current student).
                if self._worked_on(topic, turn.text) and not affiliation(topic, turn.text):
                    return topic
        return None

    def _render_deeper(self, question: Question) -> str:
        profile = self.session.profile
        said = " ".join(self._answers()).lower()
        discussed = [p for p in profile.projects if _project_key(p) in said]
        project = discussed[-1] if discussed else self._described_project() or "that project"
        values = self._values()
        return (question.deeper or "").format(
            project=project, team_topics=values["team_topics"] or ""
        )

    # -- model ---------------------------------------------------------------------------
    def _model_text(
        self,
        purpose: str,
        expect: Expect,
        answer: Turn,
        asked: str,
        topic: str | None,
        notes: list[str],
    ) -> tuple[str | None, list[str]]:
        """Ask the model for a turn and validate it. None when nothing usable came."""
        rejected: list[str] = []
        if self._model_failures >= MODEL_FAILURES_BEFORE_PLAN_ONLY:
            return None, rejected
        stage = self.persona.stages[answer.stage_index]
        task = "follow_up_vague" if purpose == "follow_up" and not topic else purpose
        messages: list[BaseMessage] = [
            SystemMessage(prompting.system_prompt(self.persona, self.session.profile)),
            HumanMessage(
                prompting.task_prompt(task, stage, question=asked, answer=answer.text, topic=topic)
            ),
        ]
        ctx = TurnContext(
            language=self.persona.language,
            earlier_questions=[core_question(t.text) for t in self.turns if t.is_question],
            notes=[n for t in self.turns for n in t.notes] + notes,
            answer=answer.text,
            must_refer_to_answer=purpose == "follow_up",
            topic=topic,
            said_so_far=" ".join(t.text for t in self.turns),
            explains=self._asks_explanations(),
        )
        for _attempt in range(MODEL_ATTEMPTS):
            raw = self._call(messages, purpose)
            if raw is None:
                break
            say = parse_output(raw, expect)
            problems = check(say, expect, ctx)
            if purpose == "follow_up" and any(self._explained(c) for c in asks_to_explain(say)):
                problems.append("asks for what the candidate already explained")
            if not problems:
                return say, rejected
            rejected.append(f"{say[:100]!r}: {'; '.join(problems)}")
            messages = [*messages, AIMessage(raw), HumanMessage(prompting.retry_prompt(problems))]
        return None, rejected

    def _asks_explanations(self) -> bool:
        """Whether this interviewer asks how concepts work: one with technical questions or
        templates that ask for explanations (not a hiring manager, not a recruiter)."""
        return any(t.asks_explanation for t in self.persona.follow_up.templates) or any(
            q.kind in {"technical", "case", "coding", "probe"}
            for s in self.persona.stages
            for q in s.questions
        )

    def _call(self, messages: list[BaseMessage], purpose: str) -> str | None:
        # One line is one turn: stopping at the newline saves most of a weak model's
        # rambling (and its time).
        reply = call_model(
            self.model,
            messages,
            purpose=purpose,
            model_name=self.model_name,
            log=functools.partial(self.store.log_llm_call, session_id=self.session.id),
            stop=["\n"],
        )
        text, error = reply.text, reply.error
        if error is None:
            self._model_failures = 0
            return text
        self._model_failures += 1
        if self._model_failures == MODEL_FAILURES_BEFORE_PLAN_ONLY:
            self.warnings.append(
                f"the model ({self.model_name}) failed twice ({error[:200]}); "
                "continuing with the planned questions"
            )
        return None

    def _say(
        self,
        text: str,
        kind: TurnKind,
        stage_index: int,
        question_index: int,
        source: TurnSource,
        *,
        notes: list[str] | None = None,
        rejected: list[str] | None = None,
        topic: str | None = None,
    ) -> Turn:
        spoken = speaking_seconds(text)
        turn = Turn(
            seq=len(self.turns),
            speaker="interviewer",
            text=re.sub(r"\s+", " ", text).strip(),
            kind=kind,
            stage_id=self.persona.stages[stage_index].id,
            stage_index=stage_index,
            question_index=question_index,
            elapsed_s=self.clock.stamp(self.elapsed, spoken),
            duration_s=spoken,
            source=source,
            topic=topic,
            notes=notes or [],
            rejected=rejected or [],
        )
        self._append(turn)
        return turn

    def _append(self, turn: Turn) -> None:
        """Store first, then show: what the user sees is always in the database."""
        self.store.add_turn(self.session.id, turn)
        self.turns.append(turn)

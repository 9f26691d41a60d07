"""The interview loop.

The engine owns the plan: which stage, which planned question, when to follow
up, when time moves the interview on. The model only words a turn (a follow-up,
an acknowledgement, a reply to the candidate's question) and every word it
writes is validated; a turn that fails twice is replaced by text that needs no
model (a follow-up template filled with a topic from the answer, or the plan).
Each turn is stored before the next one is made.
"""

from __future__ import annotations

import re
import string
import time
from collections.abc import Callable
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from . import prompting
from .clock import Clock, SpokenClock
from .errors import InputError
from .llm import describe
from .llm.messages import to_openai_dicts
from .notes import ADMITS_LIMIT, observe
from .personas import Persona, Question, Stage
from .store import Store
from .text import EN_STOPWORDS, FR_STOPWORDS, clean, similarity, speaking_seconds, words
from .topics import topics
from .transcript import CandidateProfile, Session, Turn, TurnKind, TurnSource
from .validation import Expect, TurnContext, check, parse_output
from .voice.metrics import SpeechMetrics

MAX_REASKS = 2
MAX_CANDIDATE_QUESTIONS = 3
MODEL_FAILURES_BEFORE_PLAN_ONLY = 2
_NO_QUESTIONS = re.compile(
    r"^\W*(no|nope|none|nothing|not really|no questions?|no,? thanks?|no,? thank you|"
    r"that'?s all|that is all|i'?m good|all good|non|pas de questions?|rien)\b",
    re.I,
)
_QUESTION_SENTENCE = re.compile(r"[^.!?]*\?")
_REASK = {
    "en": "Sorry, I didn't catch an answer. ",
    "fr": "Pardon, je n'ai pas entendu de réponse. ",
}
_MOVE_ON = {"en": "Let's move on. ", "fr": "Passons à la suite. "}
_TRANSITION = {"en": "Let's talk about {title}. ", "fr": "Parlons de {title}. "}


_DEFER = {
    "en": "Good question; let's keep it for the end, when you can ask me anything. ",
    "fr": "Bonne question ; gardons-la pour la fin, vous pourrez tout me demander. ",
}


_HONEST = {
    "en": "That's fine, thanks for being honest about it.",
    "fr": "C'est très bien, merci de votre franchise.",
}
_FOLLOW_UP_LEADS = {
    "en": ["I see.", "Okay.", "Right.", "Interesting."],
    "fr": ["Je vois.", "D'accord.", "Très bien.", "Intéressant."],
}
_REPEAT = {"en": "Of course. ", "fr": "Bien sûr. "}
_WANTS_REPEAT = re.compile(
    r"\b(repeat|rephrase|say (that|it) again|what do you mean|clarify|répéter|reformuler)\b", re.I
)


_UNCLEAR = {
    "en": "I'm not sure I understood your answer. ",
    "fr": "Je ne suis pas sûr d'avoir compris votre réponse. ",
}
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


def _is_counter_question(text: str) -> bool:
    """A short reply that is itself a question ("Who would be my mentor?")."""
    return text.rstrip().endswith("?") and len(text.split()) <= 30


def _natural_list(items: list[str], language: str) -> str | None:
    """'a, b and c' (or 'a, b et c')."""
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {'et' if language == 'fr' else 'and'} {items[-1]}"


def core_question(text: str) -> str:
    """The question sentence of a turn ("Thanks. What did you do?" -> "What did you do?")."""
    found = _QUESTION_SENTENCE.findall(text)
    return found[-1].strip() if found else text.strip()


@dataclass
class Decision:
    action: str  # "follow_up" | "next" | "close"
    stage_index: int = 0
    question_index: int = 0
    topic: str | None = None


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
        last = session.transcript.last()
        if not session.finished and last is not None and last.speaker == "candidate":
            interview._respond(last)
        return interview

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

    def _probed(self) -> set[str]:
        return {t.topic.lower() for t in self.turns if t.topic}

    def _mentioned(self) -> list[str]:
        """Topics the candidate brought up and nobody has probed yet, newest first."""
        probed = self._probed()
        seen: list[str] = []
        for turn in reversed(self.session.transcript.candidate_turns()):
            if ADMITS_LIMIT.search(turn.text):
                continue  # what the candidate said they do not master is not probed again
            for topic in topics(turn.text, projects=self.session.profile.projects):
                if topic.lower() not in probed and topic not in seen:
                    seen.append(topic)
        return seen

    def _question(self, stage_index: int, question_index: int) -> Question:
        return self.persona.stages[stage_index].questions[question_index]

    def _decide(self, answer: Turn, *, follow_up: bool = True) -> Decision:
        si, qi = answer.stage_index, answer.question_index
        stage = self.persona.stages[si]
        question = stage.questions[qi]
        stage_over = answer.elapsed_s - self._stage_started_at(si) >= stage.minutes * 60
        if follow_up and stage.kind == "questions" and not stage_over:
            limit = (
                question.max_follow_ups
                if question.max_follow_ups is not None
                else self.persona.follow_up.max_per_question
            )
            # An honest "I'm not sure" is not probed further: move on, as a fair interviewer does.
            if self._follow_ups_used(si, qi) < limit and not ADMITS_LIMIT.search(answer.text):
                probed = self._probed()
                fresh = [
                    t
                    for t in topics(answer.text, projects=self.session.profile.projects)
                    if t.lower() not in probed
                ]
                if fresh:
                    return Decision("follow_up", si, qi, topic=fresh[0])
                if len(answer.text.split()) < self.persona.follow_up.min_answer_words:
                    return Decision("follow_up", si, qi)
        if not stage_over and qi + 1 < len(stage.questions):
            return Decision("next", si, qi + 1)
        return self._next_stage(si, answer.elapsed_s)

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
        problem = non_answer(answer.text, core_question(self.current_turn.text))
        if problem is not None:
            # Gibberish or the question read back is not an answer: ask again, never praise it.
            return self._reask(
                self.current_turn,
                lead=_UNCLEAR[self.persona.language],
                note=f"not an answer: {problem}",
            )
        if (
            stage.kind == "questions"
            and _is_counter_question(answer.text)
            and not self._reasks_at(answer.stage_index, answer.question_index)
        ):
            lead = (_REPEAT if _WANTS_REPEAT.search(answer.text) else _DEFER)[self.persona.language]
            return self._say(
                lead + core_question(self.current_turn.text),
                "reask",
                answer.stage_index,
                answer.question_index,
                "plan",
                notes=[*notes, "asked a question instead of answering"],
            )
        decision = self._decide(answer)
        if decision.action == "follow_up":
            return self._follow_up(answer, question, decision.topic, notes)
        acks = self.persona.acknowledgements
        ack = acks[len(self.turns) % len(acks)]
        if ADMITS_LIMIT.search(answer.text):
            ack = _HONEST[self.persona.language]
        if decision.action == "close":
            return self._close(ack, decision.stage_index, 0, notes, [])
        return self._ask_planned(decision, ack, notes)

    def _ask_planned(self, decision: Decision, lead: str, notes: list[str]) -> Turn:
        current = self.current_turn
        transition = ""
        if current is not None and decision.stage_index != current.stage_index:
            title = self.persona.stages[decision.stage_index].title.lower()
            transition = _TRANSITION[self.persona.language].format(title=title)
        question = self._question(decision.stage_index, decision.question_index)
        text, topic = self._render(question)
        return self._say(
            f"{lead} {transition}{text}",
            "question",
            decision.stage_index,
            decision.question_index,
            "plan",
            notes=notes,
            topic=topic,
        )

    def _follow_up(
        self, answer: Turn, question: Question, topic: str | None, notes: list[str]
    ) -> Turn:
        asked = core_question(self.current_turn.text)
        # The first words are known before the model is called: a voice can start saying
        # them while the question is being written.
        leads = _FOLLOW_UP_LEADS[self.persona.language]
        lead = leads[self._follow_ups_used_total() % len(leads)]
        if self.on_lead is not None:
            self.on_lead(lead)
        text, rejected = self._model_text("follow_up", "question", answer, asked, topic, notes)
        source: TurnSource = "model"
        if text is None:
            source = "fallback"
            text = self._template_follow_up(answer, topic)
        if text is None:
            # Every template would repeat an earlier question: move on instead.
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

    def _template_follow_up(self, answer: Turn, topic: str | None) -> str | None:
        policy = self.persona.follow_up
        used = self._follow_ups_used_total()
        earlier = [core_question(t.text) for t in self.turns if t.is_question]
        pool = (
            [t.format(topic=topic) for t in policy.templates]
            if topic
            else list(policy.vague_templates)
        )
        rotated = pool[used % len(pool) :] + pool[: used % len(pool)]
        ctx = TurnContext(language=self.persona.language, earlier_questions=earlier)
        for candidate in rotated:
            if not check(candidate, "question", ctx):
                return candidate
        return None

    def _reply_to_candidate(self, answer: Turn, stage: Stage, notes: list[str]) -> Turn:
        si = answer.stage_index
        replies = sum(1 for t in self.turns if t.kind == "reply" and t.stage_index == si)
        stage_over = answer.elapsed_s - self._stage_started_at(si) >= stage.minutes * 60
        asks_something = "?" in answer.text or not _NO_QUESTIONS.search(answer.text)
        if not asks_something or replies >= MAX_CANDIDATE_QUESTIONS - 1 or stage_over:
            reply = None
            rejected: list[str] = []
            if asks_something:
                reply, rejected = self._model_text("reply", "statement", answer, "", None, notes)
                reply = reply or stage.answer_fallback
            return self._close(reply, si, answer.question_index, notes, rejected)
        reply, rejected = self._model_text("reply", "statement", answer, "", None, notes)
        source: TurnSource = "model" if reply else "fallback"
        reply = reply or stage.answer_fallback or ""
        more = stage.questions[-1]
        reply = f"{reply} {self._render(more)[0]}"
        return self._say(
            reply, "reply", si, answer.question_index, source, notes=notes, rejected=rejected
        )

    def _reask(
        self, asked: Turn, *, lead: str | None = None, note: str = "no answer given"
    ) -> Turn:
        lang = self.persona.language
        if self._reasks_at(asked.stage_index, asked.question_index) < MAX_REASKS:
            return self._say(
                (lead or _REASK[lang]) + core_question(asked.text),
                "reask",
                asked.stage_index,
                asked.question_index,
                "plan",
                notes=[note],
            )
        # Still nothing: move on to the next planned question.
        if asked.question_index + 1 < len(self.stage(asked.stage_index).questions):
            decision = Decision("next", asked.stage_index, asked.question_index + 1)
        else:
            decision = self._next_stage(asked.stage_index, self.elapsed)
        notes = ["no answer after asking again: moved on"]
        if decision.action == "close":
            return self._close(_MOVE_ON[lang].strip(), asked.stage_index, 0, notes, [])
        return self._ask_planned(decision, _MOVE_ON[lang].strip(), notes)

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

    def _render(self, question: Question) -> tuple[str, str | None]:
        """Fill a planned question's placeholders; use ``generic`` when one has no value."""
        profile = self.session.profile
        used_projects = " ".join(t.text for t in self.turns if t.speaker == "interviewer")
        projects = [p for p in profile.projects if p not in used_projects] or profile.projects
        mentioned = self._mentioned()
        values = {
            "project": projects[0] if projects else None,
            "role": profile.role,
            "company": profile.company,
            "track": profile.track,
            "topic": mentioned[0] if mentioned else None,
            "team_topics": _natural_list(self.persona.team_topics, self.persona.language),
        }
        needed = {name for _, name, _, _ in string.Formatter().parse(question.text) if name}
        if all(values.get(name) for name in needed):
            topic = values["topic"] if "topic" in needed else None
            return question.text.format(**{k: v or "" for k, v in values.items()}), topic
        generic = question.generic or question.text
        return generic.format(team_topics=values["team_topics"] or ""), None

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
        """Ask the model for a turn; validate; retry once. None when nothing usable came."""
        rejected: list[str] = []
        if self._model_failures >= MODEL_FAILURES_BEFORE_PLAN_ONLY:
            return None, rejected
        stage = self.persona.stages[answer.stage_index]
        messages: list[BaseMessage] = [
            SystemMessage(prompting.system_prompt(self.persona, self.session.profile)),
            HumanMessage(
                prompting.task_prompt(
                    purpose, stage, question=asked, answer=answer.text, topic=topic
                )
            ),
        ]
        ctx = TurnContext(
            language=self.persona.language,
            earlier_questions=[core_question(t.text) for t in self.turns if t.is_question],
            notes=[n for t in self.turns for n in t.notes] + notes,
            answer=answer.text,
            must_refer_to_answer=purpose == "follow_up",
            topic=topic,
        )
        for _attempt in range(2):
            raw = self._call(messages, purpose)
            if raw is None:
                break
            say = parse_output(raw, expect)
            problems = check(say, expect, ctx)
            if not problems:
                return say, rejected
            rejected.append(f"{say[:100]!r}: {'; '.join(problems)}")
            messages = [*messages, AIMessage(raw), HumanMessage(prompting.retry_prompt(problems))]
        return None, rejected

    def _call(self, messages: list[BaseMessage], purpose: str) -> str | None:
        started = time.monotonic()
        text: str | None = None
        error: str | None = None
        try:
            # One line is one turn: stopping at the newline saves most of a weak model's
            # rambling (and its time).
            reply = self.model.invoke(messages, stop=["\n"])
            text = reply.content if isinstance(reply.content, str) else str(reply.content)
        except AssertionError:
            raise  # a strict test fake saying the script is wrong: never swallow it
        except Exception as e:  # the port boundary: any provider failure means "no text"
            error = f"{type(e).__name__}: {e}"[:2000]
        self.store.log_llm_call(
            session_id=self.session.id,
            model=self.model_name,
            purpose=purpose,
            messages=to_openai_dicts(messages),
            response=text,
            error=error,
            started=started,
        )
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

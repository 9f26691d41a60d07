"""An LLM judge: reason first, then a 1-5 score, with verbatim evidence.

It fails closed: unparseable output, a missing criterion, an out-of-range score or a
score whose quotes are not in the candidate's own answers is not used; the
deterministic score stands and the report says why.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, ConfigDict, ValidationError

from ..llm import describe
from ..llm.calls import CallLog, call_model
from ..llm.capabilities import capabilities
from ..prompting import template
from ..text import shorten, word_count
from .report import JudgeVerdict
from .rubrics import Rubric
from .signals import AnswerUnit

MAX_QUOTE_WORDS = 60
MIN_QUOTE_WORDS = 3
MAX_STRONGER_WORDS = 160


class _RawCriterion(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    reason: str = ""
    score: float | int | str
    evidence: list[str] = []


class _RawStronger(BaseModel):
    model_config = ConfigDict(extra="ignore")
    turn: int
    text: str


class _RawOutput(BaseModel):
    model_config = ConfigDict(extra="ignore")
    criteria: list[_RawCriterion]
    stronger_answers: list[_RawStronger] = []


@dataclass
class JudgeResult:
    verdicts: dict[str, JudgeVerdict] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    stronger: dict[int, str] = field(default_factory=dict)


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[^\w%.'-]+", " ", text.lower()).split())


def extract_json(raw: str) -> dict:
    """The JSON object in a reply that may wrap it in a code fence or in prose."""
    start, end = raw.find("{"), raw.rfind("}")
    if start < 0 or end <= start:
        raise ValueError("no JSON object in the reply")
    value = json.loads(raw[start : end + 1])
    if not isinstance(value, dict):
        raise ValueError("the JSON is not an object")
    return value


def valid_quotes(quotes: list[str], answers: list[str]) -> list[str]:
    """Quotes that occur word for word (ignoring case and punctuation) in an answer."""
    haystacks = [_norm(a) for a in answers]
    kept = []
    for quote in quotes:
        q = _norm(str(quote))
        if MIN_QUOTE_WORDS <= len(q.split()) <= MAX_QUOTE_WORDS and any(q in h for h in haystacks):
            kept.append(str(quote).strip())
    return kept


def parse_verdicts(
    raw: str, rubrics: list[Rubric], units: list[AnswerUnit], model_name: str
) -> JudgeResult:
    result = JudgeResult()
    try:
        output = _RawOutput.model_validate(extract_json(raw))
    except (ValueError, ValidationError) as e:
        reason = f"unparseable output: {str(e).splitlines()[0][:120]}"
        result.errors = {r.id: reason for r in rubrics}
        return result
    by_id = {c.id: c for c in output.criteria}
    answers = [u.answer for u in units]
    for rubric in rubrics:
        item = by_id.get(rubric.id)
        if item is None:
            result.errors[rubric.id] = "no verdict for this criterion"
            continue
        score = item.score
        if isinstance(score, str) or score != int(score) or not 1 <= int(score) <= 5:
            result.errors[rubric.id] = f"score out of range or not an integer: {score!r}"
            continue
        quotes = valid_quotes(item.evidence, answers)
        if not quotes:
            result.errors[rubric.id] = "no valid evidence (quotes not found in the answers)"
            continue
        result.verdicts[rubric.id] = JudgeVerdict(
            model=model_name, reason=item.reason.strip()[:1000], score=int(score), evidence=quotes
        )
    seqs = {u.seq for u in units}
    for s in output.stronger_answers:
        if s.turn in seqs and 5 <= word_count(s.text) <= MAX_STRONGER_WORDS:
            result.stronger[s.turn] = s.text.strip()
    return result


def _criteria_block(rubrics: list[Rubric]) -> str:
    lines = []
    for r in rubrics:
        levels = "; ".join(f"{k}: {v}" for k, v in sorted(r.levels.items()))
        lines.append(f"- {r.id}: {' '.join(r.description.split())} Levels - {levels}")
    return "\n".join(lines)


def _transcript_block(units: list[AnswerUnit]) -> str:
    return json.dumps(
        [{"turn": u.seq, "question": u.question, "answer": shorten(u.answer, 3000)} for u in units],
        ensure_ascii=False,
        indent=1,
    )


class LLMJudge:
    """Callable as the grader's judge; one model call per report."""

    def __init__(self, model: BaseChatModel, *, log: CallLog | None = None):
        self.model = model
        self.model_name = describe(model)
        self.log = log  # the session's model-call log, when the report is of a stored one

    def __call__(self, rubrics: list[Rubric], units: list[AnswerUnit]) -> JudgeResult:
        if not rubrics or not units:
            return JudgeResult()
        messages = [
            SystemMessage(template("judge_system").template),
            HumanMessage(
                template("judge_task").safe_substitute(
                    criteria=_criteria_block(rubrics), transcript=_transcript_block(units)
                )
            ),
        ]
        reply = call_model(
            self.model, messages, purpose="judge", model_name=self.model_name, log=self.log
        )
        if reply.text is None:  # a failed judge means "no judge"
            reason = f"judge call failed: {(reply.error or '')[:140]}"
            return JudgeResult(errors={r.id: reason for r in rubrics})
        return parse_verdicts(reply.text, rubrics, units, self.model_name)


def judge_for(
    model: BaseChatModel, wanted: bool | None = None, *, log: CallLog | None = None
) -> LLMJudge | None:
    """The model as a judge when asked (``wanted``), or by default when its provider says
    it is capable (a 135M model is not: grading then stays deterministic)."""
    if wanted is False:
        return None
    if wanted or capabilities(model).judges_by_default:
        return LLMJudge(model, log=log)
    return None

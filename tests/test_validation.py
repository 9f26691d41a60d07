"""The turn validator and the reply parser, on a table of real weak-model outputs."""

from __future__ import annotations

import pytest

from interviewer.validation import TurnContext, check, parse_output

ANSWER = "At CFM I compared logistic regression and gradient boosting for sports betting."
CTX = TurnContext(
    answer=ANSWER,
    must_refer_to_answer=True,
    topic="gradient boosting",
    earlier_questions=["Could you start by introducing yourself?"],
    notes=["figures cited: 12% on the backtest"],
)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("How did you tune gradient boosting for sports betting?", None),
        ("What's the difference between logistic regression and gradient boosting?", None),
        ("", "empty"),
        ("How did you tune it? Why?", "exactly one question"),
        ("Tell me about gradient boosting.", "exactly one question"),
        ("Why?", "too short"),
        ("What did the candidate do with gradient boosting?", "role confusion"),
        ("Candidate: I compared models. What next?", "role confusion"),
        ("As an AI language model, what do you think of gradient boosting?", "role confusion"),
        ("What would you like to know about gradient boosting?", "role confusion"),
        ("Could you start by introducing yourself again?", "repeats an earlier question"),
        ("How was your weekend, and did you rest well?", "does not refer"),
        ("Score: 3/5. How did you tune gradient boosting?", "leaks hidden notes"),
        (
            "Given figures cited: 12% on the backtest, how did you tune gradient boosting?",
            "leaks hidden notes",
        ),
        (
            "At CFM I compared logistic regression and gradient boosting for sports, right?",
            "repeats the candidate's words",
        ),
        ("How did you tune {topic} with gradient boosting?", "markup"),
        ("Pourquoi avez-vous choisi le gradient boosting pour ce projet ?", "language"),
        ("How " + "very " * 50 + "much gradient boosting did you use?", "too long"),
    ],
)
def test_question_rules(text, problem):
    problems = check(text, "question", CTX)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in p for p in problems), problems


def test_statement_must_not_ask():
    assert check("Interns are mentored by a senior engineer.", "statement", TurnContext()) == []
    assert "must not ask a question here" in check("Who knows?", "statement", TurnContext())


def test_french_persona_accepts_french():
    ctx = TurnContext(language="fr")
    assert check("Pourquoi avez-vous choisi ce projet de stage ?", "question", ctx) == []


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("NOTES: weak on numbers\nSAY: How did you measure it?", "How did you measure it?"),
        ('"How did you measure it?"', "How did you measure it?"),
        ("Question: How did you measure it? And what about cost?", "How did you measure it?"),
        ("Sure! Here is my question. How did you measure it?", "How did you measure it?"),
        ("Interviewer: How did you measure it?", "How did you measure it?"),
        ("No question here", "No question here"),
    ],
)
def test_parse_output(raw, expected):
    assert parse_output(raw, "question") == expected

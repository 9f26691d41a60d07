"""The command line, run as a user runs it (a real subprocess and a real database)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import cli_env, run_cli

from interviewer.transcript import Session

PLAIN = [
    "I am a student who likes building things that people actually use every day, and I "
    "would love to learn how a large team ships software to real users at scale.",
    "The project I am proudest of is the one where our small team rebuilt the whole data "
    "flow from scratch and cut the waiting time for everyone who depended on it every week.",
    "I would like to join because the work here reaches many people and the team clearly "
    "cares about doing things properly, with reviews and tests and honest feedback.",
]


def run(*args, stdin: str | None = None, env: dict | None = None, check: bool = True):
    result = run_cli(*args, stdin=stdin, env=env)
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def scripted_env(tmp_path):
    path = tmp_path / "script.json"
    path.write_text("[]")
    return {"INTERVIEWER_LLM_PROVIDER": "scripted", "INTERVIEWER_SCRIPTED_FILE": str(path)}


def test_practice_from_answers_file_then_sessions_and_export(tmp_path, scripted_env):
    answers = tmp_path / "answers.txt"
    answers.write_text("\n\n".join(PLAIN) + "\n")
    out = run("practice", "--persona", "recruiter", "--answers", str(answers), env=scripted_env)
    assert "Sam Moreau: Hello, I'm Sam" in out.stdout
    assert out.stdout.count("You: ") == 3
    assert "the answers ran out" in out.stderr and "Resume with" in out.stderr

    listed = run("sessions").stdout.strip().splitlines()
    assert len(listed) == 1 and "recruiter" in listed[0] and "active" in listed[0]
    sid = listed[0].split()[0]

    md = run("export", sid, "--format", "md").stdout
    assert md.startswith(f"# Interview {sid}") and PLAIN[0] in md and "fact:" not in md
    data = json.loads(run("export", sid, "--format", "json").stdout)
    assert Session.model_validate(data).transcript.turns[1].text == PLAIN[0]

    # Resume with the rest of the interview, read from stdin this time.
    rest = "\n\n".join(
        [
            "My favourite subject at the moment is learning from very little labelled data, "
            "because almost every real problem I have seen so far looked exactly like that one.",
            "I want the engineering track, because I enjoy shipping things that people use and I "
            "learn fastest when my work is reviewed and run for real every single day.",
            "I could start in April for six months.",
            "No, that's all, thanks.",
        ]
    )
    out = run("practice", "--resume", sid, "--answers", "-", "--json", stdin=rest, env=scripted_env)
    session = Session.model_validate_json(out.stdout)
    assert session.id == sid and session.finished
    assert [t.text for t in session.transcript.candidate_turns()][:3] == PLAIN

    # History in the terminal: progress per interviewer, then what to practise again.
    history = run("history").stdout
    assert "Sam Moreau (1 finished)" in history and "overall" in history
    assert "Practise again" in history and sid[:8] in history
    none = run("history", "--persona", "manager_fit").stdout
    assert none.startswith("No finished session yet with manager_fit")


def test_cv_and_job_files_shape_the_questions(tmp_path, scripted_env):
    cv = tmp_path / "cv.md"
    cv.write_text("# Projects\n- Energy of small LMs: SmolLM energy with CodeCarbon\n")
    job = tmp_path / "job.txt"
    job.write_text("Title: ML Engineer Intern\nCompany: Criteo\n")
    answers = tmp_path / "a.txt"
    answers.write_text(PLAIN[0])
    out = run(
        "practice",
        "--persona",
        "technical_engineer",
        "--cv",
        str(cv),
        "--job",
        str(job),
        "--answers",
        str(answers),
        "--json",
        env=scripted_env,
    )
    session = Session.model_validate_json(out.stdout)
    assert session.profile.projects == ["Energy of small LMs"]
    assert "Walk me through Energy of small LMs." in session.transcript.turns[0].text


@pytest.mark.parametrize(
    "args, message",
    [
        (["practice", "--persona", "nope", "--answers", "-"], "unknown persona 'nope'"),
        (
            ["practice", "--persona", "recruiter", "--answers", "missing.txt"],
            "answers file not found: missing.txt",
        ),
        (["practice", "--persona", "recruiter", "--answers", "-"], "no answers in -"),
        (
            ["--provider", "gpt5", "practice", "--persona", "recruiter", "--answers", "-"],
            "unknown LLM provider 'gpt5' (available: local, openai, scripted",
        ),
        (
            ["--provider", "openai", "practice", "--persona", "recruiter", "--answers", "-"],
            "the openai provider needs INTERVIEWER_OPENAI_API_KEY",
        ),
        (["export", "abc123"], "no session 'abc123'"),
        (["practice", "--resume", "abc123"], "no session 'abc123'"),
        (["practice"], "give --persona NAME"),
    ],
)
def test_bad_input_gets_a_clear_message(args, message):
    stdin = "An answer.\n" if "--provider" in args else ""
    result = run(*args, stdin=stdin, check=False)
    assert result.returncode == 2, result.stderr
    assert message in " ".join(result.stderr.split()), result.stderr
    assert "Traceback" not in result.stderr


def test_binary_answers_file_is_refused(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"\xff\xfe\x00\x01")
    result = run("practice", "--persona", "recruiter", "--answers", str(path), check=False)
    assert result.returncode == 2 and "is not UTF-8 text" in result.stderr


@pytest.mark.model
def test_embedded_model_runs_a_whole_interview_offline(tmp_path):
    """Acceptance: the default provider (Qwen2.5-Coder-0.5B in-process), no key, no network."""
    answers = tmp_path / "answers.txt"
    answers.write_text(
        "\n\n".join(
            [
                "Hi, I'm Camille, an MVA master's student. I did my internship at CFM on sports "
                "betting with gradient boosting, and I built data pipelines before that.",
                "I owned the modelling: feature selection, gradient boosting, and a 12% better return.",
                *PLAIN,
                "Anomaly detection on time series interests me the most: it mixes statistics and "
                "production constraints.",
                "A first anomaly detector in production with a dashboard.",
                "Once a teammate wanted to rewrite our pipeline in Spark; we benchmarked both first.",
                "Your team ships models to production and I want my work to be used.",
                "Who would be my mentor during the internship?",
                "No, that's all, thank you.",
            ]
            + ["I think I have covered everything I wanted to say about that topic."] * 12
        )
    )
    out = run("practice", "--persona", "manager_fit", "--answers", str(answers), "--json")
    session = Session.model_validate_json(out.stdout)
    assert session.finished and session.model == "local:qwen2.5-coder-0.5b"
    assert session.transcript.turns[-1].kind == "close"


@pytest.mark.model
def test_a_process_that_ends_while_the_model_warms_up_exits_cleanly(tmp_path):
    """Seen: one run in three ended with a segmentation fault when the process exited while
    the background warm-up was inside llama.cpp."""
    answer = tmp_path / "one.txt"
    answer.write_text("I like it.")
    for _ in range(4):
        result = run("practice", "--persona", "research_scientist", "--answers", str(answer))
        assert result.returncode == 0 and "saved" in result.stderr + result.stdout


def test_interactive_session_survives_sigterm_and_quit(scripted_env):
    import signal
    import time

    env = cli_env(**scripted_env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "interviewer", "practice", "--persona", "recruiter"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    proc.stdin.write(PLAIN[0] + "\n")
    proc.stdin.flush()
    time.sleep(3)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "Resume with: interviewer practice --resume" in err
    listed = run("sessions").stdout
    assert "  3 turns" in listed
    sid = listed.split()[0]
    out = run("practice", "--resume", sid, stdin="/quit\n", env=scripted_env)
    assert "Resume with" in out.stderr and PLAIN[0] in out.stdout

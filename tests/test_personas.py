"""Personas are data: the shipped ones load, broken ones fail with file, field and reason."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PERSONA_IDS, persona, repo_root
from helpers import cli_env

from interviewer.errors import ConfigError
from interviewer.personas import Persona, builtin_personas_dir, load_all, load_persona


def test_all_shipped_personas_load():
    personas, errors = load_all([builtin_personas_dir()])
    assert errors == []
    assert {p.id for p in personas} >= set(PERSONA_IDS)
    for p in personas:
        assert p.stages[-1].kind == "candidate_questions", p.id
        assert p.closing and p.follow_up.templates and p.language == "en"
        assert all(stage.minutes > 0 for stage in p.stages)


def test_question_plans_follow_the_brief():
    manager = persona("manager_fit")
    preference = [q for s in manager.stages for q in s.questions if q.kind == "preference"]
    assert any("interests you the most" in q.text and "{team_topics}" in q.text for q in preference)
    research = persona("research_scientist")
    assert any(
        q.kind == "probe" and "{topic}" in q.text for s in research.stages for q in s.questions
    )
    engineer = " ".join(q.text for s in persona("technical_engineer").stages for q in s.questions)
    for needle in (
        "per-token classification head",
        "anomaly-detection",
        "LoRA",
        "RLHF",
        "backpropagation",
        "design pattern",
        "overlapping",
    ):
        assert needle in engineer
    pitch = persona("pitch")
    assert pitch.stages[0].kind == "monologue" and pitch.stages[0].minutes == 15
    recruiter = " ".join(q.text for s in persona("recruiter").stages for q in s.questions)
    assert "research track" in recruiter and "ML-engineering track" in recruiter


def _write(tmp_path: Path, data: dict | str, name: str = "custom.yaml") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8")
    return path


def _manager_data() -> dict:
    return yaml.safe_load((builtin_personas_dir() / "manager_fit.yaml").read_text())


def test_wrong_value_names_file_field_and_expectation(tmp_path):
    data = _manager_data()
    data["stages"][1]["minutes"] = -5
    path = _write(tmp_path, data)
    with pytest.raises(ConfigError) as err:
        load_persona(str(path))
    message = str(err.value)
    assert str(path) in message and "stages.1.minutes" in message
    assert "greater than 0" in message and "-5" in message
    assert err.value.field == "stages.1.minutes"


def test_unknown_field_is_refused(tmp_path):
    data = _manager_data()
    data["stages"][0]["question_plan"] = ["typo"]
    with pytest.raises(
        ConfigError, match=r"stages\.0\.question_plan.*Extra inputs are not permitted"
    ):
        load_persona(str(_write(tmp_path, data)))


def test_missing_field_is_named(tmp_path):
    data = _manager_data()
    del data["closing"]
    with pytest.raises(ConfigError, match=r"custom\.yaml: field 'closing': Field required"):
        load_persona(str(_write(tmp_path, data)))


def test_unknown_placeholder_is_refused(tmp_path):
    data = _manager_data()
    data["stages"][0]["questions"][0] = {
        "text": "Tell me about {projet}?",
        "generic": "Hello there?",
    }
    with pytest.raises(ConfigError, match=r"stages\.0\.questions\.0.*unknown placeholder.*projet"):
        load_persona(str(_write(tmp_path, data)))


def test_follow_up_template_needs_topic(tmp_path):
    data = _manager_data()
    data["follow_up"]["templates"] = ["Tell me more?"]
    with pytest.raises(ConfigError, match=r"follow_up\.templates.*\{topic\}"):
        load_persona(str(_write(tmp_path, data)))


def test_broken_yaml_names_the_line(tmp_path):
    path = _write(tmp_path, "name: x\nstages: [\n  - id: a\n")
    with pytest.raises(ConfigError, match=r"custom\.yaml: invalid YAML at line \d+"):
        load_persona(str(path))


@pytest.mark.parametrize("content, reason", [("", "file is empty"), ("- a\n- b\n", "mapping")])
def test_empty_or_list_file(tmp_path, content, reason):
    with pytest.raises(ConfigError, match=reason):
        load_persona(str(_write(tmp_path, content)))


def test_unknown_persona_lists_the_available_ones():
    with pytest.raises(ConfigError, match=r"unknown persona 'nope' \(available: .*manager_fit"):
        load_persona("nope", [builtin_personas_dir()])


def test_user_directory_adds_and_overrides(tmp_path):
    data = _manager_data()
    data["name"] = "Pat"
    _write(tmp_path, data, "manager_fit.yaml")
    data["name"] = "Robin"
    _write(tmp_path, data, "my_manager.yaml")
    dirs = [tmp_path, builtin_personas_dir()]
    assert load_persona("manager_fit", dirs).name == "Pat"
    assert load_persona("my_manager", dirs).id == "my_manager"
    personas, errors = load_all(dirs)
    assert len(personas) == len(PERSONA_IDS) + 1 and errors == []


def test_shipped_json_schema_is_current():
    shipped = json.loads((repo_root() / "schemas" / "persona.schema.json").read_text())
    assert shipped == Persona.model_json_schema()
    assert shipped["additionalProperties"] is False


def test_every_persona_points_editors_at_the_schema():
    for path in builtin_personas_dir().glob("*.yaml"):
        assert path.read_text().startswith(
            "# yaml-language-server: $schema=../schemas/persona.schema.json"
        ), path


def test_cli_lists_personas_from_env_dir_and_reports_broken_files(tmp_path):
    custom = tmp_path / "mine"
    custom.mkdir()
    shutil.copy(builtin_personas_dir() / "recruiter.yaml", custom / "my_recruiter.yaml")
    (custom / "broken.yaml").write_text("name: [unclosed\n")
    result = subprocess.run(
        [sys.executable, "-m", "interviewer", "personas"],
        capture_output=True,
        text=True,
        env=cli_env(INTERVIEWER_PERSONAS_DIR=str(custom)),
        check=True,
    )
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(PERSONA_IDS) + 1
    assert any(line.startswith("my_recruiter ") for line in lines)
    assert "broken.yaml: invalid YAML at line 2, column 1" in result.stderr.replace("\n", "")


def test_every_planned_wording_reads_as_a_question_to_the_candidate():
    """Rewordings and deeper versions pass the same rules as the model's turns."""
    from interviewer.engine import core_question
    from interviewer.validation import TurnContext, check

    bad = []
    for p in load_all([builtin_personas_dir()])[0]:
        for stage in p.stages:
            if stage.kind != "questions":
                continue  # a presentation's cue and "Anything else?" are invitations
            for q in stage.questions:
                for field in ("text", "generic", "rephrase", "deeper"):
                    value = getattr(q, field)
                    if not value:
                        continue
                    filled = value.format(
                        project="your BetSmart internship",
                        topic="LoRA",
                        team_topics="NLP",
                        role="ML intern",
                        company="Criteo",
                        track="research",
                    )
                    problems = check(core_question(filled), "question", TurnContext())
                    if problems:
                        bad.append((p.id, field, filled, problems))
    assert bad == []

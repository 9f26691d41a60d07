"""A fresh machine installs it: pins that resolve anywhere, and a wheel that carries its data."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import cli_env

ROOT = Path(__file__).resolve().parent.parent
CHECK_PINS = ROOT / ".ci" / "check_pins.py"


def _check_pins(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHECK_PINS), str(root)], capture_output=True, text=True, timeout=60
    )


def test_the_repository_pins_pass_the_guard():
    result = _check_pins(ROOT)
    assert result.returncode == 0, result.stderr
    pins = [
        line
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert pins and all("==" in pin and "@" not in pin for pin in pins)


@pytest.mark.parametrize(
    "bad_line",
    [
        "llama_cpp_python @ file:///root/wheels/llama_cpp_python-0.3.36-py3-none-linux_x86_64.whl",
        "mypkg @ git+https://example.org/mypkg.git",
        "/root/wheels/thing-1.0-py3-none-any.whl",
        "numpy>=2",
    ],
)
def test_the_guard_names_a_pin_that_only_resolves_here(tmp_path, bad_line):
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    lines.insert(5, bad_line)
    (tmp_path / "constraints.txt").write_text("\n".join(lines) + "\n")
    result = _check_pins(tmp_path)
    assert result.returncode == 1
    assert f"constraints.txt:6: not a name==version pin: {bad_line}" in result.stderr


def test_the_guard_names_a_local_dependency_in_pyproject(tmp_path):
    shutil.copy(ROOT / "constraints.txt", tmp_path / "constraints.txt")
    text = (ROOT / "pyproject.toml").read_text()
    text = text.replace('"numpy==2.4.6",', '"numpy @ file:///root/wheels/numpy.whl",')
    (tmp_path / "pyproject.toml").write_text(text)
    result = _check_pins(tmp_path)
    assert result.returncode == 1
    assert "a local path or URL: numpy @ file:///root/wheels/numpy.whl" in result.stderr


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory) -> Path:
    """The project built as a wheel and installed (no dependencies) into a bare folder."""
    out = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip"]
    build = subprocess.run(
        [*pip, "wheel", "--no-deps", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = out.glob("interviewer-*.whl")
    target = out / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return wheel


def test_the_wheel_holds_every_module_and_data_file(installed_wheel):
    names = set(zipfile.ZipFile(installed_wheel).namelist())
    expected = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "interviewer").rglob("*")
        if p.suffix in {".py", ".md", ".yaml"} and "__pycache__" not in p.parts
    }
    for folder in ("personas", "rubrics"):
        expected |= {
            f"interviewer/bundled/{folder}/{p.name}" for p in (ROOT / folder).glob("*.yaml")
        }
    expected |= {
        f"interviewer/bundled/evals/{p.relative_to(ROOT / 'evals').as_posix()}"
        for p in [*(ROOT / "evals").glob("*.yaml"), *(ROOT / "evals" / "candidates").glob("*.yaml")]
    }
    assert len(expected) > 60
    assert sorted(expected - names) == []


def _run_installed(installed_wheel: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = cli_env(PYTHONPATH=str(installed_wheel.parent / "site"))
    return subprocess.run(
        [sys.executable, "-m", "interviewer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


def test_the_installed_wheel_runs_from_anywhere(installed_wheel, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    where = subprocess.run(
        [sys.executable, "-c", "import interviewer; print(interviewer.__file__)"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=cli_env(PYTHONPATH=str(installed_wheel.parent / "site")),
    )
    assert Path(where.stdout.strip()).is_relative_to(installed_wheel.parent / "site")

    listed = _run_installed(installed_wheel, outside, "personas")
    assert listed.returncode == 0, listed.stderr
    ids = [line.split()[0] for line in listed.stdout.splitlines() if line.strip()]
    assert ids == ["manager_fit", "pitch", "recruiter", "research_scientist", "technical_engineer"]

    transcript = outside / "t.txt"
    transcript.write_text(
        "Interviewer: Could you start by introducing yourself in a couple of minutes?\n"
        "Candidate: I'm a master's student in machine learning. I built a log-parsing "
        "service in Python that cut triage time by 40%, and I read papers to understand why "
        "models work. I see myself as a hybrid of engineer and researcher.\n"
    )
    graded = _run_installed(
        installed_wheel,
        outside,
        "grade",
        str(transcript),
        "--persona",
        "manager_fit",
        "--format",
        "json",
    )
    assert graded.returncode == 0, graded.stderr
    report = json.loads(graded.stdout)
    criteria = {c["id"] for c in report["criteria"]}
    assert {"clarity", "technical_depth", "positioning"} <= criteria


def test_a_missing_or_empty_personas_folder_is_an_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    for folder, says in ((tmp_path / "nope", "does not exist"), (empty, "holds no persona file")):
        env = cli_env(INTERVIEWER_PERSONAS_DIR=str(folder))
        result = subprocess.run(
            [sys.executable, "-m", "interviewer", "personas"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert result.returncode != 0
        assert says in result.stderr and str(folder) in result.stderr
        assert "INTERVIEWER_PERSONAS_DIR" in result.stderr
    assert os.environ.get("INTERVIEWER_PERSONAS_DIR") is None

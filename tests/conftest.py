"""Test isolation: each test gets its own data directory and no INTERVIEWER_* settings
from the developer's shell; connections beyond loopback are refused."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

from interviewer.personas import builtin_personas_dir, load_persona
from interviewer.store import Store
from interviewer.testing import ScriptedChatModel

_real_connect = socket.socket.connect


def _loopback_only(self, address):
    host = address[0] if isinstance(address, tuple) else None
    if host is not None and self.family in (socket.AF_INET, socket.AF_INET6):
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            ip = None
        if host != "localhost" and (ip is None or not ip.is_loopback):
            raise ConnectionRefusedError(f"tests may not reach {host}: loopback only")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    import os

    for key in list(os.environ):
        if key.startswith("INTERVIEWER_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(f"sqlite:///{tmp_path / 'test.db'}")
    yield s
    s.close()


@pytest.fixture
def scripted() -> ScriptedChatModel:
    model = ScriptedChatModel()
    yield model
    model.assert_complete()


def persona(name: str):
    return load_persona(name, [builtin_personas_dir()])


def with_templates(chosen):
    """The persona following up with a template when the model writes nothing usable; the
    built-in ones move on to the next planned question instead (round 17)."""
    policy = chosen.follow_up.model_copy(update={"fallback": "template"})
    return chosen.model_copy(update={"follow_up": policy})


@pytest.fixture
def manager():
    return persona("manager_fit")


PERSONA_IDS = ["recruiter", "technical_engineer", "manager_fit", "research_scientist", "pitch"]


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent

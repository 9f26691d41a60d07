"""What a chat model can do is declared by its provider and read in one place
(interviewer/llm/capabilities.py), not probed with getattr."""

from __future__ import annotations

from interviewer.grading.judge import judge_for
from interviewer.llm import build_model
from interviewer.llm.capabilities import Capabilities, capabilities, declare, load
from interviewer.settings import Settings
from interviewer.testing import ScriptedChatModel


def test_each_provider_declares_what_it_can_do():
    local = capabilities(build_model(Settings(llm_provider="local")))
    assert local == Capabilities(judges_by_default=False, loads_in_process=True)
    server = build_model(Settings(llm_provider="openai", openai_base_url="http://127.0.0.1:9/v1"))
    assert capabilities(server) == Capabilities(
        judges_by_default=True, server_url="http://127.0.0.1:9/v1"
    )
    assert judge_for(server) is not None


def test_a_model_that_declares_nothing_gets_the_safe_defaults():
    """A plugin's model is never a judge by default and is not loaded by guesswork."""
    plain = ScriptedChatModel()
    assert capabilities(plain) == Capabilities()
    assert judge_for(plain) is None and judge_for(plain, True) is not None
    assert load(plain) is False


def test_a_declared_model_is_loaded_once_asked():
    loaded = []

    class Loading(ScriptedChatModel):
        def load(self) -> None:
            loaded.append(True)

    model = Loading(metadata=declare(loads_in_process=True))
    assert load(model) is True and loaded == [True]


def test_chat_models_transcribers_and_voices_come_from_one_registry(monkeypatch):
    """A plugin adds any of the three the same way: an entry point in its kind's group."""
    from importlib.metadata import EntryPoint

    from interviewer import registry
    from interviewer.voice.stt import build_transcriber
    from interviewer.voice.tts import build_speaker

    plugins = {
        "interviewer.stt_providers": [
            EntryPoint("echo", "interviewer.testing:ScriptedTranscriber", "interviewer.stt")
        ],
        "interviewer.tts_providers": [
            EntryPoint("silent", "interviewer.voice.tts:build_none", "interviewer.tts")
        ],
    }
    monkeypatch.setattr(registry, "entry_points", lambda group: plugins.get(group, []))
    names = registry.providers("interviewer.stt_providers", {"local": "x:y"})
    assert names == {"local": "x:y", "echo": "interviewer.testing:ScriptedTranscriber"}
    assert build_speaker(Settings(tts_provider="silent")) is None
    built = registry.factory(
        "interviewer.stt_providers", {}, "echo", what="speech-to-text provider", setting="X"
    )
    assert built.__name__ == "ScriptedTranscriber"
    assert type(build_transcriber(Settings(stt_provider="local"))).__name__ == (
        "FasterWhisperTranscriber"
    )


def test_the_judges_call_is_logged_with_the_sessions_model_calls(tmp_path):
    """Every model call is logged from the library layer: the interviewer's, and the judge's
    when a stored session is graded (one wrapper, interviewer/llm/calls.py)."""
    import json

    from interviewer.app.practice import Practice
    from interviewer.app.services import Services
    from interviewer.engine import Interview
    from interviewer.store import Store

    settings = Settings(data_dir=tmp_path, llm_provider="scripted")
    services = Services(settings, store=Store(f"sqlite:///{tmp_path / 'db.sqlite'}"))
    drafts = ScriptedChatModel(["The candidate: yes."] * 20)
    interview = Interview.start(services.personas["recruiter"], drafts, services.store)
    interview.answer(
        "I'm a master's student in machine learning; last year I built a match-outcome model "
        "with gradient boosting at a sports analytics company, and I shipped it."
    )
    interview.end()
    drafts._steps.clear()  # how many drafts the interviewer asked for is the engine's call
    services.model = ScriptedChatModel()
    before = services.store.llm_call_count(interview.session.id)
    services.model.add(json.dumps({"scores": [], "flags": []}))
    Practice(services).report(interview.session.id, judge=True)
    assert services.store.llm_call_count(interview.session.id) == before + 1
    services.model.assert_complete()


def test_fakes_and_adapters_subclass_their_port_with_its_signature():
    """A port's method changed in one place breaks its fakes as it breaks its adapters:
    each subclasses the port and keeps the port's parameters."""
    import inspect

    from langchain_core.language_models import BaseChatModel

    from interviewer.llm.local import LocalLlamaChat
    from interviewer.llm.text_model import TextChatModel
    from interviewer.testing import ScriptedSpeaker, ScriptedTranscriber
    from interviewer.voice.stt import FasterWhisperTranscriber, OpenAITranscriber, Transcriber
    from interviewer.voice.tts import HibariSpeaker, OpenAISpeaker, Speaker

    assert issubclass(ScriptedChatModel, BaseChatModel)
    for port, method, classes in (
        (
            Transcriber,
            "transcribe",
            [ScriptedTranscriber, FasterWhisperTranscriber, OpenAITranscriber],
        ),
        (Speaker, "synthesize", [ScriptedSpeaker, HibariSpeaker, OpenAISpeaker]),
        (TextChatModel, "_complete", [ScriptedChatModel, LocalLlamaChat]),
    ):
        wanted = list(inspect.signature(getattr(port, method)).parameters)
        for cls in classes:
            assert port in cls.__mro__, cls  # subclassed, not only duck-typed
            assert list(inspect.signature(getattr(cls, method)).parameters) == wanted, cls

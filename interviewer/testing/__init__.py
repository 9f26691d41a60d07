"""Strict scripted fakes beside the ports, shipped for tests and demos.

Each fake subclasses its port, replays what it is given in order, records every call and
fails on a call beyond its script (``assert_complete`` fails on leftovers). Fakes that
cycle their answers hide bugs; these never do.
"""

from .chat import ScriptedChatModel, Step, build_from_settings
from .speech import ScriptedSpeaker, ScriptedTranscriber

__all__ = [
    "ScriptedChatModel",
    "ScriptedSpeaker",
    "ScriptedTranscriber",
    "Step",
    "build_from_settings",
]

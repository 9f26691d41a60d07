"""The interviewer's stock lines (interviewer/data/lines/): every language says every line
the engine reads, with the same placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from interviewer import lines as lines_module
from interviewer.errors import ConfigError
from interviewer.lines import line, lines
from interviewer.personas import Persona

ENGINE = Path(lines_module.__file__).parent / "engine.py"


def _placeholders(value) -> set[str]:
    said = [value] if isinstance(value, str) else list(value)
    return {f for s in said for _, f, _, _ in string.Formatter().parse(s) if f}


def test_every_language_a_persona_may_have_says_every_line_english_has():
    languages = Persona.model_fields["language"].annotation.__args__
    english = lines("en")
    for language in languages:
        other = lines(language)
        assert set(other) == set(english), language
        for name, value in english.items():
            assert type(other[name]) is type(value), (language, name)
            assert _placeholders(other[name]) == _placeholders(value), (language, name)


def test_every_line_the_engine_reads_exists():
    read = set(re.findall(r'\bline\([^,()]+, "(\w+)"\)', ENGINE.read_text(encoding="utf-8")))
    assert len(read) > 15
    assert read - set(lines("en")) == set()


def test_an_unknown_language_or_line_is_a_clear_error():
    with pytest.raises(ConfigError, match=r"de\.yaml: no interviewer lines for language 'de'"):
        lines("de")
    with pytest.raises(ConfigError, match=r"no line 'no_such_line' for language 'en'"):
        line("en", "no_such_line")

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
    said = [s["text"] if isinstance(s, dict) else s for s in said]  # a push: its words
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


def test_a_persona_that_leaves_out_its_pushes_gets_them_in_its_own_language():
    """A French persona without ``after_story`` or ``acknowledgements`` used to get the
    English ones; the defaults now come from its language's lines."""
    import yaml

    from interviewer.personas import builtin_personas_dir

    data = yaml.safe_load((builtin_personas_dir() / "manager_fit.yaml").read_text("utf-8"))
    for name in ("after_story", "push_for_choice", "press_for_detail"):
        data["follow_up"].pop(name, None)
    data.pop("acknowledgements", None)
    french = Persona.model_validate({**data, "id": "manager-fr", "language": "fr"})
    english = Persona.model_validate({**data, "id": "manager-en", "language": "en"})
    assert french.follow_up.after_story == list(lines("fr")["follow_up_after_story"])
    assert french.follow_up.push_for_choice[0].startswith("Si vous deviez")
    assert french.acknowledgements == list(lines("fr")["acknowledgements"])
    assert english.follow_up.after_story[0] == "How did it turn out in the end?"
    # What a file says is kept.
    kept = Persona.model_validate(
        {**data, "id": "m", "language": "fr", "acknowledgements": ["Bien noté."]}
    )
    assert kept.acknowledgements == ["Bien noté."]


def test_a_french_persona_pushes_a_vague_answer_in_french():
    """The pushes after a hedged, empty answer were English whatever the persona's
    language; each now comes from the language's lines and matches its own questions."""
    import yaml

    from interviewer.personas import builtin_personas_dir

    data = yaml.safe_load((builtin_personas_dir() / "recruiter.yaml").read_text("utf-8"))
    data["follow_up"].pop("after_vague", None)
    french = Persona.model_validate({**data, "id": "recruiter-fr", "language": "fr"})
    question = "Quelles sont vos dates de disponibilité pour le stage ?"
    push = next(p for p in french.follow_up.after_vague if re.search(p.when, question, re.I))
    assert push.text.startswith("Pourriez-vous me donner votre date de début")
    why = next(
        p
        for p in french.follow_up.after_vague
        if re.search(p.when, "Pourquoi notre équipe ?", re.I)
    )
    assert why.text.startswith("Certes")
    english = Persona.model_validate({**data, "id": "recruiter-en", "language": "en"})
    assert len(english.follow_up.after_vague) == len(french.follow_up.after_vague) == 7
    assert english.follow_up.after_vague[1].text.startswith("Could you give me your earliest")

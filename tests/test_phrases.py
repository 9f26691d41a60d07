"""The phrase files (interviewer/data/phrases/): every name the code reads exists, and a
broken file says which file and which entry."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from interviewer import phrases
from interviewer.errors import ConfigError
from interviewer.phrases import Phrases, compiled

PACKAGE = Path(phrases.__file__).parent


def _phrase_reads() -> list[tuple[Path, str, str]]:
    """(module file, phrase file, name) for every ``X.name`` where ``X = Phrases("file")``."""
    reads = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bound = {
            node.targets[0].id: node.value.args[0].value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", None) == "Phrases"
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and getattr(node.value, "id", None) in bound:
                reads.append((path, bound[node.value.id], node.attr))
    return reads


def test_every_phrase_the_code_reads_is_in_its_file():
    reads = _phrase_reads()
    assert len(reads) > 150  # the interviewer, the grader and the checks read them
    missing = [
        f"{path.relative_to(PACKAGE)}: {name} not in {file}.yaml"
        for path, file, name in reads
        if name not in compiled(file)
    ]
    assert missing == []


def test_every_entry_of_a_phrase_file_is_read_somewhere():
    """An entry nothing reads is a rule that silently does nothing."""
    read = {(file, name) for _, file, name in _phrase_reads()}
    files = sorted((PACKAGE / "data" / "phrases").rglob("*.yaml"))
    unread = []
    for path in files:
        module = path.relative_to(PACKAGE / "data" / "phrases").with_suffix("").as_posix()
        text = path.read_text(encoding="utf-8")
        for name in compiled(module):
            reused = f"${{{name}}}" in text  # a fragment of another entry
            if (module, name) not in read and not reused:
                unread.append(f"{module}: {name}")
    assert unread == []


def test_a_phrase_matches_as_the_module_uses_it():
    engine = Phrases("engine")
    assert engine.wants_to_stop.search("I have a hard stop soon, could we move to the end?")
    assert not engine.wants_to_stop.search("I stopped the training early when it diverged.")
    # ${few_runs} and ${doubt} are inlined into noise_doubt
    assert engine.noise_doubt.search("Three runs, 5 percent better, I don't know if it's real")
    assert not engine.noise_doubt.search("Three runs, 5 percent better on every seed.")


def _file(tmp_path: Path, monkeypatch, text: str) -> str:
    folder = tmp_path / "interviewer" / "data" / "phrases"
    folder.mkdir(parents=True)
    (folder / "custom.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(phrases, "phrase_file", lambda module: folder / f"{module}.yaml")
    compiled.cache_clear()
    return "custom"


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("stop:\n  any: ['(unclosed']\n", "stop", "invalid regular expression"),
        ("stop:\n  any: []\n", "stop", "'any' (the alternatives) or 'labelled'"),
        ("stop:\n  labelled:\n    a label: {any: ['(']}\n", "stop.labelled.a label", "invalid"),
        ("stop:\n  any: ['${nothing}']\n", "stop", "names no entry"),
        ("stop:\n  any: ['${stop}']\n", "stop", "refers to itself"),
        ("stop:\n  any: ['a']\n  flags: [verbose]\n", "stop", "unknown flags"),
        ("stop:\n  anything: ['a']\n", None, "anything"),
    ],
)
def test_a_broken_phrase_file_names_the_file_and_the_entry(
    tmp_path, monkeypatch, text, field, message
):
    module = _file(tmp_path, monkeypatch, text)
    try:
        with pytest.raises(ConfigError) as caught:
            compiled(module)
    finally:
        compiled.cache_clear()
    shown = str(caught.value)
    assert "custom.yaml" in shown and message in shown
    if field is not None:
        assert re.search(rf"\b{re.escape(field)}\b", shown)


def test_a_name_missing_from_the_file_is_an_error_that_names_the_file():
    with pytest.raises(AttributeError, match=r"no phrase 'no_such_phrase' in .*engine\.yaml"):
        Phrases("engine").no_such_phrase  # noqa: B018

"""docs/architecture.md names files that exist (issue 16, acceptance 3)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_file_the_architecture_page_names_exists():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = text[text.index("## To change X, edit Y") :]
    named = re.findall(r"`([\w./<>-]+)`", table)
    paths = [n for n in named if "/" in n or n.endswith((".py", ".toml", ".md"))]
    assert len(paths) >= 25, paths
    missing = []
    for name in paths:
        if "<" in name:  # a pattern: its folder must exist and hold such files
            folder = ROOT / name.split("<")[0]
            if not any(folder.glob("*" + name.rsplit(">", 1)[1])):
                missing.append(name)
        elif not (ROOT / name).exists():
            missing.append(name)
    assert missing == []


def _imports(path: Path) -> set[str]:
    """The interviewer modules ``path`` imports, as dotted names relative to the package."""
    import ast

    package = path.relative_to(ROOT / "interviewer").with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[: len(package) - node.level + 1])
            found.add(".".join([*base, *(node.module.split(".") if node.module else [])]))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("interviewer."):
            found.add(node.module.removeprefix("interviewer."))
    return found


def test_the_layers_point_one_way():
    """The arrows of docs/architecture.md: the core never imports the app layer or the
    screens, grading never imports the interview loop, voice/ is a leaf, and the app layer
    never imports the web screens."""
    rules = {
        "grading": ("engine", "app", "web", "cli"),
        "voice": ("engine", "app", "web", "cli", "grading"),
        "llm": ("engine", "app", "web", "cli", "grading"),
        "app": ("web", "cli"),
        "engine": ("app", "web", "cli"),
        "speech": ("app", "web", "cli", "voice"),
    }
    broken = []
    for path in sorted((ROOT / "interviewer").rglob("*.py")):
        where = path.relative_to(ROOT / "interviewer").with_suffix("").parts[0]
        for imported in _imports(path):
            head = imported.split(".")[0]
            if head in rules.get(where, ()):
                broken.append(f"{path.relative_to(ROOT)} imports {imported}")
    assert broken == []

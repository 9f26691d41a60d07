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

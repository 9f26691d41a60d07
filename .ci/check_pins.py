"""Fail when a pin could only resolve on the machine that wrote it.

Every line of constraints.txt must be ``name==version``; pyproject.toml must name no
local path, file URL or VCS URL. Run by .ci/run before the install; exit 1 names each
offending line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?==[A-Za-z0-9.+!_-]+$")
LOCAL = re.compile(r"file:|\s@\s|\b(git|hg|svn|bzr)\+|^(\.{1,2}|~)?/")


def constraint_problems(path: Path) -> list[str]:
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        pin = line.split("#", 1)[0].strip()
        if pin and not PIN.match(pin):
            problems.append(f"{path}:{number}: not a name==version pin: {line.strip()}")
    return problems


def pyproject_problems(path: Path) -> list[str]:
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("#", 1)[0]
        for quoted in re.findall(r'"([^"]*)"', code):
            if LOCAL.search(quoted):
                problems.append(f"{path}:{number}: a local path or URL: {quoted}")
    return problems


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent
    problems = constraint_problems(root / "constraints.txt")
    problems += pyproject_problems(root / "pyproject.toml")
    for problem in problems:
        print(f"pins: {problem}", file=sys.stderr)
    if problems:
        print(
            "pins: every dependency must resolve from the package registries by name==version "
            "(regenerate constraints.txt from a clean environment; see the file's header)",
            file=sys.stderr,
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

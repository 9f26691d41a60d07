"""Data shipped inside the package: the built-in personas, rubrics and evaluation files.

The repository keeps them at its top level (``personas/``, ``rubrics/``, ``evals/``);
the build maps those folders to the packages ``interviewer.bundled.personas`` and so on
(``[tool.setuptools] package-dir``), so a wheel and an editable install find them the same
way: by importing the package, never by a path relative to the source tree.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import ConfigError

_KINDS = ("personas", "rubrics", "evals")


def directory(kind: str) -> Path:
    """The folder holding the built-in ``kind`` (personas, rubrics or evals)."""
    if kind not in _KINDS:
        raise ValueError(f"unknown bundled data '{kind}' (known: {', '.join(_KINDS)})")
    name = f"{__name__}.{kind}"
    try:
        module = importlib.import_module(name)
    except ImportError as e:
        raise ConfigError(
            f"the built-in {kind} are missing from this installation ({name} cannot be "
            "imported): reinstall the package"
        ) from e
    for location in getattr(module, "__path__", []):
        path = Path(location)
        if path.is_dir():
            return path
    raise ConfigError(f"the built-in {kind} folder of this installation is missing: reinstall")

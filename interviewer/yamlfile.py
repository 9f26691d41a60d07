"""Load YAML data files into pydantic models with errors that name the file and field."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ConfigError

M = TypeVar("M", bound=BaseModel)

#: A persona or a rubric is a page of text; a bigger file is a mistake or an attack.
MAX_DATA_FILE_BYTES = 1_000_000


class _NoAliases(yaml.SafeLoader):
    """YAML without aliases: ``*name`` repeats a node by reference, and nested ones expand
    exponentially (a 1 KB "billion laughs" file took 44 s and 3 GB). Data files need none."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in this file", event.start_mark
            )
        return super().compose_node(parent, index)


def safe_yaml(text: str):
    """Parse YAML data with the safe loader and no aliases."""
    return yaml.load(text, Loader=_NoAliases)  # a SafeLoader subclass


def _field_path(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "(top level)"


def _describe(error: dict) -> str:
    value = error.get("input")
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    if error.get("type") == "missing":
        return error["msg"]
    return f"{error['msg']} (got {shown})"


def load_model(path: Path, model: type[M], *, defaults: dict | None = None) -> M:
    """Parse ``path`` as YAML and validate it as ``model``.

    Every failure becomes a ConfigError naming the file, the field path
    (e.g. ``stages.1.minutes``) and what was expected.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ConfigError(f"cannot read file: {e.strerror}", path=str(path)) from e
    if size > MAX_DATA_FILE_BYTES:
        raise ConfigError(
            f"file is {size / 1e6:.1f} MB; data files are limited to "
            f"{MAX_DATA_FILE_BYTES // 1_000_000} MB",
            path=str(path),
        )
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"cannot read file: {e.strerror}", path=str(path)) from e
    except UnicodeDecodeError as e:
        raise ConfigError("file is not UTF-8 text", path=str(path)) from e
    try:
        data = safe_yaml(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise ConfigError(f"invalid YAML{where}: {problem}", path=str(path)) from e
    if data is None:
        raise ConfigError("file is empty", path=str(path))
    if not isinstance(data, dict):
        raise ConfigError(
            f"expected a mapping of fields at the top level, got {type(data).__name__}",
            path=str(path),
        )
    if defaults:
        data = {**defaults, **data}
    try:
        return model.model_validate(data)
    except ValidationError as e:
        errors = e.errors()
        first = errors[0]
        field = _field_path(first["loc"])
        lines = [f"field '{_field_path(err['loc'])}': {_describe(err)}" for err in errors]
        detail = _describe(first) if len(errors) == 1 else "; ".join(lines)
        raise ConfigError(detail, path=str(path), field=field if len(errors) == 1 else None) from e

"""A small exception hierarchy, turned into clear messages at the CLI and UI edge."""

from __future__ import annotations

import re


class InterviewerError(Exception):
    """Base class: every error the user should see as a message, not a traceback."""


class ConfigError(InterviewerError):
    """A persona, rubric or setting is invalid; names the file and the field."""

    def __init__(self, message: str, *, path: str | None = None, field: str | None = None):
        self.path = path
        self.field = field
        where = []
        if path:
            where.append(str(path))
        if field:
            where.append(f"field '{field}'")
        prefix = ": ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class ProviderError(InterviewerError):
    """The model provider failed (unreachable server, HTTP error, missing package)."""

    def __init__(self, message: str, *, provider: str, status: int | None = None):
        self.provider = provider
        self.status = status
        status_part = f" (HTTP {status})" if status else ""
        super().__init__(f"[{provider}]{status_part} {message}")


class InputError(InterviewerError):
    """Bad user input (answers file, CV file, unknown session)."""


class SessionNotFound(InputError):
    """No session with that id (or id prefix) is stored."""


class SessionBusy(InputError):
    """Another window or process is answering this session right now."""


class UnexpectedModelCall(AssertionError):
    """The scripted fake was called more times than its script allows."""


_SECRET_IN_URL = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<pw>[^@\s]+)@")


def redact(text: str) -> str:
    """A message with the passwords of URLs in it hidden ("postgresql://me:***@db/x"):
    errors are shown, logged and pasted into bug reports."""
    return _SECRET_IN_URL.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)

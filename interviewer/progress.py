"""Progress for long work (loading a model, grading, evaluations).

Library code reports through :func:`task`; the CLI or the UI installs a reporter.
The default reporter does nothing, so library calls stay quiet in tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

Reporter = Callable[[str], AbstractContextManager]

_reporter: Reporter = lambda description: nullcontext()  # noqa: E731


def set_reporter(reporter: Reporter) -> Reporter:
    """Install ``reporter`` and return the previous one."""
    global _reporter
    previous, _reporter = _reporter, reporter
    return previous


@contextmanager
def task(description: str) -> Iterator[None]:
    with _reporter(description):
        yield

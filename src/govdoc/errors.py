"""Exceptions govdoc raises on purpose."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class GovdocError(Exception):
    """Base class of govdoc's own errors."""


class TemplateError(GovdocError):
    """A template cannot be used: not a .docx, or missing what govdoc needs."""


class GovdocWarning(UserWarning):
    """Something in a document that deserves a second look, e.g. a title without its 文种."""


class OutputExistsError(GovdocError, FileExistsError):
    """The output file exists and the caller did not allow overwriting it."""


@contextmanager
def warnings_as_lines(say: Callable[[str], None]) -> Iterator[None]:
    """Within the block, show each warning as one line ``say("warning: …")`` when it is
    raised, without the Python file and line a warning normally shows (the command
    line's way; a library caller keeps Python's)."""

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: object = None, line: str | None = None) -> None:
        text = str(message).strip() or category.__name__
        for part in text.splitlines():
            say(f"warning: {part}")

    with warnings.catch_warnings():
        warnings.simplefilter("always", GovdocWarning)
        warnings.showwarning = show
        yield

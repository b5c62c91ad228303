"""Exceptions govdoc raises on purpose."""

from __future__ import annotations


class GovdocError(Exception):
    """Base class of govdoc's own errors."""


class TemplateError(GovdocError):
    """A template cannot be used: not a .docx, or missing what govdoc needs."""


class GovdocWarning(UserWarning):
    """Something in a document that deserves a second look, e.g. a title without its 文种."""


class OutputExistsError(GovdocError, FileExistsError):
    """The output file exists and the caller did not allow overwriting it."""

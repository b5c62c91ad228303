"""The rendered document: a python-docx document that saves deterministically, and
:func:`save`, which writes one without overwriting unless asked (the atomic writing
itself is :mod:`govdoc.saving`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import docx.document
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

from govdoc.ooxml.package import write_zip
from govdoc.saving import write_atomic

if TYPE_CHECKING:
    from govdoc.finish import FinishNote

__all__ = ["Document", "save"]


class Document:
    """A rendered 公文.

    It behaves like the python-docx document it wraps (``doc.paragraphs``,
    ``doc.core_properties``…; the wrapped object is :attr:`docx`), and saves the same
    input to the same bytes: the parts are written in a fixed order by
    :func:`govdoc.ooxml.package.write_zip`, which dates every entry the same.

    :attr:`finish_report` lists what the finishing pass (``render(..., finish=True)``)
    found and changed, one :class:`~govdoc.finish.FinishNote` per paragraph that
    ended in a single-character line; it is None when the pass did not run.
    """

    def __init__(self, document: docx.document.Document, *,
                 finish_report: list[FinishNote] | None = None) -> None:
        self._docx = document
        self.finish_report = finish_report

    @property
    def docx(self) -> docx.document.Document:
        """The python-docx document, for further editing."""
        return self._docx

    def __getattr__(self, name: str) -> Any:
        return getattr(self._docx, name)

    def save(self, path_or_stream: str | os.PathLike[str] | IO[bytes]) -> None:
        """Write the .docx to a path or a binary stream.

        Like python-docx, this replaces an existing file, but atomically: the file is
        either the old one or the new one, never a mix (see :func:`govdoc.save`,
        which also refuses to overwrite unless asked).
        """
        data = self.to_bytes()
        if hasattr(path_or_stream, "write"):
            path_or_stream.write(data)  # type: ignore[union-attr]
        else:
            write_atomic(path_or_stream, data, overwrite=True)

    def to_bytes(self) -> bytes:
        """The .docx file's bytes."""
        package = self._docx.part.package
        parts = list(package.iter_parts())
        for part in parts:
            part.before_marshal()

        def entries() -> Iterator[tuple[str, bytes]]:
            yield CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob
            yield PACKAGE_URI.rels_uri.membername, package.rels.xml
            for part in parts:
                yield part.partname.membername, part.blob
                if len(part.rels):
                    yield part.partname.rels_uri.membername, part.rels.xml

        return write_zip(entries())


def save(document: Document, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write ``document`` to ``path`` atomically and return the path.

    An existing file is left alone and :class:`~govdoc.errors.OutputExistsError` (a
    ``FileExistsError``) is raised unless ``overwrite=True``; with it, the old file
    is replaced in one step, never half-overwritten. When writing fails (e.g. the
    disk is full), the ``OSError`` propagates and no partial or temporary file is
    left.
    """
    if not isinstance(document, Document):
        raise TypeError(f"save() takes a govdoc.Document, not {type(document).__name__}")
    return write_atomic(path, document.to_bytes(), overwrite=overwrite)

"""Rendering: a :class:`~govdoc.model.Report` into a Word document.

The layout's blocks are written as paragraph XML (user text escaped) and handed to
docxtpl as one already-safe value for the template's ``{{p body }}`` placeholder.
docxtpl renders in a hardened, sandboxed, autoescaping Jinja environment
(:mod:`govdoc.render.sandbox`), so no user text is ever parsed as a template and a
hostile template cannot run code.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from govdoc.document import Document
from govdoc.layout import layout
from govdoc.model import Report
from govdoc.render.integrity import ensure_complete
from govdoc.render.properties import set_core_properties
from govdoc.render.sandbox import fill
from govdoc.render.template import template_bytes
from govdoc.render.xml import body_xml

__all__ = ["render"]


def render(
    report: Report,
    template: str | Path | None = None,
    *,
    normalize: bool = True,
) -> Document:
    """Lay out ``report`` in ``template`` and return the document; call ``.save()`` on it.

    ``template`` is a path to a .docx template (default: govdoc's general-format
    template). With ``normalize`` (default), ASCII punctuation next to Chinese text
    becomes full-width; nothing else in the user's words changes.
    """
    if not isinstance(report, Report):
        raise TypeError(f"render() takes a govdoc.Report, not {type(report).__name__}")
    blocks = layout(report, normalize=normalize)
    where = str(template) if template is not None else "general.docx (govdoc's own)"
    doc = fill(template_bytes(template), where, {"body": Markup(body_xml(blocks))})
    ensure_complete(doc, blocks, where)
    set_core_properties(doc, report)
    return Document(doc)

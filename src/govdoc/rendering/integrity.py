"""Placing govdoc's body in a rendered template.

The template's Jinja code fills ``{{p body }}`` with a marker paragraph only; once the
template has rendered, the marker is replaced by govdoc's paragraphs and tables. So
no template code ever sees the user's words: it cannot drop, repeat or alter them.
What a template can still get wrong is where the marker lands: ``{% if false %}``
around the placeholder drops it, a loop repeats it, ``{{ body }}`` inside a run buries
it in a run's text. Each is refused with a :class:`~govdoc.errors.TemplateError`.
"""

from __future__ import annotations

import docx.document
from docx.oxml.ns import nsmap
from lxml import etree
from markupsafe import Markup

from govdoc.errors import TemplateError
from govdoc.ooxml.package import HUGE_PARSER

__all__ = ["BODY_MARKER", "place_body"]

_MARKER_TEXT = "govdoc-body-3f9c2e7a"
BODY_MARKER = Markup(f"<w:p><w:r><w:t>{_MARKER_TEXT}</w:t></w:r></w:p>")
"""What the template's ``{{p body }}`` is filled with: a paragraph that :func:`place_body`
replaces."""

_MARKERS = etree.XPath(f"//w:t[text()='{_MARKER_TEXT}']", namespaces=nsmap)
_TEXT_WITH_ELEMENTS = etree.XPath("boolean(//w:t[*])", namespaces=nsmap)
_DOC_PR = etree.XPath("//wp:docPr", namespaces=nsmap)


def place_body(document: docx.document.Document, xml: str, where: str) -> None:
    """Put the body ``xml`` (paragraphs and tables) where the template placed the marker.

    Drawing ids (``wp:docPr``) are numbered anew over the whole body afterwards, so that
    no two are alike.
    """
    body = document.element.body
    if _TEXT_WITH_ELEMENTS(body):
        raise TemplateError(
            f"template {where}: its Jinja code put XML inside a run's text (w:t), which "
            f"Word refuses; {{{{ body }}}} must be placed as {{{{p body }}}}, a paragraph "
            f"of its own"
        )
    markers = _MARKERS(body)
    paragraphs = [t.getparent().getparent() for t in markers]
    if len(markers) != 1 or paragraphs[0].getparent() is not body:
        placed = ("nowhere" if not markers else "once, inside a table or another element"
                  if len(markers) == 1 else f"{len(markers)} times")
        raise TemplateError(
            f"template {where}: its Jinja code placed the document's body {placed}; a "
            f"template must place {{{{p body }}}} once, as a paragraph of its own"
        )
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in body.nsmap.items()
                          if prefix)
    holder = etree.fromstring(f"<holder {namespaces}>{xml}</holder>", HUGE_PARSER)
    marker = paragraphs[0]
    for element in holder:
        marker.addprevious(element)
    body.remove(marker)
    for n, drawing in enumerate(_DOC_PR(body), 1):
        drawing.set("id", str(n))

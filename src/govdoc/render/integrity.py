"""Checking that a rendered document holds every paragraph of the layout, in order.

The template's own Jinja code runs around govdoc's body: ``{% if false %}`` around
the placeholder would drop it, ``{{ body }}`` inside a run would bury it in a run's
text. After rendering, no run's text may hold XML elements, and the document's
paragraphs must contain the layout's paragraphs as an ordered subsequence, each
with exactly the text govdoc wrote.
"""

from __future__ import annotations

import docx.document
from lxml import etree

from govdoc.errors import TemplateError
from govdoc.blocks import Block

__all__ = ["ensure_complete", "paragraph_texts"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_T, _TAB, _BR, _TABS = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}tabs"
_OUTER_PARAGRAPHS = etree.XPath("//w:p[not(ancestor::w:p)]", namespaces={"w": _W[1:-1]})
_TEXT_WITH_ELEMENTS = etree.XPath("boolean(//w:t[*])", namespaces={"w": _W[1:-1]})


def paragraph_texts(body: etree._Element) -> list[str]:
    """The text of each outermost paragraph under ``body``, tabs and breaks included."""
    texts = []
    for p in _OUTER_PARAGRAPHS(body):
        parts = []
        for el in p.iter(_T, _TAB, _BR):
            if el.getparent().tag == _TABS:
                continue  # a tab stop in the paragraph's properties, not a tab character
            if el.tag == _T:
                parts.append(el.text or "")
            else:
                parts.append("\t" if el.tag == _TAB else "\n")
        texts.append("".join(parts))
    return texts


def _written(text: str) -> str:
    """``text`` as the renderer writes it (every line break as one ``w:br``)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def ensure_complete(document: docx.document.Document, blocks: list[Block], where: str) -> None:
    """Raise :class:`TemplateError` unless every block appears, in order, in ``document``."""
    body = document.element.body
    if _TEXT_WITH_ELEMENTS(body):
        raise TemplateError(
            f"template {where}: its Jinja code put XML inside a run's text (w:t), which "
            f"Word refuses; {{{{ body }}}} must be placed as {{{{p body }}}}, a paragraph "
            f"of its own"
        )
    found = iter(paragraph_texts(body))
    for i, block in enumerate(blocks):
        want = _written(block.text)
        if not any(text == want for text in found):
            excerpt = want if len(want) <= 30 else want[:30] + "…"
            raise TemplateError(
                f"template {where}: its Jinja code dropped or altered the document's "
                f"paragraph {i + 1} ({excerpt!r}); a template must place "
                f"{{{{p body }}}} once, as a paragraph of its own"
            )

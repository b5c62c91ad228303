"""Rendering: a :class:`~govdoc.model.Report` into a Word document.

The layout's blocks are written as paragraph XML (user text escaped) and handed to
docxtpl as one already-safe value for the template's ``{{p body }}`` placeholder.
docxtpl renders in a sandboxed, autoescaping Jinja environment, so no user text is
ever parsed as a template and a hostile template cannot run code.
"""

from __future__ import annotations

import datetime
import io
import warnings
from pathlib import Path

from docx.oxml.ns import qn
from docx.section import Section
from docxtpl import DocxTemplate
from lxml import etree
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from govdoc.document import Document
from govdoc.errors import GovdocWarning, TemplateError
from govdoc.template_builder import LANDSCAPE_FOOTERS
from govdoc.finish import finish as finish_pass
from govdoc.layout import Block, SectionBreak, layout, letter_mark
from govdoc.model import Report
from govdoc.render.template import template_bytes
from govdoc.render.xml import body_xml, paragraph_xml

__all__ = ["render"]

_ENV = SandboxedEnvironment(autoescape=True)


def render(
    report: Report,
    template: str | Path | None = None,
    *,
    normalize: bool = True,
    finish: bool = False,
) -> Document:
    """Lay out ``report`` in ``template`` and return the document; call ``.save()`` on it.

    ``template`` is a path to a .docx template (default: govdoc's general-format
    template). With ``normalize`` (default), ASCII punctuation next to Chinese text
    becomes full-width; nothing else in the user's words changes. Doubts about the
    content (:attr:`Report.warnings`) are issued as :class:`~govdoc.GovdocWarning`.
    With ``finish``, paragraphs whose last line would hold a single character get their
    character spacing tightened by at most 0.1 pt where that pulls the character up (see
    :mod:`govdoc.finish`); ``doc.finish_report`` then lists what was found and done.
    """
    if not isinstance(report, Report):
        raise TypeError(f"render() takes a govdoc.Report, not {type(report).__name__}")
    for message in report.warnings:
        warnings.warn(message, GovdocWarning, stacklevel=2)
    blocks = layout(report, normalize=normalize)
    notes = None
    if finish:
        blocks, notes = finish_pass(blocks)
    fmt = report.layout_format
    tpl = DocxTemplate(io.BytesIO(template_bytes(template, fmt)))
    tpl.init_docx()
    images = {
        seal.image: tpl.docx.part.get_or_add_image(str(seal.image))[0]
        for b in blocks if isinstance(b, Block) for seal in b.seals
    }
    if any(isinstance(b, SectionBreak) and b.landscape for b in blocks):
        missing = [r for r in LANDSCAPE_FOOTERS if r not in tpl.docx.part.rels]
        if missing:
            raise TemplateError(
                f"template {template}: a landscape (横排) table needs the footers "
                f"{', '.join(missing)} that govdoc's templates carry"
            )
    mark = letter_mark(report, normalize=normalize)
    body = tpl.docx.element.body
    section = "".join(etree.tostring(child, encoding="unicode") for child in body.sectPr)
    context = {"body": Markup(body_xml(blocks, images, section)),
               "letter_mark": Markup(paragraph_xml(mark) if mark else "")}
    tpl.render(context, _ENV)
    doc = tpl.docx
    if any(isinstance(b, SectionBreak) and b.unnumbered_after for b in blocks):
        _unnumbered(doc.sections[-1])
    props = doc.core_properties
    props.title = report.title.replace("\n", "")
    props.author = "、".join(report.issuers)
    props.last_modified_by = props.author
    props.subject = report.kind.value
    stamp = datetime.datetime.combine(report.date, datetime.time())
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    return Document(doc, finish_report=notes)


def _unnumbered(section: Section) -> None:
    """Give ``section`` empty footers and no first page of its own: its pages (the blank
    page and the 版记 page of a duplex document) print no page number (7.5). The
    template's footers stay in the package for the section before."""
    section.different_first_page_header_footer = False
    part = section.part
    for kind in ("default", "even"):
        _, rid = part.add_footer_part()
        for ref in section._sectPr.findall(qn("w:footerReference")):
            if ref.get(qn("w:type")) == kind:
                ref.set(qn("r:id"), rid)

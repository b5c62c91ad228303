"""Rendering: a :class:`~govdoc.model.Report` into a Word document.

docxtpl renders the template in a hardened, sandboxed, autoescaping Jinja environment
(:mod:`govdoc.rendering.sandbox`), so a hostile template cannot run code; its
``{{p body }}`` placeholder receives a marker paragraph, which is then replaced by the
layout's blocks written as XML (user text escaped; :mod:`govdoc.rendering.integrity`). So
no user text is ever parsed as a template or seen by the template's code.

What is written comes from one :class:`~govdoc.layout.Layout` (:func:`govdoc.layout.layout`):
its items, a letter's first-page 标志, and, with ``finish``, its finished form
(:meth:`~govdoc.layout.Layout.finished`).
"""

from __future__ import annotations

import gc
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import docx.document
from docx.oxml.ns import qn
from docx.section import Section
from lxml import etree
from markupsafe import Markup

from govdoc.document import Document
from govdoc.errors import GovdocWarning, TemplateError
from govdoc.layout import Block, ImprintBlock, Layout, SectionBreak, layout
from govdoc.model import DocFormat, Header, Report
from govdoc.rendering.integrity import BODY_MARKER, place_body
from govdoc.rendering.office import FIELDS, TemplateInfo, fields, template_info
from govdoc.rendering.properties import set_core_properties
from govdoc.rendering.sandbox import fill
from govdoc.rendering.template import template_bytes
from govdoc.rendering.xml import body_xml, paragraph_xml
from govdoc.styles import Role
from govdoc.template_contract import LANDSCAPE_FOOTERS
from govdoc.text import normalize_punctuation

__all__ = ["render"]


def render(
    report: Report,
    template: str | Path | None = None,
    *,
    normalize: bool = True,
    finish: bool = False,
    strict: bool = True,
) -> Document:
    """Lay out ``report`` in ``template`` and return the document; call ``.save()`` on it.

    ``template`` is a path to a .docx template (default: govdoc's bundled template of
    the report's format). With ``normalize`` (default), ASCII punctuation next to
    Chinese text becomes full-width; nothing else in the user's words changes. Doubts
    about the content (:attr:`Report.warnings`) are issued as
    :class:`~govdoc.GovdocWarning`. With ``finish``, paragraphs whose last line would
    hold a single character get their character spacing tightened by at most 0.1 pt
    where that pulls the character up (see :mod:`govdoc.finish`);
    ``doc.finish_report`` then lists what was found and done.

    A template may draw its own 版头 and 版记 around ``{{p body }}`` and use the report's
    fields (see :mod:`govdoc.rendering.office`); govdoc then lays out only the body between
    them. A field the template uses that the report does not supply is a
    :class:`TemplateError`; with ``strict=False`` a warning, and the field stays empty.
    """
    if not isinstance(report, Report):
        raise TypeError(f"render() takes a govdoc.Report, not {type(report).__name__}")
    for message in report.warnings:
        warnings.warn(message, GovdocWarning, stacklevel=2)
    with _cyclic_gc_paused():
        return _render(report, template, normalize, finish, strict)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a document is made.

    Laying out and rendering create many objects that all live until the end: the
    collector would only walk them again and again (a quarter of the time of a
    20,000-paragraph report). Reference counting frees what is dropped meanwhile; the
    few cycles left are collected once the collector resumes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _render(report: Report, template: str | Path | None, normalize: bool,
            finish: bool, strict: bool) -> Document:
    fmt = report.layout_format
    where = str(template) if template is not None else f"{fmt.value}.docx (govdoc's own)"
    data = template_bytes(template, fmt)
    info = template_info(data)
    for deviation in info.deviations:
        warnings.warn(f"template {where}: {deviation}", GovdocWarning, stacklevel=4)
    values = _field_values(report, info, where, normalize, strict)
    laid = _body_between(report, info, where, normalize)
    notes = None
    if finish:
        laid, notes = laid.finished()
    blocks, mark = laid.items, laid.letter_mark

    def context(document: docx.document.Document) -> dict[str, Any]:
        """What the template is filled with: the body (seal images added to the
        package first) and, for letters, the first page's 标志."""
        images = {
            seal.image: document.part.get_or_add_image(str(seal.image))[0]
            for b in blocks if isinstance(b, Block) for seal in b.seals
        }
        if any(isinstance(b, SectionBreak) and b.landscape for b in blocks):
            missing = [r for r in LANDSCAPE_FOOTERS if r not in document.part.rels]
            if missing:
                raise TemplateError(
                    f"template {where}: a landscape (横排) table needs the footers "
                    f"{', '.join(missing)} that govdoc's templates carry"
                )
        section = "".join(etree.tostring(child, encoding="unicode")
                          for child in document.element.body.sectPr)
        written.append(body_xml(list(blocks), images, section))
        return {**values, "body": BODY_MARKER,
                "letter_mark": Markup(paragraph_xml(mark) if mark else "")}

    written: list[str] = []
    doc = fill(data, where, context)
    place_body(doc, written[0], where)
    if any(isinstance(b, SectionBreak) and b.unnumbered_after for b in blocks):
        _unnumbered(doc.sections[-1])
    set_core_properties(doc, report)
    return Document(doc, finish_report=notes)


def _field_values(report: Report, info: TemplateInfo, where: str, normalize: bool,
                  strict: bool) -> dict[str, Any]:
    """The template's fields from ``report``; a field it does not supply is an error, or
    with ``strict=False`` a warning and an empty field."""
    values = fields(report, normalize_punctuation if normalize else _same)
    missing = info.missing(values)
    if missing and strict:
        listed = ", ".join(f"{name} (in {part})" for name, part in missing)
        raise TemplateError(
            f"template {where}: uses fields the report does not supply: {listed} "
            f"(模板字段无值: no value for the template's field)"
        ) from None
    used = {name for name, _ in info.uses}
    shown = ((_HEAD_FIELDS if info.head else ()) + (_IMPRINT_FIELDS if info.imprint else ()))
    for name in shown:
        if values.get(name) and name not in used:
            warnings.warn(f"template {where}: its own 版头/版记 shows no {{{{ {name} }}}}: "
                          f"{FIELDS[name]} {_shown(values[name])} is not printed "
                          f"(模板未显示此项)", GovdocWarning, stacklevel=5)
    extra = dict(values["extra"])
    for name, part in missing:
        warnings.warn(f"template {where}: {part} uses the field {name}, which the report "
                      f"does not supply; it is left empty (模板字段无值)", GovdocWarning,
                      stacklevel=5)
        if name.startswith("extra."):
            extra[name[6:]] = ""
        else:
            values[name] = ""
    values["extra"] = type(values["extra"])(extra)
    return values


_HEAD_FIELDS = ("number", "copy_number", "secrecy", "urgency", "signers")
_IMPRINT_FIELDS = ("cc", "printer", "print_date")


def _shown(value: Any) -> str:
    return "、".join(value) if isinstance(value, tuple) else str(value)


def _same(text: str) -> str:
    return text


_OWN_HEAD_FORMATS = (DocFormat.GENERAL, DocFormat.MINUTES)


def _body_between(report: Report, info: TemplateInfo, where: str,
                  normalize: bool) -> Layout:
    """The report's layout; under a template's own 版头 and above its own 版记, with only
    the body between them.

    The body is paginated as under a GB/T 9704 版头 (the report's, or one of the usual
    height when it has none): the template's 版头 is held to that geometry
    (:attr:`TemplateInfo.deviations`).
    """
    head = info.head and report.layout_format in _OWN_HEAD_FORMATS
    laid = report
    if head and report.header is None:
        laid = laid.model_copy(update={"header": Header(organs=["发文机关"])})
    if info.imprint and report.imprint is not None and report.imprint.duplex:
        warnings.warn(f"template {where}: its own 版记 stays where the template draws it; "
                      f"duplex=True does not move it to an even page (双面印刷: 版记未调整到偶数页)",
                      GovdocWarning, stacklevel=5)
        laid = laid.model_copy(update={"imprint": report.imprint.model_copy(
            update={"duplex": False})})
    laid_out = layout(laid, normalize=normalize)
    blocks = laid_out.items
    if head:
        start = next(i for i, b in enumerate(blocks)
                     if isinstance(b, Block) and b.role is Role.TITLE)
        blocks = blocks[start:]
    if info.imprint and blocks and isinstance(blocks[-1], ImprintBlock):
        if report.recipients and not any(
                isinstance(b, Block) and b.role is Role.SALUTATION for b in blocks) and not any(
                name == "recipients" for name, _ in info.uses):
            raise TemplateError(
                f"template {where}: the 主送机关 are too many for page 1 and go into the "
                f"版记, but the template's own 版记 does not show {{{{ recipients }}}}"
            )
        blocks = blocks[:-1]
    return laid_out.with_items(blocks) if blocks is not laid_out.items else laid_out


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


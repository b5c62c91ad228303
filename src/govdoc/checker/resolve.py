"""Reading any .docx for checking: its paragraphs, runs, sections and footers, each with
the formatting Word gives it.

The package is read by :class:`govdoc.ooxml.package.Package` (the limits of every .docx
govdoc reads from others), the formatting resolved by the style cascade of
:mod:`govdoc.ooxml.styles`, Word's list labels computed by :mod:`govdoc.ooxml.numbering`.
Lengths are kept in twips; type sizes in points.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from docx.oxml.ns import nsmap, qn
from lxml import etree

from govdoc.errors import GovdocError
from govdoc.ooxml.numbering import Numbering, NumberingError
from govdoc.ooxml.package import Package, read_limited
from govdoc.ooxml.properties import integer, on_off
from govdoc.ooxml.styles import (DEFAULT_SIZE_PT, Border, FontSlot, ParaProps, RunProps, Styles,
                                 border)

NS = nsmap
"""The namespace prefixes of python-docx (``w``, ``a``, ``r`` …), for ``find("w:pPr", nsmap)``."""


class DocxError(GovdocError):
    """The file is not a Word document the checker can read."""


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag (``qn("w:" + tag)``)."""
    return qn(f"w:{tag}")


def open_package(data: bytes, name: str = "document") -> Package:
    """The package of a .docx to check; :class:`DocxError` when it is none."""
    package = Package(data, name, "Word document", DocxError)
    if package.main is None:
        raise DocxError(f"{name}: 不是 Word 文档 (no word/document.xml)")
    return package


# -- Paragraphs and sections --------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A run's text and its effective formatting."""

    text: str
    props: RunProps


@dataclass
class Paragraph:
    """A paragraph of the document, in reading order, with its effective formatting.

    ``index`` is 1-based over all paragraphs of the body (table cells included).
    ``section`` is the 0-based section the paragraph lies in.
    """

    index: int
    element: etree._Element
    runs: list[Run]
    props: ParaProps
    in_table: bool = False
    table: int | None = None  # which table (0-based, in reading order)
    section: int = 0
    has_drawing: bool = False
    page_break_before: bool = False  # a page or section break puts it on a new page
    ends_with_page_break: bool = False
    style_name: str | None = None
    number: int | None = None
    """1-based position in python-docx's ``Document.paragraphs`` (the body's own
    paragraphs: ``doc.paragraphs[number - 1]``); None inside tables and content controls."""
    cell: tuple[int, int, int] | None = None
    """For a paragraph in a body-level table, (table, row, column), 1-based as a user
    counts them: ``doc.tables[t - 1].cell(r - 1, c - 1)`` in python-docx (the column is
    the grid column, merged cells counted by their span)."""

    @property
    def where(self) -> str:
        """The position a user can find: ``第12段`` (python-docx ``doc.paragraphs``, from 1),
        ``表1第2行第3格`` for a table cell, or ``全文第40段`` (all paragraphs in reading
        order) for one in a nested table or a content control."""
        if self.number is not None:
            return f"第{self.number}段"
        if self.cell is not None:
            t, r, c = self.cell
            return f"表{t}第{r}行第{c}格"
        return f"全文第{self.index}段"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def stripped(self) -> str:
        """The text without surrounding spaces (ASCII, full-width and no-break)."""
        return self.text.strip(" \t\u3000\u00a0\n")

    def excerpt(self, n: int = 20) -> str:
        t = self.stripped.replace("\n", " ").replace("\t", " ")
        return t if len(t) <= n else t[:n] + "…"

    def char_runs(self) -> list[tuple[str, RunProps]]:
        """Every character with the formatting of its run."""
        return [(ch, r.props) for r in self.runs for ch in r.text]


@dataclass(frozen=True)
class Footer:
    """A footer part: its paragraphs, and its text with each PAGE field shown as ``N``."""

    part: str
    paragraphs: list[Paragraph]
    pattern: str
    has_page_field: bool


@dataclass(frozen=True)
class Section:
    """Page setup of one section. Lengths in twips."""

    index: int
    width: int | None
    height: int | None
    orient: str
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    gutter: int
    footer_distance: int | None
    grid_type: str | None
    line_pitch: int | None
    char_space: int | None
    title_page: bool
    footers: dict[str, str]  # footer type (default, even, first) → part name
    headers: dict[str, str]  # header type → part name
    starts_new_page: bool


_PAGE_FIELD = re.compile(r"^\s*PAGE\b", re.I)


class Document:
    """A .docx read for checking: styles, settings, sections, paragraphs and footers."""

    def __init__(self, data: bytes, name: str = "document") -> None:
        self.package = open_package(data, name)
        self.name = name
        self.styles = Styles(self.package)
        main = self.package.xml(self.package.main)
        assert main is not None
        self.root = main
        body = main.find("w:body", nsmap)
        if body is None:
            raise DocxError(f"{name}: the document has no body")
        self.body = body
        settings = self.package.xml(self.package.related(self.package.main, "/settings"))
        self.settings = settings
        self.even_and_odd = settings is not None and bool(
            on_off(settings.find("w:evenAndOddHeaders", nsmap)))
        self.mirror_margins = settings is not None and bool(
            on_off(settings.find("w:mirrorMargins", nsmap)))
        try:
            self.numbering = Numbering.read(self.package.xml(
                self.package.related(self.package.main, "/numbering")))
        except NumberingError as exc:
            raise DocxError(f"{name}: {exc}") from None
        self.sections: list[Section] = []
        self.paragraphs: list[Paragraph] = []
        self.table_styles: list[str | None] = []
        self._read_body()
        self._footers: dict[str, Footer] = {}

    # -- body

    def _read_body(self) -> None:
        sect_elements: list[etree._Element] = []
        pending_break = False
        table_count = 0
        body_paragraphs = 0  # python-docx's doc.paragraphs: the body's own w:p
        body_tables = 0  # python-docx's doc.tables: the body's own w:tbl

        def walk(parent: etree._Element, table: int | None, table_style: str | None,
                 cell: tuple[int, int, int] | None = None) -> None:
            nonlocal pending_break, table_count, body_paragraphs, body_tables
            for child in parent:
                tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
                if tag == "p":
                    para = self._paragraph(child, table, table_style, len(sect_elements))
                    if parent is self.body:
                        body_paragraphs += 1
                        para.number = body_paragraphs
                    para.cell = cell
                    para.page_break_before = para.page_break_before or pending_break \
                        or para.props.page_break_before
                    pending_break = para.ends_with_page_break
                    self.paragraphs.append(para)
                    sect = child.find("w:pPr/w:sectPr", nsmap)
                    if sect is not None:
                        sect_elements.append(sect)
                        # the next section starts on a new page unless it is continuous
                        kind = sect.find("w:type", nsmap)
                        pending_break = pending_break or kind is None or \
                            kind.get(w("val")) != "continuous"
                elif tag == "tbl":
                    index = table_count
                    table_count += 1
                    style_el = child.find("w:tblPr/w:tblStyle", nsmap)
                    style = style_el.get(w("val")) if style_el is not None else \
                        self.styles.default_table
                    self.table_styles.append(style)
                    top_level = parent is self.body
                    if top_level:
                        body_tables += 1
                    for row, tr in enumerate(child.findall("w:tr", nsmap), 1):
                        before = tr.find("w:trPr/w:gridBefore", nsmap)
                        column = 1 + ((integer(before.get(w("val"))) or 0) if before is not None else 0)
                        for tc in tr.findall("w:tc", nsmap):
                            walk(tc, index, style, (body_tables, row, column) if top_level else None)
                            span = tc.find("w:tcPr/w:gridSpan", nsmap)
                            column += max(1, integer(span.get(w("val"))) or 1) if span is not None else 1
                elif tag in ("sdt", "customXml", "smartTag"):
                    content = child.find("w:sdtContent", nsmap) if tag == "sdt" else child
                    if content is not None:
                        walk(content, table, table_style, cell)

        walk(self.body, None, None)
        final = self.body.find("w:sectPr", nsmap)
        if final is not None:
            sect_elements.append(final)
        for i, el in enumerate(sect_elements):
            self.sections.append(self._section(i, el))
        if not self.sections:
            self.sections.append(self._section(0, None))

    def _paragraph(self, p: etree._Element, table: int | None, table_style: str | None,
                   section: int, numbered: bool = True) -> Paragraph:
        ppr = p.find("w:pPr", nsmap)
        props = self.styles.para_props(ppr, table_style)
        runs: list[Run] = []
        has_drawing = False
        ends_break = False
        field_depth = 0
        for r in _runs_of(p):
            rpr = r.find("w:rPr", nsmap)
            rstyle = rpr.find("w:rStyle", nsmap) if rpr is not None else None
            props_r = self.styles.run_props(props.style_id, rstyle.get(w("val")) if rstyle is not None
                                            else None, rpr, table_style)
            text = []
            for child in r:
                tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
                if tag == "fldChar":
                    kind = child.get(w("fldCharType"))
                    if kind == "begin":
                        field_depth += 1
                    elif kind == "end":
                        field_depth = max(0, field_depth - 1)
                elif tag == "t":
                    text.append(child.text or "")
                elif tag == "tab":
                    text.append("\t")
                elif tag in ("br", "cr"):
                    if child.get(w("type")) == "page":
                        ends_break = True
                    else:
                        text.append("\n")
                elif tag == "noBreakHyphen":
                    text.append("-")
                elif tag in ("drawing", "pict", "object"):
                    has_drawing = True
                elif tag == "lastRenderedPageBreak":
                    pass
            if props_r.vanish:
                continue
            if text:
                runs.append(Run("".join(text), props_r))
        if p.find(".//w:drawing", nsmap) is not None or p.find(".//w:pict", nsmap) is not None:
            has_drawing = True
        if props.numbering is not None and numbered:
            found = self.numbering.advance(*props.numbering)
            if found is not None and found[0] + found[1].suffix:
                text, level = found
                runs.insert(0, Run(text + level.suffix, self.styles.run_props(
                    props.style_id, None, level.rpr, table_style)))
        return Paragraph(
            index=len(self.paragraphs) + 1, element=p, runs=runs, props=props,
            in_table=table is not None, table=table, section=section, has_drawing=has_drawing,
            ends_with_page_break=ends_break, style_name=self.styles.style_name(props.style_id),
        )

    def _section(self, index: int, el: etree._Element | None) -> Section:
        def get(path: str, attr: str) -> int | None:
            if el is None:
                return None
            node = el.find(path, nsmap)
            return integer(node.get(w(attr))) if node is not None else None

        footers: dict[str, str] = {}
        headers: dict[str, str] = {}
        if el is not None:
            rels = self.package.rels(self.package.main)
            for tag, found in (("footerReference", footers), ("headerReference", headers)):
                for ref in el.findall(f"w:{tag}", nsmap):
                    rid = ref.get(qn("r:id"))
                    if rid in rels:
                        found[ref.get(w("type"), "default")] = rels[rid][0]
        grid = el.find("w:docGrid", nsmap) if el is not None else None
        pg = el.find("w:pgSz", nsmap) if el is not None else None
        kind = el.find("w:type", nsmap) if el is not None else None
        return Section(
            index=index,
            width=get("w:pgSz", "w"), height=get("w:pgSz", "h"),
            orient=(pg.get(w("orient")) if pg is not None else None) or "portrait",
            top=get("w:pgMar", "top"), bottom=get("w:pgMar", "bottom"),
            left=get("w:pgMar", "left"), right=get("w:pgMar", "right"),
            gutter=get("w:pgMar", "gutter") or 0, footer_distance=get("w:pgMar", "footer"),
            grid_type=(grid.get(w("type")) if grid is not None else None),
            line_pitch=integer(grid.get(w("linePitch"))) if grid is not None else None,
            char_space=integer(grid.get(w("charSpace"))) if grid is not None else None,
            title_page=bool(el is not None and on_off(el.find("w:titlePg", nsmap))),
            footers=footers, headers=headers,
            starts_new_page=kind is None or kind.get(w("val")) != "continuous",
        )

    # -- footers

    def section_footers(self, section: int) -> dict[str, str]:
        """The footer parts in force in ``section``: a section without its own footer of
        a type inherits the previous section's."""
        out: dict[str, str] = {}
        for sec in self.sections[: section + 1]:
            out.update(sec.footers)
        return out

    def footer(self, part: str) -> Footer:
        if part not in self._footers:
            root = self.package.xml(part)
            paragraphs: list[Paragraph] = []
            pattern = []
            has_page = False
            if root is not None:
                for p in root.iter(w("p")):
                    para = self._paragraph(p, None, None, 0, numbered=False)
                    paragraphs.append(para)
                    text, page = field_pattern(p)
                    has_page = has_page or page
                    if text.strip():
                        pattern.append(text)
            self._footers[part] = Footer(part, paragraphs, "\n".join(pattern), has_page)
        return self._footers[part]


def _runs_of(p: etree._Element) -> list[etree._Element]:
    """The runs of ``p`` in order, inside hyperlinks, fields and insertions but not
    inside deletions or nested text boxes."""
    out = []
    for r in p.iter(w("r")):
        parent = r.getparent()
        skip = False
        while parent is not None and parent is not p:
            local = etree.QName(parent).localname
            if local in ("del", "moveFrom", "txbxContent", "p"):
                skip = True
                break
            parent = parent.getparent()
        if not skip:
            out.append(r)
    return out


def field_pattern(p: etree._Element) -> tuple[str, bool]:
    """The paragraph's text with a PAGE field's result shown as ``N``."""
    out: list[str] = []
    has_page = False
    depth = 0
    instr = ""
    in_result = False
    for el in p.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local == "fldSimple":
            if _PAGE_FIELD.match(el.get(w("instr"), "")):
                out.append("N")
                has_page = True
            continue
        if local == "fldChar":
            kind = el.get(w("fldCharType"))
            if kind == "begin":
                depth += 1
                instr = ""
                in_result = False
            elif kind == "separate":
                in_result = True
                if _PAGE_FIELD.match(instr):
                    out.append("N")
                    has_page = True
            elif kind == "end":
                depth = max(0, depth - 1)
                in_result = False
            continue
        if local == "instrText":
            instr += el.text or ""
            continue
        if local == "t":
            parent = el.getparent()
            anc = parent.getparent() if parent is not None else None
            if anc is not None and etree.QName(anc).localname == "fldSimple":
                continue
            if depth and (not in_result or _PAGE_FIELD.match(instr)):
                continue
            out.append(el.text or "")
        elif local == "tab":
            out.append("\t")
    return "".join(out), has_page


def load(source: object, name: str | None = None) -> Document:
    """Read ``source``: a path, bytes, a binary stream, a :class:`govdoc.Document` or a
    python-docx document."""
    import os

    if isinstance(source, (bytes, bytearray)):
        return Document(bytes(source), name or "document")
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        try:
            with open(path, "rb") as fh:
                data = read_limited(fh, path, "Word document", DocxError)
        except OSError as exc:
            raise DocxError(f"{path}: cannot be read ({exc.strerror})") from None
        return Document(data, name or str(path))
    to_bytes = getattr(source, "to_bytes", None)
    if callable(to_bytes):
        return Document(to_bytes(), name or "document")
    save = getattr(source, "save", None)
    if callable(save):
        buf = io.BytesIO()
        save(buf)
        return Document(buf.getvalue(), name or "document")
    read = getattr(source, "read", None)
    if callable(read):
        where = name or str(getattr(source, "name", "document"))
        return Document(read_limited(source, where, "Word document", DocxError), where)
    raise TypeError(f"check() takes a path, bytes, a stream or a document, not {type(source).__name__}")


__all__ = ["DEFAULT_SIZE_PT", "NS", "Border", "Document", "DocxError", "FontSlot", "Footer",
           "Package", "ParaProps", "Paragraph", "Run", "RunProps", "Section", "Styles", "border",
           "field_pattern", "load", "open_package", "w"]

"""A Word draft (.docx) as the lines of a draft.

The body is read in order: each paragraph is a line (a line break inside it starts a
new line), each table a table. What Word shows but does not store as text is made
literal first:

- **automatic numbering**: the label Word would show (一、 （一） 1. ①…) is computed
  from ``numbering.xml`` (formats, level texts, start values, restarts, numbering set
  by a style) and put before the paragraph's text;
- **tracked changes**: insertions and deletions (and moves) are accepted (default) or
  rejected; a paragraph whose mark was deleted joins the next one;
- **fields**: their shown result is kept, their codes are not (each is reported);
- **symbols** (``w:sym``, e.g. Wingdings □ ☑): mapped to their Unicode character;
- **ruby**: the base text is kept, the reading above it is reported;
- **text boxes**: their paragraphs follow the paragraph that holds them.

What a 公文 model cannot hold is reported, one warning each: pictures (a seal is a
picture), charts, embedded objects, equations, footnotes, endnotes, comments, the words
of page headers and footers (page numbers aside), and any unknown element that carries
words. Nothing is dropped silently.

A draft is a file from someone else: it is opened under the same zip limits as a
template (:func:`govdoc.ooxml.package.open_zip`), its own parts parsed with
:data:`govdoc.ooxml.package.PARSER`, and a malformed number in it is a
:class:`ParseError` naming the file and the place. The body is then read through
python-docx's package rather than :class:`govdoc.ooxml.package.Package`:
:func:`document_lines` reads documents python-docx already holds (govdoc's own, when
:mod:`govdoc.checker.fix` compares the re-formatted result), pictures come as python-docx
image parts, and python-docx's parser resolves no entities either.

Tables with a single row or a single column are layout tables (a 版记, a joint 标志,
a signature block): their cells are read as lines. Other tables become
:class:`~govdoc.model.Table`; merged cells keep their text in the first cell.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass, field
from typing import IO, Literal

from docx import Document as open_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import nsmap, qn
from lxml import etree
from pydantic import ValidationError

from govdoc.model import Table
from govdoc.ooxml.numbering import Numbering, NumberingError, number, style_numbering
from govdoc.ooxml.package import PARSER, open_zip, read_limited
from govdoc.parse.structure import ParseError, ParseWarning, SourceLine

Changes = Literal["accept", "reject"]


def _attr(el: etree._Element | None, name: str = "val") -> str | None:
    return None if el is None else el.get(qn(f"w:{name}"))


@dataclass
class _ListLabels:
    """The labels Word shows before the draft's numbered paragraphs
    (:mod:`govdoc.ooxml.numbering`), and how many bullets were left out."""

    numbering: Numbering
    style_numbering: dict[str, tuple[str | None, int | None]]
    bullets: int = 0

    @classmethod
    def read(cls, document: object) -> _ListLabels:
        part = document.part  # type: ignore[attr-defined]
        try:
            root = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        styles = part.styles.element if hasattr(part, "styles") else None
        return cls(Numbering.read(root), style_numbering(styles))

    def label(self, p: etree._Element) -> str:
        """The label Word shows before paragraph ``p`` (advancing its list's counters)."""
        ppr = p.find(qn("w:pPr"))
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            style = _attr(ppr.find(qn("w:pStyle")))
            if style in self.style_numbering:
                num_id, ilvl = self.style_numbering[style]
            num_pr = ppr.find(qn("w:numPr"))
            if num_pr is not None:
                direct_id = _attr(num_pr.find(qn("w:numId")))
                direct_lvl = _attr(num_pr.find(qn("w:ilvl")))
                num_id = direct_id if direct_id is not None else num_id
                ilvl = number(direct_lvl, "numPr ilvl", "word/document.xml") \
                    if direct_lvl is not None else ilvl
        found = self.numbering.advance(num_id, ilvl or 0)
        if found is None:
            return ""
        text, level = found
        if level.fmt == "bullet":
            self.bullets += 1
            return ""
        return text


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_V = "{urn:schemas-microsoft-com:vml}"

SYMBOL_FONTS: dict[str, dict[int, str]] = {
    "wingdings": {0x4A: "☺", 0x4C: "☹", 0x6C: "●", 0x6E: "■", 0x6F: "□", 0x71: "❑",
                  0x75: "◆", 0x76: "❖", 0xA1: "○", 0xA7: "▪", 0xA8: "◻", 0xD8: "➢",
                  0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑"},
    "wingdings 2": {0x4F: "✗", 0x50: "✓", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xA3: "□"},
    "symbol": {**{0x30 + d: str(d) for d in range(10)},
               **dict(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")),
               **dict(zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ")),
               0x2B: "+", 0x3D: "=", 0x28: "(", 0x29: ")", 0x2C: ",", 0x2E: ".", 0x2F: "/",
               0xA3: "≤", 0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷",
               0xB9: "≠", 0xBB: "≈", 0xAE: "→", 0xDE: "⇒", 0xD6: "√", 0xA5: "∞"},
}
"""What the characters of Word's symbol fonts (``w:sym``) look like, in Unicode: the
check boxes and bullets of Wingdings, the Greek and mathematics of Symbol."""


def symbol_char(font: str | None, code: str | None) -> str | None:
    """The Unicode character a ``w:sym`` shows, or None when it is not known.

    >>> symbol_char("Wingdings 2", "F052"), symbol_char("Wingdings", "F0A8")
    ('☑', '◻')
    """
    try:
        value = int(code or "", 16)
    except ValueError:
        return None
    if 0xF000 <= value <= 0xF0FF:
        return SYMBOL_FONTS.get((font or "").strip().lower(), {}).get(value - 0xF000)
    return chr(value) if 0 < value < 0xD800 else None


_RUN_SKIPPED = {qn("w:" + t) for t in (
    "rPr", "lastRenderedPageBreak", "softHyphen", "annotationRef", "footnoteRef", "endnoteRef",
    "separator", "continuationSeparator", "dayShort", "monthShort", "yearShort", "dayLong",
    "monthLong", "yearLong", "pgNum")}
_MARKUP = {qn("w:" + t) for t in (
    "pPr", "proofErr", "bookmarkStart", "bookmarkEnd", "permStart", "permEnd",
    "commentRangeStart", "commentRangeEnd", "moveFromRangeStart", "moveFromRangeEnd",
    "moveToRangeStart", "moveToRangeEnd", "customXmlPr", "smartTagPr", "sdtPr", "sdtEndPr",
    "sectPr", "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
    "customXmlDelRangeEnd", "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd",
    "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd", "tblPr", "tblGrid", "trPr", "tcPr",
    "tblPrEx")}
"""Elements without words: formatting and range marks."""
_CONTAINERS = {qn("w:" + t) for t in ("hyperlink", "smartTag", "customXml", "sdt", "sdtContent",
                                      "dir", "bdo", "ins", "del", "moveTo", "moveFrom",
                                      "fldSimple")}
"""Elements inside a paragraph whose runs are its text."""


def _short(text: str, limit: int = 20) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _tag(el: etree._Element) -> str:
    """``el``'s tag with its namespace as a prefix (w:txbx), for messages."""
    q = etree.QName(el)
    prefix = next((k for k, v in nsmap.items() if v == q.namespace), None)
    return f"{prefix}:{q.localname}" if prefix else q.localname


def _notes_part(document: object, reltype: str) -> dict[str, str]:
    """The footnotes (or endnotes) of ``document``: their text by id."""
    out: dict[str, str] = {}
    for rel in document.part.rels.values():  # type: ignore[attr-defined]
        if rel.reltype == reltype and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob, PARSER)
            for note in root:
                text = "".join(t.text or "" for t in note.iter(qn("w:t")))
                out[note.get(qn("w:id")) or ""] = text
    return out


def _margin_texts(document: object) -> list[tuple[str, str]]:
    """The words of the draft's page headers and footers, as (页眉 or 页脚, text), leaving
    out what fields show (page numbers)."""
    out: list[tuple[str, str]] = []
    for rel in document.part.rels.values():  # type: ignore[attr-defined]
        if rel.is_external or rel.reltype not in (RT.HEADER, RT.FOOTER):
            continue
        root = etree.fromstring(rel.target_part.blob, PARSER)
        words: list[str] = []
        depth = 0  # inside a field's result
        for el in root.iter(qn("w:fldChar"), qn("w:t"), qn("w:fldSimple")):
            if el.tag == qn("w:fldChar"):
                kind = el.get(qn("w:fldCharType"))
                depth += 1 if kind == "begin" else -1 if kind == "end" else 0
            elif el.tag == qn("w:t") and depth == 0 and \
                    not any(a.tag == qn("w:fldSimple") for a in el.iterancestors()):
                words.append(el.text or "")
        text = " ".join("".join(words).split())
        if text.strip("-—–  0123456789"):
            out.append(("页眉" if rel.reltype == RT.HEADER else "页脚", text))
    return out


def _mark_removed(p: etree._Element, changes: Changes) -> bool:
    """Whether the paragraph's mark is removed, so that it joins the next paragraph."""
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    if rpr is None:
        return False
    return rpr.find(qn("w:del" if changes == "accept" else "w:ins")) is not None


def _centred(p: etree._Element) -> bool:
    """Whether a paragraph is centred, by its own setting or as a title style."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return False
    style = ppr.find(qn("w:pStyle"))
    if style is not None and _attr(style) in ("Title", "GovAttachmentTitle"):
        return True
    jc = ppr.find(qn("w:jc"))
    return jc is not None and _attr(jc) == "center"


@dataclass(frozen=True)
class Picture:
    """A picture of a Word draft: the paragraph it is in, whether it floats over the text
    (as a seal does), its name, and the image file's bytes (empty when not found)."""

    line: int
    name: str
    floating: bool
    image: bytes = field(repr=False)


@dataclass
class _Reader:
    numbering: _ListLabels
    changes: Changes
    part: object = None  # the document's part, to find pictures' images
    footnotes: dict[str, str] = field(default_factory=dict)
    endnotes: dict[str, str] = field(default_factory=dict)
    lines: list[SourceLine] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    carry: str = ""
    comments: int = 0
    pending: list[str] = field(default_factory=list)  # reports about the paragraph being read
    pictures: list[Picture] = field(default_factory=list)
    pending_pictures: list[tuple[str, bool, bytes]] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)  # its text boxes
    field_code: list[str] | None = None

    def note(self, message: str) -> None:
        self.pending.append(message)

    def flush(self, number: int) -> None:
        """Report what reading paragraph ``number`` met, one warning each."""
        for message in self.pending:
            self.warnings.append(ParseWarning(number, message, "paragraph"))
        self.pending = []
        self.pictures += [Picture(number, *p) for p in self.pending_pictures]
        self.pending_pictures = []

    # -- inside a paragraph --------------------------------------------------------------

    def text_of(self, p: etree._Element) -> str:
        """The text of paragraph ``p`` with tracked changes accepted or rejected; what it
        holds besides text is noted (:meth:`flush`), its text boxes kept in ``boxes``."""
        out: list[str] = []
        self.inline(p, out)
        return "".join(out)

    def inline(self, el: etree._Element, out: list[str]) -> None:
        dropped = ({qn("w:del"), qn("w:moveFrom")} if self.changes == "accept"
                   else {qn("w:ins"), qn("w:moveTo")})
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in dropped or tag in _MARKUP:
                continue
            if tag == qn("w:r"):
                self.run(child, out)
            elif tag == qn("w:fldSimple"):
                self.field_name(child.get(qn("w:instr")) or "")
                self.inline(child, out)
            elif tag in _CONTAINERS:
                self.inline(child, out)
            elif tag in (qn("m:oMath"), qn("m:oMathPara")):
                self.note(f"公式未保留: an equation (“{_short(''.join(child.itertext()))}”) "
                          "is not kept")
            else:
                self.unknown(child)

    def run(self, r: etree._Element, out: list[str]) -> None:
        for child in r:
            tag = child.tag
            if not isinstance(tag, str) or tag in _RUN_SKIPPED:
                continue
            if tag in (qn("w:t"), qn("w:delText")):
                out.append(child.text or "")
            elif tag in (qn("w:tab"), qn("w:ptab")):
                out.append("\t")
            elif tag in (qn("w:br"), qn("w:cr")):
                out.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
            elif tag == qn("w:sym"):
                char = symbol_char(child.get(qn("w:font")), child.get(qn("w:char")))
                if char is None:
                    self.note(f"符号无法转写: the symbol {child.get(qn('w:char'))} of the font "
                              f"{child.get(qn('w:font'))} has no known Unicode character and is "
                              "not kept")
                else:
                    out.append(char)
            elif tag in (qn("w:instrText"), qn("w:delInstrText")):
                if self.field_code is not None:
                    self.field_code.append(child.text or "")
            elif tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    self.field_code = []
                elif self.field_code is not None:
                    self.field_name("".join(self.field_code))
                    self.field_code = None
            elif tag == qn("w:ruby"):
                self.ruby(child, out)
            elif tag in (qn("w:drawing"), qn("w:pict"), qn("w:object")):
                self.media(child)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                self.run(choice if choice is not None else child, out)
            elif tag == qn("w:footnoteReference"):
                self.reference("脚注", "footnote", self.footnotes, child)
            elif tag == qn("w:endnoteReference"):
                self.reference("尾注", "endnote", self.endnotes, child)
            elif tag == qn("w:commentReference"):
                self.comments += 1
            else:
                self.unknown(child)

    def field_name(self, code: str) -> None:
        name = (code.split() or ["?"])[0].upper()
        self.note(f"域 {name} 作文字: the field {name} is kept as the text it shows")

    def ruby(self, ruby: etree._Element, out: list[str]) -> None:
        base: list[str] = []
        reading: list[str] = []
        rb = ruby.find(qn("w:rubyBase"))
        rt = ruby.find(qn("w:rt"))
        if rb is not None:
            self.inline(rb, base)
        if rt is not None:
            reading = [t.text or "" for t in rt.iter(qn("w:t"))]
        out.extend(base)
        if "".join(reading).strip():
            self.note(f"注音“{''.join(reading)}”未保留: the ruby reading above "
                      f"“{''.join(base)}” is not kept (its base text is)")

    def reference(self, name: str, english: str, notes: dict[str, str],
                  ref: etree._Element) -> None:
        text = notes.get(ref.get(qn("w:id")) or "", "")
        self.note(f"{name}未保留: the {english} “{_short(text, 60)}” is not kept "
                  "(a 公文 has no notes; put its words in the text)")

    def media(self, el: etree._Element) -> None:
        boxes = list(el.iter(qn("w:txbxContent")))
        if boxes:
            self.boxes.extend(boxes)
            for _ in boxes:
                self.note("文本框中的文字作段落: the text of a text box is kept as paragraphs "
                          "after this one")
            return
        doc_pr = el.find(f".//{qn('wp:docPr')}")
        name = (doc_pr.get("descr") or doc_pr.get("name") or "") if doc_pr is not None else ""
        label = f"“{name}”" if name else ""
        if el.find(f".//{qn('c:chart')}") is not None:
            self.note(f"图表{label}未保留: a chart is not kept")
        elif el.find(f".//{qn('dgm:relIds')}") is not None:
            self.note(f"SmartArt 图形{label}未保留: a SmartArt graphic is not kept")
        elif el.tag == qn("w:object"):
            self.note(f"嵌入对象{label}未保留: an embedded object is not kept")
        elif el.find(f".//{qn('a:blip')}") is not None or el.find(f".//{_V}imagedata") is not None:
            blip = el.find(f".//{qn('a:blip')}")
            rid = blip.get(qn("r:embed")) if blip is not None else None
            related = getattr(self.part, "related_parts", {})
            image = related[rid].blob if rid in related else b""
            self.pending_pictures.append((name, el.find(qn("wp:anchor")) is not None, image))
            self.note(f"图片{label}未保留: a picture is not kept (govdoc places a seal from the "
                      "model's seal field, no other pictures)")
        else:
            self.note(f"图形{label}未保留: a drawn shape is not kept")

    def unknown(self, el: etree._Element) -> None:
        text = "".join(el.itertext())
        media = any(True for _ in el.iter(qn("w:drawing"), qn("w:pict"), qn("w:object")))
        if text.strip() or media:
            self.note(f"未识别的内容 {_tag(el)} 未保留: an element Word may show "
                      f"(“{_short(text)}”) is not kept")

    # -- paragraphs, tables and blocks ---------------------------------------------------

    def add_text(self, text: str) -> None:
        for part in text.split("\n"):
            self.lines.append(SourceLine(len(self.lines) + 1, part.strip(" \t\u3000\u00a0")))

    def paragraph(self, p: etree._Element) -> None:
        number = len(self.lines) + 1
        text = self.carry + self.numbering.label(p) + self.text_of(p)
        if _centred(p):
            # A centred title broken over lines (7.3.1): the breaks are layout, the
            # title one line of text.
            text = text.replace("\n", "")
        self.flush(number)
        boxes, self.boxes = self.boxes, []
        if _mark_removed(p, self.changes):
            self.carry = text
        else:
            self.carry = ""
            self.add_text(text)
        for box in boxes:
            self.block(box)

    def cell_text(self, tc: etree._Element) -> str:
        parts = []
        for p in tc.iter(qn("w:p")):
            parts.append(self.numbering.label(p) + self.text_of(p))
            boxes, self.boxes = self.boxes, []
            for box in boxes:
                parts.extend(self.text_of(q) for q in box.iter(qn("w:p")))
        return "\n".join(x.strip() for x in parts).strip("\n")

    def table(self, tbl: etree._Element) -> None:
        trs = list(tbl.iterchildren(qn("w:tr")))
        widths = [sum(_span(tc)
                      for tc in tr.iterchildren(qn("w:tc"))) for tr in trs]
        if len(trs) <= 1 or max(widths, default=0) <= 1:
            for tr in trs:  # a layout table: its cells are lines
                for tc in tr.iterchildren(qn("w:tc")):
                    self.block(tc)
            return
        rows: list[list[str]] = []
        header_rows = 0
        three = False
        for r, tr in enumerate(trs):
            if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None and header_rows == r:
                header_rows += 1
            row: list[str] = []
            for tc in tr.iterchildren(qn("w:tc")):
                span = _span(tc)
                merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                continued = merge is not None and _attr(merge) in (None, "continue")
                text = self.cell_text(tc)
                row.append("" if continued else text)
                row.extend([""] * (span - 1))
                three = three or any(_attr(sz) == "32" for sz in tc.iter(qn("w:sz")))
            rows.append(row)
        width = max(widths)
        rows = [r + [""] * (width - len(r)) for r in rows]
        number = len(self.lines) + 1
        self.flush(number)  # what the cells held besides text
        if header_rows == 0:
            header_rows = 1
            self.warnings.append(ParseWarning(number, "表格首行作表头: the table's first row is "
                                                      "taken as its header row", "paragraph"))
        try:
            table = Table(rows=rows, header_rows=header_rows, size="3号" if three else "4号")
        except ValidationError as exc:
            self.warnings.append(ParseWarning(number, "表格无法识别，各单元格作段落: the table cannot "
                                                      f"be read ({exc.errors()[0]['msg']})",
                                              "paragraph"))
            for row in rows:
                for cell in row:
                    if cell:
                        self.add_text(cell)
            return
        self.lines.append(SourceLine(number, " | ".join(rows[0]), table))

    def block(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag in _MARKUP:
                continue
            if tag == qn("w:p"):
                self.paragraph(child)
            elif tag == qn("w:tbl"):
                self.table(child)
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                self.block(content if content is not None else child)
            elif tag in (qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")):
                self.block(child)
            elif tag == qn("w:ins") and self.changes == "accept" or \
                    tag == qn("w:del") and self.changes == "reject":
                self.block(child)
            elif tag in (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")):
                continue  # the other side of a tracked change
            else:
                if tag == qn("w:altChunk"):
                    self.note("嵌入的文档未保留: an embedded document (altChunk) is not kept")
                else:
                    self.unknown(child)
                self.flush(len(self.lines) + 1)


def _span(tc: etree._Element) -> int:
    value = _attr(tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}"))
    return number(value, "tc gridSpan", "word/document.xml") if value else 1


def _read_bytes(source: str | os.PathLike[str] | IO[bytes] | bytes, name: str) -> bytes:
    """The bytes of a draft, refused when larger than a template may be."""
    if isinstance(source, (bytes, bytearray)):
        return bytes(source)  # open_zip refuses it when too large
    if isinstance(source, (str, os.PathLike)):
        try:
            with open(source, "rb") as fh:
                return read_limited(fh, name, "Word draft", ParseError)
        except OSError as exc:
            raise ParseError(f"{name}: 无法读取: cannot be read ({exc.strerror})") from None
    return read_limited(source, name, "Word draft", ParseError)


def docx_lines(source: str | os.PathLike[str] | IO[bytes], *,
               changes: Changes = "accept") -> tuple[list[SourceLine], list[ParseWarning]]:
    """The lines of a .docx draft, tables in place, and warnings about its reading:
    one for each thing in it that is not kept (see the module's description)."""
    lines, warnings, _ = read_docx(source, changes=changes)
    return lines, warnings


def read_docx(source: str | os.PathLike[str] | IO[bytes], *, changes: Changes = "accept"
              ) -> tuple[list[SourceLine], list[ParseWarning], list[Picture]]:
    """:func:`docx_lines`, and the draft's pictures (which the lines do not hold)."""
    if changes not in ("accept", "reject"):
        raise ValueError(f"changes must be 'accept' or 'reject', not {changes!r}")
    name = (os.fspath(source) if isinstance(source, (str, os.PathLike))
            else getattr(source, "name", None) or "the file")
    data = _read_bytes(source, name)
    open_zip(data, name, "Word draft", ParseError).close()  # the limits of templates
    try:
        document = open_docx(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise ParseError(f"{name}: 不是 Word 文档: not a Word .docx file ({exc})") from None
    try:
        reader = _read(document, changes)
    except NumberingError as exc:
        raise ParseError(f"{name}: {exc}") from None
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"{name}: 不是 Word 文档: a part is broken XML ({exc})") from None
    return reader.lines, reader.warnings, reader.pictures


def document_lines(document: object, *, changes: Changes = "accept"
                   ) -> tuple[list[SourceLine], list[ParseWarning]]:
    """:func:`docx_lines` of a document python-docx has opened (one govdoc made, say:
    no limits are applied)."""
    reader = _read(document, changes)
    return reader.lines, reader.warnings


def _read(document: object, changes: Changes) -> _Reader:
    reader = _Reader(_ListLabels.read(document), changes, document.part,  # type: ignore[attr-defined]
                     footnotes=_notes_part(document, RT.FOOTNOTES),
                     endnotes=_notes_part(document, RT.ENDNOTES))
    reader.block(document.element.body)  # type: ignore[attr-defined]
    if reader.carry:
        reader.add_text(reader.carry)
    reader.flush(len(reader.lines))  # nothing noted is ever left unsaid
    if reader.numbering.bullets:
        reader.warnings.append(ParseWarning(None, f"删去{reader.numbering.bullets}个项目符号: "
                                                  "bullet marks of Word lists are not kept",
                                            "paragraph"))
    for where, text in _margin_texts(document):
        english = "page header" if where == "页眉" else "page footer"
        reader.warnings.append(ParseWarning(None, f"{where}文字未保留: the {english}'s words "
                                                  f"“{_short(text, 40)}” are not kept "
                                                  "(govdoc writes its own)", "paragraph"))
    if reader.comments:
        reader.warnings.append(ParseWarning(None, f"删去{reader.comments}条批注: comments are "
                                                  "not kept", "paragraph"))
    return reader

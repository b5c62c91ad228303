"""A Word draft (.docx) as the lines of a draft.

The body is read in order: each paragraph is a line (a line break inside it starts a
new line), each table a table. What Word shows but does not store as text is made
literal first:

- **automatic numbering**: the label Word would show (一、 （一） 1. ①…) is computed
  from ``numbering.xml`` (formats, level texts, start values, restarts, numbering set
  by a style) and put before the paragraph's text;
- **tracked changes**: insertions and deletions (and moves) are accepted (default) or
  rejected; a paragraph whose mark was deleted joins the next one;
- **fields**: their shown result is kept, their codes are not.

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
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree
from pydantic import ValidationError

from govdoc.model import Table
from govdoc.parse.structure import ParseError, ParseWarning, SourceLine
from govdoc.text.wordnumbers import format_number

Changes = Literal["accept", "reject"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _attr(el: etree._Element | None, name: str = "val") -> str | None:
    return None if el is None else el.get(_W + name)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 0
    legal: bool = False


@dataclass
class Numbering:
    """Word's list definitions and the counters of the lists read so far."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNum id
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # num → (abstract, start overrides)
    style_numbering: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    bullets: int = 0

    @classmethod
    def read(cls, document: object) -> "Numbering":
        numbering = cls()
        part = document.part  # type: ignore[attr-defined]
        try:
            root = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for abstract in root.iterchildren(_W + "abstractNum"):
                aid = abstract.get(_W + "abstractNumId")
                levels: dict[int, _Level] = {}
                for lvl in abstract.iterchildren(_W + "lvl"):
                    start = _attr(lvl.find(_W + "start"))
                    levels[int(lvl.get(_W + "ilvl", "0"))] = _Level(
                        fmt=_attr(lvl.find(_W + "numFmt")) or "decimal",
                        text=_attr(lvl.find(_W + "lvlText")) or "",
                        start=int(start) if start and start.lstrip("-").isdigit() else 0,
                        legal=lvl.find(_W + "isLgl") is not None,
                    )
                numbering.levels[aid] = levels
            for num in root.iterchildren(_W + "num"):
                overrides = {}
                for override in num.iterchildren(_W + "lvlOverride"):
                    value = _attr(override.find(_W + "startOverride"))
                    if value is not None:
                        overrides[int(override.get(_W + "ilvl", "0"))] = int(value)
                numbering.nums[num.get(_W + "numId")] = (
                    _attr(num.find(_W + "abstractNumId")) or "", overrides)
        styles = part.styles.element if hasattr(part, "styles") else None
        if styles is not None:
            based: dict[str, str | None] = {}
            own: dict[str, tuple[str | None, int | None]] = {}
            for style in styles.iterchildren(_W + "style"):
                sid = style.get(_W + "styleId")
                based[sid] = _attr(style.find(_W + "basedOn"))
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                if num_pr is not None:
                    ilvl = _attr(num_pr.find(_W + "ilvl"))
                    own[sid] = (_attr(num_pr.find(_W + "numId")), int(ilvl) if ilvl else None)
            for sid in based:
                seen: set[str] = set()
                cur: str | None = sid
                while cur and cur not in own and cur not in seen:
                    seen.add(cur)
                    cur = based.get(cur)
                if cur is not None and cur in own:
                    numbering.style_numbering[sid] = own[cur]
        return numbering

    def label(self, p: etree._Element) -> str:
        """The label Word shows before paragraph ``p`` (advancing its list's counters)."""
        ppr = p.find(_W + "pPr")
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            style = _attr(ppr.find(_W + "pStyle"))
            if style in self.style_numbering:
                num_id, ilvl = self.style_numbering[style]
            num_pr = ppr.find(_W + "numPr")
            if num_pr is not None:
                direct_id = _attr(num_pr.find(_W + "numId"))
                direct_lvl = _attr(num_pr.find(_W + "ilvl"))
                num_id = direct_id if direct_id is not None else num_id
                ilvl = int(direct_lvl) if direct_lvl is not None else ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        ilvl = ilvl or 0
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, value in overrides.items():
                if 0 <= lvl < 9:
                    counters[lvl] = value - 1
        current = counters[ilvl]
        counters[ilvl] = (levels[ilvl].start if current is None else current + 1)
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        level = levels[ilvl]
        if level.fmt == "bullet":
            self.bullets += 1
            return ""
        text = level.text
        for ref in range(9, 0, -1):
            token = f"%{ref}"
            if token in text:
                ref_level = levels.get(ref - 1, _Level())
                counted = counters[ref - 1]
                value = ref_level.start if counted is None else counted
                fmt = "decimal" if level.legal and ref - 1 != ilvl else ref_level.fmt
                text = text.replace(token, format_number(value, fmt))
        return text


def _run_text(r: etree._Element, out: list[str]) -> None:
    for child in r:
        tag = child.tag
        if tag in (_W + "t", _W + "delText"):
            out.append(child.text or "")
        elif tag == _W + "tab":
            out.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")


def paragraph_text(p: etree._Element, changes: Changes) -> str:
    """The text of paragraph ``p`` with tracked changes accepted or rejected."""
    dropped = {_W + "del", _W + "moveFrom"} if changes == "accept" else {_W + "ins", _W + "moveTo"}
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag in dropped or tag in (_W + "pPr", _W + "rPr"):
                continue
            if tag == _W + "r":
                _run_text(child, out)
            elif tag in (_W + "instrText", _W + "delInstrText"):
                continue
            elif isinstance(tag, str):
                walk(child)

    walk(p)
    return "".join(out)


def _mark_removed(p: etree._Element, changes: Changes) -> bool:
    """Whether the paragraph's mark is removed, so that it joins the next paragraph."""
    rpr = p.find(f"{_W}pPr/{_W}rPr")
    if rpr is None:
        return False
    return rpr.find(_W + ("del" if changes == "accept" else "ins")) is not None


def _centred(p: etree._Element) -> bool:
    """Whether a paragraph is centred, by its own setting or as a title style."""
    ppr = p.find(f"{_W}pPr")
    if ppr is None:
        return False
    style = ppr.find(f"{_W}pStyle")
    if style is not None and _attr(style) in ("Title", "GovAttachmentTitle"):
        return True
    jc = ppr.find(f"{_W}jc")
    return jc is not None and _attr(jc) == "center"


@dataclass
class _Reader:
    numbering: Numbering
    changes: Changes
    lines: list[SourceLine] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    carry: str = ""

    def add_text(self, text: str) -> None:
        for part in text.split("\n"):
            self.lines.append(SourceLine(len(self.lines) + 1, part.strip(" \t\u3000\u00a0")))

    def paragraph(self, p: etree._Element) -> None:
        text = self.carry + self.numbering.label(p) + paragraph_text(p, self.changes)
        if _centred(p):
            # A centred title broken over lines (7.3.1): the breaks are layout, the
            # title one line of text.
            text = text.replace("\n", "")
        if _mark_removed(p, self.changes):
            self.carry = text
            return
        self.carry = ""
        self.add_text(text)

    def cell_text(self, tc: etree._Element) -> str:
        parts = []
        for p in tc.iter(_W + "p"):
            parts.append(self.numbering.label(p) + paragraph_text(p, self.changes))
        return "\n".join(x.strip() for x in parts).strip("\n")

    def table(self, tbl: etree._Element) -> None:
        trs = list(tbl.iterchildren(_W + "tr"))
        widths = [sum(int(_attr(tc.find(f"{_W}tcPr/{_W}gridSpan")) or 1)
                      for tc in tr.iterchildren(_W + "tc")) for tr in trs]
        if len(trs) <= 1 or max(widths, default=0) <= 1:
            for tr in trs:  # a layout table: its cells are lines
                for tc in tr.iterchildren(_W + "tc"):
                    self.block(tc)
            return
        rows: list[list[str]] = []
        header_rows = 0
        three = False
        for r, tr in enumerate(trs):
            if tr.find(f"{_W}trPr/{_W}tblHeader") is not None and header_rows == r:
                header_rows += 1
            row: list[str] = []
            for tc in tr.iterchildren(_W + "tc"):
                span = int(_attr(tc.find(f"{_W}tcPr/{_W}gridSpan")) or 1)
                merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                continued = merge is not None and _attr(merge) in (None, "continue")
                text = self.cell_text(tc)
                row.append("" if continued else text)
                row.extend([""] * (span - 1))
                three = three or any(_attr(sz) == "32" for sz in tc.iter(_W + "sz"))
            rows.append(row)
        width = max(widths)
        rows = [r + [""] * (width - len(r)) for r in rows]
        number = len(self.lines) + 1
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
            if child.tag == _W + "p":
                self.paragraph(child)
            elif child.tag == _W + "tbl":
                self.table(child)
            elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag"):
                self.block(child if child.tag != _W + "sdt" else
                           (child.find(_W + "sdtContent") if child.find(_W + "sdtContent")
                            is not None else child))
            elif child.tag == _W + "ins" and self.changes == "accept" or \
                    child.tag == _W + "del" and self.changes == "reject":
                self.block(child)


def docx_lines(source: str | os.PathLike[str] | IO[bytes], *,
               changes: Changes = "accept") -> tuple[list[SourceLine], list[ParseWarning]]:
    """The lines of a .docx draft, tables in place, and warnings about its reading."""
    if changes not in ("accept", "reject"):
        raise ValueError(f"changes must be 'accept' or 'reject', not {changes!r}")
    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(source)
    try:
        document = open_docx(source if not isinstance(source, (str, os.PathLike))  # type: ignore[arg-type]
                             else os.fspath(source))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        name = (getattr(source, "name", None) or "the file") if hasattr(source, "read") \
            else os.fspath(source)
        raise ParseError(f"{name}: 不是 Word 文档: not a Word .docx file ({exc})") from None
    reader = _Reader(Numbering.read(document), changes)
    reader.block(document.element.body)
    if reader.carry:
        reader.add_text(reader.carry)
    if reader.numbering.bullets:
        reader.warnings.append(ParseWarning(None, f"删去{reader.numbering.bullets}个项目符号: "
                                                  "bullet marks of Word lists are not kept",
                                            "paragraph"))
    return reader.lines, reader.warnings

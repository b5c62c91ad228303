"""From the lines of a draft to a :class:`~govdoc.model.Report`.

A 公文 is read in zones, each found where the standard puts it. What a line can be
(its form) comes from :mod:`govdoc.grammar`, shared with the checker; this module
decides by position.

0. **Website metadata** (optional): lines of 索引号：…, 发布机构：…, 【文号】… above the
   document; kept in the document properties, their 文号 filling a missing 发文字号.
1. **版头** (optional): 份号, 密级, 紧急程度 and 标志 lines above a 发文字号 line
   (with 签发人 on it or above it), or a 标志 line ending in 文件.
2. **标题**: the next line, or the next 2–3 lines when only together they end with a
   文种 (…的通知); they are joined into one title. None when the line there is a 主送,
   a sentence or a 发文字号 (a web copy without its title), or for a 命令（令）. Under it
   may stand the 发文字号, a 题注 with the date of adoption, or a 公报's 署名 and date.
3. **主送机关**: the line under the title when it lists organs (with its colon, or,
   without it, when every name ends like an organ's: …政府, …局, 各村（社区）).
4. **版记** (from the end): 抄送/抄报 (also 主送) lines and the 印发 line.
5. **成文日期**: a line holding only a date, followed by nothing but a 附注 in （ ）,
   the attachment pages (from a line 附件1 / 附件) and the 版记.
6. **署名**: the name lines directly above the date (several for 联合行文).
7. **附件说明**: 附件：… with its numbered lines, above the 署名.
8. **正文**: everything between the 主送 and the 附件说明/署名.

In the 正文 a line starting with a heading number (一、 （一） 1. （1）, in full- or
half-width forms, also 1、) opens a section at the level its form stands for. When the
number is followed by a sentence ending in 。 and more text, the heading is *run-in*:
the sentence is the title, the rest its first paragraph. Other lines are paragraphs of
the innermost open section. Two rules settle what the numbers alone cannot:

- **Closing paragraphs.** After the last heading, a closing formula (特此通知, 妥否，请批示)
  or a paragraph opening with a concluding phrase (在今后的工作中, 总之, 下一步, 本通知…,
  and 出席/列席 in a 纪要), and every line after it, belong to the whole text, not to
  the last section. The phrase rule is a guess, reported as a warning, and does not
  take a section's first paragraph from a heading that stands on its own line.
- **Numbered lists.** A section must hold something. When a heading has nothing under
  it, its numbered siblings are taken as a numbered list and kept as written, number
  and all, as paragraphs (with a warning).

A part the draft lacks is a warning naming it (an error with ``strict``); a line with a
part's form but an impossible value (2024年13月45日, 〔20244〕, 机密★0年) is a
:class:`ParseError` naming the line and the field. Every line's words end up in the report; what fits no rule is a paragraph. Heading
numbers are dropped from titles because govdoc numbers sections by position; a
number out of order, or a level skipped, is reported.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Union

from pydantic import ValidationError

from govdoc import grammar as pt
from govdoc.errors import GovdocError
from govdoc.grammar import DocKind, Part
from govdoc.model import Attachment, Header, Imprint, Paragraph, Report, Section, Table
from govdoc.text import heading_label as standard_label
from govdoc.text import normalize_punctuation
from govdoc.text.dates import format_date

__all__ = ["Element", "Kind", "ParseError", "ParseResult", "ParseWarning", "SourceLine",
           "parse_lines"]


class ParseError(GovdocError):
    """The draft cannot become a 公文: it holds wrong data (a date that does not exist,
    a 发文字号 with a broken year, a 密级 outside the list), it has no words at all, or,
    with ``strict``, it lacks a part. ``line`` is the draft's line (or paragraph) the
    error is about, ``field`` the part's name (成文日期, 发文字号, 密级…)."""

    def __init__(self, message: str, *, line: int | None = None, field: str | None = None,
                 unit: str = "line") -> None:
        where = f"{unit} {line}: " if line else ""
        what = f"{field}: " if field and not message.startswith(field) else ""
        super().__init__(where + what + message)
        self.line = line
        self.field = field


@dataclass(frozen=True)
class SourceLine:
    """One line of a draft (a paragraph of a .docx), or a table.

    ``number`` is the 1-based line (paragraph) number, ``text`` the line without the
    whitespace around it.
    """

    number: int
    text: str
    table: Table | None = None
    more: tuple[int, ...] = ()
    """The numbers of the other draft lines a table flattened to lines took."""

    @property
    def blank(self) -> bool:
        """True for an empty line (it separates, but holds no words)."""
        return self.table is None and not self.text


Kind = Part
"""What a line of a draft was taken for: the grammar's one vocabulary of parts."""


@dataclass(frozen=True)
class Element:
    """What the parser took one line for: its kind, and a heading's level and form."""

    line: int
    text: str
    kind: Kind
    level: int | None = None
    run_in: bool = False

    @property
    def tag(self) -> str:
        """A short name: the kind, with a heading's level (``heading2``, ``heading2-run-in``)."""
        if self.kind is Kind.HEADING:
            return f"heading{self.level}" + ("-run-in" if self.run_in else "")
        return self.kind.value


@dataclass(frozen=True)
class ParseWarning:
    """A guess the parser made, or a change it made to the draft's form, at ``line``."""

    line: int | None
    message: str
    unit: str = "line"
    missing: Part | None = None
    """The part the draft lacks, for a warning that one is missing (``strict`` refuses)."""

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class ParseResult:
    """The report read from a draft, the warnings about guesses, and each line's kind."""

    report: Report
    warnings: tuple[ParseWarning, ...]
    elements: tuple[Element, ...]


Block = Union[Paragraph, Section, Table]
_WORD = re.compile(r"[\u4e00-\u9fff\w]")


@dataclass
class _HeaderFields:
    """What the 版头 lines hold, before the 署名 is known."""

    organs: list[str] = field(default_factory=list)
    suffix: str | None = None  # 文件, "" for a 标志 of the name only, None when no 标志
    signers: list[str] = field(default_factory=list)
    number: str | None = None
    copy_number: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    order_number: str | None = None  # 令号 of a 命令（令）


@dataclass
class _ImprintFields:
    """What the 版记 lines hold."""

    cc: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # 主送 moved into the 版记
    printer: str | None = None
    date: datetime.date | None = None


@dataclass
class _Node:
    """A section while the tree is built."""

    index: int  # of its heading line
    label: pt.HeadingLabel
    title: str
    run_in: bool
    body: list[Union["_Node", tuple[str, int, str]]] = field(default_factory=list)


def parse_lines(lines: list[SourceLine], *, unit: str = "line",
                default_date: datetime.date | None = None,
                notes: tuple[ParseWarning, ...] = (), strict: bool = False) -> ParseResult:
    """Read ``lines`` (a draft's lines, tables in place) as a 公文.

    ``unit`` names a line in warnings (``line`` or ``paragraph``); ``default_date``
    stands in for a 成文日期 the draft lacks (by default none is set: govdoc never
    invents a date); ``notes`` are warnings from reading the source, put first. A part
    the draft lacks is a warning naming it; with ``strict`` it is a :class:`ParseError`.
    Wrong data (a date that does not exist…) is always a :class:`ParseError`.
    """
    result = _Parser(lines, unit).run(default_date)
    if strict:
        missing = next((w for w in result.warnings if w.missing is not None), None)
        if missing is not None:
            raise ParseError(missing.message, line=missing.line, unit=unit)
    if notes:
        result = ParseResult(result.report, tuple(notes) + result.warnings, result.elements)
    return result


_HOW = {"网页元数据的标题": "metadata's title", "结束语": "closing formula",
        "正文用语": "body's wording (提出如下意见…)"}
_SIGNED_BY_SEAL = (DocKind.命令, DocKind.令)
"""Kinds signed with a 签名章 (7.3.5.3): their 署名 line is the signer's post."""


class _Parser:
    def __init__(self, lines: list[SourceLine], unit: str) -> None:
        self.lines = lines
        self.unit = unit
        self.elements: dict[int, Element] = {}
        self.warnings: list[tuple[int, ParseWarning]] = []
        self.metadata: list[pt.MetadataField] = []
        self.more_elements: dict[int, Element] = {}
        self.number_under_title: str | None = None
        self.order_kind: DocKind | None = None
        self.order_header_fields: _HeaderFields | None = None
        self.early_kind: DocKind | None = None  # the kind the title or the 标志 says
        self.adopted: datetime.date | None = None  # the date of a 题注 under the title
        self.signed_under_title: tuple[int, int] | None = None  # 公报: 署名 and date lines
        self.kept_aside: list[int] = []  # lines kept in the document properties

    # -- bookkeeping ----------------------------------------------------------------

    def text(self, i: int) -> str:
        return self.lines[i].text

    def table_at(self, i: int) -> Table:
        table = self.lines[i].table
        assert table is not None
        return table

    def warn(self, i: int | None, message: str, missing: Part | None = None) -> None:
        line = self.lines[i].number if i is not None else None
        self.warnings.append((i if i is not None else -1,
                              ParseWarning(line, message, self.unit, missing)))

    def fail(self, i: int, field: str, message: str) -> ParseError:
        return ParseError(f"“{self.text(i)}”: {message}", line=self.lines[i].number, field=field,
                          unit=self.unit)

    def mark(self, i: int, kind: Kind, level: int | None = None, run_in: bool = False) -> None:
        line = self.lines[i]
        text = line.text if line.table is None else " | ".join(line.table.rows[0])
        self.elements[i] = Element(line.number, text, kind, level, run_in)
        for n in line.more:  # a flattened table: each of its lines is part of it
            self.more_elements[n] = Element(n, text, kind, level, run_in)

    # -- the whole draft ------------------------------------------------------------

    def run(self, default_date: datetime.date | None) -> ParseResult:
        idx = [i for i, line in enumerate(self.lines) if not line.blank]
        if not idx:
            raise ParseError("草稿是空的: the draft holds no text")
        pos, metadata_lines = self.read_metadata(idx)
        pos, header = self.read_header(idx, pos)
        if header is not None and header.order_number is not None:
            self.order_kind = DocKind.命令 if "".join(header.organs).endswith("命") else DocKind.令
        pos, title = self.read_title(idx, pos)
        self.early_kind = self.order_kind or (pt.title_kind(title) if title else None)
        pos = self.read_number_under_title(idx, pos, header)
        if header is None and self.number_under_title is not None:
            header = _HeaderFields(number=self.number_under_title)
        if header is None and self.order_header_fields is not None:
            header = self.order_header_fields
        pos, recipients = self.read_recipients(idx, pos)
        rest = idx[pos:]
        end, imprint = self.read_imprint(rest)
        rest_before_imprint = rest[:end]
        date_at, trailing = self.find_date(rest_before_imprint)

        issuer_lines: list[int] = []
        note_text: str | None = None
        listed: list[str] = []
        pages: list[int] = []
        body_positions = rest_before_imprint
        date: datetime.date | None = None
        if date_at is not None:
            k = rest_before_imprint.index(date_at)
            after = rest_before_imprint[k + 1:len(rest_before_imprint) - len(trailing)]
            note_text, listed_after, pages = self.read_after_date(after)
            before = rest_before_imprint[:k]
            issuer_lines = self.read_signature(before, date_at)
            cut = before.index(issuer_lines[0]) if issuer_lines else len(before)
            note_start, listed = self.read_attachment_note(before[:cut])
            listed += listed_after
            body_positions = before[:note_start]
            reading = pt.date_line(self.text(date_at))
            assert reading is not None
            if reading.date is None:
                if reading.impossible:
                    raise self.fail(date_at, "成文日期", reading.problem or "no such day")
                self.warn(date_at, f"成文日期“{self.text(date_at)}”无法识别（{reading.problem}），"
                                   "疑为残缺的日期，移作正文最后一段: the line looks like a damaged "
                                   "date; it is kept as the last paragraph of the 正文")
                body_positions = body_positions + [date_at]
            else:
                date = reading.date
                self.mark(date_at, Kind.DATE)
                if reading.problem:
                    self.warn(date_at, f"成文日期: {reading.problem}")
        else:
            self.check_dates(rest_before_imprint)
            if self.signed_under_title is not None:
                sig, at = self.signed_under_title
                issuer_lines = [sig]
                reading = pt.date_line(self.text(at))
                date = reading.date if reading is not None else None
                self.mark(at, Kind.DATE)
            else:
                # A text cut off after its 署名: organ names closing it.
                issuer_lines = self.read_signature(rest_before_imprint, None)
                if issuer_lines and len(issuer_lines) < len(rest_before_imprint):
                    body_positions = rest_before_imprint[:rest_before_imprint.index(issuer_lines[0])]
                    note_start, listed = self.read_attachment_note(body_positions)
                    body_positions = body_positions[:note_start]
                else:
                    issuer_lines = []
        if date is None and self.adopted is not None:
            date = self.adopted
        kind = self.kind_of(title, metadata_lines, body_positions)
        if not recipients and kind.addressed and not (imprint and imprint.recipients):
            self.warn(None, f"没有找到主送机关: no 主送机关 found; a {kind.value} is addressed to "
                            "one, and the document has no 主送 line", missing=Part.RECIPIENTS)
        if date is None:
            if default_date is not None:
                date = default_date
                self.warn(date_at, f"成文日期取{format_date(date)}: the 成文日期 is set to the "
                                   "date given (--date); correct it if needed")
            else:
                self.warn(date_at, "没有找到成文日期: no 成文日期 found; the document has no date "
                                   "line", missing=Part.DATE)
        body = self.build_body(body_positions)
        if not body:
            body = self.body_from_what_is_left(title, recipients)
        issuer = self.issuer(issuer_lines, header, kind)
        attachments = self.read_pages(pages, listed)
        if trailing:
            attachments.append(self.trailing_attachment(trailing))
        try:
            report_fields: dict[str, object] = dict(
                title=title, recipients=recipients, body=body, issuer=issuer, date=date,
                kind=kind, attachments=attachments, note=note_text,
            )
            if header is not None:
                made = self.make_header(header, issuer)
                if made is not None:
                    report_fields["header"] = made
            if imprint is not None:
                made_imprint = self.make_imprint(imprint, issuer, date)
                if made_imprint is not None:
                    report_fields["imprint"] = made_imprint
                if imprint.recipients:
                    report_fields["recipients"] = recipients + imprint.recipients
            aside = metadata_lines + sorted(set(self.kept_aside))
            report_fields["metadata"] = [self.text(i) for i in aside]
            report = Report(**report_fields)  # type: ignore[arg-type]
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise ParseError(f"草稿无法组成公文: {where}: {first['msg']}") from None
        for i in idx:
            if i not in self.elements:  # every line has a kind; a guard, not a rule
                self.mark(i, Kind.PARAGRAPH)
        ordered = sorted(self.warnings, key=lambda w: (w[0] < 0, w[0]))
        elements = sorted(list(self.elements.values()) + list(self.more_elements.values()),
                          key=lambda e: e.line)
        return ParseResult(report, tuple(w for _, w in ordered), tuple(elements))

    # -- website metadata -------------------------------------------------------------

    def read_metadata(self, idx: list[int]) -> tuple[int, list[int]]:
        """The metadata block a web page prints above a document (索引号：…, 文号：…):
        its lines are kept in the document properties, not on the page, with a warning."""
        found: list[int] = []
        k = 0
        while k < len(idx) and k < 16 and self.is_text(idx[k]):
            fields = pt.metadata_fields(self.text(idx[k]))
            if not fields:
                break
            self.metadata += fields
            found.append(idx[k])
            k += 1
        if len(found) < 2 and len(self.metadata) < 2 and not any(
                f.label in ("索引号", "文号", "发布机构") for f in self.metadata):
            self.metadata = []
            return 0, []
        for i in found:
            self.mark(i, Kind.METADATA)
        self.warn(found[0], f"网页元数据（第{self.lines[found[0]].number}至"
                            f"{self.lines[found[-1]].number}{'行' if self.unit == 'line' else '段'}）"
                            "存入文档属性，不印在页面上: a website's metadata block; its lines are "
                            "kept in the document properties (comments), not printed")
        # A title the page repeats (once in the metadata, once above the document).
        return k, found

    def metadata_value(self, *labels: str) -> str | None:
        return next((f.value for f in self.metadata if f.label in labels and f.value), None)

    # -- kinds --------------------------------------------------------------------------

    def kind_of(self, title: str, metadata: list[int], body: list[int]) -> DocKind:
        if self.order_kind is not None:
            return self.order_kind
        kind = pt.title_kind(title) if title else None
        if kind is not None:
            return kind
        if title:
            self.warn(None, "标题未以文种结尾，按“报告”处理: the title ends with no 文种; taken as a 报告")
            return DocKind.报告
        meta_title = self.metadata_value("标题", "名称")
        guess = pt.title_kind(meta_title) if meta_title else None
        how = "网页元数据的标题"
        if guess is None:
            guess = next((k for i in reversed(body) if self.is_text(i)
                          for k in [pt.closing_kind(self.text(i))] if k is not None), None)
            how = "结束语"
        if guess is None:
            guess = next((k for i in body[:6] if self.is_text(i)
                          for k in [pt.phrase_kind(self.text(i))] if k is not None), None)
            how = "正文用语"
        if guess is None:
            self.warn(None, "没有标题，文种无法判断，按“通知”处理: no title, and no 文种 can be "
                            "told; taken as a 通知")
            return DocKind.通知
        self.warn(None, f"没有标题，按{how}作“{guess.value}”: no title; the 文种 {guess.value} is "
                        f"taken from the {_HOW[how]}")
        return guess

    # -- 版头 -------------------------------------------------------------------------

    def read_header(self, idx: list[int], start: int) -> tuple[int, _HeaderFields | None]:
        """The 版头 lines at the top: (position after them, their fields or None)."""
        pos, fields = self._read_header(idx[start:])
        return start + pos, fields

    def _read_header(self, idx: list[int]) -> tuple[int, _HeaderFields | None]:
        head = idx[:10]
        number_pos = None
        for k, i in enumerate(head):
            line = self.lines[i]
            if line.table is not None:
                break
            if pt.doc_number(line.text):
                number_pos = k
                break
            if not self.header_like(line.text):
                break
            problem = pt.secrecy_problem(line.text)
            if problem is not None:
                raise self.fail(i, "密级", problem)
        if number_pos is None:
            # Without a 发文字号: 份号/密级/紧急程度, then 标志 lines, the last ending in 文件.
            k = 0
            while k < len(head) and self.is_text(head[k]) and (
                    pt.copy_number(self.text(head[k])) or pt.secrecy(self.text(head[k]))
                    or pt.urgency(self.text(head[k]))):
                k += 1
            m = k
            while m < len(head) and m - k < 3 and self.is_text(head[m]) \
                    and self.mark_like(self.text(head[m])):
                m += 1
            ends = [x for x in range(k, m) if self.text(head[x]).endswith("文件")]
            stop = ends[-1] + 1 if ends else k
            order = self.order_header(head, k)
            if order is not None:
                return order
            if stop == 0:
                return 0, None
            return stop, self.header_fields(head[:stop], None)
        fields = self.header_fields(head[:number_pos], head[number_pos])
        pos = number_pos + 1
        # 签发人 pushed onto the line below the 发文字号 (a web copy's wrapped line).
        if not fields.signers and pos < len(idx) and self.is_text(idx[pos]):
            below = pt.signers_part(self.text(idx[pos]))
            if below is not None and not below[0] and below[1]:
                fields.signers = below[1]
                self.mark(idx[pos], Kind.SIGNERS)
                pos += 1
        # 签发人 names continued on lines below the 发文字号.
        while fields.signers and pos < len(idx) and self.lines[idx[pos]].table is None:
            names = pt.names(self.text(idx[pos]))
            if not names or not all(2 <= len(n) <= 4 and pt.name_like(n) for n in names):
                break
            fields.signers += names
            self.mark(idx[pos], Kind.SIGNERS)
            pos += 1
        return pos, fields

    def order_header(self, head: list[int], k: int) -> tuple[int, _HeaderFields] | None:
        """A 命令（令）'s 版头: its 标志 (…令) and the 令号 (第12号) on the next line."""
        if k + 1 >= len(head) or not all(self.is_text(i) for i in head[k:k + 2]):
            return None
        mark, number = self.text(head[k]), self.text(head[k + 1])
        if not (mark.endswith("令") and pt.name_like(mark) and pt.order_number(number, loose=True)):
            return None
        fields = self.header_fields(head[:k], None)
        fields.organs = [mark[:-1]] if mark[:-1] else []
        fields.suffix = "令"
        fields.order_number = pt.squeeze(number)
        self.mark(head[k], Kind.MARK)
        self.mark(head[k + 1], Kind.DOC_NUMBER)
        return k + 2, fields

    @staticmethod
    def mark_like(text: str) -> bool:
        return pt.name_like(text) and pt.title_kind(text) is None

    def header_like(self, text: str) -> bool:
        return bool(pt.copy_number(text) or pt.secrecy_like(text) or pt.urgency(text)
                    or pt.signers_part(text) or self.mark_like(text))

    def header_fields(self, before: list[int], number_at: int | None) -> _HeaderFields:
        fields = _HeaderFields()
        mark_lines: list[int] = []
        for i in before:
            t = self.text(i)
            signers = pt.signers_part(t)
            if pt.copy_number(t) and fields.copy_number is None and not mark_lines:
                fields.copy_number = pt.copy_number(t)
                self.mark(i, Kind.COPY_NUMBER)
            elif pt.secrecy(t) and fields.secrecy is None and not mark_lines:
                fields.secrecy = pt.secrecy(t)
                self.mark(i, Kind.SECRECY)
            elif pt.urgency(t) and fields.urgency is None and not mark_lines:
                fields.urgency = pt.urgency(t)
                self.mark(i, Kind.URGENCY)
            elif signers is not None and not signers[0]:
                fields.signers += signers[1]
                self.mark(i, Kind.SIGNERS)
            else:
                mark_lines.append(i)
                self.mark(i, Kind.MARK)
        organs: list[str] = []
        for i in mark_lines:
            organs += pt.split_on_gaps(self.text(i))
        if organs and organs[-1].endswith("文件"):
            fields.suffix = "文件"
            organs = [o[:-2] if o.endswith("文件") else o for o in organs]
            organs = [o for o in organs if o]
        elif organs:
            fields.suffix = ""
        fields.organs = organs
        if number_at is not None:
            number = pt.doc_number(self.text(number_at))
            assert number is not None
            if not number.year_ok:
                raise self.fail(number_at, "发文字号", "年份不是四位的公元年份: the year in the "
                                                  "brackets must be a full year, e.g. 〔2024〕 (7.2.5)")
            self.mark(number_at, Kind.DOC_NUMBER)
            fields.number = number.number
            for change in number.changes:
                self.warn(number_at, f"发文字号: {change}")
            if number.rest:
                signers = pt.signers_part(number.rest)
                if signers is not None:
                    fields.signers += signers[1]
                else:
                    if not fields.signers:
                        self.warn(number_at, f"发文字号后的“{number.rest}”作签发人: the words after "
                                             "the 发文字号 are taken as 签发人")
                    fields.signers += pt.names(number.rest)
        return fields

    def make_header(self, fields: _HeaderFields, issuer: str | list[str] | None) -> Header | None:
        organs = fields.organs
        if not organs and fields.number is None and not (fields.copy_number or fields.secrecy
                                                          or fields.urgency or fields.signers
                                                          or fields.order_number):
            return None
        if not organs:
            named = issuer or self.metadata_value("发布机构", "发文机关", "发布机关", "所属机构")
            if not named:
                self.warn(None, "版头没有发文机关标志，也没有署名，版头字段存入文档属性: the 版头 has no "
                                "标志 and the draft no 署名; its fields are kept in the document "
                                "properties")
                self.kept_aside += [i for i, e in self.elements.items()
                                    if e.kind in (Kind.DOC_NUMBER, Kind.SIGNERS, Kind.COPY_NUMBER,
                                                  Kind.SECRECY, Kind.URGENCY)]
                return None
            organs = named if isinstance(named, list) else [named]
            self.warn(None, f"版头没有发文机关标志，用“{'、'.join(organs)}”: the 版头 has no 标志; "
                            f"{'the 署名' if issuer else 'the metadata 发布机构'} is used")
        kw: dict[str, object] = dict(organs=organs, number=fields.number,
                                     order_number=fields.order_number,
                                     signers=fields.signers, copy_number=fields.copy_number,
                                     secrecy=fields.secrecy, urgency=fields.urgency)
        if fields.suffix is not None:
            kw["mark_suffix"] = fields.suffix
        if fields.order_number is not None:
            kw["order_number"] = fields.order_number
        return Header(**kw)  # type: ignore[arg-type]

    # -- 标题 and 主送 ---------------------------------------------------------------

    def read_title(self, idx: list[int], pos: int) -> tuple[int, str]:
        if pos >= len(idx):
            raise ParseError("没有找到正文: the draft ends before its 正文")
        first = idx[pos]
        joined = any(self.is_text(first) and all(self.title_like(i) for i in idx[pos:pos + k])
                     and len(idx[pos:pos + k]) == k
                     and pt.title_kind("".join(self.text(i) for i in idx[pos:pos + k]))
                     for k in (2, 3))
        if self.order_kind is not None:
            return pos, ""  # a 命令（令） prints no title (10.2)
        if not joined and not self.title_first(first):
            self.warn(first, "没有找到标题: no title line found; the document has no title",
                      missing=Part.TITLE)
            return pos, ""
        taken = 1
        if pt.title_kind(self.text(first)) is None:
            for k in (2, 3):
                more = idx[pos + 1:pos + k]
                if len(more) < k - 1 or not all(self.title_like(i) for i in more):
                    break
                if pt.title_kind("".join(self.text(i) for i in idx[pos:pos + k])):
                    taken = k
                    break
        lines = idx[pos:pos + taken]
        for i in lines:
            self.mark(i, Kind.TITLE)
        if taken > 1:
            self.warn(first, f"标题的{taken}行合为一行: the title's {taken} lines are joined "
                             "(govdoc breaks the title itself)")
        title = "".join(self.text(i) for i in lines)
        pos += taken
        # The title repeated right under itself (a web page's heading, then the document's).
        if pos < len(idx) and self.is_text(idx[pos]) and pt.squeeze(self.text(idx[pos])) == \
                pt.squeeze(title):
            self.mark(idx[pos], Kind.METADATA)
            self.kept_aside.append(idx[pos])
            self.warn(idx[pos], "标题重复，重复的一行存入文档属性: the title is repeated; the repeat "
                                "is kept in the document properties")
            pos += 1
        return pos, title

    def read_number_under_title(self, idx: list[int], pos: int,
                                header: _HeaderFields | None) -> int:
        """What published texts put under the title: the 发文字号 (in （ ） or not), a
        题注 with the date of adoption, or the 署名 and date (a 公报); or a metadata 文号
        when the draft has no 发文字号."""
        if pos < len(idx) and self.is_text(idx[pos]) and (header is None or header.number is None):
            i = idx[pos]
            t = self.text(i)
            inner = pt.note(t)
            number = pt.doc_number(inner if inner else t)
            if number is None and self.early_kind in (DocKind.公告, DocKind.通告) \
                    and pt.order_number(t, loose=True):
                # 第768号 under a 公告's title: its number, set where a 发文字号 stands.
                self.mark(i, Kind.DOC_NUMBER)
                self.warn(i, f"标题下的编号“{t}”移入版头: the number under the title is set "
                             "in the 版头")
                if header is None:
                    header = self.order_header_fields = _HeaderFields(suffix="")
                header.order_number = pt.squeeze(t)
                pos += 1
            elif number is not None and not number.rest:
                if not number.year_ok:
                    raise self.fail(i, "发文字号", "年份不是四位的公元年份: the year must be "
                                                 "a full year, e.g. 〔2024〕 (7.2.5)")
                self.mark(i, Kind.DOC_NUMBER)
                for change in number.changes:
                    self.warn(i, f"发文字号: {change}")
                self.warn(i, "标题下的发文字号移入版头: the 发文字号 under the title is set in the "
                             "版头 (7.2.5)")
                self.fill_number(header, number.number)
                pos += 1
        if pos < len(idx) and self.is_text(idx[pos]):
            i = idx[pos]
            adopted = pt.adoption_note(self.text(i))
            if adopted is not None and adopted.impossible:
                raise self.fail(i, "成文日期", adopted.problem or "no such day")
            if adopted is not None and adopted.date is not None:
                self.adopted = adopted.date
                self.mark(i, Kind.DATE)
                self.kept_aside.append(i)
                self.warn(i, "题注存入文档属性，其日期作成文日期: the 题注 under the title is kept "
                             "in the document properties; its date is the 成文日期")
                pos += 1
            elif pos + 1 < len(idx) and self.is_text(idx[pos + 1]) \
                    and pt.name_like(self.text(i)) and pt.organ_like(self.text(i)):
                reading = pt.date_line(self.text(idx[pos + 1]))
                if reading is not None and reading.date is not None:
                    self.signed_under_title = (i, idx[pos + 1])
                    self.warn(i, "标题下的署名移至正文之后: the 署名 under the title is set "
                                 "after the 正文")
                    self.warn(idx[pos + 1], "标题下的成文日期移至署名之下: the date under the "
                                            "title is set under the 署名")
                    pos += 2
        if (header is None or header.number is None) and self.number_under_title is None \
                and self.metadata_value("文号", "发文字号"):
            value = self.metadata_value("文号", "发文字号") or ""
            number = pt.doc_number(value)
            if number is not None and number.year_ok and not number.rest:
                self.warn(None, f"发文字号取网页元数据的文号“{value}”: the 发文字号 is taken from the "
                                "metadata's 文号")
                self.fill_number(header, number.number)
        return pos

    def fill_number(self, header: _HeaderFields | None, number: str) -> None:
        if header is not None:
            header.number = header.number or number
        else:
            self.number_under_title = number

    def title_first(self, i: int) -> bool:
        """Whether the line where the title stands can be one (not a 主送, a sentence…)."""
        if not self.is_text(i):
            return False
        t = self.text(i)
        if pt.title_kind(t) is not None and len(t) <= 100 and not t.endswith(("。", "：", ":")):
            return True
        return (len(t) <= 60 and not any(c in t for c in "。；;！？") and not t.endswith(
                    ("：", ":", "，", ",")) and pt.heading_label(t) is None
                and pt.date_line(t) is None and pt.doc_number(t) is None
                and pt.attachment_note(t) is None and not pt.closing_formula(t)
                and not pt.split_on_gaps(t)[1:])

    def title_like(self, i: int) -> bool:
        line = self.lines[i]
        t = line.text
        return (line.table is None and len(t) <= 40 and "。" not in t
                and not t.endswith(("：", ":")) and pt.heading_label(t) is None
                and pt.date_line(t) is None)

    def read_recipients(self, idx: list[int], pos: int) -> tuple[int, list[str]]:
        if pos >= len(idx) or self.lines[idx[pos]].table is not None:
            return pos, []
        found = pt.recipients(self.text(idx[pos]))
        if found is None:
            return pos, []
        self.mark(idx[pos], Kind.RECIPIENTS)
        if found.comma:
            self.warn(idx[pos], "此行作主送机关（以逗号结尾）: taken as the 主送机关; it ends with a "
                                "comma, set as a colon")
        elif not found.colon:
            self.warn(idx[pos], "此行作主送机关: taken as the 主送机关 (it has no colon)")
        return pos + 1, found.names

    # -- 版记 -------------------------------------------------------------------------

    def read_imprint(self, rest: list[int]) -> tuple[int, _ImprintFields | None]:
        """The 版记 at the end: (position where it starts in ``rest``, its fields)."""
        j = len(rest) - 1
        fields = _ImprintFields()
        found = False
        if j >= 0 and self.lines[rest[j]].table is None:
            p = pt.printed(self.text(rest[j]))
            if p is not None:
                found = True
                self.mark(rest[j], Kind.PRINTER)
                printer = p.printer
                if not printer and j > 0 and pt.name_like(self.text(rest[j - 1])) \
                        and pt.imprint_listing(self.text(rest[j - 1])) is None:
                    j -= 1
                    printer = self.text(rest[j])
                    self.mark(rest[j], Kind.PRINTER)
                fields.printer = printer or None
                if p.reading is not None and p.reading.date is not None:
                    fields.date = p.reading.date
                else:
                    self.warn(rest[j], f"印发日期“{p.date_text}”无法识别: the 印发日期 cannot be "
                                       "read; the 成文日期 is used")
                j -= 1
        # 抄送/抄报/主送 lines above it; a wrapped listing ends its lines with a comma.
        listings: list[tuple[int, pt.ImprintListing, list[int]]] = []
        pending: list[int] = []
        while j >= 0 and self.is_text(rest[j]):
            listing = pt.imprint_listing(self.text(rest[j]))
            if listing is None:
                if len(pending) >= 3:
                    break
                pending.insert(0, j)
                j -= 1
                continue
            chain = [j] + pending
            if pending and not all(self.text(rest[x]).endswith(("，", ",", "、"))
                                   for x in chain[:-1]):
                break
            listings.insert(0, (j, listing, pending))
            pending = []
            j -= 1
        start = pending[-1] + 1 if pending else j + 1
        if not listings and not found:
            return len(rest), None
        for k, listing, extra in listings:
            self.mark(rest[k], Kind.CC)
            names = list(listing.names)
            for c in extra:
                self.mark(rest[c], Kind.CC)
                more = pt.split_outside_brackets(self.text(rest[c]).rstrip("。."), "，,")
                names += [n.strip() for n in more if n.strip()]
            if extra:
                self.warn(rest[k], "抄送机关跨行，合为一行: the listing's wrapped lines are joined")
            if listing.label == "主送":
                fields.recipients += names
            else:
                if listing.label == "抄报":
                    self.warn(rest[k], "“抄报”按“抄送”编排: GB/T 9704-2012 has only 抄送 (7.4.2)")
                fields.cc += names
        return start, fields

    def make_imprint(self, fields: _ImprintFields, issuer: str | list[str] | None,
                     date: datetime.date | None) -> Imprint | None:
        """The 版记 as the draft gives it: a missing 印发机关 or 印发日期 stays missing
        (govdoc never invents one), with a warning."""
        if fields.printer is None and fields.date is None:
            if not fields.cc:
                return None
            self.warn(None, "版记只有抄送，没有印发机关和印发日期: the 版记 lists 抄送 but has no "
                            "印发 line; none is set")
        elif fields.printer is None:
            self.warn(None, "版记没有印发机关: the 版记 names no 印发机关")
        elif fields.date is None:
            self.warn(None, "版记没有印发日期: the 版记 gives no 印发日期")
        return Imprint(cc=fields.cc, printer=fields.printer, date=fields.date)

    # -- 成文日期, 署名, 附件说明, 附注 -------------------------------------------------

    def find_date(self, rest: list[int]) -> tuple[int | None, list[int]]:
        """The 成文日期: the first date-only line followed only by what may follow it,
        and the lines after it that are no 附注, 附件说明 or attachment page (a list or
        名单 published after the date without its 附件 label)."""
        candidates = [k for k, i in enumerate(rest)
                      if self.lines[i].table is None and pt.date_line(self.text(i)) is not None]
        fitting = [k for k in candidates if self.after_date_fits(rest[k + 1:])]
        signed = [k for k in fitting if k > 0 and self.lines[rest[k - 1]].table is None
                  and pt.name_like(self.text(rest[k - 1]))]
        chosen = signed or fitting
        if chosen:
            return rest[chosen[0]], []
        # A date under a 署名 with more lines after it: those lines are an attachment.
        for k in candidates:
            if k > 0 and self.is_text(rest[k - 1]) and pt.name_like(self.text(rest[k - 1])) \
                    and self.date_reading_ok(rest[k]):
                after = rest[k + 1:]
                m = 0
                while m < len(after) and self.is_text(after[m]) and pt.note_like(self.text(after[m])):
                    m += 1
                return rest[k], after[m:]
        return None, []

    def date_reading_ok(self, i: int) -> bool:
        reading = pt.date_line(self.text(i))
        return reading is not None and reading.date is not None

    def check_dates(self, rest: list[int]) -> None:
        """Without a 成文日期: a line that has a date's form but an impossible value is
        wrong data all the same."""
        for i in rest[-6:]:
            if self.is_text(i):
                reading = pt.date_line(self.text(i))
                if reading is not None and reading.impossible:
                    raise self.fail(i, "成文日期", reading.problem or "no such day")

    def after_date_fits(self, after: list[int]) -> bool:
        k = 0
        while k < len(after) and self.is_text(after[k]) and pt.note_like(self.text(after[k])):
            k += 1
        if k < len(after) and self.is_text(after[k]) \
                and pt.attachment_note(self.text(after[k])) is not None:
            start = k
            k += 1
            while k < len(after) and self.is_text(after[k]) \
                    and pt.attachment_item(self.text(after[k])):
                k += 1
            if self.listed_items(after[start:k]) is None:
                return False
        return k == len(after) or (self.is_text(after[k]) and self.page_label(after[k]) is not None)

    def is_text(self, i: int) -> bool:
        return self.lines[i].table is None

    def page_label(self, i: int) -> tuple[int, str | None] | None:
        t = self.text(i)
        n = pt.attachment_label(t)
        if n is not None:
            return n, None
        both = pt.attachment_label_title(t)
        return both

    def read_after_date(self, after: list[int]) -> tuple[str | None, list[str], list[int]]:
        """附注 (one or more lines), a 附件说明 set after the date, and the attachment pages."""
        notes: list[str] = []
        k = 0
        while k < len(after) and self.is_text(after[k]) and pt.note_like(self.text(after[k])):
            notes.append(self.text(after[k]))
            self.mark(after[k], Kind.NOTE)
            k += 1
        note_text = None
        if len(notes) == 1:
            note_text = pt.note(notes[0]) or notes[0]
        elif notes:
            # Several notes: each keeps its own brackets, set in one 附注 paragraph.
            note_text = "".join(n if pt.note(n) else f"（{n}）" for n in notes)
            self.warn(after[0], f"{len(notes)}行附注合为一段: the {len(notes)} notes under the "
                                "date are set in one 附注 paragraph")
        listed: list[str] = []
        if k < len(after) and pt.attachment_note(self.text(after[k])) is not None:
            start = k
            k += 1
            while k < len(after) and pt.attachment_item(self.text(after[k])):
                k += 1
            self.warn(after[start], "附件说明在成文日期之后，移至署名之前: the 附件说明 follows the "
                                    "date; govdoc sets it above the 署名 (7.3.4)")
            listed = self.attachment_items(after[start:k])
        return note_text, listed, after[k:]

    def trailing_attachment(self, lines: list[int]) -> Attachment:
        """Lines after the date with no 附件 label (a list, a 名单): an attachment."""
        first = lines[0]
        title_line = self.is_text(first) and self.title_like(first) and len(lines) > 1
        title = self.text(first) if title_line else "附件"
        if title_line:
            self.mark(first, Kind.ATTACHMENT_TITLE)
        body = self.build_body(lines[1:] if title_line else lines)
        self.warn(first, f"成文日期后的{len(lines)}行没有附件标识，作附件“{title}”: the lines after "
                         "the date have no 附件 label; they are set as an attachment")
        return Attachment(title=title.rstrip("。，；：.,;:、 ") or "附件", body=body)

    def read_signature(self, before: list[int], date_at: int | None) -> list[int]:
        """The 署名 lines directly above the date (the lowest always; others organ names),
        or, without a date (``date_at`` None), organ names ending the text. A 命令 or 令
        signs with 签名章: its lines are posts and names."""
        seal = self.early_kind in _SIGNED_BY_SEAL
        found: list[int] = []
        k = len(before) - 1
        while k >= 0 and len(found) < 3:
            i = before[k]
            if not self.is_text(i) or not pt.name_like(self.text(i)):
                break
            organs = all(pt.organ_like(n) for n in pt.split_on_gaps(self.text(i)))
            if found or date_at is None:
                if found and found[0] - i > 1:  # a blank line between two 署名 lines
                    break
                if not organs and not seal:
                    break
            found.insert(0, i)
            k -= 1
        return found

    def issuer(self, lines: list[int], header: _HeaderFields | None,
               kind: DocKind) -> str | list[str] | None:
        names: list[str] = []
        for i in lines:
            self.mark(i, Kind.SIGNATURE)
            parts = pt.split_on_gaps(self.text(i))
            # 棣棠县农业农村局　棣棠县公安局: two organs; 省　长　张某某: one 签名章 line.
            joint = len(parts) > 1 and all(pt.organ_like(n) for n in parts)
            names += parts if joint else [self.text(i)]
        if not names:
            organs = header.organs if header else []
            if organs:
                self.warn(None, f"没有找到署名，用版头的发文机关“{organs[0]}”: no 署名 found; the "
                                "organ of the 标志 signs")
                return organs[0]
            if not kind.signed or self.adopted is not None:
                return None  # a 纪要, 公报, 决议 or a 决定 adopted by a meeting: no 署名
            if kind in _SIGNED_BY_SEAL:
                self.warn(None, "没有找到签发人职务: no signer's post found; a 命令 is signed with "
                                "a 签名章 (7.3.5.3)", missing=Part.SIGNATURE)
                return None
            self.warn(None, "没有找到发文机关署名: no 署名 found; the document has no 署名 line",
                      missing=Part.SIGNATURE)
            return None
        # Several 署名: a 联合行文, laid out per 7.3.5 (one under or beside another).
        return names if len(names) > 1 else names[0]

    def body_from_what_is_left(self, title: str, recipients: list[str]) -> list[Block]:
        raise ParseError("没有找到正文: the draft has no 正文 between its title and its 署名")

    def read_attachment_note(self, before: list[int]) -> tuple[int, list[str]]:
        """The 附件说明 at the end of ``before``: (where it starts, the names)."""
        for k in range(len(before) - 1, max(-1, len(before) - 15), -1):
            i = before[k]
            if not self.is_text(i):
                return len(before), []
            if pt.attachment_note(self.text(i)) is not None:
                tail = before[k:]
                if not all(self.is_text(j) and (pt.attachment_item(self.text(j))
                                                or self.name_continuation(self.text(j)))
                           for j in tail[1:]):
                    return len(before), []
                names = self.attachment_items(tail)
                return (k, names) if names else (len(before), [])
        return len(before), []

    @staticmethod
    def name_continuation(text: str) -> bool:
        """Whether a line could continue a wrapped attachment name."""
        return len(text) <= 40 and not any(c in text for c in "。；！？;!?") \
            and pt.heading_label(text) is None and re.search(r"[\u4e00-\u9fff\w]", text) is not None

    def listed_items(self, lines: list[int]) -> list[tuple[int | None, str, int, list[int]]] | None:
        """The items of a 附件说明 block (its first line starts with 附件：): number, name,
        line and continuation lines; None when a name holds no words."""
        rest = pt.attachment_note(self.text(lines[0])) or ""
        items: list[tuple[int | None, str, int, list[int]]] = []
        first = pt.attachment_item(rest) if rest else None
        if first:
            items.append((first[0], first[1], lines[0], []))
        elif rest:
            items.append((None, rest, lines[0], []))
        for i in lines[1:]:
            item = pt.attachment_item(self.text(i))
            if item:
                items.append((item[0], item[1], i, []))
            elif items:
                n, name, at, more = items[-1]
                items[-1] = (n, name + self.text(i), at, more + [i])
            else:
                items.append((None, self.text(i), i, []))
        if not items or any(not _WORD.search(name) for _, name, _, _ in items):
            return None
        return items

    def attachment_items(self, lines: list[int]) -> list[str]:
        """The names a 附件说明 block lists (marking its lines), or [] when it is none."""
        items = self.listed_items(lines)
        if items is None:
            return []
        for i in lines:
            self.mark(i, Kind.ATTACHMENT_NOTE)
        numbers = [n for n, _, _, _ in items]
        if len(items) > 1 and numbers != list(range(1, len(items) + 1)):
            self.warn(lines[0], "附件顺序号不连续，按位置编号: the attachment numbers are not 1, 2, 3…; "
                                "they are numbered by position")
        names = []
        for _, name, i, more in items:
            for c in more:
                self.warn(c, "此行接续上一附件名称: the line continues the attachment name above")
            stripped = name.rstrip("。，；：.,;:、 ")
            if stripped != name:
                self.warn(more[-1] if more else i,
                          f"删去附件名称后的标点“{name[len(stripped):].strip()}”: an attachment "
                          "name ends without punctuation (7.3.4)")
            names.append(stripped)
        return names

    # -- 附件 pages -------------------------------------------------------------------

    def read_pages(self, pages: list[int], listed: list[str]) -> list[Attachment]:
        bodies: dict[int, tuple[str, list[Block]]] = {}
        starts = [k for k, i in enumerate(pages) if self.is_text(i) and self.page_label(i)]
        titles = list(listed)
        for s, start in enumerate(starts):
            i = pages[start]
            label = self.page_label(i)
            assert label is not None
            number, inline_title = label
            number = number or 1
            self.mark(i, Kind.ATTACHMENT_LABEL)
            stop = starts[s + 1] if s + 1 < len(starts) else len(pages)
            content = pages[start + 1:stop]
            title = inline_title
            if title is None and content and self.is_text(content[0]):
                title = self.text(content[0])
                title_line = content.pop(0)
            else:
                title_line = i
            if number > len(titles):
                if listed:
                    self.warn(i, f"附件{number}不在附件说明中，补入: attachment {number} is not "
                                 "listed in the 附件说明; it is added")
                while len(titles) < number - 1:
                    titles.append(f"附件{len(titles) + 1}")
                titles.append(title or f"附件{number}")
                self.mark(title_line, Kind.ATTACHMENT_TITLE)
                lead: list[int] = []
            elif title is not None and _same(title, titles[number - 1]):
                self.mark(title_line, Kind.ATTACHMENT_TITLE)
                lead = []
            else:
                self.warn(title_line, f"附件{number}的标题与附件说明不同，作正文第一段: the title on "
                                      "the page differs from the 附件说明's; it is kept as the "
                                      "attachment's first paragraph")
                lead = [title_line] if title_line != i else []
            bodies[number] = (titles[number - 1], self.build_body(lead + content))
        if not listed and starts:
            self.warn(pages[starts[0]], "没有附件说明，按附件页补入: there is no 附件说明; it is made "
                                        "from the attachment pages")
        return [Attachment(title=t, body=bodies.get(n, (t, []))[1])
                for n, t in enumerate(titles, 1)]

    # -- 正文 ---------------------------------------------------------------------------

    def build_body(self, positions: list[int]) -> list[Block]:
        infos: list[tuple[str, int, pt.HeadingLabel | None]] = []
        for i in positions:
            if not self.is_text(i):
                infos.append(("table", i, None))
                continue
            h = pt.heading_label(self.text(i))
            infos.append(("heading" if h else "paragraph", i, h))
        lifted = self.closing_start(infos)
        root: list = []
        stack: list[_Node] = []
        for k, (what, i, h) in enumerate(infos):
            if lifted is not None and k >= lifted:
                stack.clear()
            container = stack[-1].body if stack else root
            if what != "heading":
                container.append((what, i, self.text(i)))
                continue
            assert h is not None
            while stack and stack[-1].label.rank >= h.rank:
                stack.pop()
            split = pt.split_run_in(h.title)
            node = _Node(i, h, split[0] if split else h.title, split is not None)
            if split:
                node.body.append(("first", i, split[1]))
            (stack[-1].body if stack else root).append(node)
            stack.append(node)
        return self.convert(root, 1)

    def closing_start(self, infos: list) -> int | None:
        """Where the closing paragraphs of the whole text start (see the module's rules)."""
        heads = [k for k, info in enumerate(infos) if info[0] == "heading"]
        if not heads:
            return None
        last = heads[-1]
        h = infos[last][2]
        run_in = pt.split_run_in(h.title) is not None
        for k in range(last + 1, len(infos)):
            what, i, _ = infos[k]
            if what != "paragraph":
                continue
            t = self.text(i)
            if pt.closing_formula(t):
                return k
            phrase = pt.concluding_start(t)
            if phrase is None:
                continue
            if k == last + 1 and not run_in:
                continue  # the section's first paragraph stays with it
            if phrase is not None:
                self.warn(i, f"以“{phrase}”开头、位于最后一节之后的段落作全文的结尾段: a paragraph after "
                             f"the last section that opens with “{phrase}” is taken as the closing "
                             "paragraph of the whole text, not of that section")
            return k
        return None

    def convert(self, items: list, depth: int) -> list[Block]:
        sections = [x for x in items if isinstance(x, _Node)]
        literal = any(not self.has_content(x) for x in sections)
        if literal:
            lines = "、".join(str(self.lines[x.index].number) for x in sections)
            self.warn(sections[0].index, f"编号行（第{lines}{'行' if self.unit == 'line' else '段'}）"
                                         "下没有内容，作编号列表照原样保留: numbered lines with "
                                         "nothing under them are kept as written, as a list")
        out: list[Block] = []
        n = 0
        for x in items:
            if isinstance(x, _Node):
                if literal:
                    out.extend(self.literal(x))
                    continue
                n += 1
                self.check_number(x, depth, n)
                body = self.convert(x.body, depth + 1)
                out.append(Section(title=x.title, body=body, run_in=x.run_in))
                self.mark(x.index, Kind.HEADING, depth, x.run_in)
                continue
            what, i, text = x
            if what == "table":
                out.append(self.table_at(i))
                self.mark(i, Kind.TABLE)
            else:
                out.append(Paragraph(text=text))
                if what == "paragraph":
                    self.mark(i, Kind.CLOSING if pt.closing_formula(text) else Kind.PARAGRAPH)
        return out

    @staticmethod
    def has_content(node: _Node) -> bool:
        return bool(node.body)

    def literal(self, node: _Node) -> list[Block]:
        """A section kept as written: its line, then its content, all as paragraphs."""
        out: list[Block] = [Paragraph(text=self.text(node.index))]
        self.mark(node.index, Kind.PARAGRAPH)
        for x in node.body:
            if isinstance(x, _Node):
                out.extend(self.literal(x))
            elif x[0] == "table":
                out.append(self.table_at(x[1]))
                self.mark(x[1], Kind.TABLE)
            elif x[0] == "paragraph":
                out.append(Paragraph(text=x[2]))
                self.mark(x[1], Kind.PARAGRAPH)
        return out

    def check_number(self, node: _Node, depth: int, n: int) -> None:
        expected = standard_label(depth, n)
        label = node.label
        if label.rank != depth:
            self.warn(node.index, f"“{label.label.strip()}”在第{depth}层，编为“{expected}”: a "
                                  f"level-{label.rank} number at level {depth} is numbered "
                                  f"{expected}")
        elif label.number != n:
            self.warn(node.index, f"序号“{label.label.strip()}”应为“{expected}”: headings are "
                                  f"numbered by position; this one becomes {expected}")


def _same(a: str, b: str) -> bool:
    return pt.squeeze(normalize_punctuation(a)) == pt.squeeze(normalize_punctuation(b))

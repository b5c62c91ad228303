"""The grammar of a 公文: every pattern of its parts, and one vocabulary for them.

This module is the single place where govdoc knows what the parts of a 公文 look like
as text: the 版头 fields (份号, 密级, 紧急程度, 发文字号, 签发人), the 文种 a title ends
with, the 主送, heading numbers (一、（一）1.（1）), Chinese numerals, dates in Arabic
and Chinese numerals, the 附件说明 and attachment labels, closing formulas, the 版记
lines (抄送, 抄报, 印发) and the metadata labels web pages print above a document.

Each recogniser is a pure function over one line's text. Most come in two strengths:
the *standard* form (what GB/T 9704 prescribes, e.g. ``棣政发〔2024〕5号``) and the
*loose* form (what drafts and other people's files contain, e.g. ``棣政发[2024]第05号``),
so that the importer can read a loose form and the checker can report it.

:class:`Part` is the one vocabulary of parts, shared by the importer
(:mod:`govdoc.parse`), the checker (:mod:`govdoc.checker`) and the layout roles
(:class:`govdoc.styles.Role`); :class:`Line` and :func:`forms` are the zone
classifier's view of one line, with optional layout hints.

The module sits low: it imports only :mod:`govdoc.spec` and the standard library, so
the model, the text passes, the importer and the checker all import it. Every pattern
here runs in time linear in its input.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, cast

from govdoc import spec

# -- Whitespace -------------------------------------------------------------------------

class _LazyPattern:
    """A regular expression compiled when first used: the grammar's patterns, with
    their CJK character classes, take ~25 ms to compile, and a process (a YAML build, a
    draft without a 版头) uses about half of them."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"_lazy({self._args[0]!r})"


def _lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled on first use."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


SPACE = "[ \t\u3000\u00a0\u2002\u2003]"
"""One character of the whitespace drafts use for alignment."""
_SPACES = _lazy(SPACE + "+")
_WIDE_GAP = _lazy("(?:[ \u00a0]{2,}|[\t\u3000\u2003]+)")


def squeeze(text: str) -> str:
    """``text`` without any whitespace (for labels typed with spaces, e.g. 抄 送)."""
    return "".join(text.split())


def split_on_gaps(text: str) -> list[str]:
    """Names separated by wide gaps (two spaces or more, a tab, U+3000)."""
    return [p for p in _WIDE_GAP.split(text.strip()) if p]


def names(text: str) -> list[str]:
    """Names separated by any whitespace (签发人 are written 张某某　李某某)."""
    return [n for n in _SPACES.split(text.strip()) if n]


# -- The vocabulary of parts ------------------------------------------------------------

class Part(str, Enum):
    """What a line (a paragraph) of a 公文 is: one vocabulary for importer, checker and layout.

    The value is a short English tag; :attr:`label` the part's Chinese name, used in
    messages. A few parts have a second name (an alias) used by the checker:
    ``SALUTATION`` is ``RECIPIENTS``, ``BODY`` is ``PARAGRAPH``, ``SIGNER`` is
    ``SIGNERS``, ``IMPRINT_LISTING`` is ``CC``, ``IMPRINT_PRINTED`` is ``PRINTER``.
    """

    METADATA = "metadata"  # a website's metadata block above the document (索引号, 文号…)
    COPY_NUMBER = "copy_number"  # 份号
    SECRECY = "secrecy"  # 密级和保密期限
    URGENCY = "urgency"  # 紧急程度
    MARK = "mark"  # 发文机关标志
    SIGNERS = "signers"  # 签发人 on a line of their own
    DOC_NUMBER = "doc_number"  # 发文字号 (with 签发人 on the same line)
    TITLE = "title"
    RECIPIENTS = "recipients"  # 主送机关
    HEADING = "heading"  # 标题层次
    PARAGRAPH = "paragraph"  # 正文
    CLOSING = "closing"  # 特此通知, 妥否，请批示
    TABLE = "table"
    ATTENDANCE = "attendance"  # 纪要: 出席, 列席, 请假
    ATTACHMENT_NOTE = "attachment_note"  # 附件说明
    SIGNATURE = "signature"  # 发文机关署名
    DATE = "date"  # 成文日期
    NOTE = "note"  # 附注
    ATTACHMENT_LABEL = "attachment_label"  # 附件1 on an attachment's first page
    ATTACHMENT_TITLE = "attachment_title"
    CC = "cc"  # 抄送 (and 主送 in the 版记)
    PRINTER = "printer"  # 印发机关和印发日期
    EMPTY = "empty"  # an empty paragraph
    OTHER = "other"

    # The checker's names for the same parts.
    SALUTATION = "recipients"
    BODY = "paragraph"
    SIGNER = "signers"
    IMPRINT_LISTING = "cc"
    IMPRINT_PRINTED = "printer"

    @property
    def label(self) -> str:
        """The part's Chinese name (主送机关, 成文日期…)."""
        return _LABELS[self]


_LABELS = {
    Part.METADATA: "网页元数据", Part.COPY_NUMBER: "份号", Part.SECRECY: "密级",
    Part.URGENCY: "紧急程度", Part.MARK: "发文机关标志", Part.SIGNERS: "签发人",
    Part.DOC_NUMBER: "发文字号", Part.TITLE: "标题", Part.RECIPIENTS: "主送机关",
    Part.HEADING: "标题层次", Part.PARAGRAPH: "正文", Part.CLOSING: "结束语", Part.TABLE: "表格",
    Part.ATTENDANCE: "出席列席", Part.ATTACHMENT_NOTE: "附件说明", Part.SIGNATURE: "发文机关署名",
    Part.DATE: "成文日期", Part.NOTE: "附注", Part.ATTACHMENT_LABEL: "附件标识",
    Part.ATTACHMENT_TITLE: "附件标题", Part.CC: "抄送", Part.PRINTER: "印发", Part.EMPTY: "空行",
    Part.OTHER: "其他",
}


class DocKind(str, Enum):
    """The 15 文种 of the 党政机关公文处理工作条例 (第八条)."""

    决议 = "决议"
    决定 = "决定"
    命令 = "命令"
    令 = "令"
    公报 = "公报"
    公告 = "公告"
    通告 = "通告"
    意见 = "意见"
    通知 = "通知"
    通报 = "通报"
    报告 = "报告"
    请示 = "请示"
    批复 = "批复"
    议案 = "议案"
    函 = "函"
    纪要 = "纪要"

    @property
    def addressed(self) -> bool:
        """Whether the kind cannot go without a 主送机关: a 请示, 批复, 函 or 议案 answers
        or asks one organ. (A 通知, 报告 or 意见 published online often has none; a 公告,
        通告, 公报, 决议 or 纪要 is published, not addressed.)"""
        return self in (DocKind.请示, DocKind.批复, DocKind.函, DocKind.议案)

    @property
    def signed(self) -> bool:
        """Whether the kind carries a 署名 (a 纪要 has none, 10.3; nor do a 公报 or a 决议,
        adopted by a meeting)."""
        return self not in (DocKind.纪要, DocKind.公报, DocKind.决议)


# -- Numerals ---------------------------------------------------------------------------

CN_DIGITS = "一二三四五六七八九"
_CN_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_VALUE.update({"〇": 0, "○": 0, "两": 2})
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "[零〇一二三四五六七八九十百千]+"
"""A Chinese numeral as heading labels write it (一, 十二, 一百零五)."""


def chinese_value(text: str) -> int | None:
    """The value of a Chinese numeral from 1 to 9999 (十一, 二十三, 一百零五), or None.

    >>> [chinese_value(t) for t in ("五", "十", "十二", "二十", "一百零五", "廿", "一一")]
    [5, 10, 12, 20, 105, None, None]
    """
    if not text or len(text) > 12:
        return None
    total, digit, last_unit = 0, None, 10_000
    for k, c in enumerate(text):
        if c in _CN_UNITS:
            unit = _CN_UNITS[c]
            if unit >= last_unit or (digit is None and not (k == 0 and unit == 10)):
                return None
            total += (digit if digit is not None else 1) * unit
            digit, last_unit = None, unit
        elif c in _CN_VALUE:
            if digit is not None:
                return None
            digit = _CN_VALUE[c]
            if digit == 0:
                digit = None
                if k + 1 == len(text):
                    return None
        else:
            return None
    if digit is not None:
        if last_unit == 1:
            return None
        total += digit
    return total or None


# -- Dates ------------------------------------------------------------------------------

_ZERO = "〇○零OoΟ０0"
"""Characters drafts type for the 〇 of a year in Chinese numerals."""
_YEAR_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_YEAR_DIGITS.update({c: 0 for c in _ZERO})
_CN_DATE = _ZERO + "一二三四五六七八九十廿卅"
DATE_DIGIT = rf"[\d０-９{_CN_DATE}]"
"""One digit of a date in any numerals drafts use."""

_YEAR = rf"(?P<y>\d{{4}}|[{_CN_DATE}]{{4}})"
_MONTH = rf"(?P<m>\d{{1,2}}|[{_CN_DATE}]{{1,3}})"
_DAY = rf"(?P<d>\d{{1,2}}|[{_CN_DATE}]{{1,4}})"
_FULL = _lazy(rf"{_YEAR}年(?:{_MONTH}月)?(?:{_DAY}(?P<ri>日)?)?")
_DATE_LINE_MAX = 80
"""The longest line read as a date (a 24-character date spread with spaces)."""
_BLANK_DATE = _lazy(rf"{_YEAR}年月日")
_NUMERIC = _lazy(r"(?P<y>(?:19|20)\d{2})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})")
_DIGIT_RUN = _lazy(r"(?:19|20)\d{2,6}")
_DATE_SHAPE = _lazy(rf"{DATE_DIGIT}{{2,4}}年{DATE_DIGIT}{{1,3}}月{DATE_DIGIT}{{1,3}}日")
SHORT_YEAR = _lazy(r"(?<![\d.])\d{2}年\d{1,2}月")
"""A year written with two digits in running text (24年3月): 7.3.5.4 writes years in full."""
STANDARD_DATE = _lazy(r"(19|20)\d{2}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日")
"""A date written as 7.3.5.4 wants: Arabic numerals, the full year, no zero padding."""


@dataclass(frozen=True)
class DateReading:
    """What :func:`read_date` made of a date-like text.

    ``date`` is the date, or None when a part is missing or impossible; ``problem``
    says what was missing, or what was guessed (then ``date`` is set), else None.
    ``impossible`` is True when every part is there but the day does not exist
    (2024年13月45日): wrong data, not a damaged line.
    """

    date: datetime.date | None
    problem: str | None = None
    impossible: bool = False


def _year(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    digits = [_YEAR_DIGITS.get(c) for c in text]
    if any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def chinese_small_number(text: str) -> int | None:
    """The value of a month or day in Chinese numerals (``十二``, ``廿五``), or None.

    >>> [chinese_small_number(t) for t in ("五", "十", "十二", "二十", "三十一", "廿五", "百")]
    [5, 10, 12, 20, 31, 25, None]
    """
    if text.isdigit():
        return int(text)
    value = chinese_value(text.replace("廿", "二十").replace("卅", "三十"))
    return value if value is not None and value < 40 else None


def read_date(text: str) -> DateReading | None:
    """Read a date-like ``text``; None when it does not look like a date at all.

    >>> read_date("二〇二三年十二月五日").date
    datetime.date(2023, 12, 5)
    >>> read_date("2022年1月").problem
    '缺少日: the day is missing'
    >>> read_date("2024年13月45日").impossible
    True
    >>> read_date("关于2024年工作的报告") is None
    True
    """
    if len(text) > _DATE_LINE_MAX:
        return None  # no date is this long, spaces and all: constant time on long lines
    compact = squeeze(text)
    if not compact or len(compact) > 24:
        return None
    m = _BLANK_DATE.fullmatch(compact)
    if m:
        return DateReading(None, "月和日是空的: the month and the day are blank")
    m = _FULL.fullmatch(compact)
    if m:
        return _from_parts(m.group("y"), m.group("m"), m.group("d"), bool(m.group("ri")))
    m = _NUMERIC.fullmatch(compact)
    if m:
        return _checked(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if _DIGIT_RUN.fullmatch(compact):
        return _from_digits(compact)
    return None


_LEADING_DATE = _lazy(
    rf"[（(](?P<date>(?:\d{{4}}|[{_CN_DATE}]{{4}})年(?:\d{{1,2}}|[{_CN_DATE}]{{1,3}})月"
    rf"(?:\d{{1,2}}|[{_CN_DATE}]{{1,4}})日)(?P<rest>.{{2,80}})[）)]")


def adoption_note(text: str) -> DateReading | None:
    """The date of a 题注 under a title (（2024年9月12日……会议通过）), or None."""
    m = _LEADING_DATE.fullmatch(squeeze(text))
    if m is None or not m.group("rest").endswith(("通过", "批准", "发布", "公布")):
        return None
    return read_date(m.group("date"))


def date_shaped(text: str) -> bool:
    """Whether ``text`` is written as a whole date (year, month and day, any numerals),
    possible or not: what the checker takes for a 成文日期."""
    if len(text) > _DATE_LINE_MAX:
        return False
    compact = squeeze(text)
    return len(compact) <= 24 and _DATE_SHAPE.fullmatch(compact) is not None


def _from_parts(y: str, m: str | None, d: str | None, ri: bool) -> DateReading:
    year = _year(y)
    if year is None:
        return DateReading(None, f"年份“{y}”无法识别: the year cannot be read")
    if m is None:
        missing = "月和日: the month and the day are" if d is None else "月: the month is"
        return DateReading(None, f"缺少{missing} missing")
    month = chinese_small_number(m)
    if month is None:
        return DateReading(None, f"月份“{m}”无法识别: the month cannot be read", impossible=True)
    if d is None:
        return DateReading(None, "缺少日: the day is missing")
    day = chinese_small_number(d)
    if day is None:
        return DateReading(None, f"日“{d}”无法识别: the day cannot be read", impossible=ri)
    reading = _checked(year, month, day)
    if reading.date is not None and not ri:
        return DateReading(reading.date, "缺少“日”字: read as a date without its 日")
    return reading


def _checked(year: int, month: int, day: int) -> DateReading:
    try:
        return DateReading(datetime.date(year, month, day))
    except ValueError:
        return DateReading(None, f"没有{year}年{month}月{day}日这一天: no such day", impossible=True)


def _from_digits(digits: str) -> DateReading:
    """A run of digits: ``20240118`` is a date; a shorter run (``202218``) misses a part."""
    if len(digits) == 8:
        return _checked(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    return DateReading(None, f"“{digits}”缺少月或日: the month or the day is missing")


def date_problem(text: str) -> str | None:
    """Why ``text`` is not a date written as 7.3.5.4 wants, or None.

    >>> date_problem("2024年1月18日"), date_problem("二〇二四年一月十八日")
    (None, '用了汉字数字')
    """
    t = squeeze(text)
    if STANDARD_DATE.fullmatch(t):
        return None
    if any(c in "〇○零一二三四五六七八九十廿卅" for c in t):
        return "用了汉字数字"
    if re.search(r"[年月]0\d", t):
        return "月、日编了虚位"
    if re.match(r"\d{2}年", t):
        return "年份未标全称"
    return "写法不对"


def trailing_date(text: str) -> tuple[str, str] | None:
    """(text before, date) when ``text`` ends with a date; linear in ``len(text)``.

    >>> trailing_date("棣棠乡党政综合办公室  2024年1月18日")
    ('棣棠乡党政综合办公室', '2024年1月18日')
    """
    t = text.rstrip()
    if t.endswith("日"):
        year_at = t.rfind("年")
        if year_at < 0 or len(t) - year_at > 12:
            return None
        start = year_at
        digits = 0
        while start > 0 and digits < 4 and (re.match(DATE_DIGIT, t[start - 1])
                                            or t[start - 1] in " \u3000\t"):
            start -= 1
            if not t[start].isspace():
                digits += 1
        while start < year_at and t[start].isspace():
            start += 1
        date = t[start:]
        if digits < 2 or not _DATE_SHAPE.fullmatch(squeeze(date)):
            return None
        return t[:start].rstrip(), date
    cut = max(t.rfind(" "), t.rfind("\u3000"), t.rfind("\t"))
    last = t[cut + 1:]
    if _NUMERIC.fullmatch(last):
        return t[:cut + 1].rstrip(), last
    return None


# -- Headings ---------------------------------------------------------------------------

_HEADING = (
    _lazy(rf"(?P<n>{CN_NUMERAL}){SPACE}*(?P<p>[、.．，,:：]?)"),
    _lazy(rf"(?P<o>[（(]){SPACE}*(?P<n>{CN_NUMERAL}){SPACE}*(?P<c>[）)])(?P<p>[、.．，,:：]?)"),
    _lazy(rf"(?P<n>\d{{1,3}}){SPACE}*(?P<p>[、.．，,]?)"),
    _lazy(rf"(?P<o>[（(]){SPACE}*(?P<n>\d{{1,3}}){SPACE}*(?P<c>[）)])(?P<p>[、.．，,:：]?)"),
)
"""Heading numbers by level, with any punctuation drafts and files put after them."""


@dataclass(frozen=True)
class HeadingLabel:
    """A heading number at the start of a line.

    ``rank`` is the level its form stands for (1 一、, 2 （一）, 3 1., 4 （1）);
    ``number`` its value (None when it cannot be read); ``label`` the number as
    written, with its punctuation; ``title`` the text after it; ``standard`` whether
    the label is written as 7.3.3 wants.
    """

    rank: int
    number: int | None
    label: str
    title: str
    standard: bool


def _heading_match(text: str) -> tuple[int, re.Match[str]] | None:
    for rank, pattern in enumerate(_HEADING, 1):
        m = pattern.match(text)
        if m is None:
            continue
        after = text[m.end():m.end() + 1]
        punct = m.group("p")
        if rank in (1, 3) and not punct:
            continue  # 一是…, 2024年…: a numeral with no mark is no heading
        if punct in (".", "．") and after[:1] and (after.isdigit() or after in ".．") \
                or rank == 3 and punct and after.isdigit():
            continue  # 2.5亿元, 1.1.3
        return rank, m
    return None


def heading_label(text: str, *, loose: bool = False) -> HeadingLabel | None:
    """The heading label ``text`` starts with, when text follows it.

    Drafts may write 一. 1、 （一） (一)、; with ``loose`` also 一， 1， 一： (which the
    checker reports and the importer does not take for headings).

    >>> heading_label("(一)强化组织领导。乡党委……").rank
    2
    >>> heading_label("2.5亿元用于……") is None, heading_label("一是加强学习") is None
    (True, True)
    """
    found = _heading_match(text)
    if found is None:
        return None
    rank, m = found
    punct = m.group("p")
    if not loose and rank in (1, 3) and punct in ("，", ",", ":", "："):
        return None
    if not loose and rank in (2, 4) and punct in (".", "．"):
        return None  # （1）.5 is no heading
    # The importer drops a label (govdoc numbers sections itself) but never a mark
    # typed after a bracketed one: （一）、 keeps its 、 in the title.
    end = m.end("c") if rank in (2, 4) and not loose else m.end()
    title = text[end:].lstrip(" \t\u3000\u00a0")
    if not title and not loose:
        return None
    raw = m.group("n")
    number = int(raw) if raw.isdigit() else chinese_value(raw)
    label = text[:end]
    standard = _standard(rank, label) and not title.startswith(tuple("、，,.．：:"))
    return HeadingLabel(rank, number, label, title, standard)


def _standard(rank: int, label: str) -> bool:
    """Whether a heading label is written as 7.3.3 wants: 一、 （一） 1. （1）."""
    if rank == 1:
        return label.endswith("、") and chinese_value(label[:-1]) is not None
    if rank == 3:
        return label.endswith(".") and label[:-1].isdigit()
    return label.startswith("（") and label.endswith("）") and " " not in label


def heading_level(text: str) -> int:
    """The level (1–4) of a paragraph starting with a heading number in any form, or 0."""
    found = heading_label(text, loose=True)
    return found.rank if found else 0


def list_items(lines: Sequence[tuple[int | None, bool]]) -> set[int]:
    """The numbered lines that are list items, not headings.

    ``lines`` gives, line by line, the heading rank (None for a paragraph, 0 for a
    closing paragraph that belongs to the whole text, as 特此通知) and whether the
    heading is run-in (has its text on its line). A section must hold something:
    when one of a group of sibling headings has nothing under it, the siblings (and
    what they hold) are a numbered list kept as written. The importer and the checker
    both decide so.
    """
    out: set[int] = set()
    # Build the tree with a stack, as the importer does.
    children: dict[int, list[int]] = {-1: []}
    content: dict[int, bool] = {}
    stack: list[tuple[int, int]] = []  # (rank, line)
    for k, (rank, run_in) in enumerate(lines):
        if rank is None:
            if stack:
                content[stack[-1][1]] = True
            continue
        if rank == 0:
            stack.clear()  # the closing paragraphs stand outside every section
            continue
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parent = stack[-1][1] if stack else -1
        if parent >= 0:
            content[parent] = True
        children.setdefault(parent, []).append(k)
        children[k] = []
        content[k] = run_in
        stack.append((rank, k))

    def literal(node: int) -> None:
        out.add(node)
        for c in children.get(node, []):
            literal(c)

    for parent, kids in children.items():
        if kids and any(not content[c] for c in kids):
            for c in kids:
                literal(c)
    return out


# A run-in heading ends at its first full stop (or ！？) with more text after it; drafts
# typed with half-width marks end it with "." between two Chinese characters.
_RUN_IN_END = _lazy(r"[。！？!?]|(?<=[\u4e00-\u9fff）”])\.(?=[\u4e00-\u9fff“（])")


def split_run_in(title: str) -> tuple[str, str] | None:
    """(heading sentence, paragraph) of a run-in heading, or None for a heading alone.

    >>> split_run_in("强化组织领导,完善体系。乡党委、政府……")
    ('强化组织领导,完善体系。', '乡党委、政府……')
    >>> split_run_in("工作开展情况") is None
    True
    """
    m = _RUN_IN_END.search(title)
    if not m:
        return None
    rest = title[m.end():]
    extra = len(rest) - len(rest.lstrip("”’」』）)"))
    head, rest = title[:m.end() + extra], rest[extra:]
    rest = rest.lstrip(" \t\u3000\u00a0")
    return (head, rest) if rest else None


# -- 版头 -------------------------------------------------------------------------------

_COPY_NUMBER = _lazy(r"(?:份号[：:])?(?P<n>[0-9０-９]{1,10})")


def copy_number(text: str, *, loose: bool = False) -> str | None:
    """份号: six digits (``loose``: one to ten, full-width too), optionally after 份号：."""
    m = _COPY_NUMBER.fullmatch(squeeze(text))
    if not m:
        return None
    if loose:
        return m.group("n")
    return m.group("n") if re.fullmatch(rf"\d{{{spec.COPY_NUMBER_DIGITS.value}}}", m.group("n")) else None


_SECRECY_LEVELS = "|".join(spec.SECRECY_LEVELS.value)
STANDARD_SECRECY = _lazy(rf"(?:{_SECRECY_LEVELS})(?:★(?:[1-9]\d*(?:年|个月)|长期))?")
"""密级和保密期限 as 7.2.2 writes them: 秘密, 机密★1年, 绝密★长期."""
_SECRECY_FORM = _lazy(r"(?P<level>[\u4e00-\u9fff]{2,3})[★☆*＊](?P<term>.{0,8})")


def secrecy(text: str) -> str | None:
    """密级和保密期限 (秘密, 机密★1年…), spaces removed; None otherwise."""
    s = squeeze(text)
    return s if STANDARD_SECRECY.fullmatch(s) else None


def secrecy_like(text: str) -> bool:
    """Whether ``text`` has the form of a 密级 line, right or wrong (绝密…, 内部★1年)."""
    s = squeeze(text)
    return len(s) < 16 and (s.startswith(spec.SECRECY_LEVELS.value)
                            or _SECRECY_FORM.fullmatch(s) is not None)


def secrecy_problem(text: str) -> str | None:
    """Why a line with the form of a 密级 is wrong (a level outside the list…), or None."""
    s = squeeze(text)
    if STANDARD_SECRECY.fullmatch(s) or not secrecy_like(s):
        return None
    m = _SECRECY_FORM.fullmatch(s)
    if m and m.group("level") not in spec.SECRECY_LEVELS.value:
        return (f"密级“{m.group('level')}”不在绝密、机密、秘密之中: the 密级 must be one of "
                f"{'、'.join(spec.SECRECY_LEVELS.value)}")
    return ("保密期限写法不对: the term reads ★1年, ★6个月 or ★长期 (7.2.2)")


URGENCY_FORMS = spec.URGENCY_LEVELS.value + ("特提", "平急")
"""紧急程度 as written: the two of 7.2.3 and the old 特提, 平急 (which the checker reports)."""


def urgency(text: str, *, loose: bool = False) -> str | None:
    """紧急程度 (特急, 加急; ``loose`` also 特提, 平急), spaces removed; None otherwise."""
    s = squeeze(text)
    return s if s in (URGENCY_FORMS if loose else spec.URGENCY_LEVELS.value) else None


_BRACKET_OPEN = "〔[［【(（"
_BRACKET_CLOSE = "〕]］】)）"
_NUMBER = _lazy(
    rf"(?P<code>[^\s〔〕\[\]［］【】（）()]{{1,24}}?){SPACE}*"
    rf"(?P<open>[{re.escape(_BRACKET_OPEN)}]){SPACE}*(?P<year>\d{{1,5}}){SPACE}*"
    rf"(?P<close>[{re.escape(_BRACKET_CLOSE)}]){SPACE}*(?P<serial>第?{SPACE}*\d{{1,6}}){SPACE}*号"
)
STANDARD_NUMBER = _lazy(
    r"(?P<code>[^\s〔〕\[\]［］（）()【】]+)〔(?P<year>(?:19|20)\d{2})〕(?P<serial>[1-9]\d*)号")
"""A 发文字号 as 7.2.5 writes it: 机关代字〔年份〕序号号."""
ORDER_NUMBER = _lazy(r"(?:(?:19|20)\d{2}年)?第[1-9]\d*号")
"""令号 of a 命令 (10.2): 第12号 (a ministry's: 2024年第6号)."""
_ORDER_NUMBER_LOOSE = _lazy(rf"(?:(?:19|20)\d{{2}}{SPACE}*年{SPACE}*)?第{SPACE}*\d+{SPACE}*号")


@dataclass(frozen=True)
class DocNumber:
    """A 发文字号 read from a line: the standard form, what was changed, and the rest.

    ``year_ok`` is False when the year in the brackets is not a full year (〔24〕,
    〔202〕): wrong data the importer refuses.
    """

    number: str
    changes: tuple[str, ...]
    rest: str
    year_ok: bool = True


def doc_number(text: str) -> DocNumber | None:
    """The 发文字号 at the start of ``text``, normalised to 代字〔年份〕序号号.

    >>> doc_number("棣政发[2024]5号").number
    '棣政发〔2024〕5号'
    """
    m = _NUMBER.match(text)
    if not m:
        return None
    changes = []
    if (m.group("open"), m.group("close")) != ("〔", "〕"):
        changes.append(f"年份括号“{m.group('open')}{m.group('close')}”改为六角括号〔〕: "
                       "the year's brackets become 〔 〕 (7.2.5)")
    serial = squeeze(m.group("serial"))
    if serial.startswith("第"):
        serial = serial[1:]
        changes.append("删去序号前的“第”字: the serial takes no 第 (7.2.5)")
    if serial.startswith("0"):
        serial = serial.lstrip("0") or "0"
        changes.append("删去序号的虚位0: the serial takes no leading zeros (7.2.5)")
    year = m.group("year")
    number = f"{m.group('code')}〔{year}〕{serial}号"
    return DocNumber(number, tuple(changes), text[m.end():].strip(),
                     year_ok=re.fullmatch(r"(?:19|20)\d{2}", year) is not None)


DOC_NUMBER_ANY = _lazy(
    rf"[{re.escape(_BRACKET_OPEN)}]{SPACE}*\d{{2,4}}{SPACE}*[{re.escape(_BRACKET_CLOSE)}]"
    rf"{SPACE}*第?{SPACE}*\d+{SPACE}*号")
"""The year and serial of a 发文字号 in any form (〔24〕, [2024]第05号), to search for."""


def doc_number_in(text: str) -> re.Match[str] | None:
    """Where a 发文字号 in any form (〔24〕, [2024]第05号) stands in ``text``, or None."""
    return DOC_NUMBER_ANY.search(text)


def order_number(text: str, *, loose: bool = False) -> bool:
    """Whether ``text`` is a 令号 (第12号; ``loose``: spaces and zero padding allowed)."""
    return (_ORDER_NUMBER_LOOSE if loose else ORDER_NUMBER).fullmatch(text.strip()) is not None


def number_problems(text: str) -> list[tuple[str, str]]:
    """What keeps ``text`` from being a standard 发文字号: (code, message) pairs.

    >>> [code for code, _ in number_problems("棣政发[24]第05号")]
    ['number_brackets', 'number_di', 'number_padding', 'number_year']
    """
    if STANDARD_NUMBER.fullmatch(text):
        return []
    out = []
    if re.search(r"[\[\]［］()（）【】]", text):
        out.append(("number_brackets", "年份未用六角括号〔〕: the year goes in 〔 〕 (7.2.5)"))
    if "第" in text:
        out.append(("number_di", "序号加了“第”字: the serial takes no 第 (7.2.5)"))
    if re.search(rf"[{re.escape(_BRACKET_CLOSE)}]{SPACE}*第?{SPACE}*0\d*{SPACE}*号", text):
        out.append(("number_padding", "序号编了虚位: the serial has no leading zeros (7.2.5)"))
    year = re.search(rf"[{re.escape(_BRACKET_OPEN)}]{SPACE}*(\d+){SPACE}*[{re.escape(_BRACKET_CLOSE)}]",
                     text)
    if year and not re.fullmatch(r"(?:19|20)\d{2}", year.group(1)):
        out.append(("number_year", "年份未标全称: the year is written in full, e.g. 〔2024〕 (7.2.5)"))
    if not out:
        out.append(("number_form", "格式不对: expected code〔year〕serial号 (机关代字〔年份〕序号号), e.g. 棣政发〔2024〕5号"))
    return out


_SIGNERS = _lazy(rf"签{SPACE}*发{SPACE}*人{SPACE}*[：:]?")


def signers_part(text: str) -> tuple[str, list[str]] | None:
    """(text before, names) when ``text`` holds a 签发人 label; None otherwise."""
    m = _SIGNERS.search(text)
    if not m:
        return None
    return text[:m.start()].strip(), names(text[m.end():])


def signers_label(text: str) -> re.Match[str] | None:
    """Where the label 签发人 (with its colon when written) stands in ``text``."""
    return _SIGNERS.search(text)


# -- Title and 主送 ---------------------------------------------------------------------

KINDS = tuple(sorted((k.value for k in DocKind), key=len, reverse=True))
"""The 文种, longest first (so that 命令 is found before 令)."""
_TRAILING_BRACKETS = _lazy(r"[（(][^（）()]*[）)]$")


def title_kind(title: str) -> DocKind | None:
    """The 文种 a title ends with (a trailing bracket such as （试行） aside)."""
    t = _TRAILING_BRACKETS.sub("", title.rstrip()).rstrip()
    for kind in KINDS:
        if t.endswith(kind):
            return DocKind(kind)
    return None


_SENTENCE = _lazy(r"[。；;？?！!]")
_ORGAN_END = _lazy(
    r"(政府|委员会|委|办公室|办|厅|局|部|署|院|所|中心|处|科|室|站|队|会|社|公司|集团|单位|部门|"
    r"机关|机构|企业|协会|学校|大学|学院|医院|银行|支部|党委|党组|工委|省|市|县|区|乡|镇|村|街道|社区|"
    r"组|团|馆|台|园区|人民法院|人民检察院|军区|部队|总支|支委|常委会|常务委员会|机构)$"
)
_BRACKETED_TAIL = _lazy(r"[（(][^（）()]*[）)]$")


def split_outside_brackets(text: str, seps: str) -> list[str]:
    """``text`` split on any of ``seps`` that stand outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(【〔《":
            depth += 1
        elif ch in "）)】〕》":
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def organ_like(name: str) -> bool:
    """Whether ``name`` ends like the name of an organ (…政府, …局, 各村（社区）)."""
    core = _BRACKETED_TAIL.sub("", name.strip()).strip()
    return bool(core) and bool(_ORGAN_END.search(core))


_SENTENCE_START = ("为", "现", "根据", "按照", "经", "请", "兹", "据", "今", "近")
_SENTENCE_WORDS = ("的", "如下", "决定", "研究", "以下", "要求", "通知")
OPENERS = _lazy(r"^(现将|现就|根据|按照|依据|遵照|为了?|经|结合|鉴于|兹|近日|近期|今年|去年)|如下[：:]$")
"""How the first sentence of a body often starts or ends; a 主送 does not."""


@dataclass(frozen=True)
class Recipients:
    """A 主送机关 line: the names (split on 、), and how it ended (``colon``: with ：;
    ``comma``: with a ， typed in its place)."""

    names: list[str]
    colon: bool
    comma: bool = False


def recipients(text: str) -> Recipients | None:
    """The 主送机关 a line lists, when it looks like one.

    With its colon (or a comma typed in its place), any short list of names qualifies;
    without it, every name must end like an organ's name.
    """
    t = text.strip()
    colon = t.endswith(("：", ":"))
    comma = not colon and t.endswith(("，", ","))
    if colon or comma:
        t = t[:-1].rstrip()
    if not t or len(t) > 120 or _SENTENCE.search(t) or t.startswith("——"):
        return None
    if t.startswith(_SENTENCE_START) or any(w in t for w in _SENTENCE_WORDS):
        return None
    if heading_label(t) is not None or read_date(t) is not None or doc_number(t) is not None:
        return None
    groups = [g.strip() for g in split_outside_brackets(t, "、，,")]
    if any(not g or len(g) > 25 for g in groups):
        return None
    if (comma or not colon) and (len(t) > 60 or not all(organ_like(g) for g in groups)):
        return None
    return Recipients([n.strip() for n in split_outside_brackets(t, "、")], colon, comma)


# -- 正文 endings ---------------------------------------------------------------------

@functools.cache
def _closing() -> re.Pattern[str]:
    """The closing formulas, compiled on first use (a few ms that ``import`` need not pay)."""
    return re.compile(_CLOSING)


_CLOSING = (
    r"(特此[\u4e00-\u9fff]{2}|此复|专此[\u4e00-\u9fff]{2}|此致|敬礼|"
    r"(以上[\u4e00-\u9fff]{0,6}[，,]?)?[妥当]否[，,]?请[\u4e00-\u9fff]{1,6}|"
    r"(以上[\u4e00-\u9fff]{0,6}[，,]?)?请予?[\u4e00-\u9fff]{0,4}(批示|批复|审批|批准|函复|复函|审阅|审定)|"
    r"请[\u4e00-\u9fff]{0,8}(遵照执行|贯彻执行|贯彻落实|认真执行|研究执行))[。！!.]?"
)


def closing_formula(text: str) -> bool:
    """Whether ``text`` is a closing formula (特此报告, 妥否，请批示, 此复…).

    >>> closing_formula("特此通知。"), closing_formula("妥否,请批示。"), closing_formula("特此报告如下")
    (True, True, False)
    """
    t = text.strip()
    # Every formula holds 此, 请 or 敬礼: a line without them needs no regex.
    return (len(t) <= 40 and ("此" in t or "请" in t or "敬礼" in t)
            and bool(_closing().fullmatch(t)))


_CLOSING_KINDS = (("特此通知", DocKind.通知), ("特此报告", DocKind.报告), ("特此通报", DocKind.通报),
                  ("特此通告", DocKind.通告), ("特此公告", DocKind.公告), ("特此决定", DocKind.决定),
                  ("特此函", DocKind.函), ("特此复函", DocKind.函), ("此复", DocKind.批复),
                  ("请批示", DocKind.请示), ("请批准", DocKind.请示), ("请审批", DocKind.请示),
                  ("请予批准", DocKind.请示), ("请函复", DocKind.函), ("请予函复", DocKind.函))


def closing_kind(text: str) -> DocKind | None:
    """The 文种 a closing formula belongs to (特此通知 → 通知, 妥否，请批示 → 请示), or None."""
    t = text.strip().rstrip("。！!.")
    if not closing_formula(text):
        return None
    return next((kind for words, kind in _CLOSING_KINDS if t.endswith(words) or t == words), None)


_PHRASE_KIND = _lazy(r"(?:提出|作出|通知|报告|通报|请示|批复|函告|决定)[^。；]{0,6}(?:如下|以下)"
                          r"[^。；]{0,4}?(意见|通知|报告|通报|请示|批复|决定)?[：:。]")
_PHRASE_VERB = {"通知": DocKind.通知, "报告": DocKind.报告, "通报": DocKind.通报, "请示": DocKind.请示,
                "批复": DocKind.批复, "决定": DocKind.决定, "意见": DocKind.意见, "函告": DocKind.函}


def phrase_kind(text: str) -> DocKind | None:
    """The 文种 a body sentence announces (现提出如下意见 → 意见, 现将……通知如下 → 通知)."""
    for m in _PHRASE_KIND.finditer(text[:400]):
        word = m.group(1) or m.group(0)[:2]
        if word in _PHRASE_VERB:
            return _PHRASE_VERB[word]
    return None


CONCLUDING = ("在今后的工作中", "今后", "下一步", "下步", "总之", "综上", "总的来看", "总体来看",
              "以上", "希望", "望各", "本通知", "本通告", "本公告", "本意见", "本办法", "本方案",
              "本规定", "本决定", "本细则", "出席", "列席", "请假", "缺席")


def concluding_start(text: str) -> str | None:
    """The concluding phrase ``text`` starts with (在今后的工作中, 总之…), or None."""
    return next((p for p in CONCLUDING if text.startswith(p)), None)


_ATTENDANCE = _lazy(rf"(出{SPACE}*席|请{SPACE}*假|列{SPACE}*席|缺{SPACE}*席){SPACE}*[：:]")


def attendance(text: str) -> str | None:
    """The label of a 纪要's attendance line (出席：…), or None."""
    m = _ATTENDANCE.match(text.strip())
    return squeeze(m.group(1)) if m else None


_NAME_BAD = _lazy(r"[。，,；;：:！!？?“”\"《》]")
_HAN = _lazy(r"[\u4e00-\u9fff]")


def name_like(text: str) -> bool:
    """Whether ``text`` could be a 署名: short, without sentence punctuation."""
    t = text.strip()
    return (
        0 < len(t) <= 40
        and not _NAME_BAD.search(t)
        and not t.startswith(("——", "—", "-", "附件"))
        and heading_label(t) is None
        and not closing_formula(t)
        and read_date(t) is None
        and _HAN.search(t) is not None
    )


def date_line(text: str) -> DateReading | None:
    """The 成文日期 a line holds when the line is only a date."""
    return read_date(text)


_NOTE = _lazy(r"[（(](?P<note>.+)[)）]")


def note(text: str) -> str | None:
    """The words of a 附注 written in （ ）, without the brackets."""
    m = _NOTE.fullmatch(text.strip())
    return m.group("note").strip() if m and m.group("note").strip() else None


NOTE_LABELS = ("联系人", "联系电话", "电话", "传真", "邮编", "地址", "此件", "本件")
"""Words a 附注 written without brackets starts with (联系人：…, 此件公开发布)."""


def note_like(text: str) -> bool:
    """Whether ``text`` is a 附注: in （ ）, or starting with 联 系 人：, 此件…"""
    if len(text) > 200:
        return False  # a 附注 is a line or two
    s = squeeze(text)
    return note(text) is not None or any(s.startswith(w) for w in NOTE_LABELS) and len(s) <= 80


# -- 附件 -------------------------------------------------------------------------------

_ATTACHMENT_NOTE = _lazy(rf"附{SPACE}*件{SPACE}*[：:]{SPACE}*(?P<rest>.*)")
_ATTACHMENT_ITEM = _lazy(rf"(?P<n>\d{{1,2}}){SPACE}*[.．、]{SPACE}*(?P<name>\S.*)")
_ATTACHMENT_LABEL = _lazy(rf"附{SPACE}*件{SPACE}*(?P<n>\d{{0,2}}){SPACE}*[：:]?")
_ATTACHMENT_LABEL_TITLE = _lazy(
    rf"附{SPACE}*件{SPACE}*(?P<n>\d{{1,2}}){SPACE}*[：:]{SPACE}*(?P<title>\S.*)")


def attachment_note(text: str) -> str | None:
    """The text after 附件： when ``text`` starts a 附件说明 (may be empty)."""
    m = _ATTACHMENT_NOTE.fullmatch(text.strip())
    return m.group("rest").strip() if m else None


def attachment_item(text: str) -> tuple[int, str] | None:
    """(number, name) of a numbered 附件说明 item such as 2.xxx."""
    m = _ATTACHMENT_ITEM.fullmatch(text.strip())
    return (int(m.group("n")), m.group("name").strip()) if m else None


STANDARD_ATTACHMENT_ITEM = _lazy(r"(?:附件：)?\d+\.")
"""A 附件说明 item numbered as 7.3.4 wants: 1. (with 附件： on the first)."""
STANDARD_ATTACHMENT_LABEL = _lazy(r"附件\d*")
"""An attachment's label as 7.3.7 wants: 附件, 附件2 — no punctuation."""


def attachment_label(text: str) -> int | None:
    """The number of an attachment's label line (附件2 → 2, 附件 → 0), or None."""
    m = _ATTACHMENT_LABEL.fullmatch(text.strip())
    if not m:
        return None
    return int(m.group("n")) if m.group("n") else 0


def attachment_label_title(text: str) -> tuple[int, str] | None:
    """(number, title) of a label written with its title: 附件2：xxx."""
    m = _ATTACHMENT_LABEL_TITLE.fullmatch(text.strip())
    return (int(m.group("n")), m.group("title").strip()) if m else None


# -- 版记 -------------------------------------------------------------------------------

_CC = _lazy(rf"(?P<label>抄{SPACE}*[送报]|分{SPACE}*送|主{SPACE}*送){SPACE}*[：:]{SPACE}*(?P<names>.*)")


@dataclass(frozen=True)
class ImprintListing:
    """A 版记 line listing organs: its label (抄送, 抄报 or 主送) and the names."""

    label: str
    names: list[str]


def imprint_listing(text: str) -> ImprintListing | None:
    """A 抄送/抄报/主送 line of the 版记; names split on ，(outside brackets), final 。 dropped."""
    m = _CC.fullmatch(text.strip())
    if not m:
        return None
    listed = m.group("names").strip().rstrip("。.").strip()
    found = [n.strip() for n in split_outside_brackets(listed, "，,")] if listed else []
    return ImprintListing(squeeze(m.group("label")), [n for n in found if n])


@dataclass(frozen=True)
class Printed:
    """The 印发 line of the 版记: 印发机关 (may be empty when on its own line) and 印发日期."""

    printer: str
    date_text: str
    reading: DateReading | None


_PRINTED_END = _lazy(rf"印{SPACE}*发$")


def printed(text: str) -> Printed | None:
    """``棣棠乡党政综合办公室    2024年1月18日印发`` → printer and date (linear time)."""
    t = text.strip()
    m = _PRINTED_END.search(t[-12:])
    if not m:
        return None
    rest = t[:len(t) - len(t[-12:]) + m.start()]
    found = trailing_date(rest)
    if found is None:
        return None
    printer, date_text = found
    return Printed(printer.strip(), date_text.strip(), read_date(date_text))


# -- Website metadata -------------------------------------------------------------------

METADATA_LABELS = ("索引号", "信息索引", "主题分类", "信息分类", "所属类别", "体裁分类", "组配分类", "分类",
                   "发文机关", "发文机构", "发布机构", "发布机关", "发布单位", "所属机构", "成文日期",
                   "发布日期", "发布时间", "公开日期", "生成日期", "发文日期", "文号", "发文字号", "标题",
                   "信息名称", "名称", "主题词", "关键词", "公文种类", "有效性", "生效日期", "废止日期",
                   "信息来源", "来源", "浏览次数", "公开方式", "公开范围", "公开时限", "时效", "字号",
                   "浏览字号")
"""Labels of the metadata table a government website prints above a document."""
_METADATA_WORDS = "|".join((SPACE + "*").join(w) for w in sorted(METADATA_LABELS, key=len, reverse=True))
_METADATA = (
    rf"(?:【(?P<bracketed>{_METADATA_WORDS})】|(?P<label>{_METADATA_WORDS}){SPACE}*[：:]){SPACE}*")
_METADATA_FIRST = frozenset("【" + "".join(w[0] for w in METADATA_LABELS))
"""The characters a metadata line starts with."""


@functools.cache
def _metadata() -> re.Pattern[str]:
    """The metadata labels, compiled on first use: with a space allowed between any two
    characters they take ~20 ms to compile, which most processes never need."""
    return re.compile(_METADATA)


@dataclass(frozen=True)
class MetadataField:
    """One field of a website's metadata block: its label (spaces removed) and value."""

    label: str
    value: str


def metadata_fields(text: str) -> list[MetadataField]:
    """The metadata fields on one line (``索引号：xxx   主题分类：xxx``), or []."""
    t = text.strip()
    # A field starts the line with 【 or a label and ends its label with 】 or a colon.
    if t[:1] not in _METADATA_FIRST or not any(c in t for c in "】：:"):
        return []
    pattern = _metadata()
    if pattern.match(t) is None:
        return []
    starts = list(pattern.finditer(t))
    out: list[MetadataField] = []
    for k, f in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(t)
        label = f.group("label") or f.group("bracketed")
        out.append(MetadataField(squeeze(label), t[f.end():end].strip()))
    return out


# -- The zone classifier's view of a line ----------------------------------------------

@dataclass(frozen=True)
class Line:
    """A neutral line: its text, and what layout hints the source gives.

    The importer makes one from a text line (no hints) or a Word paragraph; the
    checker from a resolved .docx paragraph. ``align`` is ``left``, ``center`` or
    ``right``; ``size`` the largest type size in pt; ``red`` whether all its visible
    text is red; ``indent`` its first-line start in characters; ``in_table``
    whether it stands in a table cell.
    """

    text: str
    align: str | None = None
    size: float | None = None
    red: bool | None = None
    indent: float | None = None
    in_table: bool = False


def forms(line: Line) -> set[Part]:
    """The parts ``line`` has the form of, from its text and hints alone.

    Where a part may stand (its zone) decides among them: the checker's 版头 zone asks
    this function for each paragraph (with its colour and size); the importer, whose
    lines carry no hints, asks the same recognisers one at a time, in its stricter forms.
    """
    t = line.text.strip()
    out: set[Part] = set()
    if not t:
        return {Part.EMPTY}
    if line.in_table:
        out.add(Part.TABLE)
    if metadata_fields(t):
        out.add(Part.METADATA)
    if copy_number(t, loose=True):
        out.add(Part.COPY_NUMBER)
    if secrecy_like(t):
        out.add(Part.SECRECY)
    if urgency(t, loose=True):
        out.add(Part.URGENCY)
    if signers_label(t):
        out.add(Part.SIGNERS)
    if doc_number_in(t) or doc_number(t) is not None:
        out.add(Part.DOC_NUMBER)
    if line.red and ((line.size or 0) > spec.TITLE_SIZE.value or line.in_table):
        out.add(Part.MARK)
    if title_kind(t) is not None and len(t) <= 80 or line.align == "center" and not line.in_table:
        out.add(Part.TITLE)
    if recipients(t) is not None:
        out.add(Part.RECIPIENTS)
    if heading_label(t, loose=True) is not None:
        out.add(Part.HEADING)
    if closing_formula(t):
        out.add(Part.CLOSING)
    if attendance(t):
        out.add(Part.ATTENDANCE)
    if attachment_note(t) is not None:
        out.add(Part.ATTACHMENT_NOTE)
    if attachment_label(t) is not None or attachment_label_title(t) is not None:
        out.add(Part.ATTACHMENT_LABEL)
    if name_like(t):
        out.add(Part.SIGNATURE)
    if date_shaped(t) or read_date(t) is not None:
        out.add(Part.DATE)
    if note_like(t):
        out.add(Part.NOTE)
    if imprint_listing(t) is not None:
        out.add(Part.CC)
    if printed(t) is not None:
        out.add(Part.PRINTER)
    out.add(Part.PARAGRAPH)
    return out

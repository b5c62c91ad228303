"""Punctuation and numbers in the text (9; GB/T 15834, GB/T 15835), and 条例 wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govdoc import spec
from govdoc.checker.elements import Kind
from govdoc.checker.rules.base import Context, Deviation, NotApplicable, rule
from govdoc.grammar import SHORT_YEAR as _SHORT_YEAR
from govdoc.grammar import DocKind
from govdoc.text import wording
from govdoc.text.punctuation import normalize_punctuation

_CJK = r"[\u4e00-\u9fff]"
_STRAIGHT_QUOTES = re.compile(rf"{_CJK}[\"']|[\"']{_CJK}")
_RANGE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*[-~～—–]\s*\d+(?:\.\d+)?\s*(万|亿|%|％)")


def _texts(ctx: Context) -> Iterator[tuple[object, str]]:
    for para in ctx.doc.paragraphs:
        if para.stripped:
            yield para, para.text


def _around(text: str, at: int) -> str:
    return text[max(0, at - 6):at + 7].replace("\n", " ")


@rule("T1", "全角标点", spec.PUNCTUATION_FULL_WIDTH,
      "中文文本中使用全角标点：不用半角的 , ; : ? ! ( ) 和直引号", "T")
def full_width(ctx: Context) -> Iterator[Deviation]:
    for para, text in _texts(ctx):
        fixed = normalize_punctuation(text)
        if fixed != text:
            at = next(i for i, (a, b) in enumerate(zip(text, fixed)) if a != b)
            yield Deviation(f"全角“{fixed[at]}”", f"半角“{text[at]}”", para,  # type: ignore[arg-type]
                            excerpt=_around(text, at))
            continue
        m = _STRAIGHT_QUOTES.search(text)
        if m:
            yield Deviation("弯引号“”‘’", "直引号", para,  # type: ignore[arg-type]
                            excerpt=_around(text, m.start()))


@rule("T2", "年份标全", spec.YEAR_IN_FULL, "年份应标全称，不能简写为两位（如“24年”）", "T")
def year_in_full(ctx: Context) -> Iterator[Deviation]:
    for para, text in _texts(ctx):
        m = _SHORT_YEAR.search(text)
        if m:
            yield Deviation("四位年份", m.group(0), para, excerpt=_around(text, m.start()))  # type: ignore[arg-type]


@rule("T3", "数值范围", spec.RANGE_UNITS, "表示数值范围时，两端数值的单位都应写出，如“5万～10万元”", "T")
def ranges(ctx: Context) -> Iterator[Deviation]:
    for para, text in _texts(ctx):
        m = _RANGE.search(text)
        if m:
            yield Deviation("两端都带单位", m.group(0), para, excerpt=_around(text, m.start()))  # type: ignore[arg-type]


@rule("T5", "报告不夹带请示", spec.REPORT_WITHOUT_REQUEST, "报告中不得夹带请示事项", "T")
def report_without_request(ctx: Context) -> Iterator[Deviation]:
    title = "".join(p.stripped for p in ctx.elements(Kind.TITLE))
    if not wording.ends_with_kind(title, DocKind.报告):
        raise NotApplicable
    for para in ctx.elements(Kind.BODY, Kind.HEADING):
        hit = wording.request_wording(para.text)
        if hit:
            yield Deviation("不含请示事项", hit, para, f"报告中出现请示用语“{hit}”")

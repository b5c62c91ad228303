"""Heading numbers (7.3.3): the forms 一、（一）1.（1） and their sequence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govdoc import spec
from govdoc.check.elements import Kind
from govdoc.check.rules import Context, Deviation, NotApplicable, rule
from govdoc.text.numbering import chinese_numeral

_CN = "一二三四五六七八九十百零〇"
_VALUES = {chinese_numeral(n): n for n in range(1, 200)}
_CORRECT = (
    re.compile(rf"^([{_CN}]+)、(?![、，,.．])"),
    re.compile(rf"^（([{_CN}]+)）(?![、，,.．：:])"),
    re.compile(r"^(\d+)\.(?![\d、，,.．])"),
    re.compile(r"^（(\d+)）(?![、，,.．：:])"),
)
_NUMBER = (
    re.compile(rf"^([{_CN}]+)"),
    re.compile(rf"^[（(]([{_CN}]+)"),
    re.compile(r"^(\d+)"),
    re.compile(r"^[（(](\d+)"),
)


def _value(level: int, text: str) -> int | None:
    m = _NUMBER[level - 1].match(text)
    if not m:
        return None
    raw = m.group(1)
    return int(raw) if level >= 3 else _VALUES.get(raw)


@rule("B8", "层次序数", spec.HEADING_LABELS,
      "结构层次序数依次用“一、”“（一）”“1.”“（1）”，不得写成“一.”“（一）、”“1、”，序数连续不跳号", "T")
def heading_numbers(ctx: Context) -> Iterator[Deviation]:
    headings = [e for e in ctx.layout.elements if e.kind is Kind.HEADING]
    if not headings:
        raise NotApplicable
    labels = spec.HEADING_LABELS.value
    counters = [0, 0, 0, 0]
    attachment = 0
    for e in headings:
        if e.attachment != attachment:
            attachment, counters = e.attachment, [0, 0, 0, 0]
        text = e.para.stripped
        level = e.level
        if not _CORRECT[level - 1].match(text):
            label = re.match(r"^\S{1,6}?[、.．，,）)：:]+", text)
            yield Deviation(f"“{labels[level - 1]}”式", label.group(0) if label else text[:4], e.para,
                            f"第{'一二三四'[level - 1]}层序数应写作“{labels[level - 1]}”")
        value = _value(level, text)
        expected = counters[level - 1] + 1
        if value is not None and value != expected:
            yield Deviation(f"第{'一二三四'[level - 1]}层第 {expected} 个", f"序数 {value}", e.para,
                            "层次序数应连续，不跳号、不重号")
        if value is not None:
            counters[level - 1] = value
            for deeper in range(level, 4):
                counters[deeper] = 0

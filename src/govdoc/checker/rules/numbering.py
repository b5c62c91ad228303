"""Heading numbers (7.3.3): the forms 一、（一）1.（1） and their sequence."""

from __future__ import annotations

from collections.abc import Iterator

from govdoc import grammar, spec
from govdoc.checker.elements import Kind
from govdoc.checker.rules.base import Context, Deviation, NotApplicable, rule


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
        found = grammar.heading_label(text, loose=True)
        if found is None or not found.standard:
            shown = found.label if found is not None else text[:4]
            after = text[len(shown):len(shown) + 1]
            if found is not None and after and after in "、，,.．：:":
                shown += after  # （一）、: the extra mark is part of what is wrong
            yield Deviation(f"“{labels[level - 1]}”式", shown, e.para,
                            f"第{'一二三四'[level - 1]}层序数应写作“{labels[level - 1]}”")
        value = found.number if found is not None else None
        expected = counters[level - 1] + 1
        if value is not None and value != expected:
            yield Deviation(f"第{'一二三四'[level - 1]}层第 {expected} 个", f"序数 {value}", e.para,
                            "层次序数应连续，不跳号、不重号")
        if value is not None:
            counters[level - 1] = value
            for deeper in range(level, 4):
                counters[deeper] = 0

"""页码 (7.5): present on every page, "— N —" in 4号 宋体, odd right and even left."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govdoc import spec
from govdoc.checker.resolve import Footer, Paragraph, RunProps, field_pattern
from govdoc.checker.rules.base import (Context, Deviation, NotApplicable, chars, font_is, font_name,
                                     rule)

_DASH = spec.PAGE_NUMBER_DASH.value
_PATTERN = re.compile(rf"^{_DASH}[ \u00a0]?N[ \u00a0]?{_DASH}$")


def _footers(ctx: Context) -> dict[str, Footer]:
    """The footers in force in the first section, by type."""
    return {kind: ctx.doc.footer(part) for kind, part in ctx.doc.section_footers(0).items()}


def _number_para(footer: Footer) -> Paragraph | None:
    """The footer paragraph that holds the PAGE field."""
    return next((p for p in footer.paragraphs if field_pattern(p.element)[1]), None)


def _with_numbers(ctx: Context) -> dict[str, Footer]:
    return {k: f for k, f in _footers(ctx).items() if f.has_page_field}


@rule("N1", "页码与单双页", spec.PAGE_NUMBERS,
      "公文各页编排页码；单页码居右、双页码居左，须设置奇偶页不同的页脚")
def presence(ctx: Context) -> Iterator[Deviation]:
    numbered = _with_numbers(ctx)
    if "default" not in numbered:
        yield Deviation("页脚中有页码（PAGE 域）", "无页码", message="公文应编排页码", excerpt="页脚")
        return
    if not ctx.doc.even_and_odd:
        yield Deviation("奇偶页不同（单页居右、双页居左）", "奇偶页相同", excerpt="页脚",
                        message="未设置奇偶页不同，双页码无法居左", basis=spec.PAGE_NUMBER_OUTER_SIDE)
    elif "even" not in numbered:
        yield Deviation("偶数页页脚有页码", "偶数页无页码", excerpt="偶数页页脚",
                        message="偶数页页脚缺少页码", basis=spec.PAGE_NUMBER_OUTER_SIDE)


@rule("N2", "页码格式", spec.PAGE_NUMBER_DASH,
      "页码用4号半角宋体阿拉伯数字，数字左右各放一条一字线（—），如“— 1 —”", "X")
def form(ctx: Context) -> Iterator[Deviation]:
    numbered = _with_numbers(ctx)
    if not numbered:
        raise NotApplicable
    for kind, footer in sorted(numbered.items()):
        where = {"default": "单数页页脚", "even": "偶数页页脚", "first": "首页页脚"}.get(kind, kind)
        pattern = footer.pattern.strip(" \u3000\t\n")
        if not _PATTERN.match(pattern):
            yield Deviation(f"{_DASH} N {_DASH}", pattern, excerpt=where,
                            message="页码两侧应各放一条一字线“—”")
        for para in footer.paragraphs:
            for ch, props in para.char_runs():
                if ch.isdigit() or ch == _DASH:
                    if abs(props.size - spec.PAGE_NUMBER_SIZE.value) > 0.01:
                        yield Deviation("四号（14 pt）", f"{props.size:g} pt", excerpt=where,
                                        message="页码用4号字", basis=spec.PAGE_NUMBER_SIZE)
                        break
            digits = [props for ch, props in para.char_runs() if ch.isdigit()]
            wrong = [p for p in digits if not _songti(p)]
            if wrong:
                yield Deviation("宋体", font_name_ascii(wrong[0]), excerpt=where,
                                message="页码用半角宋体阿拉伯数字", basis=spec.FONT_SONGTI)


def _songti(props: RunProps) -> bool:
    """Whether the digits' (ASCII) font is 宋体 under one of its names."""
    return font_is(RunProps(east_asia=props.ascii, size=props.size), spec.FONT_SONGTI.value)


def font_name_ascii(props: RunProps) -> str:
    return font_name(RunProps(east_asia=props.ascii))


def _side(para: Paragraph, side: str) -> int:
    """The indent on ``side`` plus full-width spaces padding the number on that side."""
    indent = para.props.right if side == "right" else para.props.left
    text = para.text
    pad = len(text) - len(text.rstrip("\u3000")) if side == "right" else \
        len(text) - len(text.lstrip("\u3000"))
    return indent + pad * spec.PAGE_NUMBER_CHAR_TW


@rule("N3", "页码位置", spec.PAGE_NUMBER_SIDE_INDENT, "单页码居右空一字，双页码居左空一字")
def position(ctx: Context) -> Iterator[Deviation]:
    numbered = _with_numbers(ctx)
    if not numbered:
        raise NotApplicable
    low, high = spec.PAGE_NUMBER_INDENT_RANGE.value
    for kind, jc, side in (("default", "right", "right"), ("even", "left", "left")):
        footer = numbered.get(kind)
        if footer is None:
            continue
        para = _number_para(footer)
        if para is None:
            continue
        where = "单数页页脚" if kind == "default" else "偶数页页脚"
        got = para.props.jc
        if got != jc:
            yield Deviation("居右" if jc == "right" else "居左", {"left": "居左", "right": "居右",
                            "center": "居中"}.get(got, got), excerpt=where,
                            message=f"{'单' if jc == 'right' else '双'}页码应{'居右' if jc == 'right' else '居左'}",
                            basis=spec.PAGE_NUMBER_OUTER_SIDE)
            continue
        indent = _side(para, side)
        if not low <= indent <= high:
            yield Deviation(f"{'右' if side == 'right' else '左'}空一字",
                            chars(indent, spec.PAGE_NUMBER_SIZE.value), excerpt=where)


@rule("N7", "首页页码", spec.PAGE_NUMBERS, "公文首页显示页码（首页不同的页脚须同样有页码）")
def first_page(ctx: Context) -> Iterator[Deviation]:
    sections = [s for s in ctx.doc.sections if s.title_page]
    if ctx.layout.format == "letter":
        raise NotApplicable  # a 信函's first page shows no page number (10.1)
    if not sections:
        return
    for s in sections:
        part = s.footers.get("first")
        footer = ctx.doc.footer(part) if part else None
        if footer is None or not footer.has_page_field:
            yield Deviation("首页显示页码", "首页不同且首页无页码",
                            excerpt=f"第{s.index + 1}节" if len(ctx.doc.sections) > 1 else "页面设置")

"""Fonts, sizes and indents per element (5.2.2, 7.3.1, 7.3.3): title, 正文, headings."""

from __future__ import annotations

from collections.abc import Iterator

from govdoc import grammar, spec
from govdoc.checker.elements import Kind
from govdoc.checker.resolve import Paragraph
from govdoc.checker.rules.base import (Context, Deviation, NotApplicable, check_font, check_size,
                                     chars, cjk_props, rule)

_TOL = spec.INDENT_TOLERANCE.value

# Elements set in 3号 仿宋 like the body (5.2.2: 各要素一般用3号仿宋体字).
FANGSONG_ELEMENTS = (Kind.BODY, Kind.SALUTATION, Kind.ATTACHMENT_NOTE, Kind.SIGNATURE, Kind.DATE,
                     Kind.NOTE)


@rule("B1", "标题", spec.TITLE_SIZE, "标题一般用2号小标宋体字，居中排布")
def title(ctx: Context) -> Iterator[Deviation]:
    paras = ctx.elements(Kind.TITLE)
    if not paras:
        raise NotApplicable
    for para in paras:
        yield from check_size(para, spec.TITLE_SIZE.value, spec.TITLE_SIZE, "标题")
        yield from check_font(para, spec.FONT_XIAOBIAOSONG.value, spec.FONT_XIAOBIAOSONG, "标题")
        if para.props.jc != "center":
            yield Deviation("居中", para.props.jc, para, "标题应居中排布", spec.TITLE_CENTRED)


def indent(para: Paragraph, what: str) -> Iterator[Deviation]:
    """The paragraph starts two characters in and wraps flush left (7.3.3)."""
    size = max((p.size for p in cjk_props(para)), default=spec.BODY_SIZE.value)
    target = spec.FIRST_LINE_INDENT.value * size * spec.TWIPS_PER_PT
    p = para.props
    if abs(p.first_line - target) > _TOL or abs(p.left) > _TOL:
        found = f"首行 {chars(p.first_line, size)}"
        if p.left:
            found += f"，左缩进 {chars(p.left, size)}"
        yield Deviation(f"首行缩进 {chars(target, size)}，回行顶格", found, para,
                        f"{what}每个自然段左空二字，回行顶格", spec.FIRST_LINE_INDENT)


def heading_extent(para: Paragraph) -> int:
    """How many characters the heading takes: the paragraph, or for a run-in heading
    its first sentence."""
    text = para.text
    label = grammar.heading_label(text.lstrip(), loose=True)
    split = grammar.split_run_in(label.title) if label else None
    if split is None:
        return len(text)
    return len(text) - len(split[1])


@rule("B6", "正文字体字号与缩进", spec.BODY_SIZE, "正文用3号仿宋体字，每个自然段左空二字，回行顶格")
def body(ctx: Context) -> Iterator[Deviation]:
    found_any = False
    for e in ctx.layout.elements:
        if e.kind in FANGSONG_ELEMENTS:
            found_any = True
            what = e.kind.label
            yield from check_font(e.para, spec.FONT_FANGSONG.value, spec.FONT_FANGSONG, what)
            yield from check_size(e.para, spec.BODY_SIZE.value, spec.BODY_SIZE, what)
            if e.kind is Kind.BODY:
                yield from indent(e.para, what)
        elif e.kind is Kind.HEADING:
            # The text after a run-in heading is body text.
            cut = heading_extent(e.para)
            if cut < len(e.para.text):
                yield from check_font(e.para, spec.FONT_FANGSONG.value, spec.FONT_FANGSONG,
                                      "正文", cut)
                yield from check_size(e.para, spec.BODY_SIZE.value, spec.BODY_SIZE, "正文", cut)
    if not found_any:
        raise NotApplicable


@rule("B7", "结构层次", spec.HEADING_FONTS,
      "结构层次序数第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字，3号，左空二字")
def headings(ctx: Context) -> Iterator[Deviation]:
    found_any = False
    for e in ctx.layout.elements:
        if e.kind is not Kind.HEADING:
            continue
        found_any = True
        font = spec.HEADING_FONTS.value[e.level - 1]
        end = heading_extent(e.para)
        what = f"第{'一二三四'[e.level - 1]}层标题"
        yield from check_font(e.para, font, spec.HEADING_FONTS, what, 0, end)
        yield from check_size(e.para, spec.BODY_SIZE.value, spec.BODY_SIZE, what, 0, end)
        yield from indent(e.para, what)
    if not found_any:
        raise NotApplicable

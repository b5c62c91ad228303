"""Page and grid (5.1, 5.2): paper, margins, text block, line pitch, characters per line,
text colour."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator

from govdoc import spec
from govdoc.checker.elements import Kind, is_dark, is_red
from govdoc.checker.resolve import Section
from govdoc.checker.rules.base import Context, Deviation, NotApplicable, cjk_props, mm, near, rule

_TOL = spec.mm_to_twips(spec.MARGIN_TOLERANCE.value)


def _portrait(ctx: Context) -> list[Section]:
    return [s for s in ctx.doc.sections if s.orient != "landscape"]


def _where(section: Section, ctx: Context) -> str:
    return f"第{section.index + 1}节" if len(ctx.doc.sections) > 1 else "页面设置"


@rule("P1", "纸张 A4", spec.PAGE_WIDTH, "公文用纸采用A4型纸（210 mm × 297 mm）")
def paper(ctx: Context) -> Iterator[Deviation]:
    tol = spec.PAGE_SIZE_TOLERANCE.value
    for s in ctx.doc.sections:
        if s.width is None or s.height is None:
            yield Deviation("210 × 297 mm", "未设置纸张（Word 默认 Letter）", excerpt=_where(s, ctx))
            continue
        w, h = (s.height, s.width) if s.orient == "landscape" else (s.width, s.height)
        if not (near(w, spec.PAGE_WIDTH_TW, tol) and near(h, spec.PAGE_HEIGHT_TW, tol)):
            yield Deviation("210 × 297 mm", f"{mm(w)} × {mm(h)}", excerpt=_where(s, ctx))


def _margin(ctx: Context, attr: str, target: int, name: str) -> Iterator[Deviation]:
    for s in _portrait(ctx):
        value = getattr(s, attr)
        if attr == "left":
            value = (value or 0) + s.gutter
        if value is None:
            yield Deviation(mm(target), "未设置", excerpt=_where(s, ctx))
        elif not near(abs(value), target, _TOL):
            yield Deviation(f"{mm(target)} ± {spec.MARGIN_TOLERANCE.value:g} mm", mm(abs(value)),
                            message=f"{name}应为 {mm(target)} ± {spec.MARGIN_TOLERANCE.value:g} mm",
                            excerpt=_where(s, ctx))


@rule("P2", "天头 37 mm", spec.MARGIN_TOP, "天头（上白边）为37 mm ± 1 mm")
def top_margin(ctx: Context) -> Iterator[Deviation]:
    yield from _margin(ctx, "top", spec.MARGIN_TOP_TW, "天头（上边距）")


@rule("P3", "订口 28 mm", spec.MARGIN_LEFT, "订口（左白边）为28 mm ± 1 mm")
def left_margin(ctx: Context) -> Iterator[Deviation]:
    yield from _margin(ctx, "left", spec.MARGIN_LEFT_TW, "订口（左边距）")


@rule("P4", "版心宽 156 mm", spec.BLOCK_WIDTH, "版心宽156 mm（左右边距之和54 mm）")
def block_width(ctx: Context) -> Iterator[Deviation]:
    target = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
    for s in _portrait(ctx):
        if s.width is None or s.left is None or s.right is None:
            continue
        width = s.width - abs(s.left) - abs(s.right) - s.gutter
        if not near(width, target, _TOL):
            yield Deviation(f"{mm(target)} ± {spec.MARGIN_TOLERANCE.value:g} mm", mm(width),
                            excerpt=_where(s, ctx))


@rule("P5", "版心高 225 mm", spec.BLOCK_HEIGHT, "版心高225 mm（下白边35 mm）")
def block_height(ctx: Context) -> Iterator[Deviation]:
    target = spec.mm_to_twips(spec.BLOCK_HEIGHT.value)
    for s in _portrait(ctx):
        if s.height is None or s.top is None or s.bottom is None:
            continue
        height = s.height - abs(s.top) - abs(s.bottom)
        if not near(height, target, _TOL):
            yield Deviation(f"{mm(target)} ± {spec.MARGIN_TOLERANCE.value:g} mm（下边距 "
                            f"{mm(spec.MARGIN_BOTTOM_TW)}）",
                            f"{mm(height)}（下边距 {mm(abs(s.bottom))}）",
                            excerpt=_where(s, ctx))


def body_pitch(ctx: Context) -> tuple[int | None, str]:
    """The body's line pitch (twips) and how it is set."""
    line = ctx.layout.body_line_twips()
    if line is not None:
        return line, "固定值"
    sec = ctx.doc.sections[0]
    if sec.grid_type in ("lines", "linesAndChars", "snapToChars") and sec.line_pitch:
        return sec.line_pitch, "网格"
    return None, "单倍或多倍行距"


@rule("P6", "每面22行", spec.LINES_PER_PAGE, "正文一般每面排22行：固定行距使22行恰好排满225 mm版心")
def lines_per_page(ctx: Context) -> Iterator[Deviation]:
    if not ctx.layout.of(Kind.BODY):
        raise NotApplicable
    pitch, how = body_pitch(ctx)
    block = spec.mm_to_twips(spec.BLOCK_HEIGHT.value)
    expected = (f"{spec.LINES_PER_PAGE.value} 行（固定行距 {spec.LINE_PITCH_MIN.value:g}–"
                f"{spec.LINE_PITCH.value:g} pt）")
    if pitch is None:
        yield Deviation(expected, how, message="正文应使用固定行距，使每面排22行")
        return
    lines = math.floor(block / pitch)
    if lines != spec.LINES_PER_PAGE.value or pitch < spec.pt_to_twips(spec.LINE_PITCH_MIN.value):
        yield Deviation(expected, f"{lines} 行（{how} {pitch / spec.TWIPS_PER_PT:g} pt）")


@rule("P7", "每行28字", spec.CHARS_PER_LINE, "正文一般每行排28个字并撑满版心：字距须使28个三号字排满156 mm")
def chars_per_line(ctx: Context) -> Iterator[Deviation]:
    props = [p for para in ctx.elements(Kind.BODY) for p in cjk_props(para)]
    if not props:
        raise NotApplicable
    size, spacing = Counter((p.size, p.spacing_tw) for p in props).most_common(1)[0][0]
    sec = ctx.doc.sections[0]
    pitch = size + spacing / spec.TWIPS_PER_PT
    how = f"字距 {spacing / spec.TWIPS_PER_PT:g} pt"
    if sec.grid_type in ("linesAndChars", "snapToChars") and sec.char_space is not None:
        pitch = size + sec.char_space / 4096
        how = f"文档网格 charSpace {sec.char_space}"
    width_pt = spec.BLOCK_WIDTH_PT
    if sec.width and sec.left is not None and sec.right is not None:
        width_pt = (sec.width - abs(sec.left) - abs(sec.right) - sec.gutter) / spec.TWIPS_PER_PT
    per_line = math.floor(width_pt / pitch + 1e-6)
    if per_line != spec.CHARS_PER_LINE.value:
        yield Deviation(f"{spec.CHARS_PER_LINE.value} 字", f"{per_line} 字（{size:g} pt，{how}）")


@rule("P12", "文字黑色", spec.TEXT_COLOR, "除发文机关标志和分隔线外，公文文字均为黑色")
def text_colour(ctx: Context) -> Iterator[Deviation]:
    allowed = {id(e.para) for e in ctx.layout.elements if e.kind is Kind.MARK}
    for para in ctx.doc.paragraphs:
        if id(para) in allowed:
            continue
        colours = {r.props.color for r in para.runs
                   if r.text.strip() and r.props.color and not is_dark(r.props.color)}
        if colours:
            red = any(is_red(c) for c in colours)
            yield Deviation("黑色 000000", "、".join(sorted(colours)) + ("（红色）" if red else ""), para)

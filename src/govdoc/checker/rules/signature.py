"""署名 and 成文日期 (7.3.5), static: date form and the placement the indents give."""

from __future__ import annotations

from collections.abc import Iterator

from govdoc import spec
from govdoc.checker.elements import Kind
from govdoc.checker.resolve import Paragraph
from govdoc.checker.rules.base import Context, Deviation, NotApplicable, chars, rule
from govdoc.checker.rules.paragraphs import blank_lines, previous_text
from govdoc.grammar import date_problem
from govdoc.text.metrics import text_width_pt

_CHAR = spec.CHAR_TW
_HALF_CHAR = spec.SIGNATURE_CENTRE_TOLERANCE.value * spec.CHAR_TW


@rule("B11", "成文日期写法", spec.DATE_FORM,
      "成文日期用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位", "T")
def date_form(ctx: Context) -> Iterator[Deviation]:
    dates = ctx.elements(Kind.DATE)
    if not dates:
        raise NotApplicable
    para = dates[0]
    problem = date_problem(para.stripped)
    if problem:
        yield Deviation("如 2024年1月18日", para.stripped, para, "成文日期" + problem)


def extent(para: Paragraph) -> tuple[float, float]:
    """Where the paragraph's (single-line) text starts and ends, in twips from the
    left margin, computed from its alignment, indents and the width of its text."""
    block = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
    text = para.text.strip("\n")
    size = max((r.props.size for r in para.runs if r.text.strip()), default=spec.BODY_SIZE.value)
    spacing = next((r.props.spacing_tw for r in para.runs if r.text.strip()), 0)
    width = text_width_pt(text, size=size, squeeze=spacing / spec.TWIPS_PER_PT) * spec.TWIPS_PER_PT
    p = para.props
    left = p.left + p.first_line
    right = block - p.right
    if p.jc == "right":
        return right - width, right
    if p.jc == "center":
        mid = (left + right) / 2
        return mid - width / 2, mid + width / 2
    return left, left + width


def _block(ctx: Context) -> tuple[Paragraph, Paragraph]:
    sigs, dates = ctx.elements(Kind.SIGNATURE), ctx.elements(Kind.DATE)
    if not sigs or not dates:
        raise NotApplicable
    return sigs[0], dates[0]


@rule("B12", "加盖印章的署名和日期", spec.SEALED_DATE_RIGHT_INDENT,
      "加盖印章的公文，成文日期一般右空四字，以成文日期为准居中编排发文机关署名")
def sealed(ctx: Context) -> Iterator[Deviation]:
    if ctx.layout.sealed is not True or ctx.layout.format == "order":
        raise NotApplicable  # a 命令 is signed with a 签名章 (7.3.5.3)
    sig, date = _block(ctx)
    block = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
    d0, d1 = extent(date)
    target = spec.SEALED_DATE_RIGHT_INDENT.value * _CHAR
    if abs((block - d1) - target) > spec.INDENT_TOLERANCE.value:
        yield Deviation("右空四字", f"右空 {chars(block - d1)}", date, "成文日期一般右空四字")
    if ctx.layout.joint:
        return  # 联合行文: each 署名 under its own seal, not centred on the date
    s0, s1 = extent(sig)
    off = (s0 + s1) / 2 - (d0 + d1) / 2
    if abs(off) > _HALF_CHAR:
        yield Deviation("以成文日期为准居中", f"偏{'右' if off > 0 else '左'} {chars(abs(off))}", sig,
                        "发文机关署名应以成文日期为准居中编排", spec.SEALED_SIGNATURE_CENTRED)


@rule("B13", "不加盖印章的署名和日期", spec.UNSEALED_SIGNATURE_RIGHT_INDENT,
      "不加盖印章的公文，在正文下空一行右空二字编排署名，成文日期首字比署名首字右移二字")
def unsealed(ctx: Context) -> Iterator[Deviation]:
    if ctx.layout.sealed is not False:
        raise NotApplicable
    sig, date = _block(ctx)
    above = previous_text(ctx, sig)
    if above is not None:
        gap = blank_lines(ctx, above, sig)
        if abs(gap - spec.UNSEALED_LINES_BEFORE.value) > spec.BLANK_LINE_TOLERANCE.value:
            yield Deviation("正文下空一行", f"空 {gap:.1f} 行", sig, basis=spec.UNSEALED_LINES_BEFORE)
    if ctx.layout.joint:
        return  # 联合行文: the 署名 stacked, lead organ first (7.3.5.2)
    block = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
    tol = spec.INDENT_TOLERANCE.value
    s0, s1 = extent(sig)
    d0, d1 = extent(date)
    offset = spec.UNSEALED_DATE_OFFSET.value * _CHAR
    side = spec.UNSEALED_SIGNATURE_RIGHT_INDENT.value * _CHAR
    if d1 - d0 > s1 - s0:
        # A date longer than the 署名: the date right-indented 2 字, the 署名 moved left.
        if abs((block - d1) - spec.UNSEALED_DATE_RIGHT_INDENT.value * _CHAR) > tol:
            yield Deviation("成文日期右空二字", f"右空 {chars(block - d1)}", date,
                            basis=spec.UNSEALED_DATE_RIGHT_INDENT)
    elif abs((block - s1) - side) > tol:
        yield Deviation("署名右空二字", f"右空 {chars(block - s1)}", sig)
    if abs((d0 - s0) - offset) > tol * 2:
        yield Deviation("日期首字比署名首字右移二字", f"右移 {chars(d0 - s0)}", date,
                        basis=spec.UNSEALED_DATE_OFFSET)

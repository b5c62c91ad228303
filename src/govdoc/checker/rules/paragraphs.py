"""Paragraph-level rules of the 主体 (7.3): title wording, 主送, 附件说明, 附注, 附件 pages."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govdoc import grammar, spec
from govdoc.checker.elements import Kind
from govdoc.checker.resolve import Paragraph
from govdoc.checker.rules.base import (Context, Deviation, NotApplicable, check_font, chars, rule,
                                     start_of_first_line)
from govdoc.checker.rules.page import body_pitch
from govdoc.grammar import DocKind
from govdoc.text import wording

_TOL = spec.INDENT_TOLERANCE.value
_LINE_TOL = spec.BLANK_LINE_TOLERANCE.value
_END_PUNCT = "。，；：、.,;:！？!?"


def blank_lines(ctx: Context, above: Paragraph, below: Paragraph) -> float:
    """How many body lines of space separate two paragraphs: spacing after and before,
    and the empty paragraphs between them."""
    pitch = body_pitch(ctx)[0] or spec.LINE_PITCH_TW
    paras = ctx.doc.paragraphs
    space: float = above.props.after + below.props.before
    if below.props.before_lines:
        space = above.props.after + below.props.before_lines * pitch / 100
    for p in paras[above.index:below.index - 1]:
        line = p.props.line if p.props.line_rule == "exact" and p.props.line else pitch
        space += line + p.props.before + p.props.after
    return space / pitch


def previous_text(ctx: Context, para: Paragraph) -> Paragraph | None:
    for p in reversed(ctx.doc.paragraphs[:para.index - 1]):
        if p.stripped:
            return p
    return None


@rule("B3", "标题文种", spec.TITLE_ENDS_WITH_KIND, "标题由发文机关名称、事由和文种组成，以文种结尾", "T")
def title_kind(ctx: Context) -> Iterator[Deviation]:
    paras = ctx.elements(Kind.TITLE)
    if not paras:
        raise NotApplicable
    title = "".join(p.stripped for p in paras).replace("\n", "")
    if title and title[-1] in _END_PUNCT:
        yield Deviation("标题末尾不加标点", title[-1], paras[-1], "标题末尾不应有标点符号")
    elif not wording.ends_with_kind(title):
        yield Deviation("以文种结尾：" + "、".join(k.value for k in DocKind), title[-4:], paras[-1])


@rule("B5", "主送机关", spec.RECIPIENTS_COLON,
      "主送机关编排于标题下空一行位置，居左顶格，最后一个主送机关名称后标全角冒号")
def salutation(ctx: Context) -> Iterator[Deviation]:
    paras = ctx.elements(Kind.SALUTATION)
    if not paras:
        raise NotApplicable
    para = paras[0]
    text = para.stripped
    if not text.endswith("："):
        yield Deviation("以全角冒号“：”结尾", text[-1], para, "主送机关后应标全角冒号")
    if abs(start_of_first_line(para)) > _TOL or abs(para.props.left) > _TOL \
            or para.props.jc in ("center", "right"):
        yield Deviation("顶格", f"缩进 {chars(start_of_first_line(para))}" if para.props.jc not in (
            "center", "right") else para.props.jc, para, "主送机关应居左顶格")
    titles = ctx.elements(Kind.TITLE)
    if titles:
        gap = blank_lines(ctx, titles[-1], para)
        wanted = spec.TITLE_LINES_AFTER.value
        if abs(gap - wanted) > _LINE_TOL:
            yield Deviation(f"标题下空{wanted}行", f"空 {gap:.1f} 行", para,
                            "主送机关应编排于标题下空一行位置", spec.TITLE_LINES_AFTER)


def _items(ctx: Context) -> list[tuple[Paragraph, str | None, str]]:
    """The 附件说明 items: paragraph, number (or None) and name."""
    out = []
    for i, para in enumerate(ctx.elements(Kind.ATTACHMENT_NOTE)):
        text = para.stripped
        if i == 0:
            rest = grammar.attachment_note(text)
            text = rest if rest is not None else text
        item = grammar.attachment_item(text)
        out.append((para, str(item[0]) if item else None, item[1] if item else text))
    return out


@rule("B9", "附件说明写法", spec.ATTACHMENT_NOTE_FORM,
      "附件说明：“附件”后标全角冒号；多个附件用“1.”“2.”标注序号；附件名称后不加标点符号", "T")
def attachment_note(ctx: Context) -> Iterator[Deviation]:
    items = _items(ctx)
    if not items:
        raise NotApplicable
    first = items[0][0]
    if not first.stripped.startswith("附件："):
        yield Deviation("附件：", first.stripped[:3], first, "“附件”二字后应标全角冒号")
    if len(items) > 1:
        for n, (para, number, _name) in enumerate(items, 1):
            if number != str(n):
                yield Deviation(f"{n}.", number or "无序号", para, "多个附件应依次标注序号“1.”“2.”")
            elif not grammar.STANDARD_ATTACHMENT_ITEM.match(para.stripped):
                yield Deviation(f"{n}.", para.stripped[:4], para, "附件序号后用下脚点“.”")
    for para, _number, name in items:
        if name and name[-1] in _END_PUNCT:
            yield Deviation("名称后不加标点", name[-1], para, "附件名称后不加标点符号")


@rule("B10", "附件说明位置", spec.ATTACHMENT_NOTE_LINES_BEFORE, "附件说明在正文下空一行、左空二字编排")
def attachment_note_place(ctx: Context) -> Iterator[Deviation]:
    items = _items(ctx)
    if not items:
        raise NotApplicable
    first = items[0][0]
    above = previous_text(ctx, first)
    if above is not None:
        gap = blank_lines(ctx, above, first)
        wanted = spec.ATTACHMENT_NOTE_LINES_BEFORE.value
        if abs(gap - wanted) > _LINE_TOL:
            yield Deviation(f"正文下空{wanted}行", f"空 {gap:.1f} 行", first, "附件说明应在正文下空一行")
    target = spec.ATTACHMENT_NOTE_INDENT.value * spec.CHAR_TW
    start = start_of_first_line(first)
    if abs(start - target) > _TOL or first.props.jc in ("center", "right"):
        yield Deviation(f"左空二字（{target} twips）", chars(start), first, "附件说明应左空二字编排",
                        spec.ATTACHMENT_NOTE_INDENT)


@rule("B17", "附注", spec.NOTE_PARENTHESES, "附注居左空二字加圆括号，编排在成文日期下一行")
def note(ctx: Context) -> Iterator[Deviation]:
    paras = ctx.elements(Kind.NOTE)
    if not paras:
        raise NotApplicable
    para = paras[0]
    text = para.stripped
    if not (text.startswith("（") and text.endswith("）")):
        yield Deviation("（……）", text[:1] + "……" + text[-1:], para, "附注应加全角圆括号")
    target = spec.NOTE_INDENT.value * spec.CHAR_TW
    start = start_of_first_line(para)
    if abs(start - target) > _TOL or para.props.jc in ("center", "right"):
        yield Deviation("左空二字", chars(start), para, "附注应居左空二字", spec.NOTE_INDENT)
    dates = ctx.elements(Kind.DATE)
    if dates and blank_lines(ctx, dates[0], para) > _LINE_TOL:
        yield Deviation("成文日期下一行", f"空 {blank_lines(ctx, dates[0], para):.1f} 行", para,
                        "附注应编排在成文日期下一行")


@rule("B18", "附件页", spec.ATTACHMENT_LABEL_LINE,
      "附件另面编排；“附件”及序号用3号黑体字顶格编排在第一行，附件标题居中编排在第三行")
def attachment_pages(ctx: Context) -> Iterator[Deviation]:
    labels = ctx.elements(Kind.ATTACHMENT_LABEL)
    if not labels:
        raise NotApplicable
    titles = {e.attachment: e.para for e in ctx.layout.elements if e.kind is Kind.ATTACHMENT_TITLE}
    for n, label in enumerate(labels, 1):
        if not grammar.STANDARD_ATTACHMENT_LABEL.fullmatch(label.stripped):
            yield Deviation("附件" + (str(n) if len(labels) > 1 else ""), label.stripped, label,
                            "附件标识为“附件”及序号，不加标点")
        yield from check_font(label, spec.FONT_HEITI.value, spec.ATTACHMENT_LABEL_FONT, "附件标识")
        if abs(start_of_first_line(label)) > _TOL or label.props.jc in ("center", "right"):
            yield Deviation("顶格", chars(start_of_first_line(label)), label, "附件标识应顶格编排")
        title = titles.get(n)
        if title is None:
            continue
        if title.props.jc != "center":
            yield Deviation("居中", title.props.jc, title, "附件标题应居中编排",
                            spec.ATTACHMENT_TITLE_LINE)
        gap = blank_lines(ctx, label, title)
        wanted = spec.ATTACHMENT_TITLE_LINE.value - spec.ATTACHMENT_LABEL_LINE.value - 1
        if abs(gap - wanted) > _LINE_TOL:
            yield Deviation("第三行（附件标识下空一行）", f"空 {gap:.1f} 行", title,
                            "附件标题应编排在版心第三行", spec.ATTACHMENT_TITLE_LINE)


@rule("B19", "附件与附件说明一致", spec.ATTACHMENT_MATCHES_NOTE, "附件的序号和名称应与附件说明一致", "T")
def attachments_match(ctx: Context) -> Iterator[Deviation]:
    labels = ctx.elements(Kind.ATTACHMENT_LABEL)
    items = _items(ctx)
    if not labels or not items:
        raise NotApplicable
    titles = {e.attachment: e.para for e in ctx.layout.elements if e.kind is Kind.ATTACHMENT_TITLE}
    names = {(number or "1"): name for _p, number, name in items}
    for n, label in enumerate(labels, 1):
        m = re.search(r"(\d+)", label.stripped)
        number = m.group(1) if m else "1"
        if len(items) > 1 and not m:
            yield Deviation("附件及序号", label.stripped, label, "有多个附件时附件标识应标序号")
            continue
        if number not in names:
            yield Deviation("附件说明中的序号：" + "、".join(names), label.stripped, label,
                            "附件序号在附件说明中没有")
            continue
        title = titles.get(n)
        if title is not None and _norm(title.stripped) != _norm(names[number]):
            yield Deviation(names[number], title.stripped, title, "附件标题与附件说明中的名称不一致")


def _norm(text: str) -> str:
    """Names compared without spaces and without end punctuation (B9 reports that)."""
    return re.sub(r"\s+", "", text).rstrip(_END_PUNCT)

"""版头 (7.2): 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govdoc import grammar, spec
from govdoc.checker.elements import Kind, is_red
from govdoc.checker.resolve import Paragraph
from govdoc.checker.rules.base import (Context, Deviation, NotApplicable, check_font, check_size,
                                     chars, rule, start_of_first_line)

_TOL = spec.INDENT_TOLERANCE.value


def _flush_left(para: Paragraph) -> Iterator[Deviation]:
    start = start_of_first_line(para)
    if abs(start) > _TOL or para.props.jc in ("center", "right"):
        where = "居中" if para.props.jc == "center" else ("居右" if para.props.jc == "right"
                                                         else f"缩进 {chars(start)}")
        yield Deviation("顶格", where, para, "应顶格编排")


def _one(ctx: Context, kind: Kind) -> Paragraph:
    found = ctx.elements(kind)
    if not found:
        raise NotApplicable
    return found[0]


@rule("H1", "份号", spec.COPY_NUMBER_DIGITS, "份号用6位3号阿拉伯数字，顶格编排在版心左上角第一行", "T")
def copy_number(ctx: Context) -> Iterator[Deviation]:
    para = _one(ctx, Kind.COPY_NUMBER)
    digits = spec.COPY_NUMBER_DIGITS.value
    if grammar.copy_number(para.stripped) != para.stripped:
        yield Deviation(f"{digits}位阿拉伯数字，如 000001", para.stripped, para)
    yield from _flush_left(para)
    sizes = {r.props.size for r in para.runs if r.text.strip()}
    if sizes != {spec.HEADER_FIELD_SIZE.value}:
        yield Deviation("三号", "、".join(f"{s:g} pt" for s in sorted(sizes)), para,
                        "份号用3号字", spec.HEADER_FIELD_SIZE)


def _field(ctx: Context, kind: Kind, allowed: re.Pattern[str], form: str, what: str
           ) -> Iterator[Deviation]:
    para = _one(ctx, kind)
    if not allowed.fullmatch(para.stripped):
        yield Deviation(form, para.stripped, para, f"{what}的写法不对")
    yield from _flush_left(para)
    yield from check_font(para, spec.FONT_HEITI.value, spec.HEADER_FIELD_FONT, what)
    yield from check_size(para, spec.HEADER_FIELD_SIZE.value, spec.HEADER_FIELD_SIZE, what)


@rule("H2", "密级和保密期限", spec.SECRECY_LEVELS, "密级和保密期限用3号黑体字，顶格编排，如“秘密★1年”", "T")
def secrecy(ctx: Context) -> Iterator[Deviation]:
    yield from _field(ctx, Kind.SECRECY, grammar.STANDARD_SECRECY, "绝密、机密或秘密，可加★和保密期限",
                      "密级和保密期限")


@rule("H3", "紧急程度", spec.URGENCY_LEVELS, "紧急程度为“特急”或“加急”，用3号黑体字顶格编排", "T")
def urgency(ctx: Context) -> Iterator[Deviation]:
    yield from _field(ctx, Kind.URGENCY, re.compile("|".join(spec.URGENCY_LEVELS.value)), "特急或加急",
                      "紧急程度")


@rule("H4", "发文机关标志", spec.MARK_COLOR_RED, "发文机关标志居中排布，红色，推荐使用小标宋体字")
def mark(ctx: Context) -> Iterator[Deviation]:
    paras = ctx.elements(Kind.MARK)
    if not paras:
        raise NotApplicable
    for para in paras:
        colours = {r.props.color for r in para.runs if r.text.strip()}
        if not all(is_red(c) for c in colours):
            yield Deviation("红色", "、".join(sorted(c or "自动（黑色）" for c in colours)), para,
                            "发文机关标志应为红色")
        if not para.in_table and para.props.jc not in ("center", "distribute"):
            yield Deviation("居中", para.props.jc, para, "发文机关标志应居中排布", spec.MARK_CENTRED)
        yield from check_font(para, spec.FONT_XIAOBIAOSONG.value, spec.MARK_FONT, "发文机关标志")


def _number_text(para: Paragraph) -> str:
    """The 发文字号 in its paragraph (which may also hold the 签发人)."""
    text = para.stripped
    label = grammar.signers_label(text)
    if label is not None:
        text = text[:label.start()]
    for token in grammar.names(text):
        if grammar.doc_number_in(token):
            return token
    return text.strip(" \t\u3000")


@rule("H6", "发文字号格式", spec.DOC_NUMBER_FORM,
      "发文字号：年份标全称，用六角括号〔〕；序号不加“第”字，不编虚位，后加“号”", "T")
def doc_number(ctx: Context) -> Iterator[Deviation]:
    para = _one(ctx, Kind.DOC_NUMBER)
    number = _number_text(para)
    if grammar.order_number(number):
        return  # 令号 (10.2), or a 公告's 第12号
    problems = grammar.number_problems(number)
    if not problems:
        return
    message = "发文字号" + "、".join(m.split(":")[0] for _, m in problems)
    yield Deviation("机关代字〔年份〕序号号，如 国办发〔2024〕5号", number, para, message)


@rule("H7", "发文字号位置", spec.DOC_NUMBER_CENTRED,
      "发文字号居中排布；上行文发文字号居左空一字，与最后一个签发人姓名处在同一行")
def doc_number_place(ctx: Context) -> Iterator[Deviation]:
    para = _one(ctx, Kind.DOC_NUMBER)
    if ctx.layout.format == "letter":
        # 信函: the 发文字号 flush with the block's right edge (10.1).
        block = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
        right_tab = any(kind == "right" and pos >= block - _TOL for kind, pos in para.props.tabs)
        if not (para.props.jc == "right" or ("\t" in para.text and right_tab)):
            yield Deviation("顶格居版心右边缘", para.props.jc, para, "信函的发文字号应居版心右边缘",
                            spec.LETTER_NUMBER_RIGHT)
        return
    if "签发人" not in para.text and not ctx.elements(Kind.SIGNER):
        if para.props.jc != "center":
            yield Deviation("居中", para.props.jc, para)
        return
    # With 签发人: the number starts one character in from the left.
    start = start_of_first_line(para)
    text = para.text
    lead = len(text) - len(text.lstrip("\t \u3000"))
    if text[:lead].startswith("\t"):
        stops = [pos for kind, pos in para.props.tabs if kind != "clear" and pos > start]
        start = stops[0] if stops else start + 2 * spec.CHAR_TW
    else:
        start += text[:lead].count("\u3000") * spec.CHAR_TW
    target = spec.NUMBER_SIDE_INDENT.value * spec.CHAR_TW
    if para.props.jc == "center" or abs(start - target) > _TOL:
        yield Deviation("居左空一字", "居中" if para.props.jc == "center" else chars(start), para,
                        "上行文的发文字号应居左空一字", spec.NUMBER_SIDE_INDENT)


@rule("H9", "签发人", spec.SIGNER_LABEL, "签发人：“签发人”三字用3号仿宋，加全角冒号，姓名用3号楷体", "T")
def signer(ctx: Context) -> Iterator[Deviation]:
    paras = ctx.elements(Kind.SIGNER, Kind.DOC_NUMBER)
    if not any("签发人" in p.text for p in paras):
        raise NotApplicable
    first = next(p for p in paras if "签发人" in p.text)
    text = first.text
    at = text.index("签发人")
    if not text[at:].startswith("签发人："):
        yield Deviation("签发人：", text[at:at + 4], first, "“签发人”后应加全角冒号")
    yield from check_font(first, spec.FONT_FANGSONG.value, spec.SIGNER_FONTS, "“签发人”三字",
                          at, at + 3)
    for para in paras:
        if "签发人" in para.text:
            begin = para.text.index("签发人") + 4
        elif grammar.doc_number_in(para.text):
            begin = grammar.doc_number_in(para.text).end()  # type: ignore[union-attr]
        else:
            begin = 0
        yield from check_font(para, spec.FONT_KAITI.value, spec.SIGNER_FONTS, "签发人姓名", begin)

"""版记 (7.4): 抄送, 主送 moved to the 版记, 印发机关和印发日期, the rules."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from govdoc import grammar, spec
from govdoc.checker.elements import Kind
from govdoc.checker.resolve import NS, Border, Paragraph, border, w
from govdoc.checker.rules.base import (Context, Deviation, NotApplicable, check_font, check_size,
                                     chars, rule, start_of_first_line)
from govdoc.grammar import date_problem, printed as read_printed
from govdoc.text.metrics import text_width_pt

_TOL = spec.INDENT_TOLERANCE.value
_SIDE = spec.IMPRINT_SIDE_INDENT.value * spec.pt_to_twips(spec.IMPRINT_SIZE.value)
_BLOCK = spec.mm_to_twips(spec.BLOCK_WIDTH.value)


def _table(para: Paragraph) -> etree._Element | None:
    el = para.element.getparent()
    while el is not None and etree.QName(el).localname != "tbl":
        el = el.getparent()
    return el


def cell_margin(ctx: Context, para: Paragraph) -> int:
    """The left cell margin (twips) of the table cell holding ``para``; 0 outside tables."""
    table = _table(para)
    if table is None:
        return 0
    for tblpr in [table.find("w:tblPr", NS)] + [
            s.find("w:tblPr", NS) for s in reversed(ctx.doc.styles.chain(
                ctx.doc.table_styles[para.table] if para.table is not None else None))]:
        if tblpr is None:
            continue
        mar = tblpr.find("w:tblCellMar", NS)
        if mar is not None:
            for side in ("left", "start"):
                el = mar.find(f"w:{side}", NS)
                if el is not None and el.get(w("w")) is not None:
                    return int(el.get(w("w")))  # type: ignore[arg-type]
    return 108  # Word's default cell margin


def _listings(ctx: Context, label: str) -> list[Paragraph]:
    found = [(p, grammar.imprint_listing(p.stripped)) for p in ctx.elements(Kind.IMPRINT_LISTING)]
    return [p for p, listing in found if listing is not None and listing.label == label]


def _font_size(para: Paragraph, what: str) -> Iterator[Deviation]:
    yield from check_size(para, spec.IMPRINT_SIZE.value, spec.IMPRINT_SIZE, what)
    yield from check_font(para, spec.FONT_FANGSONG.value, spec.IMPRINT_SIZE, what)


def _sides(ctx: Context, para: Paragraph, what: str) -> Iterator[Deviation]:
    start = start_of_first_line(para) + cell_margin(ctx, para)
    if abs(start - _SIDE) > _TOL or para.props.jc in ("center", "right"):
        yield Deviation("左空一字（四号）", chars(start, spec.IMPRINT_SIZE.value), para,
                        f"{what}应左空一字", spec.IMPRINT_SIDE_INDENT)


def _listing(ctx: Context, para: Paragraph, label: str) -> Iterator[Deviation]:
    text = para.stripped
    if not text.startswith(label + "："):
        yield Deviation(label + "：", text[:3], para, f"“{label}”后应标全角冒号")
    if not text.endswith("。"):
        yield Deviation("最后一个机关名称后标句号", text[-1], para, f"{label}机关后应标句号")
    yield from _font_size(para, label)
    yield from _sides(ctx, para, label)
    right = para.props.right
    if abs(right - _SIDE) > _TOL:
        yield Deviation("右空一字（四号）", chars(right, spec.IMPRINT_SIZE.value), para,
                        f"{label}应右空一字", spec.IMPRINT_SIDE_INDENT)
    # Wrapped lines align with the first name after the colon.
    label_tw = text_width_pt(label + "：", size=spec.IMPRINT_SIZE.value, squeeze=0.0) * spec.TWIPS_PER_PT
    room = _BLOCK - 2 * _SIDE
    if text_width_pt(text, size=spec.IMPRINT_SIZE.value, squeeze=0.0) * spec.TWIPS_PER_PT > room:
        hang = para.props.left + cell_margin(ctx, para) - _SIDE
        if abs(hang - label_tw) > _TOL:
            yield Deviation("回行与冒号后首字对齐", f"回行缩进 {chars(hang, spec.IMPRINT_SIZE.value)}",
                            para, f"{label}回行时应与冒号后的首字对齐", spec.IMPRINT_WRAP_ALIGN)


@rule("V1", "抄送机关", spec.IMPRINT_LISTING_STOP,
      "抄送机关用4号仿宋体字，左右各空一字，“抄送”后标全角冒号，最后一个名称后标句号")
def copies(ctx: Context) -> Iterator[Deviation]:
    paras = _listings(ctx, "抄送")
    if not paras:
        raise NotApplicable
    for para in paras:
        yield from _listing(ctx, para, "抄送")


@rule("V2", "版记中的主送", spec.RECIPIENTS_COLON,
      "主送机关移至版记时，编排在抄送机关上一行，格式同抄送机关")
def recipients(ctx: Context) -> Iterator[Deviation]:
    paras = _listings(ctx, "主送")
    if not paras:
        raise NotApplicable
    for para in paras:
        yield from _listing(ctx, para, "主送")
    cc = _listings(ctx, "抄送")
    if cc and cc[0].index < paras[0].index:
        yield Deviation("在抄送机关上一行", "在抄送机关之下", paras[0], "版记中的主送应在抄送之上")


@rule("V3", "印发机关和印发日期", spec.IMPRINT_PRINTED_FORM,
      "印发机关左空一字，印发日期右空一字，用阿拉伯数字标全年月日，后加“印发”")
def printed(ctx: Context) -> Iterator[Deviation]:
    paras = ctx.elements(Kind.IMPRINT_PRINTED)
    if not paras:
        raise NotApplicable
    para = paras[0]
    text = para.text.strip(" \u3000\n")
    found = read_printed(text)
    if found is None or not found.printer or text[len(found.printer):][:1] not in " \t\u3000":
        yield Deviation("印发机关　印发日期印发", para.stripped, para, "印发机关和印发日期应分列两端")
    else:
        problem = date_problem(found.date_text)
        if problem:
            yield Deviation("如 2024年1月18日印发", found.date_text + "印发", para, "印发日期" + problem)
    yield from _font_size(para, "印发机关和印发日期")
    yield from _sides(ctx, para, "印发机关")
    target = _BLOCK - _SIDE
    margin = cell_margin(ctx, para)
    right_tabs = [pos + margin for kind, pos in para.props.tabs if kind == "right"]
    ok = any(abs(pos - target) <= _TOL for pos in right_tabs)
    if not ok and "\t" not in para.text:
        ok = para.props.jc in ("both", "distribute") and abs(para.props.right - _SIDE) <= _TOL
    if not ok:
        found = ", ".join(chars(_BLOCK - p, spec.IMPRINT_SIZE.value) for p in right_tabs) or "无右对齐制表位"
        yield Deviation("印发日期右空一字（四号）", found, para, "印发日期应右空一字",
                        spec.IMPRINT_SIDE_INDENT)


def imprint_rules(ctx: Context) -> list[tuple[str, Border]]:
    """The 版记's horizontal rules, top to bottom, as borders: ("outer"|"inner", border)."""
    paras = ctx.elements(Kind.IMPRINT_LISTING, Kind.IMPRINT_PRINTED)
    if not paras:
        return []
    table = _table(paras[0])
    if table is not None:
        bdr = table.find("w:tblPr/w:tblBorders", NS)
        found: dict[str, Border] = {}
        if bdr is not None:
            for side in bdr:
                found[etree.QName(side).localname] = border(side)
        rows = len(table.findall("w:tr", NS))
        out = []
        if "top" in found:
            out.append(("outer", found["top"]))
        if rows > 1 and "insideH" in found:
            out += [("inner", found["insideH"])] * (rows - 1)
        if "bottom" in found:
            out.append(("outer", found["bottom"]))
        return [(k, b) for k, b in out if b.val not in ("nil", "none")]
    # Paragraph borders: each paragraph's top and bottom, and the bottom of the one above.
    rules: list[Border] = []
    all_paras = ctx.doc.paragraphs
    first = paras[0]
    above = all_paras[first.index - 2] if first.index >= 2 else None
    if above is not None and not above.stripped and "bottom" in above.props.borders:
        rules.append(above.props.borders["bottom"])
    for para in paras:
        for side in ("top", "bottom"):
            if side in para.props.borders:
                rules.append(para.props.borders[side])
    return [("outer" if i in (0, len(rules) - 1) else "inner", b) for i, b in enumerate(rules)]


@rule("V4", "版记分隔线", spec.IMPRINT_OUTER_RULE,
      "版记首条和末条分隔线用粗线（推荐0.35 mm），中间的分隔线用细线（推荐0.25 mm）")
def rules_weights(ctx: Context) -> Iterator[Deviation]:
    if ctx.layout.format == "letter":
        raise NotApplicable  # a 信函's 版记 has no rules (10.1)
    found = imprint_rules(ctx)
    if len(found) < 2:
        raise NotApplicable
    tol = spec.RULE_THICKNESS_TOLERANCE.value
    paras = ctx.elements(Kind.IMPRINT_LISTING, Kind.IMPRINT_PRINTED)
    outer = [b.width_pt for k, b in found if k == "outer"]
    inner = [b.width_pt for k, b in found if k == "inner"]
    if inner and min(outer) <= max(inner):
        yield Deviation("首末条粗于中间", "粗细相同" if min(outer) == max(inner) else "中间线更粗",
                        paras[0], "版记首末分隔线应粗于中间分隔线")
    for kind, b in found:
        wanted = (spec.IMPRINT_OUTER_RULE if kind == "outer" else spec.IMPRINT_INNER_RULE)
        got = spec.pt_to_mm(b.width_pt)
        if abs(got - wanted.value) > tol:
            yield Deviation(f"{'粗线' if kind == 'outer' else '细线'} {wanted.value} mm",
                            f"{got:.2f} mm", paras[0],
                            f"版记{'首末' if kind == 'outer' else '中间'}分隔线应为"
                            f"{'粗线' if kind == 'outer' else '细线'}", wanted)

"""Geometry rules (type G): measured on the PDF LibreOffice renders.

They run only with ``render=True``. Without a rendering every one of them reports
"not measured", never a pass. Where LibreOffice lays out differently from Word they
allow for it the way the rendered tests do: line-end punctuation may hang past the
right edge (LibreOffice reads ``w:overflowPunct`` inverted), widths of text mixing
Chinese and digits are taken from the glyph advances (LibreOffice adds space between
them), and a ``linesAndChars`` character grid is not measured at all (LibreOffice puts
two grid cells under every character).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from statistics import median

from govdoc import spec
from govdoc.checker.elements import Kind
from govdoc.checker.geometry import Line, Page, Rendering, Stroke
from govdoc.checker.resolve import Paragraph
from govdoc.checker.rules.base import Context, Deviation, NotApplicable, NotMeasured, rule

LEFT = spec.MARGIN_LEFT.value
RIGHT = LEFT + spec.BLOCK_WIDTH.value
TOP = spec.MARGIN_TOP.value
BOTTOM = TOP + spec.BLOCK_HEIGHT.value
CH3 = spec.pt_to_mm(spec.BODY_SIZE.value)
CH4 = spec.pt_to_mm(spec.PAGE_NUMBER_SIZE.value)
PITCH = spec.pt_to_mm(spec.LINE_PITCH.value)
TOL = spec.GEOMETRY_TOLERANCE.value
PUNCT = set("，。、；：？！）》”’…—")
# How LibreOffice sets lines (measured on govdoc's pages, see tests/test_rendered_*.py):
TITLE_BASELINE_IN_LINE = 0.82  # a 2号 line's baseline lies 0.82 of the pitch below its top
BODY_BASELINE_IN_LINE = 0.73  # a 3号 line's baseline lies 0.73 of the pitch below its top
CJK_INK_ASCENT_EM = 0.88  # a CJK glyph's ink rises at most 0.88 em above its baseline
# What counts as a rule in the PDF: a horizontal stroke this long (mm); a 版记 rule is
# as long as the block.
LONG_RULE_MM = 100.0
IMPRINT_RULE_MM = 150.0
A4_TOLERANCE_MM = 2.0
NO_LINE_START = set("，。、；：？！）》”’")
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(\d+)[-—–－\s]*$")


def rendering(ctx: Context) -> Rendering:
    """The rendering, when the rules can measure it: pages must be A4, since every
    position is measured in the standard's A4 frame."""
    if ctx.rendering is None:
        raise NotMeasured(ctx.render_problem or "the document was not rendered")
    for page in ctx.rendering.pages:
        w, h = sorted((page.width, page.height))
        if abs(w - spec.PAGE_WIDTH.value) > A4_TOLERANCE_MM or \
                abs(h - spec.PAGE_HEIGHT.value) > A4_TOLERANCE_MM:
            raise NotMeasured(f"page {page.number} is {page.width:.0f} × {page.height:.0f} mm, "
                              "not A4; positions are measured on A4 (P1 reports the paper)")
    return ctx.rendering


def norm(text: str) -> str:
    return re.sub(r"[\s\u3000\u00a0]+", "", text)


def portrait(page: Page) -> bool:
    return page.height > page.width


def page_number_line(page: Page) -> Line | None:
    below = [ln for ln in page.lines if ln.baseline > BOTTOM and _PAGE_NUMBER.match(ln.text)]
    return below[-1] if below else None


def text_lines(page: Page) -> list[Line]:
    """Lines other than the page number."""
    number = page_number_line(page)
    return [ln for ln in page.lines if ln is not number]


def block_lines(page: Page) -> list[Line]:
    """Lines inside the text block."""
    return [ln for ln in text_lines(page) if ln.baseline < BOTTOM + TOL]


def where(page: Page, line: Line) -> str:
    """``第5行 “text…”``: the line's number on its page, counted from the top (the page
    number not counted), and its first characters."""
    number = next((n for n, ln in enumerate(text_lines(page), 1) if ln is line), 0)
    text = line.text.strip()
    return f"第{number}行 “{text[:12]}{'…' if len(text) > 12 else ''}”"


def find(r: Rendering, para: Paragraph, pages: list[Page] | None = None, last: bool = False
         ) -> Line | None:
    """The first rendered line of ``para`` (matched by text), or None."""
    want = norm(para.text)
    if not want:
        return None
    size = max((run.props.size for run in para.runs if run.text.strip()), default=0.0)
    candidates = []
    for page in pages or r.pages:
        for line in text_lines(page):
            got = norm(line.text)
            if got and (want.startswith(got) or got.startswith(want)) and len(got) >= min(
                    len(want), 2) and (not size or abs(line.size - size) <= 1.0):
                candidates.append(line)
    if not candidates:
        return None
    return candidates[-1] if last else candidates[0]


def word_width(line: Line) -> float:
    """The line's width as Word sets it: the glyph advances with the grid's squeeze,
    without the space LibreOffice adds between Chinese and digits."""
    squeeze = spec.pt_to_mm(spec.CHAR_SQUEEZE.value) if line.size == spec.BODY_SIZE.value else 0.0
    return sum((g.x1 - g.x0) + squeeze for g in line.glyphs)


def _page_of(r: Rendering, line: Line) -> Page:
    return r.pages[line.page - 1]


# -- Page and grid -----------------------------------------------------------------------


@rule("P8", "每面22行（实测）", spec.LINES_PER_PAGE, "排满正文的页面应有22行", "G")
def measured_lines(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    measured = 0
    for page in r.pages[:-1]:
        lines = block_lines(page)
        if not portrait(page) or len(lines) < 3 or page.rules and any(
                rl.length > 20 and TOP < rl.y < BOTTOM for rl in page.rules):
            continue  # tables, rules, landscape pages: not a page of running text
        if any(ln.size > spec.BODY_SIZE.value + 0.5 for ln in lines):
            continue
        gaps = [b.baseline - a.baseline for a, b in zip(lines, lines[1:])]
        pitch = median(gaps)
        # Grid lines the text spans, blank lines (e.g. before the 署名) included.
        slots = round((lines[-1].baseline - lines[0].baseline) / pitch) + 1
        first_slot = round((lines[0].baseline - TOP) / pitch - BODY_BASELINE_IN_LINE)
        slots += max(0, first_slot)
        if slots < spec.LINES_PER_PAGE.value and BOTTOM - lines[-1].baseline >= pitch * 0.9:
            continue  # ended early (a kept block or a page break): not full
        measured += 1
        if slots != spec.LINES_PER_PAGE.value:
            yield Deviation(f"{spec.LINES_PER_PAGE.value} 行", f"{slots} 行（行距 "
                            f"{pitch * spec.PT_PER_INCH / spec.MM_PER_INCH:.2f} pt）", page=page.number,
                            excerpt="")
    if not measured:
        raise NotApplicable


@rule("P9", "每行28字（实测）", spec.CHARS_PER_LINE, "排满的正文行应有28个字", "G")
def measured_chars(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    if any(s.grid_type in ("linesAndChars", "snapToChars") for s in ctx.doc.sections):
        raise NotMeasured("LibreOffice lays a linesAndChars character grid out differently "
                          "from Word (two cells per character); the static rule P7 applies")
    counted = 0
    wrong: dict[int, tuple[Line, int]] = {}
    for page in r.pages:
        lines = block_lines(page)
        for line, nxt in zip(lines, lines[1:]):
            if not (abs(line.x0 - LEFT) < 0.5 and abs(nxt.x0 - LEFT) < 0.5
                    and line.x1 > RIGHT - 2 * CH3 and line.size == spec.BODY_SIZE.value and all(_wide(g.text) for g in line.glyphs)
                    and nxt.baseline - line.baseline < 2 * PITCH):
                continue
            inside = [g for g in line.glyphs if g.x1 <= RIGHT + 0.5]
            if len(inside) == spec.CHARS_PER_LINE.value - 1 and (
                    nxt.text[:1] in NO_LINE_START or nxt.text[1:2] in NO_LINE_START):
                continue  # 避头尾 pulled a character down
            counted += 1
            if len(inside) != spec.CHARS_PER_LINE.value:
                wrong.setdefault(page.number, (line, len(inside)))
    if not counted:
        raise NotApplicable
    for number, (line, n) in sorted(wrong.items()):
        yield Deviation(f"{spec.CHARS_PER_LINE.value} 字", f"{n} 字", page=number,
                        excerpt=where(r.pages[number - 1], line))


def _red(colour: tuple[float, ...]) -> bool:
    return len(colour) == 3 and colour[0] > 0.75 and colour[1] < 0.25 and colour[2] < 0.25


def _wide(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…"


@rule("P10", "文字在版心内（实测）", spec.BLOCK_WIDTH, "除页码外，文字都应排在版心（156 mm × 225 mm）之内", "G")
def inside_block(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    for page in r.pages:
        if not portrait(page):
            continue
        for line in text_lines(page):
            if ctx.layout.format == "letter" and page.number == 1 and all(
                    g.color is not None and _red(g.color) for g in line.glyphs):
                continue  # a 信函's red 标志 stands in the first page's header (10.1)
            body = [g for g in line.glyphs if g.text not in PUNCT and not g.text.isspace()]
            out = []
            if line.x0 < LEFT - TOL:
                out.append(f"左边 {line.x0:.1f} mm")
            if body and body[-1].x1 > RIGHT + TOL:
                out.append(f"右边 {body[-1].x1:.1f} mm")
            elif line.glyphs[-1].x1 > RIGHT + CH3 + TOL:  # hanging punctuation (LibreOffice)
                out.append(f"右边 {line.glyphs[-1].x1:.1f} mm")
            if line.baseline - spec.pt_to_mm(line.size) * CJK_INK_ASCENT_EM < TOP - TOL:
                out.append(f"上边 {line.top:.1f} mm")
            if line.baseline > BOTTOM + TOL:
                out.append(f"下边 {line.baseline:.1f} mm")
            if out:
                yield Deviation(f"版心内：{LEFT:g}–{RIGHT:g} mm × {TOP:g}–{BOTTOM:g} mm",
                                "、".join(out), page=page.number, excerpt=where(page, line))
                break  # one finding per page


# -- 版头 ----------------------------------------------------------------------------------


def _mark_line(ctx: Context, r: Rendering) -> Line:
    marks = ctx.elements(Kind.MARK)
    if not marks:
        raise NotApplicable
    page = r.pages[0]
    lines = [ln for ln in text_lines(page) if ln.size > spec.TITLE_SIZE.value]
    if not lines:
        raise NotMeasured("the 标志 was not found on page 1")
    return lines[0]


@rule("H5", "标志位置（实测）", spec.MARK_TOP_BELOW_BLOCK, "发文机关标志上边缘至版心上边缘为35 mm", "G")
def mark_top(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    line = _mark_line(ctx, r)
    page = r.pages[0]
    box = r.ink(page, LEFT - 2, line.top - 2, RIGHT + 2, line.baseline + 2)
    if box is None:
        raise NotMeasured("no ink found for the 标志")
    below = (spec.ORDER_MARK_TOP_BELOW_BLOCK if ctx.layout.format == "order"
             else spec.MARK_TOP_BELOW_BLOCK)
    wanted = TOP + below.value
    if abs(box[1] - wanted) > TOL:
        yield Deviation(f"上边缘距版心上边缘 {below.value:g} mm（距页面上边 {wanted:g} mm）",
                        f"{box[1] - TOP:.1f} mm", ctx.elements(Kind.MARK)[0], page=1, basis=below)


def _number_ink(ctx: Context, r: Rendering) -> tuple[Line, float]:
    numbers = ctx.elements(Kind.DOC_NUMBER)
    if not numbers:
        raise NotApplicable
    from govdoc.checker.elements import DOC_NUMBER

    page = r.pages[0]
    m = DOC_NUMBER.search(numbers[0].text)
    line = next((ln for ln in text_lines(page) if m and norm(m.group(0))[:4] in norm(ln.text)), None)
    if line is None:
        raise NotMeasured("the 发文字号 was not found on page 1")
    box = r.ink(page, LEFT - 1, line.top - 1, RIGHT + 1, line.baseline + 2)
    if box is None:
        raise NotMeasured("no ink found for the 发文字号")
    return line, box[3]


@rule("H10", "版头分隔线（实测）", spec.RULE_BELOW_NUMBER,
      "发文字号之下4 mm处居中印一条与版心等宽的红色分隔线", "G")
def red_rule(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    if ctx.layout.format in ("order", "letter"):
        raise NotApplicable  # no 版头 rule: 命令 (10.2); 信函 has its double rules (10.1)
    _line, ink_bottom = _number_ink(ctx, r)
    para = ctx.elements(Kind.DOC_NUMBER)[0]
    reds = [rl for rl in r.pages[0].rules if rl.red and rl.length > LONG_RULE_MM
            and rl.y > ink_bottom - 1]
    if not reds:
        yield Deviation("红色分隔线", "无", para, page=1)
        return
    rl = reds[0]
    tol = spec.RULE_TOLERANCE.value
    gap = rl.y - ink_bottom
    if abs(gap - spec.RULE_BELOW_NUMBER.value) > tol:
        yield Deviation(f"发文字号下 {spec.RULE_BELOW_NUMBER.value:g} mm", f"{gap:.1f} mm", para, page=1)
    if abs(rl.x0 - LEFT) > tol or abs(rl.x1 - RIGHT) > tol:
        yield Deviation(f"与版心等宽 {LEFT:g}–{RIGHT:g} mm", f"{rl.x0:.1f}–{rl.x1:.1f} mm", para,
                        "分隔线应与版心等宽", page=1)


@rule("H11", "首页显示正文（实测）", spec.FIRST_PAGE_BODY, "公文首页必须显示正文", "G")
def first_page_body(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    body = [e.para for e in ctx.layout.elements
            if e.kind in (Kind.BODY, Kind.HEADING) and e.attachment == 0]
    if not body:
        raise NotApplicable
    if find(r, body[0], r.pages[:1]) is None:
        yield Deviation("第1页有正文", "正文从第2页开始", body[0], page=1)


@rule("B2", "标题位置（实测）", spec.RULE_LINES_TO_TITLE, "标题编排于红色分隔线下空二行位置", "G")
def title_place(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    titles = ctx.elements(Kind.TITLE)
    if not titles or not ctx.elements(Kind.DOC_NUMBER) or ctx.layout.format in ("order", "letter"):
        raise NotApplicable
    reds = [rl for rl in r.pages[0].rules if rl.red and rl.length > LONG_RULE_MM]
    line = find(r, titles[0], r.pages[:1])
    if not reds or line is None:
        raise NotMeasured("the red rule or the title was not found on page 1")
    top = line.baseline - TITLE_BASELINE_IN_LINE * PITCH
    wanted = reds[0].y + spec.RULE_LINES_TO_TITLE.value * PITCH
    if abs(top - wanted) > spec.TITLE_GAP_TOLERANCE.value:
        yield Deviation("红色分隔线下空二行", f"分隔线下 {(top - reds[0].y) / PITCH:.1f} 行",
                        titles[0], page=1)


# -- Signature ----------------------------------------------------------------------------


def _signature(ctx: Context, r: Rendering) -> tuple[Page, Line, Line]:
    sigs, dates = ctx.elements(Kind.SIGNATURE), ctx.elements(Kind.DATE)
    if not sigs or not dates:
        raise NotApplicable
    date = find(r, dates[0], last=True)
    if date is None:
        raise NotMeasured("the 成文日期 was not found in the rendering")
    page = _page_of(r, date)
    lines = text_lines(page)
    above = [ln for ln in lines if ln.baseline < date.baseline]
    sig = next((ln for ln in reversed(above) if norm(ln.text) == norm(sigs[0].text)), None)
    if sig is None:
        raise NotMeasured("the 署名 was not found above the date")
    return page, sig, date


@rule("B12G", "加盖印章的署名和日期（实测）", spec.SEALED_DATE_RIGHT_INDENT,
      "成文日期右空四字，发文机关署名以成文日期为准居中", "G")
def sealed_geometry(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    if ctx.layout.sealed is not True or ctx.layout.format == "order":
        raise NotApplicable  # a 命令 is signed with a 签名章 (7.3.5.3)
    page, sig, date = _signature(ctx, r)
    para = ctx.elements(Kind.DATE)[0]
    wanted = RIGHT - spec.SEALED_DATE_RIGHT_INDENT.value * CH3
    if abs(date.x1 - wanted) > TOL:
        yield Deviation(f"日期右端 {wanted:.1f} mm（右空四字）", f"{date.x1:.1f} mm", para,
                        page=page.number)
    centre = date.x1 - word_width(date) / 2
    if not ctx.layout.joint and abs(sig.centre - centre) > TOL:
        yield Deviation("署名以成文日期为准居中", f"偏离 {sig.centre - centre:+.1f} mm",
                        ctx.elements(Kind.SIGNATURE)[0], basis=spec.SEALED_SIGNATURE_CENTRED,
                        page=page.number)


@rule("B13G", "不加盖印章的署名和日期（实测）", spec.UNSEALED_SIGNATURE_RIGHT_INDENT,
      "署名右空二字，成文日期首字比署名首字右移二字", "G")
def unsealed_geometry(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    if ctx.layout.sealed is not False or ctx.layout.joint:
        raise NotApplicable  # 联合行文: the 署名 stacked (B13 checks the blank line)
    page, sig, date = _signature(ctx, r)
    date_left = date.x1 - word_width(date)
    if word_width(date) <= sig.x1 - sig.x0 + TOL:
        wanted = RIGHT - spec.UNSEALED_SIGNATURE_RIGHT_INDENT.value * CH3
        if abs(sig.x1 - wanted) > TOL:
            yield Deviation(f"署名右端 {wanted:.1f} mm（右空二字）", f"{sig.x1:.1f} mm",
                            ctx.elements(Kind.SIGNATURE)[0], page=page.number)
    else:
        wanted = RIGHT - spec.UNSEALED_DATE_RIGHT_INDENT.value * CH3
        if abs(date.x1 - wanted) > TOL:
            yield Deviation(f"日期右端 {wanted:.1f} mm（右空二字）", f"{date.x1:.1f} mm",
                            ctx.elements(Kind.DATE)[0], basis=spec.UNSEALED_DATE_RIGHT_INDENT,
                            page=page.number)
    offset = spec.UNSEALED_DATE_OFFSET.value * CH3
    if abs(date_left - (sig.x0 + offset)) > TOL:
        yield Deviation("日期首字比署名首字右移二字", f"右移 {(date_left - sig.x0) / CH3:.1f} 字",
                        ctx.elements(Kind.DATE)[0], basis=spec.UNSEALED_DATE_OFFSET, page=page.number)


@rule("B15", "署名不单独成页（实测）", spec.SIGNATURE_WITH_BODY,
      "发文机关署名、成文日期不得单独成页（不用“此页无正文”），其所在页应有正文", "G")
def signature_with_body(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    for page in r.pages:
        if any("此页无正文" in norm(ln.text) for ln in page.lines):
            yield Deviation("不出现“此页无正文”", "此页无正文", page=page.number,
                            excerpt="")
    page, sig, _date = _signature(ctx, r)
    above = [ln for ln in block_lines(page) if ln.baseline < sig.baseline - 1]
    if not above:
        yield Deviation("署名页有正文", "署名所在页没有正文", ctx.elements(Kind.SIGNATURE)[0],
                        page=page.number)


# -- 版记 ----------------------------------------------------------------------------------


def _imprint(ctx: Context, r: Rendering, rules: bool = True) -> list[Paragraph]:
    paras = ctx.elements(Kind.IMPRINT_LISTING, Kind.IMPRINT_PRINTED)
    if not paras or (rules and ctx.layout.format == "letter"):
        raise NotApplicable  # a 信函's 版记 has no rules (10.1)
    return paras


def imprint_strokes(ctx: Context, r: Rendering) -> tuple[Page, list[Stroke]]:
    """The page the 版记 ends on and its rules, top to bottom.

    The 版记 rules are told from other strokes (a table ending on the same page, its
    borders as long as the block) by where they stand against the 版记's own lines: the
    nearest stroke above the first 版记 line with no other text between them, the
    strokes between the 版记 lines, and the nearest one below the last line. The 版记
    closes the document, so every line below its first one on that page is 版记."""
    paras = _imprint(ctx, r)
    first = find(r, paras[0], last=True)
    if first is None:
        raise NotMeasured("the 版记 was not found in the rendering")
    page = _page_of(r, first)
    lines = text_lines(page)
    above_text = [ln for ln in lines if ln.baseline < first.baseline - 0.5]
    last = lines[-1]
    strokes: list[Stroke] = []
    for rl in page.rules:  # one stroke per rule: LibreOffice may draw a rule twice
        if rl.red or rl.length <= IMPRINT_RULE_MM or rl.width <= 0:
            continue
        if strokes and abs(strokes[-1].y - rl.y) < 0.3:
            if rl.width > strokes[-1].width:
                strokes[-1] = rl
            continue
        strokes.append(rl)
    higher = [rl for rl in strokes if rl.y < first.top
              and not any(rl.y < ln.baseline for ln in above_text)]
    inner = [rl for rl in strokes if first.top <= rl.y <= last.baseline]
    lower = [rl for rl in strokes if rl.y > last.baseline]
    return page, higher[-1:] + inner + lower[:1]


@rule("V5", "版记位置（实测）", spec.IMPRINT_AT_BLOCK_BOTTOM, "版记最后一条分隔线与最后一面的版心下边缘重合", "G")
def imprint_bottom(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    paras = _imprint(ctx, r)
    page, rules = imprint_strokes(ctx, r)
    if not rules:
        yield Deviation("末条分隔线在版心下边缘", "版记没有分隔线", paras[-1], page=page.number)
        return
    last = rules[-1]
    if abs(last.y - BOTTOM) > TOL:
        yield Deviation(f"{BOTTOM:g} mm（版心下边缘）", f"{last.y:.1f} mm", paras[-1],
                        page=page.number)


@rule("V6", "版记在最后一面（实测）", spec.IMPRINT_AT_BLOCK_BOTTOM, "版记应编排在公文最后一面", "G")
def imprint_last_page(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    paras = _imprint(ctx, r, rules=False)
    line = find(r, paras[-1], last=True)
    if line is None:
        raise NotMeasured("the 版记 was not found in the rendering")
    if line.page != len(r.pages):
        yield Deviation("最后一面", f"第{line.page}页（共{len(r.pages)}页）", paras[-1], page=line.page)


@rule("V4G", "版记分隔线粗细（实测）", spec.IMPRINT_OUTER_RULE,
      "版记首条和末条分隔线用粗线（推荐0.35 mm），中间用细线（推荐0.25 mm）", "G")
def imprint_weights(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    paras = _imprint(ctx, r)
    page, rules = imprint_strokes(ctx, r)
    if len(rules) < 2:
        raise NotMeasured("fewer than two 版记 rules were found around the 版记")
    tol = spec.RULE_THICKNESS_TOLERANCE.value
    outer = [rules[0], rules[-1]]
    inner = rules[1:-1]
    for rl in outer:
        if abs(rl.width - spec.IMPRINT_OUTER_RULE.value) > tol:
            yield Deviation(f"粗线 {spec.IMPRINT_OUTER_RULE.value} mm", f"{rl.width:.2f} mm", paras[0],
                            page=page.number)
    for rl in inner:
        if abs(rl.width - spec.IMPRINT_INNER_RULE.value) > tol or rl.width >= min(o.width for o in outer):
            yield Deviation(f"细线 {spec.IMPRINT_INNER_RULE.value} mm，细于首末条", f"{rl.width:.2f} mm",
                            paras[0], basis=spec.IMPRINT_INNER_RULE, page=page.number)


# -- Page numbers --------------------------------------------------------------------------


def _numbered_pages(r: Rendering) -> list[tuple[Page, Line | None]]:
    """Portrait pages with text, and their page-number line. Landscape (横排) table pages
    carry their number turned with the page (8); they are not measured."""
    return [(p, page_number_line(p)) for p in r.pages if p.lines and portrait(p)]


@rule("N4", "页码高度（实测）", spec.PAGE_NUMBER_DASH_BELOW_BLOCK, "页码的一字线距版心下边缘7 mm", "G")
def page_number_height(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    numbered = [(p, ln) for p, ln in _numbered_pages(r) if ln is not None]
    if not numbered:
        raise NotApplicable
    wanted = BOTTOM + spec.PAGE_NUMBER_DASH_BELOW_BLOCK.value
    for page, line in numbered[:2]:
        dash = line.glyphs[0]
        box = r.ink(page, dash.x0, dash.top - 1, dash.x1, dash.baseline + 1, resolution=300)
        if box is None:
            continue
        centre = (box[1] + box[3]) / 2
        if abs(centre - wanted) > TOL:
            yield Deviation(f"一字线在 {wanted:g} mm（版心下 {spec.PAGE_NUMBER_DASH_BELOW_BLOCK.value:g} mm）",
                            f"{centre:.1f} mm", page=page.number, excerpt="页码")


@rule("N5", "页码左右位置（实测）", spec.PAGE_NUMBER_SIDE_INDENT, "单页码居右空一字，双页码居左空一字", "G")
def page_number_side(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    numbered = [(p, ln) for p, ln in _numbered_pages(r) if ln is not None]
    if not numbered:
        raise NotApplicable
    for page, line in numbered:
        if page.number % 2:
            lo, hi = RIGHT - CH3 - TOL, RIGHT - CH4 + TOL
            got, side = line.x1, "右端"
        else:
            lo, hi = LEFT + CH4 - TOL, LEFT + CH3 + TOL
            got, side = line.x0, "左端"
        if not lo <= got <= hi:
            yield Deviation(f"{side} {lo + TOL:.1f}–{hi - TOL:.1f} mm（{'居右' if page.number % 2 else '居左'}空一字）",
                            f"{got:.1f} mm", page=page.number, excerpt="页码")


@rule("N6", "页码连续（实测）", spec.PAGE_NUMBERS, "每一页都显示页码，页码连续", "G")
def page_numbers_continuous(ctx: Context) -> Iterator[Deviation]:
    r = rendering(ctx)
    for page, line in _numbered_pages(r):
        if page.number == 1 and ctx.layout.format == "letter":
            continue  # a 信函's first page shows no page number (10.1)
        after_blank = page.number > 1 and not r.pages[page.number - 2].lines
        if line is None and after_blank and page is r.pages[-1]:
            continue  # the 版记 page after a blank page shows no number either (7.5)
        if line is None:
            yield Deviation(f"页码 {page.number}", "无页码", page=page.number,
                            excerpt="")
            continue
        m = _PAGE_NUMBER.match(line.text)
        if m and int(m.group(1)) != page.number:
            yield Deviation(f"页码 {page.number}", m.group(1), page=page.number,
                            excerpt="")

"""Finding the elements of a 公文 by their text and position, not by style names.

Works on documents from any tool: the 版头 fields are recognised by their text
(six digits, 秘密★1年, 特急, a 〔year〕 number…) and the 标志 by its colour and size;
the title is the first large or centred paragraph after the 版头; the 成文日期 is the
last paragraph before the attachments and the 版记 that is only a date, and the 署名
the line above it; headings are paragraphs that start with a heading number, written
correctly or not (一、 一. （一） （一）、 1. 1、 （1）), so that wrong ones are found too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govdoc import grammar, spec
from govdoc.checker.resolve import Document, Paragraph
from govdoc.grammar import Part, heading_level

Kind = Part
"""What a paragraph is in a 公文: the grammar's one vocabulary of parts."""
DOC_NUMBER = grammar.DOC_NUMBER_ANY
"""Where a 发文字号 stands in a paragraph (the grammar's pattern, by its old name)."""

_SENTENCE_END = "。！？；，、…"


@dataclass
class Element:
    """A paragraph with what it is; ``level`` for headings; ``attachment`` is the
    1-based attachment the paragraph belongs to (0: the main document)."""

    para: Paragraph
    kind: Kind
    level: int = 0
    attachment: int = 0


@dataclass
class Layout:
    """The document's paragraphs, each with its kind, and where the parts are."""

    doc: Document
    elements: list[Element]
    red_rule: Paragraph | None = None
    sealed: bool | None = None
    attachment_items: list[Element] = field(default_factory=list)
    format: str = "general"
    """The format (GB/T 9704 clause 10): general, letter (信函), order (命令) or minutes (纪要)."""
    joint: bool = False
    """Several 署名 (联合行文): the 署名-centred-on-the-date rules do not apply."""

    def of(self, kind: Kind) -> list[Element]:
        return [e for e in self.elements if e.kind is kind]

    def first(self, kind: Kind) -> Element | None:
        return next((e for e in self.elements if e.kind is kind), None)

    def body_line_twips(self) -> int | None:
        """The exact line height the body is set in, or None.

        The body paragraphs' style decides when it sets an exact height; a paragraph's
        own spacing (e.g. tightened to keep the signature with the body, 7.3.5.5) does
        not. Without a style height, the height most body paragraphs carry."""
        styles: dict[str | None, int] = {}
        for e in self.of(Kind.BODY):
            styles[e.para.props.style_id] = styles.get(e.para.props.style_id, 0) + 1
        if styles:
            style_id = max(styles, key=styles.__getitem__)
            props = self.doc.styles.style_para_props(style_id)
            if props.line is not None and props.line_rule == "exact":
                return props.line
        counts: dict[int, int] = {}
        for e in self.of(Kind.BODY):
            p = e.para.props
            if p.line is not None and p.line_rule == "exact":
                counts[p.line] = counts.get(p.line, 0) + 1
        return max(counts, key=counts.__getitem__) if counts else None


def is_dark(color: str | None) -> bool:
    """Whether an RRGGBB colour reads as black (every channel at most 0x40)."""
    if not color or len(color) != 6:
        return color is None
    try:
        return all(int(color[i:i + 2], 16) <= spec.RED_THRESHOLDS.value[1] for i in (0, 2, 4))
    except ValueError:
        return False


def is_red(color: str | None) -> bool:
    """Whether an RRGGBB colour reads as red."""
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    low, high = spec.RED_THRESHOLDS.value[0], spec.RED_THRESHOLDS.value[1]
    return r >= low and g <= high and b <= high


def text_size(para: Paragraph) -> float:
    """The largest type size among the paragraph's visible characters."""
    sizes = [r.props.size for r in para.runs if r.text.strip()]
    return max(sizes) if sizes else para.props.size


def is_red_para(para: Paragraph) -> bool:
    visible = [r for r in para.runs if r.text.strip()]
    return bool(visible) and all(is_red(r.props.color) for r in visible)


def has_red_rule(para: Paragraph) -> bool:
    """A red bottom border on the paragraph, or a drawing with a red line in it."""
    bottom = para.props.borders.get("bottom")
    if bottom is not None and is_red(bottom.color):
        return True
    if para.has_drawing:
        from lxml import etree

        xml = etree.tostring(para.element).decode("utf-8", "replace")
        return any(is_red(c.upper()) for c in _COLOUR_ATTR.findall(xml))
    return False


_COLOUR_ATTR = re.compile(r'(?:val|color|strokecolor)="#?([0-9A-Fa-f]{6})"')


def find_elements(doc: Document) -> Layout:
    """Classify every paragraph of ``doc``."""
    paras = doc.paragraphs
    kinds: list[Element] = [Element(p, Kind.EMPTY if not p.stripped else Kind.OTHER) for p in paras]
    layout = Layout(doc, kinds)
    if _letter_mark(doc):
        layout.format = "letter"
    nonempty = [i for i, p in enumerate(paras) if p.stripped]
    if not nonempty:
        return layout

    # -- 版头 and title: the first paragraphs of the document.
    i = 0
    pos = 0
    header_seen = False
    while pos < len(nonempty):
        i = nonempty[pos]
        p = paras[i]
        t = p.stripped
        kind = None
        forms = grammar.forms(grammar.Line(t, size=text_size(p), red=is_red_para(p),
                                           in_table=p.in_table))
        if Kind.COPY_NUMBER in forms and pos < 3:
            kind = Kind.COPY_NUMBER
        elif Kind.SECRECY in forms and pos < 4:
            kind = Kind.SECRECY
        elif Kind.URGENCY in forms and pos < 5:
            kind = Kind.URGENCY
        elif Kind.SIGNERS in forms:
            kind = Kind.DOC_NUMBER if Kind.DOC_NUMBER in forms else Kind.SIGNER
        elif grammar.order_number(t, loose=True) and (layout.format == "order" or header_seen):
            kind = Kind.DOC_NUMBER  # 令号, or a 公告's 第12号
        elif Kind.DOC_NUMBER in forms and len(t) < 40 and (header_seen or pos < 6):
            kind = Kind.DOC_NUMBER
        elif Kind.MARK in forms:
            kind = Kind.MARK
        elif not header_seen and text_size(p) > spec.TITLE_SIZE.value + 4 and pos < 5:
            kind = Kind.MARK  # a black 标志 is still the 标志
        if kind is None:
            break
        kinds[i].kind = kind
        if kind is Kind.MARK:
            mark_text = "".join(paras[j].stripped for j in nonempty[:pos + 1]
                                if kinds[j].kind is Kind.MARK)
            if mark_text.endswith("令"):
                layout.format = "order"
            elif mark_text.endswith("纪要"):
                layout.format = "minutes"
        header_seen = header_seen or kind in (Kind.MARK, Kind.DOC_NUMBER)
        if has_red_rule(p):
            layout.red_rule = p
        pos += 1
    if layout.red_rule is None:
        # A rule drawn in an empty paragraph right under the 发文字号.
        for j in range(nonempty[pos - 1] + 1 if pos else 0, nonempty[pos] if pos < len(nonempty) else 0):
            if has_red_rule(paras[j]):
                layout.red_rule = paras[j]

    # -- the end of the main part: the first attachment page or the 版记.
    main_end = len(paras)
    for j in nonempty[pos:]:
        p = paras[j]
        if grammar.attachment_label(p.stripped) is not None and (
                p.page_break_before or _after_page_break(paras, j)):
            main_end = j
            break
    imprint_start = None
    for j in nonempty[pos:]:
        t = paras[j].stripped
        listing = grammar.imprint_listing(t)
        if listing is not None or grammar.printed(t) is not None:
            imprint_start = j if imprint_start is None else imprint_start
            kinds[j].kind = Kind.IMPRINT_LISTING if listing is not None else Kind.IMPRINT_PRINTED
    if imprint_start is not None and imprint_start < main_end:
        main_end = imprint_start

    # -- title: consecutive large paragraphs (or one centred one) after the 版头.
    rest = [j for j in nonempty[pos:] if j < main_end]
    if rest:
        first = paras[rest[0]]
        if text_size(first) >= spec.TITLE_SIZE.value - 4 or first.props.jc == "center":
            size = text_size(first)
            k = 0
            while k < len(rest) and abs(text_size(paras[rest[k]]) - size) < 0.1 \
                    and not paras[rest[k]].in_table and (k == 0 or size >= spec.TITLE_SIZE.value - 4):
                kinds[rest[k]].kind = Kind.TITLE
                k += 1
            rest = rest[k:]

    # -- 成文日期 and 署名: the last date-only paragraph of the main part.
    date_at = None
    for j in reversed(rest):
        if grammar.date_shaped(paras[j].stripped) and not paras[j].in_table:
            date_at = j
            break
    sig_at = None
    if date_at is not None:
        kinds[date_at].kind = Kind.DATE
        before = [j for j in rest if j < date_at]
        # The 署名: the short lines right above the date (several for 联合行文), the
        # topmost of them set off from the body by blank space.
        candidates = []
        for j in reversed(before[-_MAX_SIGNATURE_ROWS:]):
            t = paras[j].stripped
            if len(t) > 60 or heading_level(t) or grammar.attendance(t) or any(
                    c in t for c in _SENTENCE_END + "：:"):
                break
            candidates.append(j)
        spaced = [n for n, j in enumerate(candidates) if _blank_above(paras, j)]
        rows = candidates[:spaced[-1] + 1] if spaced else candidates[:1]
        for j in rows:
            kinds[j].kind = Kind.SIGNATURE
        if rows:
            sig_at = rows[-1]
            layout.joint = len(rows) > 1 or any(
                re.search(r"\t|\s{2,}|\u3000", paras[j].stripped) for j in rows)
        for j in rest:
            if j > date_at:
                kinds[j].kind = Kind.NOTE
    else:
        # No date (a draft that lacked one): organ names closing the main part, set off
        # from the body by blank space, are the 署名 — as the importer reads them.
        rows = []
        for j in reversed(rest[-_MAX_SIGNATURE_ROWS:]):
            t = paras[j].stripped
            if paras[j].in_table or not grammar.name_like(t) or not all(
                    grammar.organ_like(n) for n in grammar.split_on_gaps(t)):
                break
            rows.append(j)
        spaced = [n for n, j in enumerate(rows) if _blank_above(paras, j)]
        rows = rows[:spaced[-1] + 1] if spaced else []
        for j in rows:
            kinds[j].kind = Kind.SIGNATURE
        if rows:
            sig_at = rows[-1]
            layout.joint = len(rows) > 1
    body_end = sig_at if sig_at is not None else (date_at if date_at is not None else main_end)
    body = [j for j in rest if j < body_end]

    # -- 附件说明: from a paragraph starting 附件： to the 署名.
    note_from = None
    for n, j in enumerate(body):
        if grammar.attachment_note(paras[j].stripped) and len(body) - n <= 20:
            note_from = n
    if note_from is not None:
        for j in body[note_from:]:
            kinds[j].kind = Kind.ATTACHMENT_NOTE
            layout.attachment_items.append(kinds[j])
        body = body[:note_from]

    # -- 主送: the first paragraph after the title, when it addresses someone.
    titled = any(kinds[j].kind is Kind.TITLE for j in nonempty)
    if body and not paras[body[0]].in_table and _is_salutation(paras[body[0]]) and (titled or grammar.recipients(
            paras[body[0]].stripped) is not None and paras[body[0]].stripped[-1] in "：:"):
        kinds[body[0]].kind = Kind.SALUTATION
        body = body[1:]

    _classify_body(kinds, paras, body, 0)

    # -- attachments: label, title, body, up to the 版记.
    end = imprint_start if imprint_start is not None and imprint_start > main_end else len(paras)
    number = 0
    pending_title = False
    attachment_body: list[int] = []
    for j in range(main_end, end):
        p = paras[j]
        if not p.stripped:
            continue
        if grammar.attachment_label(p.stripped) is not None and (
                p.page_break_before or _after_page_break(paras, j)):
            _classify_body(kinds, paras, attachment_body, number)
            attachment_body = []
            number += 1
            kinds[j].kind = Kind.ATTACHMENT_LABEL
            kinds[j].attachment = number
            pending_title = True
            continue
        if pending_title:
            kinds[j].kind = Kind.ATTACHMENT_TITLE
            kinds[j].attachment = number
            pending_title = False
            continue
        if number:
            attachment_body.append(j)
    _classify_body(kinds, paras, attachment_body, number)
    if date_at is not None:
        layout.sealed = _sealed(layout, sig_at if sig_at is not None else date_at)
    return layout


def _classify_body(kinds: list[Element], paras: list[Paragraph], body: list[int], attachment: int) -> None:
    texts = [j for j in body if not paras[j].in_table]
    ranks: list[tuple[int | None, bool]] = []
    for j in texts:
        label = grammar.heading_label(paras[j].stripped, loose=True)
        closing = grammar.closing_formula(paras[j].stripped)
        ranks.append((label.rank, bool(label.title and grammar.split_run_in(label.title)))
                     if label else (0 if closing else None, False))
    # Numbered lines with nothing under them are a list, as the importer keeps them.
    listed = {texts[k] for k in grammar.list_items(ranks)}
    for j in body:
        p = paras[j]
        el = kinds[j]
        el.attachment = attachment
        if p.in_table:
            el.kind = Kind.TABLE
            continue
        level = heading_level(p.stripped)
        if level and j not in listed:
            el.kind, el.level = Kind.HEADING, level
        elif grammar.attendance(p.stripped):
            el.kind = Kind.ATTENDANCE
        else:
            el.kind = Kind.BODY


_MAX_SIGNATURE_ROWS = 4
"""At most this many 署名 rows stand above the date (联合行文 of up to eight organs)."""


def _blank_above(paras: list[Paragraph], j: int) -> bool:
    """Whether blank space (an empty paragraph or spacing of half a line) precedes ``j``."""
    p = paras[j].props
    if p.before >= spec.LINE_PITCH_TW // 2 or (p.before_lines or 0) >= 50:
        return True
    return j > 0 and not paras[j - 1].stripped and not paras[j - 1].has_drawing \
        or j > 0 and paras[j - 1].has_drawing and not paras[j - 1].stripped


def _letter_mark(doc: Document) -> bool:
    """A 信函: its first page has a header of its own holding the red 标志 (10.1)."""
    first = doc.sections[0]
    part = first.headers.get("first") if first.title_page else None
    if part is None:
        return False
    return any(is_red_para(p) for p in doc.footer(part).paragraphs)


def _after_page_break(paras: list[Paragraph], j: int) -> bool:
    k = j - 1
    while k >= 0 and not paras[k].stripped and not paras[k].ends_with_page_break:
        k -= 1
    return k >= 0 and paras[k].ends_with_page_break


def _is_salutation(p: Paragraph) -> bool:
    t = p.stripped
    if len(t) > 120 or heading_level(t) or grammar.OPENERS.search(t):
        return False
    if t[-1] in "：:":
        return "。" not in t and "；" not in t
    # A 主送 without its colon: a short flush-left line that is not a sentence.
    return p.props.first_line <= 0 and len(t) <= 40 and t[-1] not in _SENTENCE_END + "）)"


def _sealed(layout: Layout, sig: int) -> bool:
    """Whether the signature block is laid out for a seal: a seal image nearby, or two
    or more blank lines above the 署名."""
    paras = layout.doc.paragraphs
    if any(paras[j].has_drawing for j in range(max(0, sig - 3), min(len(paras), sig + 2))):
        return True
    pitch: int = layout.body_line_twips() or spec.LINE_PITCH_TW
    space = paras[sig].props.before
    before_lines = paras[sig].props.before_lines
    if before_lines:
        space = max(space, before_lines * pitch // 100)
    k = sig - 1
    while k >= 0 and not paras[k].stripped and not paras[k].has_drawing:
        exact = paras[k].props.line if paras[k].props.line_rule == "exact" else None
        line = exact or pitch
        space += line + paras[k].props.before + paras[k].props.after
        k -= 1
    if k >= 0:
        space += paras[k].props.after
    return space >= 1.5 * pitch

"""An HTML preview of a 公文, page by page, without LibreOffice.

:func:`report_html` draws the :class:`~govdoc.layout.Layout` the .docx renderer writes
(:func:`govdoc.layout.layout`) — the very paragraphs the .docx holds, in the same
order, with the same heading labels, the same letter 标志 and signature form — on A4
pages, each line where the layout's page model (:meth:`govdoc.layout.Layout.pagination`)
puts it: the model's line breaks (:func:`govdoc.pagination.block_lines`), its page
breaks, the floating 版记 at the foot of its page, page numbers on the outer side.
Every length comes from :mod:`govdoc.spec` and :mod:`govdoc.styles` (style settings
through :func:`govdoc.styles.style_setting`) or is a named constant below; every piece
of user text is escaped. The output is one ``<div>`` with an inline ``<style>`` scoped
to a class of its own and no script, so it can be shown in a notebook
(:meth:`govdoc.Report._repr_html_`) or, through :func:`html_document`, on its own.

What a preview cannot be: the fonts are whatever the browser finds for the CSS font
stacks below (the official fonts when installed, else free faces of similar shape),
so glyph shapes differ; lines are set where the model breaks them, so a browser font
with other widths makes a line a little short or long, never reflowed. Seal images are
embedded (base64) where the layout floats them.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html import escape

from govdoc import spec
from govdoc.blocks import (
    Block,
    ImprintBlock,
    JointMarkBlock,
    SealPlacement,
    SectionBreak,
    TableBlock,
)
from govdoc.layout import Layout, layout
from govdoc.model import DocFormat, Report
from govdoc.pagination import BLOCK_TW, LANDSCAPE_BLOCK_TW, LIBREOFFICE, WORD, block_lines
from govdoc.styles import STYLES, Role, style_setting
from govdoc.text.linebreak import Engine

__all__ = ["FONT_STACKS", "html_document", "report_html"]

# Free faces of the same kind, for machines without the official fonts; the first of
# each is the face govdoc's LibreOffice font map (fonts.conf) substitutes.
_FALLBACKS: dict[str, tuple[str, ...]] = {
    spec.FONT_FANGSONG.value: ("AR PL UMing CN", "Noto Serif CJK SC", "Source Han Serif SC",
                               "serif"),
    spec.FONT_KAITI.value: ("AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC",
                            "serif"),
    spec.FONT_HEITI.value: ("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC",
                            "Microsoft YaHei", "sans-serif"),
    spec.FONT_XIAOBIAOSONG.value: ("Noto Serif CJK SC", "Source Han Serif SC", "SimSun",
                                   "serif"),
    spec.FONT_SONGTI.value: ("Noto Sans CJK SC", "Noto Serif CJK SC", "serif"),
}
_LATIN_FALLBACKS = ("Liberation Serif", "Tinos")
_LATIN_FACE = "govdoc-latin"
"""A face that is the Latin font for Latin letters, digits and ASCII punctuation only:
quotation marks, dashes and ellipses then come from the Chinese font, as Word sets them."""


def _latin_face_css() -> str:
    sources = ", ".join(f"local('{n}')" for n in (spec.FONT_LATIN.value, *_LATIN_FALLBACKS))
    return (f"@font-face{{font-family:'{_LATIN_FACE}';src:{sources};"
            "unicode-range:U+0000-00FF,U+0100-024F}")


def _quote(name: str) -> str:
    return name if name in ("serif", "sans-serif") else "'" + name.replace("'", "") + "'"


def _stack(east_asia: str) -> str:
    """The CSS font stack of an official font: the Latin face first (digits and letters,
    as Word sets them), then the official font under its usual names, then free faces."""
    names: list[str] = [_LATIN_FACE]
    official = spec.FONT_NAMES.get(east_asia)
    names += list(official.value) if official else [east_asia]
    names += [spec.FONT_ALT_NAMES.get(east_asia, east_asia)]
    names += list(_FALLBACKS.get(east_asia, ("serif",)))
    return ", ".join(_quote(n) for n in dict.fromkeys(names))


FONT_STACKS: dict[str, str] = {font: _stack(font) for font in _FALLBACKS}
"""The CSS ``font-family`` used for each official font (仿宋, 楷体, 黑体, 小标宋, 宋体)."""

def _style_number(role: Role, name: str) -> float:
    """A numeric style setting of ``role`` (0 when its styles do not set it)."""
    value = style_setting(role, name)
    return float(value) if isinstance(value, (int, float)) else 0.0


def _pt(tw: float) -> str:
    """Twips as a CSS length in points."""
    return f"{tw / spec.TWIPS_PER_PT:.2f}pt"


_NEVER_FULL_TW = 10 ** 9
"""The capacity of the 版记's rows: the floating table never breaks across pages."""

_ALIGN = {"both": "justify", "distribute": "justify", "center": "center", "right": "right",
          "left": "left", None: "left"}


@dataclass
class _Page:
    """The positioned elements of one page of the preview."""

    number: int
    landscape: bool = False
    numbered: bool = True
    parts: list[str] = field(default_factory=list)


@dataclass
class _Pages:
    pages: dict[int, _Page] = field(default_factory=dict)

    def at(self, number: int) -> _Page:
        if number not in self.pages:
            self.pages[number] = _Page(number)
        return self.pages[number]


class _Writer:
    """Turns laid-out items into positioned HTML, page by page."""

    def __init__(self, laid: Layout, engine: Engine) -> None:
        self.laid = laid
        self.engine = engine
        self.pages = _Pages()
        self.sig_class = f"gd-sig-{laid.signature.value}"
        self.paragraph = 0  # running id of the document's paragraphs (data-p)

    # -- text -------------------------------------------------------------------------

    def _spans(self, block: Block, start: int, end: int) -> str:
        """The runs of ``block`` that fall in ``block.text[start:end]``, tabs and line
        breaks left out, each in its character style."""
        out, pos = [], 0
        for run in block.runs:
            a, b = max(start, pos), min(end, pos + len(run.text))
            pos += len(run.text)
            if a >= b:
                continue
            text = run.text[a - (pos - len(run.text)):b - (pos - len(run.text))]
            text = text.replace("\t", "").replace("\n", "")
            if not text:
                continue
            classes = f"gd-r-{run.role.value}" if run.role is not None else ""
            style = f"font-size:{run.size:g}pt" if run.size else ""
            attrs = (f' class="{classes}"' if classes else "") + (
                f' style="{style}"' if style else "")
            out.append(f"<span{attrs}>{escape(text)}</span>" if attrs else escape(text))
        return "".join(out)

    def _line_offsets(self, block: Block) -> list[tuple[int, int, bool]]:
        """(start, end, tab-set) of every line of ``block`` in its text, as the model breaks it."""
        lines = block_lines(block, self.engine)
        out: list[tuple[int, int, bool]] = []
        pos, k = 0, 0
        for part in block.text.split("\n"):
            if not part or "\t" in part:
                out.append((pos, pos + len(part), "\t" in part))
                k += 1
            else:
                done = 0
                while done < len(part):
                    line = lines[k]
                    if block.text[pos + done:pos + done + len(line)] != line or not line:
                        raise AssertionError("the line model does not cover the text")
                    out.append((pos + done, pos + done + len(line), False))
                    done += len(line)
                    k += 1
            pos += len(part) + 1
        return out

    def _tab_line(self, block: Block, start: int, end: int) -> str:
        """A tab-set line: each segment after a tab at its stop (left, centre or right),
        measured from the block's left edge as Word measures tab stops."""
        text = block.text
        cuts = [start] + [i + 1 for i in range(start, end) if text[i] == "\t"] + [end + 1]
        width = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
        segments = []
        for n in range(len(cuts) - 1):
            a, b = cuts[n], cuts[n + 1] - 1
            inner = self._spans(block, a, b)
            if not inner:
                continue
            if n == 0:
                left = (block.left_indent_tw or 0) + min(0, block.first_line_tw or 0)
                segments.append(f'<span class="gd-seg" style="left:{_pt(left)}">{inner}</span>')
                continue
            stop = block.tabs[n - 1] if n - 1 < len(block.tabs) else None
            if stop is None:
                segments.append(f'<span class="gd-seg" style="right:0">{inner}</span>')
                continue
            pos, kind = stop if isinstance(stop, tuple) else (stop, "left")
            if kind == "right":
                css = f"right:{_pt(width - pos)}"
            elif kind == "center":
                css = f"left:{_pt(pos)};transform:translateX(-50%)"
            else:
                css = f"left:{_pt(pos)}"
            segments.append(f'<span class="gd-seg" style="{css}">{inner}</span>')
        return "".join(segments)

    # -- items ------------------------------------------------------------------------

    def block(self, block: Block, page: int, top_tw: int, heights: list[int],
              capacity: int, extra_class: str = "", shift_tw: int = 0) -> None:
        """``block``'s lines from ``top_tw`` on ``page`` down, onto the next pages as the
        model breaks them (a line that does not fit opens the next page)."""
        self.paragraph += 1
        pid = self.paragraph
        role = block.role
        classes = f"gd-p gd-r-{role.value}{extra_class}"
        if role in (Role.SIGNATURE, Role.DATE):
            classes += " " + self.sig_class
        if block.text.strip() == "":
            # An empty paragraph: only its space (spacers, the 版记's anchor).
            self.pages.at(page).parts.append(
                f'<div class="{classes}" data-p="{pid}"></div>')
            return
        offsets = self._line_offsets(block)
        align = _ALIGN[block.align or style_setting(role, "jc")]  # type: ignore[index]
        first = (block.first_line_tw if block.first_line_tw is not None
                 else round(_style_number(role, "first_line_chars") * spec.CHAR_TW))
        left = block.left_indent_tw or 0
        right = block.right_indent_tw
        if right is None:
            right = round(_style_number(role, "right_chars") * spec.CHAR_TW)
        spacing = (block.char_spacing_tw / spec.TWIPS_PER_PT if block.char_spacing_tw is not None
                   else None)
        y = top_tw
        current = page
        lines_by_page: dict[int, list[str]] = {}
        for k, ((start, end, tabbed), h) in enumerate(zip(offsets, heights)):
            if k > 0 and y + h > capacity and y > 0:
                current, y = current + 1, 0
            last = k == len(offsets) - 1
            css = f"top:{_pt(y + shift_tw)};height:{_pt(h)};line-height:{_pt(h)};"
            if tabbed:
                inner = self._tab_line(block, start, end)
                lines_by_page.setdefault(current, []).append(
                    f'<div class="gd-l gd-tabbed" style="{css}">{inner}</div>')
                y += h
                continue
            indent = left + (first if k == 0 else 0)
            css += f"left:{_pt(indent)};right:{_pt(right)};text-align:{align};"
            if align == "justify" and (not last or block.align == "distribute"):
                css += "text-align-last:justify;"
            if spacing is not None:
                css += f"letter-spacing:{spacing:g}pt;"
            lines_by_page.setdefault(current, []).append(
                f'<div class="gd-l" style="{css}">{self._spans(block, start, end)}</div>')
            y += h
        for n, (p, lines) in enumerate(sorted(lines_by_page.items())):
            seals = "".join(self._seal(s, top_tw + shift_tw) for s in block.seals) if n == 0 else ""
            cont = ' data-continued="1"' if n else ""
            self.pages.at(p).parts.append(
                f'<div class="{classes}" data-p="{pid}"{cont}>{seals}{"".join(lines)}</div>')

    def _seal(self, seal: SealPlacement, anchor_top_tw: int) -> str:
        """The seal image floating behind the 署名 and date, placed as in the .docx."""
        try:
            data = seal.image.read_bytes()
        except OSError:
            data = b""
        css = (f"left:{_pt(seal.left_tw)};top:{_pt(anchor_top_tw + seal.top_tw)};"
               f"width:{_pt(seal.width_tw)};height:{_pt(seal.height_tw)}")
        if not data:
            return f'<span class="gd-seal gd-seal-missing" style="{css}">印章</span>'
        mime = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
        src = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        return f'<img class="gd-seal" alt="印章" src="{src}" style="{css}">'

    def table(self, table: TableBlock, page: int, top_tw: int, heights: list[int],
              capacity: int) -> None:
        """A table, row by row; rows that do not fit open the next page, where the
        header rows repeat (as Word repeats them; the repeats carry no ``data-p``)."""
        size = table.size
        cols = "".join(f'<col style="width:{_pt(w)}">' for w in table.widths_tw)
        ids: list[list[int]] = []
        for row in table.rows:
            ids.append([])
            for _ in row:
                self.paragraph += 1
                ids[-1].append(self.paragraph)
        chunks: dict[int, tuple[int, list[str]]] = {}
        y, current = top_tw, page
        repeat = sum(heights[:table.header_rows])
        for r, (row, h) in enumerate(zip(table.rows, heights)):
            if r > 0 and y + h > capacity and y > 0:
                current, y = current + 1, repeat
            if current not in chunks:
                head = [] if current == page else [
                    self._row(table.rows[i], heights[i], size, None)
                    for i in range(table.header_rows)]
                chunks[current] = (y if current == page else 0, head)
            chunks[current][1].append(self._row(row, h, size, ids[r]))
            y += h
        for p, (top, rows) in chunks.items():
            self.pages.at(p).parts.append(
                f'<table class="gd-table" style="top:{_pt(top)};width:{_pt(sum(table.widths_tw))};'
                f'font-size:{size:g}pt"><colgroup>{cols}</colgroup>{"".join(rows)}</table>')

    @staticmethod
    def _row(row: tuple[str, ...], h: int, size: float, ids: list[int] | None) -> str:
        cells = []
        for c, text in enumerate(row):
            inner = "<br>".join(escape(part) for part in text.split("\n"))
            pid = f' data-p="{ids[c]}"' if ids is not None else ' data-repeat="1"'
            cells.append(f'<td><div class="gd-p gd-r-table_text"{pid}>{inner}</div></td>')
        return f'<tr style="height:{_pt(h)}">{"".join(cells)}</tr>'

    def imprint(self, imprint: ImprintBlock, page: int, top_tw: int) -> None:
        """The 版记: its rows from ``top_tw`` down, thick rules first and last, thin
        rules between the rows (7.4.1); a letter's has none (10.1)."""
        y = top_tw
        rules = []
        outer = spec.IMPRINT_OUTER_RULE.value
        inner = spec.IMPRINT_INNER_RULE.value
        for r, row in enumerate(imprint.rows):
            if imprint.rules:
                thick = outer if r == 0 else inner
                rules.append(f'<div class="gd-rule" style="top:{_pt(y)};'
                             f'border-top-width:{thick:g}mm"></div>')
            for b in row:
                heights = self.laid.line_heights(b, self.engine)
                self.block(b, page, y, heights, _NEVER_FULL_TW, " gd-imprint")
                y += sum(heights)
        if imprint.rules:
            rules.append(f'<div class="gd-rule" style="top:{_pt(y)};'
                         f'border-top-width:{outer:g}mm;transform:translateY(-100%)"></div>')
        self.pages.at(page).parts.extend(rules)
        # The paragraph that anchors the table in the .docx (empty).
        self.paragraph += 1
        self.pages.at(page).parts.append(
            f'<div class="gd-p gd-r-{Role.IMPRINT_ANCHOR.value}" data-p="{self.paragraph}"></div>')

    def joint_mark(self, mark: JointMarkBlock, page: int, top_tw: int) -> None:
        """The 标志 of a 联合行文: the names stacked and spread to one width, the suffix
        to their right, centred on them (7.2.4)."""
        line = spec.pt_to_twips(mark.size)
        width = mark.names_width_tw + mark.suffix_width_tw
        left = (spec.mm_to_twips(spec.BLOCK_WIDTH.value) - width) // 2
        parts = []
        for i, name in enumerate(mark.names):
            self.paragraph += 1
            parts.append(
                f'<div class="gd-p gd-r-mark" data-p="{self.paragraph}"><span class="gd-l" '
                f'style="top:{_pt(top_tw + i * line)};left:{_pt(left)};'
                f'width:{_pt(mark.names_width_tw)};line-height:{_pt(line)};'
                f'font-size:{mark.size:g}pt;text-align:justify;text-align-last:justify">'
                f"{escape(name)}</span></div>")
        if mark.suffix:
            self.paragraph += 1
            centre = top_tw + (len(mark.names) - 1) * line // 2
            parts.append(
                f'<div class="gd-p gd-r-mark" data-p="{self.paragraph}"><span class="gd-l" '
                f'style="top:{_pt(centre)};left:{_pt(left + mark.names_width_tw)};'
                f'width:{_pt(mark.suffix_width_tw)};line-height:{_pt(line)};'
                f'font-size:{mark.size:g}pt;text-align:right">{escape(mark.suffix)}</span></div>')
        self.pages.at(page).parts.extend(parts)


def _letter_head(block: Block) -> str:
    """A letter's first-page header (10.1): the 标志 with its top edge 30 mm from the
    page's top, the red double rule 4 mm under it and another 20 mm above the foot,
    both 170 mm long and centred."""
    size = block.runs[0].size or spec.MARK_MAX_SIZE.value
    mark_top = spec.LETTER_MARK_TOP.value
    rule_top = mark_top + spec.pt_to_mm(size) + spec.LETTER_TOP_RULE_BELOW_MARK.value
    length = spec.LETTER_RULE_LENGTH.value
    left = (spec.PAGE_WIDTH.value - length) / 2
    bottom = spec.PAGE_HEIGHT.value - spec.LETTER_BOTTOM_RULE_ABOVE_EDGE.value
    return (
        f'<div class="gd-letter-mark gd-r-mark" style="top:{mark_top:g}mm;font-size:{size:g}pt;'
        f'line-height:{size:g}pt">{escape(block.text)}</div>'
        f'<div class="gd-double-rule gd-thick-first" style="top:{rule_top:.2f}mm;left:{left:g}mm;'
        f'width:{length:g}mm"></div>'
        f'<div class="gd-double-rule gd-thin-first" style="top:{bottom:g}mm;left:{left:g}mm;'
        f'width:{length:g}mm"></div>'
    )


_DOUBLE_RULE_THIN_PT = 0.75
"""The thin line of a letter's red double rule (Word's ``thickThinSmallGap`` border,
whose thick line is :data:`~govdoc.spec.LETTER_RULE_WIDTH`), as the preview draws it."""
_DOUBLE_RULE_GAP_MM = 0.6
"""The small gap between the double rule's two lines, as the preview draws it."""


def _css(scope: str) -> str:
    """The preview's style sheet, every rule under ``.{scope}``."""
    s = f".{scope}"
    page_w, page_h = spec.PAGE_WIDTH.value, spec.PAGE_HEIGHT.value
    red = "#" + spec.COLOR_RED.value
    black = "#" + spec.COLOR_BLACK
    rules = [
        _latin_face_css(),
        f"{s}{{background:#e8e8e8;padding:8px 0;color:{black};line-height:normal;"
        "text-autospace:no-autospace;font-kerning:none;font-variant-east-asian:normal}",
        f"{s} .gd-warnings{{margin:0 auto 8px;max-width:{page_w:g}mm;background:#fff4ce;"
        "border:1px solid #e0b000;padding:4px 8px;font:13px sans-serif;color:#5c4400}",
        f"{s} .gd-warnings li{{margin:2px 0 2px 1.2em}}",
        f"{s} .gd-page{{position:relative;width:{page_w:g}mm;height:{page_h:g}mm;"
        "margin:0 auto 8px;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3);overflow:hidden;"
        "box-sizing:border-box}",
        f"{s} .gd-page.gd-landscape{{width:{page_h:g}mm;height:{page_w:g}mm}}",
        f"{s} .gd-block{{position:absolute}}",
        f"{s} .gd-p{{margin:0;padding:0}}",
        f"{s} .gd-l{{position:absolute;white-space:nowrap;margin:0;overflow:visible;z-index:1}}",
        f"{s} .gd-tabbed{{left:0;right:0}}",
        f"{s} .gd-seg{{position:absolute;top:0;white-space:pre}}",
        f"{s} .gd-seal{{position:absolute;z-index:0;mix-blend-mode:multiply}}",
        f"{s} .gd-seal-missing{{border:1px dashed {red};border-radius:50%;color:{red};"
        "display:flex;align-items:center;justify-content:center;font:12px sans-serif}",
        f"{s} .gd-table{{position:absolute;left:0;border-collapse:collapse;table-layout:fixed}}",
        f"{s} .gd-table td{{border:{spec.TABLE_RULE_WIDTH_PT:g}pt solid {black};padding:0 "
        f"{_pt(spec.TABLE_CELL_MARGIN_TW)};text-align:center;vertical-align:middle;"
        f"line-height:{spec.SINGLE_LINE_EM:g};overflow:hidden}}",
        f"{s} .gd-rule{{position:absolute;left:0;right:0;height:0;border-top:solid {black}}}",
        f"{s} .gd-letter-mark{{position:absolute;left:0;right:0;text-align:center;"
        "white-space:pre}",
        f"{s} .gd-double-rule{{position:absolute;height:0;border-top:solid {red};"
        f"border-bottom:solid {red};padding-top:{_DOUBLE_RULE_GAP_MM:g}mm}}",
        f"{s} .gd-thick-first{{border-top-width:{spec.LETTER_RULE_WIDTH.value:g}pt;"
        f"border-bottom-width:{_DOUBLE_RULE_THIN_PT:g}pt}}",
        f"{s} .gd-thin-first{{border-top-width:{_DOUBLE_RULE_THIN_PT:g}pt;"
        f"border-bottom-width:{spec.LETTER_RULE_WIDTH.value:g}pt}}",
        f"{s} .gd-pn{{position:absolute;white-space:pre;line-height:1;"
        f"font-family:{FONT_STACKS[spec.FONT_SONGTI.value]};"
        f"font-size:{spec.PAGE_NUMBER_SIZE.value:g}pt}}",
        f"@media print{{{s}{{background:none;padding:0}} {s} .gd-page{{margin:0;box-shadow:none;"
        f"break-after:page}} {s} .gd-warnings{{display:none}}}}",
    ]
    # One rule per role: its font, size, colour and character spacing.
    for role in Role:
        font = style_setting(role, "east_asia")
        size = style_setting(role, "size")
        squeeze = style_setting(role, "squeeze")
        color = style_setting(role, "color")
        css = [f"font-family:{FONT_STACKS.get(str(font), _stack(str(font)))}"] if font else []
        if size is not None and STYLES[role].kind == "paragraph":
            css.append(f"font-size:{size:g}pt")
        elif STYLES[role].size is not None:
            css.append(f"font-size:{STYLES[role].size:g}pt")
        if squeeze is not None and STYLES[role].kind == "paragraph":
            css.append(f"letter-spacing:{squeeze:g}pt")
        if color and STYLES[role].kind == "paragraph":
            css.append(f"color:#{color}")
        rules.append(f"{s} .gd-r-{role.value}{{{';'.join(css)}}}")
    border = style_setting(Role.DOC_NUMBER, "border_bottom")
    if isinstance(border, tuple):
        colour, width, distance = border
        below = spec.pt_to_twips(distance) + spec.mm_to_twips(spec.BORDER_BELOW_LINE_MM)
        rules.append(f"{s} .gd-r-{Role.DOC_NUMBER.value} .gd-l:last-child{{border-bottom:"
                     f"{width:g}pt solid #{colour};padding-bottom:{_pt(below)};left:0!important;"
                     "right:0!important}")
    return "\n".join(rules)


_SCOPE_DIGITS = 12
"""Hex digits of the content's SHA-1 in the preview's CSS scope class: enough that two
previews on one notebook page never share a scope."""


def report_html(report: Report, *, normalize: bool = True, engine: str = "word") -> str:
    """The preview of ``report`` as one self-contained ``<div>`` (inline style, no script).

    ``normalize`` is :func:`govdoc.render`'s: full-width punctuation next to Chinese
    text. ``engine`` chooses whose line breaks and page breaks the preview shows:
    ``"word"`` (default; the documents are written for Word and WPS) or
    ``"libreoffice"``.
    """
    if engine not in ("word", "libreoffice"):
        raise ValueError(f"engine must be 'word' or 'libreoffice', not {engine!r}")
    laid = layout(report, normalize=normalize)
    writer = _Writer(laid, WORD if engine == "word" else LIBREOFFICE)
    placed = laid.pagination(writer.engine)
    unnumbered_from: int | None = None
    for item, where in zip(laid.items, placed.placements):
        assert where is not None
        heights = laid.line_heights(item, writer.engine)
        if isinstance(item, SectionBreak):
            if item.unnumbered_after:
                unnumbered_from = where.first_page + 1
            continue
        if isinstance(item, Block):
            writer.block(item, where.first_page, where.first_top_tw, heights, BLOCK_TW)
        elif isinstance(item, TableBlock):
            capacity = LANDSCAPE_BLOCK_TW if item.landscape else BLOCK_TW
            writer.table(item, where.first_page, where.first_top_tw, heights, capacity)
            if item.landscape:
                for n in range(where.first_page, where.last_page + 1):
                    writer.pages.at(n).landscape = True
        elif isinstance(item, ImprintBlock):
            writer.imprint(item, where.first_page, where.first_top_tw)
        elif isinstance(item, JointMarkBlock):
            writer.joint_mark(item, where.first_page, where.first_top_tw)
    for n in range(1, placed.pages + 1):
        writer.pages.at(n)  # a blank page (duplex) is a page too
    fmt = report.layout_format
    body = "".join(_page_html(p, placed.pages, unnumbered_from, fmt, laid.letter_mark)
                   for _, p in sorted(writer.pages.pages.items()))
    warnings = report.warnings
    head = ""
    if warnings:
        items_html = "".join(f"<li>{escape(w)}</li>" for w in warnings)
        head = (f'<div class="gd-warnings" role="note"><b>govdoc: {len(warnings)} '
                f"warning{'s' if len(warnings) > 1 else ''}</b><ul>{items_html}</ul></div>")
    digest = hashlib.sha1((head + body).encode("utf-8")).hexdigest()[:_SCOPE_DIGITS]
    scope = f"govdoc-{digest}"
    return (f'<div class="govdoc-preview {scope}" data-pages="{placed.pages}" '
            f'data-signature="{laid.signature.value}"><style>{_css(scope)}</style>'
            f"{head}{body}</div>")


def _page_html(page: _Page, total: int, unnumbered_from: int | None, fmt: DocFormat,
               mark: Block | None) -> str:
    """One page: its text block at the margins of 5.2.1, its page number (7.5)."""
    if page.landscape:  # the portrait page turned: the 订口 at the top (8)
        top, left = spec.MARGIN_LEFT.value, spec.MARGIN_BOTTOM.value
        width, height = spec.BLOCK_HEIGHT.value, spec.BLOCK_WIDTH.value
    else:
        top, left = spec.MARGIN_TOP.value, spec.MARGIN_LEFT.value
        width, height = spec.BLOCK_WIDTH.value, spec.BLOCK_HEIGHT.value
    numbered = not (unnumbered_from is not None and page.number >= unnumbered_from)
    if fmt is DocFormat.LETTER and page.number == 1:
        numbered = False  # 10.1: a letter's first page shows no page number
    extra = ""
    if mark is not None and page.number == 1:
        extra += _letter_head(mark)
    if numbered:
        extra += _page_number(page)
    cls = "gd-page gd-landscape" if page.landscape else "gd-page"
    return (f'<section class="{cls}" data-page="{page.number}">'
            f'<div class="gd-block" style="top:{top:g}mm;left:{left:g}mm;width:{width:g}mm;'
            f'height:{height:g}mm">{"".join(page.parts)}</div>{extra}</section>')


def _page_number(page: _Page) -> str:
    """"— N —" in 4号 宋体, its dash 7 mm under the block, one character in from the
    outer side: right on odd pages, left on even ones (7.5)."""
    dash = spec.PAGE_NUMBER_DASH.value
    size = spec.PAGE_NUMBER_SIZE.value
    side = spec.pt_to_mm(spec.PAGE_NUMBER_SIDE_INDENT.value * size)
    if page.landscape:  # the margins of the turned page (see _page_html)
        block_bottom = spec.MARGIN_LEFT.value + spec.BLOCK_WIDTH.value
        inner_left, inner_right = spec.MARGIN_BOTTOM.value, spec.MARGIN_TOP.value
    else:
        block_bottom = spec.MARGIN_TOP.value + spec.BLOCK_HEIGHT.value
        inner_left, inner_right = spec.MARGIN_LEFT.value, spec.MARGIN_RIGHT.value
    # The line's middle (where the dash is drawn) 7 mm under the block.
    top = block_bottom + spec.PAGE_NUMBER_DASH_BELOW_BLOCK.value - spec.pt_to_mm(size) / 2
    outer = "right" if page.number % 2 else "left"
    offset = (inner_right if outer == "right" else inner_left) + side
    text = f"{dash} {page.number} {dash}"
    return (f'<div class="gd-pn" style="top:{top:.2f}mm;{outer}:{offset:.2f}mm">'
            f"{escape(text)}</div>")


def html_document(report: Report, *, normalize: bool = True, engine: str = "word") -> str:
    """A whole HTML page holding :func:`report_html`, printable on A4 (one sheet a page)."""
    title = escape(report.title.replace("\n", ""))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>@page{{size:{spec.PAGE_WIDTH.value:g}mm "
        f"{spec.PAGE_HEIGHT.value:g}mm;margin:0}}body{{margin:0}}</style></head><body>"
        f"{report_html(report, normalize=normalize, engine=engine)}</body></html>\n"
    )

"""Measuring rendered pages: text lines, glyph positions and ink, in millimetres.

pdfplumber reports points from the page's top-left corner; everything here is
converted to millimetres. LibreOffice embeds fonts without descent, so a glyph's
``bottom`` is its baseline.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pdfplumber
from PIL import ImageOps

import govdoc
from govdoc.checker.geometry import PT_PER_MM, Glyph, Line, Page, mm, read_page
from govdoc.document import Document

__all__ = ["Glyph", "Line", "Page", "ink_bbox", "mm", "pdf_pages", "rendered_pages"]


def pdf_pages(pdf: Path) -> list[Page]:
    """Every page of the PDF at ``pdf``: its lines of glyphs, as the checker reads them.

    The PDF is closed again; each page's ``plumber`` can still be cropped and drawn."""
    with pdfplumber.open(str(pdf)) as doc:
        return [read_page(n, page) for n, page in enumerate(doc.pages, 1)]


def rendered_pages(documents: Mapping[str, govdoc.Report | Document | Path],
                   folder: Path) -> dict[str, list[Page]]:
    """Each document as LibreOffice lays it out, measured: name → pages.

    A report is rendered, and a rendered document saved, as ``folder/NAME.docx``; a path
    is a .docx already written. LibreOffice converts them all in one process, into
    ``folder``. Skips (fails in CI) when LibreOffice is missing.
    """
    from conftest import require_libreoffice
    from govdoc.convert import to_pdfs

    require_libreoffice()
    paths = []
    for name, document in documents.items():
        if isinstance(document, govdoc.Report):
            document = govdoc.render(document)
        if isinstance(document, Document):
            document.save(folder / f"{name}.docx")
            document = folder / f"{name}.docx"
        paths.append(document)
    return {name: pdf_pages(pdf) for name, pdf in zip(documents, to_pdfs(paths, folder))}


def ink_bbox(page: pdfplumber.page.Page, x0: float, top: float, x1: float, bottom: float,
             resolution: int = 600) -> tuple[float, float, float, float] | None:
    """The bounding box (mm) of dark pixels inside the given box (mm), or None."""
    crop = page.crop((x0 * PT_PER_MM, top * PT_PER_MM, x1 * PT_PER_MM, bottom * PT_PER_MM))
    image = crop.to_image(resolution=resolution).original.convert("L")
    mask = ImageOps.invert(image).point(lambda v: 255 if v > 128 else 0)
    box = mask.getbbox()
    if box is None:
        return None
    px = 25.4 / resolution
    return (x0 + box[0] * px, top + box[1] * px, x0 + box[2] * px, top + box[3] * px)


# -- The page geometry of GB/T 9704, and the checks every rendered 公文 must pass --------
# (Moved here from test_rendered_layout.py so that the seed, the examples and the parsed
# drafts are measured by the same code.)

from govdoc import spec  # noqa: E402

LEFT = spec.MARGIN_LEFT.value  # 28 mm
RIGHT = LEFT + spec.BLOCK_WIDTH.value  # 184 mm
TOP = spec.MARGIN_TOP.value  # 37 mm
BOTTOM = TOP + spec.BLOCK_HEIGHT.value  # 262 mm
PITCH = spec.pt_to_mm(spec.LINE_PITCH.value)
CH3 = spec.pt_to_mm(spec.BODY_SIZE.value)  # one 字 of 3号
CH4 = spec.pt_to_mm(spec.PAGE_NUMBER_SIZE.value)  # one 字 of 4号
PUNCT = set("，。、；：？！）》”’…—")
NO_LINE_START = set("，。、；：？！）》”’")

FANGSONG, KAITI, HEITI, XBS, SONG, LATIN = (
    "UMingCN", "UKaiCN", "WenQuanYiZenHei", "NotoSerifCJK", "NotoSansCJK", "LiberationSerif")


def text_lines(page: Page) -> list[Line]:
    """Lines inside the text block (the page number is below it)."""
    return [l for l in page.lines if l.baseline < BOTTOM + 1]


def footer_line(page: Page) -> Line:
    (line,) = [l for l in page.lines if l.baseline > BOTTOM + 1]
    return line


def slot(line: Line) -> int:
    """The grid line (0–21) a text line stands on.

    A line's baseline lies 0.6–0.9 of the pitch below the top of its grid line (0.73
    for 3号 text, 0.82 for the 2号 title).
    """
    position = (line.baseline - TOP) / PITCH
    index = int(position)
    assert 0.6 <= position - index <= 0.9, (line.text, position)
    return index


def used_slots(page: Page) -> int:
    return slot(text_lines(page)[-1]) + 1


def is_wide(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…"


def wrapped_full_width_lines(pages: list[Page]):
    """(line, next line) for lines of Chinese text that wrapped onto a next line."""
    for page in pages:
        lines = text_lines(page)
        for line, nxt in zip(lines, lines[1:]):
            inside = [g for g in line.glyphs if g.x1 <= RIGHT + 0.5]
            if nxt.x0 < LEFT + 0.5 and all(is_wide(g.text) for g in line.glyphs) \
                    and line.size == spec.BODY_SIZE.value and line.x0 < LEFT + 0.5:
                yield line, nxt, inside


def word_width(line: Line) -> float:
    """The line's width without the space LibreOffice adds between Chinese and digits.

    Word and WPS honour ``w:autoSpaceDE="0"``; LibreOffice 7.4 does not, so the sum
    of the glyph advances (with the grid's character squeeze) is the Word width.
    """
    squeeze = spec.pt_to_mm(spec.CHAR_SQUEEZE.value)
    return sum((g.x1 - g.x0) + squeeze for g in line.glyphs)


def signature_lines(pages: list[Page], issuer: str, date: str) -> tuple[Page, Line, Line]:
    """The page, 署名 line and 成文日期 line of a signature block."""
    for page in pages:
        lines = text_lines(page)
        for a, b in zip(lines, lines[1:]):
            if a.text == issuer and b.text == date:
                return page, a, b
    raise AssertionError(f"no signature block {issuer} / {date} found")


def assert_full_width_lines_hold_28_characters(pages: list[Page]) -> int:
    """Every wrapped line of Chinese text holds 28 characters (27 where a mark was pulled
    along to the next line); returns how many lines were counted."""
    counted = 0
    for line, nxt, inside in wrapped_full_width_lines(pages):
        if len(inside) == 27:
            # 避头尾: the next line starts with a character that pulled a mark along.
            assert nxt.text[1] in NO_LINE_START or nxt.text[0] in NO_LINE_START, line.text
            continue
        assert len(inside) == spec.CHARS_PER_LINE.value, line.text
        counted += 1
    return counted


def assert_no_line_starts_with_closing_punctuation(pages: list[Page]) -> None:
    for page in pages:
        for line in text_lines(page):
            assert line.text[0] not in NO_LINE_START, line.text


def assert_text_within_the_block(pages: list[Page]) -> None:
    """Text stays between 28 and 184 mm (a hung line-end mark aside)."""
    for page in pages:
        for line in text_lines(page):
            assert line.x0 >= LEFT - 0.3, line.text
            # LibreOffice hangs a line-end mark past the margin (it reads
            # w:overflowPunct inverted): measure the last glyph that is not one.
            body = [g for g in line.glyphs if g.text not in PUNCT]
            assert body[-1].x1 <= RIGHT + 0.3, line.text
            assert line.glyphs[-1].x1 <= RIGHT + CH3 + 0.3, line.text


def assert_page_numbers(pages: list[Page]) -> None:
    """"— N —" in 4号 宋体, its dash 7 mm under the block, odd pages right, even left."""
    for page in pages:
        line = footer_line(page)
        assert line.text == f"— {page.number} —"
        assert line.size == spec.PAGE_NUMBER_SIZE.value
        assert line.fonts() == {SONG} or all(f.startswith(SONG) for f in line.fonts())
        dash = line.glyphs[0]
        box = ink_bbox(page.plumber, dash.x0, dash.top - 1, dash.x1, dash.baseline + 1)
        assert box is not None
        centre = (box[1] + box[3]) / 2
        assert abs(centre - (BOTTOM + spec.PAGE_NUMBER_DASH_BELOW_BLOCK.value)) <= 1.0, centre
        if page.number % 2:
            assert abs(line.x1 - (RIGHT - CH4)) <= 1.0, line.x1
        else:
            assert abs(line.x0 - (LEFT + CH4)) <= 1.0, line.x0


def assert_one_line_per_grid_line(page: Page, size: float = spec.BODY_SIZE.value) -> None:
    """Every line of ``size`` text stands on a line of the 22-line grid, one per line."""
    slots = [slot(l) for l in text_lines(page) if l.size == size]
    assert slots == sorted(set(slots)), (page.number, slots)
    assert all(0 <= s < spec.LINES_PER_PAGE.value for s in slots), (page.number, slots)


def title_lines(page: Page) -> list[Line]:
    return [l for l in text_lines(page) if l.size == spec.TITLE_SIZE.value]


def assert_title(page: Page, title: str) -> None:
    """The title: 2号 小标宋, each of its lines centred in the block."""
    lines = title_lines(page)
    assert "".join(l.text for l in lines).replace(" ", "") == title.replace(" ", "")
    for line in lines:
        assert abs(line.centre - (LEFT + RIGHT) / 2) <= 1.0, line.text
        assert all(f.startswith(XBS) or f == LATIN for f in line.fonts()), line.fonts()


def assert_sealed_signature(pages: list[Page], issuer: str, date: str, *,
                            centred: bool = True) -> None:
    """7.3.5.1: the date right-indented 4 字, the 署名 centred over it (``centred``), and two
    blank lines between the body and the 署名."""
    page, sig, date_line = signature_lines(pages, issuer, date)
    assert abs(date_line.x1 - (RIGHT - 4 * CH3)) <= 1.0, date_line.x1
    if centred:
        date_centre = date_line.x1 - word_width(date_line) / 2
        assert abs(sig.centre - date_centre) <= 1.0, (sig.centre, date_centre)
    lines = text_lines(page)
    if lines.index(sig) > 0:
        above = lines[lines.index(sig) - 1]
        assert abs(sig.baseline - above.baseline - 3 * PITCH) <= 0.05 * PITCH, sig.text
    assert abs(date_line.baseline - sig.baseline - PITCH) <= 0.05 * PITCH


def assert_lines_on_the_grid(pages: list[Page], *, header: bool = False,
                             fitted: bool = False) -> None:
    """Every line of 3号 text stands on a line of the 22-line grid, one per grid line.

    With a 版头 (``header``), page 1's lines keep the grid's pitch under the 版头 but not
    its phase: the 版头's heights are set in millimetres, not in lines. When the layout
    tightened the last page's lines to keep the signature with the body (``fitted``,
    7.3.5.5), that page is off the grid by design and is not checked.
    """
    for page in pages:
        if fitted and page is pages[-1]:
            continue
        lines = [l for l in text_lines(page) if l.size == spec.BODY_SIZE.value]
        if not (header and page.number == 1):
            assert_one_line_per_grid_line(page)
            continue
        title = title_lines(page)
        below = [l for l in lines if title and l.baseline > title[-1].baseline]
        steps = [(l.baseline - below[0].baseline) / PITCH for l in below]
        assert all(abs(s - round(s)) <= 0.05 for s in steps), [round(s, 3) for s in steps]
        assert len({round(s) for s in steps}) == len(steps)
        assert below[-1].baseline <= BOTTOM + 0.5

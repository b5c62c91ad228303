"""The seed report as LibreOffice renders it, measured with pdfplumber.

These tests need LibreOffice; they skip on a developer machine without it and fail
in CI (CI=true). Positions are in millimetres from the page's top-left corner.
The documents are written for Word/WPS; where LibreOffice 7.4 differs (it hangs
line-end punctuation past the margin and adds space between Chinese and Latin text
despite ``autoSpaceDE=0``), the measurement allows for that and says so.
"""

from __future__ import annotations

import datetime

import pytest

import govdoc
from govdoc import spec

from pdfmeasure import (BOTTOM, CH3, CH4, FANGSONG, HEITI, KAITI, LATIN, LEFT, PITCH, RIGHT,
                        TOP, XBS, Line, Page, assert_full_width_lines_hold_28_characters,
                        assert_no_line_starts_with_closing_punctuation, assert_page_numbers,
                        assert_sealed_signature, assert_text_within_the_block, footer_line,
                        pdf_pages, rendered_pages, signature_lines, slot, text_lines, used_slots,
                        word_width, wrapped_full_width_lines)

__all__ = ["BOTTOM", "CH3", "CH4", "LEFT", "PITCH", "RIGHT", "TOP", "footer_line", "slot",
           "text_lines"]  # used by test_rendered_gongwen


@pytest.fixture(scope="module")
def pages(seed_pdf) -> list[Page]:
    return pdf_pages(seed_pdf)


def test_the_seed_renders_to_several_pages(pages):
    assert len(pages) >= 4


def test_22_lines_on_every_full_page(pages):
    for page in pages[:-1]:
        lines = text_lines(page)
        slots = [slot(l) for l in lines]
        assert slots == sorted(set(slots)), page.number  # one line per grid line
        if page is pages[-2] and slots[-1] < spec.LINES_PER_PAGE.value - 1:
            # The page before the last ends early only when the last paragraph, kept
            # with the 署名 and date, did not fit there.
            free = spec.LINES_PER_PAGE.value - 1 - slots[-1]
            assert free < used_slots(pages[-1]), (page.number, slots)
            continue
        # Page 1 starts with the title and its blank line; every page fills 22 slots.
        assert slots[-1] == spec.LINES_PER_PAGE.value - 1, (page.number, slots)
        if page.number > 1:
            assert len(lines) == spec.LINES_PER_PAGE.value, page.number
    assert used_slots(pages[-1]) <= spec.LINES_PER_PAGE.value


def test_first_line_sits_at_the_top_of_the_text_block(pages):
    for page in pages:
        first = text_lines(page)[0]
        # The baseline of an exact 28.95 pt line lies 0.7–0.8 of a line below its top.
        assert TOP + 0.6 * PITCH < first.baseline < TOP + 0.85 * PITCH, page.number


def test_28_characters_on_every_wrapped_line_of_full_width_text(pages):
    assert assert_full_width_lines_hold_28_characters(pages) > 40


def test_no_line_starts_with_closing_punctuation(pages):
    assert_no_line_starts_with_closing_punctuation(pages)


def test_text_stays_between_28_and_184_mm(pages):
    assert_text_within_the_block(pages)


def test_body_lines_fill_the_block_width(pages):
    widths = [line.x1 for line, _, inside in wrapped_full_width_lines(pages) if len(inside) == 28]
    assert widths and all(RIGHT - 0.7 <= x <= RIGHT + 0.3 for x in widths)


def test_page_numbers(pages):
    assert_page_numbers(pages)


def test_title_is_22pt_centred_in_xiaobiaosong(pages):
    title = text_lines(pages[0])[0]
    assert title.text == "棣棠乡2023年度法治政府建设情况报告"
    assert {g.size for g in title.glyphs} == {spec.TITLE_SIZE.value}
    assert abs(title.centre - (LEFT + RIGHT) / 2) <= 1.0
    assert all(f.startswith(XBS) or f == LATIN for f in title.fonts())
    # The title on the first grid line, one blank line, then the body.
    assert slot(title) == 0 and slot(text_lines(pages[0])[1]) == 2


def test_heading_fonts(pages):
    lines = [l for p in pages for l in text_lines(p)]
    h1 = [l for l in lines if l.text in ("一、工作开展情况", "二、主要存在不足")]
    assert len(h1) == 2 and all(l.fonts() == {HEITI} for l in h1)
    h1_latin = [l for l in lines if l.text == "三、2024年努力方向"][0]
    assert h1_latin.fonts() == {HEITI, LATIN}
    run_in = [l for l in lines if l.text.startswith("（一）强化组织领导")][0]
    heading_part = [g for g in run_in.glyphs if g.x0 < run_in.x0 + 18 * CH3 - 1]
    assert {g.font for g in heading_part[:18]} == {KAITI}
    assert run_in.glyphs[-1].font == FANGSONG
    # Run-in and level-1 headings are indented two characters like the body.
    for line in h1 + [run_in]:
        assert abs(line.x0 - (LEFT + 2 * spec.pt_to_mm(spec.CHAR_PITCH))) <= 0.6, line.text


def test_sealed_signature_geometry(pages):
    assert_sealed_signature(pages, "棣棠乡人民政府", "2024年1月18日")


def test_a_body_line_shares_the_page_with_the_signature(pages):
    page, sig, _ = signature_lines(pages, "棣棠乡人民政府", "2024年1月18日")
    assert page is pages[-1]
    body = [l for l in text_lines(page) if l.baseline < sig.baseline and l.size == spec.BODY_SIZE.value]
    assert body and FANGSONG in body[-1].fonts()


# -- The signature block across page boundaries, both layouts -----------------------

def padded_report(n_lines: int, sealed: bool) -> govdoc.Report:
    """A report whose body is ``n_lines`` full lines (28 characters each)."""
    para = "法" * (28 * 3 - 2)  # three lines, first indented two characters
    body = [para] * (n_lines // 3) + ["治" * (28 * (n_lines % 3) - 2)] * (n_lines % 3 > 0)
    return govdoc.Report(title="关于测试分页的报告", body=body, issuer="某某县人民政府办公室",
                         date=datetime.date(2024, 12, 25), sealed=sealed)


@pytest.fixture(scope="module")
def stepped(tmp_path_factory):
    cases = {(n, sealed): f"body{n}-{'sealed' if sealed else 'unsealed'}"
             for sealed in (True, False) for n in range(14, 24)}
    pages = rendered_pages({name: padded_report(n, sealed) for (n, sealed), name in cases.items()},
                           tmp_path_factory.mktemp("stepped"))
    return {case: pages[name] for case, name in cases.items()}


def test_signature_never_stands_alone_on_a_page(stepped):
    for (n, sealed), pages in stepped.items():
        last = text_lines(pages[-1])
        sig = [l for l in last if l.text == "某某县人民政府办公室"]
        assert sig, (n, sealed)
        body = [l for l in last if l.baseline < sig[0].baseline]
        assert body, f"{n} body lines, sealed={sealed}: signature page without body text"
        if len(pages) > 1:
            # The page before ends early only because the kept block did not fit there.
            free = spec.LINES_PER_PAGE.value - used_slots(pages[-2])
            assert free < used_slots(pages[-1]), (n, sealed, free)


def test_unsealed_signature_geometry(stepped):
    pages = stepped[(14, False)]
    lines = text_lines(pages[-1])
    sig = [l for l in lines if l.text == "某某县人民政府办公室"][0]
    date = lines[lines.index(sig) + 1]
    assert date.text == "2024年12月25日"
    # 署名 right-indented two characters, one blank line under the body (7.3.5.2).
    assert abs(sig.x1 - (RIGHT - 2 * CH3)) <= 1.0, sig.x1
    above = lines[lines.index(sig) - 1]
    assert slot(sig) - slot(above) == 2 and slot(date) == slot(sig) + 1
    # The date starts two characters right of the 署名's first character.
    date_left = date.x1 - word_width(date)  # Word's width, without LibreOffice's gaps
    assert abs(date_left - (sig.x0 + 2 * CH3)) <= 1.0, (date_left, sig.x0)


def test_the_pdf_holds_every_character_of_the_document(pages, seed_docx):
    # A mark hung past the margin is not drawn by LibreOffice 7.4; the converter
    # keeps it from hanging, so no character may go missing.
    from collections import Counter

    from docx import Document as open_docx

    written = Counter("".join(p.text for p in open_docx(str(seed_docx)).paragraphs))
    drawn = Counter(g.text for page in pages for line in text_lines(page) for g in line.glyphs)
    assert written - drawn == Counter()


def test_predicted_line_ends_match_the_seed_pdf(pages, seed_report):
    # The character-cell model, with LibreOffice's spacing rules, predicts every line.
    from govdoc.layout import layout
    from govdoc.styles import Role
    from govdoc.text.linebreak import LIBREOFFICE, break_lines

    predicted = []
    for block in layout(seed_report).items:
        if block.role is Role.TITLE:
            continue
        if block.role in (Role.SIGNATURE, Role.DATE):
            predicted.append(block.text)
        else:
            predicted += break_lines(block.text, engine=LIBREOFFICE)
    measured = [line.text for page in pages for line in text_lines(page)
                if line.size == spec.BODY_SIZE.value]
    assert len(measured) > 100
    assert measured == predicted

"""The pagination model: where every paragraph falls, without a renderer."""

from __future__ import annotations

import datetime

import pytest

import govdoc
from govdoc import spec
from govdoc.layout import Block, layout
from govdoc.pagination import BLOCK_TW, LIBREOFFICE, WORD, block_lines, paginate

from conftest import example_reports
from pdfmeasure import rendered_pages


def report(body, **kw):
    return govdoc.Report(title="关于测试分页的报告", body=body, issuer="某某乡人民政府",
                         date=datetime.date(2024, 1, 18), **kw)


def test_22_lines_a_page():
    # Title, its blank line, then 20 one-line paragraphs fill page 1 exactly.
    items = layout(report(["法" * 20] * 20 + ["治" * 20])).items
    pages = paginate(items, LIBREOFFICE)
    body = [i for i, b in enumerate(items) if b.text in ("法" * 20, "治" * 20)]
    assert pages.placements[body[19]].last_page == 1
    assert pages.placements[body[19]].last_bottom_tw == 22 * spec.LINE_PITCH_TW <= BLOCK_TW
    assert pages.placements[body[20]].first_page == 2


def test_engines_differ_only_where_libreoffice_widens_digits():
    text = "全年共发放宣传资料3000余份、组织法治宣传课4场、法律知识竞赛1场，" * 3
    block = layout(report([text])).items[1]
    word, libre = block_lines(block, WORD), block_lines(block, LIBREOFFICE)
    assert "".join(word) == "".join(libre) == text
    assert len(word) <= len(libre)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pagination")
    reports = example_reports(tmp)
    pages = rendered_pages(reports, tmp)
    return {name: (layout(r), pages[name]) for name, r in reports.items()}


def test_predicted_pages_and_lines_agree_with_libreoffice(rendered):
    checked = 0
    for name, (laid, pages) in rendered.items():
        items, predicted = laid.items, laid.pagination(LIBREOFFICE)
        assert predicted.pages == len(pages), name
        measured = [(p.number, line) for p in pages for line in p.lines]
        cursor = 0
        for item, place in zip(items, predicted.placements):
            if not isinstance(item, Block) or place is None:
                continue
            first = block_lines(item, LIBREOFFICE)[0].replace("\t", "").replace(" ", "")[:6]
            if not first:
                continue
            hit = next(k for k in range(cursor, len(measured))
                       if measured[k][1].text.replace(" ", "").startswith(first))
            cursor = hit + 1
            page, line = measured[hit]
            assert place.first_page == page, (name, first)
            if not item.off_grid and item.role.value not in ("mark", "doc_number"):
                top = spec.MARGIN_TOP.value + spec.twips_to_mm(place.first_top_tw)
                # The line's glyphs sit in the grid line the model put it on.
                assert top <= line.baseline <= top + spec.pt_to_mm(spec.LINE_PITCH.value), (
                    name, first)
            checked += 1
    assert checked > 80


def _line_by_line(count, height, page, y, capacity):
    first = None
    for _ in range(count):
        if y + height > capacity and y > 0:
            page, y = page + 1, 0
        if first is None:
            first = (page, y)
        y += height
    return page, y, first


def test_a_paragraphs_lines_fill_pages_as_set_line_by_line():
    import random

    from govdoc.pagination import _flow_lines

    rng = random.Random(7)
    for _ in range(20000):
        capacity = rng.choice([12758, 579 * 22, 1000, 300])
        height = rng.choice([579, 543, 440, 700, 1500, 20000])
        y = rng.randrange(0, capacity + 1)
        count = rng.randrange(1, 80)
        assert _flow_lines(count, height, 3, y, capacity) == _line_by_line(
            count, height, 3, y, capacity), (count, height, y, capacity)


def test_a_heading_is_measured_with_the_indent_it_inherits():
    # Headings are based on 正文文本 and take its two-character first-line indent (the
    # rendered-layout test sees it in LibreOffice): 27 characters take two lines.
    from govdoc.finish import paragraph_lines
    from govdoc.layout import Run
    from govdoc.styles import Role

    heading = Block(Role.HEADING_1, (Run("一、" + "法" * 25),))
    for engine in (WORD, LIBREOFFICE):
        assert block_lines(heading, engine) == paragraph_lines(heading, engine)
        assert len(block_lines(heading, engine)) == 2

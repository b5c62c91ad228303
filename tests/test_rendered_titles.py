"""The title table as LibreOffice renders it: every title shows exactly its lines.

All titles are rendered into their own documents and converted by one LibreOffice
process; each PDF's 2号 lines are then read back with pdfplumber.
"""

from __future__ import annotations

import datetime
import warnings

import pytest

import govdoc
from govdoc import spec

from conftest import require_libreoffice
from pdfmeasure import open_pdf, read_pages
from title_cases import CASES, Case

CENTRE = spec.MARGIN_LEFT.value + spec.BLOCK_WIDTH.value / 2
PITCH = spec.pt_to_mm(spec.LINE_PITCH.value)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, list]:
    require_libreoffice()
    from govdoc.convert import to_pdfs

    tmp = tmp_path_factory.mktemp("titles")
    paths = []
    for i, case in enumerate(CASES):
        report = govdoc.Report(title=case.title, title_shape=case.shape, body=["正文。"],
                               issuer="某某县人民政府", date=datetime.date(2024, 5, 6))
        path = tmp / f"title{i:02d}.docx"
        with warnings.catch_warnings():  # titles of every 文种 in reports of one kind
            warnings.simplefilter("ignore", govdoc.GovdocWarning)
            govdoc.render(report).save(path)
        paths.append(path)
    result = {}
    for case, pdf in zip(CASES, to_pdfs(paths, tmp)):
        with open_pdf(pdf) as doc:
            page = read_pages(doc)[0]
        result[case.title] = [line for line in page.lines if line.size == spec.TITLE_SIZE.value]
    return result


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.title[:12])
def test_the_pdf_shows_exactly_the_title_lines(rendered, case: Case):
    lines = rendered[case.title]
    assert [line.text for line in lines] == case.lines
    for line in lines:
        assert abs(line.centre - CENTRE) <= 1.0, (line.text, line.centre)
    # One paragraph: its lines follow each other at the title's own line height.
    gaps = [b.baseline - a.baseline for a, b in zip(lines, lines[1:])]
    assert all(0.8 * spec.pt_to_mm(spec.TITLE_SIZE.value) < g < 2 * PITCH for g in gaps), gaps

"""The title table and the title corpus as LibreOffice renders them.

The table's titles are rendered into their own documents; the corpus's 84 titles are
the attachment titles of one more document (one attachment a page), so the same rule
is measured on a second centred element. All are converted by one LibreOffice process
(about 30 s); each PDF's 2号 lines are then read back with pdfplumber.
"""

from __future__ import annotations

import datetime
import warnings

import pytest

import govdoc
from govdoc import spec

from pdfmeasure import rendered_pages
from title_cases import CASES, Case
from title_corpus import CORPUS, Title

LEFT = spec.MARGIN_LEFT.value
CENTRE = LEFT + spec.BLOCK_WIDTH.value / 2
PITCH = spec.pt_to_mm(spec.LINE_PITCH.value)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, list]:
    documents: dict[str, govdoc.Document] = {}
    for i, case in enumerate(CASES):
        report = govdoc.Report(title=case.title, title_shape=case.shape, body=["正文。"],
                               issuer="某某县人民政府", date=datetime.date(2024, 5, 6))
        with warnings.catch_warnings():  # titles of every 文种 in reports of one kind
            warnings.simplefilter("ignore", govdoc.GovdocWarning)
            documents[f"title{i:02d}"] = govdoc.render(report)
    documents["corpus"] = govdoc.render(govdoc.Report(
        kind="通知", title="关于印发标题样例的通知", body=["现将标题样例印发给你们。"],
        issuer="某某县人民政府办公室", date=datetime.date(2024, 5, 6),
        attachments=[govdoc.Attachment(title=t.title, body=["正文。"]) for t in CORPUS]))
    rendered = rendered_pages(documents, tmp_path_factory.mktemp("titles"))
    result = {}
    for i, case in enumerate(CASES):
        page = rendered[f"title{i:02d}"][0]
        result[case.title] = [line for line in page.lines if line.size == spec.TITLE_SIZE.value]
    pages = rendered["corpus"]
    # After the notice's own pages, each page opens with one attachment's title.
    titled = [[line for line in page.lines if line.size == spec.TITLE_SIZE.value]
              for page in pages]
    titled = [lines for lines in titled if lines]
    assert len(titled) == 1 + len(CORPUS)
    for t, lines in zip(CORPUS, titled[1:]):
        result[t.title] = lines
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


@pytest.mark.parametrize("t", CORPUS, ids=lambda t: t.title[:14])
def test_the_pdf_shows_each_corpus_title_as_the_clerk_breaks_it(rendered, t: Title):
    lines = rendered[t.title]
    assert tuple(line.text for line in lines) == t.lines  # the expected breaks, and only them
    for line in lines:
        chars = len(line.text.replace(" ", ""))
        width = line.x1 - line.x0  # at most 20 characters of 2号
        assert chars >= 3 and width <= 20 * spec.pt_to_mm(spec.TITLE_SIZE.value) + 0.5, (
            line.text, width)
        assert LEFT <= line.x0 and line.x1 <= LEFT + spec.BLOCK_WIDTH.value
        assert abs(line.centre - CENTRE) <= 1.0, (line.text, line.centre)
    for phrase in t.keep:  # no noun phrase, name or number cut between two lines
        assert any(phrase in line.text for line in lines), phrase

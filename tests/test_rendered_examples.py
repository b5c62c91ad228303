"""Every example document, rendered by LibreOffice: clean line ends (避头尾), nothing lost."""

from __future__ import annotations

from collections import Counter

import pytest
from docx import Document as open_docx

import govdoc
from govdoc.text.kinsoku import LIBREOFFICE_NO_LINE_END, LIBREOFFICE_NO_LINE_START

from conftest import ROOT, example_reports
from pdfmeasure import rendered_pages, text_lines


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """name → (.docx, its text lines as rendered), each example plain and finished."""
    tmp = tmp_path_factory.mktemp("examples")
    documents = {f"{name}{'-finished' if finish else ''}": govdoc.render(report, finish=finish)
                 for name, report in example_reports(tmp).items() for finish in (False, True)}
    return {name: (tmp / f"{name}.docx", [l for page in pages for l in text_lines(page)])
            for name, pages in rendered_pages(documents, tmp).items()}


def test_there_are_examples(tmp_path):
    names = set(example_reports(tmp_path))
    assert {"didiao_2023_report", "notice", "request", "sealed_report", "order", "minutes",
            "letter", "joint_notice", "joint_notice_unsealed"} <= names
    # Every example script builds a document this test renders. from_text builds the
    # seed report again, from the seed's text (its own tests); ring_png and _run are
    # helpers (the stand-in seal images, the command line every example shares).
    assert names == {p.stem for p in (ROOT / "examples").glob("*.py")
                     if p.stem not in ("ring_png", "_run", "from_text")}


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(rendered):
    checked = 0
    for name, (_, lines) in rendered.items():
        for line in lines:
            assert line.text[0] not in LIBREOFFICE_NO_LINE_START, (name, line.text)
            assert line.text[-1] not in LIBREOFFICE_NO_LINE_END, (name, line.text)
            checked += 1
    assert checked > 100


def test_every_character_is_drawn(rendered):
    for name, (path, lines) in rendered.items():
        written = Counter(ch for p in open_docx(str(path)).paragraphs for ch in p.text
                          if ch not in "\t\n")  # tabs and line breaks are not glyphs
        drawn = Counter(g.text for line in lines for g in line.glyphs)
        assert written - drawn == Counter(), name

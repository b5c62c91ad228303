"""The finishing pass checked against LibreOffice: single-character last lines, with and without.

The test document is built to end paragraphs in single-character lines: paragraphs
with a number whose width leaves a line nearly a character of room (which 0.1 pt
of tightening can pull the last character into), and paragraphs of Chinese
characters alone (which it cannot). The same document is rendered with and without
the pass, and both are converted by one LibreOffice process.
"""

from __future__ import annotations

import datetime

import pytest

import govdoc
from govdoc import spec
from govdoc.finish import paragraph_lines, single_character_last_line
from govdoc.layout import layout
from govdoc.styles import Role
from govdoc.text.linebreak import LIBREOFFICE

from orphans import paragraphs_ending_in_one_character
from pdfmeasure import Page, rendered_pages, text_lines

LEFT = spec.MARGIN_LEFT.value
ISSUER, DATE = "某某乡人民政府", "2024年1月18日"


FIXABLE = paragraphs_ending_in_one_character(4, fixable=True)
PLAIN = paragraphs_ending_in_one_character(2, fixable=False)


def report() -> govdoc.Report:
    return govdoc.Report(title="关于测试段末单字的报告", body=FIXABLE + PLAIN, issuer=ISSUER,
                         date=datetime.date(2024, 1, 18))


def measured_paragraphs(pages: list[Page]) -> list[list[str]]:
    """The body paragraphs' lines: a paragraph starts with an indented line."""
    lines = [l for page in pages for l in text_lines(page)
             if l.size == spec.BODY_SIZE.value and l.text not in (ISSUER, DATE)]
    paragraphs: list[list[str]] = []
    for line in lines:
        if line.x0 > LEFT + 5 or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line.text)
    return paragraphs


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    docs = {"plain": govdoc.render(report()), "finished": govdoc.render(report(), finish=True)}
    pages = rendered_pages(docs, tmp_path_factory.mktemp("finish"))
    return docs, {name: measured_paragraphs(pages[name]) for name in docs}


def test_without_the_pass_every_built_paragraph_ends_in_one_character(rendered):
    _, measured = rendered
    assert len(measured["plain"]) == len(FIXABLE) + len(PLAIN)
    assert all(single_character_last_line(p) for p in measured["plain"])


def test_with_the_pass_the_fixable_ones_end_in_full_lines(rendered):
    docs, measured = rendered
    fixed, left = measured["finished"][:len(FIXABLE)], measured["finished"][len(FIXABLE):]
    assert not any(single_character_last_line(p) for p in fixed)
    assert [len(p) for p in fixed] == [len(p) - 1 for p in measured["plain"][:len(FIXABLE)]]
    # Chinese characters alone cannot be pulled up within 0.1 pt; the report says so.
    assert all(single_character_last_line(p) for p in left)
    notes = docs["finished"].finish_report
    assert [n.fixed for n in notes] == [True] * len(FIXABLE) + [False] * len(PLAIN)
    assert all(n.spacing_pt is None for n in notes[len(FIXABLE):])
    # The words are the same in both documents.
    assert [p.text for p in docs["finished"].paragraphs] == [p.text for p in docs["plain"].paragraphs]


def test_the_predicted_lines_are_the_rendered_lines(rendered):
    docs, measured = rendered
    for name, finished in (("plain", False), ("finished", True)):
        laid = layout(report())
        blocks = laid.finished()[0].items if finished else laid.items
        predicted = [paragraph_lines(b, LIBREOFFICE) for b in blocks if b.role is Role.BODY]
        assert predicted == measured[name], name

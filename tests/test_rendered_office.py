"""Office 红头 templates as LibreOffice renders them.

The seed report and the notice example, each rendered through the three office
templates of ``office_templates.py``; then ``template init`` on the rendered notice
(govdoc's own template and each office template) and the notice rendered again through
what it made. All PDFs come from one LibreOffice call (about 15 s on 2 cores).
"""

from __future__ import annotations

import datetime
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

import pytest
from office_templates import KINDS, build
from pdfmeasure import (
    BOTTOM,
    LEFT,
    RIGHT,
    TOP,
    Page,
    assert_full_width_lines_hold_28_characters,
    assert_lines_on_the_grid,
    ink_bbox,
    rendered_pages,
)

import govdoc
from govdoc import GovdocWarning, Header, Imprint, spec
from govdoc.layout import layout
from govdoc.office_template import init_template
from govdoc.text import format_date

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
sys.path.insert(0, str(EXAMPLES))
import didiao_2023_report  # noqa: E402
import notice  # noqa: E402

SEED = didiao_2023_report.REPORT.model_copy(update={
    "header": Header(organs=["棣棠乡人民政府"], number="棣政报〔2024〕1号"),
    "imprint": Imprint(cc=["县司法局"], printer="棣棠乡党政综合办公室",
                       date=datetime.date(2024, 1, 19)),
    "extra": {"公开属性": "此件公开发布"},
})
NOTICE = notice.REPORT.model_copy(update={"extra": {"公开属性": "此件不公开"}})
REPORTS = {"seed": SEED, "notice": NOTICE}
ROUND_TRIPS = ("own", *KINDS)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, list[Page]]:
    tmp = tmp_path_factory.mktemp("office-rendered")
    docs: dict[str, Path] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GovdocWarning)  # 份号… not shown by b and c
        for kind in KINDS:
            docs[f"template-{kind}"] = build(kind, tmp / f"template-{kind}.docx")
            for name, report in REPORTS.items():
                docs[f"{name}-{kind}"] = tmp / f"{name}-{kind}.docx"
                govdoc.render(report, docs[f"template-{kind}"]).save(docs[f"{name}-{kind}"])
        docs["notice-own"] = tmp / "notice-own.docx"
        govdoc.render(NOTICE).save(docs["notice-own"])
        for source in ROUND_TRIPS:
            made = tmp / f"init-{source}.docx"
            init_template(docs[f"notice-{source}"], made)
            docs[f"again-{source}"] = tmp / f"again-{source}.docx"
            govdoc.render(NOTICE, made).save(docs[f"again-{source}"])
    start = time.perf_counter()
    out = rendered_pages(docs, tmp)
    print(f"\n{len(out)} PDFs in one LibreOffice call: {time.perf_counter() - start:.1f} s")
    return out


def _red(color) -> bool:
    return bool(color) and len(color) == 3 and color[0] > 0.75 and max(color[1:]) < 0.25


def mark_box(page: Page) -> tuple[float, float, float, float]:
    """The 标志 on page 1 (mm): its red glyphs, or the picture of a picture 标志."""
    glyphs = [g for line in page.lines for g in line.glyphs
              if _red(g.color) and g.size >= 20 and g.baseline < TOP + 80]
    if glyphs:
        return (min(g.x0 for g in glyphs), min(g.top for g in glyphs),
                max(g.x1 for g in glyphs), max(g.baseline for g in glyphs))
    mm = 25.4 / 72
    (image,) = [i for i in page.plumber.images if (i["x1"] - i["x0"]) * mm > 100]
    return (image["x0"] * mm, image["top"] * mm, image["x1"] * mm, image["bottom"] * mm)


def assert_same_place(box, want, tolerance: float = 0.5) -> None:
    assert all(abs(a - b) <= tolerance for a, b in zip(box, want)), (box, want)


def page_texts(pages: list[Page]) -> list[list[str]]:
    return [[line.text for line in page.lines] for page in pages]


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_mark_stays_where_the_template_put_it(rendered, kind, name):
    want = mark_box(rendered[f"template-{kind}"][0])
    assert_same_place(mark_box(rendered[f"{name}-{kind}"][0]), want)
    # …where GB/T 9704 puts it: the top of its ink (of its picture) 35 mm under the
    # block's top (7.2.4); a text 标志 centred on the block.
    page = rendered[f"template-{kind}"][0]
    ink = want if kind == "b" else ink_bbox(page.plumber, want[0] - 2, want[1] - 2,
                                            want[2] + 2, want[3] + 2)
    assert abs(ink[1] - (TOP + spec.MARK_TOP_BELOW_BLOCK.value)) <= 0.5, ink
    if kind != "b":
        assert abs((ink[0] + ink[2]) / 2 - (LEFT + RIGHT) / 2) <= 1.0, ink


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_fields_are_filled(rendered, kind, name):
    pages = rendered[f"{name}-{kind}"]
    report = REPORTS[name]
    for page in pages:
        for line in page.lines:
            assert "{{" not in line.text and "{%" not in line.text, line.text
    first = [line.text for line in pages[0].lines]
    assert report.header.number in "".join(first).replace(" ", "")
    if kind == "a":  # the header's extra field, on every page
        for page in pages:
            assert page.lines[0].text == report.extra["公开属性"]
            assert page.lines[0].baseline < TOP
    if kind in "ab" and report.header.copy_number:  # a line; b: a text box
        assert report.header.copy_number in first
    last = "".join(line.text for line in pages[-1].lines).replace(" ", "")
    printed = format_date(report.imprint.date) + "印发"
    assert report.imprint.printer + printed in last


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_body_keeps_22_lines_of_28_characters(rendered, kind, name):
    pages = [replace(p, lines=[line for line in p.lines if line.baseline > TOP])
             for p in rendered[f"{name}-{kind}"]]
    fitted = any(getattr(b, "off_grid", False) for b in layout(REPORTS[name]).items)
    assert_lines_on_the_grid(pages, header=True, fitted=fitted)
    assert assert_full_width_lines_hold_28_characters(pages) >= (40 if name == "seed" else 1)


def imprint_rules(page: Page):
    return [r for r in page.rules if not r.red and r.width >= 0.2 and r.length > 150]


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_imprint_sits_at_the_foot_of_the_last_page(rendered, kind, name):
    pages = rendered[f"{name}-{kind}"]
    rules = sorted(imprint_rules(pages[-1]), key=lambda r: r.y)
    assert len(rules) == 3
    assert abs(rules[-1].y - BOTTOM) <= 1.0, rules[-1].y
    assert abs(rules[0].width - spec.IMPRINT_OUTER_RULE.value) <= 0.1
    assert abs(rules[1].width - spec.IMPRINT_INNER_RULE.value) <= 0.1
    for page in pages[:-1]:
        assert not imprint_rules(page)


@pytest.mark.parametrize("source", ROUND_TRIPS)
def test_template_init_renders_the_same_document_again(rendered, source):
    before, again = rendered[f"notice-{source}"], rendered[f"again-{source}"]
    assert page_texts(again) == page_texts(before)
    assert_same_place(mark_box(again[0]), mark_box(before[0]))

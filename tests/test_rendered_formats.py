"""The special formats of GB/T 9704 clause 10 and the 签名章 form (7.3.5.3), rendered.

Positions in millimetres from the page's top-left corner.
"""

from __future__ import annotations

import sys

import pytest

from govdoc import spec

from conftest import ROOT, load_example
from pdfmeasure import Page, ink_bbox, rendered_pages
from test_rendered_layout import CH3, LEFT, PITCH, RIGHT, TOP, text_lines

sys.path.insert(0, str(ROOT / "examples"))
from ring_png import write_frame  # noqa: E402


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, list[Page]]:
    tmp = tmp_path_factory.mktemp("formats")
    frame = write_frame(tmp / "frame.png")
    return rendered_pages({"order": load_example("order").order(frame),
                           "minutes": load_example("minutes").REPORT,
                           "letter": load_example("letter").REPORT}, tmp)


def test_order_mark_20_mm_below_the_block_then_number_then_body(rendered):
    page = rendered["order"][0]
    mark = next(l for l in page.lines if l.text == "棣棠乡人民政府令")
    box = ink_bbox(page.plumber, LEFT, mark.glyphs[0].top - 2, RIGHT, mark.baseline + 2)
    assert abs(box[1] - (TOP + spec.ORDER_MARK_TOP_BELOW_BLOCK.value)) <= 1.0, box
    assert abs(mark.centre - (LEFT + RIGHT) / 2) <= 1.0
    lines = text_lines(page)
    number = lines[lines.index(mark) + 1]
    body = lines[lines.index(mark) + 2]
    assert number.text == "第1号" and abs(number.centre - (LEFT + RIGHT) / 2) <= 1.0
    mark_bottom = mark.baseline + (1 - 0.81) * spec.pt_to_mm(mark.size)
    number_top = number.baseline - 0.73 * PITCH
    assert abs(number_top - mark_bottom - 2 * PITCH) <= 1.5
    gap = (body.baseline - number.baseline) / PITCH
    assert abs(gap - (spec.ORDER_LINES_TO_BODY.value + 1)) < 0.05
    assert not [l for l in page.plumber.lines if l.get("stroking_color") == (1.0, 0.0, 0.0)]


def test_signature_seal_offsets(rendered):
    page = rendered["order"][-1]
    (seal,) = [(i["x0"] * 25.4 / 72, i["top"] * 25.4 / 72, i["x1"] * 25.4 / 72,
                i["bottom"] * 25.4 / 72) for i in page.plumber.images]
    lines = text_lines(page)
    title = next(l for l in lines if l.text == "乡长")
    date = next(l for l in lines if l.text == "2024年1月18日")
    body = lines[lines.index(title) - 1]
    # The seal right-indented four characters; the post two characters to its left.
    assert abs(seal[2] - (RIGHT - 4 * CH3)) <= 1.0
    assert abs(seal[0] - title.x1 - 2 * CH3) <= 1.0
    # The post is centred vertically on the seal.
    title_mid = (title.glyphs[0].top + title.baseline) / 2
    assert abs(title_mid - (seal[1] + seal[3]) / 2) <= 1.0
    # Two blank lines between the body and the seal; one between the seal and the date.
    body_bottom = body.baseline + 0.27 * PITCH
    assert abs(seal[1] - body_bottom - 2 * PITCH) <= 1.5
    date_top = date.baseline - 0.73 * PITCH
    assert abs(date_top - seal[3] - PITCH) <= 1.5
    assert abs(date.x1 - (RIGHT - 4 * CH3)) <= 1.0


def test_minutes_attendance_labels_and_hanging_names(rendered):
    lines = [l for p in rendered["minutes"] for l in text_lines(p)]
    present = next(l for l in lines if l.text.startswith("出席："))
    wrapped = lines[lines.index(present) + 1]
    for label in ("出席：", "请假：", "列席："):
        line = next(l for l in lines if l.text.startswith(label))
        assert abs(line.x0 - (LEFT + 2 * spec.pt_to_mm(spec.CHAR_PITCH))) <= 0.6
        assert {g.font for g in line.glyphs[:2]} == {"WenQuanYiZenHei"}
        assert {g.font for g in line.glyphs[3:]} <= {"UMingCN", "LiberationSerif"}
    colon = present.glyphs[2]
    assert colon.text == "：" and abs(wrapped.x0 - colon.x1) <= 0.6
    assert not any(p.plumber.images for p in rendered["minutes"])  # 纪要: no seal
    mark = next(l for l in rendered["minutes"][0].lines if l.text.endswith("纪要") and l.size > 30)
    box = ink_bbox(rendered["minutes"][0].plumber, LEFT, mark.glyphs[0].top - 2, RIGHT,
                   mark.baseline + 2)
    assert abs(box[1] - (TOP + spec.MARK_TOP_BELOW_BLOCK.value)) <= 1.0


def test_letter_mark_rules_and_numbering(rendered):
    pages = rendered["letter"]
    first = pages[0]
    mark = first.lines[0]
    assert mark.text == "棣棠乡人民政府" and mark.size > 30  # the name, no 文件
    box = ink_bbox(first.plumber, 10, mark.glyphs[0].top - 2, 200, mark.baseline + 2)
    assert abs(box[1] - spec.LETTER_MARK_TOP.value) <= 1.0, box
    mm = 25.4 / 72
    red = sorted(((o["top"] * mm, o["x0"] * mm, o["x1"] * mm, o["linewidth"])
                  for o in first.plumber.lines if o.get("stroking_color") == (1.0, 0.0, 0.0)))
    red = sorted(set((round(y, 2), round(x0, 1), round(x1, 1), w) for y, x0, x1, w in red))
    assert len(red) == 4, red
    (top_thick, top_thin, bottom_thin, bottom_thick) = red
    # Top: thick over thin, 4 mm under the 标志; bottom: thin over thick, 20 mm above
    # the page's bottom edge; both 170 mm long and centred.
    assert top_thick[3] > top_thin[3] and bottom_thick[3] > bottom_thin[3]
    assert abs(top_thick[0] - box[3] - spec.LETTER_TOP_RULE_BELOW_MARK.value) <= 0.5
    assert abs(bottom_thick[0] - (spec.PAGE_HEIGHT.value - spec.LETTER_BOTTOM_RULE_ABOVE_EDGE.value)) <= 1.0
    for _, x0, x1, _ in red:
        assert abs(x1 - x0 - spec.LETTER_RULE_LENGTH.value) <= 0.5
        assert abs((x0 + x1) / 2 - (LEFT + RIGHT) / 2) <= 0.5
    # 份号 flush left and 发文字号 flush right on the first line under the rule.
    line = text_lines(first)[1]
    assert line.text.startswith("000012") and line.text.endswith("棣政函〔2024〕3号")
    assert abs(line.x0 - LEFT) <= 0.3 and abs(line.x1 - RIGHT) <= 0.5
    assert line.glyphs[0].top - top_thin[0] > 0
    # No page number on page 1; the others keep theirs at 269 mm.
    assert not [l for l in first.lines if l.text.startswith("—")]
    assert len(pages) >= 2
    for page in pages[1:]:
        (number,) = [l for l in page.lines if l.text.startswith("—")]
        assert number.text == f"— {page.number} —"
        dash = number.glyphs[0]
        ink = ink_bbox(page.plumber, dash.x0, dash.top - 1, dash.x1, dash.baseline + 1)
        assert abs((ink[1] + ink[3]) / 2 - 269) <= 1.0


def test_letter_imprint_has_no_rules_and_no_printing_line(rendered):
    last = rendered["letter"][-1]
    assert any(l.text == "抄送：县人民政府办公室。" for l in last.lines)
    assert not any(l.text.endswith("印发") for l in last.lines)
    black = [o for o in last.plumber.lines if o.get("stroking_color") != (1.0, 0.0, 0.0)]
    assert not black

"""The whole 公文 as LibreOffice renders it: 版头, 主送, 附件说明, 附件, 附注, 版记.

Measured with pdfplumber on the example 通知 (examples/notice.py) and 请示
(examples/request.py). Positions in millimetres from the page's top-left corner.
"""

from __future__ import annotations

import datetime

import pytest

import govdoc
from govdoc import spec

from conftest import load_example
from pdfmeasure import Line, Page, ink_bbox, rendered_pages
from test_rendered_layout import (BOTTOM, CH3, CH4, LEFT, PITCH, RIGHT, TOP, footer_line,
                                  slot, text_lines)

RED = (1.0, 0.0, 0.0)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, list[Page]]:
    return rendered_pages({"notice": load_example("notice").REPORT,
                           "request": load_example("request").REPORT},
                          tmp_path_factory.mktemp("gongwen"))


def imprint_rules(page: Page) -> list[dict]:
    """Black horizontal rules the width of the block and at least 0.2 mm thick."""
    return sorted((r for r in rules(page) if r["color"] != RED and r["width"] >= 0.2
                   and r["x1"] - r["x0"] > 150), key=lambda r: r["y"])


def find(page: Page, start: str) -> Line:
    return next(l for l in page.lines if l.text.startswith(start))


def rules(page: Page) -> list[dict]:
    mm = 25.4 / 72
    return [dict(y=o["top"] * mm, x0=o["x0"] * mm, x1=o["x1"] * mm, width=o["linewidth"] * mm,
                 color=tuple(o.get("stroking_color") or ())) for o in page.plumber.lines]


def test_mark_top_edge_is_35_mm_below_the_block_and_red(rendered):
    for name in ("notice", "request"):
        page = rendered[name][0]
        mark = find(page, "棣棠乡人民政府文件")
        box = ink_bbox(page.plumber, LEFT, mark.glyphs[0].top - 2, RIGHT, mark.baseline + 2)
        assert abs(box[1] - (TOP + spec.MARK_TOP_BELOW_BLOCK.value)) <= 1.0, (name, box)
        assert abs(mark.centre - (LEFT + RIGHT) / 2) <= 1.0
        colors = {c["non_stroking_color"] for c in page.plumber.chars if c["text"] in "棣棠文件"
                  and c["size"] > 30}
        assert colors == {RED}, colors


def test_red_rule_4_mm_under_the_number_and_156_mm_long(rendered):
    for name, number in (("notice", "棣政发〔2024〕5号"), ("request", "棣政〔2024〕12号")):
        page = rendered[name][0]
        line = find(page, number)
        ink = ink_bbox(page.plumber, line.x0, line.glyphs[0].top - 1, line.x0 + 50, line.baseline + 2)
        (rule,) = {(round(r["y"], 2), round(r["x0"], 1), round(r["x1"], 1), r["color"])
                   for r in rules(page) if r["color"] == RED}
        y, x0, x1, _ = rule
        assert abs(y - ink[3] - spec.RULE_BELOW_NUMBER.value) <= 0.5, (name, y, ink[3])
        assert abs(x0 - LEFT) <= 0.5 and abs(x1 - RIGHT) <= 0.5


def test_title_two_lines_below_the_rule(rendered):
    page = rendered["notice"][0]
    rule_y = next(r["y"] for r in rules(page) if r["color"] == RED)
    title = next(l for l in page.lines if l.size == spec.TITLE_SIZE.value)
    line_top = title.baseline - 0.82 * PITCH  # a 2号 line's baseline lies 0.82 of the pitch down
    assert abs(line_top - (rule_y + spec.RULE_LINES_TO_TITLE.value * PITCH)) <= 3.0


def test_copy_number_secrecy_urgency_flush_left_on_lines_1_to_3(rendered):
    page = rendered["notice"][0]
    for i, (text, fonts) in enumerate((("000001", {"LiberationSerif"}),
                                       ("秘密★1年", {"WenQuanYiZenHei", "LiberationSerif"}),
                                       ("特急", {"WenQuanYiZenHei"}))):
        line = text_lines(page)[i]
        assert line.text == text and slot(line) == i and abs(line.x0 - LEFT) <= 0.3
        assert line.fonts() <= fonts | {"WenQuanYiZenHei"}


def test_recipients_flush_left_one_line_below_the_title(rendered):
    page = rendered["notice"][0]
    line = find(page, "各村（社区）、乡属各单位：")
    assert abs(line.x0 - LEFT) <= 0.3


def test_attachment_note_indent_and_hanging_alignment(rendered):
    lines = [l for p in rendered["notice"] for l in text_lines(p)]
    first = next(l for l in lines if l.text.startswith("附件：1."))
    i = lines.index(first)
    second, wrapped, third = lines[i + 1], lines[i + 2], lines[i + 3]
    assert abs(first.x0 - (LEFT + 2 * CH3)) <= 0.6
    name_x = first.glyphs[[g.text for g in first.glyphs].index(".") + 1].x0
    number_x = first.glyphs[[g.text for g in first.glyphs].index("1")].x0
    assert second.text.startswith("2.") and abs(second.x0 - number_x) <= 0.6
    assert abs(wrapped.x0 - name_x) <= 0.6, (wrapped.text, wrapped.x0, name_x)
    assert third.text.startswith("3.") and abs(third.x0 - number_x) <= 0.6
    assert not any(l.text.rstrip().endswith(("。", "，", "；")) for l in (first, second, wrapped, third))


def test_each_attachment_starts_a_new_page(rendered):
    pages = rendered["notice"]
    starts = [p for p in pages if text_lines(p) and text_lines(p)[0].text.startswith("附件")
              and not text_lines(p)[0].text.startswith("附件：")]
    assert [text_lines(p)[0].text for p in starts] == ["附件1", "附件3"]
    for page in starts:
        label, title = text_lines(page)[:2]
        assert slot(label) == 0 and abs(label.x0 - LEFT) <= 0.3 and label.fonts() <= {
            "WenQuanYiZenHei", "LiberationSerif"}
        assert slot(title) == 2 and abs(title.centre - (LEFT + RIGHT) / 2) <= 1.0
        assert title.size == spec.TITLE_SIZE.value


def test_note_under_the_date_indented_two_characters(rendered):
    lines = [l for p in rendered["notice"] for l in text_lines(p)]
    date = next(l for l in lines if l.text == "2024年1月18日")
    note = lines[lines.index(date) + 1]
    assert note.text == "（联系人：王某某，联系电话：0871-1234567）"
    assert abs(note.x0 - (LEFT + 2 * CH3)) <= 0.6 and slot(note) == slot(date) + 1


def test_imprint_at_the_foot_of_the_last_page(rendered):
    for name in ("notice", "request"):
        last = rendered[name][-1]
        black = imprint_rules(last)
        assert len(black) == 3, name
        assert abs(black[-1]["y"] - BOTTOM) <= 1.0
        widths = [round(r["width"], 2) for r in black]
        assert abs(widths[0] - spec.IMPRINT_OUTER_RULE.value) <= 0.1
        assert abs(widths[1] - spec.IMPRINT_INNER_RULE.value) <= 0.1
        assert abs(widths[2] - spec.IMPRINT_OUTER_RULE.value) <= 0.1
        assert all(abs(r["x0"] - LEFT) <= 0.5 and abs(r["x1"] - RIGHT) <= 0.5 for r in black)
        cc = find(last, "抄送：")
        printed = next(l for l in last.lines if l.text.endswith("印发"))
        assert abs(cc.x0 - (LEFT + CH4)) <= 0.5 and cc.size == spec.IMPRINT_SIZE.value
        assert last.lines[last.lines.index(printed) - 1].text.endswith("。")
        assert abs(printed.x0 - (LEFT + CH4)) <= 0.5 and abs(printed.x1 - (RIGHT - CH4)) <= 0.5
        for page in rendered[name][:-1]:
            assert not imprint_rules(page)


def test_imprint_wrapped_cc_aligns_after_the_colon(rendered):
    last = rendered["notice"][-1]
    cc = find(last, "抄送：")
    lines = last.lines
    wrapped = lines[lines.index(cc) + 1]
    colon_end = cc.glyphs[2].x1
    assert abs(wrapped.x0 - colon_end) <= 0.6


def test_page_numbers_on_every_page(rendered):
    for pages in rendered.values():
        for page in pages:
            line = footer_line(page)
            assert line.text == f"— {page.number} —"


def test_request_signers_and_number_share_the_last_signer_line(rendered):
    page = rendered["request"][0]
    first = find(page, "签发人：")
    number = find(page, "棣政〔2024〕12号")
    assert abs(number.x0 - (LEFT + CH3)) <= 0.6
    assert abs(first.x1 - (RIGHT - CH3)) <= 1.0
    names = [g for g in number.glyphs if g.font == "UKaiCN"]
    assert "".join(g.text for g in names) == "王某某"
    # The continuation name starts under the first name of the line above.
    first_name = next(g for g in first.glyphs if g.font == "UKaiCN")
    assert abs(names[0].x0 - first_name.x0) <= 0.6
    assert slot(number) == slot(first) + 1


# -- The 版记 moves to a new page rather than overlap text ---------------------------

def imprint_report(paragraphs: int) -> govdoc.Report:
    return govdoc.Report(
        kind="通知", title="关于测试版记位置的通知", body=["法" * 54] * paragraphs,
        issuer="棣棠乡人民政府", date=datetime.date(2024, 1, 18),
        imprint=govdoc.Imprint(cc=["县司法局"], printer="棣棠乡党政综合办公室",
                               date=datetime.date(2024, 1, 18)),
    )


def test_imprint_never_overlaps_text(tmp_path):
    rendered = rendered_pages({f"imprint{n}": imprint_report(n) for n in range(14, 22, 2)},
                              tmp_path)
    moved = 0
    for name, pages in rendered.items():
        last = pages[-1]
        black = imprint_rules(last)
        assert len(black) == 3 and abs(black[-1]["y"] - BOTTOM) <= 1.0, name
        body = [l for l in text_lines(last) if l.size == spec.BODY_SIZE.value]
        assert all(l.baseline < black[0]["y"] for l in body), name
        if not body:
            moved += 1
            assert any(l.text == "2024年1月18日" for l in text_lines(pages[-2]))
    assert moved >= 1  # the sweep crosses the point where the 版记 no longer fits


# -- 联合行文 标志 and tables -------------------------------------------------------------

def joint_and_table_report() -> govdoc.Report:
    rows = [["序号", "单位", "任务"]] + [[str(i), f"第{i}村民委员会", "开展普法宣传活动"]
                                         for i in range(1, 40)]
    return govdoc.Report(
        kind="通知",
        header=govdoc.Header(organs=["中共棣棠乡委员会", "棣棠乡人民政府"],
                             number="棣发〔2024〕3号"),
        title="关于开展法治宣传教育的通知", recipients=["各村（社区）"],
        body=["现将任务分解如下：", govdoc.Table(rows=rows), "请认真落实。"],
        issuer="棣棠乡人民政府", date=datetime.date(2024, 1, 18),
    )


@pytest.fixture(scope="module")
def joint_pages(tmp_path_factory) -> list[Page]:
    return rendered_pages({"joint": joint_and_table_report()},
                          tmp_path_factory.mktemp("joint"))["joint"]


def test_joint_mark_stacks_the_names_with_the_suffix_centred_on_them(joint_pages):
    page = joint_pages[0]
    big = [g for l in page.lines for g in l.glyphs if g.size >= 30]
    first = [g for g in big if g.baseline == min(x.baseline for x in big)]
    assert "".join(g.text for g in first) == "中共棣棠乡委员会"
    right = first[-1].x1
    suffix = [g for g in big if g.x0 > right]
    names = [g for g in big if g.x0 <= right]
    assert "".join(g.text for g in suffix) == "文件"
    second = [g for g in names if g.baseline > first[0].baseline + 1]
    assert "".join(g.text for g in second) == "棣棠乡人民政府"
    # Both names are spread to the same width, lead organ first.
    assert abs(first[0].x0 - second[0].x0) <= 0.5 and abs(first[-1].x1 - second[-1].x1) <= 1.0
    # 文件 is centred vertically on the stack.
    suffix_mid = (suffix[0].top + suffix[0].baseline) / 2
    stack_mid = (first[0].top + second[0].baseline) / 2
    assert abs(suffix_mid - stack_mid) <= 1.0, (suffix_mid, stack_mid)
    box = ink_bbox(page.plumber, LEFT, first[0].top - 2, RIGHT, first[0].baseline + 1)
    assert abs(box[1] - (TOP + spec.MARK_TOP_BELOW_BLOCK.value)) <= 1.0
    assert min(g.x0 for g in big) >= LEFT - 0.3 and max(g.x1 for g in big) <= RIGHT + 0.3
    assert {c["non_stroking_color"] for c in page.plumber.chars if c["size"] >= 30} == {RED}


def test_table_cells_are_single_spaced_and_the_header_row_repeats(joint_pages):
    cells = [l for p in joint_pages for l in p.lines
             if l.size == spec.SIZE_4HAO and "村民委员会" in l.text]
    assert len(cells) == 39
    pitches = [b.baseline - a.baseline for a, b in zip(cells, cells[1:]) if a.page == b.page]
    # One line of 4号 plus the row's borders: far below the 28.95 pt (10.2 mm) body pitch.
    assert pitches and max(pitches) < 0.75 * PITCH
    table_pages = {l.page for l in cells}
    assert len(table_pages) >= 2
    for n in table_pages:
        heads = [l for l in joint_pages[n - 1].lines if l.text.replace(" ", "") == "序号单位任务"]
        assert len(heads) == 1, n


# -- Duplex: the 版记 on an even page, blank pages unnumbered (7.4, 7.5) ----------------

def duplex_report(paragraphs: int) -> govdoc.Report:
    return govdoc.Report(
        kind="通知", title="关于测试双面印刷的通知", body=["法" * 54] * paragraphs,
        issuer="棣棠乡人民政府", date=datetime.date(2024, 1, 18),
        imprint=govdoc.Imprint(cc=["县司法局"], printer="棣棠乡党政综合办公室",
                               date=datetime.date(2024, 1, 18), duplex=True),
    )


def test_duplex_puts_the_imprint_on_an_even_page(tmp_path):
    from govdoc.layout import SectionBreak, layout

    reports = {n: duplex_report(n) for n in (10, 14, 16, 19, 22, 24, 26, 30, 40)}
    kinds = set()
    for report in reports.values():
        items = layout(report).items
        kinds.add("blank page" if isinstance(items[-2], SectionBreak)
                  else "new page" if items[-1].new_page else "as it falls")
    # The sweep meets every case: the 版记 where it falls, on a page of its own, and
    # after a blank page.
    assert kinds == {"blank page", "new page", "as it falls"}
    rendered = rendered_pages({f"duplex{n}": report for n, report in reports.items()}, tmp_path)
    for n in reports:
        pages = rendered[f"duplex{n}"]
        last = pages[-1]
        assert len(pages) % 2 == 0, n
        assert len(imprint_rules(last)) == 3 and abs(imprint_rules(last)[-1]["y"] - BOTTOM) <= 1.0
        numbers = [[l.text for l in p.lines if l.baseline > BOTTOM + 1] for p in pages]
        blank = not text_lines(pages[-2])
        if blank:
            # A blank page before the 版记 page: neither carries a page number.
            assert numbers[-2] == [] and numbers[-1] == [], n
            body_pages = pages[:-2]
        else:
            body_pages = pages
        for page, found in zip(body_pages, numbers):
            assert found == [f"— {page.number} —"], (n, page.number)


# -- Landscape tables (8) -------------------------------------------------------------

def landscape_report() -> govdoc.Report:
    rows = [["序号", "单位", "2021年", "2022年", "2023年", "增减", "备注"]] + [
        [str(i), f"第{i}村民委员会", "120.5", "130.2", "145.8", "+15.6", "按期完成年度任务"]
        for i in range(1, 40)]
    return govdoc.Report(
        kind="通知", title="关于报送统计数据的通知",
        body=["现将有关数据汇总如下：", govdoc.Table(rows=rows, landscape=True), "请各村认真核对。"],
        issuer="棣棠乡人民政府", date=datetime.date(2024, 1, 18),
    )


def test_landscape_table_pages_keep_the_page_number_in_place(tmp_path):
    pages = rendered_pages({"landscape": landscape_report()}, tmp_path)["landscape"]
    mm = 25.4 / 72
    landscape = [p for p in pages if p.plumber.width > p.plumber.height]
    assert len(landscape) >= 2 and pages[0] not in landscape and pages[-1] not in landscape
    dash_centre = BOTTOM + spec.PAGE_NUMBER_DASH_BELOW_BLOCK.value
    for page in landscape:
        assert abs(page.plumber.width * mm - spec.PAGE_HEIGHT.value) < 1
        # The page number, turned with the page, lies where the portrait number lies
        # once the sheet is turned back: 7 mm under the portrait block, outer side.
        number = [g for line in page.lines for g in line.glyphs
                  if g.x1 < LEFT + 5 and (g.text == "—" or g.text.isdigit())]
        assert "".join(g.text for g in sorted(number, key=lambda g: g.top)) == f"—{page.number}—"
        centre = sum((g.x0 + g.x1) / 2 for g in number) / len(number)
        assert abs(centre - (spec.PAGE_HEIGHT.value - dash_centre)) <= 1.0, centre
        if page.number % 2:
            assert abs(max(g.baseline for g in number) - (RIGHT - CH4)) <= 1.0
        else:
            assert abs(min(g.top for g in number) - (LEFT + CH4)) <= 1.0
        # The table fills the landscape block and its header row repeats.
        assert any(l.text.replace(" ", "").startswith("序号单位") for l in page.lines)
        xs = [r["x0"] for r in rules(page)] + [r["x1"] for r in rules(page)]
        assert abs(min(xs) - spec.MARGIN_BOTTOM.value) <= 0.5
        assert abs(max(xs) - min(xs) - spec.BLOCK_HEIGHT.value) <= 0.5
    for page in pages:
        if page not in landscape:
            assert footer_line(page).text == f"— {page.number} —"

"""Documents from the PyPI peers (tests/peers, made by make_peer_docs.py): their known
defects are found."""

from __future__ import annotations

from pathlib import Path


import govdoc.checker

PEERS = Path(__file__).resolve().parent.parent / "peers"


def by_rule(result, rule):
    return [f for f in result.findings if f.rule == rule]


def test_gongwen_skill_margins_28_28_27_27_and_33_pt_lines():
    result = govdoc.checker.check(PEERS / "gongwen-skill-report.docx")
    assert not result.ok
    (top,) = by_rule(result, "P2")
    assert top.found == "28.0 mm" and top.severity.value == "error"
    (height,) = by_rule(result, "P5")
    assert "下边距 28.0 mm" in height.found
    # 27 mm left and right keep the 156 mm block, and 27 mm is inside 订口 28 ± 1 mm.
    assert not by_rule(result, "P3") and not by_rule(result, "P4")
    (lines,) = by_rule(result, "P6")
    assert "33 pt" in lines.found and lines.severity.value == "warning"
    assert {f.found for f in by_rule(result, "N2")} == {"- N -"}


def test_cn_gov_docx_has_no_page_numbers_and_heiti_at_every_heading_level():
    result = govdoc.checker.check(PEERS / "cn-gov-docx-notice.docx")
    (numbers,) = by_rule(result, "N1")
    assert numbers.found == "无页码" and numbers.severity.value == "error"
    fonts = {(f.excerpt[:2], f.found) for f in by_rule(result, "B7") if f.expected != "黑体"
             and "字" not in f.expected}
    assert fonts == {("（一", "黑体"), ("1.", "黑体")}


def test_rendered_peers(tmp_path):
    from conftest import require_libreoffice

    require_libreoffice()
    gongwen, cn = govdoc.checker.check_many(
        [PEERS / "gongwen-skill-report.docx", PEERS / "cn-gov-docx-notice.docx"], render=True)
    # gongwen-skill's signature falls alone on page 2 (33 pt lines on a 28 mm top margin).
    assert by_rule(gongwen, "B15") and by_rule(gongwen, "P10")
    assert [f.page for f in by_rule(cn, "N6")] == [1]

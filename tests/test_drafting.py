"""Drafting helpers on Report: section() by number path, outline(), check()."""

from __future__ import annotations

import datetime

import pytest

import govdoc
from govdoc import Report, Section
from govdoc.checker import CheckResult, Status
from govdoc.drafting import Outline, SectionNotFoundError

from conftest import load_example, require_libreoffice


def _deep() -> Report:
    """A report with paragraphs between sections (they take no number) and four levels."""
    return Report(
        title="关于测试的报告",
        body=[
            "导语。",
            Section(title="甲", body=[
                "段落。",
                Section(title="甲一", body=["x。"]),
                "段落。",
                Section(title="甲二", body=[
                    Section(title="甲二一", body=[Section(title="甲二一一", body=["y。"])]),
                ]),
            ]),
            "中间段落。",
            Section(title="乙", body=["z。"]),
        ] + [Section(title=f"第{n}节", body=["w。"]) for n in range(3, 13)],
        issuer="某某乡人民政府", date=datetime.date(2024, 1, 18))


def test_section_by_printed_labels_and_by_index(seed_report: Report) -> None:
    second = seed_report.body[1].body[1]  # type: ignore[union-attr]
    assert seed_report.section("一", "（二）") is second
    assert seed_report.section("一、", "(二)") is second
    assert seed_report.section(1, 2) is second
    assert seed_report.section("二").title == "主要存在不足"
    assert seed_report.section(3, "二").title.startswith("提高机关效能")


def test_section_numbers_count_sections_only() -> None:
    report = _deep()
    assert report.section("一", "（二）", "1.", "（1）").title == "甲二一一"
    assert report.section(1, 2, 1, 1).title == "甲二一一"
    assert report.section("一", "（二）", "1").title == "甲二一"
    assert report.section("二").title == "乙"  # the paragraph between takes no number
    assert report.section("十").title == "第10节"
    assert report.section("十二").title == "第12节"
    assert report.section(12).title == "第12节"
    # The labels match what the document prints.
    texts = [p.text for p in govdoc.render(report).paragraphs]
    assert "十二、第12节" in texts and "（1）甲二一一" in texts


@pytest.mark.parametrize("path", [("四",), (4,), ("一", "（六）"), (0,), ("1",),
                                  ("一", "2"), ("一", "1."), (True,), ("一", "（一）", "1.")])
def test_missing_section_names_path_and_what_exists(seed_report: Report, path: tuple) -> None:
    with pytest.raises(KeyError) as caught:
        seed_report.section(*path)
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, SectionNotFoundError)
    message = str(caught.value)
    assert repr(path[-1]) in message
    assert "there: " in message
    if len(path) == 1:
        assert "一、工作开展情况, 二、主要存在不足, 三、2024年努力方向" in message
    elif path[1:] == ("2",) or path[1:] == ("（六）",):
        assert "（五）加强宣传教育" in message and "under 一、" in message


def test_section_in_an_attachment() -> None:
    notice = load_example("notice").REPORT
    with pytest.raises(KeyError, match="no level-1 section in attachment 3; there: none"):
        notice.section(1, attachment=3)
    with pytest.raises(KeyError, match="no attachment 9"):
        notice.section(1, attachment=9)
    with pytest.raises(TypeError):
        notice.section()


def test_outline_of_the_seed(seed_report: Report) -> None:
    outline = seed_report.outline()
    assert isinstance(outline, Outline)
    lines = str(outline).splitlines()
    assert lines[0] == "棣棠乡2023年度法治政府建设情况报告"
    assert lines[1] == "    一、工作开展情况"
    assert lines[2] == "        （一）强化组织领导，完善法治政府建设体系。  [run-in]"
    assert lines[7] == "    二、主要存在不足"
    assert len(lines) == 11
    assert repr(outline) == str(outline)
    assert outline._repr_html_().startswith('<pre class="govdoc-outline"')
    # Every heading in the outline is a paragraph of the rendered document, in order.
    texts = [p.text for p in govdoc.render(seed_report).paragraphs]
    positions = [next(i for i, t in enumerate(texts) if t.startswith(e.text))
                 for e in outline if e.level]
    assert positions == sorted(positions)
    # Each entry's path leads back to its section.
    for entry in outline:
        if entry.level:
            assert seed_report.section(*entry.path).title in entry.title or \
                entry.title == seed_report.section(*entry.path).title.replace(",", "，")


def test_outline_escapes_and_lists_attachments() -> None:
    report = Report(title="关于<b>的通知", kind="通知", body=[Section(title="<i>&", body=["x"])],
                    attachments=[govdoc.Attachment(title="表一", body=[
                        Section(title="说明", body=["y"])]), govdoc.Attachment(title="表二")],
                    issuer="某某乡人民政府", date=datetime.date(2024, 1, 18))
    outline = report.outline()
    assert str(outline).splitlines() == [
        "关于<b>的通知", "    一、<i>&", "附件1 表一", "        一、说明"]
    assert "&lt;b&gt;" in outline._repr_html_() and "<b>" not in outline._repr_html_()
    assert report.outline(normalize=False).entries[0].title == "关于<b>的通知"


def test_check_static_by_default(seed_report: Report) -> None:
    result = seed_report.check()
    assert isinstance(result, CheckResult)
    assert result.ok
    ids = {o.rule for o in result.outcomes}
    # The geometry rules (kind G) do not run without render=True.
    from govdoc.checker import all_rules
    geometry = {r.id for r in all_rules() if r.kind == "G"}
    assert geometry and not ids & geometry
    assert any(o.status is Status.PASS for o in result.outcomes)


def test_check_finds_a_fault() -> None:
    # A 报告 asking for approval is legal input but breaks a rule of 规定 strength.
    report = Report(title="关于某事的报告", body=["妥否，请批示。"], issuer="某某乡人民政府",
                    date=datetime.date(2024, 1, 18))
    result = report.check()
    assert not result.ok
    assert any("请示" in f.message or "请批示" in f.found for f in result.findings)


def test_check_with_rendering(seed_report: Report) -> None:
    require_libreoffice()
    result = seed_report.check(render=True)
    from govdoc.checker import all_rules
    geometry = {r.id for r in all_rules() if r.kind == "G"}
    ran = {o.rule: o.status for o in result.outcomes if o.rule in geometry}
    assert set(ran) == geometry
    assert Status.PASS in ran.values()  # measured on the PDF, not "not measured"
    assert result.ok, result.table()

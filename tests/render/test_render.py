import datetime
import gc
import io
import re

import pytest
from docx import Document as open_docx
from lxml import etree

import govdoc
from govdoc import Report, Section, spec
from ooxml import NS, Styles, order_violations, q, read_part


def simple_report(**kw) -> Report:
    fields = dict(
        title="关于2023年度工作情况的报告",
        recipients=["县人民政府"],
        body=[
            "现将有关情况报告如下:",
            Section(title="工作开展情况", body=[
                Section(title="强化组织领导。", run_in=True, body=["乡党委始终……"]),
                Section(title="夯实理论武装", body=[
                    Section(title="学习", body=[Section(title="深入学习", body=["内容。"])]),
                ]),
            ]),
            "特此报告。",
        ],
        issuer="某某乡人民政府",
        date=datetime.date(2024, 1, 18),
    )
    fields.update(kw)
    return Report(**fields)


def saved(report: Report, **kw) -> bytes:
    buf = io.BytesIO()
    govdoc.render(report, **kw).save(buf)
    return buf.getvalue()


def texts(data: bytes) -> list[str]:
    return [p.text for p in open_docx(io.BytesIO(data)).paragraphs]


EXPECTED_FONTS = {
    "Title": spec.FONT_XIAOBIAOSONG.value,
    "Heading1": spec.FONT_HEITI.value,
    "Heading2": spec.FONT_KAITI.value,
    "Heading3": spec.FONT_FANGSONG.value,
    "Heading4": spec.FONT_FANGSONG.value,
    "Heading1Char": spec.FONT_HEITI.value,
    "Heading2Char": spec.FONT_KAITI.value,
}


def test_every_run_resolves_to_its_role_font_on_all_four_slots():
    data = saved(simple_report())
    styles = Styles(read_part(data, "word/styles.xml"))
    body = etree.fromstring(read_part(data, "word/document.xml"))
    checked = 0
    for p in body.iter(q("p")):
        pstyle = p.find("w:pPr/w:pStyle", NS).get(q("val"))
        for r in p.iter(q("r")):
            rstyle = r.find("w:rPr/w:rStyle", NS)
            role = rstyle.get(q("val")) if rstyle is not None else pstyle
            fonts = styles.run_fonts(p, r)
            east = EXPECTED_FONTS.get(role, spec.FONT_FANGSONG.value)
            assert fonts == {"eastAsia": east, "ascii": spec.FONT_LATIN.value,
                             "hAnsi": spec.FONT_LATIN.value, "cs": spec.FONT_LATIN.value}, (role, fonts)
            checked += 1
    assert checked >= 9


def test_page_number_runs_are_songti_on_all_slots():
    data = saved(simple_report())
    styles = Styles(read_part(data, "word/styles.xml"))
    for part in ("word/footer1.xml", "word/footer2.xml"):
        ftr = etree.fromstring(read_part(data, part))
        p = ftr.find("w:p", NS)
        runs = p.findall("w:r", NS)
        assert runs
        for r in runs:
            assert set(styles.run_fonts(p, r).values()) == {spec.FONT_SONGTI.value}


def test_no_theme_fonts_anywhere():
    data = saved(simple_report())
    for part in ("word/styles.xml", "word/document.xml"):
        assert not re.search(rb'w:(ascii|hAnsi|eastAsia|cs)Theme=', read_part(data, part))
    with pytest.raises(KeyError):
        read_part(data, "word/theme/theme1.xml")


def test_heading_labels_are_literal_text():
    got = texts(saved(simple_report()))
    assert got[:7] == [
        "关于2023年度工作情况的报告", "县人民政府：", "现将有关情况报告如下：", "一、工作开展情况",
        "（一）强化组织领导。乡党委始终……", "（二）夯实理论武装", "1.学习",
    ]
    assert got[7:] == ["（1）深入学习", "内容。", "特此报告。", "某某乡人民政府", "2024年1月18日"]


def test_core_properties_come_from_the_report():
    doc = open_docx(io.BytesIO(saved(simple_report())))
    props = doc.core_properties
    assert props.title == "关于2023年度工作情况的报告"
    assert props.author == "某某乡人民政府"
    assert "python-docx" not in (props.author + props.last_modified_by)
    assert props.created == datetime.datetime(2024, 1, 18, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize("text", [
    "规模达2.5亿元，仅供参考。",
    "比较 a<b 与 c>d，<b>加粗</b>不是标记。",
    "模板语法 {{ report.title }} 与 {% if x %} 以及 {# 注释 #} 原样保留。",
    "docxtpl 的 {_{ 与 %_} 不被改写。",
    "引号\"'与&符号&amp;、]]>。",
])
def test_user_words_come_out_exactly(text):
    report = simple_report(body=[text])
    got = texts(saved(report, normalize=False))
    assert got[2] == text


def test_normalisation_can_be_switched_off_in_render():
    report = simple_report(body=["甲,乙"])
    assert texts(saved(report))[2] == "甲，乙"
    assert texts(saved(report, normalize=False))[2] == "甲,乙"


def test_output_xml_is_in_schema_order():
    data = saved(simple_report())
    for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml"):
        assert order_violations(read_part(data, part)) == [], part


def test_render_refuses_what_is_not_a_report():
    with pytest.raises(TypeError, match="govdoc.Report"):
        govdoc.render({"title": "x"})  # type: ignore[arg-type]


def test_render_issues_the_report_warnings():
    with pytest.warns(govdoc.GovdocWarning, match="文种"):
        govdoc.render(simple_report(title="关于工作情况的汇报"))


def test_a_long_title_is_one_paragraph_with_line_breaks():
    title = "国务院办公厅关于部际联席会议审批程序等有关问题的通知"
    data = saved(simple_report(title=title, kind="通知"))
    body = etree.fromstring(read_part(data, "word/document.xml"))
    paragraphs = body.findall(f".//{q('p')}")
    first = paragraphs[0]
    assert first.find(f".//{q('pStyle')}").get(q("val")) == "Title"
    assert len(first.findall(f".//{q('br')}")) == 1
    # Issue 17: before 关于, keeping 部际联席会议审批程序 whole.
    assert texts(data)[0] == "国务院办公厅\n关于部际联席会议审批程序等有关问题的通知"
    assert open_docx(io.BytesIO(data)).core_properties.title == title


def test_east_asian_line_breaking_is_on_and_text_justified_everywhere():
    data = saved(simple_report(), finish=True)
    styles = etree.fromstring(read_part(data, "word/styles.xml"))
    normal = styles.find(f".//{q('style')}[@{q('styleId')}='Normal']")
    assert normal.find(f".//{q('kinsoku')}") is not None
    assert normal.find(f".//{q('jc')}").get(q("val")) == "both"
    for part in ("word/styles.xml", "word/document.xml"):
        root = etree.fromstring(read_part(data, part))
        for el in root.iter(q("kinsoku")):
            assert el.get(q("val"), "1") not in ("0", "false", "off"), part
    body = styles.find(f".//{q('style')}[@{q('styleId')}='BodyText']")
    assert body.find(f".//{q('jc')}") is None  # inherits Normal's justification


# --- the cycle collector ---


def test_rendering_leaves_the_cycle_collector_as_it_found_it(seed_report):
    assert gc.isenabled()
    govdoc.render(seed_report)
    assert gc.isenabled()
    gc.disable()
    try:
        govdoc.render(seed_report)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_failed_render_leaves_the_cycle_collector_on(tmp_path, seed_report):
    with pytest.raises(govdoc.TemplateError):
        govdoc.render(seed_report, template=tmp_path / "missing.docx")
    assert gc.isenabled()

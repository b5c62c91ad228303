"""Headings numbered by Word's list numbering are seen with their labels."""

import govdoc.checker
from govdoc.checker.elements import Kind, find_elements
from govdoc.checker.resolve import load

from docx_parts import make_docx, para

NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/>'
    '<w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl>'
    '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
)
BODY_RPR = '<w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/>'


def numbered(text: str, num_id: int, ilvl: int) -> str:
    return para(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
                '<w:ind w:firstLine="640"/>', BODY_RPR)


# A heading holds something: numbered lines with nothing under them are a list, for the
# checker as for the importer (govdoc.grammar.list_items), so each heading here has text.
TEXT = para("正文。", "", BODY_RPR)


def test_labels_count_per_level_and_restart_below():
    body = "".join([
        para("关于测试的通知", '<w:jc w:val="center"/>', '<w:sz w:val="44"/>'),
        numbered("总体要求", 1, 0), numbered("范围", 1, 1), TEXT, numbered("对象", 1, 1),
        numbered("细则", 1, 2), TEXT, numbered("工作安排", 1, 0), numbered("时间", 1, 1), TEXT,
    ])
    doc = load(make_docx(body, numbering=NUMBERING))
    assert [p.text for p in doc.paragraphs[1:] if p.text != "正文。"] == [
        "一、总体要求", "（一）范围", "（二）对象", "1.细则", "二、工作安排", "（一）时间"]
    layout = find_elements(doc)
    assert [e.level for e in layout.elements if e.kind is Kind.HEADING] == [1, 2, 2, 3, 1, 2]


def test_the_checker_judges_an_automatic_label_like_typed_text():
    body = "".join([
        para("关于测试的通知", '<w:jc w:val="center"/>', '<w:sz w:val="44"/>'),
        numbered("总体要求", 2, 0), TEXT, numbered("工作安排", 2, 0), TEXT,
    ])
    result = govdoc.checker.check(make_docx(body, numbering=NUMBERING))
    wrong = [f for f in result.findings if f.rule == "B8"]
    assert [f.found for f in wrong] == ["一.", "二."]


def test_the_label_takes_its_level_font():
    body = para("关于测试的通知", '<w:jc w:val="center"/>', '<w:sz w:val="44"/>') + numbered("总体要求", 1, 0) \
        + TEXT
    result = govdoc.checker.check(make_docx(body, numbering=NUMBERING))
    (font,) = [f for f in result.findings if f.rule == "B7" and f.expected == "黑体"]
    assert font.found == "宋体"  # the label "一、" is in the level's 宋体

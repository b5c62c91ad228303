"""Elements are found by their text and position, whatever the styles are called."""

import io

import govdoc
from govdoc.checker.elements import Kind, find_elements, heading_level
from govdoc.checker.resolve import load

from conftest import load_example
from docx_parts import make_docx, para


def kinds(data: bytes) -> list[tuple[str, str]]:
    layout = find_elements(load(data))
    return [(e.kind.label, e.para.stripped) for e in layout.elements if e.kind is not Kind.EMPTY]


def rendered(report) -> bytes:
    buf = io.BytesIO()
    govdoc.render(report).save(buf)
    return buf.getvalue()


def test_every_part_of_the_example_notice_is_found():
    found = kinds(rendered(load_example("notice").REPORT))
    by_kind: dict[str, list[str]] = {}
    for kind, text in found:
        by_kind.setdefault(kind, []).append(text)
    assert by_kind["份号"] == ["000001"] and by_kind["密级"] == ["秘密★1年"]
    assert by_kind["紧急程度"] == ["特急"] and by_kind["发文机关标志"] == ["棣棠乡人民政府文件"]
    assert by_kind["发文字号"] == ["棣政发〔2024〕5号"]
    assert [t.replace("\n", "") for t in by_kind["标题"]] == [
        "棣棠乡人民政府关于开展2024年度法治宣传教育工作的通知"]
    assert by_kind["主送机关"] == ["各村（社区）、乡属各单位："]
    assert [t[:2] for t in by_kind["附件说明"]] == ["附件", "2.", "3."]
    assert by_kind["发文机关署名"] == ["棣棠乡人民政府"] and by_kind["成文日期"] == ["2024年1月18日"]
    assert by_kind["附注"] == ["（联系人：王某某，联系电话：0871-1234567）"]
    assert by_kind["附件标识"] == ["附件1", "附件3"]
    assert by_kind["抄送"][0].startswith("抄送：") and by_kind["印发"][0].endswith("印发")
    assert "表格" in by_kind and by_kind["标题层次"][:2] == ["一、工作目标", "二、主要任务"]


def test_a_document_from_another_tool_with_direct_formatting_only():
    title = para("某某县关于开展安全检查的通知", '<w:jc w:val="center"/>',
                 '<w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/>')
    body = "".join([
        title,
        para("各乡镇人民政府：", "", '<w:sz w:val="32"/>'),
        para("现将有关事项通知如下：", '<w:ind w:firstLine="640"/>', '<w:sz w:val="32"/>'),
        para("一.总体要求", '<w:ind w:firstLine="640"/>', '<w:sz w:val="32"/>'),
        para("（一）、检查范围", '<w:ind w:firstLine="640"/>', '<w:sz w:val="32"/>'),
        para("请认真落实。", '<w:ind w:firstLine="640"/>', '<w:sz w:val="32"/>'),
        para("附件：检查表", '<w:ind w:firstLine="640"/>', '<w:sz w:val="32"/>'),
        "<w:p/>",
        para("某某县人民政府", '<w:jc w:val="right"/>', '<w:sz w:val="32"/>'),
        para("2024年01月05日", '<w:jc w:val="right"/>', '<w:sz w:val="32"/>'),
    ])
    found = kinds(make_docx(body))
    assert found == [
        ("标题", "某某县关于开展安全检查的通知"), ("主送机关", "各乡镇人民政府："),
        ("正文", "现将有关事项通知如下："), ("标题层次", "一.总体要求"), ("标题层次", "（一）、检查范围"),
        ("正文", "请认真落实。"), ("附件说明", "附件：检查表"), ("发文机关署名", "某某县人民政府"),
        ("成文日期", "2024年01月05日"),
    ]


def test_heading_numbers_are_recognised_written_right_or_wrong():
    assert [heading_level(t) for t in ("一、总则", "一.总则", "十二，其他", "（三）要求", "（三）、要求",
                                       "1.范围", "1、范围", "（2）细则", "(2)细则")] == \
        [1, 1, 1, 2, 2, 3, 3, 4, 4]
    assert [heading_level(t) for t in ("2023年，全乡", "12.5万元用于", "一是加强学习", "（此页无正文）")] == \
        [0, 0, 0, 0]


def test_sealed_and_unsealed_layouts_are_told_apart():
    assert find_elements(load(rendered(load_example("didiao_2023_report").REPORT))).sealed is True
    assert find_elements(load(rendered(load_example("request").REPORT))).sealed is False

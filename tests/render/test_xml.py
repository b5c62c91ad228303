from docx.oxml.ns import nsdecls, nsmap
from lxml import etree

from govdoc.layout import Block, Run
from govdoc.rendering.xml import paragraph_xml
from govdoc.styles import Role

W = f"{{{nsmap['w']}}}"


def parse(xml: str) -> etree._Element:
    return etree.fromstring(
        f'<w:body {nsdecls("w")}>{xml}</w:body>'
    )


def test_user_text_is_escaped_and_comes_back_unchanged():
    text = "<b>&amp;{{ x }}{% if %}{#c#}{_{%_}]]>\"'"
    p = parse(paragraph_xml(Block(Role.BODY, (Run(text),))))
    assert "".join(p.itertext()) == text


def test_braces_never_appear_literally_in_the_xml():
    xml = paragraph_xml(Block(Role.BODY, (Run("{_{ a }_}"),)))
    assert "{" not in xml and "}" not in xml


def test_tabs_and_line_breaks_become_word_elements():
    p = parse(paragraph_xml(Block(Role.TITLE, (Run("关于某某\n的报告\t"),))))
    assert len(p.findall(f".//{W}br")) == 1 and len(p.findall(f".//{W}tab")) == 1


def test_placement_overrides_are_written_in_schema_order():
    block = Block(Role.SIGNATURE, (Run("某乡人民政府"),), keep_next=True, space_before_tw=1158,
                  right_indent_tw=1350)
    ppr = parse(paragraph_xml(block)).find(f"{W}p/{W}pPr")
    assert [etree.QName(c).localname for c in ppr] == ["pStyle", "keepNext", "spacing", "ind"]
    ind = ppr.find(f"{W}ind")
    assert ind.get(f"{W}right") == "1350" and ind.get(f"{W}rightChars") == "0"


def test_run_in_heading_run_carries_its_character_style():
    block = Block(Role.BODY, (Run("（一）标题。", Role.RUN_IN_2), Run("正文。")))
    runs = parse(paragraph_xml(block)).findall(f".//{W}r")
    assert runs[0].find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "Heading2Char"
    assert runs[1].find(f"{W}rPr") is None


def test_crlf_and_cr_are_one_line_break_each():
    p = parse(paragraph_xml(Block(Role.TITLE, (Run("甲\r\n乙\r丙\n丁"),))))
    assert len(p.findall(f".//{W}br")) == 3
    assert [t.text for t in p.iter(f"{W}t")] == ["甲", "乙", "丙", "丁"]


def test_a_text_longer_than_a_text_node_may_be_is_split_within_one_run():
    from govdoc.rendering.xml import MAX_TEXT_NODE_CHARS

    text = "<啊&" * (MAX_TEXT_NODE_CHARS // 3 * 2 + 1)
    p = parse(paragraph_xml(Block(Role.BODY, (Run(text),))))
    runs = p.findall(f".//{W}r")
    pieces = [t.text for t in p.iter(f"{W}t")]
    assert len(runs) == 1 and len(pieces) == 3
    assert max(map(len, pieces)) == MAX_TEXT_NODE_CHARS
    assert "".join(pieces) == text

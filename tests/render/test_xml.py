from lxml import etree

from govdoc.layout import Block, Run
from govdoc.render.xml import paragraph_xml
from govdoc.styles import Role

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parse(xml: str) -> etree._Element:
    return etree.fromstring(
        f'<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{xml}</w:body>'
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

"""govdoc.ooxml.styles: basedOn chains and the cascade with the theme's fonts.

(The cascade's many layers are exercised through the checker in
tests/check/test_check_resolve.py.)"""

from __future__ import annotations

from lxml import etree

from govdoc.ooxml.package import Package
from govdoc.ooxml.styles import Styles
from govdoc.ooxml.stylesheet import StyleSheet

from check.docx_parts import make_docx, para, theme_xml

DECL = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def sheet(xml: str) -> StyleSheet:
    return StyleSheet(etree.fromstring(f"<w:styles {DECL}>{xml}</w:styles>"))


def ids(chain: list[etree._Element]) -> list[str]:
    return [s.get(f"{{{etree.QName(s).namespace}}}styleId") for s in chain]


def test_a_chain_runs_from_the_base_and_stops_at_a_circle_or_an_unknown_id():
    styles = sheet(
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
        '<w:style w:styleId="A"><w:basedOn w:val="Normal"/></w:style>'
        '<w:style w:styleId="B"><w:basedOn w:val="A"/><w:name w:val="Heading B"/></w:style>'
        '<w:style w:styleId="X"><w:basedOn w:val="Y"/></w:style>'
        '<w:style w:styleId="Y"><w:basedOn w:val="X"/></w:style>'
        '<w:style w:styleId="Z"><w:basedOn w:val="Missing"/></w:style>')
    assert ids(styles.chain("B")) == ["Normal", "A", "B"]
    assert ids(styles.chain("X")) == ["Y", "X"]
    assert ids(styles.chain("Z")) == ["Z"]
    assert styles.chain("Missing") == [] and styles.chain(None) == []
    assert styles.default_para == "Normal"
    assert styles.style_name("B") == "Heading B" and styles.style_name("A") is None
    assert StyleSheet(None).chain("A") == [] and StyleSheet(None).defaults("r") is None


def test_theme_fonts_follow_the_documents_east_asian_language():
    rpr = '<w:rFonts w:eastAsiaTheme="minorEastAsia" w:asciiTheme="minorHAnsi"/>'
    styles_xml = (f'<w:docDefaults><w:rPrDefault><w:rPr>{rpr}</w:rPr></w:rPrDefault>'
                  "</w:docDefaults>")
    for lang, face in (("zh-CN", "仿宋"), ("ja-JP", "MS Mincho")):
        data = make_docx(para("正文"), styles_xml, theme=theme_xml("仿宋"),
                         settings=f'<w:themeFontLang w:eastAsia="{lang}"/>')
        props = Styles(Package(data, "draft.docx")).run_props(None, None, None)
        assert (props.east_asia.name, props.east_asia.theme) == (face, "minorEastAsia")
        assert props.ascii.name == "Calibri"

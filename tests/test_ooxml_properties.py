"""govdoc.ooxml.properties: the schema order declared once, and the writers that keep it."""

from __future__ import annotations

import pytest
from docx.oxml.parser import OxmlElement
from lxml import etree

from govdoc.ooxml.properties import (ORDERS, border_pt, border_sz, border_xml, integer, on_off,
                                     ppr_xml, rpr_xml)
from ooxml import order_violations

W_DECL = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("parent", sorted(ORDERS))
def test_the_order_agrees_with_python_docx(parent):
    """python-docx inserts each child it knows before its schema successors; adding them
    in reverse must give the order declared here."""
    element = OxmlElement(f"w:{parent}")
    # headerReference and footerReference are a choice group (EG_HdrFtrReferences): their
    # order among themselves is free, so only the rest is compared.
    known = [n for n in ORDERS[parent] if hasattr(element, f"_add_{n}")
             and n not in ("headerReference", "footerReference")]
    assert len(known) >= 4
    for name in reversed(known):
        getattr(element, f"_add_{name}")()
    assert [etree.QName(child).localname for child in element] == known


def test_every_order_names_each_child_once():
    for names in ORDERS.values():
        assert len(set(names)) == len(names)
    assert ORDERS["sectPr"][:2] == ("headerReference", "footerReference")


def test_the_paragraph_writer_keeps_schema_order_whatever_it_is_given():
    xml = ppr_xml(style="Body", switches={"snapToGrid": False, "kinsoku": True, "keepNext": True},
                  border_bottom=border_xml("bottom", "single", 0.75, 1, "FF0000"),
                  tabs=[("right", 9000)], spacing=[("line", 560), ("lineRule", "exact")],
                  ind=[("firstLineChars", 200), ("firstLine", 640)], jc="both", outline_level=0)
    assert xml == (
        '<w:pPr><w:pStyle w:val="Body"/><w:keepNext/><w:pBdr><w:bottom w:val="single" '
        'w:sz="6" w:space="1" w:color="FF0000"/></w:pBdr><w:tabs><w:tab w:val="right" '
        'w:pos="9000"/></w:tabs><w:kinsoku/><w:snapToGrid w:val="0"/>'
        '<w:spacing w:line="560" w:lineRule="exact"/>'
        '<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>'
        '<w:outlineLvl w:val="0"/></w:pPr>')
    assert order_violations(f"<w:root {W_DECL}>{xml}</w:root>".encode()) == []
    assert ppr_xml() == ""


def test_the_run_writer_keeps_schema_order():
    xml = rpr_xml(lang='<w:lang w:eastAsia="zh-CN"/>', size=15.5, kern=0, spacing_tw=-10,
                  color="FF0000", fonts='<w:rFonts w:eastAsia="仿宋"/>', style="Strong")
    assert xml == (
        '<w:rPr><w:rStyle w:val="Strong"/><w:rFonts w:eastAsia="仿宋"/><w:color w:val="FF0000"/>'
        '<w:spacing w:val="-10"/><w:kern w:val="0"/><w:sz w:val="31"/><w:szCs w:val="31"/>'
        '<w:lang w:eastAsia="zh-CN"/></w:rPr>')
    assert order_violations(f"<w:root {W_DECL}>{xml}</w:root>".encode()) == []
    assert rpr_xml() == ""


@pytest.mark.parametrize("points, sz", [(0.5, 4), (0.25, 2), (1.5, 12), (2.25, 18)])
def test_border_widths_count_eighths_of_a_point(points, sz):
    assert border_sz(points) == sz
    assert border_pt(sz) == points


def test_on_off_and_integer_read_word_values():
    def el(xml: str) -> etree._Element:
        return etree.fromstring(f"<w:b {W_DECL} {xml}/>")

    assert on_off(None) is None
    assert on_off(el("")) is True
    assert [on_off(el(f'w:val="{v}"')) for v in ("0", "false", "off", "1", "on")] == [
        False, False, False, True, True]
    assert integer("240.0") == 240 and integer(None) is None and integer("x") is None

"""govdoc.ooxml.numbering: the labels of Word's list numbering, for importer and checker."""

from __future__ import annotations

import pytest
from lxml import etree

from govdoc.ooxml.numbering import Numbering, NumberingError, style_numbering

DECL = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbering(xml: str) -> Numbering:
    return Numbering.read(etree.fromstring(f"<w:numbering {DECL}>{xml}</w:numbering>"))


def lvl(ilvl: int, text: str, fmt: str = "decimal", start: int | None = 1, extra: str = "") -> str:
    start_xml = f'<w:start w:val="{start}"/>' if start is not None else ""
    return (f'<w:lvl w:ilvl="{ilvl}">{start_xml}<w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


LISTS = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, "%1、", "chineseCounting", extra='<w:suff w:val="nothing"/>')
    + lvl(1, "（%2）", "chineseCounting", extra='<w:suff w:val="space"/>')
    + lvl(2, "%1.%2.%3", extra="<w:isLgl/>") + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1">' + lvl(0, "%1.", start=None)
    + lvl(1, "", "bullet") + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>'
)


def labels(n: Numbering, *steps: tuple[str, int]) -> list[str]:
    out = []
    for num_id, ilvl in steps:
        found = n.advance(num_id, ilvl)
        out.append("-" if found is None else found[0] + found[1].suffix)
    return out


def test_levels_count_and_a_higher_level_resets_the_lower():
    n = numbering(LISTS)
    assert labels(n, ("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1)) == [
        "一、", "（一） ", "（二） ", "二、", "（一） "]


def test_a_legal_level_shows_every_counter_in_decimal():
    n = numbering(LISTS)
    assert labels(n, ("1", 0), ("1", 0), ("1", 1), ("1", 2)) == ["一、", "二、", "（一） ", "2.1.1\t"]


def test_a_start_override_restarts_the_shared_list_once():
    n = numbering(LISTS)
    assert labels(n, ("1", 0), ("2", 0), ("2", 0), ("1", 0)) == ["一、", "五、", "六、", "七、"]


def test_a_level_without_start_counts_from_zero_and_unknown_lists_have_no_label():
    n = numbering(LISTS)
    assert labels(n, ("3", 0), ("3", 0), ("0", 0), ("9", 0), ("1", 7), (None, 0)) == [
        "0.\t", "1.\t", "-", "-", "-", "-"]
    found = n.advance("3", 1)
    assert found is not None and found[1].fmt == "bullet"


def test_a_number_that_is_none_names_its_place():
    with pytest.raises(NumberingError, match="word/numbering.xml: num 4 lvlOverride startOverride"):
        numbering('<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                  '<w:startOverride w:val="x"/></w:lvlOverride></w:num>')


def test_a_style_numbers_its_paragraphs_through_its_bases():
    styles = etree.fromstring(
        f"<w:styles {DECL}>"
        '<w:style w:styleId="H1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
        "</w:numPr></w:pPr></w:style>"
        '<w:style w:styleId="H1Red"><w:basedOn w:val="H1"/></w:style>'
        '<w:style w:styleId="Plain"/></w:styles>')
    assert style_numbering(styles) == {"H1": ("1", 0), "H1Red": ("1", 0)}
    assert style_numbering(None) == {}

"""The checker on documents other tools wrote (issue 14, point 5): a python-docx
default document, LibreOffice's Word export and a WPS Office package with theme fonts
(tests/check/third_party.py). Static checks only: fast, no LibreOffice needed."""

from __future__ import annotations

import pytest

import govdoc.checker
from govdoc.checker.elements import Kind, find_elements
from govdoc.checker.resolve import load

import third_party
from third_party import PARTS

KINDS = {"title": Kind.TITLE, "salutation": Kind.SALUTATION, "body": Kind.BODY,
         "heading": Kind.HEADING, "signature": Kind.SIGNATURE, "date": Kind.DATE,
         "empty": Kind.EMPTY}


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    return {"python-docx": third_party.python_docx_notice(),
            "wps": third_party.wps_notice(),
            "libreoffice": third_party.LIBREOFFICE_NOTICE.read_bytes()}


@pytest.mark.parametrize("tool", ["python-docx", "wps", "libreoffice"])
def test_the_parts_are_found_as_a_reader_sees_them(documents, tool):
    layout = find_elements(load(documents[tool]))
    found = [(e.kind, e.para.text) for e in layout.elements]
    assert found == [(KINDS[kind], text) for kind, text in PARTS]
    assert [e.level for e in layout.elements if e.kind is Kind.HEADING] == [1, 1]


@pytest.mark.parametrize("tool", ["python-docx", "wps", "libreoffice"])
def test_every_font_is_resolved(documents, tool):
    doc = load(documents[tool])
    for para in doc.paragraphs:
        for run in para.runs:
            assert run.props.east_asia.name, (tool, para.text)
    result = govdoc.checker.check(documents[tool])
    assert not [f for f in result.findings if "未解析" in f.found or "未设置" in f.found]


def fonts(documents, tool: str) -> dict[str, tuple[str | None, str | None]]:
    """The East Asian font and its theme slot of each paragraph's first run, by text."""
    doc = load(documents[tool])
    return {p.text: (p.runs[0].props.east_asia.name, p.runs[0].props.east_asia.theme)
            for p in doc.paragraphs if p.runs}


def test_wps_theme_fonts_are_the_faces_of_the_themes_chinese_script(documents):
    f = fonts(documents, "wps")
    assert f[third_party.SALUTATION] == ("宋体", "minorEastAsia")  # <a:font script="Hans">
    assert f[third_party.TITLE] == ("黑体", "majorEastAsia")  # the heading style's major font
    assert f[third_party.BODY[0]] == ("仿宋_GB2312", None)
    salutation = load(documents["wps"]).paragraphs[2].runs[0].props
    assert (salutation.ascii.name, salutation.ascii.theme) == ("Calibri", "minorHAnsi")
    result = govdoc.checker.check(documents["wps"])
    (title,) = [f for f in result.findings if f.rule == "B1"]
    assert title.found == "黑体（主题字体 majorEastAsia）" and title.paragraph == 1
    assert {f.found for f in result.findings if f.rule == "B6" and f.expected == "仿宋_GB2312"} == {
        "宋体（主题字体 minorEastAsia）"}
    # WPS's 2-character indents (firstLineChars on a 三号 paragraph mark) are right
    assert not [f for f in result.findings if f.rule in ("B6", "B7") and "缩进" in f.expected]


def test_python_docx_chinese_text_left_to_the_theme_is_in_its_japanese_face(documents):
    # python-docx's template says w:themeFontLang w:eastAsia="ja-JP": Word shows 汉字
    # that no run gives a font in the theme's Jpan face, ＭＳ 明朝.
    f = fonts(documents, "python-docx")
    assert f[third_party.BODY[0]] == ("ＭＳ 明朝", "minorEastAsia")
    assert f[third_party.TITLE] == ("方正小标宋简体", None)
    assert f[third_party.HEADINGS[0]] == ("黑体", None)
    result = govdoc.checker.check(documents["python-docx"])
    body = [f for f in result.findings if f.rule == "B6" and f.expected == "仿宋_GB2312"]
    assert body and {f.found for f in body} == {"ＭＳ 明朝（主题字体 minorEastAsia）"}
    assert not [f for f in result.findings if f.rule in ("B1", "B7")]


def test_libreoffice_export_keeps_the_fonts_it_was_given(documents):
    f = fonts(documents, "libreoffice")
    assert f[third_party.TITLE] == ("方正小标宋简体", None)
    assert f[third_party.BODY[0]] == ("仿宋_GB2312", None)
    assert f[third_party.HEADINGS[1]] == ("黑体", None)
    result = govdoc.checker.check(documents["libreoffice"])
    assert not [f for f in result.findings if f.rule in ("B1", "B6", "B7")], result.table()


def test_the_committed_libreoffice_fixture_is_the_export_of_the_script(documents):
    """The .docx holds exactly the paragraphs third_party.FODT writes (regenerate it with
    ``python tests/check/third_party.py``)."""
    import docx
    import io

    texts = [p.text for p in docx.Document(io.BytesIO(documents["libreoffice"])).paragraphs]
    assert texts == [text for _kind, text in PARTS]


def test_a_theme_font_whose_face_is_right_is_not_reported(documents):
    # A WPS template whose theme makes 仿宋_GB2312 the Chinese body face: the 主送 and
    # the date, left to the theme, are in 仿宋_GB2312 as Word and WPS show them.
    result = govdoc.checker.check(third_party.wps_notice(minor_hans="仿宋_GB2312"))
    assert not [f for f in result.findings if f.rule == "B6" and f.expected == "仿宋_GB2312"]
    shipped = govdoc.checker.check(documents["wps"])  # 宋体: reported, as the face it is
    assert {f.excerpt for f in shipped.findings if f.rule == "B6" and f.expected == "仿宋_GB2312"} == {
        third_party.SALUTATION, third_party.DATE}

"""Formatting is resolved the way Word does: docDefaults → basedOn chain → direct."""

import pytest

from govdoc.checker.resolve import DocxError, load

from docx_parts import make_docx, para, theme_xml

DEFAULTS = ('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体" w:ascii="Calibri"/>'
            '<w:sz w:val="21"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
            '<w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>')
STYLES = DEFAULTS + (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:pPr><w:jc w:val="both"/><w:ind w:firstLineChars="200"/></w:pPr>'
    '<w:rPr><w:sz w:val="32"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Centred"><w:name w:val="标题样式"/><w:basedOn w:val="Base"/>'
    '<w:pPr><w:jc w:val="center"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr>'
    '<w:rPr><w:sz w:val="44"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Kai"><w:name w:val="Kai"/>'
    '<w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Themed"><w:name w:val="Themed"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia" w:eastAsia="仿宋_GB2312"/></w:rPr></w:style>'
)


def doc(body: str, **kw):
    return load(make_docx(body, STYLES, **kw))


def test_a_style_inherits_through_its_based_on_chain():
    d = doc(para("标题", '<w:pStyle w:val="Centred"/>'))
    p = d.paragraphs[0]
    # size and alignment from the style itself, font from its base, spacing from the defaults
    assert p.runs[0].props.size == 22
    assert p.runs[0].props.east_asia.name == "仿宋_GB2312"
    assert p.props.jc == "center" and p.props.after == 120
    assert p.props.first_line == 0  # the style cancels Normal's two-character indent


def test_the_default_paragraph_style_applies_without_a_pStyle():
    p = doc(para("正文")).paragraphs[0]
    assert p.props.jc == "both"
    assert p.runs[0].props.size == 16 and p.runs[0].props.east_asia.name == "宋体"
    # firstLineChars="200" is two characters of the paragraph's 16 pt type
    assert p.props.first_line == 640


def test_direct_formatting_and_character_styles_override_the_paragraph_style():
    body = ('<w:p><w:pPr><w:pStyle w:val="Base"/><w:jc w:val="right"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="Kai"/></w:rPr><w:t>楷</w:t></w:r>'
            '<w:r><w:rPr><w:rStyle w:val="Kai"/><w:rFonts w:eastAsia="黑体"/><w:sz w:val="28"/></w:rPr>'
            '<w:t>黑</w:t></w:r></w:p>')
    p = doc(body).paragraphs[0]
    assert p.props.jc == "right"
    assert [r.props.east_asia.name for r in p.runs] == ["楷体_GB2312", "黑体"]
    assert [r.props.size for r in p.runs] == [16, 14]


def test_theme_fonts_come_from_the_theme_by_the_east_asian_script():
    d = doc(para("主题", '<w:pStyle w:val="Themed"/>'), theme=theme_xml("等线"),
            settings='<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>')
    slot = d.paragraphs[0].runs[0].props.east_asia
    # the *Theme attribute wins over the explicit name on the same element
    assert slot.theme == "minorEastAsia" and slot.name == "等线"
    japanese = doc(para("主题", '<w:pStyle w:val="Themed"/>'), theme=theme_xml("等线"),
                   settings='<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>')
    assert japanese.paragraphs[0].runs[0].props.east_asia.name == "MS Mincho"
    with_ea = doc(para("主题", '<w:pStyle w:val="Themed"/>'), theme=theme_xml("等线", minor_ea="微软雅黑"))
    assert with_ea.paragraphs[0].runs[0].props.east_asia.name == "微软雅黑"


def test_a_run_font_overrides_a_theme_font_of_its_style():
    body = ('<w:p><w:pPr><w:pStyle w:val="Themed"/></w:pPr><w:r><w:rPr>'
            '<w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t>正文</w:t></w:r></w:p>')
    slot = doc(body, theme=theme_xml("等线")).paragraphs[0].runs[0].props.east_asia
    assert slot.name == "仿宋_GB2312" and slot.theme is None


def test_hanging_and_first_line_indents_exclude_each_other_across_layers():
    # Normal's firstLineChars still wins over a direct hanging indent in twips ...
    p = doc(para("悬挂", '<w:ind w:left="960" w:hanging="320"/>')).paragraphs[0]
    assert (p.props.left, p.props.first_line) == (960, 640)
    # ... until the paragraph zeroes it, as Word does when it writes a hanging indent.
    body = para("悬挂", '<w:ind w:left="960" w:firstLineChars="0" w:hanging="320"/>')
    p = doc(body).paragraphs[0]
    assert (p.props.left, p.props.first_line) == (960, -320)
    body = para("首行", '<w:pStyle w:val="Centred"/><w:ind w:hanging="320"/>')
    assert doc(body).paragraphs[0].props.first_line == -320  # replaces the style's firstLine


def test_character_indents_win_over_twips_unless_zero():
    p = doc(para("缩进", '<w:ind w:firstLineChars="0" w:firstLine="480"/>')).paragraphs[0]
    assert p.props.first_line == 480
    p = doc(para("缩进", '<w:ind w:leftChars="100" w:left="999"/>')).paragraphs[0]
    assert p.props.left == 320


def test_paragraphs_in_tables_are_read_in_order_and_hidden_text_is_skipped():
    body = (para("前") + '<w:tbl><w:tr><w:tc>' + para("格") + '</w:tc></w:tr></w:tbl>'
            + '<w:p><w:r><w:t>看得见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>')
    d = doc(body)
    assert [p.text for p in d.paragraphs] == ["前", "格", "看得见"]
    assert [p.in_table for p in d.paragraphs] == [False, True, False]
    assert [p.index for p in d.paragraphs] == [1, 2, 3]


def test_sections_and_footers_by_type():
    d = doc(para("正文"), sect='<w:sectPr><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>'
                              '<w:pgMar w:top="1701" w:right="1474" w:bottom="1984" w:left="1587"/>'
                              '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>'
                              '<w:titlePg/></w:sectPr>')
    (s,) = d.sections
    assert (s.top, s.grid_type, s.char_space, s.title_page) == (1701, "linesAndChars", -849, True)


def test_what_is_not_a_docx_is_refused_with_a_clear_error(tmp_path):
    with pytest.raises(DocxError, match="不是 .docx"):
        load(b"plain text")
    missing = tmp_path / "missing.docx"
    with pytest.raises(DocxError, match="cannot be read"):
        load(missing)


def test_a_theme_font_the_theme_cannot_tell_falls_back_to_the_name_beside_it():
    no_theme = doc(para("主题", '<w:pStyle w:val="Themed"/>'))  # no theme part
    slot = no_theme.paragraphs[0].runs[0].props.east_asia
    assert (slot.name, slot.theme) == ("仿宋_GB2312", "minorEastAsia")
    korean = doc(para("主题", '<w:pStyle w:val="Themed"/>'), theme=theme_xml("等线"),
                 settings='<w:themeFontLang w:val="en-US" w:eastAsia="ko-KR"/>')
    # the theme has no Hang face: Simplified Chinese is the checker's default script
    assert korean.paragraphs[0].runs[0].props.east_asia.name == "等线"


def test_chars_indents_count_in_the_paragraph_marks_size():
    # WPS writes firstLine="640" firstLineChars="200" for two 三号 characters, and the
    # 三号 size on the paragraph mark (w:pPr/w:rPr), not on the style.
    body = para("正文", '<w:ind w:firstLine="640" w:firstLineChars="200"/>'
                '<w:rPr><w:sz w:val="32"/></w:rPr>', '<w:sz w:val="32"/>')
    p = load(make_docx(body, DEFAULTS)).paragraphs[0]  # the defaults say 五号 (10.5 pt)
    assert p.props.first_line == 640


def test_each_paragraph_says_where_python_docx_finds_it():
    import io

    import docx

    def cell(text: str, span: int = 1) -> str:
        tcpr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{tcpr}{para(text)}</w:tc>"

    table = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
             f"<w:tr>{cell('甲', 2)}{cell('乙')}</w:tr><w:tr>{cell('丙')}{cell('丁')}{cell('戊')}</w:tr>"
             "</w:tbl>")
    control = f"<w:sdt><w:sdtContent>{para('控件内')}</w:sdtContent></w:sdt>"
    data = make_docx(para("一") + table + para("二") + control + para("三"), STYLES)
    where = {p.text: p.where for p in load(data).paragraphs}
    assert where == {"一": "第1段", "甲": "表1第1行第1格", "乙": "表1第1行第3格",
                     "丙": "表1第2行第1格", "丁": "表1第2行第2格", "戊": "表1第2行第3格",
                     "二": "第2段", "控件内": "全文第8段", "三": "第3段"}
    d = docx.Document(io.BytesIO(data))
    assert [p.text for p in d.paragraphs] == ["一", "二", "三"]
    assert d.tables[0].cell(0, 2).text == "乙" and d.tables[0].cell(1, 1).text == "丁"

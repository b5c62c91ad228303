"""parse_docx: Word drafts with automatic numbering, tracked changes, tables and fields."""

from __future__ import annotations

import datetime
import io

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from govdoc import Paragraph, Section, Table
from govdoc.parse import ParseError, extract_text, parse_docx

W = nsdecls("w")

NUMBERING = f"""<w:abstractNum {W} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>"""


def numbered_document() -> Document:
    doc = Document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {W} w:numId="7"><w:abstractNumId w:val="90"/></w:num>'))
    return doc


def numbered(doc: Document, text: str, level: int) -> None:
    p = doc.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="7"/></w:numPr>'))


def saved(doc: Document) -> io.BytesIO:
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    return buf


def draft_with_numbering() -> Document:
    doc = numbered_document()
    doc.add_paragraph("关于加强基层法治建设的实施意见")
    doc.add_paragraph("各村（社区）：")
    doc.add_paragraph("为推进基层法治建设，提出如下意见。")
    numbered(doc, "总体要求", 0)
    numbered(doc, "指导思想。坚持党的领导。", 1)
    numbered(doc, "工作目标", 1)
    numbered(doc, "健全制度。年内完成。", 2)
    numbered(doc, "完善机制", 2)
    numbered(doc, "严格程序。履行法定程序。", 3)
    numbered(doc, "目录管理。公布决策目录。", 3)
    numbered(doc, "保障措施", 0)
    doc.add_paragraph("纳入年度考核。")
    doc.add_paragraph("棣棠乡人民政府")
    doc.add_paragraph("2024年6月3日")
    return doc


def test_word_numbering_becomes_literal_labels_first():
    text = extract_text(saved(draft_with_numbering()))
    assert text.splitlines()[3:10] == [
        "一、总体要求", "（一）指导思想。坚持党的领导。", "（二）工作目标", "1.健全制度。年内完成。",
        "2.完善机制", "（1）严格程序。履行法定程序。", "（2）目录管理。公布决策目录。"]
    assert text.splitlines()[10] == "二、保障措施"  # deeper levels restart under a new 一、


def test_word_numbering_gives_the_four_levels():
    result = parse_docx(saved(draft_with_numbering()))
    report = result.report
    assert report.kind.value == "意见" and report.recipients == ["各村（社区）"]
    first, second = report.body[1], report.body[2]
    assert first.title == "总体要求" and second.title == "保障措施"
    goals = first.body[1]
    assert goals.title == "工作目标" and not goals.run_in
    mechanism = goals.body[1]
    assert mechanism.title == "完善机制"
    assert [s.title for s in mechanism.body] == ["严格程序。", "目录管理。"]
    assert [e.tag for e in result.elements][3:10] == [
        "heading1", "heading2-run-in", "heading2", "heading3-run-in", "heading3",
        "heading4-run-in", "heading4-run-in"]
    assert result.warnings == ()


def test_numbering_set_by_a_style_and_a_start_override():
    doc = numbered_document()
    numbering = doc.part.numbering_part.element
    numbering.append(parse_xml(f'<w:num {W} w:numId="8"><w:abstractNumId w:val="90"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>'
                               "</w:lvlOverride></w:num>"))
    style = doc.styles.add_style("公文一级", 1)
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="8"/></w:numPr>'))
    doc.add_paragraph("检查范围", style="公文一级")
    doc.add_paragraph("检查方式", style="公文一级")
    assert extract_text(saved(doc)).splitlines() == ["三、检查范围", "四、检查方式"]


def tracked_draft() -> Document:
    doc = Document()
    doc.add_paragraph("关于开展安全检查的通知")
    p = doc.add_paragraph("全乡")
    p._p.append(parse_xml(f'<w:ins {W} w:id="1" w:author="王" w:date="2024-03-01T00:00:00Z">'
                          "<w:r><w:t>各类</w:t></w:r></w:ins>"))
    p._p.append(parse_xml(f'<w:del {W} w:id="2" w:author="王" w:date="2024-03-01T00:00:00Z">'
                          "<w:r><w:delText>部分</w:delText></w:r></w:del>"))
    p.add_run("生产经营单位开展检查。")
    joined = doc.add_paragraph("各村要")
    joined._p.get_or_add_pPr().append(parse_xml(
        f'<w:rPr {W}><w:del w:id="3" w:author="王" w:date="2024-03-01T00:00:00Z"/></w:rPr>'))
    doc.add_paragraph("认真落实。")
    doc.add_paragraph("棣棠乡人民政府")
    doc.add_paragraph("2024年3月5日")
    return doc


def test_tracked_changes_accepted_by_default():
    report = parse_docx(saved(tracked_draft())).report
    assert report.body == [Paragraph(text="全乡各类生产经营单位开展检查。"),
                           Paragraph(text="各村要认真落实。")]  # the deleted mark joins them


def test_tracked_changes_rejected_on_request():
    report = parse_docx(saved(tracked_draft()), changes="reject").report
    assert report.body == [Paragraph(text="全乡部分生产经营单位开展检查。"),
                           Paragraph(text="各村要"), Paragraph(text="认真落实。")]


def test_changes_must_be_accept_or_reject():
    with pytest.raises(ValueError, match="accept"):
        parse_docx(saved(tracked_draft()), changes="keep")


def test_tables_fields_line_breaks_and_layout_tables():
    doc = Document()
    doc.add_paragraph("关于报送安全检查情况的通知")
    doc.add_paragraph("各村：")
    p = doc.add_paragraph("请于")
    p._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {W}><w:instrText> DATE \\@ "M月d日" </w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {W}><w:t>3月8日</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'))
    p.add_run("前报送下表。")
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([["序号", "单位", "备注"], ["1", "棣棠村", ""], ["2", "龙射村", "已报"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 1).merge(table.cell(0, 2))
    soft = doc.add_paragraph("逾期未报的")
    soft.add_run().add_break()
    soft.add_run("予以通报。")
    sign = doc.add_table(rows=1, cols=1)
    sign.cell(0, 0).text = "棣棠乡人民政府"
    sign.cell(0, 0).add_paragraph("2024年3月5日")
    result = parse_docx(saved(doc))
    report = result.report
    assert report.body[0] == Paragraph(text="请于3月8日前报送下表。")
    # Merging keeps both cells' words in the first; the spanned column is empty.
    assert report.body[1] == Table(rows=[["序号", "单位\n备注", ""], ["1", "棣棠村", ""],
                                         ["2", "龙射村", "已报"]], header_rows=1)
    assert report.body[2:] == [Paragraph(text="逾期未报的"), Paragraph(text="予以通报。")]
    assert (report.issuer, report.date) == ("棣棠乡人民政府", datetime.date(2024, 3, 5))
    assert any("表头" in str(w) and w.unit == "paragraph" for w in result.warnings)


def test_a_file_that_is_not_a_docx_is_a_parse_error(tmp_path):
    bad = tmp_path / "draft.docx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ParseError, match="not a .docx file"):
        parse_docx(bad)


# -- Nothing dropped silently (issue 15.2, 15.3; 16.3, 16.5) -----------------------------

from hostile_drafts import (  # noqa: E402
    EQUATION, FIELD, FOOTNOTE, FOOTNOTE_WORDS, RUBY, RUBY_WORDS, SYMBOLS, SYMBOLS_WORDS,
    TEXT_BOX, TEXT_BOX_WORDS, UNKNOWN_SYMBOL, draft, with_footnote, with_picture)
from hostile_drafts import saved as saved_bytes  # noqa: E402


def body_texts(result) -> list[str]:
    return [b.text for b in result.report.body]


def warned(result, *words: str) -> list[str]:
    """The warnings that hold all of ``words``."""
    return [str(w) for w in result.warnings if all(x in str(w) for x in words)]


def test_text_in_a_text_box_follows_its_paragraph_once():
    result = parse_docx(io.BytesIO(saved_bytes(draft(TEXT_BOX))))
    assert body_texts(result) == ["请认真填写下表。", TEXT_BOX_WORDS]  # Choice read, Fallback not
    assert len(warned(result, "文本框", "paragraph 3")) == 1


def test_word_symbols_become_their_characters_or_are_reported():
    result = parse_docx(io.BytesIO(saved_bytes(draft(SYMBOLS, UNKNOWN_SYMBOL))))
    assert body_texts(result) == [SYMBOLS_WORDS, "见图。"]
    assert warned(result, "paragraph 4", "F021", "Webdings")
    assert len(result.warnings) == 1


def test_ruby_keeps_its_base_text_and_reports_its_reading():
    result = parse_docx(io.BytesIO(saved_bytes(draft(RUBY))))
    assert body_texts(result) == [RUBY_WORDS]
    assert warned(result, "zhù", "注")


def test_footnotes_pictures_fields_and_equations_are_reported_one_line_each():
    doc = with_picture(with_footnote(draft(FOOTNOTE, FIELD, EQUATION)), paragraph=2)
    result = parse_docx(io.BytesIO(saved_bytes(doc)))
    assert body_texts(result) == ["依据有关规定执行。", "请于3月8日前报送。", "增长率为"]
    assert warned(result, "paragraph 3", FOOTNOTE_WORDS)
    assert warned(result, "paragraph 3", "图片")
    assert warned(result, "paragraph 4", "DATE")
    assert warned(result, "paragraph 5", "x+1")
    assert len(result.warnings) == 4


def test_an_unknown_element_with_words_is_reported():
    unknown = (f'<w:p {W} xmlns:x="urn:example"><w:r><w:t>正文。</w:t></w:r>'
               '<x:note><x:t>藏起来的话</x:t></x:note></w:p>')
    result = parse_docx(io.BytesIO(saved_bytes(draft(unknown))))
    assert body_texts(result) == ["正文。"]
    assert warned(result, "paragraph 3", "藏起来的话", "note")


def test_a_malformed_number_names_the_file_and_the_place(tmp_path):
    doc = numbered_document()
    doc.part.numbering_part.element.append(parse_xml(
        f'<w:num {W} w:numId="8"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="abc"/></w:lvlOverride></w:num>'))
    doc.add_paragraph("关于测试的通知")
    path = tmp_path / "draft.docx"
    doc.save(path)
    with pytest.raises(ParseError) as caught:
        parse_docx(path)
    message = str(caught.value)
    assert message.count("\n") == 0
    assert str(path) in message and "numbering.xml" in message and "startOverride" in message
    assert "abc" in message


def test_a_zip_bomb_draft_is_refused_before_it_is_unpacked(tmp_path):
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document " + W + ">" + " " * (20 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    with pytest.raises(ParseError, match="refused"):
        parse_docx(path)


def test_reimporting_the_order_example_keeps_its_mark_and_number(tmp_path):
    import warnings

    import govdoc
    from conftest import example_reports

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", govdoc.GovdocWarning)
        order = example_reports(tmp_path)["order"]
        back = parse_docx(io.BytesIO(govdoc.render(order).to_bytes())).report
    assert back.kind.value == "令"
    assert back.header == order.header
    # A 命令 prints no title (10.2): there is no title line to read back.
    assert back.title == "" and back.body == order.body


def test_words_in_page_headers_are_reported_page_numbers_are_not():
    doc = draft(f'<w:p {W}><w:r><w:t>正文。</w:t></w:r></w:p>')
    doc.sections[0].header.paragraphs[0].text = "内部资料 注意保存"
    doc.sections[0].footer.paragraphs[0].text = "— 1 —"
    result = parse_docx(io.BytesIO(saved_bytes(doc)))
    assert [str(w) for w in result.warnings] == [
        "页眉文字未保留: the page header's words “内部资料 注意保存” are not kept (govdoc writes its own)"]


def test_content_controls_and_hyperlinks_inside_a_paragraph_keep_their_words():
    para = (f'<w:p {W}><w:r><w:t>请于</w:t></w:r><w:sdt><w:sdtPr><w:date/></w:sdtPr>'
            '<w:sdtContent><w:r><w:t>2024年3月8日</w:t></w:r></w:sdtContent></w:sdt>'
            '<w:hyperlink><w:r><w:t>前报送</w:t></w:r></w:hyperlink><w:r><w:t>。</w:t></w:r></w:p>')
    result = parse_docx(io.BytesIO(saved_bytes(draft(para))))
    assert body_texts(result) == ["请于2024年3月8日前报送。"] and not result.warnings


def test_what_a_table_cell_holds_besides_text_is_reported_at_the_table():
    doc = draft()
    table = doc.add_table(rows=2, cols=2)
    for r, row in enumerate([["序号", "单位"], ["1", "棣棠村"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 1).paragraphs[0]._p.append(parse_xml(
        f'<w:r {W}><w:footnoteReference w:id="1"/></w:r>'))
    doc.element.body.remove(table._tbl)
    doc.paragraphs[1]._p.addnext(table._tbl)  # after 各村（社区）：
    doc.paragraphs[1]._p.addnext(parse_xml(f'<w:p {W}><w:r><w:t>情况如下。</w:t></w:r></w:p>'))
    result = parse_docx(io.BytesIO(saved_bytes(with_footnote(doc))))
    assert [str(w) for w in result.warnings if "脚注" in str(w)] == [
        f"paragraph 4: 脚注未保留: the footnote “{FOOTNOTE_WORDS}” is not kept (a 公文 has no "
        "notes; put its words in the text)"]

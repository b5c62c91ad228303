import pytest

from govdoc import convert


def test_a_missing_libreoffice_gives_the_install_hint(monkeypatch, tmp_path):
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    with pytest.raises(convert.ConversionError, match="apt-get install libreoffice"):
        convert.to_pdf(tmp_path / "x.docx")


def test_inputs_with_the_same_name_are_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(convert, "find_soffice", lambda: "/bin/true")
    with pytest.raises(convert.ConversionError, match="share a file name"):
        convert.to_pdfs([tmp_path / "a" / "x.docx", tmp_path / "b" / "x.docx"], tmp_path)


def test_font_map_names_every_official_family():
    conf = convert.FONTS_CONF.read_text(encoding="utf-8")
    for family in ("仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体", "Times New Roman"):
        assert f"<string>{family}</string>" in conf


def _docx(xml: bytes) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/styles.xml", xml)
        zf.writestr("word/media/image1.png", b"\x89PNG<w:overflowPunct w:val=\"0\"/>")
    return buf.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_libreoffice_gets_overflow_punct_the_way_it_reads_it():
    # LibreOffice 7.4 reads w:overflowPunct inverted: "no hanging" must reach it as 1.
    xml = (b'<w:pPr><w:overflowPunct w:val="0"/></w:pPr><w:pPr><w:overflowPunct w:val="1"/>'
           b'</w:pPr><w:pPr><w:overflowPunct/></w:pPr><w:pPr><w:overflowPunct w:val="false"/></w:pPr>')
    parts = _parts(convert.libreoffice_copy(_docx(xml)))
    assert parts["word/styles.xml"] == (
        b'<w:pPr><w:overflowPunct w:val="1"/></w:pPr><w:pPr><w:overflowPunct w:val="0"/>'
        b'</w:pPr><w:pPr><w:overflowPunct w:val="0"/></w:pPr><w:pPr><w:overflowPunct w:val="1"/></w:pPr>')
    # Nothing but XML parts of the document is touched.
    assert parts["word/media/image1.png"] == b"\x89PNG<w:overflowPunct w:val=\"0\"/>"

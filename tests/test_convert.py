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

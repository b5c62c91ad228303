import io
import shutil
import zipfile

import pytest

import govdoc
from govdoc.errors import TemplateError
from govdoc.rendering.template import default_template

from test_render import simple_report


def rewrite(src, dst, name, edit):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.namelist():
            data = zin.read(item)
            if item == name:
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


def test_a_restyled_copy_of_the_template_changes_the_output(tmp_path):
    copy = tmp_path / "restyled.docx"
    # A clerk sets the body style (正文文本) in 楷体 instead of 仿宋.
    rewrite(default_template(), copy, "word/styles.xml", lambda xml: xml.replace(
        '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr>',
        '<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr>', 1,
    ).replace(
        '<w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style>',
        '<w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:rPr>'
        '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="楷体_GB2312" '
        'w:cs="Times New Roman" w:hint="eastAsia"/></w:rPr></w:style>', 1))
    plain = govdoc.render(simple_report())
    restyled = govdoc.render(simple_report(), template=copy)
    body = lambda d: [p for p in d.paragraphs if p.style.name == "Body Text"][0]
    from docx.oxml.ns import qn
    fonts = lambda d: body(d).style.element.rPr.rFonts.get(qn("w:eastAsia")) if body(d).style.element.rPr is not None else None
    assert fonts(plain) is None  # inherits 仿宋 from Normal
    assert fonts(restyled) == "楷体_GB2312"
    assert body(plain).text == body(restyled).text


def test_a_file_that_is_not_a_docx_is_refused(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(TemplateError, match="not a .docx"):
        govdoc.render(simple_report(), template=bad)


def test_a_missing_template_is_refused(tmp_path):
    with pytest.raises(TemplateError, match="cannot be read"):
        govdoc.render(simple_report(), template=tmp_path / "nope.docx")


def test_a_template_lacking_placeholder_and_styles_lists_everything_missing(tmp_path):
    from docx import Document

    plain = tmp_path / "plain.docx"
    Document().save(plain)
    with pytest.raises(TemplateError) as info:
        govdoc.render(simple_report(), template=plain)
    message = str(info.value)
    assert "{{p body }}" in message
    for style in ("Salutation", "Signature", "Date"):
        assert style in message


# Hostile and damaged templates: refused with a TemplateError that says why.

def general_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(default_template()) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_zip(path, parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def forbid_reading(monkeypatch):
    """Call it to fail the test if any zip entry is read or python-docx opens a file."""
    import docx

    def refuse(*args, **kwargs):
        raise AssertionError("a part was read before the template was refused")

    def arm():
        monkeypatch.setattr(zipfile.ZipFile, "read", refuse)
        monkeypatch.setattr(zipfile.ZipFile, "open", refuse)
        monkeypatch.setattr(docx, "Document", refuse)

    return arm


def test_ten_megabytes_of_random_bytes_are_refused_unparsed(tmp_path, forbid_reading):
    import random

    fake = tmp_path / "random.docx"
    fake.write_bytes(random.Random(9).randbytes(10 * 1024 * 1024))
    forbid_reading()
    with pytest.raises(TemplateError, match="not a .docx file"):
        govdoc.render(simple_report(), template=fake)


def test_a_zip_bomb_is_refused_by_its_declared_size(tmp_path, forbid_reading):
    parts = general_parts()
    parts["word/media/bomb.bin"] = bytes(65 * 1024 * 1024)  # 65 MB of zeros, 64 kB packed
    bomb = write_zip(tmp_path / "bomb.docx", parts)
    assert bomb.stat().st_size < 200 * 1024
    forbid_reading()
    with pytest.raises(TemplateError, match=r"unpacks to 6\d MB \(at most 64 MB\)"):
        govdoc.render(simple_report(), template=bomb)


def test_an_entry_with_a_bomb_like_ratio_is_refused(tmp_path, forbid_reading):
    parts = general_parts()
    parts["word/media/zeros.bin"] = bytes(4 * 1024 * 1024)  # about 1000:1
    template = write_zip(tmp_path / "ratio.docx", parts)
    forbid_reading()
    ratio = r"word/media/zeros.bin unpacks \d+ bytes to 4194304 \(more than 100:1\)"
    with pytest.raises(TemplateError, match=ratio):
        govdoc.render(simple_report(), template=template)


def test_an_archive_with_too_many_entries_is_refused(tmp_path, forbid_reading):
    parts = general_parts()
    parts.update({f"customXml/item{i}.xml": b"<a/>" for i in range(1000)})
    template = write_zip(tmp_path / "many.docx", parts)
    forbid_reading()
    with pytest.raises(TemplateError, match=rf"has {len(parts)} entries \(at most 1000\)"):
        govdoc.render(simple_report(), template=template)


def test_a_file_larger_than_the_limit_is_refused_unread(tmp_path, monkeypatch):
    big = tmp_path / "big.docx"
    with open(big, "wb") as fh:
        fh.truncate(65 * 1024 * 1024)  # sparse: no disk space used

    def refuse(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(TemplateError, match=r"the file has 68157440 bytes \(at most 64 MB\)"):
        govdoc.render(simple_report(), template=big)


def test_a_truncated_template_is_refused(tmp_path):
    cut = tmp_path / "cut.docx"
    cut.write_bytes(default_template().read_bytes()[:4000])
    with pytest.raises(TemplateError, match="not a .docx file"):
        govdoc.render(simple_report(), template=cut)


def test_a_template_with_a_damaged_entry_names_it(tmp_path):
    data = bytearray(write_zip(tmp_path / "ok.docx", general_parts()).read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/styles.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 100] ^= 0xFF  # flip bits inside the compressed styles
    bad = tmp_path / "damaged.docx"
    bad.write_bytes(bytes(data))
    with pytest.raises(TemplateError, match="damaged, word/styles.xml cannot be read"):
        govdoc.render(simple_report(), template=bad)


@pytest.mark.parametrize("part, edit, message", [
    ("word/document.xml", lambda x: x.replace("</w:body>", "<w:p></w:body>"),
     "word/document.xml is broken XML"),
    ("word/document.xml", lambda x: x.replace(
        '<w:document', '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document'),
     "word/document.xml declares a DTD"),
    ("word/footer1.xml", lambda x: x.replace("</w:ftr>", ""),
     "python-docx cannot open it"),
    ("[Content_Types].xml", lambda x: x.replace("wordprocessingml.document.main", "spreadsheetml"),
     "python-docx cannot open it"),
])
def test_a_corrupt_template_gives_a_clear_error(tmp_path, part, edit, message):
    bad = tmp_path / "corrupt.docx"
    rewrite(default_template(), bad, part, edit)
    with pytest.raises(TemplateError) as info:
        govdoc.render(simple_report(), template=bad)
    assert message in str(info.value) and str(info.value).startswith(f"template {bad}")


def test_a_zip_without_a_word_document_is_refused(tmp_path):
    parts = general_parts()
    del parts["word/document.xml"]
    with pytest.raises(TemplateError, match="not a Word document, missing word/document.xml"):
        govdoc.render(simple_report(), template=write_zip(tmp_path / "nodoc.docx", parts))


@pytest.mark.parametrize("offset, value, message", [
    (10, 0xFFFF, "the archive has 65535 or more entries (at most 1000)"),
    (12, 200 * 1024 * 1024, "its zip directory has 209715200 bytes (at most 4 MB)"),
])
def test_a_zip_directory_too_big_to_parse_is_refused_unparsed(tmp_path, monkeypatch,
                                                              offset, value, message):
    data = bytearray(default_template().read_bytes())
    end = data.rfind(b"PK\x05\x06")
    size = 2 if offset == 10 else 4
    data[end + offset:end + offset + size] = value.to_bytes(size, "little")
    bad = tmp_path / "directory.docx"
    bad.write_bytes(bytes(data))

    def refuse(*args, **kwargs):
        raise AssertionError("zipfile parsed the directory")

    monkeypatch.setattr(zipfile.ZipFile, "__init__", refuse)
    with pytest.raises(TemplateError) as info:
        govdoc.render(simple_report(), template=bad)
    assert message in str(info.value)


_RPR_DEFAULT = "<w:rPrDefault><w:rPr>"
_BODY_TEXT = ('<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/>'
              '<w:basedOn w:val="Normal"/>')


@pytest.mark.parametrize("part, old, new, message", [
    ("word/styles.xml", _RPR_DEFAULT, _RPR_DEFAULT + "<w:vanish/>",
     "word/styles.xml hides all text (w:vanish in the run defaults)"),
    ("word/styles.xml", '<w:style w:type="paragraph" w:styleId="Normal" w:default="1">'
     '<w:name w:val="Normal"/>', '<w:style w:type="paragraph" w:styleId="Normal" '
     'w:default="1"><w:name w:val="Normal"/><w:rPr><w:vanish w:val="true"/></w:rPr>',
     "hides the text of the style Normal"),
    ("word/styles.xml", _BODY_TEXT, _BODY_TEXT + "<w:rPr><w:vanish/></w:rPr>",
     "hides the text of the style BodyText"),
    ("word/document.xml", "<w:body>", "<w:body><w:p><w:r><w:rPr><w:vanish/></w:rPr>"
     "<w:t>隐</w:t></w:r></w:p>", "word/document.xml hides text"),
])
def test_a_template_that_hides_its_text_is_refused(tmp_path, part, old, new, message):
    # Hidden text prints as nothing: the PDF would be blank and look like success.
    bad = tmp_path / "hidden.docx"
    rewrite(default_template(), bad, part, lambda xml: _replace_once(xml, old, new))
    with pytest.raises(TemplateError) as info:
        govdoc.render(simple_report(), template=bad)
    assert message in str(info.value) and str(info.value).startswith(f"template {bad}: ")


def test_hidden_text_switched_off_is_accepted(tmp_path):
    ok = tmp_path / "shown.docx"
    rewrite(default_template(), ok, "word/styles.xml",
            lambda xml: _replace_once(xml, _RPR_DEFAULT, _RPR_DEFAULT + '<w:vanish w:val="0"/>'))
    assert govdoc.render(simple_report(), template=ok).paragraphs[0].text


def _replace_once(xml: str, old: str, new: str) -> str:
    assert old in xml
    return xml.replace(old, new, 1)

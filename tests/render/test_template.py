import io
import shutil
import zipfile

import pytest

import govdoc
from govdoc.errors import TemplateError
from govdoc.render.template import default_template

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

"""govdoc.ooxml.package: the safe reader of packages from outside, and the fixed-date writer.

(The zip-bomb limits are exercised on templates in tests/render/test_template.py.)"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from govdoc.errors import TemplateError
from govdoc.ooxml.package import PARSER, ZIP_DATE, Package, write_zip

from check.docx_parts import make_docx, para


def test_the_writer_gives_the_same_bytes_for_the_same_parts():
    parts = [("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>")]
    first, second = write_zip(parts), write_zip(iter(parts))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == ["[Content_Types].xml", "word/document.xml"]
    assert {i.date_time for i in infos} == {ZIP_DATE}
    assert {i.external_attr >> 16 for i in infos} == {0o644}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
    assert write_zip(parts[::-1]) != first  # the order given is kept


def test_the_package_follows_its_relationships():
    package = Package(make_docx(para("正文")), "draft.docx")
    assert package.main == "word/document.xml"
    assert package.related(package.main, "/styles") == "word/styles.xml"
    assert package.related(package.main, "/numbering") is None
    assert package.xml("word/missing.xml") is None
    assert package.xml(package.main).tag.endswith("}document")


def _with_rels(targets: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx(para("x")))) as zin, \
            zipfile.ZipFile(buf, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", targets.encode() + b"</Relationships>")
            zout.writestr(name, data)
    return buf.getvalue()


def test_relative_absolute_and_external_targets():
    rels = ('<Relationship Id="rUp" Type="t/up" Target="../customXml/item1.xml"/>'
            '<Relationship Id="rAbs" Type="t/abs" Target="/word/media/a.png"/>'
            '<Relationship Id="rDot" Type="t/dot" Target="./media/b.png"/>'
            '<Relationship Id="rExt" Type="t/ext" Target="http://example.org/" '
            'TargetMode="External"/>')
    package = Package(_with_rels(rels), "draft.docx")
    found = package.rels("word/document.xml")
    assert found["rUp"] == ("customXml/item1.xml", "t/up")
    assert found["rAbs"] == ("word/media/a.png", "t/abs")
    assert found["rDot"] == ("word/media/b.png", "t/dot")
    assert "rExt" not in found


def test_broken_xml_is_an_error_of_the_callers_type():
    class Mine(Exception):
        pass

    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx(para("x")))) as zin, \
            zipfile.ZipFile(buf, "w") as zout:
        for name in zin.namelist():
            zout.writestr(name, b"<w:styles" if name == "word/styles.xml" else zin.read(name))
    package = Package(buf.getvalue(), "draft.docx", "Word draft", Mine)
    with pytest.raises(Mine, match="draft.docx: word/styles.xml is not well-formed XML"):
        package.xml("word/styles.xml")
    with pytest.raises(TemplateError, match="template junk: 不是 .docx 文件"):
        Package(b"junk", "junk", "template")


def test_the_parser_expands_no_entities():
    xml = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "EXPANDED">]>'
           b"<d>&e;</d>")
    root = etree.fromstring(xml, PARSER)
    assert "EXPANDED" not in etree.tostring(root).decode()


def test_a_file_over_the_limit_is_refused_by_every_reader(monkeypatch):
    import govdoc.ooxml.package as package
    from govdoc.checker.resolve import DocxError, load
    from govdoc.parse import ParseError
    from govdoc.parse.word import docx_lines

    data = make_docx(para("正文"))
    monkeypatch.setattr(package, "MAX_FILE_BYTES", len(data) - 1)
    stream = io.BytesIO(data + b"\0" * 1000)
    with pytest.raises(TemplateError, match="template t.docx: refused, the file has more than"):
        package.read_limited(stream, "t.docx")
    assert stream.tell() == len(data)  # one byte past the limit, no more
    with pytest.raises(DocxError, match="Word document d.docx: refused"):
        load(data, "d.docx")
    with pytest.raises(DocxError, match="Word document d.docx: refused"):
        load(io.BytesIO(data), "d.docx")
    with pytest.raises(ParseError, match="Word draft the file: refused"):
        docx_lines(io.BytesIO(data))
    monkeypatch.setattr(package, "MAX_FILE_BYTES", len(data))
    assert package.read_limited(io.BytesIO(data), "t.docx") == data
    assert load(data).paragraphs[0].text == "正文"

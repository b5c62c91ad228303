"""Valid OOXML: property elements in schema order, unique ids, no dangling links.

The checkers live in ``ooxml.py``; the property tests in ``test_reliability.py``
apply them to random reports. Here they run on the seed report and on damaged
packages, to show they catch what they look for.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from docx.oxml.ns import nsdecls

from ooxml import order_violations, package_problems, read_part

W_NS = nsdecls("w")


def test_the_seed_report_has_unique_ids_and_no_dangling_links(seed_docx):
    assert package_problems(seed_docx.read_bytes()) == []


def test_every_part_of_the_seed_report_is_in_schema_order(seed_docx):
    with zipfile.ZipFile(seed_docx) as zf:
        parts = [n for n in zf.namelist() if n.startswith("word/") and n.endswith(".xml")]
    assert "word/document.xml" in parts and "word/styles.xml" in parts
    for part in parts:
        assert order_violations(read_part(seed_docx, part)) == [], part


@pytest.mark.parametrize("xml, problem", [
    ("<w:pPr><w:ind/><w:spacing/></w:pPr>", "pPr: spacing out of order"),
    ("<w:rPr><w:sz/><w:rFonts/></w:rPr>", "rPr: rFonts out of order"),
    ("<w:sectPr><w:pgMar/><w:pgSz/></w:sectPr>", "sectPr: pgSz out of order"),
    ("<w:tblPr><w:tblInd/><w:tblW/></w:tblPr>", "tblPr: tblW out of order"),
    ("<w:tblPr><w:tblStyle/><w:jc/><w:tblLayout/><w:tblCellMar/><w:tblLook/></w:tblPr>", None),
    ("<w:tblPr><w:colour/></w:tblPr>", "tblPr: unknown child colour"),
])
def test_the_order_check_catches_out_of_order_children(xml, problem):
    found = order_violations(f"<w:root {W_NS}>{xml}</w:root>".encode())
    assert found == ([problem] if problem else [])


def rewritten(docx: bytes, name: str, edit) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.namelist():
            data = zin.read(item)
            if item == name:
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize("name, edit, problem", [
    ("word/_rels/document.xml.rels", lambda x: x.replace('Target="footer1.xml"', 'Target="gone.xml"'),
     "targets missing part word/gone.xml"),
    ("word/_rels/document.xml.rels", lambda x: x.replace('Id="rIdFooterEven"', 'Id="rIdFooterOdd"'),
     "duplicate relationship ids"),
    ("word/document.xml", lambda x: x.replace('r:id="rIdFooterEven"', 'r:id="rId99"'),
     "id=rId99 names no relationship"),
    ("word/document.xml", lambda x: x.replace('w:val="BodyText"', 'w:val="NoSuchStyle"', 1),
     "pStyle NoSuchStyle is not defined"),
    ("word/document.xml", lambda x: x.replace(
        "<w:body>", '<w:body><w:bookmarkStart w:id="7" w:name="a"/><w:bookmarkEnd w:id="7"/>'
                    '<w:bookmarkStart w:id="7" w:name="b"/><w:bookmarkEnd w:id="7"/>'),
     "duplicate bookmark ids"),
    ("[Content_Types].xml", lambda x: x.replace("</Types>",
     '<Override PartName="/word/ghost.xml" ContentType="application/xml"/></Types>'),
     "content type for missing part word/ghost.xml"),
])
def test_the_package_check_catches_broken_links_and_duplicate_ids(seed_docx, name, edit, problem):
    broken = rewritten(seed_docx.read_bytes(), name, edit)
    assert any(problem in p for p in package_problems(broken)), package_problems(broken)

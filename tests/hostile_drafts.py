"""Small Word drafts with what a 公文 model cannot hold as such: text boxes, symbols,
ruby, footnotes, pictures, fields, equations. Built with python-docx and lxml."""

from __future__ import annotations

import io

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

W = nsdecls("w")


def png() -> bytes:
    """A 4×4 red PNG."""
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "examples"))
    from ring_png import ring_png

    return ring_png(size=8, stroke=2)


def draft(*middle: str) -> Document:
    """A notice whose body paragraphs are the raw ``w:p`` XML of ``middle``."""
    doc = Document()
    doc.add_paragraph("关于报送安全检查情况的通知")
    doc.add_paragraph("各村（社区）：")
    for xml in middle:
        doc.add_paragraph()._p.addprevious(parse_xml(xml))
    for p in doc.paragraphs:
        if not p.text and not p._p.getchildren():
            p._p.getparent().remove(p._p)
    doc.add_paragraph("棣棠乡人民政府")
    doc.add_paragraph("2024年3月5日")
    return doc


def saved(doc: Document) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


TEXT_BOX = (
    f'<w:p {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<w:r><w:t>请认真填写下表。</w:t></w:r>'
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
    '<wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
    '<w:txbxContent><w:p><w:r><w:t>联系人：张三，电话12345678。</w:t></w:r></w:p></w:txbxContent>'
    '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
    '<w:t>联系人：张三，电话12345678。</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>'
    '</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
TEXT_BOX_WORDS = "联系人：张三，电话12345678。"

SYMBOLS = (f'<w:p {W}><w:r><w:t>是否完成：</w:t></w:r>'
           '<w:r><w:sym w:font="Wingdings 2" w:char="F052"/></w:r><w:r><w:t>是</w:t></w:r>'
           '<w:r><w:sym w:font="Wingdings 2" w:char="F0A3"/></w:r><w:r><w:t>否</w:t></w:r>'
           '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r><w:r><w:t>待定。</w:t></w:r></w:p>')
SYMBOLS_WORDS = "是否完成：☑是□否◻待定。"
UNKNOWN_SYMBOL = f'<w:p {W}><w:r><w:t>见图</w:t></w:r><w:r><w:sym w:font="Webdings" w:char="F021"/></w:r><w:r><w:t>。</w:t></w:r></w:p>'

RUBY = (f'<w:p {W}><w:r><w:t>这是</w:t></w:r><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhù</w:t>'
        '</w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r>'
        '<w:r><w:t>音</w:t></w:r></w:p>')
RUBY_WORDS = "这是注音"

FOOTNOTE = (f'<w:p {W}><w:r><w:t>依据有关规定执行。</w:t></w:r>'
            '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
FOOTNOTE_WORDS = "见《安全生产法》第二十条"

FIELD = (f'<w:p {W}><w:r><w:t>请于</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
         '<w:r><w:instrText> DATE \\@ "M月d日" </w:instrText></w:r>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3月8日</w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>前报送。</w:t></w:r></w:p>')

EQUATION = (f'<w:p {W} xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
            '<w:r><w:t>增长率为</w:t></w:r><m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath></w:p>')


def with_footnote(doc: Document) -> Document:
    """Add the footnotes part that :data:`FOOTNOTE` refers to."""
    xml = (f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
           f'</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
           f'<w:r><w:t>{FOOTNOTE_WORDS}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    return doc


def with_picture(doc: Document, paragraph: int = 2) -> Document:
    """A small inline picture in paragraph ``paragraph``."""
    doc.paragraphs[paragraph].add_run().add_picture(io.BytesIO(png()))
    return doc


def hostile_draft() -> bytes:
    """One draft with all of the above."""
    doc = with_footnote(draft(TEXT_BOX, SYMBOLS, RUBY, FOOTNOTE, FIELD, EQUATION))
    return saved(with_picture(doc))

"""Three office 红头 templates, made the way offices make them, for the tests.

Each starts from govdoc's bundled template (its styles, page and footers) and draws its
own 版头 above ``{{p body }}`` and its own 版记 below it, with docxtpl fields:

* ``a``: a text 标志 in 方正小标宋 at 80 % width (``w:w``) with 4 pt extra character
  spacing, 份号/密级/紧急程度 lines above it, the red rule a paragraph border, and a
  header that shows ``{{ extra.公开属性 }}``;
* ``b``: a picture 标志 (a PNG drawn here), the red rule a DrawingML line shape, the
  份号 in a text box;
* ``c``: a joint 标志, a two-row table with 文件 merged down the right column.

``payloads`` puts Jinja code into the header, the footer, a text box or a table row
loop of the 版记 (the sandbox tests). Run as a script to write the three for review:

    python tests/office_templates.py OUTDIR
"""

from __future__ import annotations

import html
import io
import sys
import zipfile
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from govdoc import spec
from govdoc.rendering.template import default_template

KINDS = ("a", "b", "c")
PLACES = ("header", "footer", "text box", "row loop")
MARK_TEXT = "棣棠乡人民政府文件"
JOINT_NAMES = ("棣棠乡人民政府", "中共棣棠乡委员会")

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
_RED = spec.COLOR_RED.value
_PITCH = spec.LINE_PITCH_TW
_EMU = 36000  # per mm
_BLOCK_TW = spec.mm_to_twips(spec.BLOCK_WIDTH.value)


def _fonts(east_asia: str) -> str:
    return (f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
            f'w:eastAsia="{east_asia}"/>')


def _run(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _para(content: str, *, before: int = 0, line: int | None = _PITCH, jc: str = "left",
          extra: str = "", style: str = "GovSpacer") -> str:
    spacing = (f'<w:spacing w:before="{before}" w:after="0" w:line="{line}" w:lineRule="exact"/>'
               if line else f'<w:spacing w:before="{before}" w:after="0" w:line="240" '
               'w:lineRule="auto"/>')
    return (f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}<w:snapToGrid w:val="0"/>'
            f'{spacing}<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{jc}"/>'
            f"</w:pPr>{content}</w:p>")


_FANGSONG = _fonts(spec.FONT_FANGSONG.value) + '<w:sz w:val="32"/>'
_RULE_BORDER = (f'<w:pBdr><w:bottom w:val="single" w:sz="{round(spec.RULE_WIDTH.value * 8)}" '
                f'w:space="{spec.NUMBER_RULE_SPACE_PT}" w:color="{_RED}"/></w:pBdr>')
_MARK_SIZE = 42.0
_INK_TW = spec.pt_to_twips(_MARK_SIZE * spec.MARK_INK_ABOVE_LINE_TOP_EM)


@lru_cache(maxsize=1)
def mark_png() -> bytes:
    """The picture 标志 of template b: red 小标宋-like type on white, 150 × 20 mm at 300 dpi."""
    width, height = round(150 / 25.4 * 300), round(20 / 25.4 * 300)
    image = Image.new("RGB", (width, height), "white")
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 200)
    draw = ImageDraw.Draw(image)
    box = draw.textbbox((0, 0), MARK_TEXT, font=font)
    draw.text(((width - box[2] - box[0]) / 2, (height - box[3] - box[1]) / 2), MARK_TEXT,
              font=font, fill=(255, 0, 0))
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(300, 300))
    return out.getvalue()


def _number_paragraph(rule: bool) -> str:
    return _para(_run("{{ number }}", _FANGSONG), before=2 * _PITCH, jc="center",
                 extra=_RULE_BORDER if rule else "")


def _text_box(text: str, name: str) -> str:
    """A floating text box at the top left of the 版心 holding ``text`` (3号 仿宋)."""
    cx, cy = 40 * _EMU, 10 * _EMU
    box = (
        f'<w:txbxContent><w:p><w:pPr><w:pStyle w:val="GovSpacer"/><w:snapToGrid w:val="0"/>'
        f'</w:pPr>{_run(text, _FANGSONG)}</w:p></w:txbxContent>'
    )
    return (
        '<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="margin"><wp:posOffset>0'
        f'</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="{cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="90" name="{name}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm>'
        f'<a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect">'
        '<a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx>{box}</wps:txbx><wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0"/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
    )


def _head_a() -> str:
    lines = "".join(
        _para(_run(f"{{{{ {field} }}}}", _FANGSONG if field == "copy_number"
                   else _fonts(spec.FONT_HEITI.value) + '<w:sz w:val="32"/>'))
        for field in ("copy_number", "secrecy", "urgency"))
    above = 3 * _PITCH
    before = spec.mm_to_twips(spec.MARK_TOP_BELOW_BLOCK.value) - above + _INK_TW
    mark = _run(MARK_TEXT, _fonts(spec.FONT_XIAOBIAOSONG.value)
                + f'<w:color w:val="{_RED}"/><w:spacing w:val="80"/><w:w w:val="80"/>'
                f'<w:sz w:val="{round(_MARK_SIZE * 2)}"/>')
    return (lines + _para(mark, before=before, line=spec.pt_to_twips(_MARK_SIZE), jc="center")
            + _number_paragraph(rule=True))


def _head_b(text_box: str) -> str:
    cx, cy = 150 * _EMU, 20 * _EMU
    picture = (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="91" name="标志"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="mark.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rIdMark"/><a:stretch><a:fillRect/></a:stretch>'
        f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )
    width = round(spec.BLOCK_WIDTH.value * _EMU)
    line = (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="0"/><wp:docPr id="92" name="红色分隔线"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{width}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        f'<a:ln w="{round(spec.pt_to_mm(spec.RULE_WIDTH.value) * _EMU)}"><a:solidFill>'
        f'<a:srgbClr val="{_RED}"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )
    box = _text_box(text_box, "份号")
    return (_para(box + picture, before=spec.mm_to_twips(spec.MARK_TOP_BELOW_BLOCK.value),
                  line=None, jc="center")
            + _number_paragraph(rule=False)
            + _para(line, before=0, line=spec.mm_to_twips(spec.RULE_BELOW_NUMBER.value),
                    jc="center"))


def _head_c() -> str:
    size = 36.0
    line = spec.pt_to_twips(size)
    rpr = (_fonts(spec.FONT_XIAOBIAOSONG.value) + f'<w:color w:val="{_RED}"/>'
           f'<w:sz w:val="{round(size * 2)}"/>')
    names_w, suffix_w = spec.mm_to_twips(108), spec.mm_to_twips(36)

    def cell(width: int, content: str, merge: str) -> str:
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{merge}'
                f'<w:vAlign w:val="center"/></w:tcPr>{content}</w:tc>')

    name = lambda text: _para(_run(text, rpr), line=line, jc="distribute")  # noqa: E731
    rows = (
        f'<w:tr><w:trPr><w:trHeight w:val="{line}" w:hRule="exact"/></w:trPr>'
        + cell(names_w, name(JOINT_NAMES[0]), "")
        + cell(suffix_w, _para(_run("文件", rpr), line=line, jc="right"),
               '<w:vMerge w:val="restart"/>') + "</w:tr>"
        f'<w:tr><w:trPr><w:trHeight w:val="{line}" w:hRule="exact"/></w:trPr>'
        + cell(names_w, name(JOINT_NAMES[1]), "")
        + cell(suffix_w, _para(""), "<w:vMerge/>") + "</w:tr>"
    )
    table = (
        f'<w:tbl><w:tblPr><w:tblW w:w="{names_w + suffix_w}" w:type="dxa"/>'
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar>'
        '<w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
        f'</w:tblPr><w:tblGrid><w:gridCol w:w="{names_w}"/><w:gridCol w:w="{suffix_w}"/>'
        f"</w:tblGrid>{rows}</w:tbl>"
    )
    spacer = _para("", before=spec.mm_to_twips(spec.MARK_TOP_BELOW_BLOCK.value) - 20, line=20)
    return spacer + table + _number_paragraph(rule=True)


def _imprint(loop_payload: str | None) -> str:
    """The 版记: a table floating to the foot of the page, its rules as GB/T 9704 draws
    them, 抄送 shown only when there is one; the 印发 line with a right tab."""
    side = spec.PAGE_NUMBER_CHAR_TW  # one 4号 character
    label = 3 * side
    imprint = _fonts(spec.FONT_FANGSONG.value) + '<w:sz w:val="28"/>'

    def row(content: str) -> str:
        return (f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{_BLOCK_TW}" '
                f'w:type="dxa"/></w:tcPr>{content}</w:tc></w:tr>')

    def line(content: str, left: int, hang: int = 0, tab: bool = False) -> str:
        tabs = f'<w:tabs><w:tab w:val="right" w:pos="{_BLOCK_TW - side}"/></w:tabs>' if tab else ""
        return (f'<w:p><w:pPr><w:pStyle w:val="GovImprint"/>{tabs}<w:ind w:left="{left}" '
                f'w:right="{side}" w:hanging="{hang}"/></w:pPr>{content}</w:p>')

    tag = lambda text: row(f"<w:p>{_run(text)}</w:p>")  # noqa: E731
    if loop_payload is None:
        cc = (tag("{%tr if cc %}") + row(line(_run("抄送：{{ cc|join('，') }}。", imprint),
                                              side + label, label)) + tag("{%tr endif %}"))
    else:
        cc = (tag("{%tr for name in cc %}")
              + row(line(_run("{{ name }}" + loop_payload, imprint), side))
              + tag("{%tr endfor %}"))
    printed = line(_run("{{ printer }}", imprint) + "<w:r><w:tab/></w:r>"
                   + _run("{{ print_date }}印发", imprint), side, tab=True)
    outer = round(spec.IMPRINT_OUTER_RULE.value / 25.4 * 72 * 8)
    inner = round(spec.IMPRINT_INNER_RULE.value / 25.4 * 72 * 8)
    rule = lambda side_, sz: (f'<w:{side_} w:val="single" w:sz="{sz}" w:space="0" '  # noqa: E731
                              'w:color="000000"/>')
    return (
        '<w:tbl><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" '
        f'w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="{spec.MARGIN_LEFT_TW}" '
        'w:tblpYSpec="bottom"/><w:tblOverlap w:val="never"/>'
        f'<w:tblW w:w="{_BLOCK_TW}" w:type="dxa"/><w:tblBorders>{rule("top", outer)}'
        f'{rule("bottom", outer)}{rule("insideH", inner)}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{_BLOCK_TW}"/></w:tblGrid>{cc}{row(printed)}</w:tbl>'
        '<w:p><w:pPr><w:pStyle w:val="GovImprintAnchor"/></w:pPr></w:p>'
    )


_HEADER_REL = ('<Relationship Id="rIdHeaderOffice" Type="http://schemas.openxmlformats.org/'
               'officeDocument/2006/relationships/header" Target="header1.xml"/>')
_MARK_REL = ('<Relationship Id="rIdMark" Type="http://schemas.openxmlformats.org/'
             'officeDocument/2006/relationships/image" Target="media/mark.png"/>')


def build(kind: str, dst: Path, payloads: dict[str, str] | None = None) -> Path:
    """Write office template ``kind`` (a, b or c) to ``dst``; ``payloads`` maps a place
    (:data:`PLACES`) to Jinja code put there."""
    payloads = {k: html.escape(v, quote=False) for k, v in (payloads or {}).items()}
    head = {"a": _head_a, "c": _head_c}.get(kind, lambda: _head_b(
        "{{ copy_number }}" + payloads.get("text box", "")))()
    if "text box" in payloads and kind != "b":
        head = _para(_text_box(payloads["text box"], "文本框")) + head
    header_text = "{{ extra.公开属性 }}" if kind == "a" else ""
    header_text += payloads.get("header", "")
    with zipfile.ZipFile(default_template()) as zin:
        parts = {n: zin.read(n).decode("utf-8") for n in zin.namelist()}
    document = parts["word/document.xml"]
    placeholder = '<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:t>{{p body }}</w:t></w:r></w:p>'
    assert placeholder in document
    document = document.replace(
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
        f"<w:document {_NS}>")
    document = document.replace(placeholder, head + placeholder
                                + _imprint(payloads.get("row loop")))
    rels = parts["word/_rels/document.xml.rels"]
    types = parts["[Content_Types].xml"]
    binary: dict[str, bytes] = {}
    if kind == "b":
        rels = rels.replace("</Relationships>", _MARK_REL + "</Relationships>")
        types = types.replace('<Default Extension="xml"',
                              '<Default Extension="png" ContentType="image/png"/>'
                              '<Default Extension="xml"')
        binary["word/media/mark.png"] = mark_png()
    if header_text:
        parts["word/header1.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:hdr {_NS}>" + _para(_run(header_text, _FANGSONG), jc="right") + "</w:hdr>")
        rels = rels.replace("</Relationships>", _HEADER_REL + "</Relationships>")
        types = types.replace(
            "</Types>", '<Override PartName="/word/header1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>')
        document = document.replace(
            "<w:sectPr>", '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderOffice"/>'
            '<w:headerReference w:type="even" r:id="rIdHeaderOffice"/>', 1)
    if "footer" in payloads:
        parts["word/footer1.xml"] = parts["word/footer1.xml"].replace(
            '<w:t xml:space="preserve">— </w:t>',
            f'<w:t xml:space="preserve">— {payloads["footer"]}</w:t>')
    parts.update({"word/document.xml": document, "word/_rels/document.xml.rels": rels,
                  "[Content_Types].xml": types})
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, text in parts.items():
            zout.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), text.encode("utf-8"))
        for name, data in binary.items():
            zout.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return dst


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for k in KINDS:
        print(build(k, out / f"office-{k}.docx"))

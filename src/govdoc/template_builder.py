"""Builds govdoc's official-format .docx templates from :mod:`govdoc.spec`.

The templates in ``templates/`` are produced by ``scripts/build_templates.py``, which
calls :func:`build_template` for each format. Every part is written here as literal XML, so a
diff of this module shows exactly what changed in the template, and the output is
byte-for-byte reproducible (fixed zip timestamps, fixed part order).

The template holds no theme part, so no theme font can override the explicit font
names; every style names its fonts on all four ``w:rFonts`` slots.
"""

from __future__ import annotations

import io
import zipfile

from govdoc import spec
from govdoc.model import DocFormat
from govdoc.styles import NORMAL, STYLES, Role, StyleDef
from govdoc.template_contract import (BODY_PLACEHOLDER, BODY_STYLE, FOOTER_EVEN, FOOTER_ODD,
                                      LANDSCAPE_FOOTERS, LETTER_FIRST_FOOTER, LETTER_FIRST_HEADER,
                                      LETTER_MARK_PLACEHOLDER)


_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": "&#10;",
                               "\r": "&#13;", "\t": "&#9;"})


def _quoteattr(value: str) -> str:
    """``value`` as a quoted XML attribute value, as :func:`xml.sax.saxutils.quoteattr`
    writes it (whose module imports urllib, http and ssl: ~12 ms of a cold build)."""
    value = value.translate(_ATTR_ESCAPES)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _rfonts(east_asia: str, latin: str) -> str:
    return (
        f"<w:rFonts w:ascii={_quoteattr(latin)} w:hAnsi={_quoteattr(latin)} "
        f"w:eastAsia={_quoteattr(east_asia)} w:cs={_quoteattr(latin)} w:hint=\"eastAsia\"/>"
    )


def _rpr(s: StyleDef) -> str:
    """Run properties in schema order (rFonts, color, spacing, kern, sz, szCs, lang)."""
    parts = []
    if s.east_asia:
        parts.append(_rfonts(s.east_asia, s.latin or s.east_asia))
    if s.color:
        parts.append(f'<w:color w:val="{s.color}"/>')
    if s.squeeze is not None:
        parts.append(f'<w:spacing w:val="{spec.pt_to_twips(s.squeeze)}"/>')
    if s is NORMAL:
        parts.append('<w:kern w:val="0"/>')
    if s.size:
        half = round(s.size * 2)
        parts.append(f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>')
    if s is NORMAL:
        parts.append('<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _ppr(s: StyleDef) -> str:
    """Paragraph properties in schema order."""
    parts = []
    if s.keep_next:
        parts.append("<w:keepNext/>")
    if s is NORMAL:
        # 22 lines on every page: no widow/orphan control; Chinese line breaking on;
        # no hanging punctuation, no automatic CJK/Latin spacing (Word/WPS semantics).
        parts.append('<w:widowControl w:val="0"/>')
        parts.append('<w:kinsoku/><w:wordWrap/><w:overflowPunct w:val="0"/>')
        parts.append('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>')
        parts.append('<w:adjustRightInd w:val="0"/>')
    if s.border_bottom:
        color, width, space = s.border_bottom
        parts.append(
            f'<w:pBdr><w:bottom w:val="single" w:sz="{round(width * 8)}" '
            f'w:space="{space}" w:color="{color}"/></w:pBdr>'
        )
    if s.snap_to_grid is False:
        parts.append('<w:snapToGrid w:val="0"/>')
    spacing = []
    if s is NORMAL:
        spacing.append('w:before="0" w:after="0"')
    elif s.after_lines:
        spacing.append(f'w:after="{s.after_lines * spec.LINE_PITCH_TW}"')
    if s.line_tw:
        spacing.append(f'w:line="{s.line_tw}" w:lineRule="exact"')
    elif s.line_auto:
        spacing.append('w:line="240" w:lineRule="auto"')
    if spacing:
        parts.append(f"<w:spacing {' '.join(spacing)}/>")
    ind = []
    if s.first_line_chars is not None:
        ind.append(
            f'w:firstLineChars="{s.first_line_chars * 100}" '
            f'w:firstLine="{s.first_line_chars * spec.CHAR_TW}"'
        )
    if s.right_chars is not None:
        ind.append(
            f'w:rightChars="{round(s.right_chars * 100)}" '
            f'w:right="{round(s.right_chars * spec.CHAR_TW)}"'
        )
    if ind:
        parts.append(f"<w:ind {' '.join(ind)}/>")
    if s.jc:
        parts.append(f'<w:jc w:val="{s.jc}"/>')
    if s.outline_level is not None:
        parts.append(f'<w:outlineLvl w:val="{s.outline_level}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


def _style_xml(s: StyleDef, *, default: bool = False) -> str:
    head = f'<w:style w:type="{s.kind}" w:styleId="{s.id}"'
    head += ' w:default="1">' if default else ">"
    body = f"<w:name w:val={_quoteattr(s.name)}/>"
    if s.based_on:
        body += f'<w:basedOn w:val="{s.based_on}"/>'
    if s.kind == "paragraph" and s is not NORMAL:
        body += f'<w:next w:val="{"BodyText" if s.id != "Footer" else "Footer"}"/>'
    if s.link:
        body += f'<w:link w:val="{s.link}"/>'
    body += "<w:qFormat/>"
    if s.kind == "paragraph":
        body += _ppr(s)
    body += _rpr(s)
    return head + body + "</w:style>"


def styles_xml() -> str:
    """``word/styles.xml``: docDefaults, Normal, and one style per layout role."""
    n = NORMAL
    size = round(n.size * 2) if n.size else 32
    doc_defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        + _rfonts(n.east_asia or "", n.latin or "")
        + f'<w:kern w:val="0"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:before="0" w:after="0"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    builtin = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/>'
        "<w:semiHidden/><w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        "<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
    )
    first = [Role.BODY, Role.TITLE]
    order = first + [r for r in Role if r not in first]
    styles = [_style_xml(NORMAL, default=True)] + [_style_xml(STYLES[r]) for r in order]
    return (
        XML_DECL + f'<w:styles xmlns:w="{W_NS}">' + doc_defaults + builtin
        + "".join(styles) + "</w:styles>"
    )


def _page_field() -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def footer_xml(odd: bool, footer_tw: int = spec.FOOTER_DISTANCE_TW) -> str:
    """A footer with the page number "— N —": odd pages right, even pages left (7.5).

    With a footer distance shorter than the usual one (letters), space under the line
    lifts the number back to its place 7 mm under the block.
    """
    dash = spec.PAGE_NUMBER_DASH.value
    side = spec.PAGE_NUMBER_SIDE_INDENT.value
    lift = spec.FOOTER_DISTANCE_TW - footer_tw
    after = f'<w:spacing w:after="{lift}"/>' if lift else ""
    if odd:
        ppr = (
            f'<w:pPr><w:pStyle w:val="Footer"/>{after}'
            f'<w:ind w:right="{side * spec.PAGE_NUMBER_CHAR_TW}"/><w:jc w:val="right"/></w:pPr>'
        )
    else:
        ppr = (
            f'<w:pPr><w:pStyle w:val="Footer"/>{after}'
            f'<w:ind w:left="{side * spec.PAGE_NUMBER_CHAR_TW}"/><w:jc w:val="left"/></w:pPr>'
        )
    return (
        XML_DECL + f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p>' + ppr
        + f'<w:r><w:t xml:space="preserve">{dash} </w:t></w:r>' + _page_field()
        + f'<w:r><w:t xml:space="preserve"> {dash}</w:t></w:r>'
        + "</w:p></w:ftr>"
    )


_NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_EMU_PER_MM = 36000


def landscape_footer_xml(odd: bool) -> str:
    """The footer of a landscape table page (8): the page number turned with the page,
    so that it prints where portrait pages have it.

    A landscape page is the portrait sheet turned a quarter counter-clockwise (the
    table's head toward the 订口 of an odd page), so the portrait page number's place,
    7 mm under the block, lies in the landscape page's left margin; a text box there
    sets "— N —" reading down the page (``vert``), flush with the portrait block's ends.
    """
    dash = spec.PAGE_NUMBER_DASH.value
    side = spec.PAGE_NUMBER_SIDE_INDENT.value * spec.PAGE_NUMBER_CHAR_TW
    thickness_mm = spec.pt_to_mm(spec.PAGE_NUMBER_SIZE.value)
    dash_y = spec.MARGIN_TOP.value + spec.BLOCK_HEIGHT.value + spec.PAGE_NUMBER_DASH_BELOW_BLOCK.value
    x_mm = spec.PAGE_HEIGHT.value - dash_y - thickness_mm / 2
    y_mm = spec.MARGIN_LEFT.value
    cx, cy = round(thickness_mm * _EMU_PER_MM), round(spec.BLOCK_WIDTH.value * _EMU_PER_MM)
    jc = ('<w:ind w:right="{0}"/><w:jc w:val="right"/>' if odd
          else '<w:ind w:left="{0}"/><w:jc w:val="left"/>').format(side)
    number = (
        f'<w:p><w:pPr><w:pStyle w:val="Footer"/>{jc}</w:pPr>'
        f'<w:r><w:t xml:space="preserve">{dash} </w:t></w:r>' + _page_field()
        + f'<w:r><w:t xml:space="preserve"> {dash}</w:t></w:r></w:p>'
    )
    box = (
        f'<w:r><w:drawing><wp:anchor xmlns:wp="{_NS_WP}" distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" relativeHeight="251660288" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{round(x_mm * _EMU_PER_MM)}'
        '</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{round(y_mm * _EMU_PER_MM)}'
        '</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{900 + (0 if odd else 1)}" name="页码"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{_NS_A}"><a:graphicData uri="{_NS_WPS}">'
        f'<wps:wsp xmlns:wps="{_NS_WPS}"><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f"</wps:spPr><wps:txbx><w:txbxContent>{number}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        'anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    return (
        XML_DECL + f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
        f'<w:pStyle w:val="GovSpacer"/></w:pPr>{box}</w:p></w:ftr>'
    )


def sect_pr_xml(letter: bool = False) -> str:
    """Page setup: A4, 37/35/28/26 mm, odd/even footers, a 22-line grid; a letter adds a
    first page of its own (标志 and rules, no page number)."""
    first = (
        f'<w:headerReference w:type="first" r:id="{LETTER_FIRST_HEADER}"/>'
        f'<w:footerReference w:type="first" r:id="{LETTER_FIRST_FOOTER}"/>'
    ) if letter else ""
    header = spec.LETTER_HEADER_TW if letter else spec.HEADER_DISTANCE_TW
    footer = spec.LETTER_FOOTER_TW if letter else spec.FOOTER_DISTANCE_TW
    return (
        "<w:sectPr>" + first
        + f'<w:footerReference w:type="even" r:id="{FOOTER_EVEN}"/>'
        f'<w:footerReference w:type="default" r:id="{FOOTER_ODD}"/>'
        f'<w:pgSz w:w="{spec.PAGE_WIDTH_TW}" w:h="{spec.PAGE_HEIGHT_TW}"/>'
        f'<w:pgMar w:top="{spec.MARGIN_TOP_TW}" w:right="{spec.MARGIN_RIGHT_TW}" '
        f'w:bottom="{spec.MARGIN_BOTTOM_TW}" w:left="{spec.MARGIN_LEFT_TW}" '
        f'w:header="{header}" w:footer="{footer}" w:gutter="0"/>'
        '<w:cols w:space="425"/>' + ("<w:titlePg/>" if letter else "")
        + f'<w:docGrid w:type="lines" w:linePitch="{spec.LINE_PITCH_TW}"/>'
        "</w:sectPr>"
    )


def letter_first_header_xml() -> str:
    """A letter's first-page header: the placeholder for its 标志 and top double rule."""
    return (
        XML_DECL + f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
        '<w:pStyle w:val="GovIssuerMark"/></w:pPr>'
        f"<w:r><w:t>{LETTER_MARK_PLACEHOLDER}</w:t></w:r></w:p></w:hdr>"
    )


def letter_first_footer_xml() -> str:
    """A letter's first-page footer: no page number, the bottom double rule (thin over
    thick) 170 mm long, 20 mm above the page's bottom edge (10.1)."""
    reach = spec.LETTER_RULE_REACH_TW
    return (
        XML_DECL + f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
        '<w:pStyle w:val="GovSpacer"/><w:pBdr><w:bottom w:val="thinThickSmallGap" '
        f'w:sz="{round(spec.LETTER_RULE_WIDTH.value * 8)}" w:space="0" '
        f'w:color="{spec.COLOR_RED.value}"/></w:pBdr>'
        '<w:spacing w:line="20" w:lineRule="exact"/>'
        f'<w:ind w:left="-{reach}" w:right="-{reach}"/></w:pPr></w:p></w:ftr>'
    )


def document_xml(letter: bool = False) -> str:
    """The body: the placeholder paragraph that receives the document, and the page setup."""
    return (
        XML_DECL + f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
        f'<w:p><w:pPr><w:pStyle w:val="{BODY_STYLE}"/></w:pPr>'
        f'<w:r><w:t>{BODY_PLACEHOLDER}</w:t></w:r></w:p>'
        + sect_pr_xml(letter) + "</w:body></w:document>"
    )


def settings_xml() -> str:
    """``word/settings.xml``: odd/even footers, no punctuation compression."""
    return (
        XML_DECL + f'<w:settings xmlns:w="{W_NS}">'
        '<w:zoom w:percent="100"/>'
        f'<w:defaultTabStop w:val="{spec.CHAR_TW * 2}"/>'
        "<w:evenAndOddHeaders/>"
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        "<w:compat>"
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        "</w:compat>"
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        "</w:settings>"
    )


def font_table_xml() -> str:
    """``word/fontTable.xml``: the fonts the styles name, with GB2312 charset and alternates."""
    fonts = [
        spec.FONT_FANGSONG.value, spec.FONT_KAITI.value, spec.FONT_HEITI.value,
        spec.FONT_XIAOBIAOSONG.value, spec.FONT_SONGTI.value,
    ]
    out = []
    for f in fonts:
        alt = spec.FONT_ALT_NAMES.get(f)
        alt_xml = f"<w:altName w:val={_quoteattr(alt)}/>" if alt else ""
        out.append(
            f"<w:font w:name={_quoteattr(f)}>{alt_xml}<w:charset w:val=\"86\"/>"
            '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
    out.append(
        f"<w:font w:name={_quoteattr(spec.FONT_LATIN.value)}><w:charset w:val=\"00\"/>"
        '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    )
    return XML_DECL + f'<w:fonts xmlns:w="{W_NS}">' + "".join(out) + "</w:fonts>"


def content_types_xml(letter: bool = False) -> str:
    overrides = {
        "/word/document.xml": f"{_CT_MAIN}.document.main+xml",
        "/word/styles.xml": f"{_CT_MAIN}.styles+xml",
        "/word/settings.xml": f"{_CT_MAIN}.settings+xml",
        "/word/fontTable.xml": f"{_CT_MAIN}.fontTable+xml",
        "/word/footer1.xml": f"{_CT_MAIN}.footer+xml",
        "/word/footer2.xml": f"{_CT_MAIN}.footer+xml",
        "/word/footer4.xml": f"{_CT_MAIN}.footer+xml",
        "/word/footer5.xml": f"{_CT_MAIN}.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    if letter:
        overrides["/word/header1.xml"] = f"{_CT_MAIN}.header+xml"
        overrides["/word/footer3.xml"] = f"{_CT_MAIN}.footer+xml"
    return (
        XML_DECL
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items())
        + "</Types>"
    )


def package_rels_xml() -> str:
    return (
        XML_DECL + f'<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>"
    )


def document_rels_xml(letter: bool = False) -> str:
    first = (
        f'<Relationship Id="{LETTER_FIRST_HEADER}" Type="{REL}/header" Target="header1.xml"/>'
        f'<Relationship Id="{LETTER_FIRST_FOOTER}" Type="{REL}/footer" Target="footer3.xml"/>'
    ) if letter else ""
    return (
        XML_DECL + f'<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/>'
        f'<Relationship Id="rIdFontTable" Type="{REL}/fontTable" Target="fontTable.xml"/>'
        f'<Relationship Id="{FOOTER_ODD}" Type="{REL}/footer" Target="footer1.xml"/>'
        f'<Relationship Id="{FOOTER_EVEN}" Type="{REL}/footer" Target="footer2.xml"/>'
        f'<Relationship Id="{LANDSCAPE_FOOTERS[0]}" Type="{REL}/footer" Target="footer4.xml"/>'
        f'<Relationship Id="{LANDSCAPE_FOOTERS[1]}" Type="{REL}/footer" Target="footer5.xml"/>'
        + first + "</Relationships>"
    )


TEMPLATE_TITLES = {
    DocFormat.GENERAL: "公文模板（通用格式）",
    DocFormat.LETTER: "公文模板（信函格式）",
    DocFormat.ORDER: "公文模板（命令格式）",
    DocFormat.MINUTES: "公文模板（纪要格式）",
}


def core_xml(title: str = TEMPLATE_TITLES[DocFormat.GENERAL]) -> str:
    return (
        XML_DECL
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator></dc:creator>"
        "<cp:lastModifiedBy></cp:lastModifiedBy><cp:revision>1</cp:revision>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_xml() -> str:
    return (
        XML_DECL
        + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>govdoc</Application><DocSecurity>0</DocSecurity></Properties>"
    )


def build_template(fmt: DocFormat = DocFormat.GENERAL) -> bytes:
    """The .docx template of a GB/T 9704-2012 format as bytes.

    The general, order (命令) and minutes (纪要) formats share page setup and footers
    (their layouts differ in the body); the letter format (信函) has a first page of its
    own: the 标志 and the top double rule in its header, the bottom double rule in its
    footer, and no page number.
    """
    letter = fmt is DocFormat.LETTER
    footer = spec.LETTER_FOOTER_TW if letter else spec.FOOTER_DISTANCE_TW
    parts = [
        ("[Content_Types].xml", content_types_xml(letter)),
        ("_rels/.rels", package_rels_xml()),
        ("docProps/core.xml", core_xml(TEMPLATE_TITLES[fmt])),
        ("docProps/app.xml", app_xml()),
        ("word/document.xml", document_xml(letter)),
        ("word/_rels/document.xml.rels", document_rels_xml(letter)),
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml()),
        ("word/footer1.xml", footer_xml(odd=True, footer_tw=footer)),
        ("word/footer2.xml", footer_xml(odd=False, footer_tw=footer)),
    ]
    parts += [("word/footer4.xml", landscape_footer_xml(odd=True)),
              ("word/footer5.xml", landscape_footer_xml(odd=False))]
    if letter:
        parts += [("word/header1.xml", letter_first_header_xml()),
                  ("word/footer3.xml", letter_first_footer_xml())]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, xml.encode("utf-8"))
    return buf.getvalue()

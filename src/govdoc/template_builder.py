"""Builds govdoc's official-format .docx templates from :mod:`govdoc.spec`.

The templates in ``templates/`` are produced by ``scripts/build_templates.py``, which
calls :func:`build_template` for each format. Every part is written here as literal XML, so a
diff of this module shows exactly what changed in the template, and the output is
byte-for-byte reproducible (fixed zip timestamps, fixed part order).

The template holds no theme part, so no theme font can override the explicit font
names; every style names its fonts on all four ``w:rFonts`` slots.
"""

from __future__ import annotations

from docx.opc.constants import NAMESPACE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls, nsmap

from govdoc import spec
from govdoc.model import DocFormat
from govdoc.ooxml.package import write_zip
from govdoc.ooxml.properties import border_xml, ppr_xml, rpr_xml
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


XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_W_R = nsdecls("w", "r")

_CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _rfonts(east_asia: str, latin: str) -> str:
    return (
        f"<w:rFonts w:ascii={_quoteattr(latin)} w:hAnsi={_quoteattr(latin)} "
        f"w:eastAsia={_quoteattr(east_asia)} w:cs={_quoteattr(latin)} w:hint=\"eastAsia\"/>"
    )


_NORMAL_LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
"""Normal's languages: Latin text American English, East Asian text Simplified Chinese."""

_NORMAL_SWITCHES = {"widowControl": False, "kinsoku": True, "wordWrap": True,
                    "overflowPunct": False, "autoSpaceDE": False, "autoSpaceDN": False,
                    "adjustRightInd": False}
"""Normal's typesetting: 22 lines on every page, so no widow/orphan control; Chinese
line breaking on; no hanging punctuation, no automatic CJK/Latin spacing (Word/WPS
semantics)."""


def _rpr(s: StyleDef) -> str:
    """A style's run properties."""
    return rpr_xml(
        fonts=_rfonts(s.east_asia, s.latin or s.east_asia) if s.east_asia else None,
        color=s.color or None,
        spacing_tw=spec.pt_to_twips(s.squeeze) if s.squeeze is not None else None,
        kern=0 if s is NORMAL else None,
        size=s.size or None,
        lang=_NORMAL_LANG if s is NORMAL else None,
    )


def _ppr(s: StyleDef) -> str:
    """A paragraph style's paragraph properties."""
    switches = dict(_NORMAL_SWITCHES) if s is NORMAL else {}
    if s.keep_next:
        switches["keepNext"] = True
    if s.snap_to_grid is False:
        switches["snapToGrid"] = False
    border = None
    if s.border_bottom:
        color, width, space = s.border_bottom
        border = border_xml("bottom", "single", width, space, color)
    spacing: list[tuple[str, object]] = []
    if s is NORMAL:
        spacing += [("before", 0), ("after", 0)]
    elif s.after_lines:
        spacing.append(("after", s.after_lines * spec.LINE_PITCH_TW))
    if s.line_tw:
        spacing += [("line", s.line_tw), ("lineRule", "exact")]
    elif s.line_auto:
        spacing += [("line", spec.SINGLE_AUTO_LINE), ("lineRule", "auto")]
    ind: list[tuple[str, object]] = []
    if s.first_line_chars is not None:
        ind += [("firstLineChars", s.first_line_chars * spec.HUNDREDTHS_PER_CHAR),
                ("firstLine", s.first_line_chars * spec.CHAR_TW)]
    if s.right_chars is not None:
        ind += [("rightChars", round(s.right_chars * spec.HUNDREDTHS_PER_CHAR)),
                ("right", round(s.right_chars * spec.CHAR_TW))]
    return ppr_xml(switches=switches, border_bottom=border, spacing=spacing, ind=ind,
                   jc=s.jc, outline_level=s.outline_level)


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
    size = n.size or 16
    doc_defaults = (
        "<w:docDefaults><w:rPrDefault>"
        + rpr_xml(fonts=_rfonts(n.east_asia or "", n.latin or ""), kern=0, size=size,
                  lang=_NORMAL_LANG)
        + "</w:rPrDefault><w:pPrDefault>"
        + ppr_xml(spacing=[("before", 0), ("after", 0)])
        + "</w:pPrDefault></w:docDefaults>"
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
        XML_DECL + f'<w:styles {nsdecls("w")}>' + doc_defaults + builtin
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
        XML_DECL + f'<w:ftr {_W_R}><w:p>' + ppr
        + f'<w:r><w:t xml:space="preserve">{dash} </w:t></w:r>' + _page_field()
        + f'<w:r><w:t xml:space="preserve"> {dash}</w:t></w:r>'
        + "</w:p></w:ftr>"
    )


_NS_WP, _NS_A = nsmap["wp"], nsmap["a"]
_NS_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


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
    cx, cy = round(thickness_mm * spec.EMU_PER_MM), round(spec.BLOCK_WIDTH.value * spec.EMU_PER_MM)
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
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{round(x_mm * spec.EMU_PER_MM)}'
        '</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{round(y_mm * spec.EMU_PER_MM)}'
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
        XML_DECL + f'<w:ftr {_W_R}><w:p><w:pPr>'
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
        XML_DECL + f'<w:hdr {_W_R}><w:p><w:pPr>'
        '<w:pStyle w:val="GovIssuerMark"/></w:pPr>'
        f"<w:r><w:t>{LETTER_MARK_PLACEHOLDER}</w:t></w:r></w:p></w:hdr>"
    )


def letter_first_footer_xml() -> str:
    """A letter's first-page footer: no page number, the bottom double rule (thin over
    thick) 170 mm long, 20 mm above the page's bottom edge (10.1)."""
    reach = spec.LETTER_RULE_REACH_TW
    return (
        XML_DECL + f'<w:ftr {_W_R}><w:p><w:pPr>'
        '<w:pStyle w:val="GovSpacer"/><w:pBdr>'
        + border_xml("bottom", "thinThickSmallGap", spec.LETTER_RULE_WIDTH.value, 0,
                     spec.COLOR_RED.value)
        + "</w:pBdr>"
        '<w:spacing w:line="20" w:lineRule="exact"/>'
        f'<w:ind w:left="-{reach}" w:right="-{reach}"/></w:pPr></w:p></w:ftr>'
    )


def document_xml(letter: bool = False) -> str:
    """The body: the placeholder paragraph that receives the document, and the page setup."""
    return (
        XML_DECL + f'<w:document {_W_R}><w:body>'
        f'<w:p><w:pPr><w:pStyle w:val="{BODY_STYLE}"/></w:pPr>'
        f'<w:r><w:t>{BODY_PLACEHOLDER}</w:t></w:r></w:p>'
        + sect_pr_xml(letter) + "</w:body></w:document>"
    )


def settings_xml() -> str:
    """``word/settings.xml``: odd/even footers, no punctuation compression."""
    return (
        XML_DECL + f'<w:settings {nsdecls("w")}>'
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
    return XML_DECL + f'<w:fonts {nsdecls("w")}>' + "".join(out) + "</w:fonts>"


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
        XML_DECL + f'<Relationships xmlns="{NAMESPACE.OPC_RELATIONSHIPS}">'
        f'<Relationship Id="rId1" Type="{RT.OFFICE_DOCUMENT}" Target="word/document.xml"/>'
        f'<Relationship Id="rId2" Type="{RT.CORE_PROPERTIES}" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{RT.EXTENDED_PROPERTIES}" Target="docProps/app.xml"/>'
        "</Relationships>"
    )


def document_rels_xml(letter: bool = False) -> str:
    first = (
        f'<Relationship Id="{LETTER_FIRST_HEADER}" Type="{RT.HEADER}" Target="header1.xml"/>'
        f'<Relationship Id="{LETTER_FIRST_FOOTER}" Type="{RT.FOOTER}" Target="footer3.xml"/>'
    ) if letter else ""
    return (
        XML_DECL + f'<Relationships xmlns="{NAMESPACE.OPC_RELATIONSHIPS}">'
        f'<Relationship Id="rIdStyles" Type="{RT.STYLES}" Target="styles.xml"/>'
        f'<Relationship Id="rIdSettings" Type="{RT.SETTINGS}" Target="settings.xml"/>'
        f'<Relationship Id="rIdFontTable" Type="{RT.FONT_TABLE}" Target="fontTable.xml"/>'
        f'<Relationship Id="{FOOTER_ODD}" Type="{RT.FOOTER}" Target="footer1.xml"/>'
        f'<Relationship Id="{FOOTER_EVEN}" Type="{RT.FOOTER}" Target="footer2.xml"/>'
        f'<Relationship Id="{LANDSCAPE_FOOTERS[0]}" Type="{RT.FOOTER}" Target="footer4.xml"/>'
        f'<Relationship Id="{LANDSCAPE_FOOTERS[1]}" Type="{RT.FOOTER}" Target="footer5.xml"/>'
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
    return write_zip((name, xml.encode("utf-8")) for name, xml in parts)

"""A 公文 as three other tools write it, for testing the checker on other people's files.

- :func:`python_docx_notice`: python-docx's default template, the way a script author
  writes a 通知: fonts set on the runs where they thought of it, the rest left to the
  ``Normal`` style, whose East Asian font is the theme's ``minorEastAsia``.
- :func:`wps_notice`: the package WPS Office writes: numeric style ids, theme fonts in
  the document defaults (``minorHAnsi``/``minorEastAsia``/``minorBidi``), a theme whose
  East Asian fonts are given per script (``<a:font script="Hans" typeface="宋体"/>``,
  ``<a:ea typeface=""/>``), ``w:hint="eastAsia"`` on runs, a ``linesAndChars`` grid.
- ``third_party/libreoffice-notice.docx``: LibreOffice's own Word export of
  :data:`FODT` (a flat OpenDocument text written here), made by running this file:
  ``python tests/check/third_party.py`` (needs soffice). It is committed because its
  bytes depend on the LibreOffice version.

All three hold the same 公文, :data:`PARTS`, as a reader sees it.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from docx.opc.constants import NAMESPACE
from docx.oxml.ns import nsmap

HERE = Path(__file__).resolve().parent
LIBREOFFICE_NOTICE = HERE / "third_party" / "libreoffice-notice.docx"

TITLE = "棣棠乡人民政府关于做好2024年春节期间安全生产工作的通知"
SALUTATION = "各村（社区）、乡属各单位："
BODY = [
    "春节将至，为切实做好节日期间安全生产工作，确保全乡人民群众过上一个欢乐祥和的节日，"
    "现将有关事项通知如下。",
    "各单位要充分认识做好节日期间安全生产工作的重要性，克服麻痹思想和侥幸心理。",
    "各村（社区）要于1月31日前完成一次全面排查，建立问题清单，逐项整改到位。",
]
HEADINGS = ["一、提高思想认识", "二、开展隐患排查"]
SIGNATURE = "棣棠乡人民政府"
DATE = "2024年1月18日"

PARTS: list[tuple[str, str]] = [
    ("title", TITLE), ("empty", ""), ("salutation", SALUTATION), ("body", BODY[0]),
    ("heading", HEADINGS[0]), ("body", BODY[1]), ("heading", HEADINGS[1]), ("body", BODY[2]),
    ("empty", ""), ("signature", SIGNATURE), ("date", DATE),
]
"""The document's paragraphs in order, each with the part a reader sees in it (blank
lines after the title and above the 署名, typed as empty paragraphs)."""


# -- python-docx ---------------------------------------------------------------------------


def python_docx_notice() -> bytes:
    """The 通知 written with python-docx's default template, A4 and GB/T margins set."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    normal.font.name = "仿宋_GB2312"  # sets w:ascii and w:hAnsi only: 汉字 keep the theme font
    normal.font.size = Pt(16)

    def east_asian(run, name: str) -> None:
        run.font.name = name
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(TITLE)
    run.font.size = Pt(22)
    east_asian(run, "方正小标宋简体")
    doc.add_paragraph()
    doc.add_paragraph(SALUTATION)
    bodies = iter(BODY)
    for kind, text in PARTS[3:8]:
        para = doc.add_paragraph()
        para.paragraph_format.first_line_indent = Pt(32)
        run = para.add_run(text)
        if kind == "heading":
            east_asian(run, "黑体")
        else:
            assert text == next(bodies)
    doc.add_paragraph()
    for text in (SIGNATURE, DATE):
        para = doc.add_paragraph(text)
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# -- WPS Office ------------------------------------------------------------------------------

_W, _R = nsmap["w"], nsmap["r"]
_REL = nsmap["r"]  # relationship types: {_REL}/styles …
_THEME_FONTS = ('<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" '
                'w:eastAsiaTheme="minorEastAsia" w:cstheme="minorBidi"/>')

WPS_THEME = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="WPS">'
    '<a:themeElements><a:clrScheme name="WPS"><a:dk1><a:sysClr val="windowText" '
    'lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
    '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>'
    '</a:clrScheme><a:fontScheme name="WPS">'
    '<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>'
    '<a:font script="Jpan" typeface="ＭＳ ゴシック"/><a:font script="Hang" typeface="맑은 고딕"/>'
    '<a:font script="Hans" typeface="黑体"/><a:font script="Hant" typeface="新細明體"/>'
    '</a:majorFont>'
    '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>'
    '<a:font script="Jpan" typeface="ＭＳ 明朝"/><a:font script="Hang" typeface="맑은 고딕"/>'
    '<a:font script="Hans" typeface="宋体"/><a:font script="Hant" typeface="新細明體"/>'
    '</a:minorFont></a:fontScheme></a:themeElements></a:theme>')
"""The theme part as WPS writes it: no East Asian typeface of its own (``a:ea`` empty),
one per script."""


def _wps_run(text: str, fonts: str | None, size: int) -> str:
    rfonts = (f'<w:rFonts w:hint="eastAsia" w:ascii="{fonts}" w:hAnsi="{fonts}" '
              f'w:eastAsia="{fonts}" w:cs="{fonts}"/>' if fonts
              else '<w:rFonts w:hint="eastAsia"/>')
    rpr = f'{rfonts}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _wps_para(text: str, fonts: str | None, size: int = 32, jc: str | None = None,
              indent: bool = False, style: str | None = None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    ppr += '<w:spacing w:line="560" w:lineRule="exact"/>'
    if indent:
        ppr += '<w:ind w:firstLine="640" w:firstLineChars="200"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    run = _wps_run(text, fonts, size)
    mark = run[run.index("<w:rPr>"):run.index("</w:rPr>") + len("</w:rPr>")]
    return f"<w:p><w:pPr>{ppr}{mark}</w:pPr>{run}</w:p>"  # WPS repeats the run's rPr on the mark


def wps_notice(minor_hans: str = "宋体") -> bytes:
    """The 通知 as WPS Office saves it. The 主送 and the date take their 汉字 font from the
    theme (``minor_hans``, 宋体 as WPS ships it, for zh-CN); the title's style takes the
    theme's major font (黑体)."""
    body = [
        _wps_para(TITLE, None, 44, jc="center", style="2"),
        _wps_para("", "仿宋_GB2312"),
        _wps_para(SALUTATION, None),
        _wps_para(BODY[0], "仿宋_GB2312", indent=True),
        _wps_para(HEADINGS[0], "黑体", indent=True),
        _wps_para(BODY[1], "仿宋_GB2312", indent=True),
        _wps_para(HEADINGS[1], "黑体", indent=True),
        _wps_para(BODY[2], "仿宋_GB2312", indent=True),
        _wps_para("", "仿宋_GB2312"),
        _wps_para(SIGNATURE, "仿宋_GB2312", jc="right"),
        _wps_para(DATE, None, jc="right"),
    ]
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
            'w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>'
            '<w:cols w:space="425" w:num="1"/><w:docGrid w:type="linesAndChars" w:linePitch="579" '
            'w:charSpace="-849"/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>{"".join(body)}{sect}'
                "</w:body></w:document>")
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{_W}">'
        f'<w:docDefaults><w:rPrDefault><w:rPr>{_THEME_FONTS}<w:kern w:val="2"/>'
        '<w:sz w:val="21"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN" '
        'w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/>'
        '<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>'
        f'<w:rPr>{_THEME_FONTS}<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="24"/>'
        '</w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:basedOn '
        'w:val="1"/><w:next w:val="1"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl '
        'w:val="0"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi" '
        'w:eastAsiaTheme="majorEastAsia"/><w:b/></w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="3"><w:name w:val="Default '
        'Paragraph Font"/></w:style></w:styles>')
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings '
                f'xmlns:w="{_W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
                '<w:drawingGridVerticalSpacing w:val="156"/><w:characterSpacingControl '
                'w:val="compressPunctuation"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>'
                '<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>'
                '<w:adjustLineHeightInTable/><w:useFELayout/></w:compat>'
                '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>')
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate((("styles", "styles.xml"), ("settings", "settings.xml"),
                                            ("theme", "theme/theme1.xml")), 1))
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
            'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+'
            'xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.theme+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            f'{NAMESPACE.OPC_RELATIONSHIPS}"><Relationship Id="rId1" Type="'
            f'{_REL}/officeDocument" Target="word/document.xml"/></Relationships>'),
        "word/document.xml": document,
        "word/styles.xml": styles,
        "word/settings.xml": settings,
        "word/theme/theme1.xml": WPS_THEME.replace('script="Hans" typeface="宋体"',
                                                   f'script="Hans" typeface="{minor_hans}"'),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="'
            f'{NAMESPACE.OPC_RELATIONSHIPS}">{rels}</Relationships>'),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts.items():
            zf.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), xml.encode("utf-8"))
    return buf.getvalue()


# -- LibreOffice -----------------------------------------------------------------------------


def _fodt_para(style: str, text: str) -> str:
    return f'<text:p text:style-name="{style}">{text}</text:p>'


FODT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
    '<office:font-face-decls>'
    + "".join(f'<style:font-face style:name="{f}" svg:font-family="{f}" '
              'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>'
              for f in ("方正小标宋简体", "仿宋_GB2312", "黑体"))
    + '</office:font-face-decls>'
    '<office:styles><style:style style:name="Standard" style:family="paragraph">'
    '<style:paragraph-properties fo:line-height="28.95pt"/>'
    '<style:text-properties style:font-name="仿宋_GB2312" style:font-name-asian="仿宋_GB2312" '
    'fo:font-size="16pt" style:font-size-asian="16pt"/></style:style></office:styles>'
    '<office:automatic-styles>'
    '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="210mm" '
    'fo:page-height="297mm" fo:margin-top="37mm" fo:margin-bottom="35mm" fo:margin-left="28mm" '
    'fo:margin-right="26mm"/></style:page-layout>'
    '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="center"/><style:text-properties '
    'style:font-name="方正小标宋简体" style:font-name-asian="方正小标宋简体" fo:font-size="22pt" '
    'style:font-size-asian="22pt"/></style:style>'
    '<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-indent="32pt"/></style:style>'
    '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-indent="32pt"/><style:text-properties '
    'style:font-name="黑体" style:font-name-asian="黑体"/></style:style>'
    '<style:style style:name="Right" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="end"/></style:style>'
    '</office:automatic-styles>'
    '<office:master-styles><style:master-page style:name="Standard" '
    'style:page-layout-name="pm1"/></office:master-styles>'
    '<office:body><office:text>'
    + "".join(_fodt_para({"title": "Title", "salutation": "Standard", "body": "Body",
                          "heading": "Heading", "signature": "Right", "date": "Right",
                          "empty": "Standard"}[kind], text)
              for kind, text in PARTS)
    + '</office:text></office:body></office:document>')
"""The 通知 as a flat OpenDocument text: named styles for the title, body, headings and
the right-aligned 署名 and date, in the fonts a 公文 asks for."""


def make_libreoffice_notice(out: Path = LIBREOFFICE_NOTICE) -> Path:
    """Convert :data:`FODT` to .docx with LibreOffice's Word export."""
    from govdoc.convert import find_soffice

    soffice = find_soffice()
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is needed to make the LibreOffice fixture")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "libreoffice-notice.fodt"
        src.write_text(FODT, encoding="utf-8")
        subprocess.run([str(soffice), f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=120)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes((Path(tmp) / "libreoffice-notice.docx").read_bytes())
    return out


if __name__ == "__main__":
    print(make_libreoffice_notice(Path(sys.argv[1]) if len(sys.argv) > 1 else LIBREOFFICE_NOTICE))

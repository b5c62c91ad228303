"""Hand-made minimal .docx packages, written the way other tools write them."""

from __future__ import annotations

import io
import zipfile

from docx.opc.constants import NAMESPACE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls

A4_SECT = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
           'w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')


def make_docx(body: str, styles: str = "", *, theme: str | None = None, settings: str = "",
              sect: str = A4_SECT, numbering: str | None = None) -> bytes:
    """A .docx whose document body is ``body`` (paragraph XML) and whose styles.xml holds
    ``styles`` (docDefaults and style elements)."""
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{NAMESPACE.OPC_CONTENT_TYPES}">'
            '<Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
            'application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NAMESPACE.OPC_RELATIONSHIPS}">'
            f'<Relationship Id="rId1" Type="{RT.OFFICE_DOCUMENT}" Target="word/document.xml"/>'
            "</Relationships>"),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document {nsdecls("w", "r")}>'
            f"<w:body>{body}{sect}</w:body></w:document>"),
        "word/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:styles {nsdecls("w")}>{styles}</w:styles>'),
        "word/settings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:settings {nsdecls("w")}>{settings}</w:settings>'),
    }
    rels = [f'<Relationship Id="rIdS" Type="{RT.STYLES}" Target="styles.xml"/>',
            f'<Relationship Id="rIdT" Type="{RT.SETTINGS}" Target="settings.xml"/>']
    if theme is not None:
        parts["word/theme/theme1.xml"] = theme
        rels.append(f'<Relationship Id="rIdTh" Type="{RT.THEME}" Target="theme/theme1.xml"/>')
    if numbering is not None:
        parts["word/numbering.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {nsdecls("w")}>{numbering}'
            "</w:numbering>")
        rels.append(f'<Relationship Id="rIdN" Type="{RT.NUMBERING}" Target="numbering.xml"/>')
    parts["word/_rels/document.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NAMESPACE.OPC_RELATIONSHIPS}">'
        + "".join(rels) + "</Relationships>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, xml in parts.items():
            zf.writestr(name, xml.encode("utf-8"))
    return buf.getvalue()


def theme_xml(minor_hans: str, major_hans: str = "黑体", minor_ea: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><a:theme {nsdecls("a")} name="T">'
        '<a:themeElements><a:clrScheme name="T"><a:dk1><a:sysClr '
        'val="windowText" lastClr="000000"/></a:dk1><a:dk2><a:srgbClr val="1F497D"/></a:dk2>'
        '</a:clrScheme><a:fontScheme name="T">'
        f'<a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:cs typeface=""/>'
        f'<a:font script="Hans" typeface="{major_hans}"/><a:font script="Jpan" typeface="MS Gothic"/>'
        "</a:majorFont>"
        f'<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="{minor_ea}"/><a:cs typeface=""/>'
        f'<a:font script="Hans" typeface="{minor_hans}"/><a:font script="Jpan" typeface="MS Mincho"/>'
        "</a:minorFont></a:fontScheme></a:themeElements></a:theme>")


def para(text: str, ppr: str = "", rpr: str = "") -> str:
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:p>{ppr_xml}<w:r>{rpr_xml}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'

"""OOXML helpers for tests: schema order of property elements, style resolution."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Child order of CT_PPr, CT_RPr and CT_SectPr (ECMA-376 Part 1, 17.3.1.26, 17.3.2.28, 17.6.17).
PPR_ORDER = """pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct
topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind
contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment
textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange""".split()
RPR_ORDER = """rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss
imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs
highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish
oMath""".split()
SECTPR_ORDER = """headerReference footerReference footnotePr endnotePr type pgSz pgMar
paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg
textDirection bidi rtlGutter docGrid printerSettings sectPrChange""".split()
ORDERS = {"pPr": PPR_ORDER, "rPr": RPR_ORDER, "sectPr": SECTPR_ORDER}


def order_violations(xml: bytes) -> list[str]:
    """Property elements whose children are out of schema order, or unknown."""
    root = etree.fromstring(xml)
    problems = []
    for name, order in ORDERS.items():
        rank = {t: i for i, t in enumerate(order)}
        for el in root.iter(q(name)):
            last = -1
            for child in el:
                local = etree.QName(child).localname
                if local not in rank:
                    problems.append(f"{name}: unknown child {local}")
                    continue
                if rank[local] < last:
                    problems.append(f"{name}: {local} out of order")
                last = max(last, rank[local])
    return problems


def read_part(docx: Path | bytes, name: str) -> bytes:
    src = docx if isinstance(docx, Path) else __import__("io").BytesIO(docx)
    with zipfile.ZipFile(src) as zf:
        return zf.read(name)


class Styles:
    """Resolves run properties the way Word does: docDefaults → style chain → direct."""

    def __init__(self, styles_xml: bytes) -> None:
        self.root = etree.fromstring(styles_xml)
        self.by_id = {s.get(q("styleId")): s for s in self.root.iter(q("style"))}

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        chain = []
        while style_id and style_id in self.by_id:
            style = self.by_id[style_id]
            chain.append(style)
            based = style.find("w:basedOn", NS)
            style_id = based.get(q("val")) if based is not None else None
        return list(reversed(chain))

    def run_fonts(self, paragraph: etree._Element, run: etree._Element) -> dict[str, str]:
        """The effective rFonts attributes of ``run`` (ascii, hAnsi, eastAsia, cs)."""
        layers = [self.root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)]
        pstyle = paragraph.find("w:pPr/w:pStyle", NS)
        default_para = next(
            (s.get(q("styleId")) for s in self.by_id.values()
             if s.get(q("type")) == "paragraph" and s.get(q("default")) == "1"), None)
        pid = pstyle.get(q("val")) if pstyle is not None else default_para
        layers += [s.find("w:rPr", NS) for s in self._chain(pid)]
        rstyle = run.find("w:rPr/w:rStyle", NS)
        if rstyle is not None:
            layers += [s.find("w:rPr", NS) for s in self._chain(rstyle.get(q("val")))]
        layers.append(run.find("w:rPr", NS))
        fonts: dict[str, str] = {}
        for rpr in layers:
            if rpr is None:
                continue
            rf = rpr.find("w:rFonts", NS)
            if rf is None:
                continue
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                value = rf.get(q(slot))
                if value is not None:
                    fonts[slot] = value
                if rf.get(q(slot + "Theme")) is not None:
                    fonts[slot] = "THEME:" + rf.get(q(slot + "Theme"))
        return fonts

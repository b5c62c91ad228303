"""Property elements of WordprocessingML: their schema order, and the writers that keep it.

Word refuses a document whose property elements (the children of ``w:pPr``, ``w:rPr``,
``w:sectPr``, ``w:tblPr`` …) stand out of the order the schema declares. :data:`ORDERS`
declares that order once, from ECMA-376; :func:`ppr_xml` and :func:`rpr_xml` write
paragraph and run properties as strings in it, for the template builder
(:mod:`govdoc.template_builder`) and the renderer (:mod:`govdoc.rendering.xml`) alike, and
the tests read the order from here. Strings, not elements: the renderer writes tens of
thousands of paragraphs, and building lxml elements for each would cost several times
as much.

Reading goes through :func:`on_off` (an ``ST_OnOff`` property) and :func:`integer`, and
border widths both ways through :data:`govdoc.spec.EIGHTHS_PER_PT`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from docx.oxml.ns import qn
from lxml import etree

from govdoc import spec

__all__ = ["ORDERS", "border_pt", "border_sz", "border_xml",
           "element_xml", "integer", "on_off", "ppr_xml", "rpr_xml"]

ORDERS: dict[str, tuple[str, ...]] = {
    # CT_PPr (ECMA-376 Part 1, 17.3.1.26): CT_PPrBase's sequence, then rPr, sectPr, pPrChange.
    "pPr": tuple("""pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr
        suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct
        topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind
        contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment
        textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange""".split()),
    # CT_RPr (17.3.2.28): the EG_RPrBase choice in the order Word writes and validates it.
    "rPr": tuple("""rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow
        emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz
        szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout
        specVanish oMath""".split()),
    # CT_SectPr (17.6.17).
    "sectPr": tuple("""headerReference footerReference footnotePr endnotePr type pgSz pgMar
        paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg
        textDirection bidi rtlGutter docGrid printerSettings sectPrChange""".split()),
    # CT_TblPr (17.4.60): CT_TblPrBase's sequence, then tblPrChange.
    "tblPr": tuple("""tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize
        tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar
        tblLook tblCaption tblDescription tblPrChange""".split()),
    # CT_TcPr (17.4.70): CT_TcPrBase's sequence, then cellIns/cellDel/cellMerge, tcPrChange.
    "tcPr": tuple("""cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar
        textDirection tcFitText vAlign hideMark headers cellIns cellDel cellMerge
        tcPrChange""".split()),
}
"""Property element → the local names of its children, in schema order. (``w:trPr``
is not here: CT_TrPrBase is a choice, its children may stand in any order.)"""

_W_VAL = qn("w:val")
_RANKS = {parent: {name: i for i, name in enumerate(names)} for parent, names in ORDERS.items()}

def border_sz(width_pt: float) -> int:
    """The ``w:sz`` of a border ``width_pt`` points wide."""
    return round(width_pt * spec.EIGHTHS_PER_PT)


def border_pt(sz: int) -> float:
    """The width in points of a border whose ``w:sz`` is ``sz``."""
    return sz / spec.EIGHTHS_PER_PT


def border_xml(side: str, val: str, width_pt: float, space: int | str, color: str) -> str:
    """A border element (``w:bottom`` of ``w:pBdr``, ``w:top`` of ``w:tblBorders`` …)."""
    return (f'<w:{side} w:val="{val}" w:sz="{border_sz(width_pt)}" w:space="{space}" '
            f'w:color="{color}"/>')


def element_xml(name: str, attributes: Iterable[tuple[str, object]] = ()) -> str:
    """An empty ``w:`` element with ``w:`` attributes in the order given."""
    attrs = "".join([f' w:{key}="{value}"' for key, value in attributes])
    return f"<w:{name}{attrs}/>"


def _wrap(parent: str, children: list[tuple[int, str]]) -> str:
    """``<w:parent>`` holding the (rank, XML) ``children`` sorted by rank; "" for none."""
    if not children:
        return ""
    children.sort()
    return f"<w:{parent}>{''.join([xml for _, xml in children])}</w:{parent}>"


_PPR = _RANKS["pPr"]
_RPR = _RANKS["rPr"]


def ppr_xml(*, style: str | None = None, switches: Mapping[str, bool] | None = None,
            border_bottom: str | None = None, tabs: Sequence[tuple[str, int]] = (),
            spacing: Sequence[tuple[str, object]] = (), ind: Sequence[tuple[str, object]] = (),
            jc: str | None = None, outline_level: int | None = None) -> str:
    """A ``w:pPr`` in schema order ("" when empty).

    ``switches`` maps on/off properties (``keepNext``, ``snapToGrid``, ``kinsoku`` …) to
    their value: true writes ``<w:keepNext/>``, false ``<w:snapToGrid w:val="0"/>``.
    ``border_bottom`` is a :func:`border_xml` of side ``bottom``; ``tabs`` the (kind,
    position) of each stop; ``spacing`` and ``ind`` the attributes of ``w:spacing`` and
    ``w:ind`` (local names, in the order they are written).
    """
    if not (switches or border_bottom or tabs or spacing or ind or jc) \
            and outline_level is None:  # the common case, a style alone: no sorting
        return "" if style is None else f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
    children: list[tuple[int, str]] = []
    if style is not None:
        children.append((_PPR["pStyle"], f'<w:pStyle w:val="{style}"/>'))
    if switches:
        children += [(_PPR[name], f"<w:{name}/>" if on else f'<w:{name} w:val="0"/>')
                     for name, on in switches.items()]
    if border_bottom:
        children.append((_PPR["pBdr"], f"<w:pBdr>{border_bottom}</w:pBdr>"))
    if tabs:
        stops = "".join([f'<w:tab w:val="{kind}" w:pos="{pos}"/>' for kind, pos in tabs])
        children.append((_PPR["tabs"], f"<w:tabs>{stops}</w:tabs>"))
    if spacing:
        children.append((_PPR["spacing"], element_xml("spacing", spacing)))
    if ind:
        children.append((_PPR["ind"], element_xml("ind", ind)))
    if jc:
        children.append((_PPR["jc"], f'<w:jc w:val="{jc}"/>'))
    if outline_level is not None:
        children.append((_PPR["outlineLvl"], f'<w:outlineLvl w:val="{outline_level}"/>'))
    return _wrap("pPr", children)


def rpr_xml(*, style: str | None = None, fonts: str | None = None, color: str | None = None,
            spacing_tw: int | None = None, kern: int | None = None, size: float | None = None,
            lang: str | None = None) -> str:
    """A ``w:rPr`` in schema order ("" when empty): the character style, ``fonts`` (a
    ``w:rFonts`` element), colour, character spacing in twips, kerning, the type size in
    points (as ``w:sz`` and ``w:szCs``, half-points) and ``lang`` (a ``w:lang`` element)."""
    if style is None and spacing_tw is None and size is None and not (fonts or color or lang) \
            and kern is None:  # the common case, a run without properties
        return ""
    children: list[tuple[int, str]] = []
    if style is not None:
        children.append((_RPR["rStyle"], f'<w:rStyle w:val="{style}"/>'))
    if fonts:
        children.append((_RPR["rFonts"], fonts))
    if color:
        children.append((_RPR["color"], f'<w:color w:val="{color}"/>'))
    if spacing_tw is not None:
        children.append((_RPR["spacing"], f'<w:spacing w:val="{spacing_tw}"/>'))
    if kern is not None:
        children.append((_RPR["kern"], f'<w:kern w:val="{kern}"/>'))
    if size is not None:
        half = round(size * spec.HALF_POINTS_PER_PT)
        children += [(_RPR["sz"], f'<w:sz w:val="{half}"/>'),
                     (_RPR["szCs"], f'<w:szCs w:val="{half}"/>')]
    if lang:
        children.append((_RPR["lang"], lang))
    return _wrap("rPr", children)


def on_off(el: etree._Element | None) -> bool | None:
    """The value of an on/off property element (``ST_OnOff``): None when absent."""
    if el is None:
        return None
    return el.get(_W_VAL, "true").lower() not in ("0", "false", "off", "none")


def integer(value: str | None) -> int | None:
    """An integer attribute value (Word accepts ``"240.0"``); None when absent or not a number."""
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None

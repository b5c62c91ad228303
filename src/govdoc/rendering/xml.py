"""Writes layout blocks as WordprocessingML paragraphs.

Every piece of user text is escaped here, including ``{`` and ``}`` (as character
references), so neither XML nor docxtpl's post-processing can alter it. A tab
becomes ``w:tab`` and a line break (``\\n``, ``\\r\\n`` or ``\\r``; the model allows
them only in the title) becomes ``w:br``. A text longer than
:data:`MAX_TEXT_NODE_CHARS` is split over several ``w:t`` of its run. Paragraph and
run properties are written by :mod:`govdoc.ooxml.properties`, in schema order.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx.oxml.ns import nsmap

from govdoc import spec
from govdoc.blocks import (
    Block,
    ImprintBlock,
    Item,
    JointMarkBlock,
    Run,
    SealPlacement,
    SectionBreak,
    TableBlock,
)
from govdoc.ooxml.properties import border_xml, ppr_xml, rpr_xml
from govdoc.styles import Role, style_id
from govdoc.template_contract import LANDSCAPE_FOOTERS

_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;",
    "\t": "</w:t><w:tab/><w:t xml:space=\"preserve\">",
    "\n": "</w:t><w:br/><w:t xml:space=\"preserve\">",
})

_SPECIAL = re.compile("[&<>{}\t\n\r]")

MAX_TEXT_NODE_CHARS = 1_000_000
"""The most characters written into one ``w:t``. libxml2 (under lxml and
python-docx) refuses a text node over 10 MB unless told to parse huge trees, so a
longer text is split over several ``w:t`` of the same run, which Word joins."""
_NEXT_TEXT = '</w:t><w:t xml:space="preserve">'


def _escaped(text: str) -> str:
    if _SPECIAL.search(text):
        return text.translate(_ESCAPES)
    return text


def run_xml(run: Run, spacing_tw: int | None = None) -> str:
    """A ``w:r`` holding ``run``'s text, with its character style and size if it has them
    and ``spacing_tw`` (character spacing in twips) if given."""
    rpr = rpr_xml(style=style_id(run.role) if run.role else None, spacing_tw=spacing_tw,
                  size=run.size)
    text = run.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_TEXT_NODE_CHARS:
        step = MAX_TEXT_NODE_CHARS
        body = _NEXT_TEXT.join(_escaped(text[i:i + step]) for i in range(0, len(text), step))
    else:
        body = _escaped(text)
    return f'<w:r>{rpr}<w:t xml:space="preserve">{body}</w:t></w:r>'


_NS_WP, _NS_A, _NS_PIC = nsmap["wp"], nsmap["a"], nsmap["pic"]


def seal_xml(seal: SealPlacement, rid: str) -> str:
    """A run holding the seal as a floating picture behind the text (``wp:anchor``).

    It is positioned from the block's left edge and from the top of its anchor
    paragraph, so it moves with the signature wherever the page breaks.
    """
    cx, cy = seal.width_tw * spec.EMU_PER_TWIP, seal.height_tw * spec.EMU_PER_TWIP
    x, y = seal.left_tw * spec.EMU_PER_TWIP, seal.top_tw * spec.EMU_PER_TWIP
    return (
        f'<w:r><w:drawing><wp:anchor xmlns:wp="{_NS_WP}" distT="0" distB="0" distL="0" '
        'distR="0" simplePos="0" relativeHeight="251659264" behindDoc="1" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapNone/><wp:docPr id="1" name="印章"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_NS_A}" noChangeAspect="1"/>'
        f'</wp:cNvGraphicFramePr><a:graphic xmlns:a="{_NS_A}"><a:graphicData uri="{_NS_PIC}">'
        f'<pic:pic xmlns:pic="{_NS_PIC}"><pic:nvPicPr><pic:cNvPr id="0" name="seal"/>'
        f'<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/>'
        '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>'
        f'<a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def paragraph_xml(block: Block, images: dict[Path, str] | None = None) -> str:
    """A ``w:p`` for ``block``: its style, then only the placement the layout decided."""
    switches: dict[str, bool] = {}
    if block.keep_next:
        switches["keepNext"] = True
    if block.page_break_before:
        switches["pageBreakBefore"] = True
    if block.off_grid:
        switches["snapToGrid"] = False
    border = None
    if block.border_bottom:
        style, width, space, color = block.border_bottom
        border = border_xml("bottom", style, width, space, color)
    tabs = [(t[1], t[0]) if isinstance(t, tuple) else ("left", t) for t in block.tabs] \
        if block.tabs else ()
    spacing: list[tuple[str, object]] = []
    if block.space_before_tw:
        spacing.append(("before", block.space_before_tw))
    if block.line_tw is not None:
        spacing += [("line", block.line_tw), ("lineRule", "exact")]
    ind: list[tuple[str, object]] = []
    if block.left_indent_tw is not None:
        ind += [("leftChars", 0), ("left", block.left_indent_tw)]
    if block.right_indent_tw is not None:
        ind += [("rightChars", 0), ("right", block.right_indent_tw)]
    if block.first_line_tw is not None:
        if block.first_line_tw >= 0:
            ind += [("firstLineChars", 0), ("firstLine", block.first_line_tw)]
        else:
            ind += [("hangingChars", 0), ("hanging", -block.first_line_tw)]
    ppr = ppr_xml(style=style_id(block.role), switches=switches, border_bottom=border,
                  tabs=tabs, spacing=spacing, ind=ind, jc=block.align)
    seals = "".join(seal_xml(s, (images or {})[s.image]) for s in block.seals)
    runs = "".join(run_xml(r, block.char_spacing_tw) for r in block.runs)
    return f"<w:p>{ppr}{seals}{runs}</w:p>"




def table_xml(table: TableBlock) -> str:
    """A ``w:tbl`` the width of the block, single-line borders, header rows repeated."""
    width = sum(table.widths_tw)
    borders = "".join(border_xml(s, "single", spec.TABLE_RULE_WIDTH_PT, 0, "000000")
                      for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tbl_pr = (
        f'<w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{spec.TABLE_CELL_MARGIN_TW}" w:type="dxa"/>'
        f'<w:right w:w="{spec.TABLE_CELL_MARGIN_TW}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in table.widths_tw)
    size = None if table.size == spec.SIZE_4HAO else table.size
    rows = []
    for r, row in enumerate(table.rows):
        tr_pr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if r < table.header_rows \
            else "<w:trPr><w:cantSplit/></w:trPr>"
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            + paragraph_xml(Block(Role.TABLE_TEXT, (Run(text, size=size),)))
            + "</w:tc>"
            for text, w in zip(row, table.widths_tw)
        )
        rows.append(f"<w:tr>{tr_pr}{cells}</w:tr>")
    return f"<w:tbl>{tbl_pr}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _rule(side: str, mm: float) -> str:
    return border_xml(side, "single", mm / spec.MM_PER_INCH * spec.PT_PER_INCH, 0, "000000")


def imprint_xml(imprint: ImprintBlock) -> str:
    """The 版记 as a one-column table floating at the foot of the text block (7.4.1).

    Its top and bottom borders are the thick first and last rules, the borders
    between its rows the thin middle rules; its last rule lies on the block's bottom
    edge. The table never overlaps text: when it does not fit under the last lines, it
    moves with its anchor paragraph to a new page.
    """
    width = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
    outer, inner = spec.IMPRINT_OUTER_RULE.value, spec.IMPRINT_INNER_RULE.value
    float_pr = (
        '<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:vertAnchor="margin" '
        f'w:horzAnchor="page" w:tblpX="{spec.MARGIN_LEFT_TW}" w:tblpYSpec="bottom"/>'
        '<w:tblOverlap w:val="never"/>'
    ) if imprint.floating else ""
    tbl_pr = (
        f'<w:tblPr>{float_pr}<w:tblW w:w="{width}" w:type="dxa"/>'
        + (f"<w:tblBorders>{_rule('top', outer)}{_rule('bottom', outer)}"
           f"{_rule('insideH', inner)}</w:tblBorders>" if imprint.rules else "")
        + "<w:tblLayout w:type=\"fixed\"/>"
        '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
    )
    rows = "".join(
        f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
        f"</w:tcPr>{''.join(paragraph_xml(line) for line in row)}</w:tc></w:tr>"
        for row in imprint.rows
    )
    anchor = paragraph_xml(Block(Role.IMPRINT_ANCHOR, (Run(""),),
                                 page_break_before=imprint.new_page))
    return f'<w:tbl>{tbl_pr}<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>{rows}</w:tbl>{anchor}'


def joint_mark_xml(mark: JointMarkBlock) -> str:
    """The joint 标志 as a borderless two-column table, centred in the block."""
    width = mark.names_width_tw + mark.suffix_width_tw
    tbl_pr = (
        f'<w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    )
    line = spec.pt_to_twips(mark.size)
    names = "".join(
        paragraph_xml(Block(Role.MARK, (Run(n, size=mark.size),), line_tw=line,
                            align="distribute"))
        for n in mark.names
    )
    suffix = paragraph_xml(Block(Role.MARK, (Run(mark.suffix, size=mark.size),), line_tw=line,
                                 align="right"))
    return (
        f"<w:tbl>{tbl_pr}<w:tblGrid><w:gridCol w:w=\"{mark.names_width_tw}\"/>"
        f"<w:gridCol w:w=\"{mark.suffix_width_tw}\"/></w:tblGrid><w:tr>"
        f'<w:tc><w:tcPr><w:tcW w:w="{mark.names_width_tw}" w:type="dxa"/></w:tcPr>{names}</w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:w="{mark.suffix_width_tw}" w:type="dxa"/>'
        f'<w:vAlign w:val="center"/></w:tcPr>{suffix}</w:tc></w:tr></w:tbl>'
    )


_PG = re.compile(r"<w:pgSz [^>]*/>|<w:pgMar [^>]*/>|<w:footerReference [^>]*/>"
                 r"|<w:headerReference [^>]*/>|<w:titlePg[^>]*/>")


def landscape_section(section: str) -> str:
    """The template's section properties turned for landscape table pages (8): the page
    a quarter turn counter-clockwise (its top margin the 订口, 28 mm), and the footers
    that set the page number where portrait pages have it."""
    rest = _PG.sub("", section)
    footers = (f'<w:footerReference w:type="even" r:id="{LANDSCAPE_FOOTERS[1]}"/>'
               f'<w:footerReference w:type="default" r:id="{LANDSCAPE_FOOTERS[0]}"/>')
    page = (
        f'<w:pgSz w:w="{spec.PAGE_HEIGHT_TW}" w:h="{spec.PAGE_WIDTH_TW}" w:orient="landscape"/>'
        f'<w:pgMar w:top="{spec.MARGIN_LEFT_TW}" w:right="{spec.MARGIN_TOP_TW}" '
        f'w:bottom="{spec.MARGIN_RIGHT_TW}" w:left="{spec.MARGIN_BOTTOM_TW}" '
        f'w:header="{spec.HEADER_DISTANCE_TW}" w:footer="{spec.FOOTER_DISTANCE_TW}" w:gutter="0"/>'
    )
    # Keep the schema order: references first, then the page size and margins.
    head, _, tail = rest.partition("<w:cols")
    return footers + head + page + ("<w:cols" + tail if tail else "")


def body_xml(items: list[Item], images: dict[Path, str] | None = None,
             section: str = "") -> str:
    """The paragraphs and tables of a whole document body; ``images`` maps each seal
    image to the relationship id of its part; ``section`` holds the children of the
    template's section properties, which a section break repeats for the pages before
    it."""
    out = []
    for item in items:
        if isinstance(item, SectionBreak):
            props = landscape_section(section) if item.landscape else section
            out.append(f'<w:p><w:pPr><w:sectPr>{props}</w:sectPr></w:pPr></w:p>')
            if item.unnumbered_after:
                # The new section opens with an empty paragraph: the blank page's content
                # (LibreOffice drops a page break that opens a section).
                out.append(paragraph_xml(Block(Role.SPACER, (Run(""),))))
            continue
        if isinstance(item, Block):
            out.append(paragraph_xml(item, images))
        elif isinstance(item, TableBlock):
            out.append(table_xml(item))
        elif isinstance(item, JointMarkBlock):
            out.append(joint_mark_xml(item))
        else:
            out.append(imprint_xml(item))
    return "".join(out)

"""Writes layout blocks as WordprocessingML paragraphs.

Every piece of user text is escaped here, including ``{`` and ``}`` (as character
references), so neither XML nor docxtpl's post-processing can alter it. Properties
are written in schema order.
"""

from __future__ import annotations

import re

from govdoc import spec
from govdoc.layout import Block, Run
from govdoc.styles import style_id

_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;",
    "\t": "</w:t><w:tab/><w:t xml:space=\"preserve\">",
    "\n": "</w:t><w:br/><w:t xml:space=\"preserve\">",
})

_SPECIAL = re.compile("[&<>{}\t\n]")


def run_xml(run: Run, spacing_tw: int | None = None) -> str:
    """A ``w:r`` holding ``run``'s text, with its character style if it has one and
    ``spacing_tw`` (character spacing in twips) if given."""
    rpr = f'<w:rStyle w:val="{style_id(run.role)}"/>' if run.role else ""
    if spacing_tw is not None:
        rpr += f'<w:spacing w:val="{spacing_tw}"/>'
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    text = run.text.translate(_ESCAPES) if _SPECIAL.search(run.text) else run.text
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph_xml(block: Block) -> str:
    """A ``w:p`` for ``block``: its style, then only the placement the layout decided."""
    ppr = f'<w:pStyle w:val="{style_id(block.role)}"/>'
    if block.keep_next:
        ppr += "<w:keepNext/>"
    if block.lines_before:
        ppr += f'<w:spacing w:before="{block.lines_before * spec.LINE_PITCH_TW}"/>'
    ind = ""
    if block.left_indent_tw is not None:
        ind += f' w:leftChars="0" w:left="{block.left_indent_tw}"'
    if block.right_indent_tw is not None:
        ind += f' w:rightChars="0" w:right="{block.right_indent_tw}"'
    if ind:
        ppr += f"<w:ind{ind}/>"
    runs = "".join(run_xml(r, block.char_spacing_tw) for r in block.runs)
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def body_xml(blocks: list[Block]) -> str:
    """The paragraphs of a whole document body."""
    return "".join(paragraph_xml(b) for b in blocks)

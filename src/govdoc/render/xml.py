"""Writes layout blocks as WordprocessingML paragraphs.

Every piece of user text is escaped here, including ``{`` and ``}`` (as character
references), so neither XML nor docxtpl's post-processing can alter it. A tab
becomes ``w:tab`` and a line break (``\\n``, ``\\r\\n`` or ``\\r``; the model allows
them only in the title) becomes ``w:br``. A text longer than
:data:`MAX_TEXT_NODE_CHARS` is split over several ``w:t`` of its run. Properties are
written in schema order.
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


def run_xml(run: Run) -> str:
    """A ``w:r`` holding ``run``'s text, with its character style if it has one."""
    rpr = f'<w:rPr><w:rStyle w:val="{style_id(run.role)}"/></w:rPr>' if run.role else ""
    text = run.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_TEXT_NODE_CHARS:
        step = MAX_TEXT_NODE_CHARS
        body = _NEXT_TEXT.join(_escaped(text[i:i + step]) for i in range(0, len(text), step))
    else:
        body = _escaped(text)
    return f'<w:r>{rpr}<w:t xml:space="preserve">{body}</w:t></w:r>'


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
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(run_xml(r) for r in block.runs)}</w:p>"


def body_xml(blocks: list[Block]) -> str:
    """The paragraphs of a whole document body."""
    return "".join(paragraph_xml(b) for b in blocks)

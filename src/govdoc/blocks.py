"""The blocks a 公文 is laid out in: paragraphs, tables, the floating 版记, the joint 标志.

The layout (:mod:`govdoc.layout`) produces them, the pagination model
(:mod:`govdoc.pagination`) measures them, and the renderer writes them as XML.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Union

from govdoc.styles import Role

__all__ = ["Block", "ImprintBlock", "Item", "JointMarkBlock", "Run", "SealPlacement",
           "SectionBreak", "TableBlock"]


@dataclass(frozen=True)
class Run:
    """A stretch of text; ``role`` names a character style, or None for the paragraph's.

    ``size`` (points) overrides the style's type size, for elements sized to fit.
    """

    text: str
    role: Role | None = None
    size: float | None = None


@dataclass(frozen=True)
class SealPlacement:
    """Where a seal image floats: its size, its left edge from the block's left edge, and
    its top edge from the top of the paragraph that anchors it (negative: above), in twips."""

    image: Path
    width_tw: int
    height_tw: int
    left_tw: int
    top_tw: int


@dataclass(frozen=True)
class Block:
    """One paragraph of the document: its role (style), runs and placement.

    Lengths are in twips. ``space_before_tw`` is the space above the paragraph (blank
    lines are multiples of :func:`lines`); ``line_tw`` an exact line height replacing
    the style's; ``left_indent_tw`` / ``right_indent_tw`` / ``first_line_tw`` (negative:
    hanging) override the style's indents; ``tabs`` are tab stops (a position for a
    left tab, or a position and its kind, e.g. ``(8565, "right")``); ``align``
    (left, center, right, both) overrides the style's alignment; ``keep_next`` keeps
    the paragraph on the page of the next one.
    ``char_spacing_tw`` overrides the character spacing of every run (twips; set by
    the finishing pass, :mod:`govdoc.finish`).
    """

    role: Role
    runs: tuple[Run, ...]
    keep_next: bool = False
    space_before_tw: int = 0
    line_tw: int | None = None
    right_indent_tw: int | None = None
    left_indent_tw: int | None = None
    first_line_tw: int | None = None
    tabs: tuple[int | tuple[int, str], ...] = ()
    align: str | None = None
    page_break_before: bool = False
    seals: tuple[SealPlacement, ...] = ()
    border_bottom: tuple[str, float, int, str] | None = None
    """A rule under the paragraph: Word border style, width (pt), distance (pt), colour."""
    off_grid: bool = False
    """Lines keep their own exact height instead of snapping to the document grid."""
    char_spacing_tw: int | None = None

    @cached_property
    def text(self) -> str:
        """The paragraph's whole text."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class TableBlock:
    """A table: cell texts row by row, header rows, cell type size (points), column widths (twips)."""

    rows: tuple[tuple[str, ...], ...]
    header_rows: int
    size: float
    widths_tw: tuple[int, ...]
    landscape: bool = False


@dataclass(frozen=True)
class ImprintBlock:
    """The 版记, set in a table that floats to the foot of the last page.

    ``rows`` holds the paragraphs of each row; with ``rules``, thick rules open and
    close it and thin rules separate the rows (a letter's 版记 has none, 10.1).
    """

    rows: tuple[tuple[Block, ...], ...]
    rules: bool = True
    new_page: bool = False
    """Start the 版记 on a new page (duplex: the last page must be an even one)."""
    floating: bool = True
    """Float to the foot of the page; a 版记 taller than a page flows as text instead."""


@dataclass(frozen=True)
class JointMarkBlock:
    """The 标志 of a 联合行文 (7.2.4): the organs' names stacked, lead first, each spread
    to the same width, and the suffix (文件) to their right, centred on them."""

    names: tuple[str, ...]
    suffix: str
    size: float
    names_width_tw: int
    suffix_width_tw: int


@dataclass(frozen=True)
class SectionBreak:
    """The end of a section; the next one starts on a new page.

    ``landscape``: the section that ends here holds landscape pages (a 横排 table, 8).
    ``unnumbered_after``: the pages after the last break print no page number (the
    blank page and the 版记 page of a duplex document, 7.5).
    """

    landscape: bool = False
    unnumbered_after: bool = False


Item = Union[Block, TableBlock, ImprintBlock, JointMarkBlock, SectionBreak]

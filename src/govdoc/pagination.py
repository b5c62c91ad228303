"""Predicting on which page every paragraph of a 公文 falls, without a renderer.

On the strict grid every line of text has an exact height (28.95 pt for the body; the
title, the 标志 and spacers have their own exact heights), widow control is off, and
where each paragraph's lines end follows from the character-cell model
(:func:`govdoc.text.linebreak.break_lines`). So a page holds exactly what fits in the
225 mm block, and the page of every line is predictable. The layout uses the
prediction for the rules that depend on pagination: a signature never alone on a page
(7.3.5.5) and the 版记 on an even page when asked for (7.4, duplex printing).

The model follows each renderer where they differ: LibreOffice moves a paragraph that
must keep with the next one to the next page whole, Word moves only its last line.
Tables are modelled with LibreOffice's row heights for the substitute fonts (a 4号
cell line is 16.6 pt, :data:`~govdoc.spec.SINGLE_LINE_EM`); the floating 版记 is placed at the foot of the last page when it
leaves a line of room above it, else on a page of its own (measured with LibreOffice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from govdoc import spec
from govdoc.blocks import Block, ImprintBlock, Item, JointMarkBlock, SectionBreak, TableBlock
from govdoc.styles import Role, style_setting
from govdoc.text.linebreak import LIBREOFFICE, WORD, Engine, break_lines, same_in_every_engine
from govdoc.text.metrics import text_width_pt

__all__ = ["LIBREOFFICE", "WORD", "Pagination", "Placement", "line_heights", "paginate"]

BLOCK_TW = spec.mm_to_twips(spec.BLOCK_HEIGHT.value)
"""Height of the text block, in twips."""
LANDSCAPE_BLOCK_TW = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
"""Height of a landscape page's text block, in twips."""

_CELL_TEXT_INSET_TW = 2 * spec.TABLE_CELL_MARGIN_TW + 2 * spec.pt_to_twips(spec.TABLE_RULE_WIDTH_PT)
"""What a table cell takes from its column's width before its text: the left and right
cell margins and the two 0.5 pt rules (57 + 57 + 10 + 10 twips)."""


class Placement(NamedTuple):
    """Where an item falls: the page and position (twips from the block's top) of its
    first line's top, and of its last line's bottom."""

    first_page: int
    first_top_tw: int
    last_page: int
    last_bottom_tw: int


@dataclass(frozen=True)
class Pagination:
    """Every item's placement and the number of pages."""

    placements: tuple[Placement | None, ...]
    pages: int


def block_lines(block: Block, engine: Engine) -> list[str]:
    """The lines ``block`` is set in."""
    width, indent, size, spacing = _measure(block)
    text = block.text
    if text and "\n" not in text and "\t" not in text:
        return break_lines(text, width_pt=width, first_indent_pt=indent, size=size,
                           spacing=spacing, engine=engine)
    out: list[str] = []
    for part in text.split("\n"):
        if "\t" in part or not part:
            out.append(part)  # tab-set lines (signatures, 版记) take one line each
            continue
        out += break_lines(part, width_pt=width, first_indent_pt=indent, size=size,
                           spacing=spacing, engine=engine)
    return out or [""]


def _measure(block: Block) -> tuple[float, float, float, float]:
    """Line width, first-line indent, size and character spacing (points) of ``block``."""
    size = block.runs[0].size if block.runs and block.runs[0].size else None
    if (size is None and block.char_spacing_tw is None and block.left_indent_tw is None
            and block.right_indent_tw is None and block.first_line_tw is None):
        return _role_measure(block.role)
    return _measured(block.role, size, block.char_spacing_tw, block.left_indent_tw,
                     block.right_indent_tw, block.first_line_tw)


@lru_cache(maxsize=None)
def _role_measure(role: Role) -> tuple[float, float, float, float]:
    """:func:`_measure` of a paragraph that overrides nothing of its style."""
    return _measured(role, None, None, None, None, None)


def _measured(role: Role, size: float | None, spacing_tw: int | None, left_tw: int | None,
              right_tw: int | None, first_line_tw: int | None
              ) -> tuple[float, float, float, float]:
    # The style's settings as Word reads them, through the basedOn chain: a heading
    # takes its first-line indent from 正文文本, an attachment title its size from Title.
    squeeze = style_setting(role, "squeeze")
    right_chars = style_setting(role, "right_chars")
    first_line_chars = style_setting(role, "first_line_chars")
    spacing = (spacing_tw / spec.TWIPS_PER_PT if spacing_tw is not None
               else (float(squeeze) if isinstance(squeeze, (int, float))
                     else spec.CHAR_SQUEEZE.value))
    left = (left_tw or 0) / spec.TWIPS_PER_PT
    right = (right_tw or 0) / spec.TWIPS_PER_PT
    if right_tw is None and isinstance(right_chars, (int, float)) and right_chars:
        right = right_chars * spec.BODY_SIZE.value
    if first_line_tw is not None:
        indent = first_line_tw / spec.TWIPS_PER_PT
    elif isinstance(first_line_chars, int) and first_line_chars:
        indent = first_line_chars * spec.BODY_SIZE.value
    else:
        indent = 0.0
    style_size = style_setting(role, "size")
    return (spec.BLOCK_WIDTH_PT - left - right, indent,
            size or (float(style_size) if isinstance(style_size, (int, float))
                     else spec.BODY_SIZE.value),
            spacing)


def keeps_with_next(item: Item) -> bool:
    """Whether ``item`` keeps with the next one (its own setting or its style's)."""
    return isinstance(item, Block) and bool(item.keep_next or style_setting(item.role, "keep_next"))


def _after_tw(item: Item) -> int:
    """Space under ``item`` (its style's blank lines)."""
    if not isinstance(item, Block):
        return 0
    return int(style_setting(item.role, "after_lines") or 0) * spec.LINE_PITCH_TW


def _line_tw(block: Block) -> int:
    if block.line_tw is not None:
        return block.line_tw
    return _role_line_tw(block.role)


@lru_cache(maxsize=None)
def _role_line_tw(role: Role) -> int:
    """The exact line height of ``role``'s style (the body's pitch unless it sets one)."""
    value = style_setting(role, "line_tw")
    return value if isinstance(value, int) and value else spec.LINE_PITCH_TW


def _item_lines(item: Item, engine: Engine) -> list[int]:
    """The heights (twips) of the lines an item takes in the flow."""
    if isinstance(item, Block):
        return [_line_tw(item)] * len(block_lines(item, engine))
    if isinstance(item, TableBlock):
        heights = []
        for row in item.rows:
            cells = max(
                max(1, -(-int(text_width_pt(text, size=item.size, squeeze=0.0) * spec.TWIPS_PER_PT)
                         // max(1, w - _CELL_TEXT_INSET_TW)))
                for text, w in zip(row, item.widths_tw))
            heights.append(round(cells * item.size * spec.SINGLE_LINE_EM * spec.TWIPS_PER_PT))
        return heights
    if isinstance(item, JointMarkBlock):
        return [spec.pt_to_twips(item.size) * len(item.names)]
    return []  # the 版记 floats: it takes no room in the flow


def item_height_tw(item: Item, engine: Engine = LIBREOFFICE) -> int:
    """The height ``item`` takes in the flow, without the space above it."""
    return sum(_item_lines(item, engine)) + _after_tw(item)


def imprint_height_tw(item: ImprintBlock, engine: Engine = LIBREOFFICE) -> int:
    """The height of the floating 版记 table."""
    return sum(_line_tw(b) * len(block_lines(b, engine)) for row in item.rows for b in row)


LineCache = dict[tuple[int, str], tuple[Item, list[int]]]
"""Line heights already worked out, by item and engine (see :func:`paginate`): keyed by
the item's identity, and holding the item, so that the identity stays its own."""


def line_heights(cache: LineCache, item: Item, engine: Engine) -> list[int]:
    """The heights (twips) of ``item``'s lines under ``engine``, as :func:`paginate`
    worked them out into ``cache``."""
    known = cache.get((id(item), engine.name))
    if known is None or known[0] is not item:
        other = cache.get((id(item), (LIBREOFFICE if engine is WORD else WORD).name))
        if (other is not None and other[0] is item and isinstance(item, Block)
                and same_in_every_engine(item.text)):
            known = other  # the other engine's lines are this one's
        else:
            known = (item, _item_lines(item, engine))
        cache[(id(item), engine.name)] = known
    return known[1]


def paginate(items: Sequence[Item], engine: Engine = LIBREOFFICE, *,
             first_page_start_tw: int = 0, cache: LineCache | None = None) -> Pagination:
    """Where every item falls when ``engine`` lays out ``items`` (see the module's notes).

    ``first_page_start_tw`` is how far down the block page 1's text starts (a letter's
    header pushes it down). ``cache`` keeps each item's line heights between calls on
    the same items (breaking lines is the costly part).
    """
    cache = {} if cache is None else cache
    heights = [line_heights(cache, item, engine) for item in items]  # replaced, never changed
    keeps = [keeps_with_next(item) for item in items]
    placements: list[Placement | None] = [None] * len(items)
    page, y = 1, first_page_start_tw
    i = 0
    while i < len(items):
        item = items[i]
        if isinstance(item, SectionBreak):
            placements[i] = Placement(page, y, page, y)
            page, y = page + 1, 0
            i += 1
            continue
        if isinstance(item, ImprintBlock) and not item.floating:
            heights[i] = [_line_tw(b) * len(block_lines(b, engine)) for row in item.rows
                          for b in row]
        if isinstance(item, ImprintBlock) and item.floating:
            room = BLOCK_TW - y
            need = imprint_height_tw(item, engine) + spec.LINE_PITCH_TW
            if item.new_page:
                page, y = page + 1, 0
            elif room < need:
                page, y = page + 1, 0
            placements[i] = Placement(page, BLOCK_TW - imprint_height_tw(item, engine), page,
                                      BLOCK_TW)
            i += 1
            continue
        broke = False
        if isinstance(item, Block) and item.page_break_before and (page, y) != (1, 0):
            page, y, broke = page + 1, 0, True
        # A chain of paragraphs that keep with the next one, and the first line of the
        # paragraph that ends it, must share a page.
        j = i
        while j < len(items) and keeps[j]:
            j += 1
        if j > i and j < len(items):
            chain = _chain_height(items, heights, i, j, engine)
            if chain > BLOCK_TW - y and chain <= BLOCK_TW and y > 0:
                page, y = page + 1, 0
        # Space above a paragraph is dropped at the top of a page the text flowed onto,
        # kept at the top of the document and after a page break.
        if y > 0 or broke or page == 1:
            y += item.space_before_tw if isinstance(item, Block) else 0
        first = None
        capacity = (LANDSCAPE_BLOCK_TW if isinstance(item, TableBlock) and item.landscape
                    else BLOCK_TW)
        # A table's header rows repeat at the top of every page it runs onto.
        repeat = (sum(heights[i][:item.header_rows]) if isinstance(item, TableBlock) else 0)
        lines = heights[i] or [0]
        if isinstance(item, Block) and lines[0] > 0:
            # A paragraph's lines are all alike: fill the pages by counting.
            page, y, first = _flow_lines(len(lines), lines[0], page, y, capacity)
        else:
            for h in lines:
                if y + h > capacity and y > 0:
                    page, y = page + 1, repeat
                if first is None:
                    first = (page, y)
                y += h
        assert first is not None
        placements[i] = Placement(first[0], first[1], page, y)
        y += _after_tw(item)
        i += 1
    return Pagination(tuple(placements), page)


def _flow_lines(count: int, height: int, page: int, y: int,
                capacity: int) -> tuple[int, int, tuple[int, int]]:
    """Set ``count`` lines of ``height`` from ``y`` on ``page``: the page and position
    after the last line, and where the first line went. A page holds at least one line."""
    if y > 0 and y + height > capacity:
        page, y = page + 1, 0
    first = (page, y)
    fit = max(1, (capacity - y) // height)
    if count <= fit:
        return page, y + count * height, first
    per_page = max(1, capacity // height)
    full, rest = divmod(count - fit, per_page)
    if rest == 0:
        return page + full, per_page * height, first
    return page + full + 1, rest * height, first


def _chain_height(items: Sequence[Item], heights: list[list[int]], i: int, j: int,
                  engine: Engine) -> int:
    """Room the keep chain items[i..j] needs on one page: all of items i..j−1 in
    LibreOffice (it moves a kept paragraph whole), their last line in Word, and the
    first line of item j, with the space before each."""
    total = 0
    for k in range(i, j + 1):
        item = items[k]
        total += item.space_before_tw if isinstance(item, Block) else 0
        lines = heights[k] or [0]
        if k == j:
            total += lines[0]
        elif engine is WORD and k == i:
            total += lines[-1] + _after_tw(item)
        else:
            total += sum(lines) + _after_tw(item)
    return total

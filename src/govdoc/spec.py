"""Every GB/T 9704-2012 number govdoc uses, with its clause and its strength.

This module is the single source of truth for the standard. The template builder,
the layout layer, the renderer and the tests read their numbers from here; no other
module writes a GB/T 9704 number.

Each value is a :class:`Spec`: the value in its natural unit, the clause of
GB/T 9704-2012 (or 条例 / GB/T 15834 where marked) it comes from, and its strength:

- 规定 (:attr:`Strength.REQUIRED`): the standard requires it;
- 一般 (:attr:`Strength.USUAL`): the standard says "一般" (usually);
- 推荐 (:attr:`Strength.RECOMMENDED`): the standard recommends it;
- 实务 (:attr:`Strength.PRACTICE`): common practice, or a Word setting derived from
  the standard's numbers so that a renderer meets them.

Derived values (line pitch, character squeeze, footer distance) are computed here
from the primary numbers, so that changing a primary number moves them too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Generic, TypeVar

T = TypeVar("T")


class Strength(str, Enum):
    """How binding a number is."""

    REQUIRED = "规定"
    USUAL = "一般"
    RECOMMENDED = "推荐"
    PRACTICE = "实务"


@dataclass(frozen=True)
class Spec(Generic[T]):
    """One number of the standard: its value, unit, clause and strength."""

    value: T
    unit: str
    clause: str
    strength: Strength
    note: str = ""


R, U, REC, P = Strength.REQUIRED, Strength.USUAL, Strength.RECOMMENDED, Strength.PRACTICE

# -- Units ------------------------------------------------------------------------

TWIPS_PER_PT = 20
PT_PER_INCH = 72
MM_PER_INCH = 25.4


def mm_to_twips(mm: float) -> int:
    """Millimetres to twentieths of a point, rounded to the nearest twip."""
    return round(mm / MM_PER_INCH * PT_PER_INCH * TWIPS_PER_PT)


def pt_to_twips(pt: float) -> int:
    """Points to twentieths of a point."""
    return round(pt * TWIPS_PER_PT)


def pt_to_mm(pt: float) -> float:
    """Points to millimetres."""
    return pt / PT_PER_INCH * MM_PER_INCH


def twips_to_mm(tw: float) -> float:
    """Twentieths of a point to millimetres."""
    return pt_to_mm(tw / TWIPS_PER_PT)


# -- Chinese type sizes (字号), in points --------------------------------------------

SIZE_2HAO = 22.0  # 二号
SIZE_3HAO = 16.0  # 三号
SIZE_4HAO = 14.0  # 四号

# -- Paper and text block (5.1, 5.2) ------------------------------------------------

PAGE_WIDTH = Spec(210.0, "mm", "5.1", R, "A4 per GB/T 148")
PAGE_HEIGHT = Spec(297.0, "mm", "5.1", R, "A4 per GB/T 148")
MARGIN_TOP = Spec(37.0, "mm", "5.2.1", R, "天头 37 mm ± 1 mm")
MARGIN_LEFT = Spec(28.0, "mm", "5.2.1", R, "订口 28 mm ± 1 mm")
BLOCK_WIDTH = Spec(156.0, "mm", "5.2.1", R, "版心 156 × 225 mm")
BLOCK_HEIGHT = Spec(225.0, "mm", "5.2.1", R, "版心 156 × 225 mm")
MARGIN_TOLERANCE = Spec(1.0, "mm", "5.2.1", R, "天头/订口 ± 1 mm")
MARGIN_BOTTOM = Spec(
    PAGE_HEIGHT.value - MARGIN_TOP.value - BLOCK_HEIGHT.value, "mm", "5.2.1", R,
    "derived: page height − 天头 − 版心 height",
)
MARGIN_RIGHT = Spec(
    PAGE_WIDTH.value - MARGIN_LEFT.value - BLOCK_WIDTH.value, "mm", "5.2.1", R,
    "derived: page width − 订口 − 版心 width",
)
LINES_PER_PAGE = Spec(22, "lines", "5.2.3", U, "一般每面排22行")
CHARS_PER_LINE = Spec(28, "chars", "5.2.3", U, "每行排28个字，并撑满版心")

# -- Type (5.2.2, 7.3) -------------------------------------------------------------

BODY_SIZE = Spec(SIZE_3HAO, "pt", "5.2.2", U, "各要素一般用3号仿宋体字")
TITLE_SIZE = Spec(SIZE_2HAO, "pt", "7.3.1", U, "标题一般用2号小标宋体字")
PAGE_NUMBER_SIZE = Spec(SIZE_4HAO, "pt", "7.5", U, "一般用4号半角宋体阿拉伯数字")

FONT_XIAOBIAOSONG = Spec("方正小标宋简体", "font", "7.3.1", U, "小标宋: title, 发文机关标志")
FONT_FANGSONG = Spec("仿宋_GB2312", "font", "5.2.2", U, "仿宋: body and most elements")
FONT_KAITI = Spec("楷体_GB2312", "font", "7.3.3", U, "楷体: level-2 headings")
FONT_HEITI = Spec("黑体", "font", "7.3.3", U, "黑体: level-1 headings")
FONT_SONGTI = Spec("宋体", "font", "7.5", U, "宋体: page numbers")
FONT_LATIN = Spec("Times New Roman", "font", "-", P, "digits and Latin letters, local practice")

# Word's own names are often missing on a machine; these are what Word may use instead.
FONT_ALT_NAMES: dict[str, str] = {
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
    "方正小标宋简体": "方正小标宋_GBK",
}

HEADING_FONTS = Spec(
    (FONT_HEITI.value, FONT_KAITI.value, FONT_FANGSONG.value, FONT_FANGSONG.value),
    "font", "7.3.3", U, "第一层黑体、第二层楷体、第三层和第四层仿宋",
)
HEADING_LEVELS = Spec(4, "levels", "7.3.3", U, "一、（一）1.（1）")

FIRST_LINE_INDENT = Spec(2, "chars", "7.3.3", R, "每个自然段左空二字，回行顶格")

# -- Title, 主送 (7.3.1, 7.3.2) -------------------------------------------------------

TITLE_LINES_AFTER = Spec(1, "lines", "7.3.2", R, "主送机关编排于标题下空一行; practice for 正文 too")

# -- Signature block (7.3.5) ---------------------------------------------------------

SEALED_DATE_RIGHT_INDENT = Spec(4, "chars", "7.3.5.1", U, "加盖印章: 成文日期右空四字")
SEAL_DIAMETER = Spec(42.0, "mm", "7.3.5.1", P, "the usual round seal of an organ")
SEAL_TOP_MAX_GAP = Spec(1, "lines", "7.3.5.1", R, "印章顶端应当上距正文一行之内")
UNSEALED_LINES_BEFORE = Spec(1, "lines", "7.3.5.2", U, "不加盖印章: 在正文下空一行")
UNSEALED_SIGNATURE_RIGHT_INDENT = Spec(2, "chars", "7.3.5.2", U, "署名右空二字")
UNSEALED_DATE_OFFSET = Spec(2, "chars", "7.3.5.2", U, "成文日期首字比署名首字右移二字")
UNSEALED_DATE_RIGHT_INDENT = Spec(2, "chars", "7.3.5.2", U, "日期长于署名时成文日期右空二字")

# -- Page numbers (7.5) --------------------------------------------------------------

PAGE_NUMBER_DASH = Spec("\u2014", "char", "7.5", R, "数字左右各放一条一字线")
PAGE_NUMBER_DASH_BELOW_BLOCK = Spec(7.0, "mm", "7.5", R, "一字线距版心下边缘7 mm")
PAGE_NUMBER_SIDE_INDENT = Spec(
    1, "chars", "7.5", U,
    "单页码居右空一字，双页码居左空一字; one character of the page number's own size (4号)",
)

# -- Derived Word settings (实务) ------------------------------------------------------

PAGE_WIDTH_TW = mm_to_twips(PAGE_WIDTH.value)
PAGE_HEIGHT_TW = mm_to_twips(PAGE_HEIGHT.value)
MARGIN_TOP_TW = mm_to_twips(MARGIN_TOP.value)
MARGIN_BOTTOM_TW = mm_to_twips(MARGIN_BOTTOM.value)
MARGIN_LEFT_TW = mm_to_twips(MARGIN_LEFT.value)
MARGIN_RIGHT_TW = mm_to_twips(MARGIN_RIGHT.value)
BLOCK_WIDTH_PT = BLOCK_WIDTH.value / MM_PER_INCH * PT_PER_INCH

LINE_PITCH = Spec(
    math.floor(mm_to_twips(BLOCK_HEIGHT.value) / LINES_PER_PAGE.value) / TWIPS_PER_PT,
    "pt", "5.2.3", P,
    "exact line spacing: the largest whole-twip pitch that fits 22 lines in 225 mm (28.95 pt)",
)
LINE_PITCH_TW = pt_to_twips(LINE_PITCH.value)

CHAR_SQUEEZE = Spec(
    math.floor((BLOCK_WIDTH_PT / CHARS_PER_LINE.value - BODY_SIZE.value) * TWIPS_PER_PT)
    / TWIPS_PER_PT,
    "pt", "5.2.3", P,
    "run character spacing so that 28 characters of 3号 fit 156 mm (−0.25 pt)",
)
CHAR_PITCH = BODY_SIZE.value + CHAR_SQUEEZE.value
"""Advance of one full-width 3号 character with the squeeze applied, in points."""

CHAR_TW = pt_to_twips(BODY_SIZE.value)
"""One 字 of 3号 for indents, in twips (Word's ``*Chars`` unit at 16 pt)."""

PAGE_NUMBER_CHAR_TW = pt_to_twips(PAGE_NUMBER_SIZE.value)

# -- Title lines (7.3.1) and the finishing pass -----------------------------------------

TITLE_CHARS_PER_LINE = Spec(
    math.floor(BLOCK_WIDTH_PT / TITLE_SIZE.value), "chars", "7.3.1", P,
    "2号 characters that fit the 156 mm block: the longest title line (20)",
)
TITLE_MIN_LINE_CHARS = Spec(
    3, "chars", "7.3.1", P,
    "回行时排列对称、长短适宜: no title line of one or two characters",
)
FINISH_MAX_TIGHTEN = Spec(
    0.1, "pt", "5.2.3", P,
    "the finishing pass tightens a paragraph's character spacing by at most this much, "
    "so the 28-character grid still holds",
)

# The footer line holds "— N —" in 14 pt with exact spacing of one 4号 size; its dash
# centre then sits this far above the line's bottom edge (measured with LibreOffice
# on the substitute fonts: baseline at 0.8 of the line, dash centre 0.27 em above it).
_PAGE_NUMBER_LINE_PT = PAGE_NUMBER_SIZE.value
_DASH_CENTRE_ABOVE_LINE_BOTTOM_PT = _PAGE_NUMBER_LINE_PT * (1 - 0.8) + PAGE_NUMBER_SIZE.value * 0.27
FOOTER_LINE_TW = pt_to_twips(_PAGE_NUMBER_LINE_PT)
FOOTER_DISTANCE = Spec(
    MARGIN_BOTTOM.value
    - PAGE_NUMBER_DASH_BELOW_BLOCK.value
    - pt_to_mm(_DASH_CENTRE_ABOVE_LINE_BOTTOM_PT),
    "mm", "7.5", P,
    "footer distance that puts the page-number dash 7 mm under the 版心",
)
FOOTER_DISTANCE_TW = mm_to_twips(FOOTER_DISTANCE.value)
HEADER_DISTANCE_TW = mm_to_twips(15.0)

COLOR_BLACK = "000000"

LATIN_ADVANCE_EM = 0.5
"""Advance of a digit in Times New Roman, in em; used to estimate Latin widths."""


def all_specs() -> dict[str, Spec[object]]:
    """Every :class:`Spec` in this module, by name (for checkers and documentation)."""
    return {k: v for k, v in globals().items() if isinstance(v, Spec)}

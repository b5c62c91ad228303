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
from the primary numbers, so that changing a primary number moves them too. The
units come first: points, millimetres and inches, and the factors of Word's own units
(twips, half-points for type sizes, eighths of a point for borders, hundredths of a
character for indents, EMU for drawings). Numbers that are no rule of the standard but
facts govdoc measured (where a face puts its ink, a single line's height) stand here
too, as plain constants with their reason, when more than one module needs them.
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
"""Word's twentieths of a point (twips, ``dxa``): page geometry, indents, spacing."""
PT_PER_INCH = 72
"""Typographic points in an inch (PostScript and OOXML points)."""
MM_PER_INCH = 25.4
"""Millimetres in an inch (exact by definition)."""
HALF_POINTS_PER_PT = 2
"""Word writes type sizes (``w:sz``) in half-points."""
EIGHTHS_PER_PT = 8
"""Word writes border widths (``w:sz`` of a border) in eighths of a point."""
HUNDREDTHS_PER_CHAR = 100
"""Word writes indents in characters (``w:firstLineChars``, ``w:rightChars``) in
hundredths of a character."""
EMU_PER_TWIP = 635
"""DrawingML's English Metric Units in a twip (914,400 per inch / 1,440 twips per inch)."""
EMU_PER_MM = 36000
"""DrawingML's English Metric Units in a millimetre (914,400 per inch / 25.4 mm)."""
SINGLE_AUTO_LINE = 240
"""``w:line`` under ``w:lineRule="auto"`` counts 240ths of a line: 240 is single spacing."""


def mm_to_pt(mm: float) -> float:
    """Millimetres to points."""
    return mm / MM_PER_INCH * PT_PER_INCH


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

# -- 版头 (7.2) ----------------------------------------------------------------------

COPY_NUMBER_DIGITS = Spec(6, "digits", "7.2.1", R, "份号: 6位3号阿拉伯数字，顶格编排在版心左上角第一行")
SECRECY_LEVELS = Spec(("绝密", "机密", "秘密"), "text", "7.2.2", R, "密级和保密期限: 3号黑体，顶格第二行")
URGENCY_LEVELS = Spec(("特急", "加急"), "text", "7.2.3", R, "紧急程度: 3号黑体，顶格")
MARK_TOP_BELOW_BLOCK = Spec(35.0, "mm", "7.2.4", R, "发文机关标志上边缘至版心上边缘为35 mm")
MARK_MAX_SIZE = Spec(42.0, "pt", "7.2.4", P, "size of the 标志 when the name fits the block (初号)")
MARK_SUFFIX = Spec("文件", "text", "7.2.4", U, "发文机关全称或规范化简称加“文件”二字")
MARK_LINES_TO_NUMBER = Spec(2, "lines", "7.2.5", R, "发文字号编排在发文机关标志下空二行位置")
NUMBER_SIDE_INDENT = Spec(1, "chars", "7.2.5", R, "上行文: 发文字号居左空一字，签发人居右空一字")
SIGNERS_PER_LINE = Spec(2, "names", "7.2.6", U, "签发人一般每行排两个姓名")
RULE_BELOW_NUMBER = Spec(4.0, "mm", "7.2.7", R, "发文字号之下4 mm处居中印一条与版心等宽的红色分隔线")
RULE_WIDTH = Spec(1.5, "pt", "7.2.7", P, "thickness not set by the standard; practice 0.35–0.5 mm")
RULE_LINES_TO_TITLE = Spec(2, "lines", "7.3.1", R, "标题编排于红色分隔线下空二行位置")
COLOR_RED = Spec("FF0000", "rgb", "5.2.4", P, "red of the 标志 and rule as Word writes it")

# -- Title, 主送 (7.3.1, 7.3.2) -------------------------------------------------------

TITLE_LINES_AFTER = Spec(1, "lines", "7.3.2", R, "主送机关编排于标题下空一行; practice for 正文 too")

# -- Special formats (10) -------------------------------------------------------------

LETTER_MARK_TOP = Spec(30.0, "mm", "10.1", R, "信函: 发文机关标志上边缘至上页边为30 mm")
LETTER_RULE_LENGTH = Spec(170.0, "mm", "10.1", R, "红色双线长170 mm，居中排布")
LETTER_TOP_RULE_BELOW_MARK = Spec(4.0, "mm", "10.1", R, "标志下4 mm处印一条红色双线（上粗下细）")
LETTER_BOTTOM_RULE_ABOVE_EDGE = Spec(20.0, "mm", "10.1", R, "距下页边20 mm处印一条红色双线（上细下粗）")
LETTER_FIRST_ELEMENT_BELOW_RULE = Spec(
    SIZE_3HAO * 7 / 8, "pt", "10.1", R, "第一个要素与红色双线的距离为3号汉字高度的7/8",
)
LETTER_LINES_TO_TITLE = Spec(2, "lines", "10.1", R, "标题居中编排，与其上最后一个要素相距二行")
LETTER_RULE_WIDTH = Spec(2.25, "pt", "10.1", P, "the double rule's thick line as Word draws it")
LETTER_BODY_TOP = Spec(
    53.0, "mm", "10.1", P,
    "where page 1's text starts under a letter's header (the 标志 and its rule), measured "
    "with LibreOffice; the pagination model starts page 1 there",
)
ORDER_MARK_TOP_BELOW_BLOCK = Spec(20.0, "mm", "10.2", R, "命令标志上边缘至版心上边缘为20 mm")
ORDER_LINES_TO_NUMBER = Spec(2, "lines", "10.2", R, "发文机关标志下空二行居中编排令号")
ORDER_LINES_TO_BODY = Spec(2, "lines", "10.2", R, "令号下空二行编排正文")
MINUTES_ATTENDANCE_LINES_BEFORE = Spec(1, "lines", "10.3", R, "出席人员名单: 正文或附件说明下空一行")
MINUTES_LABELS = Spec(("出席", "请假", "列席"), "text", "10.3", R, "出席、请假、列席, 3号黑体")

# -- 附件说明, 附注, 附件 (7.3.4, 7.3.6, 7.3.7) ------------------------------------------

ATTACHMENT_NOTE_LINES_BEFORE = Spec(1, "lines", "7.3.4", R, "在正文下空一行左空二字编排“附件”二字")
ATTACHMENT_NOTE_INDENT = Spec(2, "chars", "7.3.4", R, "左空二字")
ATTACHMENT_LABEL_LINE = Spec(1, "line", "7.3.7", R, "“附件”及附件顺序号用3号黑体字顶格编排在版心左上角第一行")
ATTACHMENT_TITLE_LINE = Spec(3, "line", "7.3.7", R, "附件标题居中编排在版心第三行")
NOTE_INDENT = Spec(2, "chars", "7.3.6", R, "附注居左空二字加圆括号编排在成文日期下一行")

# -- 版记 (7.4) ------------------------------------------------------------------------

IMPRINT_SIZE = Spec(SIZE_4HAO, "pt", "7.4.2", U, "抄送机关、印发机关和印发日期一般用4号仿宋体字")
IMPRINT_SIDE_INDENT = Spec(1, "chars", "7.4.2", R, "左右各空一字 (of the 版记's own 4号 size)")
IMPRINT_OUTER_RULE = Spec(0.35, "mm", "7.4.1", REC, "首条分隔线和末条分隔线用粗线（推荐高度为0.35 mm）")
IMPRINT_INNER_RULE = Spec(0.25, "mm", "7.4.1", REC, "中间的分隔线用细线（推荐高度为0.25 mm）")
IMPRINT_AT_BLOCK_BOTTOM = Spec(
    True, "flag", "7.4.1", R, "版记中的分隔线…最后一条分隔线与公文最后一面的版心下边缘重合",
)

# -- Signature block (7.3.5) ---------------------------------------------------------

SEALED_DATE_RIGHT_INDENT = Spec(4, "chars", "7.3.5.1", U, "加盖印章: 成文日期右空四字")
SEAL_DIAMETER = Spec(42.0, "mm", "7.3.5.1", P, "the usual round seal of an organ")
SEAL_TOP_MAX_GAP = Spec(1, "lines", "7.3.5.1", R, "印章顶端应当上距正文一行之内")
SEAL_CENTRE_ABOVE_SIGNATURE = Spec(
    2.0, "mm", "7.3.5.1", P,
    "署名和成文日期居印章中心偏下: the seal's centre this far above the pair's centre",
)
FIT_MIN_LINE_PITCH = Spec(
    26.0, "pt", "7.3.5.5", P,
    "当公文排版后所剩空白处不能容下印章或签发人签名章、成文日期时，可以采取调整行距、字距的措施: "
    "the tightest line spacing govdoc uses for that",
)
JOINT_SEAL_GAP = Spec(4.0, "mm", "7.3.5.1", P, "联合行文: 印章互不相交或相切; the gap between seals")
UNSEALED_LINES_BEFORE = Spec(1, "lines", "7.3.5.2", U, "不加盖印章: 在正文下空一行")
SIGNATURE_SEAL_LINES_BEFORE = Spec(2, "lines", "7.3.5.3", U, "加盖签发人签名章: 在正文下空二行")
SIGNATURE_SEAL_RIGHT_INDENT = Spec(4, "chars", "7.3.5.3", U, "右空四字加盖签名章")
SIGNATURE_TITLE_GAP = Spec(2, "chars", "7.3.5.3", U, "签名章左空二字编排签发人职务")
SIGNATURE_DATE_LINES_BELOW = Spec(1, "lines", "7.3.5.3", U, "签名章下空一行右空四字编排成文日期")
SIGNATURE_SEAL_SIZE = Spec(
    (25.0, 12.5), "mm", "7.3.5.3", P, "room left for a 签名章 when no image is given (width, height)",
)
UNSEALED_SIGNATURE_RIGHT_INDENT = Spec(2, "chars", "7.3.5.2", U, "署名右空二字")
UNSEALED_DATE_OFFSET = Spec(2, "chars", "7.3.5.2", U, "成文日期首字比署名首字右移二字")
UNSEALED_DATE_RIGHT_INDENT = Spec(2, "chars", "7.3.5.2", U, "日期长于署名时成文日期右空二字")

# -- Landscape tables (8) ------------------------------------------------------------

LANDSCAPE_BLOCK_WIDTH = Spec(
    BLOCK_HEIGHT.value, "mm", "8", R, "a landscape page's block: the portrait block turned",
)
LANDSCAPE_TABLE_HEAD_AT_BINDING = Spec(
    True, "flag", "8", R,
    "A4纸型的表格横排时，页码位置与公文其他页码保持一致，单页码表头在订口一边，双页码表头在切口一边",
)

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
BLOCK_WIDTH_PT = mm_to_pt(BLOCK_WIDTH.value)

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
"""The header distance of govdoc's pages: Word's default of 1.5 cm (a letter sets its
own, :data:`LETTER_HEADER_TW`)."""

LETTER_FOOTER_TW = mm_to_twips(LETTER_BOTTOM_RULE_ABOVE_EDGE.value)
"""A letter's footer distance: its first-page footer draws the bottom double rule there."""
LETTER_HEADER_TW = mm_to_twips(LETTER_MARK_TOP.value) - LINE_PITCH_TW
"""A letter's header distance: the 标志 paragraph adds the space down to 30 mm itself."""
LETTER_RULE_REACH_TW = mm_to_twips((LETTER_RULE_LENGTH.value - BLOCK_WIDTH.value) / 2)
"""How far a letter's 170 mm rules reach past each side of the 156 mm block."""

COLOR_BLACK = "000000"

# Where LibreOffice puts the ink of a large 小标宋 line set with exact spacing equal to
# its size: the ink top lies 0.03 em above the line's top (measured on Noto Serif CJK,
# the substitute face). Used to place the 标志's top edge at 35 mm.
MARK_INK_ABOVE_LINE_TOP_EM = 0.03
# The glyphs' lowest ink lies this far above the bottom of a line as tall as the type
# (measured the same way): a letter's double rule goes 4 mm under that ink (10.1).
MARK_INK_ABOVE_LINE_BOTTOM_EM = 0.12
# The paragraph border under a 3号 line with exact 28.95 pt spacing is drawn 0.4 mm
# below the line box, and the line box ends 2.4 mm below the glyphs' lowest ink.
NUMBER_INK_TO_LINE_BOTTOM_MM = 2.4
BORDER_BELOW_LINE_MM = 0.4
NUMBER_RULE_SPACE_PT = round(
    mm_to_pt(RULE_BELOW_NUMBER.value - NUMBER_INK_TO_LINE_BOTTOM_MM - BORDER_BELOW_LINE_MM)
)
"""Border distance (points) that puts the red separator 4 mm under the 发文字号's ink."""

LATIN_ADVANCE_EM = 0.5
"""Advance of a digit in Times New Roman, in em; used to estimate Latin widths."""

SINGLE_LINE_EM = 1.186
"""Height of a single-spaced line (a table cell's) in em: the line height of the
substitute fonts as LibreOffice sets them (a 4号 cell line is 16.6 pt). The pagination
model counts table rows with it and the HTML preview sets cell lines with it."""

TABLE_CELL_MARGIN = Spec(
    1.0, "mm", "8", P, "left and right cell margins of govdoc's tables (the standard sets none)",
)
TABLE_CELL_MARGIN_TW = mm_to_twips(TABLE_CELL_MARGIN.value)
"""The cell margins in twips (57), as the renderer writes them (``w:tblCellMar``)."""
TABLE_RULE_WIDTH_PT = 0.5
"""Width of govdoc's table rules: Word's thinnest usual single border (``w:sz="4"``)."""


# -- Requirements the checker tests that the layout meets by construction ----------------

TEXT_COLOR = Spec(COLOR_BLACK, "rgb", "5.2.4", R, "如无特殊说明，公文中文字的颜色均为黑色")
MARK_COLOR_RED = Spec(True, "flag", "7.2.4", R, "发文机关标志…颜色为红色")
MARK_FONT = Spec(FONT_XIAOBIAOSONG.value, "font", "7.2.4", REC, "推荐使用小标宋体字")
MARK_CENTRED = Spec("center", "jc", "7.2.4", R, "发文机关标志居中排布")
HEADER_FIELD_FONT = Spec(FONT_HEITI.value, "font", "7.2.2, 7.2.3", R, "密级和保密期限、紧急程度用3号黑体字")
HEADER_FIELD_SIZE = Spec(SIZE_3HAO, "pt", "7.2.1–7.2.3", R, "份号、密级、紧急程度用3号字")
DOC_NUMBER_FORM = Spec(
    ("〔", "〕"), "text", "7.2.5", R,
    "年份标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位，在阿拉伯数字后加“号”",
)
DOC_NUMBER_CENTRED = Spec("center", "jc", "7.2.5", R, "发文字号…居中排布")
SIGNER_LABEL = Spec("签发人：", "text", "7.2.6", R, "“签发人”三字加全角冒号和签发人姓名")
SIGNER_FONTS = Spec(
    (FONT_FANGSONG.value, FONT_KAITI.value), "font", "7.2.6", R,
    "“签发人”三字用3号仿宋体字，签发人姓名用3号楷体字",
)
TITLE_CENTRED = Spec("center", "jc", "7.3.1", R, "标题…居中排布")
RECIPIENTS_COLON = Spec("：", "text", "7.3.2", R, "最后一个主送机关名称后标全角冒号；回行时仍顶格")
HEADING_LABELS = Spec(
    ("一、", "（一）", "1.", "（1）"), "text", "7.3.3", R,
    "结构层次序数依次用“一、”“（一）”“1.”“（1）”标注 (GB/T 15834 punctuation)",
)
ATTACHMENT_NOTE_FORM = Spec(
    "附件：", "text", "7.3.4", R, "“附件”二字后标全角冒号和附件名称…附件名称后不加标点符号",
)
DATE_FORM = Spec(
    "2024年1月18日", "text", "7.3.5.4", R,
    "成文日期中的数字用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位",
)
SEALED_SIGNATURE_CENTRED = Spec(True, "flag", "7.3.5.1", R, "以成文日期为准居中编排发文机关署名")
LETTER_NUMBER_RIGHT = Spec("right", "jc", "10.1", R, "信函的发文字号顶格居版心右边缘")
FIRST_PAGE_BODY = Spec(True, "flag", "7.3.3", R, "公文首页必须显示正文")
SIGNATURE_WITH_BODY = Spec(
    True, "flag", "7.3.5.1, 7.3.5.5", R,
    "印章顶端应当上距正文一行之内: the 署名 never stands on a page without 正文",
)
NOTE_PARENTHESES = Spec(("（", "）"), "text", "7.3.6", R, "附注居左空二字加圆括号编排")
ATTACHMENT_LABEL_FONT = Spec(FONT_HEITI.value, "font", "7.3.7", R, "“附件”及附件顺序号用3号黑体字")
ATTACHMENT_MATCHES_NOTE = Spec(True, "flag", "7.3.7", R, "附件序号和名称前后标注应一致")
IMPRINT_LISTING_STOP = Spec("。", "text", "7.4.2", R, "抄送机关…最后一个抄送机关名称后标句号")
IMPRINT_PRINTED_FORM = Spec("印发", "text", "7.4.3", R, "印发日期用阿拉伯数字…后加“印发”二字")
PAGE_NUMBERS = Spec(True, "flag", "7.5", R, "页码: every page of the 公文 shows its number")
PAGE_NUMBER_OUTER_SIDE = Spec(True, "flag", "7.5", R, "单页码居右…双页码居左")
PUNCTUATION_FULL_WIDTH = Spec(True, "flag", "9; GB/T 15834", R, "中文文本使用全角标点符号")
YEAR_IN_FULL = Spec(True, "flag", "9; GB/T 15835", U, "年份不能简写 (not 24年)")
REPORT_WITHOUT_REQUEST = Spec(True, "flag", "条例 第十五条", R, "报告中不得夹带请示事项")
REQUEST_WORDING = Spec(
    ("妥否，请批示", "妥否,请批示", "请予批准", "请审批", "请批复", "请批示"), "text", "条例 第十五条", P,
    "closing formulas that ask for approval: they belong to a 请示",
)
RANGE_UNITS = Spec(True, "flag", "9; GB/T 15835", P, "数值范围的单位应在两端重复，如 5万～10万元")
IMPRINT_WRAP_ALIGN = Spec(True, "flag", "7.4.2", R, "抄送机关回行时与冒号后的首字对齐")
TITLE_ENDS_WITH_KIND = Spec(True, "flag", "条例 第九条", U, "标题由发文机关名称、事由和文种组成")

# -- The conformance checker: tolerances and the font names it accepts ---------------

PAGE_SIZE_TOLERANCE = Spec(2, "twips", "5.1", P, "A4 in twips rounds to 11906 × 16838")
INDENT_TOLERANCE = Spec(20, "twips", "7.3.3", P, "indents written in twips round by up to 1 pt")
LINE_PITCH_MIN = Spec(
    28.0, "pt", "5.2.3", P, "below 28 pt, 22 lines leave more than 7 mm of the 版心 empty",
)
PAGE_NUMBER_INDENT_RANGE = Spec(
    (PAGE_NUMBER_CHAR_TW - INDENT_TOLERANCE.value, CHAR_TW + 2 * INDENT_TOLERANCE.value),
    "twips", "7.5", P,
    "“空一字”: one 4号 (280 tw) or one 3号 character (320 tw); sources disagree",
)
GEOMETRY_TOLERANCE = Spec(1.0, "mm", "6", R, "版心…误差不超过1 mm (印制装订要求)")
RULE_TOLERANCE = Spec(0.5, "mm", "7.2.7", P, "position and length of a rule, as published checkers use")
RULE_THICKNESS_TOLERANCE = Spec(0.1, "mm", "7.4.1", P, "thickness of a 版记 rule")
SIGNATURE_CENTRE_TOLERANCE = Spec(0.5, "chars", "7.3.5.1", P, "署名 centred on the date within ½ 字")
BLANK_LINE_TOLERANCE = Spec(0.25, "lines", "7.3", P, "“空一行”: the space between two elements, ± ¼ line")
TITLE_GAP_TOLERANCE = Spec(3.0, "mm", "7.3.1", P, "title two lines under the red rule, measured")
RED_THRESHOLDS = Spec((0xC0, 0x40), "rgb", "5.2.4", P, "red: R ≥ 0xC0, G and B ≤ 0x40")
FONT_NAMES: dict[str, Spec[tuple[str, ...]]] = {
    FONT_FANGSONG.value: Spec(
        ("仿宋_GB2312", "仿宋", "FangSong_GB2312", "FangSong", "方正仿宋_GBK", "方正仿宋简体",
         "FandolFang", "华文仿宋", "STFangsong"), "font", "5.2.2", P, "仿宋 and its usual names"),
    FONT_KAITI.value: Spec(
        ("楷体_GB2312", "楷体", "KaiTi_GB2312", "KaiTi", "方正楷体_GBK", "方正楷体简体",
         "FandolKai", "华文楷体", "STKaiti"), "font", "7.3.3", P, "楷体 and its usual names"),
    FONT_HEITI.value: Spec(
        ("黑体", "SimHei", "方正黑体_GBK", "方正黑体简体", "FandolHei"), "font", "7.3.3", P,
        "黑体 and its usual names"),
    FONT_XIAOBIAOSONG.value: Spec(
        ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05", "小标宋",
         "小标宋体", "华文中宋", "STZhongsong"), "font", "7.3.1", P, "小标宋 and its usual names"),
    FONT_SONGTI.value: Spec(
        ("宋体", "SimSun", "FandolSong", "新宋体", "NSimSun"), "font", "7.5", P,
        "宋体 and its usual names"),
}
"""The names under which each official font appears in real documents (GBT9704.md §18.8)."""


def all_specs() -> dict[str, Spec[object]]:
    """Every :class:`Spec` in this module, by name (for checkers and documentation)."""
    return {k: v for k, v in globals().items() if isinstance(v, Spec)}

"""Turns a :class:`~govdoc.model.Report` into a :class:`Layout`: the ordered blocks of a 公文.

The layout decides *what* goes on the page: heading numbers, which text is
normalised, how many blank lines stand before the signature, which paragraph keeps
with which, and the indents that place the 署名 and 成文日期. :func:`layout` returns
one :class:`Layout` holding everything the outputs need: the items, a letter's
first-page 标志, where page 1's text starts, the form of the signature, the page
model's predictions (:meth:`Layout.pagination`, worked out when first asked for) and
the finishing pass (:meth:`Layout.finished`). The .docx renderer
(:mod:`govdoc.rendering`) and the HTML preview (:mod:`govdoc.html`) both read it, so
neither works anything out again. It writes no XML; the renderer turns each
:class:`Block` into a paragraph of the block's style.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Callable

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
from govdoc.model import (
    Attendance,
    DocFormat,
    Header,
    Imprint,
    Paragraph,
    Report,
    Seal,
    Section,
    Signer,
    Table,
)
from govdoc.pagination import (
    BLOCK_TW,
    LIBREOFFICE,
    WORD,
    LineCache,
    Pagination,
    block_lines,
    imprint_height_tw,
    item_height_tw,
    keeps_with_next,
    line_heights,
    paginate,
)
from govdoc.styles import HAIR_LINE_TW, Role, heading_role, run_in_role
from govdoc.text import format_date, heading_label, normalize_punctuation
from govdoc.text.linebreak import Engine
from govdoc.text.metrics import text_width_pt, text_width_twips
from govdoc.text.title import break_title

if TYPE_CHECKING:
    from govdoc.finish import FinishNote

__all__ = [  # the blocks are re-exported: they are the layout's vocabulary
    "Block", "ImprintBlock", "Item", "JointMarkBlock", "Layout", "Run", "SealPlacement",
    "SectionBreak", "SignatureForm", "TableBlock", "layout",
]


class SignatureForm(str, Enum):
    """How the 署名 and 成文日期 are set (7.3.5); the value names it in the HTML preview."""

    SIGNER_SEAL = "signer-seal"  # 签发人签名章 (7.3.5.3)
    SEALED = "sealed"  # 加盖印章 (7.3.5.1)
    UNSEALED = "unsealed"  # 不加盖印章 (7.3.5.2), and a document without 署名


@dataclass(frozen=True)
class Layout:
    """A report laid out: everything the .docx renderer and the HTML preview draw.

    ``items`` are the blocks and section breaks, top to bottom; ``letter_mark`` the
    first-page header paragraph of a letter (信函格式, 10.1), None for other formats;
    ``first_page_start_tw`` how far down the block page 1's text starts (under a
    letter's header, else 0); ``signature`` the form the 署名 and 成文日期 were set in.
    The page model's predictions are worked out when first asked for
    (:meth:`pagination`), so rendering a .docx, which needs none, costs nothing more.
    """

    items: tuple[Item, ...]
    letter_mark: Block | None
    first_page_start_tw: int
    signature: SignatureForm
    _lines: LineCache = field(default_factory=dict, repr=False, compare=False)
    """Line heights already worked out, by item (shared with the layouts made from
    this one: the cache is keyed by the items themselves)."""
    _pages: dict[str, Pagination] = field(default_factory=dict, init=False, repr=False,
                                          compare=False)

    def pagination(self, engine: Engine = LIBREOFFICE) -> Pagination:
        """Where every item falls when ``engine`` sets the document (see
        :func:`govdoc.pagination.paginate`); worked out once per engine."""
        known = self._pages.get(engine.name)
        if known is None:
            known = paginate(self.items, engine, first_page_start_tw=self.first_page_start_tw,
                             cache=self._lines)
            self._pages[engine.name] = known
        return known

    def line_heights(self, item: Item, engine: Engine) -> list[int]:
        """The heights (twips) of ``item``'s lines under ``engine``."""
        return line_heights(self._lines, item, engine)

    def with_items(self, items: Sequence[Item]) -> Layout:
        """This layout with other items (a part of them: the body under a template's own
        版头); its pagination is worked out afresh."""
        return replace(self, items=tuple(items))

    def finished(self) -> tuple[Layout, list[FinishNote]]:
        """The layout after the finishing pass (:mod:`govdoc.finish`): paragraphs whose
        last line holds one character tightened where 0.1 pt pulls it up, and one
        :class:`~govdoc.finish.FinishNote` per such paragraph, indexed in ``items``."""
        from govdoc.finish import finish  # only when asked for: a plain render skips it

        items, notes = finish(list(self.items))
        return self.with_items(items), notes


def table_items(table: Table, fix: Callable[[str], str]) -> list[Item]:
    """A table; a landscape (横排) one stands in a section of its own (8)."""
    if not table.landscape:
        return [table_block(table, fix)]
    return [SectionBreak(), table_block(table, fix), SectionBreak(landscape=True)]


def table_block(table: Table, fix: Callable[[str], str]) -> TableBlock:
    """Column widths: each column gets what its longest line needs when the block allows;
    otherwise the narrow columns keep their need and the wide ones share the rest."""
    size = spec.SIZE_3HAO if table.size == "3号" else spec.SIZE_4HAO
    rows = tuple(tuple(fix(c) for c in row) for row in table.rows)
    # One character of slack: LibreOffice widens Chinese/digit boundaries (autoSpaceDE).
    margin = 2 * spec.TABLE_CELL_MARGIN_TW + spec.CHAR_TW
    need = [
        max(spec.pt_to_twips(text_width_pt(line, size=size, squeeze=0.0)) + margin
            for row in rows for line in (row[c] or " ").split("\n"))
        for c in range(len(rows[0]))
    ]
    total = spec.mm_to_twips(spec.LANDSCAPE_BLOCK_WIDTH.value if table.landscape
                             else spec.BLOCK_WIDTH.value)
    widths = list(need)
    if sum(need) > total:
        remaining, left = total, len(need)
        for c in sorted(range(len(need)), key=lambda c: need[c]):
            share = remaining // left
            widths[c] = min(need[c], share)
            remaining -= widths[c]
            left -= 1
    extra = total - sum(widths)
    widths = [w + extra * w // sum(widths) for w in widths]
    widths[-1] += total - sum(widths)
    return TableBlock(rows, table.header_rows, size, tuple(widths), table.landscape)


def lines(n: int) -> int:
    """The height of ``n`` blank lines of the body grid, in twips."""
    return n * spec.LINE_PITCH_TW


@dataclass
class _Builder:
    fix: Callable[[str], str]
    blocks: list[Item] = field(default_factory=list)

    def add(self, role: Role, *runs: Run, **kw: object) -> None:
        self.blocks.append(Block(role, runs, **kw))  # type: ignore[arg-type]

    def body(self, items: list[Paragraph | Section | Table], level: int) -> None:
        n = 0
        for item in items:
            if isinstance(item, Paragraph):
                self.add(Role.BODY, Run(self.fix(item.text)))
                continue
            if isinstance(item, Table):
                self.blocks.extend(table_items(item, self.fix))
                continue
            n += 1
            heading = heading_label(level, n) + self.fix(item.title)
            rest: list[Paragraph | Section | Table] = list(item.body)
            if item.run_in:
                first = rest.pop(0)
                assert isinstance(first, Paragraph)  # the model guarantees it
                self.add(
                    Role.BODY,
                    Run(heading, run_in_role(level)),
                    Run(self.fix(first.text)),
                )
            else:
                self.add(heading_role(level), Run(heading))
            self.body(rest, level + 1)


def sealed_lines_before(seal_height_mm: float = spec.SEAL_DIAMETER.value) -> int:
    """Blank lines between the body and a sealed 署名 (7.3.5.1).

    The seal's top must lie within one line of the body while the 署名 and date sit
    slightly below its centre: with the 署名 ``b`` lines below the body, the pair's
    centre is ``b + 1`` lines down, and ``b = floor(seal radius in lines)`` is the
    count for which both hold.
    """
    pitch_mm = spec.pt_to_mm(spec.LINE_PITCH.value)
    return math.floor(seal_height_mm / 2 / pitch_mm)


def seal_size_mm(seal: Seal) -> tuple[float, float]:
    """Width and height of ``seal`` on the page: its given diameter, else the image's
    physical size when the file records a resolution, else the usual 42 mm."""
    from docx.image.image import Image

    image = Image.from_file(str(seal.image))
    aspect = image.px_height / image.px_width
    if seal.diameter_mm is not None:
        width = seal.diameter_mm
    elif image.horz_dpi != _DPI_UNKNOWN:
        width = image.px_width / image.horz_dpi * spec.MM_PER_INCH
    else:
        width = spec.SEAL_DIAMETER.value
    return width, width * aspect


_DPI_UNKNOWN = 72
"""The resolution python-docx reports for an image whose file records none."""


def seal_placement(seal: Seal, centre_x_tw: int) -> SealPlacement:
    """The seal centred on ``centre_x_tw`` (the 署名/date axis) with its centre a little
    above the pair's centre, anchored to the date's paragraph (7.3.5.1)."""
    width_mm, height_mm = seal_size_mm(seal)
    width, height = spec.mm_to_twips(width_mm), spec.mm_to_twips(height_mm)
    # The pair's centre is the top edge of the date's line.
    centre_y = -spec.mm_to_twips(spec.SEAL_CENTRE_ABOVE_SIGNATURE.value)
    return SealPlacement(seal.image, width, height, centre_x_tw - width // 2,
                         centre_y - height // 2)


def signature_blocks(issuers: list[str], date_text: str, sealed: bool,
                     seals: list[Seal] | None = None) -> list[Block]:
    """The 署名 and 成文日期 paragraphs, placed per 7.3.5.1 (sealed) or 7.3.5.2."""
    seals = seals or []
    if len(issuers) > 1:
        if sealed:
            return joint_sealed_blocks(issuers, date_text, seals)
        return joint_unsealed_blocks(issuers, date_text)
    issuer = issuers[0]
    ch = spec.CHAR_TW
    w_sig = text_width_twips(issuer)
    w_date = text_width_twips(date_text)
    placement = None
    if sealed:
        date_right = spec.SEALED_DATE_RIGHT_INDENT.value * ch
        # Centre the 署名 over the date.
        sig_right = max(0, date_right + (w_date - w_sig) // 2)
        blank = sealed_lines_before(seal_size_mm(seals[0])[1] if seals else spec.SEAL_DIAMETER.value)
        if seals:
            axis = spec.mm_to_twips(spec.BLOCK_WIDTH.value) - date_right - w_date // 2
            placement = seal_placement(seals[0], axis)
    else:
        blank = spec.UNSEALED_LINES_BEFORE.value
        offset = spec.UNSEALED_DATE_OFFSET.value * ch
        if w_date > w_sig:
            # A date longer than the 署名: the date is right-indented 2 字 and the
            # 署名 moves left so that the date still starts 2 字 right of it.
            date_right = spec.UNSEALED_DATE_RIGHT_INDENT.value * ch
            sig_right = date_right + w_date + offset - w_sig
        else:
            sig_right = spec.UNSEALED_SIGNATURE_RIGHT_INDENT.value * ch
            date_right = sig_right + w_sig - offset - w_date
    return [
        Block(Role.SIGNATURE, (Run(issuer),), keep_next=True, space_before_tw=lines(blank),
              right_indent_tw=sig_right),
        Block(Role.DATE, (Run(date_text),), right_indent_tw=date_right,
              seals=(placement,) if placement else ()),
    ]


def joint_unsealed_blocks(issuers: list[str], date_text: str) -> list[Block]:
    """联合行文 without seals (7.3.5.2): the lead organ's 署名 first, the others below it,
    in one column; the date two characters right of the column, or right-indented two
    characters when it is the longer."""
    ch = spec.CHAR_TW
    width = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
    offset = spec.UNSEALED_DATE_OFFSET.value * ch
    w_names = max(text_width_twips(n) for n in issuers)
    w_date = text_width_twips(date_text)
    if w_date > w_names:
        date_left = width - spec.UNSEALED_DATE_RIGHT_INDENT.value * ch - w_date
        names_left = date_left - offset
    else:
        names_left = width - spec.UNSEALED_SIGNATURE_RIGHT_INDENT.value * ch - w_names
        date_left = names_left + offset
    blocks = [
        Block(Role.SIGNATURE, (Run(name),), keep_next=True, align="left",
              space_before_tw=lines(spec.UNSEALED_LINES_BEFORE.value) if i == 0 else 0,
              left_indent_tw=names_left, right_indent_tw=0)
        for i, name in enumerate(issuers)
    ]
    blocks.append(Block(Role.DATE, (Run(date_text),), align="left", left_indent_tw=date_left,
                        right_indent_tw=0))
    return blocks


def joint_sealed_blocks(issuers: list[str], date_text: str, seals: list[Seal]) -> list[Block]:
    """联合行文 with seals (7.3.5.1): the 署名s in rows, lead organ first, each centred on
    its seal's column; seals aligned, never touching, each row within the block; the
    last organ's column is the date's axis, so its seal covers its 署名 and the date."""
    ch = spec.CHAR_TW
    pitch = spec.LINE_PITCH_TW
    width = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
    w_date = text_width_twips(date_text)
    date_right = spec.SEALED_DATE_RIGHT_INDENT.value * ch
    axis = width - date_right - w_date // 2
    sizes = [seal_size_mm(s) for s in seals] or [(spec.SEAL_DIAMETER.value,) * 2] * len(issuers)
    seal_w = spec.mm_to_twips(max(w for w, _ in sizes))
    seal_h = spec.mm_to_twips(max(h for _, h in sizes))
    gap = spec.mm_to_twips(spec.JOINT_SEAL_GAP.value)
    step = max(seal_w, max(text_width_twips(n) for n in issuers)) + gap
    per_row = max(1, min(len(issuers), (axis - seal_w // 2) // step + 1))
    rows = [issuers[i:i + per_row] for i in range(0, len(issuers), per_row)]
    delta = spec.mm_to_twips(spec.SEAL_CENTRE_ABOVE_SIGNATURE.value)
    blank = sealed_lines_before(spec.twips_to_mm(seal_h))
    blocks = [Block(Role.SPACER, (Run(""),), keep_next=True, line_tw=lines(blank))]
    index = 0
    for r, row in enumerate(rows):
        last = r == len(rows) - 1
        centres = [axis - (len(row) - 1 - j) * step for j in range(len(row))]
        # The seal's centre sits a little above the 署名 line's middle, or, on the last
        # row, above the boundary between the 署名 line and the date line.
        centre_y = (pitch if last else pitch // 2) - delta
        placements = []
        for name, x in zip(row, centres):
            if seals:
                w_mm, h_mm = sizes[index]
                w, h = spec.mm_to_twips(w_mm), spec.mm_to_twips(h_mm)
                placements.append(SealPlacement(seals[index].image, w, h, x - w // 2,
                                                centre_y - h // 2))
            index += 1
        text = "".join("\t" + name for name in row)
        blocks.append(Block(Role.SIGNATURE, (Run(text),), keep_next=True, align="left",
                            right_indent_tw=0, tabs=tuple((x, "center") for x in centres),
                            seals=tuple(placements)))
        if not last:
            following = pitch // 2 if r + 1 == len(rows) - 1 else 0
            steps = math.ceil((seal_h + gap - following) / pitch)
            if steps > 1:
                blocks.append(Block(Role.SPACER, (Run(""),), keep_next=True,
                                    line_tw=lines(steps - 1)))
    blocks.append(Block(Role.DATE, (Run(date_text),), right_indent_tw=date_right))
    return blocks


def signer_blocks_with_seals(signers: list[Signer], date_text: str) -> list[Block]:
    """签发人职务, 签名章 and date (7.3.5.3): each seal right-indented four characters,
    its signer's post two characters to its left and centred on it, the first seal two
    lines under the body, the date one blank line under the last seal, right-indented
    four characters. Several signers stand one under another, aligned."""
    ch, pitch = spec.CHAR_TW, spec.LINE_PITCH_TW
    width = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
    right = spec.SIGNATURE_SEAL_RIGHT_INDENT.value * ch
    gap = spec.SIGNATURE_TITLE_GAP.value * ch
    blocks: list[Block] = []
    below = 0  # room the previous seal takes under its line
    for i, signer in enumerate(signers):
        if signer.image is not None:
            w_mm, h_mm = seal_size_mm(signer.image)
        else:
            w_mm, h_mm = spec.SIGNATURE_SEAL_SIZE.value
        w, h = spec.mm_to_twips(w_mm), spec.mm_to_twips(h_mm)
        room = max(0, (h - pitch) // 2)  # how far the seal reaches beyond its line
        if i == 0:
            before = lines(spec.SIGNATURE_SEAL_LINES_BEFORE.value) + room
        else:  # the seals one under another, never touching
            before = below + room + spec.mm_to_twips(spec.JOINT_SEAL_GAP.value)
        blocks.append(Block(Role.SPACER, (Run(""),), keep_next=True, line_tw=before))
        placement = () if signer.image is None else (SealPlacement(
            signer.image.image, w, h, width - right - w, (pitch - h) // 2),)
        blocks.append(Block(Role.SIGNATURE, (Run(signer.title),), keep_next=True,
                            right_indent_tw=right + w + gap, seals=placement))
        below = room
    blocks.append(Block(Role.SPACER, (Run(""),), keep_next=True,
                        line_tw=lines(spec.SIGNATURE_DATE_LINES_BELOW.value) + below))
    blocks.append(Block(Role.DATE, (Run(date_text),), right_indent_tw=right))
    return blocks


def attendance_blocks(attendance: list[Attendance], fix: Callable[[str], str]) -> list[Block]:
    """出席, 请假, 列席 lines of a 纪要 (10.3): one blank line under the body, two
    characters in, the label in 黑体, names wrapping under the first name."""
    indent = spec.FIRST_LINE_INDENT.value * spec.CHAR_TW
    blocks = []
    for i, line in enumerate(attendance):
        label = line.label + "："
        hang = text_width_twips(label)
        blocks.append(Block(
            Role.ATTENDANCE, (Run(label, Role.ATTENDANCE_LABEL), Run("、".join(fix(n) for n in line.names))),
            space_before_tw=lines(spec.MINUTES_ATTENDANCE_LINES_BEFORE.value) if i == 0 else 0,
            left_indent_tw=indent + hang, first_line_tw=-hang,
        ))
    return blocks


def letter_mark_block(header: Header, fix: Callable[[str], str]) -> Block:
    """信函格式 (10.1): the 标志 (the organ's name, without 文件 unless asked for) with its
    top edge 30 mm from the page's top, and the red double rule (thick over thin) 4 mm
    under it, 170 mm long. It stands in the first page's header."""
    suffix = header.mark_suffix if "mark_suffix" in header.model_fields_set else ""
    mark = fix(header.organs[0] + suffix)
    size = mark_size(mark)
    ink_offset_mm = spec.pt_to_mm(size * spec.MARK_INK_ABOVE_LINE_TOP_EM)
    space = spec.mm_to_twips(spec.LETTER_MARK_TOP.value + ink_offset_mm) - spec.LETTER_HEADER_TW
    # The rule goes 4 mm below the glyphs' lowest ink, which lies above the line's bottom.
    rule_space = round(spec.mm_to_pt(spec.LETTER_TOP_RULE_BELOW_MARK.value)
                       - spec.MARK_INK_ABOVE_LINE_BOTTOM_EM * size)
    reach = spec.LETTER_RULE_REACH_TW
    return Block(Role.MARK, (Run(mark, size=size),), space_before_tw=space,
                 line_tw=spec.pt_to_twips(size), left_indent_tw=-reach, right_indent_tw=-reach,
                 border_bottom=("thickThinSmallGap", spec.LETTER_RULE_WIDTH.value,
                                max(0, rule_space), spec.COLOR_RED.value))


def letter_header_blocks(header: Header, fix: Callable[[str], str]) -> list[Item]:
    """The elements under a letter's top rule (10.1): 份号, 密级, 紧急程度 flush left, one
    a line, the first 7/8 of a 3号 character under the rule; the 发文字号 flush right on
    the first line."""
    left = [(role, v) for role, v in (
        (Role.COPY_NUMBER, header.copy_number), (Role.SECRECY, header.secrecy),
        (Role.URGENCY, header.urgency.value if header.urgency else None)) if v]
    width = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
    number = fix(header.number or header.order_number or "")
    # The body of page 1 starts right under the header; measured with LibreOffice, the
    # first line's glyphs then stand 5–6 mm under the rule, about the 7/8 of a 3号
    # character (4.9 mm) that 10.1 asks for, so the line takes no space of its own.
    role, first = left[0] if left else (Role.COPY_NUMBER, "")
    # One line holds the first element and the 发文字号 (仿宋): 密级 or 紧急程度 there
    # keeps its 黑体 through a character style.
    runs = [Run(first, None if role is Role.COPY_NUMBER else Role.HEADER_LABEL)] if first else []
    if number:
        runs.append(Run("\t" + number))
    blocks: list[Item] = [Block(Role.COPY_NUMBER, tuple(runs) or (Run(""),),
                                tabs=((width, "right"),))]
    blocks += [Block(r, (Run(v),)) for r, v in left[1:]]
    return blocks


def order_header_blocks(header: Header, fix: Callable[[str], str]) -> list[Item]:
    """命令（令）格式 (10.2): the 标志 20 mm under the block's top, the 令号 two lines under
    it; the body follows two lines under the 令号 (no title, no red rule)."""
    mark = fix(header.mark)
    size = mark_size(mark)
    ink_offset_mm = spec.pt_to_mm(size * spec.MARK_INK_ABOVE_LINE_TOP_EM)
    blocks: list[Item] = [Block(
        Role.MARK, (Run(mark, size=size),), keep_next=True,
        space_before_tw=spec.mm_to_twips(spec.ORDER_MARK_TOP_BELOW_BLOCK.value + ink_offset_mm),
        line_tw=spec.pt_to_twips(size))]
    number = header.order_number or header.number  # a 命令 numbered like other documents
    if number:
        blocks.append(Block(Role.ORDER_NUMBER, (Run(fix(number)),),
                            space_before_tw=lines(spec.ORDER_LINES_TO_NUMBER.value)))
    return blocks


def mark_size(text: str) -> float:
    """The 标志's type size: the usual size, or smaller so that ``text`` fits the block."""
    cells = text_width_pt(text, size=1.0, squeeze=0.0)
    half = spec.HALF_POINTS_PER_PT  # Word sets type sizes in half-points
    return min(spec.MARK_MAX_SIZE.value, math.floor(spec.BLOCK_WIDTH_PT / cells * half) / half)


def joint_mark(names: list[str], suffix: str) -> JointMarkBlock:
    """Size the stacked names and the suffix so that together they fit the block."""
    widest = max(text_width_pt(n, size=1.0, squeeze=0.0) for n in names) + _NAME_SLACK_CELLS
    suffix_cells = text_width_pt(suffix, size=1.0, squeeze=0.0) + (
        _SUFFIX_GAP_CELLS if suffix else 0.0)
    half = spec.HALF_POINTS_PER_PT  # Word sets type sizes in half-points
    size = min(spec.MARK_MAX_SIZE.value,
               math.floor(spec.BLOCK_WIDTH_PT / (widest + suffix_cells) * half) / half)
    return JointMarkBlock(tuple(names), suffix, size, spec.pt_to_twips(widest * size),
                          spec.pt_to_twips(suffix_cells * size))


_NAME_SLACK_CELLS = 0.25
"""A quarter cell of slack after the widest name keeps it from wrapping on rounding."""
_SUFFIX_GAP_CELLS = 0.5
"""Half a cell between the stacked names and the suffix (文件)."""


def header_blocks(header: Header, fix: Callable[[str], str]) -> list[Item]:
    """The 版头 (7.2): 份号, 密级, 紧急程度, then the 标志 with its top edge 35 mm under
    the block's top, the 发文字号 (and 签发人) two lines below it, carrying the red rule."""
    blocks: list[Item] = []
    for role, value in ((Role.COPY_NUMBER, header.copy_number), (Role.SECRECY, header.secrecy),
                        (Role.URGENCY, header.urgency.value if header.urgency else None)):
        if value:
            blocks.append(Block(role, (Run(value),)))
    above_mm = len(blocks) * spec.pt_to_mm(spec.LINE_PITCH.value)
    if len(header.organs) == 1:
        mark = fix(header.mark)
        size = mark_size(mark)
        ink_offset_mm = spec.pt_to_mm(size * spec.MARK_INK_ABOVE_LINE_TOP_EM)
        space_mm = spec.MARK_TOP_BELOW_BLOCK.value - above_mm + ink_offset_mm
        blocks.append(Block(Role.MARK, (Run(mark, size=size),), keep_next=True,
                            space_before_tw=spec.mm_to_twips(space_mm),
                            line_tw=spec.pt_to_twips(size)))
    else:
        joint = joint_mark([fix(n) for n in header.organs], fix(header.mark_suffix))
        ink_offset_mm = spec.pt_to_mm(joint.size * spec.MARK_INK_ABOVE_LINE_TOP_EM)
        # A hair-thin spacer paragraph carries the space: a table has none of its own.
        space_mm = (spec.MARK_TOP_BELOW_BLOCK.value - above_mm + ink_offset_mm
                    - spec.twips_to_mm(HAIR_LINE_TW))
        blocks.append(Block(Role.SPACER, (Run(""),), keep_next=True,
                            space_before_tw=spec.mm_to_twips(space_mm), line_tw=HAIR_LINE_TW))
        blocks.append(joint)
    gap = lines(spec.MARK_LINES_TO_NUMBER.value)
    number = fix(header.number or header.order_number or "")
    if not header.signers:
        blocks.append(Block(Role.DOC_NUMBER, (Run(number),), space_before_tw=gap))
        return blocks
    blocks.extend(signer_blocks(number, [fix(n) for n in header.signers], gap))
    return blocks


def signer_blocks(number: str, signers: list[str], space_before_tw: int) -> list[Block]:
    """签发人 lines (7.2.6), the last one shared with the 发文字号 (7.2.5).

    Two names a line; continuation lines start under the first name of the line above;
    the 发文字号 is indented one character from the left and the names end one
    character from the right, on the line of the last 签发人.
    """
    label = "签发人："
    per_line = spec.SIGNERS_PER_LINE.value
    rows = ["　".join(signers[i:i + per_line]) for i in range(0, len(signers), per_line)]
    side = spec.NUMBER_SIDE_INDENT.value * spec.CHAR_TW
    block_tw = spec.mm_to_twips(spec.BLOCK_WIDTH.value)
    names_at = block_tw - side - max(text_width_twips(r) for r in rows)
    label_at = names_at - text_width_twips(label)
    blocks = []
    for i, row in enumerate(rows):
        last = i == len(rows) - 1
        runs: list[Run] = []
        tabs = [label_at, names_at] if i == 0 else [names_at]
        if last:
            runs.append(Run("\t" + number))
            tabs = [side, *tabs]
        runs.append(Run("\t" + label if i == 0 else "\t"))
        runs.append(Run(row, Role.SIGNER_NAME))
        blocks.append(Block(Role.DOC_NUMBER if last else Role.SIGNER, tuple(runs),
                            space_before_tw=space_before_tw if i == 0 else 0,
                            tabs=tuple(tabs), align="left"))
    return blocks


def attachment_note_blocks(names: list[str]) -> list[Block]:
    """The 附件说明 (7.3.4): one blank line under the body, two characters in.

    "附件：" then, for several attachments, "1." "2." …; a name that wraps continues
    under its own first character, and each further item's number stands under the
    one above.
    """
    label = "附件："
    start = spec.ATTACHMENT_NOTE_INDENT.value * spec.CHAR_TW + text_width_twips(label)
    space = lines(spec.ATTACHMENT_NOTE_LINES_BEFORE.value)
    if len(names) == 1:
        return [Block(Role.ATTACHMENT_NOTE, (Run(label + names[0]),), keep_next=True,
                      space_before_tw=space, left_indent_tw=start,
                      first_line_tw=-text_width_twips(label))]
    blocks = []
    for i, name in enumerate(names, 1):
        number = f"{i}."
        hang = text_width_twips(number) + (text_width_twips(label) if i == 1 else 0)
        blocks.append(Block(
            Role.ATTACHMENT_NOTE, (Run((label if i == 1 else "") + number + name),),
            keep_next=True, space_before_tw=space if i == 1 else 0,
            left_indent_tw=start + text_width_twips(number), first_line_tw=-hang,
        ))
    return blocks


def imprint_block(imprint: Imprint, fix: Callable[[str], str],
                  recipients: list[str] | None = None, letter: bool = False) -> ImprintBlock:
    """版记 (7.4): 主送 (when moved here) and 抄送, each wrapping under its first name,
    then 印发机关 and 印发日期 under a thin rule. A letter's 版记 has neither the 印发
    line nor rules (10.1)."""
    size = spec.IMPRINT_SIZE.value
    side = spec.IMPRINT_SIDE_INDENT.value * spec.pt_to_twips(size)
    width = spec.mm_to_twips(spec.BLOCK_WIDTH.value)

    def twips(text: str) -> int:
        return spec.pt_to_twips(text_width_pt(text, size=size, squeeze=0.0))

    def listing(label: str, names: str) -> Block:
        text = names if names.endswith("。") else names + "。"
        return Block(Role.IMPRINT, (Run(label + text),), left_indent_tw=side + twips(label),
                     right_indent_tw=side, first_line_tw=-twips(label))

    first: list[Block] = []
    if recipients:
        first.append(listing("主送：", "、".join(recipients)))
    if imprint.cc:
        first.append(listing("抄送：", "，".join(fix(n) for n in imprint.cc)))
    if letter:
        return ImprintBlock((tuple(first),) if first else (), rules=False)
    if imprint.printer is None and imprint.date is None:
        return ImprintBlock((tuple(first),) if first else ())  # a draft with 抄送 only
    printed = f"{format_date(imprint.date)}印发" if imprint.date is not None else ""
    last = Block(Role.IMPRINT, (Run(fix(imprint.printer or "") + "\t" + printed),),
                 left_indent_tw=side, right_indent_tw=side, tabs=((width - side, "right"),))
    return ImprintBlock(((tuple(first),) if first else ()) + ((last,),))


def _lines_of(text: str, size: float, squeeze: float) -> int:
    """How many lines ``text`` takes in the block (explicit breaks kept)."""
    return sum(max(1, math.ceil(text_width_pt(part, size=size, squeeze=squeeze)
                                / spec.BLOCK_WIDTH_PT)) for part in text.split("\n"))


def recipients_fit_page_one(report: Report, recipients: str, title: str) -> bool:
    """Whether page 1 still shows a line of 正文 below the 主送机关 (7.3.2, 7.3.3)."""
    pitch = spec.pt_to_mm(spec.LINE_PITCH.value)
    used = 0.0
    if report.header is not None:
        h = report.header
        number_lines = max(1, math.ceil(len(h.signers) / spec.SIGNERS_PER_LINE.value))
        used += (spec.MARK_TOP_BELOW_BLOCK.value + spec.pt_to_mm(mark_size(h.mark))
                 + (spec.MARK_LINES_TO_NUMBER.value + number_lines) * pitch
                 + spec.BORDER_BELOW_LINE_MM + spec.pt_to_mm(spec.NUMBER_RULE_SPACE_PT
                                                             + spec.RULE_WIDTH.value)
                 + spec.RULE_LINES_TO_TITLE.value * pitch)
    used += (_lines_of(title, spec.TITLE_SIZE.value, 0.0) + spec.TITLE_LINES_AFTER.value) * pitch
    used += _lines_of(recipients, spec.BODY_SIZE.value, spec.CHAR_SQUEEZE.value) * pitch
    return used + pitch <= spec.BLOCK_HEIGHT.value


def note_text(note: str) -> str:
    """The 附注 in its 圆括号 (7.3.6); a note already in them is left as it is."""
    return note if note.startswith("（") and note.endswith("）") else f"（{note}）"


def _signature_form(report: Report) -> SignatureForm:
    """The form of ``report``'s 署名 and 成文日期 (7.3.5); a 纪要 carries no seal (10.3)."""
    if report.signers:
        return SignatureForm.SIGNER_SEAL
    if report.sealed and report.layout_format is not DocFormat.MINUTES:
        return SignatureForm.SEALED
    return SignatureForm.UNSEALED


def layout(report: Report, *, normalize: bool = True) -> Layout:
    """``report`` laid out: its blocks top to bottom, and what goes with them (:class:`Layout`).

    With ``normalize`` (the default), ASCII punctuation next to Chinese text becomes
    full-width (see :func:`govdoc.text.normalize_punctuation`); nothing else in the
    user's words changes.
    """
    fix: Callable[[str], str] = normalize_punctuation if normalize else (lambda s: s)
    b = _Builder(fix)
    fmt = report.layout_format
    signature = _signature_form(report)
    # A long title is broken between words (7.3.1); the lines stay one paragraph,
    # joined by line breaks.
    title = "\n".join(break_title(fix(report.title), shape=report.title_shape)) \
        if report.title else ""
    if fmt is DocFormat.ORDER:
        # 命令（令）: 标志, 令号, then the body two lines down; the title is metadata only.
        if report.header is not None:
            b.blocks.extend(order_header_blocks(report.header, fix))
    elif fmt is DocFormat.LETTER:
        # 信函: the 标志 and its rule stand in the first page's header (Layout.letter_mark).
        if report.header is not None:
            b.blocks.extend(letter_header_blocks(report.header, fix))
        if title:
            b.add(Role.TITLE, Run(title), space_before_tw=lines(spec.LETTER_LINES_TO_TITLE.value)
                  if report.header is not None else 0)
    else:
        title_space = 0
        if report.header is not None:
            b.blocks.extend(header_blocks(report.header, fix))
            title_space = lines(spec.RULE_LINES_TO_TITLE.value)
        if title:  # a draft without a title sets none
            b.add(Role.TITLE, Run(title), space_before_tw=title_space)
    recipients = [fix(r) for r in report.recipients]
    moved: list[str] = []
    if recipients:
        names = "、".join(recipients)
        if not names.endswith("："):
            names += "："
        if report.imprint is not None and not recipients_fit_page_one(report, names, title):
            moved = recipients  # too many to leave 正文 on page 1: into the 版记 (7.3.2)
        else:
            b.add(Role.SALUTATION, Run(names))
    start = len(b.blocks)
    b.body(list(report.body), 1)
    if fmt is DocFormat.ORDER and isinstance(b.blocks[start], Block) and report.header is not None:
        b.blocks[start] = replace(b.blocks[start],
                                  space_before_tw=lines(spec.ORDER_LINES_TO_BODY.value))
    if report.attachments:
        b.blocks.extend(attachment_note_blocks([fix(a.title) for a in report.attachments]))
    if report.attendance:
        b.blocks.extend(attendance_blocks(report.attendance, fix))
    body_end = len(b.blocks) - 1
    date_text = format_date(report.date) if report.date is not None else ""
    if report.signers:
        b.blocks.extend(_present(signer_blocks_with_seals(
            [s.model_copy(update={"title": fix(s.title)}) for s in report.signers], date_text)))
    elif report.issuers or report.date is not None:
        b.blocks.extend(_present(signature_blocks(
            [fix(i) for i in report.issuers] or [""], date_text,
            signature is SignatureForm.SEALED, report.seals)))
    signed = len(b.blocks) - 1 > body_end
    if report.note is not None and isinstance(b.blocks[-1], Block):
        b.blocks[-1] = replace(b.blocks[-1], keep_next=True)  # the date: a Block
        b.add(Role.NOTE, Run(note_text(fix(report.note))))
    several = len(report.attachments) > 1
    for n, attachment in enumerate(report.attachments, 1):
        if not attachment.body:
            continue  # listed only: sent separately
        b.add(Role.ATTACHMENT_LABEL, Run("附件" + (str(n) if several else "")),
              page_break_before=True)
        att_title = "\n".join(break_title(fix(attachment.title), shape=report.title_shape))
        b.add(Role.ATTACHMENT_TITLE, Run(att_title),
              space_before_tw=lines(spec.ATTACHMENT_TITLE_LINE.value
                                    - spec.ATTACHMENT_LABEL_LINE.value - 1))
        b.body(list(attachment.body), 1)
    if report.imprint is not None:
        imprint = imprint_block(report.imprint, fix, moved, letter=fmt is DocFormat.LETTER)
        if imprint_height_tw(imprint) > BLOCK_TW - spec.LINE_PITCH_TW:
            imprint = replace(imprint, floating=False)  # more than a page: it cannot float
        if imprint.rows:
            b.blocks.append(imprint)
    start = _first_page_start_tw(report)
    cache: LineCache = {}
    items = fit_signature(b.blocks, body_end, start, cache) if signed else list(b.blocks)
    if report.imprint is not None and report.imprint.duplex:
        items = imprint_on_even_page(items, start, cache)
    mark = (letter_mark_block(report.header, fix)
            if fmt is DocFormat.LETTER and report.header is not None else None)
    return Layout(tuple(items), mark, start, signature, cache)


def _present(blocks: list[Block]) -> list[Block]:
    """The signature blocks without an empty 署名 or date line (a draft that lacks one):
    the date of a document without 署名 keeps the 署名's space above it."""
    out: list[Block] = []
    space = 0
    for block in blocks:
        if block.role in (Role.SIGNATURE, Role.DATE) and not "".join(r.text for r in block.runs):
            space = max(space, block.space_before_tw)
            continue
        if space and block.role is Role.DATE:
            block = replace(block, space_before_tw=max(space, block.space_before_tw))
        out.append(block)
    if out and out[-1].role is not Role.DATE:
        out[-1] = replace(out[-1], keep_next=False)
    return out


def _first_page_start_tw(report: Report) -> int:
    """How far down the block page 1's text starts: under a letter's header, else at the top."""
    if report.layout_format is DocFormat.LETTER and report.header is not None:
        return spec.mm_to_twips(spec.LETTER_BODY_TOP.value - spec.MARGIN_TOP.value)
    return 0


def _signature_shares_a_page(items: list[Item], body_end: int, start: int = 0,
                             cache: LineCache | None = None) -> bool:
    """Whether, in Word and in LibreOffice, the page of the 署名 (or 签发人职务) also holds
    a line of the body (or 附件说明): 7.3.5.5 and the 此页无正文 rule."""
    sig = next(i for i in range(body_end + 1, len(items))
               if isinstance(items[i], Block) and items[i].text.strip())
    end = max((i for i in range(sig, len(items)) if isinstance(items[i], Block)
               and items[i].role in (Role.DATE, Role.SIGNATURE)), default=sig)
    for engine in (WORD, LIBREOFFICE):
        pages = paginate(items, engine, first_page_start_tw=start, cache=cache)
        if pages.placements[body_end].last_page != pages.placements[sig].first_page:
            return False
        # The model is exact for text but only close for tables: a signature that
        # would end within half a line of the block's foot counts as not fitting.
        if pages.placements[end].last_bottom_tw > BLOCK_TW - _FIT_MARGIN_TW and any(
                isinstance(it, TableBlock) for it in items[:sig]):
            return False
    return True


_FIT_MARGIN_TW = spec.LINE_PITCH_TW // 2


def fit_signature(items: list[Item], body_end: int, start: int = 0,
                  cache: LineCache | None = None) -> list[Item]:
    """Keep the signature block on a page with body text (7.3.5.5).

    When the last body lines fill a page and the 署名 and date would open the next one
    alone, the paragraphs that start on that last body page get a slightly tighter
    line spacing (down to :data:`~govdoc.spec.FIT_MIN_LINE_PITCH`) so that the
    signature fits under them — the standard's 调整行距. When that would take more,
    the last body paragraph keeps with the signature instead, so its last lines move
    to the signature's page (Word moves its last line, LibreOffice the paragraph).
    """
    cache = {} if cache is None else cache
    if not isinstance(items[body_end], Block) or _signature_shares_a_page(
            items, body_end, start, cache):
        return items
    pages = paginate(items, LIBREOFFICE, first_page_start_tw=start, cache=cache)
    page = pages.placements[body_end].last_page
    starting = [i for i in range(body_end + 1)
                if isinstance(items[i], Block) and pages.placements[i].first_page == page
                and pages.placements[i].last_page == page and items[i].line_tw is None
                and items[i].role in _TIGHTENABLE]
    lines_there = sum(len(block_lines(items[i], LIBREOFFICE)) for i in starting)
    chain = sum(h for h in _chain_heights(items, body_end + 1))
    deficit = pages.placements[body_end].last_bottom_tw + chain - BLOCK_TW
    if lines_there and deficit > 0:
        # A few twips to spare: renderers round line positions.
        pitch = spec.LINE_PITCH_TW - math.ceil((deficit + _FIT_SPARE_TW) / lines_there)
        if pitch >= spec.pt_to_twips(spec.FIT_MIN_LINE_PITCH.value):
            # Everything from the first tightened paragraph on leaves the grid: a line on
            # the grid after them would snap down to the next grid line.
            first = min(starting)
            tightened = [
                replace(item, line_tw=pitch, off_grid=True) if i in starting
                else replace(item, off_grid=True) if i > first and isinstance(item, Block)
                else item
                for i, item in enumerate(items)]
            if _signature_shares_a_page(tightened, body_end, start, cache):
                return tightened
    kept = list(items)
    kept[body_end] = replace(items[body_end], keep_next=True)
    return kept


_FIT_SPARE_TW = spec.TWIPS_PER_PT
"""A few twips (a point) to spare when tightening: renderers round line positions."""

_TIGHTENABLE = frozenset((Role.BODY, Role.HEADING_1, Role.HEADING_2, Role.HEADING_3,
                          Role.HEADING_4, Role.ATTACHMENT_NOTE, Role.ATTENDANCE))


def _chain_heights(items: list[Item], start: int) -> list[int]:
    """Heights of the signature's keep chain from ``start`` to its last line."""
    out = []
    for item in items[start:]:
        if not isinstance(item, Block):
            break
        out.append(item.space_before_tw + item_height_tw(item, LIBREOFFICE))
        if not keeps_with_next(item):
            break
    return out


def imprint_on_even_page(items: list[Item], start: int = 0,
                         cache: LineCache | None = None) -> list[Item]:
    """Put the 版记 on an even page for duplex printing (7.4, 7.5).

    When it would fall on an odd page under the body's last lines, it opens the next
    (even) page; when the body ends on an even page with no room for it, a blank page
    follows, and the blank page and the 版记 page carry no page number.
    """
    index = len(items) - 1
    imprint = items[index]
    if not isinstance(imprint, ImprintBlock):
        return items
    pages = paginate(items, LIBREOFFICE, first_page_start_tw=start, cache=cache)
    landing = pages.placements[index].first_page
    if landing % 2 == 0:
        return items
    last_body = max(p.last_page for p in pages.placements[:index] if p is not None)
    if landing == last_body:
        return items[:index] + [replace(imprint, new_page=True)]
    return items[:index] + [SectionBreak(unnumbered_after=True), replace(imprint, new_page=True)]

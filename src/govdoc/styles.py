"""The named styles of a govdoc template, one per layout role.

Each role of the layout (title, body, the four heading levels, the signature…) maps
to one named style, so a clerk who restyles the template in Word changes the output
without touching code. Built-in Word style names are used where Word has one
(Title, heading 1–4, Body Text, Salutation, Signature, Date, footer), so Word and WPS
show them under their localised names (标题, 标题 1, 正文文本, 称呼, 签名, 日期, 页脚).

The numbers come from :mod:`govdoc.spec`; the template builder writes these
definitions into ``styles.xml`` and the renderer refers to them by id. What a role's
style holds once its ``basedOn`` chain is followed, as Word reads it, is
:func:`style_setting`: the pagination model and the HTML preview both ask it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from functools import lru_cache

from govdoc import spec
from govdoc.grammar import Part


class Role(str, Enum):
    """What a paragraph or run is, in the layout of a 公文."""

    COPY_NUMBER = "copy_number"  # 份号
    SECRECY = "secrecy"  # 密级和保密期限
    URGENCY = "urgency"  # 紧急程度
    HEADER_LABEL = "header_label"  # 密级 or 紧急程度 sharing a line (信函), in 黑体
    MARK = "mark"  # 发文机关标志
    DOC_NUMBER = "doc_number"  # 发文字号 (with the red separator line under it)
    SIGNER = "signer"  # a 签发人 line above the 发文字号 line
    ORDER_NUMBER = "order_number"  # 令号 of a 命令
    SIGNER_NAME = "signer_name"  # character style of 签发人 names (楷体)
    TITLE = "title"
    SALUTATION = "salutation"  # 主送机关
    BODY = "body"
    HEADING_1 = "heading1"
    HEADING_2 = "heading2"
    HEADING_3 = "heading3"
    HEADING_4 = "heading4"
    ATTACHMENT_NOTE = "attachment_note"  # 附件说明
    SIGNATURE = "signature"  # 发文机关署名
    DATE = "date"  # 成文日期
    NOTE = "note"  # 附注
    ATTACHMENT_LABEL = "attachment_label"  # 附件1
    ATTACHMENT_TITLE = "attachment_title"  # an attachment's title
    SPACER = "spacer"  # an empty paragraph that only holds vertical space
    ATTENDANCE = "attendance"  # a 纪要's 出席/请假/列席 line
    ATTENDANCE_LABEL = "attendance_label"  # its label, in 黑体
    TABLE_TEXT = "table_text"  # text in table cells
    IMPRINT = "imprint"  # a line of the 版记
    IMPRINT_ANCHOR = "imprint_anchor"  # the hair-thin paragraph that anchors the 版记
    FOOTER = "footer"
    # Character styles for run-in headings (heading and text in one paragraph).
    RUN_IN_1 = "runin1"
    RUN_IN_2 = "runin2"
    RUN_IN_3 = "runin3"
    RUN_IN_4 = "runin4"


HEADINGS = (Role.HEADING_1, Role.HEADING_2, Role.HEADING_3, Role.HEADING_4)
RUN_INS = (Role.RUN_IN_1, Role.RUN_IN_2, Role.RUN_IN_3, Role.RUN_IN_4)

PART_OF_ROLE: dict[Role, Part] = {
    Role.COPY_NUMBER: Part.COPY_NUMBER, Role.SECRECY: Part.SECRECY, Role.URGENCY: Part.URGENCY,
    Role.HEADER_LABEL: Part.SECRECY, Role.MARK: Part.MARK, Role.DOC_NUMBER: Part.DOC_NUMBER,
    Role.SIGNER: Part.SIGNERS, Role.ORDER_NUMBER: Part.DOC_NUMBER, Role.SIGNER_NAME: Part.SIGNERS,
    Role.TITLE: Part.TITLE, Role.SALUTATION: Part.RECIPIENTS, Role.BODY: Part.PARAGRAPH,
    Role.HEADING_1: Part.HEADING, Role.HEADING_2: Part.HEADING, Role.HEADING_3: Part.HEADING,
    Role.HEADING_4: Part.HEADING, Role.ATTACHMENT_NOTE: Part.ATTACHMENT_NOTE,
    Role.SIGNATURE: Part.SIGNATURE, Role.DATE: Part.DATE, Role.NOTE: Part.NOTE,
    Role.ATTACHMENT_LABEL: Part.ATTACHMENT_LABEL, Role.ATTACHMENT_TITLE: Part.ATTACHMENT_TITLE,
    Role.ATTENDANCE: Part.ATTENDANCE, Role.ATTENDANCE_LABEL: Part.ATTENDANCE,
    Role.TABLE_TEXT: Part.TABLE, Role.IMPRINT: Part.CC, Role.RUN_IN_1: Part.HEADING,
    Role.RUN_IN_2: Part.HEADING, Role.RUN_IN_3: Part.HEADING, Role.RUN_IN_4: Part.HEADING,
}
"""The part of a 公文 (the grammar's vocabulary, shared with the importer and the
checker) each layout role sets; roles that only hold space or furniture (SPACER,
IMPRINT_ANCHOR, FOOTER) set none."""


@dataclass(frozen=True)
class StyleDef:
    """A named style: its id and name, and the formatting it carries."""

    id: str
    name: str
    kind: str = "paragraph"  # or "character"
    based_on: str | None = "Normal"
    link: str | None = None
    east_asia: str | None = None
    latin: str | None = None
    size: float | None = None
    squeeze: float | None = None
    color: str | None = None
    jc: str | None = None
    first_line_chars: int | None = None
    right_chars: float | None = None
    side_tw: int | None = None
    keep_next: bool = False
    snap_to_grid: bool | None = None
    line_tw: int | None = None
    line_auto: bool = False
    """Single (automatic) line spacing instead of an exact height."""
    after_lines: int = 0
    outline_level: int | None = None
    border_bottom: tuple[str, float, int] | None = None
    """A bottom border: colour, width in points, distance from the text in points."""


_LATIN = spec.FONT_LATIN.value

NORMAL = StyleDef(
    id="Normal", name="Normal", based_on=None,
    east_asia=spec.FONT_FANGSONG.value, latin=_LATIN, size=spec.BODY_SIZE.value,
    squeeze=spec.CHAR_SQUEEZE.value, color=spec.COLOR_BLACK, jc="both",
    line_tw=spec.LINE_PITCH_TW,
)

_FLUSH = 0  # no indent: 顶格

HAIR_LINE_TW = spec.TWIPS_PER_PT
"""Line height of a paragraph that only anchors something or carries space above it
(1 pt: thin enough to take no visible room, and a height Word and LibreOffice keep)."""

STYLES: dict[Role, StyleDef] = {
    Role.COPY_NUMBER: StyleDef(id="GovCopyNumber", name="份号", first_line_chars=_FLUSH),
    Role.SECRECY: StyleDef(
        id="GovSecrecy", name="密级和保密期限", east_asia=spec.FONT_HEITI.value, latin=_LATIN,
    ),
    Role.URGENCY: StyleDef(
        id="GovUrgency", name="紧急程度", east_asia=spec.FONT_HEITI.value, latin=_LATIN,
    ),
    Role.HEADER_LABEL: StyleDef(
        id="GovHeaderLabel", name="版头要素", kind="character", based_on="DefaultParagraphFont",
        east_asia=spec.FONT_HEITI.value, latin=_LATIN,
    ),
    Role.MARK: StyleDef(
        id="GovIssuerMark", name="发文机关标志", east_asia=spec.FONT_XIAOBIAOSONG.value,
        latin=_LATIN, size=spec.MARK_MAX_SIZE.value, squeeze=0.0, color=spec.COLOR_RED.value,
        jc="center", snap_to_grid=False, line_tw=spec.pt_to_twips(spec.MARK_MAX_SIZE.value),
    ),
    Role.DOC_NUMBER: StyleDef(
        id="GovDocNumber", name="发文字号", jc="center",
        border_bottom=(spec.COLOR_RED.value, spec.RULE_WIDTH.value, spec.NUMBER_RULE_SPACE_PT),
    ),
    Role.SIGNER: StyleDef(id="GovSigner", name="签发人", keep_next=True),
    Role.ORDER_NUMBER: StyleDef(id="GovOrderNumber", name="令号", jc="center", keep_next=True),
    Role.SIGNER_NAME: StyleDef(
        id="GovSignerName", name="签发人姓名", kind="character", based_on="DefaultParagraphFont",
        east_asia=spec.FONT_KAITI.value, latin=_LATIN,
    ),
    Role.TITLE: StyleDef(
        id="Title", name="Title", east_asia=spec.FONT_XIAOBIAOSONG.value, latin=_LATIN,
        size=spec.TITLE_SIZE.value, squeeze=0.0, jc="center",
        snap_to_grid=False, after_lines=spec.TITLE_LINES_AFTER.value,
    ),
    # The title and 主送 always stand on page 1 and do not keep with the body: a keep
    # chain from the top of the document would carry the whole body of a short
    # document, with its signature, to page 2 and leave page 1 without 正文 (7.3.3).
    Role.SALUTATION: StyleDef(id="Salutation", name="Salutation"),
    Role.BODY: StyleDef(
        id="BodyText", name="Body Text", first_line_chars=spec.FIRST_LINE_INDENT.value,
    ),
    Role.ATTACHMENT_NOTE: StyleDef(id="GovAttachmentNote", name="附件说明", keep_next=True),
    Role.SIGNATURE: StyleDef(id="Signature", name="Signature", jc="right", keep_next=True),
    Role.NOTE: StyleDef(
        id="GovNote", name="附注", first_line_chars=spec.FIRST_LINE_INDENT.value,
    ),
    Role.ATTACHMENT_LABEL: StyleDef(
        id="GovAttachmentLabel", name="附件标识", east_asia=spec.FONT_HEITI.value, latin=_LATIN,
        keep_next=True,
    ),
    Role.ATTACHMENT_TITLE: StyleDef(
        id="GovAttachmentTitle", name="附件标题", based_on="Title",
    ),
    Role.DATE: StyleDef(
        id="Date", name="Date", jc="right",
        right_chars=spec.SEALED_DATE_RIGHT_INDENT.value,
    ),
    # Cells are single-spaced and off the grid: the 28.95 pt body spacing must not leak in.
    Role.TABLE_TEXT: StyleDef(
        id="GovTableText", name="表格文字", size=spec.SIZE_4HAO, squeeze=0.0, jc="center",
        snap_to_grid=False, line_auto=True,
    ),
    # Off the grid, so that LibreOffice keeps its exact height (on the grid it shrinks an
    # empty paragraph to one line whatever its height).
    Role.SPACER: StyleDef(id="GovSpacer", name="空白", snap_to_grid=False),
    Role.ATTENDANCE: StyleDef(id="GovAttendance", name="出席人员"),
    Role.ATTENDANCE_LABEL: StyleDef(
        id="GovAttendanceLabel", name="出席标签", kind="character",
        based_on="DefaultParagraphFont", east_asia=spec.FONT_HEITI.value, latin=_LATIN,
    ),
    Role.IMPRINT: StyleDef(
        id="GovImprint", name="版记", size=spec.IMPRINT_SIZE.value, squeeze=0.0, jc="left",
    ),
    Role.IMPRINT_ANCHOR: StyleDef(
        id="GovImprintAnchor", name="版记锚点", size=1.0, snap_to_grid=False,
        line_tw=HAIR_LINE_TW,
    ),
    Role.FOOTER: StyleDef(
        id="Footer", name="footer", east_asia=spec.FONT_SONGTI.value,
        latin=spec.FONT_SONGTI.value, size=spec.PAGE_NUMBER_SIZE.value, squeeze=0.0,
        line_tw=spec.FOOTER_LINE_TW, snap_to_grid=False,
    ),
}

for _level, (_role, _runin, _font) in enumerate(
    zip(HEADINGS, RUN_INS, spec.HEADING_FONTS.value), start=1
):
    STYLES[_role] = StyleDef(
        id=f"Heading{_level}", name=f"heading {_level}", based_on="BodyText",
        link=f"Heading{_level}Char", east_asia=_font, latin=_LATIN, keep_next=True,
        outline_level=_level - 1,
    )
    STYLES[_runin] = StyleDef(
        id=f"Heading{_level}Char", name=f"Heading {_level} Char", kind="character",
        based_on="DefaultParagraphFont", link=f"Heading{_level}", east_asia=_font,
        latin=_LATIN,
    )


_BY_ID = {s.id: s for s in (NORMAL, *STYLES.values())}
_UNSET = {f.name: f.default for f in fields(StyleDef)}


@lru_cache(maxsize=None)
def style_setting(role: Role, name: str) -> object:
    """The setting ``name`` (a :class:`StyleDef` field) of ``role``'s style as Word reads
    it: the style's own value, else the nearest one up its ``basedOn`` chain (to Normal);
    None when no style of the chain sets it.

    A style sets a field when its value differs from :class:`StyleDef`'s default (None,
    False, 0): the template builder writes only such values, so a style whose
    ``keep_next`` is False inherits its base's, while a ``squeeze`` of 0.0 is set.
    """
    unset = _UNSET[name]
    style: StyleDef | None = STYLES[role]
    while style is not None:
        value = getattr(style, name)
        if value != unset:
            return value
        style = _BY_ID.get(style.based_on or "")
    return None


def style_id(role: Role) -> str:
    """The style id the renderer writes for ``role``."""
    return STYLES[role].id


def heading_role(level: int) -> Role:
    """The paragraph role of a stand-alone heading at ``level`` (1–4)."""
    return HEADINGS[level - 1]


def run_in_role(level: int) -> Role:
    """The character role of a run-in heading at ``level`` (1–4)."""
    return RUN_INS[level - 1]

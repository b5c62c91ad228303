"""The document model: a 公文 described as data.

A :class:`Report` holds the title, the recipients (主送机关), the body and the
signature block. The body is an ordered list of :class:`Paragraph` and
:class:`Section` items; sections nest up to four levels and are numbered by
position (一、（一）1.（1）), so authors never type heading numbers.

The model holds the user's words exactly as given; typography (full-width
punctuation, date formatting) is applied when the document is laid out.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from govdoc import extensions, grammar, spec
from govdoc.grammar import DocKind
from govdoc.text import wording
from govdoc.text.title import TitleShape

__all__ = [
    "Attachment", "Attendance", "DocFormat", "DocKind", "Header", "Imprint", "Paragraph",
    "Report", "Seal", "Section", "Signer", "Table", "TitleShape", "Urgency",
]

# Characters that XML 1.0 cannot hold: C0 controls other than tab, line feed and
# carriage return; the noncharacters U+FFFE and U+FFFF; lone surrogate halves.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _kind_of(char: str) -> tuple[str, str]:
    """What an XML-illegal character is, in Chinese and English."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return "孤立的代理项", "a lone surrogate"
    if code >= 0xFFFE:
        return "非字符", "a noncharacter"
    return "控制字符", "a control character"


def _check_text(value: str, *, what: str, allow_newlines: bool = False) -> str:
    """Reject text that cannot appear in a Word document, naming the position.

    The position counts characters (code points) from 1.
    """
    m = _XML_ILLEGAL.search(value)
    if m:
        zh, en = _kind_of(m.group())
        raise PydanticCustomError(
            "illegal_character",
            "{what} 含有不能写入 Word 文档的{zh} U+{code}（第 {pos} 个字符）: "
            "the text contains {en} U+{code} at position {pos}, "
            "which a .docx cannot hold",
            {"what": what, "code": f"{ord(m.group()):04X}", "pos": m.start() + 1,
             "zh": zh, "en": en},
        )
    if not allow_newlines and ("\n" in value or "\r" in value):
        raise PydanticCustomError(
            "line_break",
            "{what} 不能含有换行: a line break is not allowed here; "
            "start a new paragraph instead",
            {"what": what},
        )
    if not value.strip():
        raise PydanticCustomError(
            "empty_text", "{what} 不能为空: the text is empty", {"what": what}
        )
    return value


def _recipient(value: str) -> str:
    return _check_text(value, what="主送机关 recipient")


class DocFormat(str, Enum):
    """The layouts of GB/T 9704-2012: the general one and the special formats of clause 10."""

    GENERAL = "general"  # 通用格式
    LETTER = "letter"  # 信函格式 (10.1)
    ORDER = "order"  # 命令（令）格式 (10.2)
    MINUTES = "minutes"  # 纪要格式 (10.3)


class Urgency(str, Enum):
    """紧急程度 (7.2.3)."""

    特急 = "特急"
    加急 = "加急"




class Header(BaseModel):
    """版头 (7.2): the part above the red separator line.

    >>> Header(organs=["棣棠乡人民政府"], number="棣政发〔2024〕5号").mark
    '棣棠乡人民政府文件'
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    organs: list[str] = Field(
        min_length=1,
        description="发文机关 named in the 标志, lead organ first (several for 联合行文).",
    )
    mark_suffix: str = Field(
        default=spec.MARK_SUFFIX.value,
        description="Words after the organ's name in the 标志: 文件, or empty for the name only.",
    )
    number: str | None = Field(
        default=None, description="发文字号, e.g. 棣政发〔2024〕5号 (7.2.5)."
    )
    signers: list[str] = Field(
        default_factory=list, description="签发人 of a 上行文, lead signer first (7.2.6)."
    )
    copy_number: str | None = Field(default=None, description="份号: six digits (7.2.1).")
    secrecy: str | None = Field(
        default=None, description="密级和保密期限, e.g. 秘密★1年 (7.2.2)."
    )
    urgency: Urgency | None = Field(default=None, description="紧急程度: 特急 or 加急 (7.2.3).")
    order_number: str | None = Field(
        default=None, description="令号 of a 命令（令）, e.g. 第12号 (10.2)."
    )

    @field_validator("order_number")
    @classmethod
    def _order_number(cls, v: str | None) -> str | None:
        if v is not None and not grammar.order_number(v):
            raise PydanticCustomError(
                "order_number", "令号应为“第×号”: the 令号 reads 第12号 (10.2), no zero padding"
            )
        return v

    @property
    def mark(self) -> str:
        """The 标志 of a single issuer: its name and the suffix."""
        return self.organs[0] + self.mark_suffix

    @field_validator("organs", "signers")
    @classmethod
    def _names(cls, v: list[str]) -> list[str]:
        return [_check_text(n, what="机关或姓名 name") for n in v]

    @field_validator("number")
    @classmethod
    def _number(cls, v: str | None) -> str | None:
        if v is None:
            return v
        _check_text(v, what="发文字号 number")
        problems = grammar.number_problems(v)
        if problems:
            code, message = problems[0]
            raise PydanticCustomError(code, "发文字号" + message.replace("{", "{{").replace("}", "}}"))
        return v

    @field_validator("copy_number")
    @classmethod
    def _copy_number(cls, v: str | None) -> str | None:
        digits = spec.COPY_NUMBER_DIGITS.value
        if v is not None and grammar.copy_number(v) != v:
            raise PydanticCustomError(
                "copy_number", "份号应为6位阿拉伯数字: the copy number must be {n} digits, e.g. 000001",
                {"n": digits},
            )
        return v

    @field_validator("secrecy")
    @classmethod
    def _secrecy(cls, v: str | None) -> str | None:
        if v is not None and not grammar.STANDARD_SECRECY.fullmatch(v):
            raise PydanticCustomError(
                "secrecy",
                "密级应为绝密、机密或秘密，可加★和保密期限: expected e.g. 秘密 or 秘密★1年 (7.2.2)",
            )
        return v


class Paragraph(BaseModel):
    """A body paragraph (自然段): set in 仿宋 with a two-character first-line indent."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(description="The paragraph's words, exactly as written.")

    @field_validator("text")
    @classmethod
    def _text(cls, v: str) -> str:
        return _check_text(v, what="段落 paragraph text")


class Table(BaseModel):
    """A table in the body or an attachment (8): full block width, single-spaced cells.

    ``rows`` holds the cell texts row by row; the first ``header_rows`` rows repeat at
    the top of every page the table spans. ``size`` is the cells' type size: 4号
    (default) or 3号.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    rows: list[list[str]] = Field(min_length=1, description="Cell texts, row by row.")
    header_rows: int = Field(default=1, ge=0, description="Rows repeated on every page.")
    size: Literal["4号", "3号"] = Field(default="4号", description="Type size of the cells.")
    landscape: bool = Field(
        default=False,
        description="横排: set the table on landscape pages, its head toward the 订口 of an odd "
        "page, the page number where portrait pages have it (8).",
    )

    @field_validator("rows")
    @classmethod
    def _rows(cls, v: list[list[str]]) -> list[list[str]]:
        width = len(v[0])
        for i, row in enumerate(v):
            if not row:
                raise PydanticCustomError("empty_row", "表格第 {i} 行没有单元格: row {i} has no cells",
                                          {"i": i + 1})
            if len(row) != width:
                raise PydanticCustomError(
                    "ragged_table",
                    "表格各行单元格数不同: row {i} has {n} cells, the first row {w}",
                    {"i": i + 1, "n": len(row), "w": width},
                )
            for cell in row:
                if cell:
                    _check_text(cell, what="表格单元格 table cell", allow_newlines=True)
        return v

    @model_validator(mode="after")
    def _header(self) -> Table:
        if self.header_rows > len(self.rows):
            raise PydanticCustomError(
                "header_rows", "表头行数多于表格行数: header_rows exceeds the number of rows"
            )
        return self


def _coerce_block(value: object) -> object:
    """Let authors write a plain string for a paragraph."""
    if isinstance(value, str):
        return Paragraph(text=value)
    return value


def _block_kind(value: object) -> str:
    """Tell a section (it has a title or a body) from a paragraph, so errors name one."""
    if isinstance(value, dict):
        if "rows" in value:
            return "table"
        return "section" if ("title" in value or "body" in value) else "paragraph"
    if isinstance(value, Table):
        return "table"
    return "section" if isinstance(value, Section) else "paragraph"


Block = Annotated[
    Union[
        Annotated[Paragraph, Tag("paragraph")],
        Annotated["Section", Tag("section")],
        Annotated[Table, Tag("table")],
    ],
    Discriminator(_block_kind),
    BeforeValidator(_coerce_block),
]


class Section(BaseModel):
    """A numbered section: a heading and the paragraphs and sub-sections under it.

    The heading's number (一、 at level 1, （一） at 2, 1. at 3, （1） at 4) comes from
    the section's position; ``title`` holds only the heading's words.

    A **run-in** section (``run_in=True``) sets its heading sentence and its first
    paragraph in one paragraph: the heading in the level's font, the text in 仿宋,
    e.g. "（一）强化组织领导，完善法治政府建设体系。乡党委、政府始终……". Its first
    item must then be a paragraph.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(description="The heading's words, without its number.")
    body: list[Block] = Field(description="Paragraphs and sub-sections, in order.")
    run_in: bool = Field(
        default=False,
        description="Set the heading and the first paragraph in one paragraph.",
    )

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        return _check_text(v, what="章节标题 section title")

    @field_validator("body")
    @classmethod
    def _body(cls, v: list[Paragraph | Section | Table]) -> list[Paragraph | Section | Table]:
        if not v:
            raise PydanticCustomError(
                "empty_section",
                "章节没有内容: the section has no paragraphs or sub-sections",
            )
        return v

    @model_validator(mode="after")
    def _run_in(self) -> Section:
        if self.run_in and not isinstance(self.body[0], Paragraph):
            raise PydanticCustomError(
                "run_in_needs_paragraph",
                "run_in 章节的第一项必须是段落: a run-in section must start with a "
                "paragraph, which shares the heading's line",
            )
        return self


class Attachment(BaseModel):
    """附件 (7.3.4, 7.3.7): listed in the 附件说明 and, with a body, bound after the 正文.

    An attachment without ``body`` is only listed (sent separately).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(description="附件名称, as listed in the 附件说明 and set on its first page.")
    body: list[Block] = Field(
        default_factory=list, description="The attachment's content, structured like the 正文."
    )

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        _check_text(v, what="附件名称 attachment title")
        if v.rstrip()[-1] in "。，；：、.,;:":
            raise PydanticCustomError(
                "attachment_punctuation",
                "附件名称后不加标点符号: an attachment name ends without punctuation (7.3.4)",
            )
        return v

    @field_validator("body")
    @classmethod
    def _body(cls, v: list[Paragraph | Section | Table]) -> list[Paragraph | Section | Table]:
        _check_depth(v, 1, "body")
        return v


class Imprint(BaseModel):
    """版记 (7.4): 抄送机关, 印发机关 and 印发日期, at the foot of the last page."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cc: list[str] = Field(
        default_factory=list, description="抄送机关, in order; joined with ， and ended with 。."
    )
    printer: str | None = Field(
        default=None, description="印发机关: the office that prints and sends the document; "
        "None when the draft names none (the 印发 line then shows only what is given).")
    date: datetime.date | None = Field(default=None, description="印发日期 (None: not given).")
    duplex: bool = Field(
        default=False,
        description="双面印刷: put the 版记 on an even page; a blank page before it and the "
        "版记 page then carry no page number (7.4, 7.5).",
    )

    @field_validator("cc")
    @classmethod
    def _cc(cls, v: list[str]) -> list[str]:
        return [_check_text(n, what="抄送机关 cc") for n in v]

    @field_validator("printer")
    @classmethod
    def _printer(cls, v: str | None) -> str | None:
        return None if v is None else _check_text(v, what="印发机关 printer")


_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
MAX_SEAL_BYTES = 16 * 2**20
"""The largest seal image file read."""
MAX_SEAL_PIXELS = 4096 * 4096
"""The most pixels of a seal image: a 42 mm seal at 2,400 dpi has 3,969×3,969. Word and
LibreOffice decode the whole image to print it (a 30000×30000 PNG: 25 s and 1 GB)."""


class Seal(BaseModel):
    """印章 (7.3.5.1): the organ's seal image, placed over the 署名 and date.

    ``image`` is a PNG (with transparency, as 电子印章 systems export it) or JPEG file.
    govdoc embeds it unchanged and never draws a seal itself. ``diameter_mm`` sets its
    width; by default the image's own physical size is used when the file records its
    resolution, and 42 mm otherwise.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    image: Path = Field(description="Path of the seal image (PNG or JPEG).")
    diameter_mm: float | None = Field(
        default=None, gt=10, lt=80, description="Width of the seal on the page, in mm."
    )

    @field_validator("image")
    @classmethod
    def _image(cls, v: Path) -> Path:
        _check_seal_image(v)
        return v


def _check_seal_image(path: Path) -> None:
    """Refuse a seal image that is not a PNG or JPEG, is damaged, or is too large to
    print: its size in pixels is read from its header, never by decoding it."""
    from docx.image.image import Image  # here: python-docx loads only when seals are used

    def refuse(code: str, message: str, **why: object) -> PydanticCustomError:
        return PydanticCustomError("seal_image", message, {"path": str(path), **why})

    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_SEAL_BYTES + 1)
    except OSError as exc:
        raise refuse("seal_image", "印章图片无法读取: cannot read the seal image {path} ({why})",
                     why=exc.strerror or str(exc)) from None
    if not data.startswith(_IMAGE_MAGIC):
        raise refuse("seal_image", "印章图片应为PNG或JPEG: {path} is not a PNG or JPEG image")
    if len(data) > MAX_SEAL_BYTES:
        raise refuse("seal_image", "印章图片过大: the seal image {path} has more than {most} MB",
                     most=MAX_SEAL_BYTES // 2**20)
    try:
        image = Image.from_blob(data)
        width, height = image.px_width, image.px_height
    except Exception as exc:  # noqa: BLE001 - whatever the header parser trips on
        raise refuse("seal_image", "印章图片已损坏: the seal image {path} is damaged or "
                     "truncated ({why})", why=type(exc).__name__) from None
    # A PNG ends with its IEND chunk, a JPEG with its EOI marker (FF D9): a file cut
    # short after its header is damaged too.
    if not (data.endswith(b"IEND\xaeB`\x82") or b"\xff\xd9" in data[-64:]):
        raise refuse("seal_image", "印章图片已损坏: the seal image {path} is damaged or "
                     "truncated ({why})", why="cut short")
    if width < 1 or height < 1 or width * height > MAX_SEAL_PIXELS:
        raise refuse("seal_image", "印章图片像素过多: the seal image {path} has {width}×{height} "
                     "pixels (at most {most} in all, e.g. 4096×4096)",
                     width=width, height=height, most=MAX_SEAL_PIXELS)


_OneOrMoreSeals = Annotated[
    Annotated[Seal, Tag("Seal")] | Annotated[list[Seal], Tag("list[Seal]")],
    Discriminator(lambda v: "list[Seal]" if isinstance(v, list) else "Seal"),
]
"""One seal, or a list for 联合行文: a wrong one is reported once, as what it looks like."""


class Signer(BaseModel):
    """A signer of a document signed with a 签名章 (7.3.5.3): the post in full and the
    image of the signature seal (room for it is left when there is none)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(description="签发人职务, in full, e.g. 棣棠乡人民政府乡长.")
    image: Seal | None = Field(default=None, description="签名章 image and its width.")

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        return _check_text(v, what="签发人职务 signer title")


class Attendance(BaseModel):
    """A line of a 纪要's attendance (10.3): 出席, 请假 or 列席 and the names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Literal["出席", "请假", "列席"] = Field(description="出席, 请假 or 列席.")
    names: list[str] = Field(min_length=1, description="Units and names, in order.")

    @field_validator("names")
    @classmethod
    def _names(cls, v: list[str]) -> list[str]:
        return [_check_text(n, what="出席人员 name") for n in v]


class Report(BaseModel):
    """A 公文 with title, recipients, body and signature block (default 文种: 报告).

    >>> import datetime
    >>> r = Report(title="关于2023年工作情况的报告", body=["正文。"],
    ...            issuer="某某乡人民政府", date=datetime.date(2024, 1, 18))
    >>> r.kind.value, r.sealed
    ('报告', True)
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(
        description="标题: the document's title, set centred in 2号 小标宋. A title longer "
        "than a line is broken between words into title_shape; a newline in it is kept.",
    )
    title_shape: TitleShape = Field(
        default=TitleShape.DESCENDING,
        description="回行标题的排列 (7.3.1): 上长下短 (default), 上短下长 or 菱形.",
    )
    recipients: list[Annotated[str, AfterValidator(_recipient)]] = Field(
        default_factory=list,
        description="主送机关: the organs addressed, in order; joined with 、 and ended with ：.",
    )
    body: list[Block] = Field(description="正文: paragraphs and numbered sections, in order.")
    issuer: str | list[str] | None = Field(
        default=None,
        description="发文机关署名: the issuing organ's name, or for 联合行文 the organs' "
        "names, lead organ first; None for a document without 署名 (a 纪要, or a draft "
        "that lacks it): no 署名 line is set."
    )
    date: datetime.date | None = Field(
        default=None,
        description="成文日期: the date the document was signed; None when the draft has "
        "none: no date line is set (govdoc never invents one).")
    sealed: bool = Field(
        default=True,
        description="加盖印章: True for the sealed layout (7.3.5.1), False for 7.3.5.2.",
    )
    kind: DocKind = Field(default=DocKind.报告, description="文种: the document kind.")
    header: Header | None = Field(
        default=None, description="版头: 份号, 密级, 紧急程度, 标志, 发文字号, 签发人 (7.2)."
    )
    attachments: list[Attachment] = Field(
        default_factory=list, description="附件, in order; numbered 附件1, 附件2… (7.3.4, 7.3.7)."
    )
    imprint: Imprint | None = Field(
        default=None, description="版记: 抄送, 印发机关 and 印发日期 (7.4)."
    )
    format: DocFormat | None = Field(
        default=None,
        description="版式: general, letter (信函), order (命令) or minutes (纪要); by default "
        "命令/令 take the order format, 纪要 the minutes format, the rest the general one.",
    )
    signers: list[Signer] = Field(
        default_factory=list,
        description="签发人 of a document signed with 签名章 (7.3.5.3), lead first; they "
        "replace the 署名.",
    )
    attendance: list[Attendance] = Field(
        default_factory=list, description="纪要: 出席, 请假 and 列席 lines (10.3)."
    )
    seal: _OneOrMoreSeals | None = Field(
        default=None,
        description="印章 image placed over the 署名 and date (sealed layout); for 联合行文 "
        "one seal per issuer, in the same order.",
    )
    note: str | None = Field(
        default=None,
        description="附注 (7.3.6), e.g. 联系人：张三，电话：1234567; set in （ ） under the date.",
    )
    extra: dict[str, str] = Field(
        default_factory=dict,
        description="An office's own template fields, by name (e.g. 联系人, 公开属性): "
        "what an office's 红头 template shows as {{ extra.name }}; the layout does not use them.",
    )
    metadata: list[str] = Field(
        default_factory=list,
        description="Lines of the draft kept but not printed: a website's metadata block "
        "(索引号：…, 文号：…) or a repeated title. They go into the document properties "
        "(the comments field), one per line.",
    )

    @field_validator("metadata")
    @classmethod
    def _metadata(cls, v: list[str]) -> list[str]:
        return [_check_text(line, what="元数据 metadata") for line in v]

    @field_validator("note")
    @classmethod
    def _note(cls, v: str | None) -> str | None:
        return None if v is None else _check_text(v, what="附注 note")

    @model_validator(mode="after")
    def _seal_needs_sealed(self) -> Report:
        if self.seal is not None and not self.sealed:
            raise PydanticCustomError(
                "seal_unsealed",
                "有印章图片但 sealed=False: a seal image needs the sealed layout (sealed=True)",
            )
        if self.seal is not None and self.layout_format is DocFormat.MINUTES:
            raise PydanticCustomError(
                "minutes_seal", "纪要不加盖印章: a 纪要 carries no seal (10.3)"
            )
        if self.seal is not None and len(self.seals) != len(self.issuers):
            raise PydanticCustomError(
                "seal_count",
                "印章与发文机关数量不符: {seals} seal(s) for {issuers} issuer(s); "
                "联合行文 needs one seal per issuer, in the same order",
                {"seals": len(self.seals), "issuers": len(self.issuers)},
            )
        return self

    @property
    def layout_format(self) -> DocFormat:
        """The format in force: the one given, or the one the 文种 takes."""
        if self.format is not None:
            return self.format
        if self.kind in (DocKind.命令, DocKind.令):
            return DocFormat.ORDER
        if self.kind is DocKind.纪要:
            return DocFormat.MINUTES
        return DocFormat.GENERAL

    @property
    def seals(self) -> list[Seal]:
        """The seal images, one per issuer (empty when none are given)."""
        if self.seal is None:
            return []
        return list(self.seal) if isinstance(self.seal, list) else [self.seal]

    @property
    def warnings(self) -> list[str]:
        """Doubts about the content that do not stop rendering (条例 第九条, 第十五条):
        the wording rules of :mod:`govdoc.text.wording`, which the checker applies too."""
        return wording.doubts(self.title, self.kind, _texts(self.body),
                              title_printed=self.layout_format is not DocFormat.ORDER)

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        if v == "":
            return v  # a draft without a title: no title line is set
        return _check_text(v, what="标题 title", allow_newlines=True)

    @field_validator("issuer")
    @classmethod
    def _issuer(cls, v: str | list[str] | None) -> str | list[str] | None:
        if v is None:
            return v
        if isinstance(v, list):
            if not v:
                raise PydanticCustomError("no_issuer", "发文机关署名不能为空: no issuer is named")
            return [_check_text(n, what="发文机关署名 issuer") for n in v]
        return _check_text(v, what="发文机关署名 issuer")

    # The conveniences below are carried out above the model (govdoc.drafting,
    # govdoc.html), which the model does not import: see govdoc.extensions.

    def _repr_html_(self) -> str:
        """The page-by-page HTML preview a notebook shows (see :mod:`govdoc.html`)."""
        html: str = extensions.call("report_html", self)
        return html

    def section(self, *path: int | str, attachment: int | None = None) -> Section:
        """The section at a number path, as printed or 1-based:
        ``report.section("一", "（二）")`` or ``report.section(1, 2)``; ``attachment``
        (1-based) searches that attachment's body. Raises a ``KeyError`` naming the path
        and the sections that exist (see :func:`govdoc.drafting.find_section`)."""
        section: Section = extensions.call("find_section", self, *path, attachment=attachment)
        return section

    def outline(self, *, normalize: bool = True) -> Any:
        """The title and numbered headings, indented by level, as the document prints
        them, a :class:`govdoc.drafting.Outline`; ``print(report.outline())`` prints it
        (see :func:`govdoc.drafting.outline`)."""
        return extensions.call("outline", self, normalize=normalize)

    def check(self, *, render: bool = False, normalize: bool = True,
              timeout: float = 180) -> Any:
        """Render this report and check the document against GB/T 9704-2012: the static
        rules by default, with ``render=True`` also the geometry rules, measured on a
        LibreOffice PDF. Returns a :class:`govdoc.checker.CheckResult` (see
        :func:`govdoc.drafting.check_report`)."""
        return extensions.call("check_report", self, render=render, normalize=normalize,
                               timeout=timeout)

    @property
    def issuers(self) -> list[str]:
        """The issuing organs, lead first (one for a document of a single organ)."""
        if self.issuer is None:
            return []
        return list(self.issuer) if isinstance(self.issuer, list) else [self.issuer]

    @field_validator("recipients", mode="before")
    @classmethod
    def _recipients_str(cls, v: object) -> object:
        return [v] if isinstance(v, str) else v


    @field_validator("body")
    @classmethod
    def _body(cls, v: list[Paragraph | Section | Table]) -> list[Paragraph | Section | Table]:
        if not v:
            raise PydanticCustomError("empty_body", "正文不能为空: the body is empty")
        _check_depth(v, 1, "body")
        return v


def _texts(items: list[Paragraph | Section | Table]) -> Iterator[str]:
    """The words of a body in reading order: paragraphs, headings, table cells."""
    for item in items:
        if isinstance(item, Paragraph):
            yield item.text
        elif isinstance(item, Section):
            yield item.title
            yield from _texts(item.body)
        else:
            yield from (c for row in item.rows for c in row)


def _check_depth(items: list[Paragraph | Section | Table], level: int, path: str) -> None:
    limit = spec.HEADING_LEVELS.value
    for i, item in enumerate(items):
        if isinstance(item, Section):
            where = f"{path}[{i}]"
            if level > limit:
                raise PydanticCustomError(
                    "too_deep",
                    "章节层次超过四层: sections nest deeper than {limit} levels "
                    "(一、（一）1.（1）); {where} “{title}” is at level {level}",
                    {"limit": limit, "where": where, "title": item.title, "level": level},
                )
            _check_depth(item.body, level + 1, where + ".body")


Section.model_rebuild()
Report.model_rebuild()

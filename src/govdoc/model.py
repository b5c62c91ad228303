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
from enum import Enum
from typing import Annotated, Union

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

from govdoc import spec

__all__ = ["DocKind", "Paragraph", "Report", "Section"]

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


class DocKind(str, Enum):
    """The 15 文种 of the 党政机关公文处理工作条例 (第八条)."""

    决议 = "决议"
    决定 = "决定"
    命令 = "命令"
    令 = "令"
    公报 = "公报"
    公告 = "公告"
    通告 = "通告"
    意见 = "意见"
    通知 = "通知"
    通报 = "通报"
    报告 = "报告"
    请示 = "请示"
    批复 = "批复"
    议案 = "议案"
    函 = "函"
    纪要 = "纪要"


class Paragraph(BaseModel):
    """A body paragraph (自然段): set in 仿宋 with a two-character first-line indent."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(description="The paragraph's words, exactly as written.")

    @field_validator("text")
    @classmethod
    def _text(cls, v: str) -> str:
        return _check_text(v, what="段落 paragraph text")


def _coerce_block(value: object) -> object:
    """Let authors write a plain string for a paragraph."""
    if isinstance(value, str):
        return Paragraph(text=value)
    return value


def _block_kind(value: object) -> str:
    """Tell a section (it has a title or a body) from a paragraph, so errors name one."""
    if isinstance(value, dict):
        return "section" if ("title" in value or "body" in value) else "paragraph"
    return "section" if isinstance(value, Section) else "paragraph"


Block = Annotated[
    Union[Annotated[Paragraph, Tag("paragraph")], Annotated["Section", Tag("section")]],
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
    def _body(cls, v: list[Paragraph | Section]) -> list[Paragraph | Section]:
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


class Report(BaseModel):
    """A 公文 with title, recipients, body and signature block (default 文种: 报告).

    >>> import datetime
    >>> r = Report(title="关于2023年工作情况的报告", body=["正文。"],
    ...            issuer="某某乡人民政府", date=datetime.date(2024, 1, 18))
    >>> r.kind.value, r.sealed
    ('报告', True)
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(description="标题: the document's title, set centred in 2号 小标宋.")
    recipients: list[Annotated[str, AfterValidator(_recipient)]] = Field(
        default_factory=list,
        description="主送机关: the organs addressed, in order; joined with 、 and ended with ：.",
    )
    body: list[Block] = Field(description="正文: paragraphs and numbered sections, in order.")
    issuer: str = Field(description="发文机关署名: the issuing organ's name.")
    date: datetime.date = Field(description="成文日期: the date the document was signed.")
    sealed: bool = Field(
        default=True,
        description="加盖印章: True for the sealed layout (7.3.5.1), False for 7.3.5.2.",
    )
    kind: DocKind = Field(default=DocKind.报告, description="文种: the document kind.")

    @field_validator("title")
    @classmethod
    def _title(cls, v: str) -> str:
        return _check_text(v, what="标题 title", allow_newlines=True)

    @field_validator("issuer")
    @classmethod
    def _issuer(cls, v: str) -> str:
        return _check_text(v, what="发文机关署名 issuer")

    @field_validator("recipients", mode="before")
    @classmethod
    def _recipients_str(cls, v: object) -> object:
        return [v] if isinstance(v, str) else v


    @field_validator("body")
    @classmethod
    def _body(cls, v: list[Paragraph | Section]) -> list[Paragraph | Section]:
        if not v:
            raise PydanticCustomError("empty_body", "正文不能为空: the body is empty")
        _check_depth(v, 1, "body")
        return v


def _check_depth(items: list[Paragraph | Section], level: int, path: str) -> None:
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

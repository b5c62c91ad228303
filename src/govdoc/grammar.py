"""Recognisers for the lines of a plain-text 公文: pure functions on one line's text.

Each function looks at a single stripped line and says what it could be (a heading
label, a 发文字号, a 成文日期, a 抄送 line…). Deciding what a line *is* takes its
position into account; that is :mod:`govdoc.parse.structure`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govdoc.model import DocKind
from govdoc.text.dates import DateReading, read_date

# Whitespace drafts use for alignment: ASCII spaces, tabs, U+3000, no-break spaces.
SPACE = "[ \t\u3000\u00a0\u2002\u2003]"
_SPACES = re.compile(SPACE + "+")
_WIDE_GAP = re.compile("(?:[ \u00a0]{2,}|[\t\u3000\u2003]+)")

_CN_DIGITS = "一二三四五六七八九"
_CN_NUMERAL = "[零〇一二三四五六七八九十百]+"


def squeeze(text: str) -> str:
    """``text`` without any whitespace (for labels typed with spaces, e.g. 抄 送)."""
    return _SPACES.sub("", text)


def split_on_gaps(text: str) -> list[str]:
    """Names separated by wide gaps (two spaces or more, a tab, U+3000)."""
    return [p for p in _WIDE_GAP.split(text.strip()) if p]


def chinese_int(text: str) -> int | None:
    """The value of a heading numeral from 一 to 九十九 (十一, 二十三), or None."""
    m = re.fullmatch(rf"([{_CN_DIGITS}])?(十)?([{_CN_DIGITS}])?", text)
    if not text or not m:
        return None
    tens, ten, ones = m.groups()
    if tens and not ten:
        return None if ones else _CN_DIGITS.index(tens) + 1
    value = ((_CN_DIGITS.index(tens) + 1) if tens else 1) * 10 if ten else 0
    return value + ((_CN_DIGITS.index(ones) + 1) if ones else 0) or None


# -- Headings ---------------------------------------------------------------------------

@dataclass(frozen=True)
class HeadingLabel:
    """A heading number at the start of a line.

    ``rank`` is the level its form stands for (1 一、, 2 （一）, 3 1., 4 （1）);
    ``number`` its value (None when it cannot be read); ``title`` the text after it.
    """

    rank: int
    number: int | None
    label: str
    title: str


_HEADINGS = (
    (1, re.compile(rf"^(?P<n>{_CN_NUMERAL}){SPACE}*(?:、|[．.](?![\d.．]))")),
    (2, re.compile(rf"^[（(]{SPACE}*(?P<n>{_CN_NUMERAL}){SPACE}*[）)]")),
    (3, re.compile(rf"^(?P<n>\d{{1,3}}){SPACE}*(?:[.．](?![\d.．])|、)")),
    (4, re.compile(rf"^[（(]{SPACE}*(?P<n>\d{{1,3}}){SPACE}*[）)]")),
)


def heading_label(text: str) -> HeadingLabel | None:
    """The heading label ``text`` starts with, when text follows it.

    >>> heading_label("(一)强化组织领导。乡党委……").rank
    2
    >>> heading_label("2.5亿元用于……") is None, heading_label("一是加强学习") is None
    (True, True)
    """
    for rank, pattern in _HEADINGS:
        m = pattern.match(text)
        if m:
            title = text[m.end():].lstrip(" \t\u3000\u00a0")
            if not title:
                return None
            raw = m.group("n")
            number = int(raw) if raw.isdigit() else chinese_int(raw)
            return HeadingLabel(rank, number, text[:m.end()], title)
    return None


# A run-in heading ends at its first full stop (or ！？) with more text after it; drafts
# typed with half-width marks end it with "." between two Chinese characters.
_RUN_IN_END = re.compile(r"[。！？!?]|(?<=[\u4e00-\u9fff）”])\.(?=[\u4e00-\u9fff“（])")


def split_run_in(title: str) -> tuple[str, str] | None:
    """(heading sentence, paragraph) of a run-in heading, or None for a heading alone.

    >>> split_run_in("强化组织领导,完善体系。乡党委、政府……")
    ('强化组织领导,完善体系。', '乡党委、政府……')
    >>> split_run_in("工作开展情况") is None
    True
    """
    m = _RUN_IN_END.search(title)
    if not m:
        return None
    rest = title[m.end():]
    # Closing quotes and brackets stay with the sentence they close.
    extra = len(rest) - len(rest.lstrip("”’」』）)"))
    head, rest = title[:m.end() + extra], rest[extra:]
    rest = rest.lstrip(" \t\u3000\u00a0")
    return (head, rest) if rest else None


# -- 版头 -----------------------------------------------------------------------------

_NUMBER = re.compile(
    rf"^(?P<code>[^\s〔〕\[\]［］【】（）()]{{1,24}}?){SPACE}*"
    rf"(?P<open>[〔\[［【(（]){SPACE}*(?P<year>(?:19|20)\d{{2}}){SPACE}*(?P<close>[〕\]］】)）])"
    rf"{SPACE}*(?P<serial>第?{SPACE}*\d+){SPACE}*号"
)


@dataclass(frozen=True)
class DocNumber:
    """A 发文字号 read from a line: the standard form, what was changed, and the rest."""

    number: str
    changes: tuple[str, ...]
    rest: str


def doc_number(text: str) -> DocNumber | None:
    """The 发文字号 at the start of ``text``, normalised to 代字〔年份〕序号号.

    >>> doc_number("棣政发[2024]5号").number
    '棣政发〔2024〕5号'
    """
    m = _NUMBER.match(text)
    if not m:
        return None
    changes = []
    if (m.group("open"), m.group("close")) != ("〔", "〕"):
        changes.append(f"年份括号“{m.group('open')}{m.group('close')}”改为六角括号〔〕: "
                       "the year's brackets become 〔 〕 (7.2.5)")
    serial = squeeze(m.group("serial"))
    if serial.startswith("第"):
        serial = serial[1:]
        changes.append("删去序号前的“第”字: the serial takes no 第 (7.2.5)")
    if serial.startswith("0"):
        serial = serial.lstrip("0") or "0"
        changes.append("删去序号的虚位0: the serial takes no leading zeros (7.2.5)")
    number = f"{m.group('code')}〔{m.group('year')}〕{serial}号"
    return DocNumber(number, tuple(changes), text[m.end():].strip())


_SIGNERS = re.compile(rf"签{SPACE}*发{SPACE}*人{SPACE}*[：:]")


def signers_part(text: str) -> tuple[str, list[str]] | None:
    """(text before, names) when ``text`` holds a 签发人 label; None otherwise."""
    m = _SIGNERS.search(text)
    if not m:
        return None
    return text[:m.start()].strip(), names(text[m.end():])


def names(text: str) -> list[str]:
    """Names separated by any whitespace (签发人 are written 张某某　李某某)."""
    return [n for n in re.split(SPACE + "+", text.strip()) if n]


_SECRECY = re.compile(r"^(绝密|机密|秘密)(★(\d+(年|个月)|长期))?$")


def secrecy(text: str) -> str | None:
    """密级和保密期限 (秘密, 机密★1年…), spaces removed; None otherwise."""
    s = squeeze(text)
    return s if _SECRECY.match(s) else None


def urgency(text: str) -> str | None:
    """紧急程度 (特急, 加急), spaces removed; None otherwise."""
    s = squeeze(text)
    return s if s in ("特急", "加急") else None


def copy_number(text: str) -> str | None:
    """份号: six digits, optionally after 份号："""
    s = re.sub(r"^份号[：:]", "", squeeze(text))
    return s if re.fullmatch(r"\d{6}", s) else None


# -- Title and 主送 ---------------------------------------------------------------------

_KINDS = sorted((k.value for k in DocKind), key=len, reverse=True)
_TRAILING_BRACKETS = re.compile(r"[（(][^（）()]*[）)]$")


def title_kind(title: str) -> DocKind | None:
    """The 文种 a title ends with (a trailing bracket such as （试行） aside)."""
    t = _TRAILING_BRACKETS.sub("", title.rstrip()).rstrip()
    for kind in _KINDS:
        if t.endswith(kind):
            return DocKind(kind)
    return None


_SENTENCE = re.compile(r"[。；;？?！!]")
_ORGAN_END = re.compile(
    r"(政府|委员会|委|办公室|办|厅|局|部|署|院|所|中心|处|科|室|站|队|会|社|公司|集团|单位|部门|"
    r"机关|机构|企业|协会|学校|大学|学院|医院|银行|支部|党委|党组|工委|省|市|县|区|乡|镇|村|街道|社区|"
    r"组|团|馆|台|园区)$"
)
_BRACKETED_TAIL = re.compile(r"[（(][^（）()]*[）)]$")


def split_outside_brackets(text: str, seps: str) -> list[str]:
    """``text`` split on any of ``seps`` that stand outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(【〔《":
            depth += 1
        elif ch in "）)】〕》":
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def organ_like(name: str) -> bool:
    """Whether ``name`` ends like the name of an organ (…政府, …局, 各村（社区）)."""
    core = _BRACKETED_TAIL.sub("", name.strip()).strip()
    return bool(core) and bool(_ORGAN_END.search(core))


# Words that make a line a sentence, not a list of organs.
_SENTENCE_START = ("为", "现", "根据", "按照", "经", "请", "兹", "据", "今", "近")
_SENTENCE_WORDS = ("的", "如下", "决定", "研究", "以下", "要求", "通知")


@dataclass(frozen=True)
class Recipients:
    """A 主送机关 line: the names (split on 、), and whether it ended with a colon."""

    names: list[str]
    colon: bool


def recipients(text: str) -> Recipients | None:
    """The 主送机关 a line lists, when it looks like one.

    With its colon, any short list of names qualifies; without it, every name must end
    like an organ's name. Names are split on 、 only, so the rendered line (joined with
    、) repeats the draft's words and marks exactly.
    """
    t = text.strip()
    colon = t.endswith(("：", ":"))
    if colon:
        t = t[:-1].rstrip()
    if not t or len(t) > 120 or _SENTENCE.search(t) or t.startswith("——"):
        return None
    if t.startswith(_SENTENCE_START) or any(w in t for w in _SENTENCE_WORDS):
        return None
    if heading_label(t) is not None or read_date(t) is not None:
        return None
    groups = [g.strip() for g in split_outside_brackets(t, "、，,")]
    if any(not g or len(g) > 25 for g in groups):
        return None
    if not colon and (len(t) > 60 or not all(organ_like(g) for g in groups)):
        return None
    return Recipients([n.strip() for n in split_outside_brackets(t, "、")], colon)


# -- 正文 endings ---------------------------------------------------------------------

_CLOSING = re.compile(
    r"^(特此[\u4e00-\u9fff]{2}|此复|专此[\u4e00-\u9fff]{2}|此致|敬礼|"
    r"(以上[\u4e00-\u9fff]{0,6}[，,]?)?[妥当]否[，,]?请[\u4e00-\u9fff]{1,6}|"
    r"(以上[\u4e00-\u9fff]{0,6}[，,]?)?请予?[\u4e00-\u9fff]{0,4}(批示|批复|审批|批准|函复|复函|审阅|审定)|"
    r"请[\u4e00-\u9fff]{0,8}(遵照执行|贯彻执行|贯彻落实|认真执行|研究执行))[。！!.]?$"
)


def closing_formula(text: str) -> bool:
    """Whether ``text`` is a closing formula (特此报告, 妥否，请批示, 此复…).

    >>> closing_formula("特此通知。"), closing_formula("妥否,请批示。"), closing_formula("特此报告如下")
    (True, True, False)
    """
    return bool(_CLOSING.match(text.strip()))


CONCLUDING = ("在今后的工作中", "今后", "下一步", "下步", "总之", "综上", "总的来看", "总体来看",
              "以上", "希望", "望各", "本通知", "本通告", "本公告", "本意见", "本办法", "本方案",
              "本规定", "本决定", "本细则", "出席", "列席", "请假", "缺席")


def concluding_start(text: str) -> str | None:
    """The concluding phrase ``text`` starts with (在今后的工作中, 总之…), or None."""
    return next((p for p in CONCLUDING if text.startswith(p)), None)


_NAME_BAD = re.compile(r"[。，,；;：:！!？?“”\"《》]")


def name_like(text: str) -> bool:
    """Whether ``text`` could be a 署名: short, without sentence punctuation."""
    t = text.strip()
    return (
        0 < len(t) <= 40
        and not _NAME_BAD.search(t)
        and not t.startswith(("——", "—", "-", "附件"))
        and heading_label(t) is None
        and not closing_formula(t)
        and read_date(t) is None
        and re.search(r"[\u4e00-\u9fff]", t) is not None
    )


def date_line(text: str) -> DateReading | None:
    """The 成文日期 a line holds when the line is only a date."""
    return read_date(text)


_NOTE = re.compile(r"^[（(](?P<note>.+)[)）]$")


def note(text: str) -> str | None:
    """The words of a 附注 written in （ ）, without the brackets."""
    m = _NOTE.match(text.strip())
    return m.group("note").strip() if m and m.group("note").strip() else None


# -- 附件 -------------------------------------------------------------------------------

_ATTACHMENT_NOTE = re.compile(rf"^附{SPACE}*件{SPACE}*[：:]{SPACE}*(?P<rest>.*)$")
_ATTACHMENT_ITEM = re.compile(rf"^(?P<n>\d{{1,2}}){SPACE}*[.．、]{SPACE}*(?P<name>\S.*)$")
_ATTACHMENT_LABEL = re.compile(rf"^附{SPACE}*件{SPACE}*(?P<n>\d{{0,2}})$")
_ATTACHMENT_LABEL_TITLE = re.compile(rf"^附{SPACE}*件{SPACE}*(?P<n>\d{{1,2}}){SPACE}*[：:]{SPACE}*(?P<title>\S.*)$")


def attachment_note(text: str) -> str | None:
    """The text after 附件： when ``text`` starts a 附件说明 (may be empty)."""
    m = _ATTACHMENT_NOTE.match(text.strip())
    return m.group("rest").strip() if m else None


def attachment_item(text: str) -> tuple[int, str] | None:
    """(number, name) of a numbered 附件说明 item such as 2.xxx."""
    m = _ATTACHMENT_ITEM.match(text.strip())
    return (int(m.group("n")), m.group("name").strip()) if m else None


def attachment_label(text: str) -> int | None:
    """The number of an attachment's label line (附件2 → 2, 附件 → 0), or None."""
    m = _ATTACHMENT_LABEL.match(text.strip())
    if not m:
        return None
    return int(m.group("n")) if m.group("n") else 0


def attachment_label_title(text: str) -> tuple[int, str] | None:
    """(number, title) of a label written with its title: 附件2：xxx."""
    m = _ATTACHMENT_LABEL_TITLE.match(text.strip())
    return (int(m.group("n")), m.group("title").strip()) if m else None


# -- 版记 -------------------------------------------------------------------------------

_CC = re.compile(rf"^(?P<label>抄{SPACE}*[送报]|主{SPACE}*送){SPACE}*[：:]{SPACE}*(?P<names>.*)$")
_PRINTED = re.compile(rf"^(?P<printer>.*?){SPACE}*(?P<date>[^\s]*?年[^\s]*?月[^\s]*?日|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}|(?:{SPACE}*[\d{_CN_DIGITS}〇○零Oo]){{4}}{SPACE}*年.*?日){SPACE}*印{SPACE}*发$")


@dataclass(frozen=True)
class ImprintListing:
    """A 版记 line listing organs: its label (抄送, 抄报 or 主送) and the names."""

    label: str
    names: list[str]


def imprint_listing(text: str) -> ImprintListing | None:
    """A 抄送/抄报/主送 line of the 版记; names split on ，(outside brackets), final 。 dropped."""
    m = _CC.match(text.strip())
    if not m:
        return None
    listed = m.group("names").strip().rstrip("。.").strip()
    found = [n.strip() for n in split_outside_brackets(listed, "，,")] if listed else []
    return ImprintListing(squeeze(m.group("label")), [n for n in found if n])


@dataclass(frozen=True)
class Printed:
    """The 印发 line of the 版记: 印发机关 (may be empty when on its own line) and 印发日期."""

    printer: str
    date_text: str
    reading: DateReading | None


def printed(text: str) -> Printed | None:
    """``棣棠乡党政综合办公室    2024年1月18日印发`` → printer and date."""
    m = _PRINTED.match(text.strip())
    if not m:
        return None
    date_text = m.group("date").strip()
    return Printed(m.group("printer").strip(), date_text, read_date(date_text))

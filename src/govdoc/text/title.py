"""Breaking a long title into lines by phrase (GB/T 9704-2012 7.3.1).

A title longer than one line "回行时，要做到词意完整，排列对称，长短适宜，间距恰当，
标题排列应当使用梯形或菱形". Meaning comes first: :func:`break_title` ranks every place
where a line could end by the title's grammar (发文机关 + 关于 + 事由 + 的 + 文种), and
lets symmetry choose only among the places of the best rank. Best first:

0. before 关于 (or 转发, 印发…) after the issuing organs, and before the 关于 of a cited organ;
1. between coordinated issuing organs (at a space or 、);
2. between 印发/转发/批转… and their object (a 《…》 or an organ);
3. before 等, and before a conjunction (和, 与, 及…) joining two phrases;
4. other phrase boundaries: between a verb and its object, before a verb, around a
   date or an amount, after 、 or a mid-title 的,
   before a 区别词 (节约型, 部际, 省级) that starts another noun phrase;
5. before the closing 的 + 文种, when the phrase before it is long (the line is then
   just 的通知: better than cutting a noun phrase, worse than any phrase boundary);
6. inside a run of nominal words (a noun phrase longer than a line), after a noun
   that closes a noun phrase (设施, 制度, 资金…);
7. elsewhere inside a run of nominal words: a last resort;
8. next to a one-character word.

It never breaks inside a protected span (an organ's name, a 《…》 or “…” that fits a
line, a number with its unit, the closing 的 + 文种), after 关于, an adverb or a
conjunction, nor before 的 in mid-title.

- **Lines.** As few as the width allows; one more only when that avoids cutting a
  noun phrase anywhere but after a noun that closes one (rank 7 or 8), and all its
  breaks are phrase boundaries (rank 4 or better). A line never holds fewer than 3
  characters, never starts with a closing mark (，。、）》” …) or ends with an opening
  one (（《“ …).
- **Rank of a layout.** Its breaks' ranks, worst first, compared in turn (ranks 0 and 1
  count as one: both part the organs).
- **Shape.** Among the layouts of the best rank the lines form a trapezoid, longest
  first (:attr:`TitleShape.DESCENDING`, the default) or longest last
  (:attr:`TitleShape.ASCENDING`), or a diamond of three or more lines, longest in the
  middle (:attr:`TitleShape.DIAMOND`); the other trapezoid when the asked shape cannot
  be met; within the shape the lengths are as even as the breaks allow.

The words and their parts of speech come from :mod:`govdoc.text.title_grammar` (jieba's
dictionary, read from a cache without loading jieba).

Widths are counted in cells of the title's size: a Chinese character is one cell, a
digit half a cell (Times New Roman's advance), and each change between Chinese text
and digits or Latin letters counts the 0.2 em gap LibreOffice puts there, so a line
that fits here fits in Word, WPS and LibreOffice.

Guides disagree on which trapezoid 7.3.1 means (上长下短 or 上短下长; see
``docs/GBT9704.md``), so the shapes are named by what they do rather than
正梯形/倒梯形, which different guides use the other way round.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import islice
from typing import Iterator

from govdoc import spec
from govdoc.grammar import KINDS
from govdoc.text.kinsoku import NO_LINE_END, NO_LINE_START
from govdoc.text.metrics import advance_em, is_wide

__all__ = ["TitleShape", "break_title", "protected_spans", "title_width", "words"]


class TitleShape(str, Enum):
    """How the lines of a multi-line title are arranged (7.3.1: 梯形 or 菱形)."""

    DESCENDING = "上长下短"
    """Trapezoid, each line no longer than the one above (the default)."""
    ASCENDING = "上短下长"
    """Trapezoid, each line no shorter than the one above."""
    DIAMOND = "菱形"
    """Diamond: three or more lines, longest in the middle, shorter above and below."""


# -- Widths ----------------------------------------------------------------------------

_ALNUM = re.compile(r"[0-9A-Za-z]")
_PUNCT = frozenset("，。、；：？！（）《》“”‘’〔〕【】「」『』…—·,.;:?!()\"' ")


def _is_ideograph(ch: str) -> bool:
    return is_wide(ch) and ch not in _PUNCT and not ("\uff00" <= ch <= "\uffef")


@lru_cache(maxsize=65536)
def title_width(text: str) -> float:
    """The width of ``text`` in cells of its own size (one Chinese character = 1).

    Counts 0.2 em for each change between a Chinese character and a digit or Latin
    letter: LibreOffice puts that gap there whatever the document says, and the
    title must fit there too.
    """
    width = sum(advance_em(ch) for ch in text)
    for a, b in zip(text, text[1:]):
        if (_is_ideograph(a) and _ALNUM.match(b)) or (_ALNUM.match(a) and _is_ideograph(b)):
            width += 0.2
    return width


class _Widths:
    """The widths of every slice of one text in O(1) each (prefix sums of
    :func:`title_width`'s advances and gaps), and its characters other than spaces."""

    def __init__(self, text: str) -> None:
        kinds = [_kind(ch) for ch in text]
        self._advance, self._gap, self._chars = [0.0], [0.0, 0.0], [0]
        for i, ch in enumerate(text):
            self._advance.append(self._advance[-1] + advance_em(ch))
            self._chars.append(self._chars[-1] + (ch != " "))
            if i:
                gap = 0.2 if kinds[i] and kinds[i - 1] and kinds[i] != kinds[i - 1] else 0.0
                self._gap.append(self._gap[-1] + gap)

    def width(self, a: int, b: int) -> float:
        """``title_width(text[a:b])``."""
        gaps = self._gap[b] - self._gap[a + 1] if b > a else 0.0
        return self._advance[b] - self._advance[a] + gaps

    def chars(self, a: int, b: int) -> int:
        return self._chars[b] - self._chars[a]


def words(text: str) -> list[str]:
    """``text`` cut into words (see :mod:`govdoc.text.title_grammar`); they join back to
    ``text``."""
    from govdoc.text.title_grammar import segment

    return [w.text for w in segment(text)]


# -- The grammar of a title ------------------------------------------------------------

_PAIRS = {"《": "》", "“": "”", "‘": "’", "（": "）", "〔": "〕", "【": "】", "「": "」", "(": ")"}
_NUMBER = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_CN_NUMBER = r"[一二三四五六七八九十百千零〇两]+"
_UNIT = (
    r"(?:年度|周年|年|季度|个月|月|日|号|届|批|期|次|项|件|个|条|款|家|所|座|户|人|名|"
    r"万亿元|亿元|万元|千元|元|万|亿|%|％|公里|千米|米|吨|亩|公顷|平方米|立方米|小时|天)"
)
# A part of the year that stays with it: 2024年上半年, 2024年汛期.
_SEASON = r"(?:上半年|下半年|前三季度|年初|年底|年末|汛期|春季|夏季|秋季|冬季)"
_NUMBER_SPAN = re.compile(
    rf"(?:第?{_NUMBER}{_UNIT}?|第{_CN_NUMBER}{_UNIT}?|{_CN_NUMBER}{_UNIT})"
    rf"(?:[—–\-~～至到]?(?:{_NUMBER}{_UNIT}?|{_CN_NUMBER}{_UNIT}))*{_SEASON}?"
)
# Words that end an organ's name, and words that only ever continue one.
_ORGAN_TAILS = (
    "人民政府", "政府", "办公厅", "办公室", "委员会", "委会", "党委", "党组", "县委", "市委",
    "省委", "区委", "总局", "局", "部门", "部", "厅", "署", "院", "委", "办", "中心",
    "总队", "支队", "大队", "工会", "团委", "妇联", "科协", "联合会", "武装部",
)
_SUBORDINATE = frozenset(
    ("人民政府", "政府", "办公厅", "办公室", "委员会", "常委会", "党委", "党组", "党工委",
     "管委会", "县委", "市委", "省委", "区委")
)
_ISSUER_END = re.compile(r"关于|转发|印发|批转|颁发|颁布|公布|发布")
_CONNECTORS = frozenset(("等", "和", "与", "及", "、", " "))
# "X等部门", "教育部等六部门": 等 inside an organ's name.
_ORGANS_ETC = re.compile(r"(?<=[部委局厅院办署])等[0-9一二三四五六七八九十]*个?(?:部门|单位|部委|机关)")

# Verbs that take an object: a 《…》, an organ, or what the title is about.
_BOOK_VERBS = frozenset(("印发", "转发", "批转", "颁发", "颁布", "公布", "发布", "批准", "转报"))
# Verbs of 事由 that are verbs wherever they stand (others, like 实施 or 开发, are verbs
# only after 关于, an adverb or another verb, and nouns inside a noun phrase).
_VERBS = _BOOK_VERBS | frozenset((
    "加强", "做好", "推进", "推动", "促进", "开展", "表彰", "表扬", "同意", "建立", "下达",
    "拨付", "请求", "调整", "成立", "授予", "提高", "加快", "深化", "完善", "优化",
    "规范", "支持", "落实", "设立", "撤销", "命名", "确定", "延续", "加大", "健全", "构建",
    "打造", "解决", "追加", "下拨", "给予", "启动", "修订", "废止", "举办", "召开", "认定",
    "增补", "核定", "核拨", "建立健全", "申请", "要求", "禁止", "严格", "划转", "扩大",
    "强化", "巩固", "保障", "稳定", "取消", "废除",
))
_ADVERBS = frozenset((
    "进一步", "切实", "全面", "深入", "大力", "积极", "认真", "扎实", "持续", "坚决",
    "稳步", "有序", "统筹", "更好", "着力", "加快推进", "不断", "依法",
))
_CONJUNCTIONS = frozenset(("和", "与", "及", "暨", "并", "以及", "或", "或者"))
# Words that lean on the word after them: no line ends with one.
_SCOPES = frozenset(("全国", "全省", "全市", "全县", "全区", "全乡", "全镇", "各级", "有关"))
# Nouns that close a noun phrase: inside a noun phrase too long for a line, a break
# after one of them is the least bad.
_HEADS = frozenset((
    "设施", "制度", "体系", "机制", "工作", "情况", "资金", "项目", "名单", "名录", "规划",
    "方案", "标准", "办法", "措施", "政策", "环境", "单位", "企业", "队伍", "目标", "纲要",
    "计划", "指标", "经费", "预算",
))

# Ranks of a place to break (lower is better); see the module's docstring.
_R_ISSUER, _R_ORGANS, _R_OBJECT, _R_ETC, _R_PHRASE, _R_KIND, _R_HEAD, _R_NOUN, _R_BAD = range(9)
_LONG_PHRASE = 8
"""How many characters of 事由 must stand before the closing 的 for a break there."""


def _is_organ_word(word: str) -> bool:
    return word.endswith(_ORGAN_TAILS)


def _continues_organ(prev: str, word: str) -> bool:
    """True when ``word`` is the tail of an organ name that ``prev`` starts."""
    if prev in _CONNECTORS or prev == "关于" or not _is_ideograph(prev[-1]):
        return False
    return word in _SUBORDINATE or (_is_organ_word(word) and len(word) <= 5)


@dataclass(frozen=True)
class _Gap:
    """A place to break: the line ends at ``end`` and the next starts at ``start``."""

    end: int
    start: int
    rank: int  # 0 for the best place (after the issuing organs), more for worse


def _bounds(ws: list[str]) -> list[int]:
    out = [0]
    for w in ws:
        out.append(out[-1] + len(w))
    return out


def _issuer_end(text: str, ws: list[str]) -> int:
    """Where the leading issuing organs end (0 when the title does not start with one;
    the whole text when it is a list of organs, as in a joint 发文机关标志)."""
    m = _ISSUER_END.search(text)
    if not m and _is_organ_word(text) and (" " in text or "、" in text):
        return len(text)
    if not m or m.start() == 0:
        return 0
    prefix = text[: m.start()].rstrip()
    return m.start() if _is_organ_word(prefix) and m.start() in _bounds(ws) else 0


def _issuer_gaps(text: str, ws: list[str], issuer: int) -> Iterator[_Gap]:
    """Places between two organs of the leading issuer list."""
    bounds = _bounds(ws)
    for i in range(1, len(ws)):
        p = bounds[i]
        if p >= issuer:
            break
        prev, word = ws[i - 1], ws[i]
        if word.isspace():
            continue
        if prev.isspace():
            yield _Gap(bounds[i - 1], p, _R_ORGANS)
        elif prev == "、" or (
            _is_organ_word(prev) and word not in _CONNECTORS and not _continues_organ(prev, word)
        ):
            yield _Gap(p, p, _R_ORGANS)


def _closing_kind(text: str) -> int:
    """Where the closing 的 + 文种 starts (``len(text)`` when the title has none)."""
    for kind in KINDS:  # longest first
        if text.endswith(kind):
            start = len(text) - len(kind)
            return start - 1 if text[:start].endswith("的") else start
    return len(text)


def protected_spans(text: str, segmented: list[str] | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` character spans of ``text`` that no line break may cut.

    Organ names, 关于 with the word after it, bracketed spans, numbers with their
    units, and the closing 的 + 文种.
    """
    ws = segmented if segmented is not None else words(text)
    bounds = _bounds(ws)
    spans: list[tuple[int, int]] = []
    # Bracketed spans, innermost and outermost.
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            stack.append((ch, i))
        elif stack and ch == _PAIRS[stack[-1][0]]:
            spans.append((stack.pop()[1], i + 1))
    spans += [m.span() for m in _NUMBER_SPAN.finditer(text)]
    spans += [(m.start() - 1, m.end()) for m in _ORGANS_ETC.finditer(text)]
    for i, w in enumerate(ws):
        if w == "关于" and i + 1 < len(ws):
            spans.append((bounds[i], bounds[i + 2]))
        if i and _continues_organ(ws[i - 1], w):
            spans.append((bounds[i - 1], bounds[i + 1]))
    # The issuing organs before 关于 (or before 转发/印发…): one span per organ.
    issuer = _issuer_end(text, ws)
    if issuer:
        start = 0
        for gap in _issuer_gaps(text, ws, issuer):
            spans.append((start, gap.end))
            start = gap.start
        spans.append((start, issuer))
    spans.append((_closing_kind(text), len(text)))
    return sorted(set(s for s in spans if s[1] - s[0] > 1))


class _Grammar:
    """The words of one title, what each does, and the rank of each place between them."""

    def __init__(self, text: str, max_cells: float) -> None:
        from govdoc.text.title_grammar import segment

        self.text = text
        self.words = segment(text)
        ws = [w.text for w in self.words]
        self.spans = protected_spans(text, ws)
        self.kept = _kept_spans(text, self.spans, max_cells)
        self.issuer = _issuer_end(text, ws)
        self.between_issuers = ({g.end: g for g in _issuer_gaps(text, ws, self.issuer)}
                                if self.issuer else {})
        self.closing = _closing_kind(text)
        subject = self.issuer
        if text.startswith("关于", subject):
            subject += 2
        self.subject = subject
        self.numbers = self._number_chunks()
        self.verbs = self._verbs()

    def _number_chunks(self) -> list[tuple[int, int]]:
        """Dates, amounts and ordinals (第三批, 第二季度): adjacent number spans joined,
        if they carry an Arabic digit or count batches (not 第十四个五年 or 第七次全国人口普查,
        parts of a name)."""
        chunks: list[list[int]] = []
        for m in _NUMBER_SPAN.finditer(self.text):
            if chunks and chunks[-1][1] == m.start():
                chunks[-1][1] = m.end()
            else:
                chunks.append([m.start(), m.end()])
        return [(a, b) for a, b in chunks if re.search(r"[0-9０-９]", self.text[a:b])
                or re.fullmatch(r"第.*(?:批|期|季度|轮)", self.text[a:b])]

    def _verbs(self) -> set[int]:
        """The indexes of the words that act as verbs."""
        out: set[int] = set()
        for i, w in enumerate(self.words):
            if w.end > self.closing or w.start < self.subject:
                continue
            prev = self.words[i - 1] if i else None
            verbal_before = (prev is None or prev.start < self.subject or prev.text == "关于"
                             or i - 1 in out or prev.text in _ADVERBS or prev.text == "、"
                             or prev.text in _CONJUNCTIONS and i - 2 in out)
            if w.text in _VERBS and not self._in_organ(w.start):
                out.add(i)
            elif len(w.text) > 1 and w.tag.startswith("v") and verbal_before and (
                    w.tag == "v" or (prev is not None and prev.text == "关于")):
                out.add(i)
        return out

    def _in_organ(self, pos: int) -> bool:
        return pos < self.issuer

    def _is_adverb(self, i: int) -> bool:
        w = self.words[i]
        return w.text in _ADVERBS or (w.tag == "d" and w.text not in _VERBS and len(w.text) > 1)

    def _nominal(self, i: int) -> bool:
        w = self.words[i]
        return (i not in self.verbs and not self._is_adverb(i) and w.text not in _CONJUNCTIONS
                and w.text not in ("关于", "的", "等", "、") and w.tag != "x")

    def rank(self, i: int) -> int | None:
        """The rank of a break before word ``i`` (None: no break may fall there)."""
        text, ws = self.text, self.words
        p = ws[i].start
        prev, word = ws[i - 1], ws[i]
        if prev.text.isspace() or word.text.isspace():
            return None
        if any(a < p < b for a, b in self.kept):
            return None
        if text[p] in NO_LINE_START or text[p - 1] in NO_LINE_END:
            return None  # 避头尾
        if word.text in KINDS and word.end == len(text):
            return None  # the 文种 stays with its 的 (or with 指导, 实施…)
        if (prev.text == "关于" or prev.text in _CONJUNCTIONS or prev.text in _SCOPES
                or self._is_adverb(i - 1)):
            return None
        if word.text == "的" and p != self.closing:
            return None
        if p == self.issuer or (word.text == "关于" and _is_organ_word(prev.text)):
            rank = _R_ISSUER
        elif prev.text in _BOOK_VERBS and (word.text == "《" or _is_organ_word(word.text)):
            rank = _R_OBJECT
        elif word.text == "等" or (word.text in _CONJUNCTIONS and self._phrase_boundary(i)):
            rank = _R_ETC  # before 等, or before 和 joining two phrases
        elif p == self.closing:
            rank = _R_KIND if p - self.subject >= _LONG_PHRASE else _R_NOUN
        elif self._phrase_boundary(i):
            rank = _R_PHRASE
        elif prev.text in _HEADS:
            rank = _R_HEAD
        else:
            rank = _R_NOUN
        lone = any(len(w.text) == 1 and _is_ideograph(w.text) for w in (prev, word))
        if lone and rank >= _R_NOUN:
            rank = _R_BAD
        return rank

    def _phrase_boundary(self, i: int) -> bool:
        prev, word = self.words[i - 1], self.words[i]
        p = word.start
        if (i - 1 in self.verbs and i not in self.verbs and word.text not in ("的", "等")
                and word.text not in _CONJUNCTIONS):
            return True  # a verb | its object (not inside 同意建立, 加快推进)
        if (i in self.verbs or self._is_adverb(i)) and (self._nominal(i - 1) or prev.tag == "x"):
            return True  # an object | the next verb
        if word.text in _CONJUNCTIONS and i + 1 < len(self.words):
            return not (i - 1 in self.verbs and i + 1 in self.verbs)  # not inside 加强和改进
        if prev.text in ("、", "的") and p > self.subject:
            return True
        if prev.text == "》" and self._nominal(i):
            return True  # a cited document | what about it (《政府工作报告》重点工作)
        if word.text in ("（", "《", "“") and self._nominal(i - 1) and len(prev.text) > 1:
            close = self.text.find(_PAIRS[word.text], p)
            return close - p > 5  # before a long aside: （2021—2035年）, not 村（社区）
        if word.tag == "b" and self._nominal(i - 1) and not self._in_organ(p):
            return True  # a new modifier (节约型, 部际, 省级) starts another noun phrase
        at_number = any(p in (a, b) for a, b in self.numbers)
        return at_number and self._nominal(i) and (self._nominal(i - 1) or prev.tag == "x"
                                                    or i - 1 in self.verbs)

    def gaps(self) -> list[_Gap]:
        gaps = []
        for i in range(1, len(self.words)):
            p = self.words[i].start
            if p in self.between_issuers:
                gaps.append(self.between_issuers[p])
                continue
            rank = self.rank(i)
            if rank is not None:
                gaps.append(_Gap(p, p, rank))
        return gaps


# -- Breaking --------------------------------------------------------------------------

def _kept_spans(text: str, spans: list[tuple[int, int]], max_cells: float) -> list[tuple[int, int]]:
    """The protected spans that can be kept whole: overlapping spans join into one
    chunk, and while a chunk is wider than a line its widest span is given up."""
    kept = sorted(spans)
    while True:
        chunks: list[list[tuple[int, int]]] = []
        for span in kept:
            if chunks and span[0] < max(b for _, b in chunks[-1]):
                chunks[-1].append(span)
            else:
                chunks.append([span])
        too_wide = [c for c in chunks
                    if title_width(text[min(a for a, _ in c):max(b for _, b in c)]) > max_cells]
        if not too_wide:
            return kept
        for chunk in too_wide:
            kept.remove(max(chunk, key=lambda s: (s[1] - s[0], s)))


def _layouts(text: str, measure: _Widths, gaps: list[_Gap], max_cells: float, min_chars: int,
             max_lines: int) -> Iterator[list[_Gap]]:
    """Every choice of gaps whose lines fit, hold ``min_chars`` or more, and number at most ``max_lines``."""
    n = len(text)

    def walk(start: int, chosen: list[_Gap]) -> Iterator[list[_Gap]]:
        if measure.width(start, n) <= max_cells and measure.chars(start, n) >= min_chars:
            yield chosen
        if len(chosen) + 1 >= max_lines:
            return
        for g in gaps:
            if g.end <= start:
                continue
            if measure.width(start, g.end) > max_cells:
                break
            if measure.chars(start, g.end) >= min_chars and n - g.start >= min_chars:
                yield from walk(g.start, chosen + [g])

    yield from walk(0, [])


def _lines(text: str, layout: list[_Gap]) -> list[str]:
    out, start = [], 0
    for g in layout:
        out.append(text[start:g.end])
        start = g.start
    out.append(text[start:])
    return out


def _follows(widths: list[float], shape: TitleShape) -> bool:
    pairs = list(zip(widths, widths[1:]))
    if shape is TitleShape.DESCENDING:
        return all(a >= b for a, b in pairs)
    if shape is TitleShape.ASCENDING:
        return all(a <= b for a, b in pairs)
    if len(widths) < 3:
        return False
    top = max(range(len(widths)), key=lambda i: (widths[i], -abs(2 * i - len(widths) + 1)))
    return (0 < top < len(widths) - 1 and all(a <= b for a, b in pairs[:top])
            and all(a >= b for a, b in pairs[top:]))


def _shape_class(widths: list[float], shape: TitleShape) -> int:
    """0 when ``widths`` follow ``shape``, 1 when they follow another of 7.3.1's shapes, else 2."""
    if _follows(widths, shape):
        return 0
    return 1 if any(_follows(widths, s) for s in TitleShape) else 2


_ROOMY = spec.TITLE_CHARS_PER_LINE.value - 2


def _balance(widths: list[float], shape: TitleShape) -> float:
    mean = sum(widths) / len(widths)
    cost = sum((w - mean) ** 2 for w in widths)
    if shape is TitleShape.DIAMOND:
        cost += (widths[0] - widths[-1]) ** 2
    # Lines near the full width look crowded: prefer some air at both ends.
    return cost + sum(4.0 * (w - _ROOMY) ** 2 for w in widths if w > _ROOMY)


def break_title(
    title: str,
    *,
    shape: TitleShape = TitleShape.DESCENDING,
    max_chars: float = spec.TITLE_CHARS_PER_LINE.value,
) -> list[str]:
    """The lines of ``title``, broken by phrase into ``shape``.

    ``max_chars`` is the longest line in cells of the title's size (default: the 20
    characters of 2号 that fit the 156 mm block; an attachment title or a joint
    发文机关标志 may ask for its own). Lines the author broke with a newline are kept
    as they are; only a line too long for ``max_chars`` is broken. A break that falls
    on a space between two organ names takes the space's place. The lines joined
    (with the spaces that breaks replaced) give ``title`` back.
    """
    lines: list[str] = []
    for part in re.split(r"\r\n|\r|\n", title):
        lines.extend(_break(part, TitleShape(shape), max_chars))
    return lines


def _break(text: str, shape: TitleShape, max_cells: float) -> list[str]:
    if len(text) <= max_cells or title_width(text) <= max_cells:
        return [text]
    fewest = math.ceil(title_width(text) / max_cells)
    if fewest > _MOST_SHAPED_LINES:
        # Far longer than any title: the search over layouts grows exponentially with
        # the lines, so such a text is filled greedily (still keeping 避头尾).
        return _greedy(text, max_cells)
    wanted = max(fewest, 3) if shape is TitleShape.DIAMOND else fewest
    gaps = _Grammar(text, max_cells).gaps()
    measure = _Widths(text)
    best: tuple | None = None
    for layout in islice(_layouts(text, measure, gaps, max_cells,
                                  spec.TITLE_MIN_LINE_CHARS.value, wanted + 1), _MOST_LAYOUTS):
        # Before 关于 and between issuing organs are one tier: both part the organs.
        ranks = tuple(sorted((max(g.rank, _R_ORGANS) for g in layout), reverse=True))
        extra = abs(len(layout) + 1 - wanted)
        worst = ranks[0] if ranks else _R_ISSUER
        # One line more than needed only to avoid a bare cut inside a noun phrase, and
        # only when every break of that layout is a phrase boundary.
        grade = 2 if extra and worst > _R_PHRASE else int(worst >= _R_NOUN)
        if best is not None and (grade, extra, ranks) > best[0][:3]:
            continue  # worse in meaning: its shape does not matter
        ends = [0, *(g.start for g in layout)], [*(g.end for g in layout), len(text)]
        widths = [measure.width(a, b) for a, b in zip(*ends)]
        key = (grade, extra, ranks, _shape_class(widths, shape), _balance(widths, shape))
        if best is None or key < best[0]:
            best = (key, layout)
    if best is None:
        # No place works (a run of Latin text, a single very long word): fill lines
        # greedily, still keeping the 避头尾 rules.
        return _greedy(text, max_cells)
    return _lines(text, best[1])


_MOST_SHAPED_LINES = 4
"""Titles needing more lines than this are filled greedily, not shaped."""
_MOST_LAYOUTS = 20_000
"""The most layouts weighed: a bound on time, far above real titles' counts."""


@lru_cache(maxsize=8192)
def _kind(ch: str) -> int:
    """2 for a digit or Latin letter, 1 for a Chinese character, 0 for anything else."""
    return 2 if _ALNUM.match(ch) else 1 if _is_ideograph(ch) else 0


def _greedy(text: str, max_cells: float) -> list[str]:
    """Lines filled as far as they fit, moved back for 避头尾: one pass over ``text``."""
    n = len(text)
    lines, start = [], 0
    while start < n:
        end, width, before = start + 1, advance_em(text[start]), _kind(text[start])
        while end < n:
            kind = _kind(text[end])
            step = advance_em(text[end]) + (0.2 if kind and before and kind != before else 0.0)
            if width + step > max_cells:
                break
            width, before, end = width + step, kind, end + 1
        if end < n:
            back = end
            while back - 1 > start and (text[back] in NO_LINE_START
                                        or text[back - 1] in NO_LINE_END):
                back -= 1
            end = back if back - 1 > start else end
        lines.append(text[start:end])
        start = end
    least = spec.TITLE_MIN_LINE_CHARS.value
    if len(lines) > 1 and len(lines[-1]) < least and len(lines[-2]) > 2 * least:
        # No line of one or two characters: the last takes some from the one before.
        cut = len(lines[-2]) - (least - len(lines[-1]))
        while cut > least and (lines[-2][cut] in NO_LINE_START
                               or lines[-2][cut - 1] in NO_LINE_END):
            cut -= 1
        lines[-2:] = [lines[-2][:cut], lines[-2][cut:] + lines[-1]]
    return lines

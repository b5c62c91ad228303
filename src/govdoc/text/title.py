"""Breaking a long title into balanced lines (GB/T 9704-2012 7.3.1).

A title longer than one line "回行时，要做到词意完整，排列对称，长短适宜，间距恰当，
标题排列应当使用梯形或菱形". :func:`break_title` does that:

- **Where it may break.** Only between words, as the Chinese word segmenter jieba
  finds them (with a few 公文 words it lacks added), and never inside a protected
  span: an issuing organ's name (``国务院办公厅``, ``安吉县人民政府``, ``国家卫生健康委办公厅``),
  关于 and the word after it, a bracketed span (``《…》``, ``“…”``, ``（…）``), a number
  with its unit (``2024年``, ``1500万元``, ``第一批``), and the 文种 at the end with the
  word before it (``问题的通知``, ``指导意见``).
- **Where it prefers to break.** After the issuing organs (before 关于), then between
  joint issuers, then anywhere between words; it avoids a break next to a
  one-character word (``的``, ``和``, ``等``…).
- **Shape.** The lines form a trapezoid, longest first (:attr:`TitleShape.DESCENDING`,
  the default) or longest last (:attr:`TitleShape.ASCENDING`), or a diamond of three or
  more lines, longest in the middle (:attr:`TitleShape.DIAMOND`); within the shape the
  lengths are as even as the word boundaries allow.
- **Never.** A line of one or two characters, a line starting with a closing mark
  (，。、）》” …) or ending with an opening one (（《“ …).

Widths are counted in cells of the title's size: a Chinese character is one cell, a
digit half a cell (Times New Roman's advance), and each change between Chinese text
and digits or Latin letters counts the 0.2 em gap LibreOffice puts there, so a line
that fits here fits in Word, WPS and LibreOffice.

Guides disagree on which trapezoid 7.3.1 means (上长下短 or 上短下长; see
``docs/GBT9704.md``), so the shapes are named by what they do rather than
正梯形/倒梯形, which different guides use the other way round.
"""

from __future__ import annotations

import logging
import math
from functools import lru_cache
from itertools import islice
import re
import threading
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Iterator

from govdoc import spec
from govdoc.text.kinsoku import NO_LINE_END, NO_LINE_START
from govdoc.text.metrics import advance_em, is_wide

if TYPE_CHECKING:
    import jieba

__all__ = ["TitleShape", "break_title", "protected_spans", "title_width", "words"]


class TitleShape(str, Enum):
    """How the lines of a multi-line title are arranged (7.3.1: 梯形 or 菱形)."""

    DESCENDING = "上长下短"
    """Trapezoid, each line no longer than the one above (the default)."""
    ASCENDING = "上短下长"
    """Trapezoid, each line no shorter than the one above."""
    DIAMOND = "菱形"
    """Diamond: three or more lines, longest in the middle, shorter above and below."""


# -- The segmenter ---------------------------------------------------------------------

# Words of 公文 titles that jieba's dictionary lacks or splits wrongly.
_EXTRA_WORDS = (
    "发展改革委", "国家发展改革委", "卫生健康委", "安委会", "管委会", "补短板", "上水平",
    "碳达峰", "碳中和", "老旧小区", "放管服", "一件事", "非物质文化遗产", "国民经济和社会发展",
)

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def _segmenter() -> jieba.Tokenizer:
    """govdoc's own jieba tokenizer, built on first use (jieba loads in about 0.5 s)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba

            # jieba logs its dictionary loading to stderr; keep it quiet.
            logging.getLogger("jieba").setLevel(logging.WARNING)
            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.initialize()
            for word in _EXTRA_WORDS:
                tok.add_word(word)
            _tokenizer = tok
        return _tokenizer


def words(text: str) -> list[str]:
    """``text`` cut into words by govdoc's segmenter; the words join back to ``text``."""
    return list(_segmenter().cut(text, HMM=True))


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


def _chars(text: str) -> int:
    return len(text.replace(" ", ""))


# -- Protected spans -------------------------------------------------------------------

_PAIRS = {"《": "》", "“": "”", "‘": "’", "（": "）", "〔": "〕", "【": "】", "「": "」", "(": ")"}
_NUMBER = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
_CN_NUMBER = r"[一二三四五六七八九十百千零〇两]+"
_UNIT = (
    r"(?:年度|周年|年|季度|个月|月|日|号|届|批|期|次|项|件|个|条|款|家|所|座|户|人|名|"
    r"万亿元|亿元|万元|千元|元|万|亿|%|％|公里|千米|米|吨|亩|公顷|平方米|立方米|小时|天)"
)
_NUMBER_SPAN = re.compile(
    rf"(?:第?{_NUMBER}{_UNIT}?|第{_CN_NUMBER}{_UNIT}?|{_CN_NUMBER}{_UNIT})"
    rf"(?:[—–\-~～至到]?(?:{_NUMBER}{_UNIT}?|{_CN_NUMBER}{_UNIT}))*"
)
_KINDS = (
    "决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
    "请示", "批复", "议案", "函", "纪要",
)
# Words that end an organ's name, and words that only ever continue one.
_ORGAN_TAILS = (
    "人民政府", "政府", "办公厅", "办公室", "委员会", "委会", "党委", "党组", "县委", "市委",
    "省委", "区委", "总局", "局", "部门", "部", "厅", "署", "院", "委", "办", "中心",
)
_SUBORDINATE = frozenset(
    ("人民政府", "政府", "办公厅", "办公室", "委员会", "常委会", "党委", "党组", "党工委",
     "管委会", "县委", "市委", "省委", "区委")
)
_ISSUER_END = re.compile(r"关于|转发|印发|批转|颁发|颁布|公布|发布")
_CONNECTORS = frozenset(("等", "和", "与", "及", "、", " "))


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
    penalty: float  # 0 for the best place (after the issuing organs), more for worse


# What a break costs: after the issuing organs nothing, between joint issuers a
# little, between two words more; much more next to a one-character word (的, 和,
# 等, 奖…) or inside a span too long to keep on one line.
_AFTER_ISSUERS, _BETWEEN_ISSUERS, _BETWEEN_WORDS = 0.0, 4.0, 8.0
_NEXT_TO_ONE_CHARACTER_WORD = 100.0
_INSIDE_TOO_LONG_SPAN = 50.0


def protected_spans(text: str, segmented: list[str] | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` character spans of ``text`` that no line break may cut.

    Organ names, 关于 with the word after it, bracketed spans, numbers with their
    units, and the 文种 at the end with the word before it.
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
    # The 文种 at the end, with the word before it (and a 的 between them).
    for kind in sorted(_KINDS, key=len, reverse=True):
        if text.endswith(kind):
            start = len(text) - len(kind)
            if text[:start].endswith("的"):
                start -= 1
            before = max((b for b in bounds if b < start), default=0)
            while before and not _is_ideograph(text[before]) and not text[before].isalnum():
                before = max((b for b in bounds if b < before), default=0)
            spans.append((before, len(text)))
            break
    return sorted(set(s for s in spans if s[1] - s[0] > 1))


def _bounds(ws: list[str]) -> list[int]:
    out = [0]
    for w in ws:
        out.append(out[-1] + len(w))
    return out


def _issuer_end(text: str, ws: list[str]) -> int:
    """Where the leading issuing organs end (0 when the title does not start with one)."""
    m = _ISSUER_END.search(text)
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
            yield _Gap(bounds[i - 1], p, _BETWEEN_ISSUERS)
        elif prev == "、" or (
            _is_organ_word(prev) and word not in _CONNECTORS and not _continues_organ(prev, word)
        ):
            yield _Gap(p, p, _BETWEEN_ISSUERS)


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


def _gaps(text: str, max_cells: float) -> list[_Gap]:
    ws = words(text)
    bounds = _bounds(ws)
    spans = protected_spans(text, ws)
    kept = _kept_spans(text, spans, max_cells)
    issuer = _issuer_end(text, ws)
    between_issuers = {g.end: g for g in _issuer_gaps(text, ws, issuer)} if issuer else {}
    gaps = []
    for i in range(1, len(ws)):
        p = bounds[i]
        prev, word = ws[i - 1], ws[i]
        if p in between_issuers:
            gaps.append(between_issuers[p])
            continue
        if prev.isspace() or word.isspace():
            continue
        if any(a < p < b for a, b in kept):
            continue
        if text[p] in NO_LINE_START or text[p - 1] in NO_LINE_END or word in _KINDS:
            continue  # 避头尾, and a 文种 (指导|意见) stays with the word before it
        penalty = _AFTER_ISSUERS if issuer and p == issuer else _BETWEEN_WORDS
        if any(a < p < b for a, b in spans):
            penalty += _INSIDE_TOO_LONG_SPAN
        if any(len(w) == 1 and _is_ideograph(w) for w in (prev, word)):
            penalty += _NEXT_TO_ONE_CHARACTER_WORD
        gaps.append(_Gap(p, p, penalty))
    return gaps


def _layouts(text: str, gaps: list[_Gap], max_cells: float, min_chars: int,
             max_lines: int) -> Iterator[list[_Gap]]:
    """Every choice of gaps whose lines fit, hold ``min_chars`` or more, and number at most ``max_lines``."""
    n = len(text)

    def walk(start: int, chosen: list[_Gap]) -> Iterator[list[_Gap]]:
        rest = text[start:]
        if title_width(rest) <= max_cells and _chars(rest) >= min_chars:
            yield chosen
        if len(chosen) + 1 >= max_lines:
            return
        for g in gaps:
            if g.end <= start:
                continue
            line = text[start:g.end]
            if title_width(line) > max_cells:
                break
            if _chars(line) >= min_chars and n - g.start >= min_chars:
                yield from walk(g.start, chosen + [g])

    yield from walk(0, [])


def _lines(text: str, layout: list[_Gap]) -> list[str]:
    out, start = [], 0
    for g in layout:
        out.append(text[start:g.end])
        start = g.start
    out.append(text[start:])
    return out


def _shape_error(widths: list[float], shape: TitleShape) -> float:
    """How far ``widths`` are from ``shape`` (0 when they follow it)."""
    pairs = list(zip(widths, widths[1:]))
    if shape is TitleShape.DESCENDING:
        return sum(max(0.0, b - a) for a, b in pairs)
    if shape is TitleShape.ASCENDING:
        return sum(max(0.0, a - b) for a, b in pairs)
    if len(widths) < 3:
        return math.inf
    top = max(range(len(widths)), key=lambda i: (widths[i], -abs(2 * i - len(widths) + 1)))
    error = sum(max(0.0, a - b) for a, b in pairs[:top])
    error += sum(max(0.0, b - a) for a, b in pairs[top:])
    if top in (0, len(widths) - 1) or widths[0] >= widths[top] or widths[-1] >= widths[top]:
        error += 1.0
    return error


_ROOMY = spec.TITLE_CHARS_PER_LINE.value - 2


def _cost(widths: list[float], layout: list[_Gap], shape: TitleShape, extra_lines: int) -> float:
    mean = sum(widths) / len(widths)
    cost = sum((w - mean) ** 2 for w in widths)
    if shape is TitleShape.DIAMOND:
        cost += (widths[0] - widths[-1]) ** 2
    cost += sum(g.penalty for g in layout)
    # Lines near the full width look crowded: prefer some air at both ends.
    cost += sum(4.0 * (w - _ROOMY) ** 2 for w in widths if w > _ROOMY)
    return cost + 30.0 * extra_lines


def break_title(
    title: str,
    *,
    shape: TitleShape = TitleShape.DESCENDING,
    max_chars: float = spec.TITLE_CHARS_PER_LINE.value,
) -> list[str]:
    """The lines of ``title``, broken on word boundaries into ``shape``.

    ``max_chars`` is the longest line in cells of the title's size (default: the 20
    characters of 2号 that fit the 156 mm block). Lines the author broke with a
    newline are kept as they are; only a line too long for ``max_chars`` is broken.
    A break that falls on a space between two organ names takes the space's place.
    The lines joined (with the spaces that breaks replaced) give ``title`` back.
    """
    lines: list[str] = []
    for part in re.split(r"\r\n|\r|\n", title):
        lines.extend(_break(part, TitleShape(shape), max_chars))
    return lines


# When a shape cannot be met on word boundaries, the next one to try.
_FALLBACK = {
    TitleShape.DESCENDING: (TitleShape.DESCENDING, TitleShape.ASCENDING),
    TitleShape.ASCENDING: (TitleShape.ASCENDING, TitleShape.DESCENDING),
    TitleShape.DIAMOND: (TitleShape.DIAMOND, TitleShape.DESCENDING, TitleShape.ASCENDING),
}


def _break(text: str, shape: TitleShape, max_cells: float) -> list[str]:
    if title_width(text) <= max_cells:
        return [text]
    min_chars = spec.TITLE_MIN_LINE_CHARS.value
    fewest = math.ceil(title_width(text) / max_cells)
    if fewest > _MOST_SHAPED_LINES:
        # Far longer than any title: the search over layouts grows exponentially with
        # the lines, so such a text is filled greedily (still keeping 避头尾).
        return _greedy(text, max_cells)
    gaps = _gaps(text, max_cells)
    # The best layout for each shape: (shape error, cost, layout).
    bests: list[tuple[float, float, list[_Gap]]] = []
    for attempt in _FALLBACK[shape]:
        wanted = max(fewest, 3) if attempt is TitleShape.DIAMOND else fewest
        best: tuple[float, float, list[_Gap]] | None = None
        for layout in islice(_layouts(text, gaps, max_cells, min_chars, wanted + 1),
                             _MOST_LAYOUTS):
            widths = [title_width(line) for line in _lines(text, layout)]
            error = _shape_error(widths, attempt) + 100.0 * max(0, wanted - len(widths))
            cost = _cost(widths, layout, attempt, max(0, len(widths) - wanted))
            if best is None or (error, cost) < best[:2]:
                best = (error, cost, layout)
        if best is None:
            continue
        if best[0] == 0 and all(g.penalty < _NEXT_TO_ONE_CHARACTER_WORD for g in best[2]):
            return _lines(text, best[2])  # the shape asked for (or the next), cleanly broken
        bests.append(best)
    if not bests:
        # No word boundary works (a run of Latin text, a single very long word):
        # fill lines greedily, still keeping the 避头尾 rules.
        return _greedy(text, max_cells)
    return _lines(text, min(bests, key=lambda b: (b[0] > 0, b[1]))[2])


_MOST_SHAPED_LINES = 4
"""Titles needing more lines than this are filled greedily, not shaped."""
_MOST_LAYOUTS = 3_000
"""The most layouts weighed for one shape: a bound on time, far above real titles' counts."""


def _greedy(text: str, max_cells: float) -> list[str]:
    lines, start = [], 0
    while title_width(text[start:]) > max_cells:
        end = start + 1
        while title_width(text[start:end + 1]) <= max_cells:
            end += 1
        while end - 1 > start and (text[end] in NO_LINE_START or text[end - 1] in NO_LINE_END):
            end -= 1
        lines.append(text[start:end])
        start = end
    lines.append(text[start:])
    return lines

"""Predicting where a paragraph's lines end on the 28-character grid.

On the strict grid (3号 text, −0.25 pt character spacing, 156 mm lines) a line's
content follows from the characters' advances alone, so line ends can be predicted
without a renderer. :func:`break_lines` fills each line greedily, the way Word and
LibreOffice do, and keeps the 避头尾 rules: a line that would start with a closing
mark (，。、）》” …) pulls the character before it down with it, and an opening
mark (（《“ …) never ends a line.

Word and LibreOffice 7.4 differ in two measured ways, so each has an
:class:`Engine`:

- LibreOffice puts a gap of 0.2 em between a Chinese character and a digit or
  Latin letter whatever ``w:autoSpaceDE`` says, and drops the character spacing of
  the last character before any change between Chinese and Western text; Word
  (``autoSpaceDE="0"``) does neither.
- Their 避头尾 lists differ a little (:mod:`govdoc.text.kinsoku`).

Neither hangs punctuation past the margin here: Word because the documents forbid
it, LibreOffice because :mod:`govdoc.convert` hands it the setting the way it reads
it. The LibreOffice model is checked against LibreOffice's PDFs in the tests; the
Word model follows Word's documented settings and has not been checked against Word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from govdoc import spec
from govdoc.text.kinsoku import (
    LIBREOFFICE_NO_LINE_END,
    LIBREOFFICE_NO_LINE_START,
    WORD_NO_LINE_END,
    WORD_NO_LINE_START,
)
from govdoc.text.metrics import advance_em, is_wide

__all__ = ["Engine", "LIBREOFFICE", "WORD", "break_lines", "same_in_every_engine"]

# Characters that take the script of the text before them (Unicode "weak"/neutral).
_WEAK = frozenset("“”‘’—…· ")
_EPSILON_PT = 0.005
# Characters that always take one full cell and never change the script: a text made of
# them alone breaks by counting (the fast path of break_lines).
_WIDE_CLASS = "\u3001-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e“”‘’…—"
_ALL_WIDE = re.compile(f"[{_WIDE_CLASS}]*")
# Runs of the other characters: only they, and the weak marks right after them, can
# have an advance or a script of their own.
_OTHERS = re.compile(f"[^{_WIDE_CLASS}]+")


@dataclass(frozen=True)
class Engine:
    """How one program lays out a line of mixed Chinese and Latin text."""

    name: str
    no_line_start: frozenset[str]
    no_line_end: frozenset[str]
    autospace_em: float
    """Gap between a Chinese character and a digit or Latin letter, in em."""
    spacing_before_script_change: bool
    """Whether the last character before a change of script keeps its spacing."""


WORD = Engine("Word", WORD_NO_LINE_START, WORD_NO_LINE_END, 0.0, True)
LIBREOFFICE = Engine(
    "LibreOffice", LIBREOFFICE_NO_LINE_START, LIBREOFFICE_NO_LINE_END, 0.2, False
)


def _is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def advances(text: str, *, size: float = spec.BODY_SIZE.value,
             spacing: float = spec.CHAR_SQUEEZE.value, engine: Engine = WORD) -> list[float]:
    """The advance of each character of ``text`` in points, as ``engine`` sets it.

    Every character takes a full cell except those of other widths; the spacing and
    the gap that ``engine`` sets where East Asian and Western text meet apply at the
    changes of script. A weak mark (quotes, dashes, spaces) takes the script of the
    character before it, or at the start, of the first strong character.
    """
    n = len(text)
    out = [size + spacing] * n
    runs = [m.span() for m in _OTHERS.finditer(text)]
    if not runs:
        return out  # East Asian text only: no change of script
    if engine.spacing_before_script_change and not engine.autospace_em:
        for start, end in runs:  # changes of script change nothing: only the widths
            out[start:end] = [advance_em(ch) * size + spacing for ch in text[start:end]]
        return out
    asian = [True] * n
    lead = 0
    while lead < n and text[lead] in _WEAK:
        lead += 1
    if lead:
        first = is_wide(text[lead]) if lead < n else True
        asian[:lead] = [first] * lead
    windows = []
    for start, end in runs:
        for i in range(start, end):
            ch = text[i]
            out[i] = advance_em(ch) * size + spacing
            if i >= lead:
                asian[i] = asian[i - 1] if ch in _WEAK else is_wide(ch)
        while end < n and text[end] in _WEAK:  # weak marks after the run follow its script
            if end >= lead:
                asian[end] = asian[end - 1]
            end += 1
        windows.append((max(0, start - 1), min(n - 1, end)))
    done = 0
    for start, end in windows:
        for i in range(max(start, done), end):
            if asian[i] == asian[i + 1]:
                continue
            if not engine.spacing_before_script_change:
                out[i] -= spacing
            if engine.autospace_em:
                ch, nxt = text[i], text[i + 1]
                if (_is_ideograph(ch) and nxt.isascii() and nxt.isalnum()) or (
                    ch.isascii() and ch.isalnum() and _is_ideograph(nxt)
                ):
                    out[i] += engine.autospace_em * size
        done = max(done, end)
    return out


# Characters that one engine may not start (or end) a line with and the other may.
_KINSOKU_DIFFERENCES = re.compile("[" + re.escape("".join(sorted(
    (WORD_NO_LINE_START ^ LIBREOFFICE_NO_LINE_START) | (WORD_NO_LINE_END ^ LIBREOFFICE_NO_LINE_END)
))) + "]")


def same_in_every_engine(text: str) -> bool:
    """True when Word and LibreOffice provably set ``text`` in the same lines: it is
    East Asian text only (one advance, no change of script) and holds none of the marks
    on which their 避头尾 lists differ."""
    return _ALL_WIDE.fullmatch(text) is not None and _KINSOKU_DIFFERENCES.search(text) is None


def _can_break(text: str, i: int, engine: Engine) -> bool:
    """True when a line may end before ``text[i]``."""
    a, b = text[i - 1], text[i]
    if b in engine.no_line_start or a in engine.no_line_end:
        return False
    # No break inside a run of Latin letters, digits and their marks ("2023", "12.5%").
    return not (not is_wide(a) and not is_wide(b) and not a.isspace() and not b.isspace())


def break_lines(
    text: str,
    *,
    width_pt: float = spec.BLOCK_WIDTH_PT,
    first_indent_pt: float = spec.FIRST_LINE_INDENT.value * spec.BODY_SIZE.value,
    size: float = spec.BODY_SIZE.value,
    spacing: float = spec.CHAR_SQUEEZE.value,
    engine: Engine = WORD,
) -> list[str]:
    """The lines ``engine`` sets ``text`` in: ``width_pt`` wide, the first indented.

    ``size`` and ``spacing`` are the font size and character spacing in points
    (default: 3号 with the grid's −0.25 pt).
    """
    n = len(text)
    uniform = _ALL_WIDE.fullmatch(text) is not None  # Chinese text only: one advance
    # reach[i]: the advance of text[:i]
    reach = [] if uniform else [0.0, *accumulate(
        advances(text, size=size, spacing=spacing, engine=engine))]
    cell = size + spacing
    no_start, no_end = engine.no_line_start, engine.no_line_end
    lines: list[str] = []
    start, room = 0, width_pt - first_indent_pt
    while start < n:
        if uniform:
            fits = int((room + _EPSILON_PT) // cell)
            end = start + fits if fits > 0 else start
        else:  # the most characters whose advances add up to no more than the room
            end = bisect_right(reach, reach[start] + room + _EPSILON_PT) - 1
        if end < n:
            if end <= start:
                end = start + 1  # a line holds at least one character
            elif end > start + 1 and not (  # _can_break(text, end, engine), inline
                    text[end] not in no_start and text[end - 1] not in no_end
                    and (is_wide(text[end]) or is_wide(text[end - 1])
                         or text[end].isspace() or text[end - 1].isspace())):
                brk = end - 1
                while brk > start + 1 and not _can_break(text, brk, engine):
                    brk -= 1
                if brk > start + 1 or _can_break(text, brk, engine):
                    end = brk
        lines.append(text[start:end])
        start, room = end, width_pt
    return lines

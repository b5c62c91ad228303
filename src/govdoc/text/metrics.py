"""The character-cell model: how wide a string is on the 28-character grid.

A CJK character or full-width mark takes one cell (the 3号 size with the grid's
character squeeze); a half-width character (digit, Latin letter, ASCII punctuation)
takes its Times New Roman advance (digits are exactly ½ em) plus the same squeeze.
"""

from __future__ import annotations

import unicodedata

from govdoc import spec


# Advance widths of printable ASCII in Times New Roman (and the metric-compatible
# Liberation Serif), in thousandths of an em, from U+0020 to U+007E.
_TIMES = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
]


def advance_em(ch: str) -> float:
    """The advance of ``ch`` in em: 1 for wide characters, Times New Roman otherwise."""
    if is_wide(ch):
        return 1.0
    o = ord(ch)
    if 0x20 <= o <= 0x7E:
        return _TIMES[o - 0x20] / 1000
    return spec.LATIN_ADVANCE_EM


def is_wide(ch: str) -> bool:
    """True when ``ch`` takes a full cell (East Asian Wide or Full-width)."""
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in "“”‘’—…·"


def text_width_pt(text: str, size: float = spec.BODY_SIZE.value,
                  squeeze: float = spec.CHAR_SQUEEZE.value) -> float:
    """Advance width of ``text`` set in ``size`` points with ``squeeze`` per character."""
    return sum(advance_em(ch) for ch in text) * size + squeeze * len(text)


def text_width_twips(text: str) -> int:
    """Advance width of body-size ``text`` in twips."""
    return round(text_width_pt(text) * spec.TWIPS_PER_PT)

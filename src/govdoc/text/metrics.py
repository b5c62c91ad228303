"""The character-cell model: how wide a string is on the 28-character grid.

A CJK character or full-width mark takes one cell (the 3号 size with the grid's
character squeeze); a half-width character (digit, Latin letter, ASCII punctuation)
takes half the size (Times New Roman digits are exactly ½ em) plus the same squeeze.
"""

from __future__ import annotations

import unicodedata

from govdoc import spec


def is_wide(ch: str) -> bool:
    """True when ``ch`` takes a full cell (East Asian Wide or Full-width)."""
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in "“”‘’—…·"


def text_width_pt(text: str, size: float = spec.BODY_SIZE.value,
                  squeeze: float = spec.CHAR_SQUEEZE.value) -> float:
    """Advance width of ``text`` set in ``size`` points with ``squeeze`` per character."""
    width = 0.0
    for ch in text:
        width += (size if is_wide(ch) else size * spec.LATIN_ADVANCE_EM) + squeeze
    return width


def text_width_twips(text: str) -> int:
    """Advance width of body-size ``text`` in twips."""
    return round(text_width_pt(text) * spec.TWIPS_PER_PT)

"""The character-cell model: how wide a string is on the 28-character grid.

A CJK character or full-width mark takes one cell (the 3号 size with the grid's
character squeeze). A half-width character takes its Times New Roman advance (digits
are exactly ½ em) plus the same squeeze. The advances are Times New Roman's own,
which its metric-compatible substitute Liberation Serif shares, so the model holds
for Word and for LibreOffice alike.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from govdoc import spec

# Times New Roman advance widths of printable ASCII (U+0020–U+007E), in 1/2048 em.
_TNR_UNITS_PER_EM = 2048
_TNR_ASCII = (
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909,
    1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479,
    1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024,
    682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024,
    1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
)


@lru_cache(maxsize=8192)
def is_wide(ch: str) -> bool:
    """True when ``ch`` takes a full cell (East Asian Wide or Full-width)."""
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in "“”‘’—…·"


@lru_cache(maxsize=8192)
def advance_em(ch: str) -> float:
    """The advance of ``ch`` in em, before character spacing.

    One em for a wide character, Times New Roman's advance for printable ASCII, and
    :data:`~govdoc.spec.LATIN_ADVANCE_EM` for any other narrow character.
    """
    if is_wide(ch):
        return 1.0
    code = ord(ch)
    if 0x20 <= code <= 0x7E:
        return _TNR_ASCII[code - 0x20] / _TNR_UNITS_PER_EM
    return spec.LATIN_ADVANCE_EM


def text_width_pt(text: str, size: float = spec.BODY_SIZE.value,
                  squeeze: float = spec.CHAR_SQUEEZE.value) -> float:
    """Advance width of ``text`` set in ``size`` points with ``squeeze`` per character."""
    return sum(advance_em(ch) * size + squeeze for ch in text)


def text_width_twips(text: str) -> int:
    """Advance width of body-size ``text`` in twips."""
    return round(text_width_pt(text) * spec.TWIPS_PER_PT)

"""Normalising ASCII punctuation next to Chinese text to its full-width form.

This is the one change govdoc makes to a user's words, and it can be switched off.
The marks ``, ; : ? ! ( )`` become ``， ； ： ？ ！ （ ）`` when they touch a Chinese
character (CJK ideograph or full-width punctuation) on either side. A pair of
parentheses is converted as a pair when either of its marks touches Chinese text, so
``(一)`` and ``(2023年)`` become ``（一）`` and ``（2023年）``. Everything else is left
alone: ``2.5亿元``, ``10:30``, ``a, b`` and ``f(x)`` do not change.
"""

from __future__ import annotations

_SIMPLE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PARENS = {"(": "（", ")": "）"}


def is_chinese(ch: str) -> bool:
    """True for CJK ideographs, CJK punctuation and full-width forms."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF  # CJK Unified Ideographs
        or 0x3400 <= o <= 0x4DBF  # Extension A
        or 0x20000 <= o <= 0x3134F  # Extensions B–G
        or 0xF900 <= o <= 0xFAFF  # Compatibility Ideographs
        or 0x3000 <= o <= 0x303F  # CJK Symbols and Punctuation
        or 0xFF01 <= o <= 0xFF5E  # Full-width forms
        or o in (0x201C, 0x201D, 0x2018, 0x2019, 0x2014, 0x2026, 0x00B7)
    )


def _touches_chinese(text: str, i: int) -> bool:
    return (i > 0 and is_chinese(text[i - 1])) or (i + 1 < len(text) and is_chinese(text[i + 1]))


def normalize_punctuation(text: str) -> str:
    """``text`` with ASCII ``, ; : ? ! ( )`` next to Chinese made full-width."""
    if not any(c in text for c in ",;:?!()"):
        return text
    chars = list(text)
    # Pair parentheses first, so that a pair is converted together.
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, c in enumerate(chars):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            pairs.append((stack.pop(), i))
    paired = set()
    for a, b in pairs:
        paired.update((a, b))
        if _touches_chinese(text, a) or _touches_chinese(text, b):
            chars[a], chars[b] = _PARENS["("], _PARENS[")"]
    for i, c in enumerate(text):
        if c in _SIMPLE and _touches_chinese(text, i):
            chars[i] = _SIMPLE[c]
        elif c in _PARENS and i not in paired and _touches_chinese(text, i):
            chars[i] = _PARENS[c]
    return "".join(chars)

"""Normalising ASCII punctuation next to Chinese text to its full-width form.

This is the one change govdoc makes to a user's words, and it can be switched off.
The marks ``, ; : ? ! ( )`` become ``， ； ： ？ ！ （ ）`` when they touch a Chinese
character (CJK ideograph or full-width punctuation) on either side. A pair of
parentheses is converted as a pair when either of its marks touches Chinese text, so
``(一)`` and ``(2023年)`` become ``（一）`` and ``（2023年）``. Everything else is left
alone: ``2.5亿元``, ``10:30``, ``a, b`` and ``f(x)`` do not change.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SIMPLE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PARENS = {"(": "（", ")": "）"}
_MARKS = re.compile(r"[,;:?!()]")
# What is_chinese() accepts, as a character class; and a simple mark touching none.
_CHINESE = ("\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0003134f\uf900-\ufaff\u3000-\u303f"
            "\uff01-\uff5e\u201c\u201d\u2018\u2019\u2014\u2026\u00b7")
_LONE_MARK = re.compile(f"(?<![{_CHINESE}])[,;:?!](?![{_CHINESE}])")


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
    """``text`` with ASCII ``, ; : ? ! ( )`` next to Chinese made full-width.

    A mark next to one that became full-width is judged again, so a run such as
    ``中:,`` converts whole and normalising twice changes nothing more.
    """
    if "(" in text or ")" in text:
        step = _normalize_once
    elif _LONE_MARK.search(text) is None:  # every mark touches Chinese: all convert at once
        for mark, wide in _SIMPLE.items():
            text = text.replace(mark, wide)
        return text
    else:
        step = _normalize_simple
    while True:
        out = step(text)
        if out == text or _MARKS.search(out) is None:
            return out
        text = out


_chinese = lru_cache(maxsize=8192)(is_chinese)


def _normalize_simple(text: str) -> str:
    """One pass of :func:`_normalize_once` over a text without parentheses."""
    chars = None
    last = len(text) - 1
    for m in _MARKS.finditer(text):
        i = m.start()
        if (i > 0 and _chinese(text[i - 1])) or (i < last and _chinese(text[i + 1])):
            if chars is None:
                chars = list(text)
            chars[i] = _SIMPLE[text[i]]
    return text if chars is None else "".join(chars)


def _normalize_once(text: str) -> str:
    positions = [m.start() for m in _MARKS.finditer(text)]
    if not positions:
        return text
    chars = list(text)
    # Pair parentheses first, so that a pair is converted together.
    stack: list[int] = []
    paired: set[int] = set()
    for i in positions:
        if text[i] == "(":
            stack.append(i)
        elif text[i] == ")" and stack:
            a = stack.pop()
            paired.update((a, i))
            if _touches_chinese(text, a) or _touches_chinese(text, i):
                chars[a], chars[i] = _PARENS["("], _PARENS[")"]
    for i in positions:
        c = text[i]
        if c in _SIMPLE:
            if _touches_chinese(text, i):
                chars[i] = _SIMPLE[c]
        elif i not in paired and _touches_chinese(text, i):
            chars[i] = _PARENS[c]
    return "".join(chars)

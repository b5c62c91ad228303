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
_WIDE = str.maketrans({**_SIMPLE, "(": "（", ")": "）"})
_RUN = re.compile(r"[,;:?!()]+")
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


def normalize_punctuation(text: str) -> str:
    """``text`` with ASCII ``, ; : ? ! ( )`` next to Chinese made full-width.

    A mark next to one that became full-width is judged again, so a run such as
    ``中:,`` converts whole and normalising twice changes nothing more. That
    fixed point is reached in one walk, linear in ``text``: a run of adjacent marks
    converts whole when either of its ends touches Chinese text, or when a
    parenthesis in it pairs with one in a run that converts.
    """
    if "(" not in text and ")" not in text and _LONE_MARK.search(text) is None:
        for mark, wide in _SIMPLE.items():  # every mark touches Chinese: all convert
            text = text.replace(mark, wide)
        return text
    runs = [m.span() for m in _RUN.finditer(text)]
    last = len(text)
    wide = [(a > 0 and _chinese(text[a - 1])) or (b < last and _chinese(text[b]))
            for a, b in runs]
    linked: dict[int, list[int]] = {}  # a run and the runs its parentheses pair with
    stack: list[int] = []  # the runs of the open parentheses not yet closed
    for r, (a, b) in enumerate(runs):
        for c in text[a:b]:
            if c == "(":
                stack.append(r)
            elif c == ")" and stack:
                other = stack.pop()
                if other != r:
                    linked.setdefault(r, []).append(other)
                    linked.setdefault(other, []).append(r)
    todo = [r for r in linked if wide[r]]
    while todo:
        for other in linked[todo.pop()]:
            if not wide[other]:
                wide[other] = True
                todo.append(other)
    out, done = [], 0
    for (a, b), convert in zip(runs, wide):
        if convert:
            out += (text[done:a], text[a:b].translate(_WIDE))
            done = b
    return "".join(out) + text[done:] if out else text


_chinese = lru_cache(maxsize=8192)(is_chinese)

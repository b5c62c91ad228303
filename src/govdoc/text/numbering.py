"""Chinese numerals and the heading labels 一、（一）1.（1） of GB/T 9704 7.3.3."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """The Chinese numeral for ``n`` (1 ≤ n ≤ 9999) as used in heading labels.

    >>> [chinese_numeral(i) for i in (1, 10, 11, 20, 21, 100, 105, 110)]
    ['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']
    """
    if not 1 <= n <= 9999:
        raise ValueError(f"chinese_numeral: {n} is outside 1..9999")
    if 10 <= n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += _DIGITS[digit] + unit
            zero = False
        else:
            zero = True
    return out


def heading_label(level: int, index: int) -> str:
    """The literal label of the ``index``-th (1-based) heading at ``level`` (1–4).

    Level 1 ``一、``, level 2 ``（一）``, level 3 ``1.`` (half-width full stop),
    level 4 ``（1）``, per GB/T 9704-2012 7.3.3.
    """
    if level == 1:
        return chinese_numeral(index) + "、"
    if level == 2:
        return "（" + chinese_numeral(index) + "）"
    if level == 3:
        return f"{index}."
    if level == 4:
        return f"（{index}）"
    raise ValueError(f"heading_label: level {level} is outside 1..4")

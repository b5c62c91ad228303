"""Numbers as Word's automatic list numbering writes them (OOXML ``ST_NumberFormat``).

A paragraph numbered by Word (``w:numPr``) shows a label such as "一、" or "（2）"
that its text does not hold; the importer and the checker both rebuild it, each
``%N`` of the level's ``lvlText`` replaced by the counter of level N in that level's
number format.
"""

from __future__ import annotations

from govdoc.text.numbering import chinese_numeral

__all__ = ["format_number"]

_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_IDEOGRAPH = "〇一二三四五六七八九"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def format_number(n: int, fmt: str) -> str:
    """``n`` in the number format ``fmt`` (decimal, chineseCounting, upperRoman…); formats
    govdoc does not know, and numbers a format cannot show, come out as decimal digits."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting") and 1 <= n <= 9999:
        return chinese_numeral(n)
    if fmt == "chineseLegalSimplified" and 0 <= n <= 9:
        return _LEGAL[n]
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand") and n >= 0:
        return "".join(_IDEOGRAPH[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= 10:
        return _HEAVENLY_STEMS[n - 1]
    if fmt == "decimalZero" and n >= 0:
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2") and n >= 0:
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and n >= 1:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and n >= 1:
        out, rest = "", n
        for value, digits in _ROMAN:
            while rest >= value:
                out, rest = out + digits, rest - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)

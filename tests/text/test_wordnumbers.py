"""Word's number formats: the labels its automatic numbering shows."""

import pytest

from govdoc.text.wordnumbers import format_number


@pytest.mark.parametrize("fmt, n, shown", [
    ("chineseCounting", 1, "一"), ("chineseCounting", 10, "十"), ("chineseCounting", 11, "十一"),
    ("chineseCountingThousand", 20, "二十"), ("chineseLegalSimplified", 3, "叁"),
    ("ideographDigital", 10, "一〇"), ("ideographTraditional", 2, "乙"),
    ("decimalFullWidth", 12, "１２"), ("decimalEnclosedCircle", 3, "③"),
    ("decimalZero", 3, "03"), ("upperRoman", 4, "IV"), ("upperRoman", 14, "XIV"),
    ("lowerLetter", 28, "bb"), ("decimal", 7, "7"), ("bullet", 1, ""),
])
def test_a_number_is_shown_in_its_format(fmt, n, shown):
    assert format_number(n, fmt) == shown


@pytest.mark.parametrize("fmt, n", [
    ("ideographTraditional", 11), ("decimalEnclosedCircle", 21), ("chineseLegalSimplified", 12), ("chineseCounting", 10000),
    ("someFutureFormat", 5),
])
def test_what_a_format_cannot_show_is_written_in_digits(fmt, n):
    assert format_number(n, fmt) == str(n)

from govdoc.text.numbering import chinese_numeral, heading_label
import pytest


@pytest.mark.parametrize(
    "n, expected",
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"),
     (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"),
     (1001, "一千零一"), (1010, "一千零一十")],
)
def test_chinese_numerals(n, expected):
    assert chinese_numeral(n) == expected


def test_numerals_outside_range_are_refused():
    with pytest.raises(ValueError):
        chinese_numeral(0)


def test_heading_labels_per_level():
    assert [heading_label(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]
    assert heading_label(2, 12) == "（十二）"


def test_level_two_uses_full_width_parentheses_and_level_one_the_enumeration_comma():
    assert heading_label(1, 1)[-1] == "\u3001"
    assert heading_label(2, 1)[0] == "\uff08" and heading_label(2, 1)[-1] == "\uff09"
    assert heading_label(3, 1) == "1."  # half-width full stop (下脚点)

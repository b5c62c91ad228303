import datetime

import pytest

from govdoc.text.dates import chinese_small_number, format_date, read_date


def test_dates_use_arabic_numerals_without_zero_padding():
    assert format_date(datetime.date(2024, 1, 18)) == "2024年1月18日"
    assert format_date(datetime.date(2023, 12, 5)) == "2023年12月5日"


@pytest.mark.parametrize("text, date", [
    ("2024年1月18日", datetime.date(2024, 1, 18)),
    ("2024年 1月 8日", datetime.date(2024, 1, 8)),
    ("二〇二三年十二月五日", datetime.date(2023, 12, 5)),
    ("二OO九年十二月二十八日", datetime.date(2009, 12, 28)),  # letter O for 〇
    ("二0一九年十一月八日", datetime.date(2019, 11, 8)),  # digit 0 for 〇
    ("二○二四年三月三十一日", datetime.date(2024, 3, 31)),  # U+25CB for 〇
    ("2024-01-18", datetime.date(2024, 1, 18)),
    ("2024.3.5", datetime.date(2024, 3, 5)),
    ("20240118", datetime.date(2024, 1, 18)),
])
def test_read_date_reads_arabic_and_chinese_numerals(text, date):
    reading = read_date(text)
    assert reading is not None and reading.date == date and reading.problem is None


@pytest.mark.parametrize("text, missing", [
    ("202218", "缺少月或日"),
    ("2022年1月", "缺少日"),
    ("2022年18日", "缺少月"),
    ("2022年", "缺少月和日"),
    ("2023年2月30日", "没有2023年2月30日这一天"),
])
def test_a_date_missing_a_part_says_what_is_missing(text, missing):
    reading = read_date(text)
    assert reading is not None and reading.date is None and missing in reading.problem


@pytest.mark.parametrize("text", ["关于2024年工作的报告", "2024年度", "棣棠乡人民政府", "", "12号"])
def test_text_that_is_not_a_date_is_not_read_as_one(text):
    assert read_date(text) is None


def test_a_date_without_its_ri_is_read_with_a_note():
    reading = read_date("2024年1月18")
    assert reading.date == datetime.date(2024, 1, 18) and "日" in reading.problem


def test_chinese_small_numbers():
    assert [chinese_small_number(t) for t in ("一", "十", "十一", "二十", "二十九", "三十一", "廿三")] \
        == [1, 10, 11, 20, 29, 31, 23]
    assert chinese_small_number("零") is None and chinese_small_number("一二") is None

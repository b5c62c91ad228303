import datetime

from govdoc.text.dates import format_date


def test_dates_use_arabic_numerals_without_zero_padding():
    assert format_date(datetime.date(2024, 1, 18)) == "2024年1月18日"
    assert format_date(datetime.date(2023, 12, 5)) == "2023年12月5日"

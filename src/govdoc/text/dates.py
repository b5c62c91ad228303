"""Dates as 公文 write them (7.3.5.4), and reading the dates drafts contain.

A 成文日期 is written with Arabic numerals, the full year and no zero padding
(``2024年1月18日``). Drafts also write it in Chinese numerals (``二〇二三年十二月五日``,
with ``O`` or ``0`` standing for 〇), with spaces, or as ``2024-01-18``;
:func:`read_date` reads all of these, and says what is missing when it cannot.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass


def format_date(date: datetime.date) -> str:
    """``2024年1月18日`` for 18 January 2024."""
    return f"{date.year}年{date.month}月{date.day}日"


@dataclass(frozen=True)
class DateReading:
    """What :func:`read_date` made of a date-like text.

    ``date`` is the date, or None when a part is missing or impossible; ``problem``
    says what was missing, or what was guessed (then ``date`` is set), else None.
    """

    date: datetime.date | None
    problem: str | None = None


# Digits of a year written in Chinese; drafts type O, o, 0 or ○ for 〇.
_YEAR_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_YEAR_DIGITS.update({"零": 0, "○": 0, "O": 0, "o": 0, "0": 0, "Ο": 0, "０": 0})
_SMALL = {c: i for i, c in enumerate("零一二三四五六七八九", 0)}
_CN = "〇○零OoΟ０0一二三四五六七八九十廿卅"

_YEAR = rf"(?P<y>\d{{4}}|[{_CN}]{{4}})"
_MONTH = rf"(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})"
_DAY = rf"(?P<d>\d{{1,2}}|[{_CN}]{{1,4}})"
_FULL = re.compile(rf"^{_YEAR}年(?:{_MONTH}月)?(?:{_DAY}(?P<ri>日)?)?$")
_NUMERIC = re.compile(r"^(?P<y>(?:19|20)\d{2})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})$")
_DIGIT_RUN = re.compile(r"^(?:19|20)\d{2,6}$")
_SPACES = re.compile(r"\s+")


def _year(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    digits = [_YEAR_DIGITS.get(c) for c in text]
    if any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def chinese_small_number(text: str) -> int | None:
    """The value of a Chinese numeral from 1 to 39 (``十二``, ``二十五``, ``廿一``), or None.

    >>> [chinese_small_number(t) for t in ("五", "十", "十二", "二十", "三十一", "廿五", "百")]
    [5, 10, 12, 20, 31, 25, None]
    """
    if text.isdigit():
        return int(text)
    text = text.replace("廿", "二十").replace("卅", "三十")
    m = re.fullmatch(r"([一二三]?)(十)?([一二三四五六七八九]?)", text)
    if not m or not text:
        return None
    tens, ten, ones = m.groups()
    if tens and not ten:
        return _SMALL[tens] if not ones else None
    value = (_SMALL[tens] if tens else 1) * 10 if ten else 0
    return value + (_SMALL[ones] if ones else 0) or None


def read_date(text: str) -> DateReading | None:
    """Read a date-like ``text``; None when it does not look like a date at all.

    >>> read_date("二〇二三年十二月五日").date
    datetime.date(2023, 12, 5)
    >>> read_date("2022年1月").problem
    '缺少日: the day is missing'
    >>> read_date("关于2024年工作的报告") is None
    True
    """
    compact = _SPACES.sub("", text)
    if not compact:
        return None
    m = _FULL.match(compact)
    if m:
        return _from_parts(m.group("y"), m.group("m"), m.group("d"), bool(m.group("ri")))
    m = _NUMERIC.match(compact)
    if m:
        return _checked(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if _DIGIT_RUN.match(compact):
        return _from_digits(compact)
    return None


def _from_parts(y: str, m: str | None, d: str | None, ri: bool) -> DateReading:
    year = _year(y)
    if year is None:
        return DateReading(None, f"年份“{y}”无法识别: the year cannot be read")
    if m is None:
        missing = "月和日: the month and the day are" if d is None else "月: the month is"
        return DateReading(None, f"缺少{missing} missing")
    month = chinese_small_number(m)
    if month is None:
        return DateReading(None, f"月份“{m}”无法识别: the month cannot be read")
    if d is None:
        return DateReading(None, "缺少日: the day is missing")
    day = chinese_small_number(d)
    if day is None:
        return DateReading(None, f"日“{d}”无法识别: the day cannot be read")
    reading = _checked(year, month, day)
    if reading.date is not None and not ri:
        return DateReading(reading.date, "缺少“日”字: read as a date without its 日")
    return reading


def _checked(year: int, month: int, day: int) -> DateReading:
    try:
        return DateReading(datetime.date(year, month, day))
    except ValueError:
        return DateReading(None, f"没有{year}年{month}月{day}日这一天: no such day")


def _from_digits(digits: str) -> DateReading:
    """A run of digits: ``20240118`` is a date; a shorter run (``202218``) misses a part."""
    if len(digits) == 8:
        return _checked(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    return DateReading(None, f"“{digits}”缺少月或日: the month or the day is missing")

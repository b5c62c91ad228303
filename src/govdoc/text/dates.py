"""Dates as 公文 write them (7.3.5.4).

A 成文日期 is written with Arabic numerals, the full year and no zero padding
(``2024年1月18日``). Reading the dates drafts contain (``二〇二三年十二月五日``,
``2024-01-18``) is the grammar's job: :func:`govdoc.grammar.read_date`, re-exported here.
"""

from __future__ import annotations

import datetime

from govdoc.grammar import DateReading, chinese_small_number, read_date

__all__ = ["DateReading", "chinese_small_number", "format_date", "read_date"]


def format_date(date: datetime.date) -> str:
    """``2024年1月18日`` for 18 January 2024."""
    return f"{date.year}年{date.month}月{date.day}日"

"""Dates as 公文 write them: Arabic numerals, full year, no zero padding (7.3.5.4)."""

from __future__ import annotations

import datetime


def format_date(date: datetime.date) -> str:
    """``2024年1月18日`` for 18 January 2024."""
    return f"{date.year}年{date.month}月{date.day}日"

"""Typography: pure functions on strings (numbering, punctuation, dates, widths)."""

from govdoc.text.dates import format_date
from govdoc.text.numbering import chinese_numeral, heading_label
from govdoc.text.punctuation import normalize_punctuation

__all__ = ["chinese_numeral", "format_date", "heading_label", "normalize_punctuation"]

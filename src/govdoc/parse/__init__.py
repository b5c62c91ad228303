"""Reading drafts: plain text, Markdown and Word files → a :class:`~govdoc.model.Report`.

>>> result = parse_text('''关于开展安全检查的通知
... 各村（社区）：
... 现将有关事项通知如下。
... 一、检查范围
... 全乡各类生产经营单位。
... 棣棠乡人民政府
... 2024年3月5日''')
>>> result.report.kind.value, result.report.body[1].title, str(result.report.date)
('通知', '检查范围', '2024-03-05')
>>> [e.tag for e in result.elements][:4]
['title', 'recipients', 'paragraph', 'heading1']

Each function returns a :class:`ParseResult`: the ``report``, the ``warnings`` about
every guess made (``line 3: 此行作主送机关…``), and the ``elements`` saying what each
line was taken for. The user's words are kept verbatim (punctuation is normalised when
the report is rendered); only heading numbers, labels (附件：, 抄送：) and the spacing
around lines are dropped, because govdoc writes them itself. See
:mod:`govdoc.parse.structure` for the rules.
"""

from __future__ import annotations

import datetime
import os
from typing import IO

from govdoc.parse.structure import (
    Element,
    Kind,
    ParseError,
    ParseResult,
    ParseWarning,
    parse_lines,
)

__all__ = ["Element", "Kind", "ParseError", "ParseResult", "ParseWarning", "extract_text",
           "parse_docx", "parse_text"]


def parse_text(text: str, *, markdown: bool = False,
               default_date: datetime.date | None = None, strict: bool = False) -> ParseResult:
    """Read a plain-text draft, one paragraph per line.

    With ``markdown``, Markdown markup (``#``, ``**``, ``>``) is dropped first.
    ``default_date`` stands in for a 成文日期 the draft lacks (by default there is
    then no date line), with a warning. A part the draft lacks (title, 主送, 署名, date)
    is a warning naming it, or with ``strict`` a :class:`ParseError`. Wrong data (a
    date that does not exist, a 发文字号 with a broken year, a 密级 outside the list)
    raises :class:`ParseError` naming the line.
    """
    from govdoc.parse.plain import text_lines

    lines, notes = text_lines(text, markdown=markdown)
    return parse_lines(lines, unit="line", default_date=default_date, notes=tuple(notes),
                       strict=strict)


def parse_docx(source: str | os.PathLike[str] | IO[bytes], *, changes: str = "accept",
               default_date: datetime.date | None = None, strict: bool = False) -> ParseResult:
    """Read a Word draft: its paragraphs (numbering labels made literal) and tables.

    ``changes`` is ``"accept"`` (default) or ``"reject"``: what to do with tracked
    changes. Warnings name paragraphs by their number in the draft's reading order.
    ``default_date`` and ``strict`` work as for :func:`parse_text`.
    """
    from govdoc.parse.word import docx_lines

    lines, notes = docx_lines(source, changes=changes)  # type: ignore[arg-type]
    return parse_lines(lines, unit="paragraph", default_date=default_date, notes=tuple(notes),
                       strict=strict)


def extract_text(source: str | os.PathLike[str] | IO[bytes], *, changes: str = "accept") -> str:
    """The text of a .docx, one paragraph per line, tables as Markdown pipe tables.

    :func:`parse_text` reads the result back, so a Word file can be turned into an
    editable text draft and rebuilt.
    """
    from govdoc.parse.plain import table_text
    from govdoc.parse.word import docx_lines

    lines, _ = docx_lines(source, changes=changes)  # type: ignore[arg-type]
    out: list[str] = []
    for line in lines:
        out.extend(table_text(line.table) if line.table is not None else [line.text])
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"

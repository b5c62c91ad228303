"""Plain text (and Markdown) as the lines of a draft.

Each line is one paragraph, as drafts typed in a chat window or copied from a page
are. Whitespace around a line is layout, not words, and is dropped; characters a
.docx cannot hold (control characters) are removed with a warning. A block of lines
written as a Markdown pipe table (``| 序号 | 任务 |``) is a table; a separator line
(``|---|---|``) marks the rows above it as header rows, ``<br>`` in a cell is a line
break and ``\\|`` a literal bar. With ``markdown=True`` heading marks (``#``), bold
marks (``**重点**``, ``__重点__``), quote marks (``>``) and rules (``---``) are markup and
are dropped; underscores and asterisks that are not clearly bold marks (blanks to fill
in, ``__init__``, ``2**10``) are words and are kept.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from govdoc.grammar import metadata_fields
from govdoc.model import Table
from govdoc.parse.structure import ParseWarning, SourceLine

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""Only these end a line: U+2028, U+0085 and the like inside a line stay in it."""
_ROW = re.compile(r"^\|.*\|$")
_SEPARATOR = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_STRONG = re.compile(r"(?<![A-Za-z0-9*\\])\*\*(?=[^\s*])([^*]+?)(?<=[^\s\\])\*\*(?![A-Za-z0-9*])")
_MD_UNDERSCORE = re.compile(r"(?<![\w\\])__(?=[^\s_])([^_]+?)(?<=[^\s\\])__(?!\w)")
"""Bold marks only where they clearly are: ``**`` not inside an ASCII word or number
(``2**10`` stays), ``__`` not inside any word and around words that are not only ASCII
(``__init__`` and the blanks of ``请于____年__月__日`` stay); neither spans its own mark,
so each is found in time linear in the line."""
STRIP = " \t\u3000\u00a0\u2002\u2003\ufeff\u200b"


def _unless_ascii(m: re.Match[str]) -> str:
    """``__words__`` is bold unless its words are all ASCII, as ``__init__`` is."""
    return m.group(0) if m.group(1).isascii() else m.group(1)


def cells(row: str) -> list[str]:
    """The cells of a pipe-table row, unescaped."""
    inner = row.strip()[1:-1]
    return [c.strip().replace("\\|", "|").replace("<br>", "\n") for c in _CELL_SPLIT.split(inner)]


def text_lines(text: str, *, markdown: bool = False) -> tuple[list[SourceLine], list[ParseWarning]]:
    """The lines of ``text`` (tables gathered), and warnings about what was removed."""
    warnings: list[ParseWarning] = []
    raw = _LINE_BREAK.split(text)
    if raw and raw[-1] == "":
        raw.pop()
    cleaned: list[str] = []
    for n, line in enumerate(raw, 1):
        if _ILLEGAL.search(line):
            found = sorted({f"U+{ord(c):04X}" for c in _ILLEGAL.findall(line)})
            warnings.append(ParseWarning(n, f"删去控制字符 {', '.join(found)}: control characters "
                                            "a .docx cannot hold are removed"))
            line = _ILLEGAL.sub("", line)
        if markdown:
            if _MD_RULE.match(line):
                line = ""
            line = _MD_QUOTE.sub("", _MD_HEADING.sub("", line))
            line = _MD_UNDERSCORE.sub(_unless_ascii, _MD_STRONG.sub(r"\1", line))
        cleaned.append(line.strip(STRIP))
    lines: list[SourceLine] = []
    k = 0
    while k < len(cleaned):
        flat = _tab_rows(cleaned, k)
        if flat:
            rows = [[c.strip(STRIP) for c in cleaned[n].split("\t")] for n in range(k, k + flat)]
            lines.append(SourceLine(k + 1, cleaned[k], Table(rows=rows, header_rows=1),
                                    tuple(range(k + 2, k + flat + 1))))
            warnings.append(ParseWarning(k + 1, f"制表符分隔的{flat}行作表格: {flat} lines "
                                                "with the same tab-separated cells are read as "
                                                "a table (first row as its head)"))
            k += flat
            continue
        if not _ROW.match(cleaned[k]):
            lines.append(SourceLine(k + 1, cleaned[k]))
            k += 1
            continue
        start = k
        while k < len(cleaned) and _ROW.match(cleaned[k]):
            k += 1
        if not any(_SEPARATOR.match(line) or len(cells(line)) > 1 for line in cleaned[start:k]):
            # |注意| alone is a word between bars, not a one-cell table.
            lines.extend(SourceLine(n + 1, cleaned[n]) for n in range(start, k))
            continue
        rows: list[list[str]] = []
        header_rows = 0
        for line in cleaned[start:k]:
            if _SEPARATOR.match(line) and not header_rows:
                header_rows = len(rows)
            else:
                rows.append(cells(line))
        try:
            lines.append(SourceLine(start + 1, cleaned[start], Table(rows=rows, header_rows=header_rows)))
        except ValidationError as exc:
            warnings.append(ParseWarning(start + 1, "表格无法识别，各行作段落: the table cannot be "
                                                    f"read ({exc.errors()[0]['msg']}); its lines "
                                                    "are kept as paragraphs"))
            lines.extend(SourceLine(n + 1, cleaned[n]) for n in range(start, k))
    return lines, warnings


def _tab_rows(cleaned: list[str], k: int) -> int:
    """How many lines from ``k`` on are rows of a table flattened with tabs (0: none):
    at least two lines, each with the same number (two or more) of tab-separated cells."""
    def cells(line: str) -> int:
        # A website's metadata (索引号：\t…) is no table.
        return 0 if "\t" not in line or metadata_fields(line) else line.count("\t") + 1

    width = cells(cleaned[k])
    if width < 2:
        return 0
    n = k
    while n < len(cleaned) and cells(cleaned[n]) == width:
        n += 1
    return n - k if n - k >= 2 else 0


def table_text(table: Table) -> list[str]:
    """``table`` as pipe-table lines, which :func:`text_lines` reads back."""
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|").replace("\n", "<br>") for c in cells) + " |"

    out = [row(r) for r in table.rows]
    if table.header_rows:
        out.insert(table.header_rows, "|" + "---|" * len(table.rows[0]))
    return out

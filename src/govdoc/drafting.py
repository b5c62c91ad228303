"""Helpers for drafting a 公文 interactively (in a notebook or a REPL).

They read the :class:`~govdoc.model.Report`, which stays the single source; the
methods :meth:`Report.section`, :meth:`Report.outline` and :meth:`Report.check` call
them by name (:mod:`govdoc.extensions`), since the model imports nothing above it.

Sections are addressed by their number path, as govdoc prints the numbers: sections
are numbered by position among the *sections* of their parent (paragraphs and tables
between them take no number), level 1 一、, level 2 （一）, level 3 1., level 4 （1）
(:func:`govdoc.text.heading_label`), and each attachment's body is numbered afresh.
A run-in section is numbered like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Union

from govdoc import grammar, spec
from govdoc.model import Paragraph, Report, Section, Table
from govdoc.text import heading_label, normalize_punctuation
from govdoc.text.numbering import chinese_numeral

if TYPE_CHECKING:
    from govdoc.checker import CheckResult

__all__ = ["Outline", "OutlineEntry", "SectionNotFoundError", "check_report", "find_section",
           "outline"]

PathPart = Union[int, str]
"""One step of a section path: a 1-based index, or the heading's number as printed."""

_NUMBER = re.compile(rf"[0-9]+|{grammar.CN_NUMERAL}")


class SectionNotFoundError(KeyError):
    """No section has the number path asked for; the message names the path and the
    sections that exist where the search stopped. A :class:`KeyError` (and so a
    :class:`LookupError`)."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


def _index(part: PathPart, level: int) -> int | None:
    """The 1-based position a path step names, or None when it is not a number.

    An int is the position itself. A string is the heading's number as printed, with
    or without its punctuation and in full- or half-width brackets: 一 or 一、 at level
    1, （二） (二) or 二 at level 2, 3 or 3. at level 3, （4） (4) or 4 at level 4.
    """
    if isinstance(part, bool):
        return None
    if isinstance(part, int):
        return part if part >= 1 else None
    text = part.strip()
    m = _NUMBER.search(text)
    if m is None:
        return None
    core = m.group()
    n = int(core) if core.isdigit() else grammar.chinese_value(core)
    if n is None:
        return None
    # The string must be the label of that position at some form of this level.
    wanted = heading_label(level, n)
    bare = chinese_numeral(n) if level <= 2 else str(n)
    forms = {wanted, wanted.rstrip("、."), bare,
             wanted.replace("（", "(").replace("）", ")")}
    return n if text in forms else None


def _sections(items: list[Paragraph | Section | Table]) -> list[Section]:
    return [item for item in items if isinstance(item, Section)]


def find_section(report: Report, *path: PathPart, attachment: int | None = None) -> Section:
    """The section at ``path`` in the body (or in attachment number ``attachment``, 1-based).

    ``report.section("一", "（二）")`` and ``report.section(1, 2)`` both give the second
    level-2 section under the first level-1 section. Raises
    :class:`SectionNotFoundError` naming the path and the sections that exist there.
    """
    if not path:
        raise TypeError("section() needs a number path, e.g. section('一', '（二）') or section(1, 2)")
    if attachment is None:
        items: list[Paragraph | Section | Table] = list(report.body)
        where = "the body"
    else:
        if not 1 <= attachment <= len(report.attachments):
            raise SectionNotFoundError(
                f"no attachment {attachment}: the report has {len(report.attachments)}")
        items = list(report.attachments[attachment - 1].body)
        where = f"attachment {attachment}"
    found: Section | None = None
    printed: list[str] = []
    for level, part in enumerate(path, start=1):
        candidates = _sections(items)
        if level > spec.HEADING_LEVELS.value:
            raise SectionNotFoundError(
                f"section {_show(path)}: sections nest at most {spec.HEADING_LEVELS.value} levels")
        n = _index(part, level)
        if n is None or n > len(candidates):
            under = f"under {''.join(printed)}" if printed else f"in {where}"
            exists = ", ".join(f"{heading_label(level, i)}{s.title}"
                               for i, s in enumerate(candidates, 1)) or "none"
            raise SectionNotFoundError(
                f"no section {_show(path)}: step {part!r} names no level-{level} "
                f"section {under}; there: {exists}")
        found = candidates[n - 1]
        printed.append(heading_label(level, n))
        items = list(found.body)
    assert found is not None
    return found


def _show(path: tuple[PathPart, ...]) -> str:
    return "(" + ", ".join(repr(p) for p in path) + ")"


@dataclass(frozen=True)
class OutlineEntry:
    """One line of an outline: the heading's level (0 for the title and attachment
    titles), its number as printed (empty for titles), its words as printed, its
    number path (1-based, for :meth:`Report.section`), whether it is run in, and the
    attachment it belongs to (None for the body)."""

    level: int
    label: str
    title: str
    path: tuple[int, ...]
    run_in: bool = False
    attachment: int | None = None

    @property
    def text(self) -> str:
        """The heading as printed: its number and its words."""
        return self.label + self.title


@dataclass(frozen=True)
class Outline:
    """The numbered outline of a report: the title, then each heading indented by level.

    ``str(outline)`` (and ``print``) gives the text; a notebook shows it as a
    preformatted block.
    """

    entries: tuple[OutlineEntry, ...]

    INDENT = "    "

    def __iter__(self) -> Iterator[OutlineEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def lines(self) -> list[str]:
        """The outline's lines: each heading indented by its level, run-in headings marked."""
        out = []
        for e in self.entries:
            indent = self.INDENT * (e.level + (1 if e.attachment is not None else 0))
            if e.level == 0 and e.attachment is not None:
                indent = ""
            out.append(indent + e.text + ("  [run-in]" if e.run_in else ""))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return ('<pre class="govdoc-outline" style="font-family:monospace;line-height:1.5">'
                f"{escape(str(self))}</pre>")


def outline(report: Report, *, normalize: bool = True) -> Outline:
    """The title and the numbered headings of ``report`` (body, then each attachment with
    a body), with the labels and words the rendered document prints (``normalize`` as in
    :func:`govdoc.render`)."""
    fix = normalize_punctuation if normalize else (lambda s: s)
    entries = [OutlineEntry(0, "", fix(report.title).replace("\n", ""), ())]

    def walk(items: list[Paragraph | Section | Table], level: int, path: tuple[int, ...],
             attachment: int | None) -> None:
        for n, section in enumerate(_sections(items), 1):
            here = path + (n,)
            entries.append(OutlineEntry(level, heading_label(level, n), fix(section.title), here,
                                        section.run_in, attachment))
            walk(list(section.body), level + 1, here, attachment)

    walk(list(report.body), 1, (), None)
    several = len(report.attachments) > 1
    for a, att in enumerate(report.attachments, 1):
        if not att.body:
            continue
        label = "附件" + (str(a) if several else "") + " "
        entries.append(OutlineEntry(0, label, fix(att.title).replace("\n", ""), (), False, a))
        walk(list(att.body), 1, (), a)
    return Outline(tuple(entries))


def check_report(report: Report, *, render: bool = False, normalize: bool = True,
                 timeout: float = 180) -> CheckResult:
    """Render ``report`` and run govdoc's conformance checker on the document.

    By default only the static rules run (no LibreOffice needed, well under a second).
    With ``render=True`` LibreOffice converts the document and the geometry rules
    measure the PDF (lines per page, the 版心, the signature block…); without
    LibreOffice or pdfplumber those rules report "not measured".
    """
    import warnings

    import govdoc.checker
    from govdoc.errors import GovdocWarning
    from govdoc.rendering import render as render_docx

    with warnings.catch_warnings():
        # The report's own doubts are in report.warnings; checking is not the place to
        # repeat them as warnings.
        warnings.simplefilter("ignore", GovdocWarning)
        document = render_docx(report, normalize=normalize)
    return govdoc.checker.check(document, render=render, timeout=timeout)

"""Turns a :class:`~govdoc.model.Report` into the ordered blocks of a 公文.

The layout decides *what* goes on the page: heading numbers, which text is
normalised, how many blank lines stand before the signature, which paragraph keeps
with which, and the indents that place the 署名 and 成文日期. It writes no XML; the
renderer turns each :class:`Block` into a paragraph of the block's style.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Callable

from govdoc import spec
from govdoc.model import Paragraph, Report, Section
from govdoc.styles import Role, heading_role, run_in_role
from govdoc.text import format_date, heading_label, normalize_punctuation
from govdoc.text.metrics import text_width_twips
from govdoc.text.title import break_title


@dataclass(frozen=True)
class Run:
    """A stretch of text; ``role`` names a character style, or None for the paragraph's."""

    text: str
    role: Role | None = None


@dataclass(frozen=True)
class Block:
    """One paragraph of the document: its role (style), runs and placement.

    ``lines_before`` counts blank lines (of the body's line pitch) above the paragraph;
    ``right_indent_tw`` / ``left_indent_tw`` override the style's indents;
    ``keep_next`` keeps the paragraph on the page of the next one;
    ``char_spacing_tw`` overrides the character spacing of every run (twips; set by
    the finishing pass, :mod:`govdoc.finish`).
    """

    role: Role
    runs: tuple[Run, ...]
    keep_next: bool = False
    lines_before: int = 0
    right_indent_tw: int | None = None
    left_indent_tw: int | None = None
    char_spacing_tw: int | None = None

    @property
    def text(self) -> str:
        """The paragraph's whole text."""
        return "".join(r.text for r in self.runs)


@dataclass
class _Builder:
    fix: Callable[[str], str]
    blocks: list[Block] = field(default_factory=list)

    def add(self, role: Role, *runs: Run, **kw: object) -> None:
        self.blocks.append(Block(role, runs, **kw))  # type: ignore[arg-type]

    def body(self, items: list[Paragraph | Section], level: int) -> None:
        n = 0
        for item in items:
            if isinstance(item, Paragraph):
                self.add(Role.BODY, Run(self.fix(item.text)))
                continue
            n += 1
            heading = heading_label(level, n) + self.fix(item.title)
            rest: list[Paragraph | Section] = list(item.body)
            if item.run_in:
                first = rest.pop(0)
                assert isinstance(first, Paragraph)  # the model guarantees it
                self.add(
                    Role.BODY,
                    Run(heading, run_in_role(level)),
                    Run(self.fix(first.text)),
                )
            else:
                self.add(heading_role(level), Run(heading))
            self.body(rest, level + 1)


def sealed_lines_before() -> int:
    """Blank lines between the body and a sealed 署名 (7.3.5.1).

    The seal's top must lie within one line of the body while the 署名 and date sit
    slightly below its centre: with the 署名 ``b`` lines below the body, the pair's
    centre is ``b + 1`` lines down, and ``b = floor(seal radius in lines)`` is the
    count for which both hold.
    """
    pitch_mm = spec.pt_to_mm(spec.LINE_PITCH.value)
    return math.floor(spec.SEAL_DIAMETER.value / 2 / pitch_mm)


def signature_blocks(issuer: str, date_text: str, sealed: bool) -> list[Block]:
    """The 署名 and 成文日期 paragraphs, placed per 7.3.5.1 (sealed) or 7.3.5.2."""
    ch = spec.CHAR_TW
    w_sig = text_width_twips(issuer)
    w_date = text_width_twips(date_text)
    if sealed:
        date_right = spec.SEALED_DATE_RIGHT_INDENT.value * ch
        # Centre the 署名 over the date.
        sig_right = max(0, date_right + (w_date - w_sig) // 2)
        lines = sealed_lines_before()
    else:
        lines = spec.UNSEALED_LINES_BEFORE.value
        offset = spec.UNSEALED_DATE_OFFSET.value * ch
        if w_date > w_sig:
            # A date longer than the 署名: the date is right-indented 2 字 and the
            # 署名 moves left so that the date still starts 2 字 right of it.
            date_right = spec.UNSEALED_DATE_RIGHT_INDENT.value * ch
            sig_right = date_right + w_date + offset - w_sig
        else:
            sig_right = spec.UNSEALED_SIGNATURE_RIGHT_INDENT.value * ch
            date_right = sig_right + w_sig - offset - w_date
    return [
        Block(Role.SIGNATURE, (Run(issuer),), keep_next=True, lines_before=lines,
              right_indent_tw=sig_right),
        Block(Role.DATE, (Run(date_text),), right_indent_tw=date_right),
    ]


def layout(report: Report, *, normalize: bool = True) -> list[Block]:
    """The blocks of ``report``, top to bottom.

    With ``normalize`` (the default), ASCII punctuation next to Chinese text becomes
    full-width (see :func:`govdoc.text.normalize_punctuation`); nothing else in the
    user's words changes.
    """
    fix: Callable[[str], str] = normalize_punctuation if normalize else (lambda s: s)
    b = _Builder(fix)
    # A long title is broken between words (7.3.1); the lines stay one paragraph,
    # joined by line breaks.
    b.add(Role.TITLE, Run("\n".join(break_title(fix(report.title), shape=report.title_shape))))
    if report.recipients:
        names = "、".join(fix(r) for r in report.recipients)
        if not names.endswith("："):
            names += "："
        b.add(Role.SALUTATION, Run(names))
    b.body(list(report.body), 1)
    # The 署名 and date never stand alone on a page: the last body paragraph keeps
    # with them (and the 署名 keeps with the date, by its style).
    b.blocks[-1] = replace(b.blocks[-1], keep_next=True)
    b.blocks.extend(signature_blocks(fix(report.issuer), format_date(report.date), report.sealed))
    return b.blocks

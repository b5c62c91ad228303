"""The finishing pass: paragraphs whose last line holds a single character (段末挂单字).

A paragraph whose last line holds one character (with or without a closing mark,
e.g. ``定。``) wastes a line and looks unfinished. The pass predicts every body
paragraph's lines with :func:`govdoc.text.linebreak.break_lines`, for Word and for
LibreOffice, and where a line ends in a single character it tightens that
paragraph's character spacing by at most :data:`~govdoc.spec.FINISH_MAX_TIGHTEN`
(0.1 pt: from −0.25 pt to −0.35 pt) — the least amount that pulls the character up.
The words are never touched.

Tightening by 0.1 pt gains 2.8 pt on a line of 28 characters, less than one
character (15.75 pt). So it helps only where some line of the paragraph already has
almost a character's room to spare — lines with digits or Latin letters, whose widths
do not fill the cells exactly — and never in a paragraph of Chinese characters
alone. Such paragraphs are reported and left as they are.

The renderer runs the pass through :meth:`govdoc.layout.Layout.finished`
(``render(..., finish=True)``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from govdoc import spec
from govdoc.blocks import Block, Item
from govdoc.styles import HEADINGS, Role
from govdoc.text.kinsoku import NO_LINE_END, NO_LINE_START
from govdoc.text.linebreak import LIBREOFFICE, WORD, Engine, break_lines

__all__ = ["ENGINES", "FinishNote", "finish", "paragraph_lines", "single_character_last_line"]

ENGINES: tuple[Engine, ...] = (WORD, LIBREOFFICE)
"""The programs whose line breaking the pass predicts."""

_INDENTED = frozenset((Role.BODY, *HEADINGS))
# The model is exact to a few twips (LibreOffice rounds glyph widths), so a tighter
# spacing counts as a fix only if it still holds on lines half a point narrower.
_SAFETY_PT = 0.5
_MARKS = NO_LINE_START | NO_LINE_END | frozenset(" \u3000")
_EXCERPT_CHARS = 12
"""How many of a paragraph's first characters a :class:`FinishNote` quotes: enough to
find the paragraph."""
_FLOAT_SLACK = 1e-9
"""Added before flooring a product of floats that should be whole (0.1 pt × 20 twips),
so that one a hair under it (1.9999…) floors to the whole number."""


@dataclass(frozen=True)
class FinishNote:
    """What the finishing pass found in one paragraph, and what it did.

    ``paragraph`` is the paragraph's index in the document body (0 = the title);
    ``excerpt`` its first characters. ``before`` names the programs (``"Word"``,
    ``"LibreOffice"``) in which its last line held a single character; ``after``
    those in which it still does. ``spacing_pt`` is the character spacing written
    (e.g. −0.3), or None when no spacing within 0.1 pt helped and nothing changed.
    """

    paragraph: int
    excerpt: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    spacing_pt: float | None

    @property
    def fixed(self) -> bool:
        """True when the paragraph no longer ends in a single-character line anywhere."""
        return not self.after


def single_character_last_line(lines: list[str]) -> bool:
    """True when a paragraph of several lines ends in a line of one character (marks aside)."""
    return len(lines) > 1 and sum(ch not in _MARKS for ch in lines[-1]) == 1


def paragraph_lines(block: Block, engine: Engine, spacing_tw: int | None = None,
                    *, narrower_pt: float = 0.0) -> list[str]:
    """The predicted lines of a body or heading paragraph (indented two characters).

    ``spacing_tw`` overrides the block's character spacing; ``narrower_pt`` takes
    that much off the line width.
    """
    if spacing_tw is None:
        spacing_tw = block.char_spacing_tw
    spacing = spec.CHAR_SQUEEZE.value if spacing_tw is None else spacing_tw / spec.TWIPS_PER_PT
    return break_lines(block.text, spacing=spacing, engine=engine,
                       width_pt=spec.BLOCK_WIDTH_PT - narrower_pt)


def _orphaned(block: Block, spacing_tw: int | None = None, *, safe: bool = False) -> tuple[str, ...]:
    margins = (0.0, _SAFETY_PT) if safe else (0.0,)
    return tuple(e.name for e in ENGINES if any(
        single_character_last_line(paragraph_lines(block, e, spacing_tw, narrower_pt=m))
        for m in margins))


def finish(blocks: list[Item]) -> tuple[list[Item], list[FinishNote]]:
    """``blocks`` with single-character last lines pulled up where 0.1 pt allows.

    Returns the new blocks and one :class:`FinishNote` per paragraph that ended in a
    single-character line in Word or LibreOffice.
    """
    base = spec.pt_to_twips(spec.CHAR_SQUEEZE.value)
    tightest = base - math.floor(spec.FINISH_MAX_TIGHTEN.value * spec.TWIPS_PER_PT + _FLOAT_SLACK)
    out: list[Item] = []
    notes: list[FinishNote] = []
    for index, block in enumerate(blocks):
        if (not isinstance(block, Block) or block.role not in _INDENTED
                or block.char_spacing_tw is not None):
            out.append(block)
            continue
        before = _orphaned(block)
        if not before:
            out.append(block)
            continue
        best: tuple[tuple[str, ...], int] | None = None
        for spacing_tw in range(base - 1, tightest - 1, -1):
            after = _orphaned(block, spacing_tw, safe=True)
            # Fewer programs with a lone character, and none that had none before.
            if set(after) <= set(before) and len(after) < len(before):
                if best is None or len(after) < len(best[0]):
                    best = (after, spacing_tw)
                if not after:
                    break
        if best is None:
            notes.append(FinishNote(index, block.text[:_EXCERPT_CHARS], before, before, None))
            out.append(block)
            continue
        after, spacing_tw = best
        notes.append(FinishNote(index, block.text[:_EXCERPT_CHARS], before, after,
                                spacing_tw / spec.TWIPS_PER_PT))
        out.append(replace(block, char_spacing_tw=spacing_tw))
    return out, notes

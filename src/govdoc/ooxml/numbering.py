"""Word's automatic list numbering: the label a numbered paragraph shows.

A heading numbered by Word (``w:numPr``) shows "一、" without holding the text. Both the
importer (:mod:`govdoc.parse.word`), which puts the label before the paragraph's text,
and the checker (:mod:`govdoc.checker.resolve`), which judges it as the paragraph's first
characters in the level's formatting, compute it here from ``numbering.xml``: the
level's ``lvlText`` with each ``%N`` replaced by the counter of level N in its number
format (decimal for every level but its own when the level is legal, ``w:isLgl``).

Counters run per abstract list, as in Word: a level counts up from its start, a higher
level resets the levels below it, and a list instance's ``w:startOverride`` restarts a
level the first time that instance is used. A number in the XML that is not one raises
:class:`NumberingError` naming the part and the place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from govdoc.ooxml.stylesheet import StyleSheet
from govdoc.text.wordnumbers import format_number

__all__ = ["LEVELS", "Level", "Numbering", "NumberingError", "number", "style_numbering"]

LEVELS = 9
"""The levels of a Word list (``w:ilvl`` 0 to 8)."""

_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}


class NumberingError(ValueError):
    """A number in the numbering or style definitions that is not one."""


def number(value: str, where: str, part: str = "word/numbering.xml") -> int:
    """``value`` as an int; a :class:`NumberingError` naming ``part`` and ``where``."""
    try:
        return int(value)
    except ValueError:
        raise NumberingError(f"{part}: {where} “{value}” 不是数字: is not a number") from None


def _val(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(qn("w:val"))


@dataclass(frozen=True)
class Level:
    """One level of an abstract list."""

    fmt: str = "decimal"
    """The number format (``decimal``, ``chineseCounting``, ``bullet`` …)."""
    text: str = ""
    """The label's pattern, ``%1、`` or ``（%2）``."""
    start: int = 0
    """The first value (``w:start``; 0 when absent, as in ECMA-376)."""
    legal: bool = False
    """``w:isLgl``: the other levels' counters shown in decimal."""
    suffix: str = "\t"
    """What follows the label: a tab (Word's default), a space or nothing."""
    rpr: etree._Element | None = None
    """The label's run properties."""


def _level(lvl: etree._Element) -> Level:
    start = _val(lvl.find(qn("w:start")))
    return Level(
        fmt=_val(lvl.find(qn("w:numFmt"))) or "decimal",
        text=_val(lvl.find(qn("w:lvlText"))) or "",
        start=int(start) if start and start.lstrip("-").isdigit() else 0,
        legal=lvl.find(qn("w:isLgl")) is not None,
        suffix=_SUFFIXES.get(_val(lvl.find(qn("w:suff"))) or "tab", "\t"),
        rpr=lvl.find(qn("w:rPr")),
    )


@dataclass
class Numbering:
    """A document's list definitions and the counters of the lists read so far."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    """abstractNumId → its levels by ``w:ilvl``."""
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    """numId → (abstractNumId, the start overrides of its levels)."""
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, root: etree._Element | None) -> Numbering:
        """The definitions of a ``w:numbering`` part (none when ``root`` is None)."""
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iterchildren(qn("w:abstractNum")):
            aid = abstract.get(qn("w:abstractNumId"))
            numbering.levels[aid or ""] = {
                number(lvl.get(qn("w:ilvl"), "0"), f"abstractNum {aid} ilvl"): _level(lvl)
                for lvl in abstract.iterchildren(qn("w:lvl"))}
        for num in root.iterchildren(qn("w:num")):
            overrides = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                value = _val(override.find(qn("w:startOverride")))
                if value is not None:
                    where = f"num {num.get(qn('w:numId'))} lvlOverride"
                    overrides[number(override.get(qn("w:ilvl"), "0"), f"{where} ilvl")] = \
                        number(value, f"{where} startOverride")
            numbering.nums[num.get(qn("w:numId")) or ""] = (
                _val(num.find(qn("w:abstractNumId"))) or "", overrides)
        return numbering

    def advance(self, num_id: str | None, ilvl: int) -> tuple[str, Level] | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl``: its label (without
        the suffix) and the level; None when the paragraph is not numbered (``numId`` 0
        or unknown, or a level the list lacks)."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels or not 0 <= ilvl < LEVELS:
            return None
        counters = self.counters.setdefault(abstract, [None] * LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for index, value in overrides.items():
                if 0 <= index < LEVELS:
                    counters[index] = value - 1
        current = counters[ilvl]
        level = levels[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            counters[deeper] = None
        text = level.text
        for ref in range(LEVELS, 0, -1):
            token = f"%{ref}"
            if token in text:
                ref_level = levels.get(ref - 1, Level())
                counted = counters[ref - 1]
                value = ref_level.start if counted is None else counted
                fmt = "decimal" if level.legal and ref - 1 != ilvl else ref_level.fmt
                text = text.replace(token, format_number(value, fmt))
        return text, level


def style_numbering(styles: etree._Element | None) -> dict[str, tuple[str | None, int | None]]:
    """Paragraph style id → the (numId, ilvl) its ``w:numPr`` gives, itself or through the
    nearest style of its ``basedOn`` chain that has one."""
    sheet = StyleSheet(styles)
    own: dict[str, tuple[str | None, int | None]] = {}
    for sid, style in sheet.by_id.items():
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            ilvl = _val(num_pr.find(qn("w:ilvl")))
            own[sid] = (_val(num_pr.find(qn("w:numId"))),
                        number(ilvl, f"style {sid} ilvl", "word/styles.xml") if ilvl else None)
    out = {}
    for sid in sheet.by_id:
        found = next((own[s.get(qn("w:styleId"))] for s in reversed(sheet.chain(sid))
                      if s.get(qn("w:styleId")) in own), None)
        if found is not None:
            out[sid] = found
    return out

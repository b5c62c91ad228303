"""Word's automatic list numbering: the label a numbered paragraph shows.

A heading numbered by Word (``w:numPr``) shows "一、" without holding the text, so the
checker (:mod:`govdoc.check.resolve`) computes the label from ``numbering.xml`` — the
level's ``lvlText`` with each ``%N`` replaced by the counter of level N in its number
format — and treats it as the paragraph's first characters, in the level's formatting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import nsmap, qn
from lxml import etree

from govdoc.ooxml.package import Package
from govdoc.text.wordnumbers import format_number


@dataclass
class _Level:
    """One level of an abstract list: its start, number format, label text (``%1.``),
    what follows the label and its run properties."""

    start: int
    fmt: str
    text: str
    suffix: str
    rpr: etree._Element | None


@dataclass
class Lists:
    """The numbering definitions of a document, counting as paragraphs go by."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → start overrides
    counters: dict[str, list[int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, package: Package) -> Lists:
        lists = cls()
        root = package.xml(package.related(package.main, "/numbering"))
        if root is None:
            return lists
        for an in root.findall("w:abstractNum", nsmap):
            levels: dict[int, _Level] = {}
            for lvl in an.findall("w:lvl", nsmap):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = _level(lvl)
            lists.abstract[an.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall("w:num", nsmap):
            num_id = num.get(qn("w:numId"), "")
            ref = num.find("w:abstractNumId", nsmap)
            if ref is not None:
                lists.nums[num_id] = ref.get(qn("w:val"), "")
            for ov in num.findall("w:lvlOverride", nsmap):
                start = ov.find("w:startOverride", nsmap)
                if start is not None:
                    lists.overrides.setdefault(num_id, {})[int(ov.get(qn("w:ilvl"), "0"))] = int(
                        start.get(qn("w:val"), "1"))
        return lists

    def label(self, num_id: str, ilvl: int) -> tuple[str, etree._Element | None]:
        """The next label of list ``num_id`` at level ``ilvl`` and the level's run
        properties; ("", None) for no numbering."""
        abstract_id = self.nums.get(num_id)
        levels = self.abstract.get(abstract_id or "")
        if not levels or ilvl not in levels:
            return "", None
        counters = self.counters.setdefault(abstract_id, [0] * 9)  # type: ignore[arg-type]
        overrides = self.overrides.get(num_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for index, start in overrides.items():
                if index < len(counters):
                    counters[index] = start - 1
        level = levels[ilvl]
        counters[ilvl] = max(counters[ilvl], level.start - 1) + 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        text = level.text
        for n in range(ilvl + 1, 0, -1):
            parent = levels.get(n - 1)
            value = counters[n - 1] or (parent.start if parent else 1)
            text = text.replace(f"%{n}", format_number(value, parent.fmt if parent else "decimal"))
        return text + level.suffix, level.rpr


def _level(lvl: etree._Element) -> _Level:
    def val(tag: str, default: str) -> str:
        el = lvl.find(f"w:{tag}", nsmap)
        return el.get(qn("w:val"), default) if el is not None else default

    suffix = {"tab": "\t", "space": " ", "nothing": ""}.get(val("suff", "tab"), "\t")
    return _Level(int(val("start", "1")), val("numFmt", "decimal"), val("lvlText", ""), suffix,
                  lvl.find("w:rPr", nsmap))

"""The styles of a ``styles.xml`` by id, and their ``basedOn`` chains.

All the template check (:mod:`govdoc.rendering.template`), the office-template reader
(:mod:`govdoc.rendering.office`) and list numbering (:mod:`govdoc.ooxml.numbering`) need
of a document's styles. The full cascade with theme fonts, which the checker resolves,
builds on it in :mod:`govdoc.ooxml.styles` (kept apart so that rendering does not load it).
"""

from __future__ import annotations

from docx.oxml.ns import nsmap, qn
from lxml import etree

__all__ = ["StyleSheet"]


class StyleSheet:
    """The styles of a ``styles.xml`` by id, the default style of each kind, and their
    ``basedOn`` chains."""

    def __init__(self, root: etree._Element | None) -> None:
        self.root = root
        self.by_id: dict[str, etree._Element] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.default_table: str | None = None
        if root is not None:
            for s in root.iter(qn("w:style")):
                sid = s.get(qn("w:styleId"))
                if sid is None:
                    continue
                self.by_id[sid] = s
                if s.get(qn("w:default")) in ("1", "true", "on"):
                    kind = s.get(qn("w:type"))
                    if kind == "paragraph":
                        self.default_para = sid
                    elif kind == "character":
                        self.default_char = sid
                    elif kind == "table":
                        self.default_table = sid

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and its ``basedOn`` ancestors, base first (a circle ends the chain;
        an unknown id gives none)."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find("w:basedOn", nsmap)
            style_id = based.get(qn("w:val")) if based is not None else None
        return list(reversed(out))

    def style_name(self, style_id: str | None) -> str | None:
        """The style's name (``w:name``), as Word shows it; None when unknown."""
        if style_id is None or style_id not in self.by_id:
            return None
        name = self.by_id[style_id].find("w:name", nsmap)
        return name.get(qn("w:val")) if name is not None else None

    def defaults(self, kind: str) -> etree._Element | None:
        """The document defaults of run (``kind`` "r") or paragraph ("p") properties."""
        if self.root is None:
            return None
        path = "w:docDefaults/w:rPrDefault/w:rPr" if kind == "r" else "w:docDefaults/w:pPrDefault/w:pPr"
        return self.root.find(path, nsmap)

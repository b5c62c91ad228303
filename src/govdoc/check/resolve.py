"""Reading any .docx and resolving its formatting the way Word does.

Run properties come from the document defaults, then the table style, the paragraph
style's ``basedOn`` chain (base first), the character style's chain, and finally the
run's own properties; paragraph properties the same way without the character layers.
Theme fonts (``w:eastAsiaTheme="minorEastAsia"`` …) are looked up in the theme part's
major and minor fonts, by the script of the document's East Asian theme language.

Lengths are kept in twips; type sizes in points.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from lxml import etree

from govdoc.errors import GovdocError
from govdoc.ooxml.package import open_zip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "a": A, "r": R}


DEFAULT_SIZE_PT = 10.0
"""The type size when nothing sets one (OOXML's default ``w:sz`` of 20 half-points)."""

# Theme language → the theme's script tag for its East Asian font.
_SCRIPTS = {"zh-CN": "Hans", "zh-SG": "Hans", "zh-TW": "Hant", "zh-HK": "Hant", "zh-MO": "Hant",
            "ja-JP": "Jpan", "ko-KR": "Hang"}
# Theme colour names of w:color/@w:themeColor → the theme's colour scheme slots.
_THEME_COLOURS = {"text1": "dk1", "dark1": "dk1", "text2": "dk2", "dark2": "dk2",
                  "background1": "lt1", "light1": "lt1", "background2": "lt2", "light2": "lt2"}

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class DocxError(GovdocError):
    """The file is not a Word document the checker can read."""


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag."""
    return f"{{{W}}}{tag}"


def _on(el: etree._Element | None) -> bool | None:
    """The value of an on/off property element: None when absent."""
    if el is None:
        return None
    return el.get(w("val"), "true").lower() not in ("0", "false", "off", "none")


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


# -- The package ------------------------------------------------------------------------


class Package:
    """The parts of a .docx: XML parsed on demand, relationships resolved."""

    def __init__(self, data: bytes, name: str = "document") -> None:
        self.name = name
        self.data = data
        # The limits of every .docx govdoc reads from others (templates, Word drafts).
        self._zip = open_zip(data, name, "Word document", DocxError)
        self._names = set(self._zip.namelist())
        self._cache: dict[str, etree._Element | None] = {}
        main = self._main_part()
        if main is None:
            raise DocxError(f"{name}: 不是 Word 文档 (no word/document.xml)")
        self.main = main

    def _main_part(self) -> str | None:
        rels = self.rels("")
        for target, rel_type in rels.values():
            if rel_type.endswith("/officeDocument") and target in self._names:
                return target
        return "word/document.xml" if "word/document.xml" in self._names else None

    def has(self, part: str) -> bool:
        return part in self._names

    def xml(self, part: str | None) -> etree._Element | None:
        """The parsed part, or None when the package lacks it."""
        if part is None or part not in self._names:
            return None
        if part not in self._cache:
            try:
                self._cache[part] = etree.fromstring(self._zip.read(part), _PARSER)
            except etree.XMLSyntaxError as exc:
                raise DocxError(f"{self.name}: {part} is not well-formed XML ({exc})") from None
        return self._cache[part]

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (target part name, type) of ``part`` ("" for the package)."""
        path = PurePosixPath(part)
        rels_name = "_rels/.rels" if not part else str(path.parent / "_rels" / (path.name + ".rels"))
        root = self.xml(rels_name)
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        base = path.parent if part else PurePosixPath("")
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                parts: list[str] = []
                for piece in (str(base / target) if str(base) != "." else target).split("/"):
                    if piece == "..":
                        if parts:
                            parts.pop()
                    elif piece not in ("", "."):
                        parts.append(piece)
                resolved = "/".join(parts)
            out[rel.get("Id", "")] = (resolved, rel.get("Type", ""))
        return out

    def related(self, part: str, type_suffix: str) -> str | None:
        """The first part related to ``part`` by a relationship whose type ends so."""
        for target, rel_type in self.rels(part).values():
            if rel_type.endswith(type_suffix):
                return target
        return None


# -- Properties ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FontSlot:
    """One of the four font slots: the name in effect and, if it came from the theme,
    the theme slot (e.g. ``minorEastAsia``)."""

    name: str | None
    theme: str | None = None


@dataclass(frozen=True)
class RunProps:
    """The effective formatting of a run."""

    east_asia: FontSlot = FontSlot(None)
    ascii: FontSlot = FontSlot(None)
    size: float = DEFAULT_SIZE_PT
    color: str | None = None  # RRGGBB upper case, or None for automatic
    bold: bool = False
    spacing_tw: int = 0  # character spacing (w:spacing in rPr)
    vanish: bool = False


@dataclass(frozen=True)
class Border:
    """A paragraph or table border: its style, width (points), colour and distance."""

    val: str
    width_pt: float
    color: str | None
    space_pt: float = 0.0


@dataclass(frozen=True)
class ParaProps:
    """The effective formatting of a paragraph. Lengths in twips; ``first_line`` is
    negative for a hanging indent."""

    style_id: str | None = None
    jc: str = "left"
    left: int = 0
    right: int = 0
    first_line: int = 0
    before: int = 0
    after: int = 0
    before_lines: int | None = None  # hundredths of a line, when given in lines
    line: int | None = None
    line_rule: str = "auto"
    keep_next: bool = False
    page_break_before: bool = False
    snap_to_grid: bool = True
    borders: dict[str, Border] = field(default_factory=dict)
    numbering: tuple[str, int] | None = None  # (numId, ilvl) of Word list numbering
    tabs: tuple[tuple[str, int], ...] = ()  # (kind, position) of each tab stop
    size: float = DEFAULT_SIZE_PT  # the paragraph mark's type size (for *Chars units)


@dataclass
class _Ind:
    vals: dict[str, int] = field(default_factory=dict)

    def apply(self, el: etree._Element) -> None:
        for name in ("left", "start", "right", "end", "leftChars", "startChars", "rightChars",
                     "endChars"):
            v = _int(el.get(w(name)))
            if v is not None:
                key = {"start": "left", "end": "right", "startChars": "leftChars",
                       "endChars": "rightChars"}.get(name, name)
                self.vals[key] = v
        # firstLine and hanging exclude each other; so do their *Chars forms.
        for name, other in (("firstLine", "hanging"), ("hanging", "firstLine"),
                            ("firstLineChars", "hangingChars"), ("hangingChars", "firstLineChars")):
            v = _int(el.get(w(name)))
            if v is not None:
                self.vals[name] = v
                self.vals.pop(other, None)

    def resolve(self, char_tw: float) -> tuple[int, int, int]:
        v = self.vals

        def pick(chars: str, twips: str) -> int:
            if v.get(chars):
                return round(v[chars] / 100 * char_tw)
            return v.get(twips, 0)

        left = pick("leftChars", "left")
        right = pick("rightChars", "right")
        if v.get("firstLineChars"):
            first = round(v["firstLineChars"] / 100 * char_tw)
        elif v.get("hangingChars"):
            first = -round(v["hangingChars"] / 100 * char_tw)
        elif "hanging" in v:
            first = -v["hanging"]
        else:
            first = v.get("firstLine", 0)
        return left, right, first


class Styles:
    """The document's styles, defaults and theme fonts, resolving formatting like Word."""

    def __init__(self, package: Package) -> None:
        self.package = package
        root = package.xml(package.related(package.main, "/styles"))
        self.root = root
        self.by_id: dict[str, etree._Element] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.default_table: str | None = None
        if root is not None:
            for s in root.iter(w("style")):
                sid = s.get(w("styleId"))
                if sid is None:
                    continue
                self.by_id[sid] = s
                if s.get(w("default")) in ("1", "true", "on"):
                    kind = s.get(w("type"))
                    if kind == "paragraph":
                        self.default_para = sid
                    elif kind == "character":
                        self.default_char = sid
                    elif kind == "table":
                        self.default_table = sid
        settings = package.xml(package.related(package.main, "/settings"))
        lang = None
        if settings is not None:
            tfl = settings.find("w:themeFontLang", NS)
            if tfl is not None:
                lang = tfl.get(w("eastAsia"))
        self.theme_lang = lang or "zh-CN"
        self.theme = package.xml(package.related(package.main, "/theme"))

    # -- style chains

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and its ``basedOn`` ancestors, base first."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find("w:basedOn", NS)
            style_id = based.get(w("val")) if based is not None else None
        return list(reversed(out))

    def style_name(self, style_id: str | None) -> str | None:
        if style_id is None or style_id not in self.by_id:
            return None
        name = self.by_id[style_id].find("w:name", NS)
        return name.get(w("val")) if name is not None else None

    def _defaults(self, kind: str) -> etree._Element | None:
        if self.root is None:
            return None
        path = "w:docDefaults/w:rPrDefault/w:rPr" if kind == "r" else "w:docDefaults/w:pPrDefault/w:pPr"
        return self.root.find(path, NS)

    # -- theme

    def theme_font(self, slot: str) -> str | None:
        """The typeface of a theme font slot such as ``minorEastAsia`` or ``majorHAnsi``.

        An East Asian slot takes the group's ``a:ea`` typeface, or when that is empty
        (as Word, WPS and python-docx write it) the ``a:font`` of the script of the
        document's East Asian theme language (``w:themeFontLang/@w:eastAsia``: zh-CN →
        ``Hans``; ja-JP, python-docx's default, → ``Jpan``), or Simplified Chinese when
        the language names no script the theme has. None when there is no theme part."""
        if self.theme is None:
            return None
        major = slot.startswith("major")
        group = self.theme.find(f".//a:fontScheme/a:{'majorFont' if major else 'minorFont'}", NS)
        if group is None:
            return None
        kind = slot[5:]
        if kind == "EastAsia":
            ea = group.find("a:ea", NS)
            if ea is not None and ea.get("typeface"):
                return ea.get("typeface")
            faces = {f.get("script"): f.get("typeface") for f in group.findall("a:font", NS)}
            return faces.get(_SCRIPTS.get(self.theme_lang, "Hans")) or faces.get("Hans") or None
        tag = "a:cs" if kind == "Bidi" else "a:latin"
        el = group.find(tag, NS)
        return el.get("typeface") if el is not None and el.get("typeface") else None

    def theme_colour(self, name: str) -> str | None:
        if self.theme is None:
            return None
        slot = _THEME_COLOURS.get(name, name)
        el = self.theme.find(f".//a:clrScheme/a:{slot}", NS)
        if el is None:
            return None
        srgb = el.find("a:srgbClr", NS)
        if srgb is not None:
            return srgb.get("val", "").upper() or None
        sys_clr = el.find("a:sysClr", NS)
        if sys_clr is not None:
            return (sys_clr.get("lastClr") or "").upper() or None
        return None

    # -- run properties

    def _run_layers(self, para_style: str | None, char_style: str | None,
                    table_style: str | None, direct: etree._Element | None
                    ) -> list[etree._Element]:
        layers = [self._defaults("r")]
        if table_style:
            layers += [s.find("w:rPr", NS) for s in self.chain(table_style)]
        layers += [s.find("w:rPr", NS) for s in self.chain(para_style or self.default_para)]
        if char_style:
            layers += [s.find("w:rPr", NS) for s in self.chain(char_style)]
        layers.append(direct)
        return [layer for layer in layers if layer is not None]

    def run_props(self, para_style: str | None, char_style: str | None,
                  direct: etree._Element | None, table_style: str | None = None) -> RunProps:
        """The effective run properties for this layering."""
        slots: dict[str, FontSlot] = {}
        size: float | None = None
        color: str | None = None
        bold = False
        spacing = 0
        vanish = False
        for rpr in self._run_layers(para_style, char_style, table_style, direct):
            rf = rpr.find("w:rFonts", NS)
            if rf is not None:
                for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                    theme = rf.get(w(slot + "Theme")) if slot != "cs" else rf.get(w("cstheme"))
                    name = rf.get(w(slot))
                    if theme is not None:
                        # The theme's face; where the theme cannot tell (no theme part,
                        # no face for the script), the name written beside it, which is
                        # what Word and LibreOffice fall back to.
                        slots[slot] = FontSlot(self.theme_font(theme) or name, theme)
                    elif name is not None:
                        slots[slot] = FontSlot(name)
            sz = rpr.find("w:sz", NS)
            if sz is not None and _int(sz.get(w("val"))) is not None:
                size = int(sz.get(w("val"))) / 2  # type: ignore[arg-type]
            c = rpr.find("w:color", NS)
            if c is not None:
                theme = c.get(w("themeColor"))
                val = (c.get(w("val")) or "").upper()
                if theme:
                    color = self.theme_colour(theme) or (None if val in ("", "AUTO") else val)
                else:
                    color = None if val in ("", "AUTO") else val
            b = _on(rpr.find("w:b", NS))
            if b is not None:
                bold = b
            sp = rpr.find("w:spacing", NS)
            if sp is not None and _int(sp.get(w("val"))) is not None:
                spacing = int(sp.get(w("val")))  # type: ignore[arg-type]
            v = _on(rpr.find("w:vanish", NS))
            if v is not None:
                vanish = v
        return RunProps(
            east_asia=slots.get("eastAsia", FontSlot(None)),
            ascii=slots.get("ascii", FontSlot(None)),
            size=size if size is not None else DEFAULT_SIZE_PT,
            color=color, bold=bold, spacing_tw=spacing, vanish=vanish,
        )

    # -- paragraph properties

    def style_para_props(self, style_id: str | None) -> ParaProps:
        """The paragraph properties a paragraph of ``style_id`` has without direct formatting."""
        ppr = etree.Element(w("pPr"))
        if style_id is not None:
            etree.SubElement(ppr, w("pStyle")).set(w("val"), style_id)
        return self.para_props(ppr)

    def para_props(self, direct: etree._Element | None, table_style: str | None = None) -> ParaProps:
        """The effective paragraph properties of a paragraph with direct ``w:pPr``."""
        style_id = None
        if direct is not None:
            ps = direct.find("w:pStyle", NS)
            if ps is not None:
                style_id = ps.get(w("val"))
        if style_id not in self.by_id:
            style_id = self.default_para
        layers = [self._defaults("p")]
        if table_style:
            layers += [s.find("w:pPr", NS) for s in self.chain(table_style)]
        layers += [s.find("w:pPr", NS) for s in self.chain(style_id)]
        layers.append(direct)
        # The paragraph mark: its style's run properties and its own (w:pPr/w:rPr),
        # which set the character unit of *Chars lengths.
        mark = self.run_props(style_id, None, direct.find("w:rPr", NS) if direct is not None
                              else None, table_style)
        char_tw = mark.size * 20
        props: dict[str, object] = {}
        ind = _Ind()
        borders: dict[str, Border] = {}
        tabs: dict[int, str] = {}
        num_id: str | None = None
        ilvl = 0
        for ppr in layers:
            if ppr is None:
                continue
            jc = ppr.find("w:jc", NS)
            if jc is not None and jc.get(w("val")):
                props["jc"] = {"start": "left", "end": "right", "justify": "both"}.get(
                    jc.get(w("val")), jc.get(w("val")))
            el = ppr.find("w:ind", NS)
            if el is not None:
                ind.apply(el)
            sp = ppr.find("w:spacing", NS)
            if sp is not None:
                for attr, key in (("before", "before"), ("after", "after"), ("line", "line")):
                    v = _int(sp.get(w(attr)))
                    if v is not None:
                        props[key] = v
                if sp.get(w("lineRule")):
                    props["line_rule"] = sp.get(w("lineRule"))
                elif sp.get(w("line")) is not None:
                    props["line_rule"] = "auto"
                bl = _int(sp.get(w("beforeLines")))
                if bl is not None:
                    props["before_lines"] = bl
            for tag, key in (("keepNext", "keep_next"), ("pageBreakBefore", "page_break_before"),
                             ("snapToGrid", "snap_to_grid")):
                v = _on(ppr.find(f"w:{tag}", NS))
                if v is not None:
                    props[key] = v
            bdr = ppr.find("w:pBdr", NS)
            if bdr is not None:
                for side in bdr:
                    name = etree.QName(side).localname
                    borders[name] = border(side)
            num_pr = ppr.find("w:numPr", NS)
            if num_pr is not None:
                nid = num_pr.find("w:numId", NS)
                lvl = num_pr.find("w:ilvl", NS)
                if nid is not None:
                    num_id = nid.get(w("val"))
                if lvl is not None:
                    ilvl = _int(lvl.get(w("val"))) or 0
            tabs_el = ppr.find("w:tabs", NS)
            if tabs_el is not None:
                for tab in tabs_el.findall("w:tab", NS):
                    pos = _int(tab.get(w("pos")))
                    if pos is None:
                        continue
                    if tab.get(w("val")) == "clear":
                        tabs.pop(pos, None)
                    else:
                        tabs[pos] = tab.get(w("val"), "left")
        left, right, first = ind.resolve(char_tw)
        return ParaProps(style_id=style_id, left=left, right=right, first_line=first,
                         borders={k: b for k, b in borders.items() if b.val not in ("nil", "none")},
                         tabs=tuple((tabs[k], k) for k in sorted(tabs)),
                         numbering=(num_id, ilvl) if num_id not in (None, "0") else None,
                         size=mark.size, **props)  # type: ignore[arg-type]


def border(el: etree._Element) -> Border:
    """A border element (``w:top``, ``w:bottom``, ``w:insideH`` …)."""
    color = (el.get(w("color")) or "").upper()
    return Border(
        val=el.get(w("val"), "none"),
        width_pt=(_int(el.get(w("sz"))) or 0) / 8,
        color=None if color in ("", "AUTO") else color,
        space_pt=float(_int(el.get(w("space"))) or 0),
    )


# -- Paragraphs and sections --------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A run's text and its effective formatting."""

    text: str
    props: RunProps


@dataclass
class Paragraph:
    """A paragraph of the document, in reading order, with its effective formatting.

    ``index`` is 1-based over all paragraphs of the body (table cells included).
    ``section`` is the 0-based section the paragraph lies in.
    """

    index: int
    element: etree._Element
    runs: list[Run]
    props: ParaProps
    in_table: bool = False
    table: int | None = None  # which table (0-based, in reading order)
    section: int = 0
    has_drawing: bool = False
    page_break_before: bool = False  # a page or section break puts it on a new page
    ends_with_page_break: bool = False
    style_name: str | None = None
    number: int | None = None
    """1-based position in python-docx's ``Document.paragraphs`` (the body's own
    paragraphs: ``doc.paragraphs[number - 1]``); None inside tables and content controls."""
    cell: tuple[int, int, int] | None = None
    """For a paragraph in a body-level table, (table, row, column), 1-based as a user
    counts them: ``doc.tables[t - 1].cell(r - 1, c - 1)`` in python-docx (the column is
    the grid column, merged cells counted by their span)."""

    @property
    def where(self) -> str:
        """The position a user can find: ``第12段`` (python-docx ``doc.paragraphs``, from 1),
        ``表1第2行第3格`` for a table cell, or ``全文第40段`` (all paragraphs in reading
        order) for one in a nested table or a content control."""
        if self.number is not None:
            return f"第{self.number}段"
        if self.cell is not None:
            t, r, c = self.cell
            return f"表{t}第{r}行第{c}格"
        return f"全文第{self.index}段"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def stripped(self) -> str:
        """The text without surrounding spaces (ASCII, full-width and no-break)."""
        return self.text.strip(" \t\u3000\u00a0\n")

    def excerpt(self, n: int = 20) -> str:
        t = self.stripped.replace("\n", " ").replace("\t", " ")
        return t if len(t) <= n else t[:n] + "…"

    def char_runs(self) -> list[tuple[str, RunProps]]:
        """Every character with the formatting of its run."""
        return [(ch, r.props) for r in self.runs for ch in r.text]


@dataclass(frozen=True)
class Footer:
    """A footer part: its paragraphs, and its text with each PAGE field shown as ``N``."""

    part: str
    paragraphs: list[Paragraph]
    pattern: str
    has_page_field: bool


@dataclass(frozen=True)
class Section:
    """Page setup of one section. Lengths in twips."""

    index: int
    width: int | None
    height: int | None
    orient: str
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None
    gutter: int
    footer_distance: int | None
    grid_type: str | None
    line_pitch: int | None
    char_space: int | None
    title_page: bool
    footers: dict[str, str]  # footer type (default, even, first) → part name
    headers: dict[str, str]  # header type → part name
    starts_new_page: bool


_PAGE_FIELD = re.compile(r"^\s*PAGE\b", re.I)


class Document:
    """A .docx read for checking: styles, settings, sections, paragraphs and footers."""

    def __init__(self, data: bytes, name: str = "document") -> None:
        self.package = Package(data, name)
        self.name = name
        self.styles = Styles(self.package)
        main = self.package.xml(self.package.main)
        assert main is not None
        self.root = main
        body = main.find("w:body", NS)
        if body is None:
            raise DocxError(f"{name}: the document has no body")
        self.body = body
        settings = self.package.xml(self.package.related(self.package.main, "/settings"))
        self.settings = settings
        self.even_and_odd = settings is not None and bool(
            _on(settings.find("w:evenAndOddHeaders", NS)))
        self.mirror_margins = settings is not None and bool(
            _on(settings.find("w:mirrorMargins", NS)))
        from govdoc.check.lists import Lists

        self.lists = Lists.read(self.package)
        self.sections: list[Section] = []
        self.paragraphs: list[Paragraph] = []
        self.table_styles: list[str | None] = []
        self._read_body()
        self._footers: dict[str, Footer] = {}

    # -- body

    def _read_body(self) -> None:
        sect_elements: list[etree._Element] = []
        pending_break = False
        table_count = 0
        body_paragraphs = 0  # python-docx's doc.paragraphs: the body's own w:p
        body_tables = 0  # python-docx's doc.tables: the body's own w:tbl

        def walk(parent: etree._Element, table: int | None, table_style: str | None,
                 cell: tuple[int, int, int] | None = None) -> None:
            nonlocal pending_break, table_count, body_paragraphs, body_tables
            for child in parent:
                tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
                if tag == "p":
                    para = self._paragraph(child, table, table_style, len(sect_elements))
                    if parent is self.body:
                        body_paragraphs += 1
                        para.number = body_paragraphs
                    para.cell = cell
                    para.page_break_before = para.page_break_before or pending_break \
                        or para.props.page_break_before
                    pending_break = para.ends_with_page_break
                    self.paragraphs.append(para)
                    sect = child.find("w:pPr/w:sectPr", NS)
                    if sect is not None:
                        sect_elements.append(sect)
                        # the next section starts on a new page unless it is continuous
                        kind = sect.find("w:type", NS)
                        pending_break = pending_break or kind is None or \
                            kind.get(w("val")) != "continuous"
                elif tag == "tbl":
                    index = table_count
                    table_count += 1
                    style_el = child.find("w:tblPr/w:tblStyle", NS)
                    style = style_el.get(w("val")) if style_el is not None else \
                        self.styles.default_table
                    self.table_styles.append(style)
                    top_level = parent is self.body
                    if top_level:
                        body_tables += 1
                    for row, tr in enumerate(child.findall("w:tr", NS), 1):
                        before = tr.find("w:trPr/w:gridBefore", NS)
                        column = 1 + ((_int(before.get(w("val"))) or 0) if before is not None else 0)
                        for tc in tr.findall("w:tc", NS):
                            walk(tc, index, style, (body_tables, row, column) if top_level else None)
                            span = tc.find("w:tcPr/w:gridSpan", NS)
                            column += max(1, _int(span.get(w("val"))) or 1) if span is not None else 1
                elif tag in ("sdt", "customXml", "smartTag"):
                    content = child.find("w:sdtContent", NS) if tag == "sdt" else child
                    if content is not None:
                        walk(content, table, table_style, cell)

        walk(self.body, None, None)
        final = self.body.find("w:sectPr", NS)
        if final is not None:
            sect_elements.append(final)
        for i, el in enumerate(sect_elements):
            self.sections.append(self._section(i, el))
        if not self.sections:
            self.sections.append(self._section(0, None))

    def _paragraph(self, p: etree._Element, table: int | None, table_style: str | None,
                   section: int, numbered: bool = True) -> Paragraph:
        ppr = p.find("w:pPr", NS)
        props = self.styles.para_props(ppr, table_style)
        runs: list[Run] = []
        has_drawing = False
        ends_break = False
        field_depth = 0
        for r in _runs_of(p):
            rpr = r.find("w:rPr", NS)
            rstyle = rpr.find("w:rStyle", NS) if rpr is not None else None
            props_r = self.styles.run_props(props.style_id, rstyle.get(w("val")) if rstyle is not None
                                            else None, rpr, table_style)
            text = []
            for child in r:
                tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
                if tag == "fldChar":
                    kind = child.get(w("fldCharType"))
                    if kind == "begin":
                        field_depth += 1
                    elif kind == "end":
                        field_depth = max(0, field_depth - 1)
                elif tag == "t":
                    text.append(child.text or "")
                elif tag == "tab":
                    text.append("\t")
                elif tag in ("br", "cr"):
                    if child.get(w("type")) == "page":
                        ends_break = True
                    else:
                        text.append("\n")
                elif tag == "noBreakHyphen":
                    text.append("-")
                elif tag in ("drawing", "pict", "object"):
                    has_drawing = True
                elif tag == "lastRenderedPageBreak":
                    pass
            if props_r.vanish:
                continue
            if text:
                runs.append(Run("".join(text), props_r))
        if p.find(".//w:drawing", NS) is not None or p.find(".//w:pict", NS) is not None:
            has_drawing = True
        if props.numbering is not None and numbered:
            label, level_rpr = self.lists.label(*props.numbering)
            if label:
                runs.insert(0, Run(label, self.styles.run_props(
                    props.style_id, None, level_rpr, table_style)))
        return Paragraph(
            index=len(self.paragraphs) + 1, element=p, runs=runs, props=props,
            in_table=table is not None, table=table, section=section, has_drawing=has_drawing,
            ends_with_page_break=ends_break, style_name=self.styles.style_name(props.style_id),
        )

    def _section(self, index: int, el: etree._Element | None) -> Section:
        def get(path: str, attr: str) -> int | None:
            if el is None:
                return None
            node = el.find(path, NS)
            return _int(node.get(w(attr))) if node is not None else None

        footers: dict[str, str] = {}
        headers: dict[str, str] = {}
        if el is not None:
            rels = self.package.rels(self.package.main)
            for tag, found in (("footerReference", footers), ("headerReference", headers)):
                for ref in el.findall(f"w:{tag}", NS):
                    rid = ref.get(f"{{{R}}}id")
                    if rid in rels:
                        found[ref.get(w("type"), "default")] = rels[rid][0]
        grid = el.find("w:docGrid", NS) if el is not None else None
        pg = el.find("w:pgSz", NS) if el is not None else None
        kind = el.find("w:type", NS) if el is not None else None
        return Section(
            index=index,
            width=get("w:pgSz", "w"), height=get("w:pgSz", "h"),
            orient=(pg.get(w("orient")) if pg is not None else None) or "portrait",
            top=get("w:pgMar", "top"), bottom=get("w:pgMar", "bottom"),
            left=get("w:pgMar", "left"), right=get("w:pgMar", "right"),
            gutter=get("w:pgMar", "gutter") or 0, footer_distance=get("w:pgMar", "footer"),
            grid_type=(grid.get(w("type")) if grid is not None else None),
            line_pitch=_int(grid.get(w("linePitch"))) if grid is not None else None,
            char_space=_int(grid.get(w("charSpace"))) if grid is not None else None,
            title_page=bool(el is not None and _on(el.find("w:titlePg", NS))),
            footers=footers, headers=headers,
            starts_new_page=kind is None or kind.get(w("val")) != "continuous",
        )

    # -- footers

    def section_footers(self, section: int) -> dict[str, str]:
        """The footer parts in force in ``section``: a section without its own footer of
        a type inherits the previous section's."""
        out: dict[str, str] = {}
        for sec in self.sections[: section + 1]:
            out.update(sec.footers)
        return out

    def footer(self, part: str) -> Footer:
        if part not in self._footers:
            root = self.package.xml(part)
            paragraphs: list[Paragraph] = []
            pattern = []
            has_page = False
            if root is not None:
                for p in root.iter(w("p")):
                    para = self._paragraph(p, None, None, 0, numbered=False)
                    paragraphs.append(para)
                    text, page = field_pattern(p)
                    has_page = has_page or page
                    if text.strip():
                        pattern.append(text)
            self._footers[part] = Footer(part, paragraphs, "\n".join(pattern), has_page)
        return self._footers[part]


def _runs_of(p: etree._Element) -> list[etree._Element]:
    """The runs of ``p`` in order, inside hyperlinks, fields and insertions but not
    inside deletions or nested text boxes."""
    out = []
    for r in p.iter(w("r")):
        parent = r.getparent()
        skip = False
        while parent is not None and parent is not p:
            local = etree.QName(parent).localname
            if local in ("del", "moveFrom", "txbxContent", "p"):
                skip = True
                break
            parent = parent.getparent()
        if not skip:
            out.append(r)
    return out


def field_pattern(p: etree._Element) -> tuple[str, bool]:
    """The paragraph's text with a PAGE field's result shown as ``N``."""
    out: list[str] = []
    has_page = False
    depth = 0
    instr = ""
    in_result = False
    for el in p.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local == "fldSimple":
            if _PAGE_FIELD.match(el.get(w("instr"), "")):
                out.append("N")
                has_page = True
            continue
        if local == "fldChar":
            kind = el.get(w("fldCharType"))
            if kind == "begin":
                depth += 1
                instr = ""
                in_result = False
            elif kind == "separate":
                in_result = True
                if _PAGE_FIELD.match(instr):
                    out.append("N")
                    has_page = True
            elif kind == "end":
                depth = max(0, depth - 1)
                in_result = False
            continue
        if local == "instrText":
            instr += el.text or ""
            continue
        if local == "t":
            parent = el.getparent()
            anc = parent.getparent() if parent is not None else None
            if anc is not None and etree.QName(anc).localname == "fldSimple":
                continue
            if depth and (not in_result or _PAGE_FIELD.match(instr)):
                continue
            out.append(el.text or "")
        elif local == "tab":
            out.append("\t")
    return "".join(out), has_page


def load(source: object, name: str | None = None) -> Document:
    """Read ``source``: a path, bytes, a binary stream, a :class:`govdoc.Document` or a
    python-docx document."""
    import os

    if isinstance(source, (bytes, bytearray)):
        return Document(bytes(source), name or "document")
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise DocxError(f"{path}: cannot be read ({exc.strerror})") from None
        return Document(data, name or str(path))
    to_bytes = getattr(source, "to_bytes", None)
    if callable(to_bytes):
        return Document(to_bytes(), name or "document")
    save = getattr(source, "save", None)
    if callable(save):
        buf = io.BytesIO()
        save(buf)
        return Document(buf.getvalue(), name or "document")
    read = getattr(source, "read", None)
    if callable(read):
        return Document(read(), name or str(getattr(source, "name", "document")))
    raise TypeError(f"check() takes a path, bytes, a stream or a document, not {type(source).__name__}")


__all__ = ["Border", "Document", "DocxError", "FontSlot", "Footer", "Package", "ParaProps",
           "Paragraph", "Run", "RunProps", "Section", "Styles", "load"]

"""The style cascade of WordprocessingML: what formatting a paragraph or run has in effect.

Run properties come from the document defaults, then the table style, the paragraph
style's ``basedOn`` chain (base first), the character style's chain, and finally the
run's own properties; paragraph properties the same way without the character layers.
Theme fonts (``w:eastAsiaTheme="minorEastAsia"`` …) are looked up in the theme part's
major and minor fonts, by the script of the document's East Asian theme language.

:class:`Styles` builds on :class:`~govdoc.ooxml.stylesheet.StyleSheet` (the styles
of a ``styles.xml`` and their ``basedOn`` chains), adding the package's theme and
settings, and resolves the cascade (the checker). Lengths are kept in twips; type sizes in points.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.oxml.ns import nsmap, qn
from lxml import etree

from govdoc.ooxml.package import Package
from govdoc.ooxml.properties import border_pt, integer, on_off
from govdoc.ooxml.stylesheet import StyleSheet

__all__ = ["DEFAULT_SIZE_PT", "Border", "FontSlot", "ParaProps", "RunProps",
           "Styles", "border"]

DEFAULT_SIZE_PT = 10.0
"""The type size when nothing sets one (OOXML's default ``w:sz`` of 20 half-points)."""

# Theme language → the theme's script tag for its East Asian font.
_SCRIPTS = {"zh-CN": "Hans", "zh-SG": "Hans", "zh-TW": "Hant", "zh-HK": "Hant", "zh-MO": "Hant",
            "ja-JP": "Jpan", "ko-KR": "Hang"}
# Theme colour names of w:color/@w:themeColor → the theme's colour scheme slots.
_THEME_COLOURS = {"text1": "dk1", "dark1": "dk1", "text2": "dk2", "dark2": "dk2",
                  "background1": "lt1", "light1": "lt1", "background2": "lt2", "light2": "lt2"}



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
            v = integer(el.get(qn(f"w:{name}")))
            if v is not None:
                key = {"start": "left", "end": "right", "startChars": "leftChars",
                       "endChars": "rightChars"}.get(name, name)
                self.vals[key] = v
        # firstLine and hanging exclude each other; so do their *Chars forms.
        for name, other in (("firstLine", "hanging"), ("hanging", "firstLine"),
                            ("firstLineChars", "hangingChars"), ("hangingChars", "firstLineChars")):
            v = integer(el.get(qn(f"w:{name}")))
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


class Styles(StyleSheet):
    """The document's styles, defaults and theme fonts, resolving formatting like Word."""

    def __init__(self, package: Package) -> None:
        self.package = package
        super().__init__(package.xml(package.related(package.main or "", "/styles")))
        settings = package.xml(package.related(package.main or "", "/settings"))
        lang = None
        if settings is not None:
            tfl = settings.find("w:themeFontLang", nsmap)
            if tfl is not None:
                lang = tfl.get(qn("w:eastAsia"))
        self.theme_lang = lang or "zh-CN"
        self.theme = package.xml(package.related(package.main or "", "/theme"))

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
        group = self.theme.find(f".//a:fontScheme/a:{'majorFont' if major else 'minorFont'}", nsmap)
        if group is None:
            return None
        kind = slot[5:]
        if kind == "EastAsia":
            ea = group.find("a:ea", nsmap)
            if ea is not None and ea.get("typeface"):
                return ea.get("typeface")
            faces = {f.get("script"): f.get("typeface") for f in group.findall("a:font", nsmap)}
            return faces.get(_SCRIPTS.get(self.theme_lang, "Hans")) or faces.get("Hans") or None
        tag = "a:cs" if kind == "Bidi" else "a:latin"
        el = group.find(tag, nsmap)
        return el.get("typeface") if el is not None and el.get("typeface") else None

    def theme_colour(self, name: str) -> str | None:
        if self.theme is None:
            return None
        slot = _THEME_COLOURS.get(name, name)
        el = self.theme.find(f".//a:clrScheme/a:{slot}", nsmap)
        if el is None:
            return None
        srgb = el.find("a:srgbClr", nsmap)
        if srgb is not None:
            return srgb.get("val", "").upper() or None
        sys_clr = el.find("a:sysClr", nsmap)
        if sys_clr is not None:
            return (sys_clr.get("lastClr") or "").upper() or None
        return None

    # -- run properties

    def _run_layers(self, para_style: str | None, char_style: str | None,
                    table_style: str | None, direct: etree._Element | None
                    ) -> list[etree._Element]:
        layers = [self.defaults("r")]
        if table_style:
            layers += [s.find("w:rPr", nsmap) for s in self.chain(table_style)]
        layers += [s.find("w:rPr", nsmap) for s in self.chain(para_style or self.default_para)]
        if char_style:
            layers += [s.find("w:rPr", nsmap) for s in self.chain(char_style)]
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
            rf = rpr.find("w:rFonts", nsmap)
            if rf is not None:
                for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                    theme = rf.get(qn(f"w:{slot}Theme")) if slot != "cs" else rf.get(qn("w:cstheme"))
                    name = rf.get(qn(f"w:{slot}"))
                    if theme is not None:
                        # The theme's face; where the theme cannot tell (no theme part,
                        # no face for the script), the name written beside it, which is
                        # what Word and LibreOffice fall back to.
                        slots[slot] = FontSlot(self.theme_font(theme) or name, theme)
                    elif name is not None:
                        slots[slot] = FontSlot(name)
            sz = rpr.find("w:sz", nsmap)
            if sz is not None and integer(sz.get(qn("w:val"))) is not None:
                size = int(sz.get(qn("w:val"))) / 2  # type: ignore[arg-type]
            c = rpr.find("w:color", nsmap)
            if c is not None:
                theme = c.get(qn("w:themeColor"))
                val = (c.get(qn("w:val")) or "").upper()
                if theme:
                    color = self.theme_colour(theme) or (None if val in ("", "AUTO") else val)
                else:
                    color = None if val in ("", "AUTO") else val
            b = on_off(rpr.find("w:b", nsmap))
            if b is not None:
                bold = b
            sp = rpr.find("w:spacing", nsmap)
            if sp is not None and integer(sp.get(qn("w:val"))) is not None:
                spacing = int(sp.get(qn("w:val")))  # type: ignore[arg-type]
            v = on_off(rpr.find("w:vanish", nsmap))
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
        ppr = etree.Element(qn("w:pPr"))
        if style_id is not None:
            etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), style_id)
        return self.para_props(ppr)

    def para_props(self, direct: etree._Element | None, table_style: str | None = None) -> ParaProps:
        """The effective paragraph properties of a paragraph with direct ``w:pPr``."""
        style_id = None
        if direct is not None:
            ps = direct.find("w:pStyle", nsmap)
            if ps is not None:
                style_id = ps.get(qn("w:val"))
        if style_id not in self.by_id:
            style_id = self.default_para
        layers = [self.defaults("p")]
        if table_style:
            layers += [s.find("w:pPr", nsmap) for s in self.chain(table_style)]
        layers += [s.find("w:pPr", nsmap) for s in self.chain(style_id)]
        layers.append(direct)
        # The paragraph mark: its style's run properties and its own (w:pPr/w:rPr),
        # which set the character unit of *Chars lengths.
        mark = self.run_props(style_id, None, direct.find("w:rPr", nsmap) if direct is not None
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
            jc = ppr.find("w:jc", nsmap)
            if jc is not None and jc.get(qn("w:val")):
                props["jc"] = {"start": "left", "end": "right", "justify": "both"}.get(
                    jc.get(qn("w:val")), jc.get(qn("w:val")))
            el = ppr.find("w:ind", nsmap)
            if el is not None:
                ind.apply(el)
            sp = ppr.find("w:spacing", nsmap)
            if sp is not None:
                for attr, key in (("before", "before"), ("after", "after"), ("line", "line")):
                    v = integer(sp.get(qn(f"w:{attr}")))
                    if v is not None:
                        props[key] = v
                if sp.get(qn("w:lineRule")):
                    props["line_rule"] = sp.get(qn("w:lineRule"))
                elif sp.get(qn("w:line")) is not None:
                    props["line_rule"] = "auto"
                bl = integer(sp.get(qn("w:beforeLines")))
                if bl is not None:
                    props["before_lines"] = bl
            for tag, key in (("keepNext", "keep_next"), ("pageBreakBefore", "page_break_before"),
                             ("snapToGrid", "snap_to_grid")):
                v = on_off(ppr.find(f"w:{tag}", nsmap))
                if v is not None:
                    props[key] = v
            bdr = ppr.find("w:pBdr", nsmap)
            if bdr is not None:
                for side in bdr:
                    name = etree.QName(side).localname
                    borders[name] = border(side)
            num_pr = ppr.find("w:numPr", nsmap)
            if num_pr is not None:
                nid = num_pr.find("w:numId", nsmap)
                lvl = num_pr.find("w:ilvl", nsmap)
                if nid is not None:
                    num_id = nid.get(qn("w:val"))
                if lvl is not None:
                    ilvl = integer(lvl.get(qn("w:val"))) or 0
            tabs_el = ppr.find("w:tabs", nsmap)
            if tabs_el is not None:
                for tab in tabs_el.findall("w:tab", nsmap):
                    pos = integer(tab.get(qn("w:pos")))
                    if pos is None:
                        continue
                    if tab.get(qn("w:val")) == "clear":
                        tabs.pop(pos, None)
                    else:
                        tabs[pos] = tab.get(qn("w:val"), "left")
        left, right, first = ind.resolve(char_tw)
        return ParaProps(style_id=style_id, left=left, right=right, first_line=first,
                         borders={k: b for k, b in borders.items() if b.val not in ("nil", "none")},
                         tabs=tuple((tabs[k], k) for k in sorted(tabs)),
                         numbering=(num_id, ilvl) if num_id not in (None, "0") else None,
                         size=mark.size, **props)  # type: ignore[arg-type]


def border(el: etree._Element) -> Border:
    """A border element (``w:top``, ``w:bottom``, ``w:insideH`` …)."""
    color = (el.get(qn("w:color")) or "").upper()
    return Border(
        val=el.get(qn("w:val"), "none"),
        width_pt=border_pt(integer(el.get(qn("w:sz"))) or 0),
        color=None if color in ("", "AUTO") else color,
        space_pt=float(integer(el.get(qn("w:space"))) or 0),
    )


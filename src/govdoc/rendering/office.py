"""An office's own 红头 template: its fields, its 版头 and 版记, and their geometry.

A template draws its own 版头 when anything stands above its ``{{p body }}`` paragraph
(the 标志 as text, picture, WordArt or a table, the red rule), and its own 版记 when
anything stands below it. govdoc then lays out only the body between them: the title,
主送机关, 正文, 署名, date and attachments. What the template draws is kept as drawn.

The template's Jinja fields (``{{ number }}``, ``{%p if cc %}``…, in the body, headers,
footers and text boxes) are filled from :func:`fields`: the report's data, read-only
(strings, tuples and a read-only mapping), escaped by the sandbox. :func:`template_info`
reads, once per template, which fields each part uses and how far the drawn 版头 and
版记 stray from GB/T 9704 (:attr:`TemplateInfo.deviations`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Callable, Iterator

from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaError
from jinja2 import meta, nodes
from lxml import etree

from govdoc import spec
from govdoc.model import Report
from govdoc.ooxml.package import HUGE_PARSER
from govdoc.ooxml.properties import border_pt, integer
from govdoc.ooxml.stylesheet import StyleSheet
from govdoc.rendering.sandbox import ENV
from govdoc.template_contract import BODY_PLACEHOLDER, FIELDS, GOVDOC_NAMES
from govdoc.text import format_date

__all__ = ["FIELDS", "TemplateInfo", "fields", "template_info"]

_RED = ("FF0000", "E60012", "C00000", "FF0101", "ED1C24", "E50012", "DA251D", "CC0000")


def fields(report: Report, fix: Callable[[str], str]) -> dict[str, Any]:
    """The values a template is filled with: what ``report`` supplies, read-only.

    The 版头 fields come with a header (份号, 密级, 紧急程度 and 签发人 empty when the
    header has none; ``number`` only when it has one), the 版记 fields with an imprint.
    """
    values: dict[str, Any] = {
        "title": fix(report.title),
        "recipients": tuple(fix(r) for r in report.recipients),
        "extra": MappingProxyType({k: fix(v) for k, v in report.extra.items()}),
    }
    # A part the report lacks (no 署名, no 成文日期) is not supplied: a template that
    # shows it gets the missing-field error, never an invented value.
    if isinstance(report.issuer, str):
        values["issuer"] = fix(report.issuer)
    elif report.issuer:
        values["issuer"] = tuple(fix(i) for i in report.issuer)
    if report.date is not None:
        values["date"] = format_date(report.date)
    header = report.header
    if header is not None:
        values.update(
            organs=tuple(fix(o) for o in header.organs),
            copy_number=header.copy_number or "",
            secrecy=fix(header.secrecy) if header.secrecy else "",
            urgency=header.urgency.value if header.urgency else "",
            signers=tuple(fix(s) for s in header.signers),
        )
        if header.number:
            values["number"] = fix(header.number)
    if report.imprint is not None:
        values["cc"] = tuple(fix(c) for c in report.imprint.cc)
        if report.imprint.printer is not None:
            values["printer"] = fix(report.imprint.printer)
        if report.imprint.date is not None:
            values["print_date"] = format_date(report.imprint.date)
    return values


@dataclass(frozen=True)
class TemplateInfo:
    """What a template draws and asks for."""

    head: bool
    """It draws its own 版头 above the body."""
    imprint: bool
    """It draws its own 版记 below the body."""
    uses: tuple[tuple[str, str], ...]
    """(field, part) for every field a part uses, ``extra.name`` for an extra field."""
    deviations: tuple[str, ...]
    """Where its drawn 版头, 版记 and page stray from GB/T 9704, one line each."""

    def missing(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        """(field, part) for the fields ``values`` does not supply."""
        out = []
        for name, part in self.uses:
            if name.startswith("extra."):
                if name[6:] not in values["extra"]:
                    out.append((name, part))
            elif name not in values and name not in GOVDOC_NAMES:
                out.append((name, part))
        return out


@lru_cache(maxsize=16)
def template_info(data: bytes) -> TemplateInfo:
    """Read a checked template ``data`` once: its drawn parts, fields and deviations."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist() if _rendered_part(n)}
        styles = etree.fromstring(zf.read("word/styles.xml"), HUGE_PARSER)
    tpl = DocxTemplate(io.BytesIO(data))
    uses: list[tuple[str, str]] = []
    for name in sorted(parts, key=lambda n: (n != "word/document.xml", n)):
        xml = parts[name].decode("utf-8", "replace")
        if "{" not in xml:
            continue
        sources = _core_texts(parts[name]) if name.startswith("docProps/") else [tpl.patch_xml(xml)]
        for source in sources:
            uses += [(f, name) for f in sorted(_used_fields(source)) if (f, name) not in uses]
    body = etree.fromstring(parts["word/document.xml"], HUGE_PARSER).find(qn("w:body"))
    head, tail = _around_placeholder(body)
    deviations = list(_page_deviations(body))
    if head:
        deviations += _head_deviations(head, styles)
    if tail:
        deviations += _imprint_deviations(tail)
    return TemplateInfo(bool(head), bool(tail), tuple(uses), tuple(deviations))


def _rendered_part(name: str) -> bool:
    return name == "word/document.xml" or name == "docProps/core.xml" or (
        name.startswith(("word/header", "word/footer", "word/footnotes"))
        and name.endswith(".xml"))


def _core_texts(blob: bytes) -> list[str]:
    try:
        return [t for t in etree.fromstring(blob, HUGE_PARSER).itertext() if "{" in t]
    except etree.XMLSyntaxError:
        return []


def _used_fields(source: str) -> set[str]:
    """The context names ``source`` reads, and ``extra.key`` for each key of ``extra``
    it names; none when it does not parse (filling reports that)."""
    try:
        tree = ENV.parse(source)
        names = set(meta.find_undeclared_variables(tree)) - set(ENV.globals)
    except JinjaError:
        return set()
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        target = node.node
        if isinstance(target, nodes.Name) and target.name == "extra" and "extra" in names:
            if isinstance(node, nodes.Getattr):
                names.add(f"extra.{node.attr}")
            elif isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                names.add(f"extra.{node.arg.value}")
    return names


def _drawn(element: etree._Element) -> bool:
    """Whether an element of the body shows anything: text, a picture, shape or table,
    or a rule."""
    if element.tag == qn("w:sectPr"):
        return False
    if "".join(element.itertext()).strip():
        return True
    return element.tag == qn("w:tbl") or any(
        True for _ in element.iter(qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:pBdr")))


def _around_placeholder(body: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """The drawn elements above and below the ``{{p body }}`` paragraph."""
    children = list(body)
    at = next((i for i, c in enumerate(children)
               if c.tag == qn("w:p") and BODY_PLACEHOLDER in "".join(c.itertext())), None)
    if at is None:
        return [], []
    return ([c for c in children[:at] if _drawn(c)], [c for c in children[at + 1:] if _drawn(c)])


def _twips(element: etree._Element | None, attr: str) -> int | None:
    """The integer attribute ``attr`` (``w:top``) of ``element``; None when absent."""
    return None if element is None else integer(element.get(qn(attr)))


def _page_deviations(body: etree._Element) -> Iterator[str]:
    sect = body.find(qn("w:sectPr"))
    margins = None if sect is None else sect.find(qn("w:pgMar"))
    for attr, want in (("w:top", spec.MARGIN_TOP), ("w:left", spec.MARGIN_LEFT)):
        got = _twips(margins, attr)
        if got is not None \
                and abs(spec.twips_to_mm(got) - want.value) > spec.MARGIN_TOLERANCE.value:
            yield (f"页边距: the {attr[2:]} margin is {spec.twips_to_mm(got):.1f} mm, GB/T 9704 "
                   f"{want.clause} asks {want.value:g} mm ± {spec.MARGIN_TOLERANCE.value:g}")
    grid = None if sect is None else sect.find(qn("w:docGrid"))
    pitch = _twips(grid, "w:linePitch")
    if pitch != spec.LINE_PITCH_TW:
        shown = "none" if pitch is None else f"{pitch / 20:g} pt"
        yield (f"行距: the page grid's line pitch is {shown}, not {spec.LINE_PITCH_TW / 20:g} pt: "
               f"the body will not keep {spec.LINES_PER_PAGE.value} lines a page "
               f"({spec.LINES_PER_PAGE.clause})")


def _is_red(color: str | None) -> bool:
    if not color:
        return False
    color = color.lstrip("#").upper()
    if color in _RED or color == "RED":
        return True
    try:
        r, g, b = int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)
    except ValueError:
        return False
    return r >= 0xB0 and g <= 0x40 and b <= 0x40


@dataclass(frozen=True)
class Rule:
    """A red rule the template draws: its length and thickness in millimetres."""

    length_mm: float | None
    thickness_mm: float | None


def _style_chain(styles: etree._Element | None, style_id: str | None) -> list[etree._Element]:
    """The style ``style_id`` and those it is based on, nearest first."""
    return StyleSheet(styles).chain(style_id)[::-1]


def _paragraph_props(paragraph: etree._Element, styles: etree._Element | None,
                     ) -> list[etree._Element]:
    """The paragraph's own pPr, then its style's and their bases'."""
    ppr = paragraph.find(qn("w:pPr"))
    style = None if ppr is None else ppr.find(qn("w:pStyle"))
    own = [] if ppr is None else [ppr]
    chain = _style_chain(styles, None if style is None else style.get(qn("w:val")))
    return own + [p for s in chain for p in s.findall(qn("w:pPr"))]


def red_rules(elements: list[etree._Element],
              styles: etree._Element | None = None) -> list[Rule]:
    """The red rules in ``elements``: paragraph borders (direct or from the paragraph's
    style in ``styles``) and line shapes."""
    rules = []
    block = spec.BLOCK_WIDTH.value
    for element in elements:
        for paragraph in ([element] if element.tag == qn("w:p") else element.iter(qn("w:p"))):
            props = _paragraph_props(paragraph, styles)
            border = next((b for p in props for b in p.findall(f"{qn('w:pBdr')}/*")
                           if b.tag in (qn("w:bottom"), qn("w:top"))), None)
            if border is None or not _is_red(border.get(qn("w:color"))):
                continue
            ind = next((i for p in props for i in p.findall(qn("w:ind"))), None)
            reach = sum(-(_twips(ind, a) or 0) for a in ("w:left", "w:right",
                                                           "w:start", "w:end"))
            size = _twips(border, "w:sz") or 0
            rules.append(Rule(block + spec.twips_to_mm(reach), spec.pt_to_mm(border_pt(size))))
        for shape in element.iter("{*}wsp"):
            line = shape.find(".//{*}ln")
            fill = None if line is None else line.find(".//{*}srgbClr")
            if fill is None or not _is_red(fill.get("val")):
                continue
            anchor = next((a for a in shape.iterancestors()
                           if a.tag in (qn("wp:anchor"), qn("wp:inline"))), None)
            extent = None if anchor is None else anchor.find(qn("wp:extent"))
            width = None if extent is None else int(extent.get("cx", "0")) / spec.EMU_PER_MM
            weight = line.get("w")
            rules.append(Rule(width, int(weight) / spec.EMU_PER_MM if weight else None))
        for shape in element.iter("{urn:schemas-microsoft-com:vml}line"):
            if not _is_red(shape.get("strokecolor")):
                continue
            rules.append(Rule(_vml_length(shape), _vml_points(shape.get("strokeweight"))))
    return rules


def _vml_points(value: str | None) -> float | None:
    if not value:
        return None
    for unit, per_mm in (("pt", spec.pt_to_mm(1)), ("mm", 1.0)):
        if value.endswith(unit):
            return float(value[:-len(unit)]) * per_mm
    return None


def _vml_length(shape: etree._Element) -> float | None:
    try:
        x0 = _vml_points(shape.get("from", "0pt,0pt").split(",")[0])
        x1 = _vml_points(shape.get("to", "0pt,0pt").split(",")[0])
    except ValueError:
        return None
    return None if x0 is None or x1 is None else abs(x1 - x0)


def _head_deviations(head: list[etree._Element], styles: etree._Element) -> Iterator[str]:
    rules = red_rules(head, styles)
    if not rules:
        yield ("红色分隔线: the template's 版头 draws no red rule under the 发文字号 "
               f"({spec.RULE_BELOW_NUMBER.clause})")
    for rule in rules[-1:]:
        if rule.length_mm is not None and abs(rule.length_mm - spec.BLOCK_WIDTH.value) > 1.0:
            yield (f"红色分隔线: the red rule is {rule.length_mm:.1f} mm long, GB/T 9704 "
                   f"{spec.RULE_BELOW_NUMBER.clause} asks it as wide as the 版心 "
                   f"({spec.BLOCK_WIDTH.value:g} mm)")
    mark_runs = [r for e in head for r in e.iter(qn("w:r")) if "".join(
        t.text or "" for t in r.iter(qn("w:t"))).strip()]
    pictures = [d for e in head for d in e.iter(qn("w:drawing"), qn("w:pict"))
                if not red_rules([d])]
    red_text = [r for r in mark_runs if _is_red(_run_color(r, styles))]
    if not red_text and not pictures:
        yield (f"发文机关标志: the template's 版头 has neither red text nor a picture for the "
               f"标志 ({spec.MARK_TOP_BELOW_BLOCK.clause} 推荐使用红色小标宋体字)")
    top = _mark_top_mm(head, red_text[0] if red_text else None)
    if top is not None and abs(top - spec.MARK_TOP_BELOW_BLOCK.value) > 1.0:
        yield (f"发文机关标志: its top edge is about {top:.1f} mm under the 版心's top, GB/T "
               f"9704 {spec.MARK_TOP_BELOW_BLOCK.clause} asks "
               f"{spec.MARK_TOP_BELOW_BLOCK.value:g} mm")


def _run_color(run: etree._Element, styles: etree._Element) -> str | None:
    """The run's colour: its own, else its paragraph style's."""
    color = run.find(f"{qn('w:rPr')}/{qn('w:color')}")
    if color is None:
        paragraph = next(run.iterancestors(qn("w:p")), None)
        pstyle = None if paragraph is None else paragraph.find(
            f"{qn('w:pPr')}/{qn('w:pStyle')}")
        chain = _style_chain(styles, None if pstyle is None else pstyle.get(qn("w:val")))
        color = next((c for s in chain for c in s.findall(f"{qn('w:rPr')}/{qn('w:color')}")),
                     None)
    return None if color is None else color.get(qn("w:val"))


def _mark_top_mm(head: list[etree._Element], mark: etree._Element | None) -> float | None:
    """The text 标志's top edge under the block's top, estimated from the spacing of the
    paragraphs above it (one grid line each) and its own; None for other 标志."""
    if mark is None:
        return None
    paragraph = next((a for a in mark.iterancestors(qn("w:p"))), None)
    if paragraph is None or paragraph.getparent().tag != qn("w:body"):
        return None
    above = 0.0
    for element in head:
        if element is paragraph:
            break
        if element.tag != qn("w:p"):
            return None
        above += _space_before_mm(element) + spec.pt_to_mm(spec.LINE_PITCH.value)
    size = _twips(mark.find(f"{qn('w:rPr')}/{qn('w:sz')}"), "w:val")
    ink = spec.pt_to_mm((size or 0) / 2 * spec.MARK_INK_ABOVE_LINE_TOP_EM)
    return above + _space_before_mm(paragraph) - ink


def _space_before_mm(paragraph: etree._Element) -> float:
    spacing = paragraph.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
    return spec.twips_to_mm(_twips(spacing, "w:before") or 0)


def _imprint_deviations(tail: list[etree._Element]) -> Iterator[str]:
    table = next((e for e in tail if e.tag == qn("w:tbl")), None)
    if table is None:
        yield ("版记: the template's 版记 is not a table anchored to the foot of the page; "
               f"GB/T 9704 {spec.IMPRINT_AT_BLOCK_BOTTOM.clause} puts it at the foot of the "
               "last page")
        return
    props = table.find(qn("w:tblPr"))
    floating = None if props is None else props.find(qn("w:tblpPr"))
    if floating is None or floating.get(qn("w:tblpYSpec")) != "bottom":
        yield (f"版记: its table is not anchored to the foot of the page (GB/T 9704 "
               f"{spec.IMPRINT_AT_BLOCK_BOTTOM.clause}): it follows the body instead")
    width = _twips(None if props is None else props.find(qn("w:tblW")), "w:w")
    if width and abs(spec.twips_to_mm(width) - spec.BLOCK_WIDTH.value) > 1.0:
        yield (f"版记: its table is {spec.twips_to_mm(width):.1f} mm wide, GB/T 9704 "
               f"{spec.IMPRINT_OUTER_RULE.clause} draws its rules as wide as the 版心 "
               f"({spec.BLOCK_WIDTH.value:g} mm)")
    borders = None if props is None else props.find(qn("w:tblBorders"))
    for side, want in (("top", spec.IMPRINT_OUTER_RULE), ("bottom", spec.IMPRINT_OUTER_RULE),
                       ("insideH", spec.IMPRINT_INNER_RULE)):
        border = None if borders is None else borders.find(qn(f"w:{side}"))
        size = _twips(border, "w:sz")
        if size is None or border.get(qn("w:val")) in ("nil", "none"):
            continue
        mm = spec.pt_to_mm(border_pt(size))
        if abs(mm - want.value) > 0.1:
            yield (f"版记: its {side} rule is {mm:.2f} mm thick, GB/T 9704 {want.clause} "
                   f"recommends {want.value:g} mm")


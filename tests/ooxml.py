"""OOXML helpers for tests: schema order of property elements (the order itself is
:data:`govdoc.ooxml.properties.ORDERS`), package integrity, style resolution (an oracle
written apart from :mod:`govdoc.ooxml.styles`, so that it can disagree)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx.opc.constants import NAMESPACE
from docx.oxml.ns import nsmap, qn
from lxml import etree

from govdoc.ooxml.properties import ORDERS

NS = nsmap


def q(tag: str) -> str:
    return qn(f"w:{tag}")


# The schema order of property elements is read from govdoc.ooxml.properties, where it
# is declared once (from ECMA-376); test_ooxml_properties.py checks that table itself.


def order_violations(xml: bytes) -> list[str]:
    """Property elements whose children are out of schema order, or unknown."""
    root = etree.fromstring(xml)
    problems = []
    for name, order in ORDERS.items():
        rank = {t: i for i, t in enumerate(order)}
        for el in root.iter(q(name)):
            last = -1
            for child in el:
                local = etree.QName(child).localname
                if local not in rank:
                    problems.append(f"{name}: unknown child {local}")
                    continue
                if rank[local] < last:
                    problems.append(f"{name}: {local} out of order")
                last = max(last, rank[local])
    return problems


R, WP, W14 = nsmap["r"], nsmap["wp"], nsmap["w14"]
PKG_RELS, CT = NAMESPACE.OPC_RELATIONSHIPS, NAMESPACE.OPC_CONTENT_TYPES


def _source_of(rels_name: str) -> tuple[str, str]:
    """The part a .rels entry belongs to, and the folder its targets are relative to."""
    folder, _, file = rels_name.rpartition("_rels/")
    return folder + file[: -len(".rels")], folder


def _resolve(folder: str, target: str) -> str:
    parts: list[str] = []
    for piece in (target[1:] if target.startswith("/") else folder + target).split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def package_problems(docx: bytes) -> list[str]:
    """Broken links and duplicate ids in a .docx package, as readable strings.

    Checks: unique zip entry names; a content type for every part and a part for
    every override; unique relationship ids per .rels; every internal relationship
    target exists; every ``r:id``-style reference in a part names one of its
    relationships; unique ``w:styleId``, ``wp:docPr/@id``, bookmark ids and
    ``w14:paraId``; every ``w:pStyle``/``w:rStyle`` names a defined style.
    """
    import io

    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        names = zf.namelist()
        blobs = {n: zf.read(n) for n in names}
    if len(set(names)) != len(names):
        problems.append("duplicate zip entries")
    ct = etree.fromstring(blobs["[Content_Types].xml"])
    defaults = {d.get("Extension").lower() for d in ct.iter(f"{{{CT}}}Default")}
    overrides = {o.get("PartName").lstrip("/") for o in ct.iter(f"{{{CT}}}Override")}
    for name in names:
        if name == "[Content_Types].xml":
            continue
        if name not in overrides and name.rpartition(".")[2].lower() not in defaults:
            problems.append(f"{name}: no content type")
    problems += [f"content type for missing part {o}" for o in sorted(overrides - set(names))]
    rel_ids: dict[str, set[str]] = {}
    for name in names:
        if not name.endswith(".rels"):
            continue
        source, folder = _source_of(name)
        ids = []
        for rel in etree.fromstring(blobs[name]).iter(f"{{{PKG_RELS}}}Relationship"):
            ids.append(rel.get("Id"))
            if rel.get("TargetMode") == "External":
                continue
            target = _resolve(folder, rel.get("Target"))
            if target not in blobs:
                problems.append(f"{name}: {rel.get('Id')} targets missing part {target}")
        if len(set(ids)) != len(ids):
            problems.append(f"{name}: duplicate relationship ids")
        rel_ids[source] = set(ids)
    seen: dict[str, list[str]] = {"docPr": [], "paraId": []}
    for name in names:
        if not name.endswith(".xml") or name == "[Content_Types].xml":
            continue
        root = etree.fromstring(blobs[name])
        for el in root.iter():
            for attr, value in el.attrib.items():
                if attr.startswith(f"{{{R}}}") and value not in rel_ids.get(name, set()):
                    problems.append(f"{name}: {etree.QName(attr).localname}={value} "
                                    "names no relationship")
        if name.startswith("word/"):
            seen["docPr"] += [d.get("id") for d in root.iter(f"{{{WP}}}docPr")]
            seen["paraId"] += [p.get(f"{{{W14}}}paraId") for p in root.iter(q("p"))
                               if p.get(f"{{{W14}}}paraId") is not None]
            marks = [b.get(q("id")) for b in root.iter(q("bookmarkStart"))]
            if len(set(marks)) != len(marks):
                problems.append(f"{name}: duplicate bookmark ids")
    for kind, values in seen.items():
        if len(set(values)) != len(values):
            problems.append(f"duplicate {kind} ids")
    if "word/styles.xml" in blobs:
        styles = etree.fromstring(blobs["word/styles.xml"])
        style_ids = [s.get(q("styleId")) for s in styles.iter(q("style"))]
        if len(set(style_ids)) != len(style_ids):
            problems.append("word/styles.xml: duplicate style ids")
        for name in names:
            if name.startswith("word/") and name.endswith(".xml") and name != "word/styles.xml":
                root = etree.fromstring(blobs[name])
                for ref in ("pStyle", "rStyle"):
                    for el in root.iter(q(ref)):
                        if el.get(q("val")) not in style_ids:
                            problems.append(f"{name}: {ref} {el.get(q('val'))} is not defined")
    return problems


def read_part(docx: Path | bytes, name: str) -> bytes:
    src = docx if isinstance(docx, Path) else __import__("io").BytesIO(docx)
    with zipfile.ZipFile(src) as zf:
        return zf.read(name)


class Styles:
    """Resolves run properties the way Word does: docDefaults → style chain → direct."""

    def __init__(self, styles_xml: bytes) -> None:
        self.root = etree.fromstring(styles_xml)
        self.by_id = {s.get(q("styleId")): s for s in self.root.iter(q("style"))}

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        chain = []
        while style_id and style_id in self.by_id:
            style = self.by_id[style_id]
            chain.append(style)
            based = style.find("w:basedOn", NS)
            style_id = based.get(q("val")) if based is not None else None
        return list(reversed(chain))

    def run_fonts(self, paragraph: etree._Element, run: etree._Element) -> dict[str, str]:
        """The effective rFonts attributes of ``run`` (ascii, hAnsi, eastAsia, cs)."""
        layers = [self.root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)]
        pstyle = paragraph.find("w:pPr/w:pStyle", NS)
        default_para = next(
            (s.get(q("styleId")) for s in self.by_id.values()
             if s.get(q("type")) == "paragraph" and s.get(q("default")) == "1"), None)
        pid = pstyle.get(q("val")) if pstyle is not None else default_para
        layers += [s.find("w:rPr", NS) for s in self._chain(pid)]
        rstyle = run.find("w:rPr/w:rStyle", NS)
        if rstyle is not None:
            layers += [s.find("w:rPr", NS) for s in self._chain(rstyle.get(q("val")))]
        layers.append(run.find("w:rPr", NS))
        fonts: dict[str, str] = {}
        for rpr in layers:
            if rpr is None:
                continue
            rf = rpr.find("w:rFonts", NS)
            if rf is None:
                continue
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                value = rf.get(q(slot))
                if value is not None:
                    fonts[slot] = value
                if rf.get(q(slot + "Theme")) is not None:
                    fonts[slot] = "THEME:" + rf.get(q(slot + "Theme"))
        return fonts

"""Making and checking an office's 红头 template.

:func:`init_template` turns an issued 红头 document into a template: it keeps
everything above the red rule and the 版记 drawing, puts fields where the 发文字号,
签发人, 份号, 密级, 紧急程度 and 版记 texts stood, and one ``{{p body }}`` paragraph where
the title, body, 署名 and date stood. It keeps the document's styles where they conform
to govdoc's and takes govdoc's where they do not, saying which.

:func:`check_office_template` lists what a template lacks or gets wrong.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from govdoc.errors import OutputExistsError, TemplateError
from govdoc import grammar
from govdoc.ooxml.package import HUGE_PARSER
from govdoc.rendering.office import red_rules, template_info
from govdoc.rendering.template import check_template
from govdoc.template_builder import styles_xml
from govdoc.template_contract import BODY_PLACEHOLDER, BODY_STYLE, FIELDS

__all__ = ["InitReport", "check_office_template", "init_template"]

@dataclass
class InitReport:
    """What :func:`init_template` did, one line each."""

    fields: list[str] = field(default_factory=list)
    """The texts replaced by fields: ``发文字号 棣政发〔2024〕5号 → {{ number }}``."""
    styles: list[str] = field(default_factory=list)
    """The styles kept and the styles taken from govdoc, with why."""
    notes: list[str] = field(default_factory=list)
    """What could not be carried over or looks wrong."""

    def lines(self) -> list[str]:
        return self.fields + self.styles + self.notes


def init_template(source: str | Path, out: str | Path, *, overwrite: bool = False) -> InitReport:
    """Write a template made from the issued document ``source`` to ``out``.

    Raises :class:`OutputExistsError` when ``out`` exists and ``overwrite`` is false,
    :class:`TemplateError` when ``source`` has no red rule (no 版头 to keep).
    """
    out = Path(out)
    if out.exists() and not overwrite:
        raise OutputExistsError(f"{out}: exists; pass --overwrite to replace it")
    try:
        doc = docx.Document(str(source))
    except Exception as exc:  # noqa: BLE001 - whatever python-docx trips on
        raise TemplateError(f"{source}: not a Word document python-docx can open "
                            f"({type(exc).__name__}: {exc})") from None
    styles = doc.styles.element
    report = InitReport()
    body = doc.element.body
    children = [c for c in body if c.tag != qn("w:sectPr")]
    rule_at = _red_rule_index(children, styles)
    if rule_at is None:
        raise TemplateError(f"{source}: no red rule (红色分隔线) found under the 标志: cannot "
                            "tell its 版头 from its body")
    imprint_at = _imprint_index(children)
    _head_fields([p for e in children[:rule_at + 1] for p in _paragraphs(e)], report)
    if imprint_at is not None:
        for paragraph in _paragraphs(children[imprint_at]):
            _imprint_fields(paragraph, report)
    else:
        report.notes.append("版记: none found; the template draws no 版记 and govdoc will "
                            "lay out the report's own")
    end = imprint_at if imprint_at is not None else len(children)
    placeholder = etree.fromstring(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{BODY_STYLE}"/></w:pPr><w:r>'
        f"<w:t>{BODY_PLACEHOLDER}</w:t></w:r></w:p>", HUGE_PARSER)
    children[rule_at].addnext(placeholder)
    for element in children[rule_at + 1:end]:
        body.remove(element)
    _take_styles(styles, report)
    doc.core_properties.title = "公文模板"
    doc.core_properties.subject = ""
    buffer = io.BytesIO()
    doc.save(buffer)
    data = buffer.getvalue()
    check_template(data, str(out))
    report.notes += [f"偏差: {d}" for d in template_info(data).deviations]
    out.write_bytes(data)
    return report


def _paragraphs(element: etree._Element) -> list[etree._Element]:
    if element.tag == qn("w:p"):
        return [element]
    return list(element.iter(qn("w:p")))


def _red_rule_index(children: list[etree._Element], styles: etree._Element) -> int | None:
    """The element that draws the red rule under the 发文字号: the first one, on page 1."""
    for i, element in enumerate(children[:40]):
        if red_rules([element], styles):
            return i
    return None


def _imprint_index(children: list[etree._Element]) -> int | None:
    """The last table that holds the 印发 line (the 版记)."""
    for i in range(len(children) - 1, -1, -1):
        element = children[i]
        if element.tag == qn("w:tbl") and any(
                grammar.printed(_text(p)) for p in element.iter(qn("w:p"))):
            return i
    return None


def _text(paragraph: etree._Element) -> str:
    out = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab")):
        out.append("\t" if node.tag == qn("w:tab") else node.text or "")
    return "".join(out)


def _replace(paragraph: etree._Element, old: str, new: str) -> bool:
    """Replace ``old`` by ``new`` in the paragraph's text, across runs: the run where
    ``old`` starts takes ``new`` (and keeps its formatting)."""
    texts = list(paragraph.iter(qn("w:t")))
    full = "".join(t.text or "" for t in texts)
    start = full.find(old)
    if start < 0 or not old:
        return False
    end = start + len(old)
    offset = 0
    placed = False
    for t in texts:
        text = t.text or ""
        lo, hi = offset, offset + len(text)
        offset = hi
        if hi <= start or lo >= end:
            continue
        head = text[:max(0, start - lo)]
        tail = text[max(0, end - lo):] if end < hi else ""
        t.text = head + (new if not placed else "") + tail
        t.set(qn("xml:space"), "preserve")
        placed = True
    return True


def _head_fields(paragraphs: list[etree._Element], report: InitReport) -> None:
    """份号, 密级, 紧急程度, 发文字号 and 签发人 of the 版头's paragraphs become fields.

    签发人 set over several lines (two names a line, 7.2.6) become one slice of
    ``signers`` a line, the last line taking the rest, so the template keeps the lines.
    """
    signer_lines: list[tuple[etree._Element, str]] = []
    in_signers = False
    for paragraph in paragraphs:
        text = _text(paragraph)
        for part in grammar.split_on_gaps(text) if text.strip() else []:
            for name, found in (("copy_number", grammar.copy_number(part)),
                                ("secrecy", grammar.secrecy(part)),
                                ("urgency", grammar.urgency(part))):
                if found and _replace(paragraph, part.strip(), f"{{{{ {name} }}}}"):
                    report.fields.append(f"{FIELDS[name]} {part.strip()} → {{{{ {name} }}}}")
        signed = grammar.signers_part(text.replace("\t", "　"))
        has_number = False
        for part in grammar.split_on_gaps((signed[0] if signed else text).replace("\t", "　")):
            number = grammar.doc_number(part.strip())
            written = part.strip()[:len(part.strip()) - len(number.rest)].strip() if number else ""
            if number and _replace(paragraph, written, "{{ number }}"):
                report.fields.append(f"发文字号 {number.number} → {{{{ number }}}}")
                has_number = True
        if signed:
            in_signers = True
            names = _text(paragraph).split("：")[-1].strip(" \t　")
        elif in_signers:
            names = _text(paragraph).split("{{ number }}")[-1].strip(" \t　")
        else:
            continue
        if names:
            signer_lines.append((paragraph, names))
        if has_number:
            in_signers = False
    start = 0
    for i, (paragraph, names) in enumerate(signer_lines):
        count = len(grammar.names(names))
        expr = ("signers" if len(signer_lines) == 1 else f"signers[{start}:]"
                if i == len(signer_lines) - 1 else f"signers[{start}:{start + count}]")
        field_ = f"{{{{ {expr}|join('　') }}}}"
        if _replace(paragraph, names, field_):
            report.fields.append(f"签发人 {names} → {field_}")
        start += count


def _imprint_fields(paragraph: etree._Element, report: InitReport) -> None:
    """抄送/主送 and 印发 lines of the 版记 become fields."""
    text = _text(paragraph).strip()
    listing = grammar.imprint_listing(text)
    if listing is not None:
        field_, joiner = (("recipients", "、") if listing.label == "主送" else ("cc", "，"))
        after = text.split("：", 1)[-1] if "：" in text else text.split(":", 1)[-1]
        new = f"{{{{ {field_}|join('{joiner}') }}}}" + ("。" if after.endswith("。") else "")
        if _replace(paragraph, after, new):
            report.fields.append(f"{FIELDS[field_]} → {new}")
        return
    printed = grammar.printed(text)
    if printed is None:
        return
    if printed.printer and _replace(paragraph, printed.printer, "{{ printer }}"):
        report.fields.append(f"印发机关 {printed.printer} → {{{{ printer }}}}")
    if _replace(paragraph, printed.date_text, "{{ print_date }}"):
        report.fields.append(f"印发日期 {printed.date_text} → {{{{ print_date }}}}")


def _conforms(mine: etree._Element, theirs: etree._Element) -> str | None:
    """None when ``theirs`` sets every property govdoc's style ``mine`` sets, to the same
    value; else the first that differs."""
    for section in ("w:pPr", "w:rPr"):
        want = mine.find(qn(section))
        if want is None:
            continue
        have = theirs.find(qn(section))
        for prop in want:
            other = None if have is None else have.find(prop.tag)
            if other is None:
                return f"{etree.QName(prop).localname} missing"
            for attr, value in prop.attrib.items():
                if other.get(attr) != value:
                    return (f"{etree.QName(prop).localname} "
                            f"{etree.QName(attr).localname}={other.get(attr)!r}, "
                            f"govdoc's {value!r}")
    return None


def _take_styles(styles: etree._Element, report: InitReport) -> None:
    """Keep the document's styles that conform to govdoc's; take govdoc's for the rest."""
    ours = etree.fromstring(styles_xml().encode("utf-8"), HUGE_PARSER)
    theirs = {s.get(qn("w:styleId")): s for s in styles.iter(qn("w:style"))}
    kept, taken = [], []
    for style in ours.iter(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        have = theirs.get(sid)
        why = "missing" if have is None else _conforms(style, have)
        if why is None:
            kept.append(sid)
            continue
        if have is not None:
            have.getparent().replace(have, copy.deepcopy(style))
        else:
            styles.append(copy.deepcopy(style))
        taken.append(f"{sid} ({why})")
    if kept:
        report.styles.append("样式: kept the document's " + ", ".join(kept))
    if taken:
        report.styles.append("样式: took govdoc's " + ", ".join(taken))


def check_office_template(path: str | Path) -> list[str]:
    """What the template at ``path`` lacks or gets wrong, one line each (empty: none).

    Raises :class:`TemplateError` when it cannot be used at all.
    """
    data = Path(path).read_bytes()
    check_template(data, str(path))
    info = template_info(data)
    problems = list(info.deviations)
    if not info.head:
        problems.append("版头: the template draws none above {{p body }}; govdoc will "
                        "generate the 版头 from the report")
    if not info.imprint:
        problems.append("版记: the template draws none below {{p body }}; govdoc will "
                        "generate the 版记 from the report")
    unknown = sorted({name for name, _ in info.uses
                      if name not in FIELDS and not name.startswith("extra.")
                      and name not in ("body", "letter_mark")})
    for name in unknown:
        parts = sorted({p for n, p in info.uses if n == name})
        problems.append(f"字段: {name} (in {', '.join(parts)}) is not a report field; "
                        f"the fields are {', '.join(FIELDS)}")
    if info.head and not any(n == "number" for n, _ in info.uses):
        problems.append("字段: the 版头 shows no {{ number }} (发文字号, 7.2.5)")
    return problems

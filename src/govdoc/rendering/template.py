"""Finding, checking and loading .docx templates.

A template is any .docx that holds the placeholder paragraph ``{{p body }}`` and
the styles govdoc writes (see :mod:`govdoc.styles`). govdoc's own templates live in
``templates/`` and ship inside the package.

Templates come from other offices and are treated as untrusted: a file is refused
before any part is read when it is too large, not a zip archive, or shaped like a
zip bomb (too big a directory, too many entries, too many unpacked bytes, an
implausible compression ratio); then every entry is read against its checksum, the Word parts
are parsed without DTDs or entities, and python-docx must be able to open it. A
template that hides its text (``w:vanish``) is refused too: it would print blank pages.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from govdoc.errors import TemplateError
from govdoc.ooxml.package import MAX_FILE_BYTES, PARSER, open_zip, read_entries, read_limited
from govdoc.ooxml.properties import on_off
from govdoc.ooxml.stylesheet import StyleSheet
from govdoc.styles import STYLES
from govdoc.model import DocFormat
from govdoc.template_contract import BODY_PLACEHOLDER, LETTER_MARK_PLACEHOLDER



def templates_dir() -> Path:
    """The folder that holds govdoc's bundled templates."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "templates"
    if packaged.is_dir():
        return packaged
    # A source checkout (editable install): templates/ at the repository root.
    return here.parent.parent / "templates"


def default_template(fmt: DocFormat = DocFormat.GENERAL) -> Path:
    """The bundled template of a format (default: 通用格式)."""
    return templates_dir() / f"{fmt.value}.docx"




def _parse(blob: bytes, name: str, where: str) -> etree._Element:
    """A Word part parsed without DTD, entities or network."""
    try:
        root = etree.fromstring(blob, PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"template {where}: {name} is broken XML ({exc})") from None
    if root.getroottree().docinfo.doctype:
        raise TemplateError(f"template {where}: {name} declares a DTD, which Word parts never do")
    return root


def check_template(data: bytes, where: str, fmt: DocFormat = DocFormat.GENERAL) -> None:
    """Raise :class:`TemplateError` when ``data`` cannot serve as a template of ``fmt``.

    First the archive (size limits, checksums), then the Word document (python-docx
    must open it), then one error listing everything it lacks: the placeholder
    paragraph and the styles.
    """
    with open_zip(data, where) as zf:
        parts = read_entries(zf, where)
    missing = [n for n in ("word/document.xml", "word/styles.xml") if n not in parts]
    if missing:
        raise TemplateError(f"template {where}: not a Word document, missing {', '.join(missing)}")
    doc = _parse(parts["word/document.xml"], "word/document.xml", where)
    sty = _parse(parts["word/styles.xml"], "word/styles.xml", where)
    try:
        docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - whatever python-docx trips on, it cannot open it
        raise TemplateError(
            f"template {where}: python-docx cannot open it ({type(exc).__name__}: {exc})"
        ) from None
    problems = []
    paragraphs = ["".join(p.itertext()) for p in doc.iter(qn("w:p"))]
    if not any(BODY_PLACEHOLDER in t for t in paragraphs):
        problems.append(f"the placeholder paragraph {BODY_PLACEHOLDER!r}")
    headers = b"".join(parts[n] for n in sorted(parts)
                       if n.startswith("word/header") and n.endswith(".xml"))
    if fmt is DocFormat.LETTER and LETTER_MARK_PLACEHOLDER.encode() not in headers:
        problems.append(f"the first-page header paragraph {LETTER_MARK_PLACEHOLDER!r} (信函格式)")
    have = {s.get(qn("w:styleId")) for s in sty.iter(qn("w:style"))}
    needed = sorted({s.id for s in STYLES.values()} - have)
    if needed:
        problems.append("the styles " + ", ".join(needed))
    if problems:
        raise TemplateError(f"template {where} lacks " + "; ".join(problems))
    _refuse_hidden_text(doc, sty, where)


def _hides(rpr_holder: etree._Element | None) -> bool:
    """True when ``rpr_holder`` (a style, the defaults, a run) sets hidden text
    (``w:vanish`` not switched off) in its run properties."""
    if rpr_holder is None:
        return False
    return bool(on_off(rpr_holder.find(f"{qn('w:rPr')}/{qn('w:vanish')}")))


def _refuse_hidden_text(doc: etree._Element, sty: etree._Element, where: str) -> None:
    """Refuse a template whose text would not print: hidden text (``w:vanish``) in the
    run defaults, in a style govdoc's paragraphs use or inherit from, or in the document
    itself. Word and LibreOffice print such text as nothing, so the result would be a
    blank page that looks like success."""
    if _hides(sty.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")):
        raise TemplateError(f"template {where}: word/styles.xml hides all text "
                            "(w:vanish in the run defaults); 模板隐藏了文字")
    sheet = StyleSheet(sty)
    used = {s.id for s in STYLES.values()}
    used |= {i for i, s in sheet.by_id.items() if s.get(qn("w:default")) in ("1", "true", "on")}
    inherited = {style.get(qn("w:styleId")) for i in used for style in sheet.chain(i)}
    for style_id in sorted(i for i in used | inherited if i in sheet.by_id):
        if _hides(sheet.by_id[style_id]):
            raise TemplateError(f"template {where}: word/styles.xml hides the text of the style "
                                f"{style_id} (w:vanish); 模板隐藏了文字")
    for vanish in doc.iter(qn("w:vanish")):
        if on_off(vanish):
            raise TemplateError(f"template {where}: word/document.xml hides text "
                                "(w:vanish); 模板隐藏了文字")


@lru_cache(maxsize=16)
def _load(path: str, mtime_ns: int, size: int, fmt: DocFormat) -> bytes:
    with open(path, "rb") as fh:
        data = read_limited(fh, path)  # the file may have grown since stat()
    check_template(data, path, fmt)
    return data


def template_bytes(template: str | Path | None,
                   fmt: DocFormat = DocFormat.GENERAL) -> bytes:
    """The checked bytes of ``template`` (default: the bundled template of ``fmt``), cached."""
    path = Path(template) if template is not None else default_template(fmt)
    try:
        st = path.stat()
    except OSError as exc:
        raise TemplateError(f"template {path}: cannot be read ({exc.strerror})") from None
    if not path.is_file():
        raise TemplateError(f"template {path}: not a file")
    if st.st_size > MAX_FILE_BYTES:
        raise TemplateError(f"template {path}: refused, the file has {st.st_size} bytes "
                            f"(at most {MAX_FILE_BYTES // 2**20} MB)")
    return _load(str(path), st.st_mtime_ns, st.st_size, fmt)

"""Finding, checking and loading .docx templates.

A template is any .docx that holds the placeholder paragraph ``{{p body }}`` and
the styles govdoc writes (see :mod:`govdoc.styles`). govdoc's own templates live in
``templates/`` and ship inside the package.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from govdoc.errors import TemplateError
from govdoc.styles import STYLES
from govdoc.model import DocFormat
from govdoc.template_builder import BODY_PLACEHOLDER, LETTER_MARK_PLACEHOLDER

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_UNZIPPED = 64 * 1024 * 1024


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


def _read_parts(data: bytes, where: str) -> tuple[bytes, bytes, bytes]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise TemplateError(f"template {where}: not a .docx file (not a zip archive)") from None
    with zf:
        if sum(i.file_size for i in zf.infolist()) > _MAX_UNZIPPED:
            raise TemplateError(f"template {where}: refused, it unpacks to more than 64 MB")
        names = set(zf.namelist())
        missing = [n for n in ("word/document.xml", "word/styles.xml") if n not in names]
        if missing:
            raise TemplateError(f"template {where}: not a Word document, missing {', '.join(missing)}")
        headers = b"".join(zf.read(n) for n in sorted(names)
                           if n.startswith("word/header") and n.endswith(".xml"))
        return zf.read("word/document.xml"), zf.read("word/styles.xml"), headers


def check_template(data: bytes, where: str, fmt: DocFormat = DocFormat.GENERAL) -> None:
    """Raise :class:`TemplateError` listing everything ``data`` lacks to be a template of
    the format ``fmt``."""
    document, styles, headers = _read_parts(data, where)
    problems = []
    try:
        doc = etree.fromstring(document)
        sty = etree.fromstring(styles)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"template {where}: broken XML ({exc})") from None
    paragraphs = ["".join(p.itertext()) for p in doc.iter(f"{_W}p")]
    if not any(BODY_PLACEHOLDER in t for t in paragraphs):
        problems.append(f"the placeholder paragraph {BODY_PLACEHOLDER!r}")
    if fmt is DocFormat.LETTER and LETTER_MARK_PLACEHOLDER.encode() not in headers:
        problems.append(f"the first-page header paragraph {LETTER_MARK_PLACEHOLDER!r} (信函格式)")
    have = {s.get(f"{_W}styleId") for s in sty.iter(f"{_W}style")}
    needed = sorted({s.id for s in STYLES.values()} - have)
    if needed:
        problems.append("the styles " + ", ".join(needed))
    if problems:
        raise TemplateError(f"template {where} lacks " + "; ".join(problems))


@lru_cache(maxsize=16)
def _load(path: str, mtime_ns: int, size: int, fmt: DocFormat) -> bytes:
    data = Path(path).read_bytes()
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
    return _load(str(path), st.st_mtime_ns, st.st_size, fmt)

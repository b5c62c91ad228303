"""What the drafting page does with a draft, without the web: read an upload, build the
report with the page's settings, and list what the importer and the checker found.

Everything here raises :class:`InputError` (a message for the page and an HTTP status)
for input the page must refuse; the routes in :mod:`govdoc.web.app` only move bytes.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from govdoc.errors import GovdocError, GovdocWarning
from govdoc.model import DocKind, Report

__all__ = ["DRAFT_SUFFIXES", "Built", "Draft", "InputError", "Note", "Settings", "build",
           "read_upload", "read_utf8"]

DRAFT_SUFFIXES: dict[str, str] = {".txt": "text", ".md": "markdown", ".docx": "docx",
                                  ".yaml": "yaml", ".yml": "yaml", ".json": "json",
                                  ".toml": "toml"}
"""Suffixes of the drafts the page reads, and the format each is read as."""
MODEL_FORMATS = ("yaml", "json", "toml")
TEXT_FORMATS = ("text", "markdown")
MAX_TEXT_CHARS = 300_000
"""The longest draft text the page lays out (a long 公文 is under 30 000 characters)."""


class InputError(GovdocError):
    """Input the page refuses: ``str(error)`` is the one-line message shown on the page,
    ``status`` the HTTP status sent with it (413 too large, 415 wrong type, 422 the
    content cannot be read)."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Draft:
    """A draft as the page edits it: its ``text`` and the ``format`` that text is read
    in (``text``, ``markdown``, ``yaml``, ``json`` or ``toml``); ``notes`` are what
    reading an uploaded file could not carry over, one line each."""

    text: str
    format: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    """The page's settings: 文种 (None: as the draft says), sealed or unsealed (None:
    as the draft says), the template file (None: govdoc's own for the format) and an
    uploaded seal image (None: none)."""

    kind: DocKind | None = None
    sealed: bool | None = None
    template: Path | None = None
    seal: Path | None = None


@dataclass(frozen=True)
class Note:
    """One item of the findings list: who found it (``importer``, ``model`` or
    ``checker``), the rule and its GB/T 9704 clause (checker only), the message, and the
    document paragraph it concerns (1-based, as the preview's ``data-p``; None for the
    whole document)."""

    source: str
    message: str
    rule: str = ""
    clause: str = ""
    severity: str = "warning"
    paragraph: int | None = None
    excerpt: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Built:
    """A draft built: the report, its document, and the findings (importer first)."""

    report: Report
    document: Any  # govdoc.Document
    notes: list[Note] = field(default_factory=list)


def read_utf8(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text (a BOM allowed); other encodings are refused with a message
    that says how to save the file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: 不是UTF-8文本: the file is not UTF-8 text (GBK?); "
                         "save it as UTF-8 and upload it again") from None


def _suffix(name: str, allowed: dict[str, str] | tuple[str, ...]) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in allowed:
        raise InputError(f"{name}: 文件类型不支持: expected {', '.join(allowed)}", 415)
    return suffix


def read_upload(name: str, data: bytes) -> Draft:
    """An uploaded draft as text the page can edit.

    A text or model file is its text (UTF-8; a model file must be valid). A Word draft
    is checked as an archive (zip bombs refused) and turned into an editable text draft
    (:func:`govdoc.parse.extract_text`); what its import reports is kept in ``notes``.
    """
    fmt = DRAFT_SUFFIXES[_suffix(name, DRAFT_SUFFIXES)]
    if not data:
        raise InputError(f"{name}: 文件为空: the file is empty")
    if fmt == "docx":
        from govdoc.errors import TemplateError
        from govdoc.parse import ParseError, extract_text
        from govdoc.parse.word import docx_lines
        from govdoc.ooxml.package import open_zip

        try:
            open_zip(data, name, "Word draft").close()
            text = extract_text(io.BytesIO(data))
        except (TemplateError, ParseError) as exc:
            raise InputError(str(exc).splitlines()[0]) from None
        # What reading the Word file reports (bullets dropped…); the text's own
        # guesses come with every preview.
        _, notes = docx_lines(io.BytesIO(data))
        return Draft(text, "text", tuple(f"{name}: {w}" for w in notes))
    text = read_utf8(data, name)
    if fmt in MODEL_FORMATS:
        _model_data(text, fmt, name)  # refuse a broken model file at once
    return Draft(text, fmt)


def _model_data(text: str, fmt: str, source: str) -> dict[str, Any]:
    from govdoc.modelfile import ModelFileError, loads_data

    try:
        data = loads_data(text, fmt, source=source).data  # type: ignore[arg-type]
    except ModelFileError as exc:
        raise InputError(str(exc).splitlines()[0]) from None
    _refuse_paths(data, source)
    return data


def _refuse_paths(node: Any, source: str, path: str = "") -> None:
    """Refuse a model file that names image files: on a server, a path would read the
    server's files. The seal image is uploaded on the page instead."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else str(key)
            if key == "image":
                raise InputError(f"{source}: {here}: 图片请在页面上传: the page does not read "
                                 "image paths from a model file; upload the seal image instead")
            _refuse_paths(value, source, here)
    elif isinstance(node, list):
        for n, value in enumerate(node):
            _refuse_paths(value, source, f"{path}[{n}]")


def _report(draft: Draft, source: str) -> tuple[Report, list[Note]]:
    """The draft's report and the importer's notes."""
    if not draft.text.strip():
        raise InputError("没有内容: the draft is empty; paste a draft or upload a file")
    if len(draft.text) > MAX_TEXT_CHARS:
        raise InputError(f"草稿过长: the draft has {len(draft.text)} characters "
                         f"(at most {MAX_TEXT_CHARS})", 413)
    notes = [Note("importer", n) for n in draft.notes]
    if draft.format in TEXT_FORMATS:
        from govdoc.parse import ParseError, parse_text

        try:
            result = parse_text(draft.text, markdown=draft.format == "markdown")
        except ParseError as exc:
            raise InputError(str(exc).splitlines()[0]) from None
        lines = draft.text.splitlines()
        for w in result.warnings:
            line = lines[w.line - 1] if w.line and w.line <= len(lines) else ""
            notes.append(Note("importer", str(w), excerpt=line.strip()[:40]))
        return result.report, notes
    if draft.format in MODEL_FORMATS:
        from govdoc.modelfile import ModelFileError, report_from_data

        data = _model_data(draft.text, draft.format, source)
        try:
            return report_from_data(data, source=source), notes
        except ModelFileError as exc:
            raise InputError(str(exc).splitlines()[0]) from None
    raise InputError(f"格式不支持: unknown draft format {draft.format!r}", 415)


def _with_settings(report: Report, settings: Settings) -> Report:
    """``report`` with the page's settings; the report itself when they change nothing
    (so the page builds the very document ``govdoc build`` builds)."""
    update: dict[str, Any] = {}
    if settings.kind is not None and settings.kind is not report.kind:
        update["kind"] = settings.kind
    if settings.sealed is not None and settings.sealed != report.sealed:
        update["sealed"] = settings.sealed
    if settings.seal is not None:
        from govdoc.model import Seal

        update["seal"] = Seal(image=settings.seal)
    if not update:
        return report
    from pydantic import ValidationError

    try:
        return Report.model_validate({**dict(report), **update})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def _paragraph_of(excerpt: str, texts: list[str]) -> int | None:
    """The first document paragraph (1-based) holding the start of ``excerpt`` (a
    draft line), its heading number taken off and punctuation normalised as rendered."""
    from govdoc.text.punctuation import normalize_punctuation

    from govdoc.grammar import heading_label

    line = excerpt.strip()
    label = heading_label(line, loose=True)
    probe = normalize_punctuation(label.title if label else line).strip()[:12]
    if len(probe) < 2:
        return None
    return next((n for n, t in enumerate(texts, 1) if probe in t), None)


def _paragraph_texts(document: Any) -> list[str]:
    """The text of every paragraph of the body, in order, as the checker counts them."""
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    body = document.docx.element.body
    return [Paragraph(p, None).text for p in body.iter(qn("w:p"))]


def build(draft: Draft, settings: Settings = Settings(), *, source: str = "草稿",
          check: bool = True) -> Built:
    """Build ``draft`` with ``settings``: the report, its document (rendered as
    :func:`govdoc.render` renders it) and, with ``check``, the findings: the importer's
    warnings, the model's doubts, then the checker's findings with their clauses."""
    import govdoc

    report, notes = _report(draft, source)
    report = _with_settings(report, settings)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GovdocWarning)
        try:
            document = govdoc.render(report, template=settings.template)
        except GovdocError as exc:
            raise InputError(str(exc).splitlines()[0]) from None
    notes += [Note("model", str(w.message)) for w in caught
              if issubclass(w.category, GovdocWarning)]
    built = Built(report, document, notes)
    if not check:
        return built
    texts = _paragraph_texts(document)
    built.notes = [Note(n.source, n.message, paragraph=_paragraph_of(n.excerpt, texts),
                        excerpt=n.excerpt) if n.excerpt else n for n in notes]
    order = {"error": 0, "warning": 1, "info": 2}
    result = govdoc.check(document)
    for f in sorted(result.findings, key=lambda f: (order[f.severity.value], f.paragraph or 0)):
        message = f"{f.message}: 应为 {f.expected}，实为 {f.found}"
        built.notes.append(Note("checker", message, f.rule, f.clause, f.severity.value,
                                f.paragraph, f.excerpt))
    return built

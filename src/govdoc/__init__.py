"""govdoc: Chinese official documents (党政机关公文) laid out to GB/T 9704-2012.

>>> import datetime, govdoc
>>> report = govdoc.Report(
...     title="关于2023年度工作情况的报告",
...     body=[govdoc.Section(title="工作开展情况", body=["全年完成各项任务。"])],
...     issuer="某某乡人民政府", date=datetime.date(2024, 1, 18))
>>> doc = govdoc.render(report)
>>> doc.paragraphs[1].text
'一、工作开展情况'

Every public name is imported on first use (PEP 562), so ``import govdoc`` costs
next to nothing: the model (pydantic), python-docx and docxtpl, LibreOffice
conversion and the checker load when a script first touches them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govdoc.errors import GovdocError, GovdocWarning, OutputExistsError, TemplateError
from govdoc.extensions import provide as _provide

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time, see __getattr__
    from govdoc.checker import check
    from govdoc.convert import ConversionError, to_pdf
    from govdoc.pageview import preview
    from govdoc.batch import BatchError, render_many
    from govdoc.document import Document, save
    from govdoc.model import (
        Attachment,
        Attendance,
        DocFormat,
        DocKind,
        Header,
        Imprint,
        Paragraph,
        Report,
        Seal,
        Section,
        Signer,
        Table,
        TitleShape,
        Urgency,
    )
    from govdoc.modelfile import (
        ModelFileError,
        dump_report,
        load_report,
        loads_report,
        report_schema,
    )
    from govdoc.parse import (
        ParseError,
        ParseResult,
        ParseWarning,
        extract_text,
        parse_docx,
        parse_text,
    )
    from govdoc.rendering import render

_MODEL = ("Attachment", "Attendance", "DocFormat", "DocKind", "Header", "Imprint",
          "Paragraph", "Report", "Seal", "Section", "Signer", "Table", "TitleShape",
          "Urgency")
_LAZY: dict[str, str] = {
    **{name: "govdoc.model" for name in _MODEL},
    "Document": "govdoc.document",
    "BatchError": "govdoc.batch", "render_many": "govdoc.batch",
    "render": "govdoc.rendering",
    "save": "govdoc.document",
    "check": "govdoc.checker",
    "ConversionError": "govdoc.convert", "to_pdf": "govdoc.convert", "preview": "govdoc.pageview",
    "ModelFileError": "govdoc.modelfile", "dump_report": "govdoc.modelfile",
    "load_report": "govdoc.modelfile", "loads_report": "govdoc.modelfile",
    "report_schema": "govdoc.modelfile",
    "ParseError": "govdoc.parse", "ParseResult": "govdoc.parse", "ParseWarning": "govdoc.parse",
    "extract_text": "govdoc.parse", "parse_docx": "govdoc.parse", "parse_text": "govdoc.parse",
}
"""The module each public name lives in."""

# The model's conveniences, carried out above it (see govdoc.extensions): this package
# runs before any of its submodules, so they are named before the model can be used.
_provide("report_html", "govdoc.html:report_html")
_provide("find_section", "govdoc.drafting:find_section")
_provide("outline", "govdoc.drafting:outline")
_provide("check_report", "govdoc.drafting:check_report")


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'govdoc' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = sorted(["GovdocError", "GovdocWarning", "OutputExistsError", "TemplateError",
                  *_LAZY])
__version__ = "0.1.0"

"""govdoc: Chinese official documents (党政机关公文) laid out to GB/T 9704-2012.

>>> import datetime, govdoc
>>> report = govdoc.Report(
...     title="关于2023年度工作情况的报告",
...     body=[govdoc.Section(title="工作开展情况", body=["全年完成各项任务。"])],
...     issuer="某某乡人民政府", date=datetime.date(2024, 1, 18))
>>> doc = govdoc.render(report)
>>> doc.paragraphs[1].text
'一、工作开展情况'
"""

from govdoc.document import Document
from govdoc.errors import GovdocError, GovdocWarning, OutputExistsError, TemplateError
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
from govdoc.render import render
from govdoc.saving import save
from govdoc import check  # noqa: E402  (callable: govdoc.check(path) → CheckResult)

# Reading drafts and model files is imported on first use, to keep ``import govdoc`` fast.
_LAZY = {
    "ModelFileError": "govdoc.modelfile", "dump_report": "govdoc.modelfile",
    "load_report": "govdoc.modelfile", "loads_report": "govdoc.modelfile",
    "report_schema": "govdoc.modelfile",
    "ParseError": "govdoc.parse", "ParseResult": "govdoc.parse", "ParseWarning": "govdoc.parse",
    "extract_text": "govdoc.parse", "parse_docx": "govdoc.parse", "parse_text": "govdoc.parse",
    "render_many": "govdoc.batch", "BatchError": "govdoc.batch",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'govdoc' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

__all__ = [
    "Attachment",
    "Attendance",
    "BatchError",
    "DocFormat",
    "DocKind",
    "Document",
    "GovdocError",
    "GovdocWarning",
    "Header",
    "Imprint",
    "OutputExistsError",
    "ModelFileError",
    "Paragraph",
    "ParseError",
    "ParseResult",
    "ParseWarning",
    "Report",
    "Seal",
    "Section",
    "Signer",
    "Table",
    "TemplateError",
    "check",
    "Urgency",
    "TitleShape",
    "dump_report",
    "extract_text",
    "load_report",
    "loads_report",
    "parse_docx",
    "parse_text",
    "render",
    "render_many",
    "report_schema",
    "save",
]
__version__ = "0.1.0"

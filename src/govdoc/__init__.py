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

__all__ = [
    "Attachment",
    "Attendance",
    "DocFormat",
    "DocKind",
    "Document",
    "GovdocError",
    "GovdocWarning",
    "Header",
    "Imprint",
    "OutputExistsError",
    "Paragraph",
    "Report",
    "Seal",
    "Section",
    "Signer",
    "Table",
    "TemplateError",
    "check",
    "Urgency",
    "TitleShape",
    "render",
    "save",
]
__version__ = "0.1.0"

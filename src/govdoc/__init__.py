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
from govdoc.errors import GovdocError, GovdocWarning, TemplateError
from govdoc.model import Attachment, DocKind, Header, Imprint, Paragraph, Report, Section, Table, Urgency
from govdoc.modelfile import ModelFileError, dump_report, load_report, loads_report, report_schema
from govdoc.parse import ParseError, ParseResult, ParseWarning, extract_text, parse_docx, parse_text
from govdoc.render import render

__all__ = [
    "Attachment",
    "DocKind",
    "Document",
    "GovdocError",
    "GovdocWarning",
    "Header",
    "Imprint",
    "ModelFileError",
    "Paragraph",
    "ParseError",
    "ParseResult",
    "ParseWarning",
    "Report",
    "Section",
    "Table",
    "TemplateError",
    "Urgency",
    "dump_report",
    "extract_text",
    "load_report",
    "loads_report",
    "parse_docx",
    "parse_text",
    "render",
    "report_schema",
]
__version__ = "0.1.0"

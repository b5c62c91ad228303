"""The document's core properties (title, author, dates), taken from the report.

Core properties are metadata derived from the report, not the user's words, which
are all in the body. Two documented adjustments keep them writable:

* the title loses its line breaks (they are layout), and
* text values are cut to :data:`CORE_TEXT_LIMIT` characters, the limit python-docx
  enforces for core properties (a longer title or issuer still appears whole in
  the document).

Dates are written as zero-padded W3CDTF (``0987-06-05T00:00:00Z``) so that every
year of the model round-trips.
"""

from __future__ import annotations

import datetime

import docx.document
from docx.oxml.ns import qn

from govdoc.model import Report

__all__ = ["CORE_TEXT_LIMIT", "set_core_properties"]

#: The most characters a core text property (title, author…) may hold.
CORE_TEXT_LIMIT = 255


def _fit(text: str) -> str:
    return text[:CORE_TEXT_LIMIT]


def set_core_properties(document: docx.document.Document, report: Report) -> None:
    """Set title, author, subject, dates and revision from ``report``."""
    props = document.core_properties
    props.title = _fit(report.title.replace("\r", "").replace("\n", ""))
    props.author = _fit("、".join(report.issuers))
    props.last_modified_by = props.author
    props.subject = report.kind.value
    if report.date is not None:  # without a 成文日期 the file carries no dates
        stamp = datetime.datetime.combine(report.date, datetime.time())
        props.created = stamp
        props.modified = stamp
        # python-docx writes the year with strftime, which does not pad years before 1000.
        w3cdtf = f"{report.date.isoformat()}T00:00:00Z"
        for name in ("dcterms:created", "dcterms:modified"):
            props._element.find(qn(name)).text = w3cdtf  # noqa: SLF001
    props.revision = 1
    if report.metadata:  # lines of the draft kept but not printed (a web page's metadata)
        props.comments = " "  # creates dc:description; python-docx refuses > 255 characters
        props._element.find(qn("dc:description")).text = "\n".join(report.metadata)  # noqa: SLF001

"""Conformance checker: any .docx against GB/T 9704-2012, rule by rule.

>>> import govdoc, datetime
>>> report = govdoc.Report(title="关于测试的报告", body=["正文。"], issuer="某某乡人民政府",
...                        date=datetime.date(2024, 1, 18))
>>> result = govdoc.check(govdoc.render(report))   # the same as govdoc.checker.check(...)
>>> result.ok
True

Static rules read the XML with Word's style resolution; with ``render=True`` the
document is also converted with LibreOffice and the geometry rules measure the PDF
(pdfplumber needed: ``pip install govdoc[check]``). A geometry rule that cannot be
measured reports "not measured", never a pass; when nothing can be measured (LibreOffice
or pdfplumber missing) the result says once what to install
(:attr:`CheckResult.geometry_problem`) and its verdict says the geometry was not checked.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from govdoc.checker.elements import Kind, find_elements
from govdoc.checker.resolve import Document, DocxError, load
from govdoc.checker.result import CheckResult, Finding, Outcome, Severity, Status
from govdoc.checker.rules import Context, NotApplicable, NotMeasured, Rule, all_rules

__all__ = ["CheckResult", "DocxError", "Finding", "Kind", "Outcome", "Rule", "Severity",
           "Status", "all_rules", "check", "check_many"]


def _run(doc: Document, source: str, render: bool, rendering: object = None,
         problem: str | None = None) -> CheckResult:
    layout = find_elements(doc)
    ctx = Context(doc, layout, rendering, problem)  # type: ignore[arg-type]
    result = CheckResult(source)
    for r in all_rules():
        if r.kind == "G" and not render:
            continue
        try:
            findings = r.run(ctx)
        except NotApplicable:
            result.outcomes.append(Outcome(r.id, r.title, Status.NOT_APPLICABLE))
            continue
        except NotMeasured as exc:
            result.outcomes.append(Outcome(r.id, r.title, Status.NOT_MEASURED, str(exc)))
            continue
        result.findings.extend(findings)
        result.outcomes.append(Outcome(r.id, r.title, Status.FAIL if findings else Status.PASS))
    result.geometry_problem = problem
    return result


def _name(source: object) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return getattr(source, "name", None) or "document"


def check(path_or_document: object, *, render: bool = False, timeout: float = 180) -> CheckResult:
    """Check one document against GB/T 9704-2012.

    ``path_or_document`` is a path, the bytes of a .docx, a binary stream, a
    :class:`govdoc.Document` or a python-docx document. With ``render``, LibreOffice
    converts it (private profile, ``timeout`` seconds) and the geometry rules run too.
    """
    return check_many([path_or_document], render=render, timeout=timeout)[0]


def check_many(sources: Sequence[object], *, render: bool = False, timeout: float = 600
               ) -> list[CheckResult]:
    """Check several documents; with ``render``, one LibreOffice run converts them all."""
    docs = [load(s, _name(s)) for s in sources]
    names = [_name(s) for s in sources]
    if not render:
        return [_run(d, n, False) for d, n in zip(docs, names)]
    from govdoc.checker.geometry import Rendering, render_all

    results = []
    with tempfile.TemporaryDirectory(prefix="govdoc-check-") as tmp:
        paths = []
        for i, d in enumerate(docs):
            path = Path(tmp) / f"doc{i}.docx"
            path.write_bytes(d.package.data)
            paths.append(path)
        pdfs, problem = render_all(paths, Path(tmp), timeout=timeout)
        for d, n, pdf in zip(docs, names, pdfs):
            if pdf is None:
                results.append(_run(d, n, True, None, problem or "the document did not convert"))
                continue
            rendering = Rendering(pdf)
            try:
                results.append(_run(d, n, True, rendering))
            finally:
                rendering.close()
    return results


"""Findings, severities from strengths, JSON and the readable table."""

import json

import govdoc.check
from govdoc.check import Severity, Status
from govdoc.check.result import CheckResult, Finding, Outcome
from govdoc.spec import Strength

from docx_parts import make_docx, para


def test_severity_follows_strength():
    assert Severity.of(Strength.REQUIRED) is Severity.ERROR
    assert Severity.of(Strength.USUAL) is Severity.WARNING
    assert Severity.of(Strength.RECOMMENDED) is Severity.WARNING
    assert Severity.of(Strength.PRACTICE) is Severity.INFO


def finding(rule: str, strength: Strength) -> Finding:
    return Finding(rule, "5.2.1", strength, "天头应为37 mm", "37.0 mm", "30.0 mm", 3, "正文")


def test_ok_only_when_no_required_rule_fails():
    warn = CheckResult("a.docx", [finding("P6", Strength.USUAL)])
    assert warn.ok and len(warn.warnings) == 1
    err = CheckResult("a.docx", [finding("P2", Strength.REQUIRED), finding("T3", Strength.PRACTICE)])
    assert not err.ok and len(err.errors) == 1 and len(err.infos) == 1


def test_json_carries_every_field_of_a_finding():
    result = CheckResult("a.docx", [finding("P2", Strength.REQUIRED)],
                         [Outcome("P2", "天头", Status.FAIL), Outcome("H5", "标志", Status.NOT_MEASURED,
                                                                     "LibreOffice missing")])
    data = json.loads(result.to_json())
    (f,) = data["findings"]
    assert f == {"rule": "P2", "clause": "5.2.1", "strength": "规定", "severity": "error",
                 "message": "天头应为37 mm", "expected": "37.0 mm", "found": "30.0 mm",
                 "paragraph": 3, "excerpt": "正文", "page": None}
    assert data["ok"] is False and data["counts"] == {"error": 1, "warning": 0, "info": 0}
    assert data["rules"][1] == {"rule": "H5", "title": "标志", "status": "not measured",
                                "note": "LibreOffice missing"}


def test_table_lists_findings_most_severe_first_then_the_summary():
    result = CheckResult("a.docx", [finding("P6", Strength.USUAL), finding("P2", Strength.REQUIRED)])
    lines = result.table().splitlines()
    assert lines[0].split()[:3] == ["级别", "规则", "条款"]
    assert lines[2].startswith("error") and "P2" in lines[2] and "30.0 mm" in lines[2]
    assert lines[3].startswith("warning") and "P6" in lines[3]
    assert lines[-1] == result.summary and "1 错误 errors" in result.summary


def test_every_rule_declares_id_clause_strength_and_a_chinese_explanation():
    rules = govdoc.check.all_rules()
    assert len({r.id for r in rules}) == len(rules) > 50
    for r in rules:
        assert r.clause and isinstance(r.strength, Strength) and r.kind in ("X", "T", "G")
        assert any("\u4e00" <= c <= "\u9fff" for c in r.explanation), r.id


def test_a_finding_names_paragraph_excerpt_expected_and_found():
    body = para("标题", '<w:jc w:val="center"/>', '<w:sz w:val="44"/>') + para(
        "正文没有缩进的一段话。", "", '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>')
    result = govdoc.check.check(make_docx(body))
    (indent,) = [f for f in result.findings if f.rule == "B6" and "缩进" in f.expected]
    assert (indent.paragraph, indent.excerpt, indent.clause, indent.severity) == (
        2, "正文没有缩进的一段话。", "7.3.3", Severity.ERROR)
    assert indent.found.startswith("首行 0 字")


def test_geometry_is_not_measured_without_libreoffice(monkeypatch):
    import govdoc.convert

    monkeypatch.setattr(govdoc.convert, "find_soffice", lambda: None)
    result = govdoc.check.check(make_docx(para("正文")), render=True)
    geometry = [o for o in result.outcomes if o.rule in {r.id for r in govdoc.check.all_rules()
                                                          if r.kind == "G"}]
    assert geometry and all(o.status is Status.NOT_MEASURED for o in geometry)
    assert "LibreOffice" in geometry[0].note and any("not measured" in n for n in result.notes)


def test_geometry_is_not_measured_without_pdfplumber(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    result = govdoc.check.check(make_docx(para("正文")), render=True)
    notes = {o.note for o in result.outcomes if o.status is Status.NOT_MEASURED}
    assert notes and all("govdoc[check]" in n for n in notes)


def test_govdoc_check_is_callable_and_a_package():
    import govdoc

    data = make_docx(para("正文"))
    assert govdoc.check(data).summary == govdoc.check.check(data).summary
    assert govdoc.check.CheckResult is CheckResult

"""Findings, severities from strengths, JSON and the readable table."""

import json
import re

import govdoc.checker
from govdoc.checker import Severity, Status
from govdoc.checker.result import CheckResult, Finding, Outcome
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
                 "paragraph": 3, "excerpt": "正文", "page": None, "index": None, "where": ""}
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
    rules = govdoc.checker.all_rules()
    assert len({r.id for r in rules}) == len(rules) > 50
    for r in rules:
        assert r.clause and isinstance(r.strength, Strength) and r.kind in ("X", "T", "G")
        assert any("\u4e00" <= c <= "\u9fff" for c in r.explanation), r.id


def test_a_finding_names_paragraph_excerpt_expected_and_found():
    body = para("标题", '<w:jc w:val="center"/>', '<w:sz w:val="44"/>') + para(
        "正文没有缩进的一段话。", "", '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>')
    result = govdoc.checker.check(make_docx(body))
    (indent,) = [f for f in result.findings if f.rule == "B6" and "缩进" in f.expected]
    assert (indent.paragraph, indent.excerpt, indent.clause, indent.severity) == (
        2, "正文没有缩进的一段话。", "7.3.3", Severity.ERROR)
    assert indent.found.startswith("首行 0 字")


def test_geometry_is_not_measured_without_libreoffice(monkeypatch):
    import govdoc.convert

    monkeypatch.setattr(govdoc.convert, "find_soffice", lambda: None)
    result = govdoc.checker.check(make_docx(para("正文")), render=True)
    geometry = [o for o in result.outcomes if o.rule in {r.id for r in govdoc.checker.all_rules()
                                                          if r.kind == "G"}]
    assert geometry and all(o.status is Status.NOT_MEASURED for o in geometry)
    assert "LibreOffice" in geometry[0].note and "LibreOffice" in result.geometry_problem


def test_geometry_is_not_measured_without_pdfplumber(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    result = govdoc.checker.check(make_docx(para("正文")), render=True)
    notes = {o.note for o in result.outcomes if o.status is Status.NOT_MEASURED}
    assert notes and all("govdoc[check]" in n for n in notes)


def test_govdoc_check_is_the_checker_function():
    import govdoc

    data = make_docx(para("正文"))
    assert govdoc.check is govdoc.checker.check
    assert govdoc.check(data).summary == govdoc.checker.check(data).summary


# -- Issue 14, point 5: messages a user can act on ----------------------------------------


def test_the_summary_does_not_say_conforms_when_warnings_are_present():
    warned = CheckResult("a.docx", [finding("P6", Strength.USUAL)])
    assert warned.ok  # exit status 0: no rule of strength 规定 is broken
    assert "符合 conforms" not in warned.summary and "不符合" not in warned.summary
    assert "1条警告" in warned.summary and "warnings to review" in warned.summary
    assert "符合 conforms" in CheckResult("a.docx", [finding("T3", Strength.PRACTICE)]).summary
    assert "不符合 does not conform" in CheckResult(
        "a.docx", [finding("P2", Strength.REQUIRED)]).summary


def test_render_without_its_dependencies_says_once_what_to_install(monkeypatch):
    import sys

    import govdoc.convert

    monkeypatch.setattr(govdoc.convert, "find_soffice", lambda: None)
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    result = govdoc.checker.check(make_docx(para("正文")), render=True)
    table = result.table()
    assert not [ln for ln in table.splitlines() if ln.startswith("not measured")]
    (line,) = [ln for ln in table.splitlines() if "govdoc[check]" in ln]
    assert "LibreOffice" in line  # both missing pieces, on one line
    assert "符合 conforms" not in result.summary and "geometry not checked" in result.summary
    assert result.to_dict()["geometry_problem"] == result.geometry_problem


def test_long_cells_wrap_and_are_never_cut():
    message = ("版记首条和末条分隔线用粗线（推荐0.35 mm），中间用细线（推荐0.25 mm），"
               "fewer than two rules measured on LibreOffice's rendering")
    f = Finding("V4G", "7.3.5.1, 7.3.5.5", Strength.RECOMMENDED, message, "粗线 0.35 mm",
                "0.18 mm", 3, "抄送")
    other = Finding("T3", "9; GB/T 15835", Strength.PRACTICE, "数值范围", "1–2", "1-2", 4, "正文")
    table = CheckResult("a.docx", [f, other]).table()
    assert "7.3.5.1," in table and "7.3.5.5" in table and "15835" in table
    assert "…" not in table
    lines = table.splitlines()
    rows = [ln for ln in lines[2:lines.index(next(ln for ln in lines if ln.startswith("info")))]]
    assert len(rows) > 1 and rows[0].startswith("warning")
    spans = [(m.start(), m.end()) for m in re.finditer("-+", lines[1])]
    a, b = spans[4]  # the 说明 column, in display cells
    wrapped = [columns(ln, a, b).strip() for ln in rows]
    assert "".join(wrapped).replace(" ", "") == message.replace(" ", "")
    for word in ("(推荐0.35", "mm），", "fewer", "LibreOffice's", "rendering"):
        assert any(word.strip("(") in ln for ln in wrapped), word  # no word broken in two


def columns(line: str, start: int, end: int) -> str:
    """The characters of ``line`` between two display columns (a Chinese character is 2)."""
    from govdoc.text.metrics import is_wide

    out, col = "", 0
    for c in line:
        if start <= col < end:
            out += c
        col += 2 if is_wide(c) else 1
    return out


def test_wrap_breaks_between_chinese_characters_and_at_spaces_only():
    from govdoc.checker.result import wrap

    text = "install it with `pip install govdoc[check]` or apt-get install libreoffice"
    lines = wrap(text, 20)
    assert " ".join(lines) == text and all(len(ln) <= 20 for ln in lines)
    assert "govdoc[check]`" in lines[1] + lines[2] and "libreoffice" in lines[-1]
    lines = wrap("正文每个自然段左空二字，回行顶格", 10)
    assert "".join(lines) == "正文每个自然段左空二字，回行顶格" and all(len(x) <= 5 for x in lines[:-1])
    assert not any(ln.startswith("，") for ln in lines)  # 避头: the comma stays with 字


def test_positions_are_python_docx_paragraph_numbers_and_table_cells():
    import io

    import docx

    cell = ('<w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc>' + para("表内没有缩进的一段话。", "",
            '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>') + "</w:tc></w:tr></w:tbl>")
    body = (para("标题", '<w:jc w:val="center"/>', '<w:sz w:val="44"/>') + cell
            + para("正文没有缩进的一段话。", "", '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>'))
    data = make_docx(body)
    result = govdoc.checker.check(data)
    (indent,) = [f for f in result.findings if f.rule == "B6" and "正文没有" in f.excerpt]
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    assert paragraphs[indent.paragraph - 1].text == "正文没有缩进的一段话。"
    assert indent.paragraph == 2 and indent.where == "第2段" and indent.index == 4
    table = result.table()
    assert "第2段 “正文没有缩进的一段" in table and "doc.paragraphs[N-1]" in table

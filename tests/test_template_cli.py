"""``govdoc template init`` and ``govdoc template check``, and the README's whole path:
issued document → template init → a YAML model → govdoc build --template (no
LibreOffice; the rendered round trips are in test_rendered_office.py)."""

from __future__ import annotations

import datetime
import io
import zipfile

import docx
import pytest
from office_templates import build

import govdoc
from govdoc import Header, Imprint, Report
from govdoc.cli import main
from govdoc.office_template import check_office_template, init_template

REPORT = Report(
    kind="通知",
    header=Header(organs=["棣棠乡人民政府"], number="棣政发〔2024〕5号", copy_number="000001",
                  secrecy="秘密★1年", urgency="特急"),
    title="关于开展法治宣传教育工作的通知",
    recipients=["各村（社区）"],
    body=["为深入开展法治宣传教育，现就有关事项通知如下。"],
    issuer="棣棠乡人民政府",
    date=datetime.date(2024, 1, 18),
    imprint=Imprint(cc=["县司法局"], printer="棣棠乡党政综合办公室", date=datetime.date(2024, 1, 18)),
)


@pytest.fixture
def issued(tmp_path):
    """An issued 红头 document: the report through office template a."""
    template = build("a", tmp_path / "office-a.docx")
    path = tmp_path / "issued.docx"
    govdoc.render(REPORT.model_copy(update={"extra": {"公开属性": "此件公开发布"}}),
                  template).save(path)
    return path


def body_texts(path) -> list[str]:
    document = docx.Document(str(path))
    return ["".join(t.text or "" for t in p.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
        for p in document.element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]


def test_init_puts_fields_where_the_documents_texts_stood(issued, tmp_path):
    out = tmp_path / "t.docx"
    report = init_template(issued, out)
    texts = body_texts(out)
    for field in ("{{ copy_number }}", "{{ secrecy }}", "{{ urgency }}", "{{ number }}",
                  "{{p body }}", "抄送：{{ cc|join('，') }}。", "{{ printer }}",
                  "{{ print_date }}印发"):
        assert any(field in t for t in texts), field
    joined = "".join(texts)
    # The drawing stays; the document's own words are gone.
    assert "棣棠乡人民政府文件" in joined
    for gone in ("棣政发〔2024〕5号", "关于开展法治宣传教育工作的通知", "为深入开展", "县司法局",
                 "2024年1月18日"):
        assert gone not in joined, gone
    assert "发文字号 棣政发〔2024〕5号 → {{ number }}" in report.fields
    assert any(line.startswith("样式: kept the document's") for line in report.styles)
    assert check_office_template(out) == []


def test_init_takes_govdocs_styles_where_the_documents_do_not_conform(issued, tmp_path):
    # The document's body text is indented 28 pt where govdoc's is 2 characters of 3号 (32 pt).
    changed = tmp_path / "changed.docx"
    with zipfile.ZipFile(issued) as zin, zipfile.ZipFile(changed, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/styles.xml":
                xml = data.decode("utf-8")
                start = xml.index('w:styleId="BodyText"')
                end = xml.index("</w:style>", start)
                style = xml[start:end]
                assert 'w:firstLine="640"' in style
                xml = xml[:start] + style.replace('w:firstLine="640"', 'w:firstLine="560"') \
                    + xml[end:]
                data = xml.encode("utf-8")
            zout.writestr(name, data)
    report = init_template(changed, tmp_path / "t.docx")
    (taken,) = [line for line in report.styles if line.startswith("样式: took govdoc's")]
    assert "BodyText (ind firstLine='560', govdoc's '640')" in taken
    styles = docx.Document(str(tmp_path / "t.docx")).styles
    assert styles["Body Text"].paragraph_format.first_line_indent.pt == 32


def test_init_refuses_to_overwrite(issued, tmp_path, capsys):
    out = tmp_path / "t.docx"
    out.write_bytes(b"mine")
    assert main(["template", "init", str(issued), "-o", str(out)]) == 1
    assert out.read_bytes() == b"mine"
    assert "exists; pass --overwrite" in capsys.readouterr().err
    assert main(["template", "init", str(issued), "-o", str(out), "--overwrite"]) == 0
    assert out.read_bytes().startswith(b"PK")


def test_init_of_a_document_without_a_red_rule_is_one_clear_error(tmp_path, capsys):
    plain = tmp_path / "plain.docx"
    govdoc.render(REPORT.model_copy(update={"header": None})).save(plain)
    assert main(["template", "init", str(plain), "-o", str(tmp_path / "t.docx")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no red rule (红色分隔线)" in err[0] and str(plain) in err[0]
    assert not (tmp_path / "t.docx").exists()


def test_check_reports_what_a_template_lacks(tmp_path, capsys):
    good = build("a", tmp_path / "a.docx")
    assert main(["template", "check", str(good)]) == 0
    assert "nothing lacking or wrong" in capsys.readouterr().out
    odd = build("a", tmp_path / "odd.docx", {"footer": "{{ 联系人 }}"})
    assert main(["template", "check", str(odd)]) == 1
    out = capsys.readouterr().out
    assert "字段: 联系人 (in word/footer1.xml) is not a report field" in out
    assert main(["template", "check", str(govdoc.rendering.template.default_template())]) == 1
    out = capsys.readouterr().out
    assert "版头: the template draws none" in out and "版记: the template draws none" in out


def test_the_whole_path_issued_document_to_build_with_template(issued, tmp_path, capsys):
    template = tmp_path / "my-template.docx"
    assert main(["template", "init", str(issued), "-o", str(template)]) == 0
    model = tmp_path / "report.yaml"
    model.write_text(
        "kind: 通知\n"
        "header:\n  organs: [棣棠乡人民政府]\n  number: 棣政发〔2024〕9号\n"
        "  copy_number: '000002'\n"
        "title: 关于做好春节期间安全工作的通知\n"
        "recipients: [各村（社区）]\n"
        "body:\n  - 春节将至，现就做好安全工作通知如下。\n"
        "issuer: 棣棠乡人民政府\ndate: 2024-02-01\n"
        "imprint:\n  cc: [县应急管理局]\n  printer: 棣棠乡党政综合办公室\n  date: 2024-02-01\n",
        encoding="utf-8")
    out = tmp_path / "out.docx"
    assert main(["build", str(model), "-o", str(out), "--template", str(template)]) == 0
    texts = body_texts(out)
    joined = "".join(texts)
    for text in ("棣棠乡人民政府文件", "棣政发〔2024〕9号", "000002", "关于做好春节期间安全工作的通知",
                 "春节将至，现就做好安全工作通知如下。", "抄送：县应急管理局。",
                 "2024年2月1日印发"):
        assert text in joined, text
    assert "{{" not in joined and "{%" not in joined


def test_build_names_a_missing_field_in_one_line(issued, tmp_path, capsys):
    template = tmp_path / "my-template.docx"
    init_template(issued, template)
    model = tmp_path / "report.yaml"
    model.write_text("title: 关于测试的报告\nbody: [正文。]\nissuer: 棣棠乡人民政府\n"
                     "date: 2024-02-01\n", encoding="utf-8")
    assert main(["build", str(model), "-o", str(tmp_path / "o.docx"), "-t", str(template)]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "uses fields the report does not supply: " in line
    assert " number (in word/document.xml)" in line and str(template) in line


def test_the_template_is_a_valid_package(issued, tmp_path):
    out = tmp_path / "t.docx"
    init_template(issued, out)
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None
    docx.Document(io.BytesIO(out.read_bytes()))


def test_the_readmes_model_builds_through_a_template_made_by_init(issued, tmp_path):
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Your office's own 红头 template", 1)[1]
    model = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "report.yaml").write_text(model, encoding="utf-8")
    template = tmp_path / "my-template.docx"
    assert main(["template", "init", str(issued), "-o", str(template)]) == 0
    assert main(["template", "check", str(template)]) == 0
    out = tmp_path / "report.docx"
    assert main(["build", str(tmp_path / "report.yaml"), "-o", str(out),
                 "--template", str(template)]) == 0
    joined = "".join(body_texts(out))
    assert "棣政发〔2024〕9号" in joined and "抄送：县应急管理局。" in joined


@pytest.mark.parametrize("signers", [["张三"], ["张三", "李四", "王五"],
                                     ["张三", "李四", "王五", "赵六", "钱七"]])
def test_init_keeps_the_signers_lines_and_renders_the_same_paragraphs(signers, tmp_path):
    report = Report(kind="请示", header=Header(organs=["棣棠乡人民政府"], number="棣政发〔2024〕5号",
                                             signers=signers),
                    title="关于申请资金的请示", recipients=["县人民政府"], body=["正文。"],
                    issuer="棣棠乡人民政府", date=datetime.date(2024, 1, 18))
    govdoc.render(report).save(tmp_path / "issued.docx")
    made = init_template(tmp_path / "issued.docx", tmp_path / "t.docx")
    lines = [f for f in made.fields if f.startswith("签发人")]
    assert len(lines) == (len(signers) + 1) // 2  # two names a line (7.2.6)
    again = govdoc.render(report, tmp_path / "t.docx")
    assert [p.text for p in again.paragraphs] == [p.text for p in govdoc.render(report).paragraphs]

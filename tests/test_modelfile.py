"""Model files: a Report to and from YAML, JSON and TOML; errors with file, line and field."""

from __future__ import annotations

import datetime
import io
import json

import pytest

import govdoc
from govdoc.modelfile import (ModelFileError, dump_report, format_of, load_report, loads_report,
                              report_schema)

from conftest import load_example

EXAMPLES = [("didiao_2023_report", "REPORT"), ("notice", "REPORT"), ("request", "REPORT")]


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
@pytest.mark.parametrize("module, attr", EXAMPLES)
def test_every_example_survives_every_format(module, attr, fmt):
    report = getattr(load_example(module), attr)
    assert loads_report(dump_report(report, fmt), fmt) == report


def test_yaml_is_written_for_people():
    text = dump_report(load_example("notice").REPORT, "yaml")
    assert text.startswith("kind: 通知\nheader:\n")
    assert "- 为深入学习贯彻" in text  # a paragraph is a plain string
    assert "date: 2024-01-18\n" in text  # a date, not a quoted string
    assert "- [序号, 工作任务, 牵头单位, 完成时限]" in text  # a table row on one line
    assert "sealed" not in text and "run_in: true\n    body:" in text


def test_load_report_by_suffix(tmp_path):
    report = load_example("request").REPORT
    for suffix, fmt in ((".yaml", "yaml"), (".yml", "yaml"), (".json", "json"), (".toml", "toml")):
        path = tmp_path / f"r{suffix}"
        path.write_text(dump_report(report, fmt), encoding="utf-8")
        assert format_of(path) == fmt
        assert load_report(path) == report
    with pytest.raises(ValueError, match="not a model file"):
        format_of(tmp_path / "r.txt")


YAML = """\
title: 关于开展安全检查的通知
kind: 通知
body:
  - 现将有关事项通知如下。
  - title: 检查范围
    body:
      - 全乡各类生产经营单位。
  - title: ""
    body: [自查自纠。]
issuer: 棣棠乡人民政府
date: 2024-03-05
"""


def test_yaml_errors_name_the_file_the_line_and_the_field(tmp_path):
    path = tmp_path / "notice.yaml"
    path.write_text(YAML, encoding="utf-8")
    with pytest.raises(ModelFileError) as caught:
        load_report(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (8, "body[2].title")
    assert str(caught.value) == f"{path}:8: body[2].title: 章节标题 section title 不能为空: the text is empty"


def test_an_error_inside_a_paragraph_written_as_a_string_points_at_its_line():
    text = YAML.replace('title: ""', "title: 检查方式").replace("自查自纠。", '"自查\\x01自纠。"')
    with pytest.raises(ModelFileError) as caught:
        loads_report(text, "yaml", source="n.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (9, "body[2].body[0]")
    assert "U+0001" in problem.message


def test_missing_fields_duplicate_keys_and_syntax_errors():
    # A model without 署名 or date is a document without those lines (issue 14: nothing
    # invented); the title and the body are what a model must have.
    with pytest.raises(ModelFileError, match=r"n.yaml:1: body: Field required"):
        loads_report("title: 通知\ndate: 2024-01-01\n", "yaml", source="n.yaml")
    unsigned = loads_report("title: 通知\nbody: [a]\n", "yaml", source="n.yaml")
    assert unsigned.issuer is None and unsigned.date is None
    with pytest.raises(ModelFileError, match=r"n.yaml:2: title: duplicate key"):
        loads_report("title: a\ntitle: b\n", "yaml", source="n.yaml")
    with pytest.raises(ModelFileError, match=r"n.yaml:2: YAML: "):
        loads_report("title: a\n body: [\n", "yaml", source="n.yaml")
    with pytest.raises(ModelFileError, match="mapping"):
        loads_report("- a\n- b\n", "yaml", source="n.yaml")


def test_json_and_toml_errors():
    data = json.loads(dump_report(load_example("request").REPORT, "json"))
    data["header"]["copy_number"] = "12"
    text = json.dumps(data, ensure_ascii=False, indent=2)
    with pytest.raises(ModelFileError) as caught:
        loads_report(text, "json", source="r.json")
    (problem,) = caught.value.problems
    assert problem.field == "header.copy_number"
    assert text.splitlines()[problem.line - 1].strip().startswith('"copy_number"')
    with pytest.raises(ModelFileError, match=r"r.json:1: JSON: "):
        loads_report("{", "json", source="r.json")
    with pytest.raises(ModelFileError, match=r"r.toml:2: TOML: "):
        loads_report('title = "a"\nno value here\n', "toml", source="r.toml")
    with pytest.raises(ModelFileError, match=r"r.toml: body: Field required"):
        loads_report('title = "a"\nissuer = "b"\ndate = 2024-01-01\n', "toml", source="r.toml")


def test_dates_as_documents_write_them():
    report = loads_report(YAML.replace('title: ""', "title: 检查方式").replace(
        "date: 2024-03-05", "date: 2024年3月5日"), "yaml")
    assert report.date == datetime.date(2024, 3, 5)


def test_schema_accepts_paragraphs_as_strings():
    schema = report_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    body = schema["properties"]["body"]["items"]["oneOf"]
    assert body[0] == {"type": "string", "description": "A paragraph's text."}
    assert {"$ref": "#/$defs/Section"} in body
    assert set(schema["required"]) == {"title", "body"}  # no 署名 or date: no such line


def test_the_package_exports_the_model_file_functions():
    assert govdoc.load_report is load_report and govdoc.dump_report is dump_report


# -- Issue 15.5, 15.6, 16.3, 16.5: paths, places and bounds ------------------------------

BASE = "title: 关于测试的通知\nbody: [正文。]\nissuer: 乡政府\ndate: 2024-01-02\n"


def one_problem(text: str, fmt: str = "yaml", source: str = "m.yaml") -> str:
    """The one-line message of the one problem ``text`` has."""
    with pytest.raises(ModelFileError) as caught:
        loads_report(text, fmt, source=source)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(source), message
    return message


@pytest.mark.parametrize("date, line", [("2024-13-45", 4), ("2024-02-30", 4)])
def test_a_wrong_date_names_the_file_the_line_and_the_field(date, line):
    message = one_problem(BASE.replace("2024-01-02", date))
    assert message.startswith(f"m.yaml:{line}: date: ")


def test_load_report_raises_only_model_file_errors(tmp_path):
    path = tmp_path / "m.yaml"
    for text in (BASE.replace("2024-01-02", "2024-13-45"), BASE + "x: !!python/object:os.system {}\n",
                 BASE + "n: !!int 0x\n", "title: [\n"):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ModelFileError) as caught:
            load_report(path)
        assert str(caught.value).startswith(str(path))


def test_a_missing_required_field_gets_a_line():
    assert one_problem(BASE.replace("title: 关于测试的通知\n", "")).startswith("m.yaml:1: title: ")
    text = BASE.replace("body: [正文。]", "body:\n  - 正文。\n  - body: [正文。]")
    assert one_problem(text).startswith("m.yaml:4: body[1].title: ")


def test_relative_seal_paths_are_read_from_the_model_files_folder(tmp_path, monkeypatch):
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "examples"))
    from ring_png import write_ring

    folder = tmp_path / "office"
    folder.mkdir()
    write_ring(folder / "seal.png")
    (folder / "m.yaml").write_text(BASE + "seal:\n  image: seal.png\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    report = load_report(folder / "m.yaml")
    assert report.seals[0].image.resolve() == (folder / "seal.png").resolve()


def test_a_missing_seal_is_one_error(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(BASE + "seal:\n  image: nosuch.png\n", encoding="utf-8")
    with pytest.raises(ModelFileError) as caught:
        load_report(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (6, "seal.image")
    assert "nosuch.png" in problem.message


def test_a_truncated_seal_image_is_one_error(tmp_path):
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "examples"))
    from ring_png import ring_png

    (tmp_path / "seal.png").write_bytes(ring_png()[:300])
    path = tmp_path / "m.yaml"
    path.write_text(BASE + "seal:\n  image: seal.png\n", encoding="utf-8")
    with pytest.raises(ModelFileError) as caught:
        load_report(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (6, "seal.image") and "damaged" in problem.message


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_deep_nesting_is_refused_with_its_line(fmt):
    deep = "[" * 100_000 + "]" * 100_000
    text = (f'{{"title": "t",\n"body": {deep}}}' if fmt == "json" else f"title: t\nbody: {deep}\n")
    message = one_problem(text, fmt, source=f"m.{fmt}")
    assert message.startswith(f"m.{fmt}:2: ") and "nested" in message


def test_yaml_aliases_cannot_expand_beyond_the_bound():
    import time

    lines = ['a0: &a0 ["十十十十十十十十十十"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    text = "\n".join(lines) + "\n" + BASE.replace("body: [正文。]", "body: *a8")
    assert len(text.encode()) < 1024
    start = time.perf_counter()
    message = one_problem(text)
    assert "aliases" in message and time.perf_counter() - start < 10


def test_del_in_a_model_file():
    message = one_problem(BASE.replace("title: 关于测试的通知", "title: 关于\x7f测试的通知"))
    assert message.startswith("m.yaml:1: ") and "U+007F" in message
    # govdoc reads its own JSON back, whatever the text holds
    report = govdoc.Report(title="关于测试的通知", body=["正文\x7f。"], issuer="乡政府",
                           date=datetime.date(2024, 1, 2))
    assert loads_report(dump_report(report, "json"), "json") == report
    assert loads_report(dump_report(report, "yaml"), "yaml") == report


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_line_break_characters_survive_a_yaml_round_trip(char):
    report = govdoc.Report(title="关于测试的通知", body=[f"正文{char}一。"], issuer="乡政府",
                           date=datetime.date(2024, 1, 2))
    assert loads_report(dump_report(report, "yaml"), "yaml") == report


def test_an_order_models_title_is_not_printed_and_a_warning_says_where_it_is():
    from docx import Document as open_docx

    text = BASE.replace("title: 关于测试的通知", "title: 棣棠乡人民政府令").replace(
        "issuer: 乡政府", "issuer: 棣棠乡人民政府\nkind: 令")
    report = loads_report(text, "yaml")
    with pytest.warns(govdoc.GovdocWarning, match="命令不印标题.*document properties"):
        document = govdoc.render(report)
    doc = open_docx(io.BytesIO(document.to_bytes()))
    assert "棣棠乡人民政府令" not in [p.text for p in doc.paragraphs]
    assert doc.core_properties.title == "棣棠乡人民政府令"


def test_a_missing_or_unknown_model_file_is_a_model_file_error(tmp_path):
    with pytest.raises(ModelFileError, match="nosuch.yaml: cannot be read"):
        load_report(tmp_path / "nosuch.yaml")
    with pytest.raises(ModelFileError, match="not a model file"):
        load_report(tmp_path / "x.txt")


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_every_field_of_every_example_survives_a_model_file(tmp_path, fmt):
    # A model file written by govdoc holds the whole report: 信函/命令/纪要 formats,
    # seals, 签名章, attendance, an office's extra fields and a draft's metadata too.
    import datetime
    import warnings

    from conftest import example_reports
    from govdoc.modelfile import dump_report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reports = dict(example_reports(tmp_path))
    reports["extra"] = govdoc.Report(
        title="关于某事的通知", kind="通知", body=["正文。"], issuer="某局",
        date=datetime.date(2024, 1, 2), format="letter", metadata=["索引号：1"],
        extra={"联系人": "张三"})
    fields = set()
    for name, report in reports.items():
        fields |= report.model_fields_set
        again = loads_report(dump_report(report, fmt), fmt, source=f"{name}.{fmt}")
        assert again == report, name
    assert {"format", "seal", "signers", "attendance", "metadata", "extra"} <= fields

"""Model files: a Report to and from YAML, JSON and TOML; errors with file, line and field."""

from __future__ import annotations

import datetime
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
    with pytest.raises(ModelFileError, match=r"n.yaml: body: Field required"):
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

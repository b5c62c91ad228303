"""Batches (mail-merge): one model filled with many records, one .docx per record."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

import govdoc
from govdoc.batch import BatchError, read_records, render_many

from conftest import require_libreoffice

SCRIPT = Path(sys.executable).parent / ("govdoc.exe" if os.name == "nt" else "govdoc")
SRC = Path(govdoc.__file__).resolve().parent.parent  # the govdoc these tests import

MODEL = {
    "kind": "通知",
    "title": "关于做好{{ 村名 }}2024年度防汛工作的通知",
    "recipients": ["{{村名}}村民委员会"],
    "body": [
        "请于{{ 日期 }}前报送防汛责任人名单。联系人：{{ 联系人 }}。",
        {"title": "{{ 要求 }}", "body": ["各村要落实责任，确保安全度汛。"]},
    ],
    "issuer": "棣棠乡人民政府",
    "date": "2024年3月5日",
}

MODEL_YAML = """\
kind: 通知
title: 关于做好{{ 村名 }}2024年度防汛工作的通知
recipients: ["{{ 村名 }}村民委员会"]
body:
  - 请于{{ 日期 }}前报送防汛责任人名单。联系人：{{ 联系人 }}。
  - title: "{{ 要求 }}"
    body:
      - 各村要落实责任，确保安全度汛。
issuer: 棣棠乡人民政府
date: 2024-03-05
"""


def village(name: str, **extra: str) -> dict[str, str]:
    return {"村名": name, "日期": "3月10日", "联系人": "张三", "要求": "工作要求", **extra}


def text_of(path: Path) -> str:
    return govdoc.extract_text(path)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def write_model(folder: Path) -> Path:
    path = folder / "notice.yaml"
    path.write_text(MODEL_YAML, encoding="utf-8")
    return path


def write_csv(folder: Path, rows: list[dict[str, str]], *, bom: bool = False) -> Path:
    import csv
    import io

    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    path = folder / "villages.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    return path


def govdoc_cmd(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command, importing the same govdoc as these tests."""
    if not SCRIPT.exists():
        pytest.fail(f"the govdoc console script is not installed next to {sys.executable}")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])]))
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd,
                          env=env, stdin=subprocess.DEVNULL, timeout=300)


# -- substitution --------------------------------------------------------------------------

def test_each_record_fills_its_own_document(tmp_path):
    result = render_many(MODEL, [village("东村"), village("西村", 联系人="李四")], tmp_path,
                         name="{{ 村名 }}.docx")
    assert [o.path.name for o in result.written] == ["东村.docx", "西村.docx"]
    assert result.ok and not result.skipped
    text = text_of(tmp_path / "西村.docx")
    assert "关于做好西村2024年度防汛工作的通知" in text
    assert "西村村民委员会：" in text and "联系人：李四。" in text and "一、工作要求" in text


def test_substitution_is_literal_and_single_pass(tmp_path):
    hostile = "{{ 村名 }}<script>alert(1)</script>&amp;{% if x %}"
    render_many(MODEL, [village("东村", 联系人=hostile)], tmp_path, name="a.docx")
    text = text_of(tmp_path / "a.docx")
    # the value is written as given: not read as a placeholder, a tag or a Jinja block
    assert f"联系人：{hostile}。" in text
    assert "联系人：东村" not in text


def test_a_record_is_the_same_document_as_the_filled_in_model(tmp_path):
    render_many(MODEL, [village("东村")], tmp_path, name="a.docx")
    filled = govdoc.loads_report(
        MODEL_YAML.replace("{{ 村名 }}", "东村").replace("{{ 日期 }}", "3月10日")
        .replace("{{ 联系人 }}", "张三").replace("{{ 要求 }}", "工作要求"), "yaml")
    assert (tmp_path / "a.docx").read_bytes() == govdoc.render(filled).to_bytes()


def test_a_missing_value_names_the_row_the_field_and_the_key(tmp_path):
    records = [village("东村"), {"村名": "西村", "日期": "3月10日", "联系人": "李四"}]
    result = render_many(MODEL, records, tmp_path, name="{{ 村名 }}.docx")
    assert files_in(tmp_path) == ["东村.docx"]
    [failed] = result.failed
    assert failed.row == 2
    assert failed.message.startswith("record 2: body[1].title: ")
    assert "{{ 要求 }}" in failed.message and "no 要求" in failed.message


def test_a_placeholder_no_record_fills_refuses_the_batch(tmp_path):
    records = [{"村名": "东村"}, {"村名": "西村"}]
    with pytest.raises(BatchError, match=r"\{\{ 日期 \}\} \(body\[0\]\)"):
        render_many(MODEL, records, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_bad_record_fails_with_its_line_and_the_others_are_written(tmp_path):
    rows = [village("东村"), village("西村", 要求=""), village("南村"),
            village("北村", 联系人="张\x07三")]
    source = write_csv(tmp_path, rows)
    out = tmp_path / "out"
    result = render_many(write_model(tmp_path), source, out, name="{{ 村名 }}.docx")
    assert files_in(out) == ["东村.docx", "南村.docx"]
    assert [o.row for o in result.written] == [2, 4]
    first, second = result.failed
    assert first.row == 3 and first.message.startswith("villages.csv:3: body[1].title ")
    assert "不能为空" in first.message and "notice.yaml:6" in first.message
    assert second.row == 5 and second.message.startswith("villages.csv:5: body[0]")
    assert "U+0007" in second.message


def test_an_unused_column_is_a_warning_once(tmp_path):
    records = [village("东村", 备注="x"), village("西村", 备注="y")]
    with pytest.warns(govdoc.GovdocWarning, match="备注") as caught:
        result = render_many(MODEL, records, tmp_path)
    assert len([w for w in caught if "备注" in str(w.message)]) == 1
    assert result.ok and len(result.written) == 2


def test_a_report_as_model(tmp_path):
    report = govdoc.Report(kind="通知", title="关于{{ 事项 }}的通知", body=["{{ 事项 }}。"],
                           issuer="棣棠乡人民政府", date="2024-03-05")
    render_many(report, [{"事项": "防汛"}], tmp_path, name="a.docx")
    assert text_of(tmp_path / "a.docx").startswith("关于防汛的通知\n防汛。")


# -- output names ----------------------------------------------------------------------------

def test_the_default_name_is_the_row_number(tmp_path):
    result = render_many(MODEL, [village("东村"), village("西村")], tmp_path)
    assert files_in(tmp_path) == ["0001.docx", "0002.docx"]
    assert [o.row for o in result.written] == [1, 2]


def test_duplicate_names_are_refused_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    records = [village("东村"), village("西村"), village("东村")]
    with pytest.raises(BatchError, match=r"record 3: the name '东村.docx' is also the name of "
                                         r"record 1"):
        render_many(MODEL, records, out, name="{{ 村名 }}.docx")
    assert not out.exists()


@pytest.mark.parametrize("pattern, value", [
    ("../{{ 村名 }}.docx", "东村"),
    ("{{ 村名 }}.docx", "../东村"),
    ("{{ 村名 }}.docx", "东村/西村"),
    ("{{ 村名 }}.docx", "..\\东村"),
    ("{{ 村名 }}", "东村"),
    ("{{ 村名 }}.docx", ""),
])
def test_names_that_leave_the_folder_or_are_not_docx_are_refused(tmp_path, pattern, value):
    out = tmp_path / "out"
    with pytest.raises(BatchError, match="record 2: the name"):
        render_many(MODEL, [village("北村"), village(value)], out, name=pattern)
    assert files_in(tmp_path) == []


# -- records files ----------------------------------------------------------------------------

def test_csv_with_and_without_bom_gives_the_same_records(tmp_path):
    rows = [village("东村"), village("西村")]
    plain = read_records(write_csv(tmp_path, rows))
    with_bom = read_records(write_csv(tmp_path, rows, bom=True))
    assert plain == with_bom
    assert [r.row for r in plain] == [2, 3] and plain[0].values == rows[0]
    assert plain[0].where == "villages.csv:2"


def test_csv_rows_are_counted_in_lines_of_the_file(tmp_path):
    path = tmp_path / "v.csv"
    path.write_text('村名,联系人\n东村,"张三\n李四"\n\n西村,王五\n南村\n', encoding="utf-8")
    records = read_records(path)
    assert [(r.row, r.problem is None) for r in records] == [(2, True), (5, True), (6, False)]
    assert records[0].values["联系人"] == "张三\n李四"
    assert "1 values" in records[2].problem


def test_a_csv_that_is_not_utf8_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "v.csv"
    path.write_bytes("村名\n东村\n".encode("gbk"))
    with pytest.raises(BatchError, match="not UTF-8.*CSV UTF-8"):
        read_records(path)


def test_jsonl_records_and_a_bad_line(tmp_path):
    path = tmp_path / "v.jsonl"
    path.write_text('{"村名": "东村", "日期": "3月10日", "联系人": "张三", "要求": "工作要求"}\n'
                    "\n"
                    "{not json}\n"
                    '{"村名": "西村", "日期": "3月10日", "联系人": 12, "要求": "工作要求"}\n',
                    encoding="utf-8")
    result = render_many(MODEL, path, tmp_path / "out", name="{{ 村名 }}.docx")
    assert [o.row for o in result.written] == [1, 4]
    [failed] = result.failed
    assert failed.row == 3 and failed.message.startswith("v.jsonl:3: JSON: ")
    assert "联系人：12。" in text_of(tmp_path / "out" / "西村.docx")


def test_jsonl_values_must_be_text_or_numbers(tmp_path):
    path = tmp_path / "v.jsonl"
    path.write_text('{"村名": null}\n{"村名": ["a"]}\n', encoding="utf-8")
    problems = [r.problem for r in read_records(path)]
    assert problems == ["the value of 村名 must be text or a number, not null",
                        "the value of 村名 must be text or a number, not list"]


# -- resuming and overwriting ----------------------------------------------------------------

def test_existing_files_are_skipped_and_overwrite_rewrites_them(tmp_path):
    records = [village(n) for n in ("东村", "西村", "南村")]
    render_many(MODEL, records, tmp_path, name="{{ 村名 }}.docx")
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.read_bytes())
              for p in tmp_path.iterdir()}
    (tmp_path / "西村.docx").unlink()

    resumed = render_many(MODEL, records, tmp_path, name="{{ 村名 }}.docx")
    assert [o.path.name for o in resumed.skipped] == ["东村.docx", "南村.docx"]
    assert [o.path.name for o in resumed.written] == ["西村.docx"]
    for name in ("东村.docx", "南村.docx"):
        stat = (tmp_path / name).stat()
        assert (stat.st_ino, stat.st_mtime_ns) == before[name][:2]  # not touched
    assert (tmp_path / "西村.docx").read_bytes() == before["西村.docx"][2]

    again = render_many(MODEL, records, tmp_path, name="{{ 村名 }}.docx", overwrite=True)
    assert len(again.written) == 3 and not again.skipped
    for name in ("东村.docx", "南村.docx"):
        assert (tmp_path / name).stat().st_ino != before[name][0]  # replaced
        assert (tmp_path / name).read_bytes() == before[name][2]


def test_a_killed_runs_temporary_files_are_removed_and_not_taken_for_outputs(tmp_path):
    stale = tmp_path / ".东村.docx.0123abcd.tmp"
    stale.write_bytes(b"PK\x03\x04 half a file")
    other = tmp_path / ".notes.txt.0123abcd.tmp"  # not this batch's: left alone
    other.write_bytes(b"x")
    result = render_many(MODEL, [village("东村")], tmp_path, name="{{ 村名 }}.docx")
    assert [o.path.name for o in result.written] == ["东村.docx"]
    assert files_in(tmp_path) == [other.name, "东村.docx"]


# -- worker processes -------------------------------------------------------------------------

def test_workers_write_the_same_bytes_as_one_process(tmp_path):
    records = [village(f"第{i}村") for i in range(12)] + [village("坏村", 要求=" ")]
    one = render_many(MODEL, records, tmp_path / "one", jobs=1)
    two = render_many(MODEL, records, tmp_path / "two", jobs=2)
    assert [o.row for o in two.written] == [o.row for o in one.written] == list(range(1, 13))
    assert [o.message for o in two.failed] == [o.message for o in one.failed]
    assert files_in(tmp_path / "one") == files_in(tmp_path / "two")
    for name in files_in(tmp_path / "one"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_workers_started_with_spawn(tmp_path):
    records = [village("东村"), village("西村"), village("南村")]
    result = render_many(MODEL, records, tmp_path / "spawn", jobs=2, start_method="spawn")
    render_many(MODEL, records, tmp_path / "one")
    assert len(result.written) == 3
    for name in files_in(tmp_path / "one"):
        assert (tmp_path / "spawn" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()


def test_progress_callback_counts_every_record(tmp_path):
    seen: list[tuple[str, int, int]] = []
    render_many(MODEL, [village("东村"), village("西村")], tmp_path / "a",
                progress=lambda *a: seen.append(a))
    assert seen[0] == ("docx", 0, 2) and seen[-1] == ("docx", 2, 2)
    seen.clear()
    render_many(MODEL, [village("东村"), village("西村"), village("南村")], tmp_path / "a",
                jobs=2, progress=lambda *a: seen.append(a))
    assert seen[0] == ("docx", 2, 3) and seen[-1] == ("docx", 3, 3)  # two skipped at once


def test_progress_true_shows_a_tqdm_bar_imported_only_then(tmp_path, monkeypatch):
    check = subprocess.run([sys.executable, "-c", "import sys, govdoc.batch, govdoc.cli; "
                            "print('tqdm' in sys.modules)"], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONPATH=str(SRC)))
    assert check.stdout.strip() == "False", check.stderr
    import tqdm

    bars: list[FakeBar] = []

    class FakeBar:
        def __init__(self, *, total: int, **kwargs: object) -> None:
            self.total, self.n, self.closed = total, 0, False
            bars.append(self)

        def update(self, n: int) -> None:
            self.n += n

        def close(self) -> None:
            self.closed = True

    monkeypatch.setattr(tqdm, "tqdm", FakeBar)
    render_many(MODEL, [village("东村"), village("西村")], tmp_path, progress=True)
    assert [(b.total, b.n, b.closed) for b in bars] == [(2, 2, True)]


KILLED_RUN = """
import sys
from govdoc.batch import render_many
records = [{{"村名": f"第{{i}}村", "日期": "3月10日", "联系人": "张三", "要求": "工作要求"}}
           for i in range({count})]
render_many({model!r}, records, sys.argv[1], name="{{{{ 村名 }}}}.docx", jobs=2)
"""


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_a_killed_batch_leaves_only_whole_documents_and_resumes(tmp_path):
    count = 400
    model = write_model(tmp_path)
    out = tmp_path / "out"
    script = KILLED_RUN.format(count=count, model=str(model))
    env = dict(os.environ, PYTHONPATH=str(SRC))
    proc = subprocess.Popen([sys.executable, "-c", script, str(out)], env=env,
                            start_new_session=True, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if out.is_dir() and sum(1 for n in os.listdir(out) if n.endswith(".docx")) >= 5:
                break
            time.sleep(0.005)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers, mid-run
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    present = [p for p in out.iterdir() if p.name.endswith(".docx")]
    assert 5 <= len(present) < count
    for path in present:  # every .docx there is whole: a valid zip python-docx opens
        assert not path.name.startswith(".")
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None
        assert docx.Document(str(path)).paragraphs

    result = render_many(model, [{"村名": f"第{i}村", "日期": "3月10日", "联系人": "张三",
                                  "要求": "工作要求"} for i in range(count)],
                         out, name="{{ 村名 }}.docx", jobs=2)
    assert {o.path.name for o in result.skipped} == {p.name for p in present}
    assert len(result.written) == count - len(present) and result.ok
    assert sorted(p.name for p in out.iterdir()) == sorted(f"第{i}村.docx" for i in range(count))


# -- the command ----------------------------------------------------------------------------

def test_cli_writes_every_record_and_prints_a_summary(tmp_path):
    source = write_csv(tmp_path, [village("东村"), village("西村")], bom=True)
    run = govdoc_cmd("batch", str(write_model(tmp_path)), str(source), "-o",
                     str(tmp_path / "out"), "--name", "{{ 村名 }}.docx", "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert files_in(tmp_path / "out") == ["东村.docx", "西村.docx"]
    assert "2 records: 2 written, 0 skipped" in run.stderr and "Traceback" not in run.stderr

    again = govdoc_cmd("batch", str(tmp_path / "notice.yaml"), str(source), "-o",
                       str(tmp_path / "out"), "--name", "{{ 村名 }}.docx", "--no-progress")
    assert again.returncode == 0 and "0 written, 2 skipped" in again.stderr
    assert "--overwrite" in again.stderr


def test_cli_exits_1_after_writing_the_good_records(tmp_path):
    source = write_csv(tmp_path, [village("东村"), village("西村", 要求=""), village("南村")])
    run = govdoc_cmd("batch", str(write_model(tmp_path)), str(source), "-o",
                     str(tmp_path / "out"), "--name", "{{ 村名 }}.docx")
    assert run.returncode == 1
    assert files_in(tmp_path / "out") == ["东村.docx", "南村.docx"]
    lines = run.stderr.strip().splitlines()
    assert lines[0].startswith("govdoc: error: villages.csv:3: body[1].title ")
    assert lines[-1].startswith("govdoc: 3 records: 2 written, 0 skipped")
    assert "1 failed" in lines[-1] and "Traceback" not in run.stderr


def test_cli_lists_the_first_20_failures_and_counts_the_rest(tmp_path):
    source = write_csv(tmp_path, [village(f"第{i}村", 要求="") for i in range(23)])
    run = govdoc_cmd("batch", str(write_model(tmp_path)), str(source), "-o",
                     str(tmp_path / "out"))
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("govdoc: error: ")]
    assert len(errors) == 21 and errors[0].startswith("govdoc: error: villages.csv:2: ")
    assert errors[-1] == "govdoc: error: … and 3 more failures (the first 20 are shown)"
    assert "23 records: 0 written, 0 skipped (already there), 23 failed" in run.stderr


def test_cli_prints_each_warning_once(tmp_path):
    model = tmp_path / "m.yaml"
    model.write_text(MODEL_YAML.replace("防汛工作的通知", "防汛工作"), encoding="utf-8")
    source = write_csv(tmp_path, [village("东村", 备注="x"), village("西村", 备注="y")])
    run = govdoc_cmd("batch", str(model), str(source), "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    warnings = [line for line in run.stderr.splitlines() if line.startswith("govdoc: warning: ")]
    assert len(warnings) == 2
    assert "备注 is used by no placeholder" in warnings[0]
    assert "标题未以文种“通知”结尾" in warnings[1] and "(2 documents, first row 2)" in warnings[1]


def test_cli_refuses_a_batch_that_cannot_be_named(tmp_path):
    source = write_csv(tmp_path, [village("东村"), village("东村")])
    run = govdoc_cmd("batch", str(write_model(tmp_path)), str(source), "-o",
                     str(tmp_path / "out"), "--name", "{{ 村名 }}.docx")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "villages.csv:3: the name '东村.docx' is also the name of villages.csv:2" \
        in run.stderr
    assert not (tmp_path / "out").exists()


def test_cli_help_shows_an_example():
    run = govdoc_cmd("batch", "--help")
    assert run.returncode == 0 and "govdoc batch " in run.stdout


# -- PDF --------------------------------------------------------------------------------------

def test_pdfs_are_converted_in_one_call_and_resumed(tmp_path, monkeypatch):
    require_libreoffice()
    import govdoc.convert

    calls: list[int] = []
    real = govdoc.convert.convert_each

    def counting(docxs, out_dir, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(len(docxs))
        return real(docxs, out_dir, **kwargs)

    monkeypatch.setattr(govdoc.convert, "convert_each", counting)
    records = [village(n) for n in ("东村", "西村", "南村")]
    result = render_many(MODEL, records, tmp_path / "out", name="{{ 村名 }}.docx", pdf=True,
                         pdf_dir=tmp_path / "pdf")
    assert calls == [3]
    assert [o.path.name for o in result.pdf_written] == ["东村.pdf", "西村.pdf", "南村.pdf"]
    import pdfplumber

    with pdfplumber.open(tmp_path / "pdf" / "西村.pdf") as pdf:
        assert "西村村民委员会" in pdf.pages[0].extract_text().replace(" ", "")
    assert files_in(tmp_path / "pdf") == ["东村.pdf", "南村.pdf", "西村.pdf"]

    (tmp_path / "pdf" / "南村.pdf").unlink()
    again = render_many(MODEL, records, tmp_path / "out", name="{{ 村名 }}.docx", pdf=True,
                        pdf_dir=tmp_path / "pdf")
    assert calls == [3, 1]
    assert [o.path.name for o in again.pdf_skipped] == ["东村.pdf", "西村.pdf"]
    assert [o.path.name for o in again.pdf_written] == ["南村.pdf"]


# -- the example ------------------------------------------------------------------------------

def test_the_example_batch_writes_one_notice_per_village(tmp_path):
    example = Path(__file__).resolve().parent.parent / "examples" / "batch_notice"
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", govdoc.GovdocWarning)
        result = render_many(example / "model.yaml", example / "villages.csv", tmp_path,
                             name="{{ 村名 }}.docx")
    villages = [r.values["村名"] for r in read_records(example / "villages.csv")]
    assert len(villages) == 10 and result.ok
    assert [o.path.name for o in result.written] == [f"{v}.docx" for v in villages]
    text = text_of(tmp_path / "北山村.docx")
    assert "棣政发〔2024〕24号" in text and "北山村村民委员会：" in text


def test_pdf_without_libreoffice_is_refused_before_writing(tmp_path, monkeypatch):
    import govdoc.convert

    monkeypatch.setattr(govdoc.convert, "find_soffice", lambda: None)
    with pytest.raises(govdoc.convert.ConversionError, match="LibreOffice is needed"):
        render_many(MODEL, [village("东村")], tmp_path / "out", pdf=True)
    assert not (tmp_path / "out").exists()


def test_a_document_libreoffice_cannot_convert_is_a_failed_pdf(tmp_path, monkeypatch):
    import govdoc.convert

    def half(docxs, out_dir, **kwargs):  # type: ignore[no-untyped-def]
        first = Path(out_dir) / (Path(docxs[0]).stem + ".pdf")
        first.write_bytes(b"%PDF-1.4 fake")
        return [first, f"{Path(docxs[1]).name}: LibreOffice could not convert it (no PDF)"]

    monkeypatch.setattr(govdoc.convert, "find_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(govdoc.convert, "convert_each", half)
    result = render_many(MODEL, [village("东村"), village("西村")], tmp_path,
                         name="{{ 村名 }}.docx", pdf=True)
    assert len(result.written) == 2 and not result.ok
    assert [o.path.name for o in result.pdf_written] == ["东村.pdf"]
    [failed] = result.pdf_failed
    assert failed.row == 2 and failed.message.startswith("西村.docx: PDF: LibreOffice could not")
    assert files_in(tmp_path) == ["东村.docx", "东村.pdf", "西村.docx"]


def test_an_unquoted_yaml_placeholder_gets_a_hint(tmp_path):
    model = tmp_path / "m.yaml"
    model.write_text(MODEL_YAML.replace('title: "{{ 要求 }}"', "title: {{ 要求 }}"),
                     encoding="utf-8")
    with pytest.raises(govdoc.ModelFileError, match=r"(?s)m\.yaml:6: YAML: .*put a value that "
                                                    r"starts with \{\{ in quotes"):
        render_many(model, [village("东村")], tmp_path / "out")


def test_a_bad_row_format_in_the_name_is_refused(tmp_path):
    with pytest.raises(BatchError, match=r"\{row:q\}: Unknown format code"):
        render_many(MODEL, [village("东村")], tmp_path / "out", name="{row:03d}-{row:q}.docx")
    result = render_many(MODEL, [village("东村")], tmp_path / "out", name="{row:03d}-{row}.docx")
    assert [o.path.name for o in result.written] == ["001-1.docx"]


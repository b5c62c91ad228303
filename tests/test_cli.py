"""The installed ``govdoc`` command, run in a subprocess as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import govdoc
from govdoc.modelfile import dump_report, report_schema

from conftest import SEED_TEXT, load_example, require_libreoffice

SCRIPT = Path(sys.executable).parent / ("govdoc.exe" if os.name == "nt" else "govdoc")
DRAFTS = Path(__file__).parent / "drafts"


def govdoc_cmd(*args: str, cwd: Path | None = None, env: dict | None = None):
    if not SCRIPT.exists():
        pytest.fail(f"the govdoc console script is not installed next to {sys.executable}; "
                    "install the package (pip install -e '.[test]') to run the CLI tests")
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd,
                          env=env, stdin=subprocess.DEVNULL, timeout=300)


def one_line_error(run) -> str:
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govdoc: error: "), run.stderr
    return lines[0]


def test_help_lists_the_commands_and_each_command_shows_an_example():
    run = govdoc_cmd("--help")
    assert run.returncode == 0
    for name in ("build", "schema", "pdf", "preview", "check", "fix"):
        assert name in run.stdout
        sub = govdoc_cmd(name, "--help")
        assert sub.returncode == 0
        if name in ("build", "schema", "pdf", "preview"):
            assert "example" in sub.stdout and f"govdoc {name} " in sub.stdout


def test_python_m_govdoc_runs_the_same_command():
    run = subprocess.run([sys.executable, "-m", "govdoc", "--version"], capture_output=True,
                         text=True)
    assert run.returncode == 0 and run.stdout.strip() == f"govdoc {govdoc.__version__}"


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_build_from_a_model_file(tmp_path, fmt):
    notice = load_example("notice").REPORT
    source = tmp_path / f"notice.{fmt}"
    source.write_text(dump_report(notice, fmt), encoding="utf-8")
    run = govdoc_cmd("build", str(source), "-o", str(tmp_path / "notice.docx"))
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "notice.docx").read_bytes() == govdoc.render(notice).to_bytes()


def test_build_from_a_text_draft_prints_the_guesses(tmp_path):
    run = govdoc_cmd("build", str(SEED_TEXT), "-o", str(tmp_path / "seed.docx"))
    assert run.returncode == 0, run.stderr
    seed = load_example("didiao_2023_report").REPORT
    assert (tmp_path / "seed.docx").read_bytes() == govdoc.render(seed).to_bytes()
    assert "govdoc: warning: " in run.stderr and "line 15" in run.stderr
    quiet = govdoc_cmd("build", str(SEED_TEXT), "-o", str(tmp_path / "q.docx"), "-q")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_build_from_markdown_drops_the_markup(tmp_path):
    source = tmp_path / "draft.md"
    source.write_text("# 关于开展安全检查的通知\n\n各村：\n\n## 一、检查范围\n\n全乡各类**生产经营单位**。\n\n"
                      "棣棠乡人民政府\n\n2024年3月5日\n", encoding="utf-8")
    run = govdoc_cmd("build", str(source), "--unsealed")
    assert run.returncode == 0, run.stderr
    text = govdoc.extract_text(tmp_path / "draft.docx")  # default output: beside the input
    assert text.splitlines()[:4] == ["关于开展安全检查的通知", "各村：", "一、检查范围", "全乡各类生产经营单位。"]


def test_build_reformats_a_word_draft(tmp_path):
    draft = tmp_path / "draft.docx"
    report = govdoc.parse_text((DRAFTS / "02-request-signers.txt").read_text("utf-8")).report
    doc = govdoc.render(report.model_copy(update={"sealed": False}))
    doc.save(draft)
    run = govdoc_cmd("build", str(draft), "-o", str(tmp_path / "clean.docx"), "--unsealed")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "clean.docx").read_bytes() == doc.to_bytes()
    again = govdoc_cmd("build", str(draft))
    assert "-o" in one_line_error(again)  # never writes over the draft by default


def test_build_a_draft_into_a_model_file(tmp_path):
    source = DRAFTS / "07-joint-bulletin.txt"
    run = govdoc_cmd("build", str(source), "-o", str(tmp_path / "bulletin.yaml"))
    assert run.returncode == 0, run.stderr
    report = govdoc.parse_text(source.read_text("utf-8")).report
    assert (tmp_path / "bulletin.yaml").read_text("utf-8") == dump_report(report, "yaml")


def test_never_overwrites_unless_asked(tmp_path):
    out = tmp_path / "seed.docx"
    out.write_bytes(b"precious")
    line = one_line_error(govdoc_cmd("build", str(SEED_TEXT), "-o", str(out)))
    assert "already exists" in line and "--overwrite" in line
    assert out.read_bytes() == b"precious"
    assert govdoc_cmd("build", str(SEED_TEXT), "-o", str(out), "--overwrite").returncode == 0
    assert out.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == ["seed.docx"]  # no temporary file left


def test_errors_are_one_line_and_debug_shows_the_traceback(tmp_path):
    assert "no such file" in one_line_error(govdoc_cmd("build", str(tmp_path / "missing.yaml")))
    assert "unknown input type" in one_line_error(
        govdoc_cmd("build", str(Path(__file__)), "-o", str(tmp_path / "x.docx")))
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: 通知\nbody: []\nissuer: 乡政府\ndate: 2024-01-01\n", encoding="utf-8")
    line = one_line_error(govdoc_cmd("build", str(bad)))
    assert f"{bad}:2: body: 正文不能为空" in line
    draft = tmp_path / "draft.txt"
    # A draft lacking its 署名 builds with a warning (issue 14); --strict refuses it.
    draft.write_text("关于开展安全检查的通知\n正文。\n2024年3月5日\n", encoding="utf-8")
    line = one_line_error(govdoc_cmd("build", str(draft), "--strict"))
    assert "署名" in line and f"{draft}: " in line  # the draft is named
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("关于开展安全检查的通知\n正文。\n棣棠乡人民政府\n2024年13月45日\n",
                     encoding="utf-8")
    line = one_line_error(govdoc_cmd("build", str(wrong)))
    assert f"{wrong}: line 4: 成文日期" in line and not (tmp_path / "wrong.docx").exists()
    debug = govdoc_cmd("build", str(bad), "--debug")
    assert debug.returncode != 0 and "Traceback" in debug.stderr
    assert not (tmp_path / "bad.docx").exists() and not (tmp_path / "draft.docx").exists()


def test_a_wrong_command_line_exits_2():
    run = govdoc_cmd("build")
    assert run.returncode == 2 and "INPUT" in run.stderr


def test_schema(tmp_path):
    run = govdoc_cmd("schema")
    assert run.returncode == 0 and json.loads(run.stdout) == report_schema()
    out = tmp_path / "report.schema.json"
    assert govdoc_cmd("schema", "-o", str(out)).returncode == 0
    assert json.loads(out.read_text("utf-8")) == report_schema()


def test_pdf_converts_with_libreoffice_and_replaces_a_pdf_only_when_asked(tmp_path):
    require_libreoffice()
    docx = tmp_path / "seed.docx"
    govdoc.render(load_example("didiao_2023_report").REPORT).save(docx)
    out = tmp_path / "out.pdf"
    run = govdoc_cmd("pdf", str(docx), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF")
    out.write_bytes(b"old")
    assert f"{out} already exists" in one_line_error(govdoc_cmd("pdf", str(docx), "-o", str(out)))
    assert out.read_bytes() == b"old"
    run = govdoc_cmd("pdf", str(docx), "-o", str(out), "--overwrite")
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_pdf_without_libreoffice_says_how_to_install_it(tmp_path):
    docx = tmp_path / "seed.docx"
    govdoc.render(load_example("didiao_2023_report").REPORT).save(docx)
    empty = tmp_path / "bin"
    empty.mkdir()
    env = dict(os.environ, PATH=str(empty))
    line = one_line_error(govdoc_cmd("pdf", str(docx), env=env))
    assert "LibreOffice is needed" in line and "apt-get install" in line
    assert not (tmp_path / "seed.pdf").exists()


# -- Issue 15: warnings, fix, pdf and preview ---------------------------------------------

def test_warnings_are_one_clean_line_each_and_come_before_wrote(tmp_path):
    require_libreoffice()
    from docx import Document

    doc = Document()
    doc.add_paragraph().add_run("测试 text").font.name = "NoSuchFontXYZ"
    doc.save(tmp_path / "font.docx")
    run = govdoc_cmd("pdf", str(tmp_path / "font.docx"), "-o", str(tmp_path / "font.pdf"))
    assert run.returncode == 0, run.stderr
    lines = run.stderr.strip().splitlines()
    assert any("NoSuchFontXYZ" in line for line in lines)
    assert all(line.startswith("govdoc: ") for line in lines), run.stderr
    assert ".py:" not in run.stderr and "Warning" not in run.stderr


def test_build_from_a_word_draft_reports_what_it_does_not_keep_before_writing(tmp_path,
                                                                              monkeypatch,
                                                                              capsys):
    import govdoc.cli as cli
    from hostile_drafts import hostile_draft

    source = tmp_path / "draft.docx"
    source.write_bytes(hostile_draft())
    said_before: list[str] = []
    real_write = cli.write_file

    def write_file(path, data, *, overwrite):  # noqa: ANN001
        said_before.append(capsys.readouterr().err)
        real_write(path, data, overwrite=overwrite)

    monkeypatch.setattr(cli, "write_file", write_file)
    assert cli.main(["build", str(source), "-o", str(tmp_path / "out.docx")]) == 0
    (before,) = said_before
    for words in ("文本框", "注音", "脚注", "域 DATE", "公式", "图片"):
        assert sum(words in line for line in before.splitlines()) == 1, (words, before)
    assert all(line.startswith("govdoc: warning: ") for line in before.strip().splitlines())
    assert "wrote" in capsys.readouterr().err


def test_fix_refuses_an_existing_output_unless_overwrite(tmp_path):
    source = tmp_path / "in.docx"
    govdoc.render(load_example("notice").REPORT).save(source)
    out = tmp_path / "out.docx"
    out.write_bytes(b"precious")
    run = govdoc_cmd("fix", str(source), "-o", str(out))
    assert run.returncode == 2 and "--overwrite" in run.stderr and "Traceback" not in run.stderr
    assert out.read_bytes() == b"precious"
    run = govdoc_cmd("fix", str(source), "-o", str(out), "--overwrite")
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"PK")


def test_pdf_refuses_a_file_that_is_not_a_word_document(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("hello", encoding="utf-8")
    assert "not a Word .docx file" in one_line_error(govdoc_cmd("pdf", str(fake)))
    assert not (tmp_path / "fake.pdf").exists()


def test_preview_writes_png_pages_and_never_overwrites_unless_asked(tmp_path):
    require_libreoffice()
    source = tmp_path / "seed.docx"
    govdoc.render(load_example("didiao_2023_report").REPORT).save(source)
    out = tmp_path / "pages"
    run = govdoc_cmd("preview", str(source), "-o", str(out), "--pages", "1,2", "--dpi", "20")
    assert run.returncode == 0, run.stderr
    pngs = sorted(p.name for p in out.iterdir())
    assert pngs == ["seed-1.png", "seed-2.png"]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in out.iterdir())
    width = int.from_bytes((out / "seed-1.png").read_bytes()[16:20], "big")
    assert abs(width - 210 / 25.4 * 20) <= 2  # A4 at 20 dpi
    (out / "seed-1.png").write_bytes(b"mine")
    line = one_line_error(govdoc_cmd("preview", str(source), "-o", str(out), "--pages", "1"))
    assert "already exist" in line and (out / "seed-1.png").read_bytes() == b"mine"
    run = govdoc_cmd("preview", str(source), "-o", str(out), "--pages", "1", "--dpi", "20",
                     "--overwrite")
    assert run.returncode == 0 and (out / "seed-1.png").read_bytes() != b"mine"
    assert govdoc_cmd("preview", str(source), "-o", str(out), "--pages", "x").returncode == 2


def test_no_command_overwrites_a_file_unless_asked(tmp_path):
    """The README's promise, command by command: an existing output is refused (or, for
    batch, skipped) and left as it was."""
    source = tmp_path / "seed.docx"
    govdoc.render(load_example("didiao_2023_report").REPORT).save(source)
    model = tmp_path / "notice.yaml"
    model.write_text(dump_report(load_example("notice").REPORT, "yaml"), encoding="utf-8")
    (tmp_path / "batch").mkdir()
    records = tmp_path / "r.csv"
    records.write_text("村名\n棣棠村\n", encoding="utf-8")
    (tmp_path / "pages").mkdir()
    targets = {
        "build": (["build", str(model), "-o", "{out}"], tmp_path / "out.docx"),
        "schema": (["schema", "-o", "{out}"], tmp_path / "schema.json"),
        "pdf": (["pdf", str(source), "-o", "{out}"], tmp_path / "out.pdf"),
        "preview": (["preview", str(source), "-o", str(tmp_path / "pages"), "--pages", "1"],
                    tmp_path / "pages" / "seed-1.png"),
        "fix": (["fix", str(source), "-o", "{out}"], tmp_path / "fixed.docx"),
        "batch": (["batch", str(model), str(records), "-o", str(tmp_path / "batch")],
                  tmp_path / "batch" / "0002.docx"),
    }
    for name, (args, out) in targets.items():
        out.write_bytes(b"precious")
        run = govdoc_cmd(*[a.replace("{out}", str(out)) for a in args])
        assert out.read_bytes() == b"precious", (name, run.stderr)
        if name == "batch":
            assert "skipped" in run.stderr, run.stderr
        else:
            assert run.returncode != 0 and "--overwrite" in run.stderr, (name, run.stderr)
        assert "Traceback" not in run.stderr


def test_build_from_a_sealed_word_document_keeps_its_seal(tmp_path):
    from conftest import example_reports

    source = tmp_path / "sealed.docx"
    source.write_bytes(govdoc.render(example_reports(tmp_path)["sealed_report"]).to_bytes())
    run = govdoc_cmd("build", str(source), "-o", str(tmp_path / "again.docx"))
    assert run.returncode == 0 and "warning" not in run.stderr, run.stderr
    assert (tmp_path / "again.docx").read_bytes() == source.read_bytes()
    run = govdoc_cmd("build", str(source), "-o", str(tmp_path / "model.yaml"))
    assert "图片“印章”未保留" in run.stderr  # a model file cannot hold the image

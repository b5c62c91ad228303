"""``govdoc check`` as a command: exit status, JSON, --strict; ``python -m govdoc.checker``."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import govdoc
from govdoc.checker.cli import main

from conftest import load_example
from defect_corpus import DEFECTS

PEERS = Path(__file__).resolve().parent.parent / "peers"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    good = folder / "good.docx"
    govdoc.render(load_example("request").REPORT).save(good)
    warned = folder / "warned.docx"
    warned.write_bytes(next(d for d in DEFECTS if d.name == "line-spacing-29pt").build())
    return {"good": good, "warned": warned, "bad": PEERS / "gongwen-skill-report.docx"}


def test_exit_status(files, capsys):
    assert main(["check", str(files["good"])]) == 0
    assert main([str(files["bad"])]) == 1  # "check" may be left out
    assert main([str(files["warned"])]) == 0
    assert main(["check", "--strict", str(files["warned"])]) == 1
    out = capsys.readouterr().out
    assert "P2" in out and "5.2.1" in out and "天头" in out


def test_json_output(files, capsys):
    assert main(["check", "--json", str(files["bad"])]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and {"P2", "P5", "N2"} <= {f["rule"] for f in data["findings"]}
    assert main(["check", "--json", str(files["good"]), str(files["bad"])]) == 1
    assert [d["ok"] for d in json.loads(capsys.readouterr().out)] == [True, False]


def test_unreadable_file(tmp_path, capsys):
    bad = tmp_path / "x.docx"
    bad.write_text("not a docx")
    assert main(["check", str(bad)]) == 2
    assert "不是 .docx" in capsys.readouterr().err


def test_python_m_govdoc_check(files):
    proc = subprocess.run([sys.executable, "-m", "govdoc.checker", str(files["bad"]), "--json"],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["source"].endswith("gongwen-skill-report.docx")


def test_add_check_commands_plugs_into_another_parser(files):
    import argparse

    from govdoc.checker.cli import add_check_commands

    parser = argparse.ArgumentParser(prog="govdoc")
    add_check_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["check", str(files["good"]), "--strict"])
    assert args.func(args) == 0
    args = parser.parse_args(["fix", "in.docx", "-o", "out.docx"])
    assert args.input == "in.docx" and args.output == "out.docx" and callable(args.func)


def test_render_without_libreoffice_says_once_what_to_install(files, capsys, monkeypatch):
    import govdoc.convert

    monkeypatch.setattr(govdoc.convert, "find_soffice", lambda: None)
    assert main(["check", "--render", str(files["good"])]) == 0  # the static rules pass
    out = capsys.readouterr().out.splitlines()
    assert len([ln for ln in out if "LibreOffice" in ln]) == 1
    assert not [ln for ln in out if ln.startswith("not measured")]
    assert "geometry not checked" in out[-1] and "符合 conforms" not in out[-1]

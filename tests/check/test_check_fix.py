"""``govdoc fix``: import with the importer (govdoc.parse.parse_docx), render, report."""

import sys
from pathlib import Path

import pytest

from govdoc.check.cli import main
from govdoc.check.fix import FixError, fix

PEERS = Path(__file__).resolve().parent.parent / "peers"


def test_without_the_importer_fix_says_what_it_needs(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "govdoc.parse", None)  # as if it were not installed
    with pytest.raises(FixError, match="importer"):
        fix(PEERS / "gongwen-skill-report.docx", tmp_path / "out.docx")
    assert main(["fix", str(PEERS / "gongwen-skill-report.docx"), "-o", str(tmp_path / "o.docx")]) == 2
    assert "govdoc.parse.parse_docx" in capsys.readouterr().err


def test_fix_reformats_a_peer_document_and_reports_the_fixed_rules(tmp_path):
    pytest.importorskip("govdoc.parse", reason="the importer (govdoc.parse) has not landed yet")
    out = tmp_path / "fixed.docx"
    result = fix(PEERS / "gongwen-skill-report.docx", out)
    assert out.exists() and result.after.ok
    assert {"P2", "P5", "N2"} <= set(result.fixed)
    report = result.report()
    assert "P2" in report and "fixed" in report


def test_fix_refuses_to_overwrite_its_input(tmp_path):
    pytest.importorskip("govdoc.parse", reason="the importer (govdoc.parse) has not landed yet")
    src = tmp_path / "in.docx"
    src.write_bytes((PEERS / "cn-gov-docx-notice.docx").read_bytes())
    with pytest.raises(FixError, match="overwrite"):
        fix(src, src)

"""``govdoc fix``: import with the importer (govdoc.parse.parse_docx), render, report."""

from pathlib import Path

import pytest

from govdoc.checker.fix import FixError, fix

PEERS = Path(__file__).resolve().parent.parent / "peers"


def test_fix_reformats_a_peer_document_and_reports_the_fixed_rules(tmp_path):
    out = tmp_path / "fixed.docx"
    result = fix(PEERS / "gongwen-skill-report.docx", out)
    assert out.exists() and result.after.ok
    assert {"P2", "P5", "N2"} <= set(result.fixed)
    report = result.report()
    assert "P2" in report and "fixed" in report


def test_fix_refuses_to_overwrite_its_input(tmp_path):
    src = tmp_path / "in.docx"
    src.write_bytes((PEERS / "cn-gov-docx-notice.docx").read_bytes())
    with pytest.raises(FixError, match="overwrite"):
        fix(src, src)

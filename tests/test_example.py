"""The example builds the whole seed report: every character, in order."""

import io
import subprocess
import sys

from docx import Document as open_docx

from govdoc import Section
from govdoc.text import normalize_punctuation

from conftest import ROOT, SEED_TEXT
from ooxml import order_violations, read_part


def test_example_holds_every_character_of_the_seed_in_order(seed_docx):
    seed = [line for line in SEED_TEXT.read_text(encoding="utf-8").splitlines() if line.strip()]
    expected = [normalize_punctuation(line) for line in seed]
    got = [p.text for p in open_docx(str(seed_docx)).paragraphs if p.text.strip()]
    assert got == expected
    # Character by character, the only differences are ASCII marks made full-width.
    allowed = {(",", "，"), (";", "；"), (":", "："), ("(", "（"), (")", "）")}
    joined_seed, joined_doc = "".join(seed), "".join(got)
    assert len(joined_seed) == len(joined_doc)
    diffs = {(a, b) for a, b in zip(joined_seed, joined_doc) if a != b}
    assert diffs <= allowed and diffs


def test_example_structure(seed_report):
    level1 = [s for s in seed_report.body if isinstance(s, Section)]
    assert [s.title for s in level1] == ["工作开展情况", "主要存在不足", "2024年努力方向"]
    run_ins = [c for s in level1 for c in s.body if isinstance(c, Section)]
    assert len(run_ins) == 7 and all(c.run_in for c in run_ins)
    assert seed_report.issuer == "棣棠乡人民政府" and seed_report.sealed
    assert str(seed_report.date) == "2024-01-18"


def test_example_script_runs_from_any_directory(tmp_path):
    out = tmp_path / "report.docx"
    subprocess.run([sys.executable, str(ROOT / "examples" / "didiao_2023_report.py"), "-o",
                    str(out)], cwd=tmp_path, check=True, capture_output=True)
    assert open_docx(str(out)).paragraphs[0].text == "棣棠乡2023年度法治政府建设情况报告"


def test_every_example_builds_and_keeps_every_word(tmp_path):
    import govdoc
    from conftest import example_reports
    from govdoc.layout import layout

    for name, report in example_reports(tmp_path).items():
        path = tmp_path / f"{name}.docx"
        govdoc.render(report).save(path)
        for part in ("word/document.xml", "word/styles.xml"):
            assert order_violations(read_part(path, part)) == [], (name, part)
        doc = open_docx(str(path))
        body_texts = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            body_texts += [c.text for row in table.rows for c in row.cells]
        for block in layout(report).items:
            for text in getattr(block, "text", "").split("\t"):
                assert any(text in t for t in body_texts), text

import hashlib
import io
import subprocess
import sys
import zipfile
from pathlib import Path

from docx import Document as open_docx

import govdoc

from conftest import ROOT

SCRIPT = """
import hashlib, io, sys
sys.path.insert(0, {tests!r})
from conftest import load_example
import govdoc
buf = io.BytesIO()
govdoc.render(load_example("didiao_2023_report").REPORT).save(buf)
print(hashlib.sha256(buf.getvalue()).hexdigest())
"""


def test_same_input_gives_the_same_bytes_in_separate_processes():
    code = SCRIPT.format(tests=str(ROOT / "tests"))
    digests = {
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                       text=True).stdout.strip()
        for _ in range(2)
    }
    assert len(digests) == 1 and len(next(iter(digests))) == 64


def test_saving_to_a_path_and_to_a_stream_gives_the_same_bytes(seed_report, tmp_path):
    doc = govdoc.render(seed_report)
    path = tmp_path / "a.docx"
    doc.save(path)
    buf = io.BytesIO()
    doc.save(buf)
    assert path.read_bytes() == buf.getvalue() == doc.to_bytes()


def test_zip_entries_carry_a_fixed_timestamp(seed_docx):
    with zipfile.ZipFile(seed_docx) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert zf.testzip() is None


def test_the_document_behaves_like_python_docx(seed_report):
    doc = govdoc.render(seed_report)
    assert doc.paragraphs[0].text == "棣棠乡2023年度法治政府建设情况报告"
    doc.add_paragraph("附加段落")  # delegated to python-docx
    reopened = open_docx(io.BytesIO(doc.to_bytes()))
    assert reopened.paragraphs[-1].text == "附加段落"

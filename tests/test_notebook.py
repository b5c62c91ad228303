"""examples/drafting.ipynb: the drafting notebook runs clean, and is kept without outputs."""

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, require_libreoffice

NOTEBOOK = ROOT / "examples" / "drafting.ipynb"


def test_the_notebook_is_kept_without_outputs():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code, "the notebook has no code"
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)


def test_the_notebook_runs_without_errors_and_makes_the_report(tmp_path):
    require_libreoffice()
    nbformat = pytest.importorskip("nbformat")
    from nbclient import NotebookClient

    book = nbformat.read(NOTEBOOK, as_version=4)
    work = tmp_path / "examples"
    work.mkdir()
    for script in (ROOT / "examples").glob("*.py"):  # the notebook imports the seed's model
        (work / script.name).write_bytes(script.read_bytes())
    NotebookClient(book, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(work)}}).execute()
    outputs = [o for c in book.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = [o for o in outputs if o.output_type in ("display_data", "execute_result")]
    # The preview of the draft and the page images are shown inline.
    assert any("text/html" in o.data for o in shown)
    assert any("image/png" in o.data or "data:image/png;base64" in o.data.get("text/html", "")
               for o in shown)
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    (folder,) = [line.split("saved in ", 1)[1] for line in printed.splitlines()
                 if line.startswith("saved in ")]
    out = Path(folder)
    assert out.is_dir() and not out.is_relative_to(ROOT)
    assert sorted(x.name for x in work.iterdir() if x.name != "__pycache__") == sorted(
        p.name for p in (ROOT / "examples").glob("*.py")), "nothing written beside the notebook"
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".pdf"]
    assert (out / "棣棠乡2023年度法治政府建设情况报告.pdf").read_bytes().startswith(b"%PDF")
    shutil.rmtree(out)

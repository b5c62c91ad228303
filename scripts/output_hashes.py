"""SHA-256 of every document govdoc writes from the repository's own material.

Prints one line per output, ``<sha256>  <name>``, sorted by name: every example (run as
a script), the batch example, every draft of the corpora in ``tests/drafts`` and
``tests/drafts-heldout`` (parsed and rendered, or the one-line error it gives), every
title of ``tests/title_corpus.py`` in a 通知, the seed through each office template of
``tests/office_templates.py``, the templates as the build script makes them, and the HTML preview of each draft. A refactoring that
must not change the output compares this list before and after::

    python scripts/output_hashes.py > before.txt
    ... change ...
    python scripts/output_hashes.py | diff before.txt -
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _docx(doc: object) -> bytes:
    out = io.BytesIO()
    doc.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def examples(tmp: Path) -> dict[str, str]:
    found = {}
    for script in sorted((ROOT / "examples").glob("*.py")):
        if "def main" not in script.read_text("utf-8"):
            continue  # a helper module (ring_png.py), not an example
        out = tmp / f"{script.stem}.docx"
        subprocess.run([sys.executable, str(script), "-o", str(out)], check=True,
                       capture_output=True, cwd=tmp)
        found[f"examples/{script.name}"] = _sha(out.read_bytes())
    import govdoc

    batch = ROOT / "examples" / "batch_notice"
    result = govdoc.render_many(batch / "model.yaml", batch / "villages.csv", tmp / "batch",
                                name="{{ 村名 }}.docx", jobs=1)
    for outcome in result.written + result.failed:
        path = Path(str(outcome.path))
        found[f"examples/batch_notice/{path.name}"] = _sha(path.read_bytes())
    return found


def drafts() -> dict[str, str]:
    import yaml

    import govdoc
    from govdoc.html import report_html

    found = {}
    for folder in ("drafts", "drafts-heldout"):
        for draft in sorted((ROOT / "tests" / folder).glob("*.txt")):
            sidecar = draft.with_suffix(".yaml")
            want = yaml.safe_load(sidecar.read_text("utf-8")) if sidecar.exists() else {}
            name = f"tests/{folder}/{draft.name}"
            try:
                result = govdoc.parse_text(draft.read_text("utf-8"),
                                           default_date=(want or {}).get("default_date"))
            except govdoc.ParseError as exc:
                found[name] = _sha(str(exc).encode())
                continue
            found[name] = _sha(_docx(govdoc.render(result.report)))
            found[name + ".html"] = _sha(report_html(result.report).encode())
    return found


def titles() -> dict[str, str]:
    import govdoc
    from title_corpus import CORPUS

    found = {}
    for i, entry in enumerate(CORPUS):
        report = govdoc.Report(kind="通知", title=entry.title, body=["现将有关事项通知如下。"],
                               issuer="某某县人民政府", date=datetime.date(2024, 3, 1))
        found[f"tests/title_corpus.py#{i:03d}"] = _sha(_docx(govdoc.render(report)))
    return found


def office_templates(tmp: Path) -> dict[str, str]:
    import govdoc
    from office_templates import build

    seed = (ROOT / "examples" / "data" / "didiao-2023-fazhi-report.txt").read_text("utf-8")
    report = govdoc.parse_text(seed).report
    found = {}
    for kind in "abc":
        template = build(kind, tmp / f"office-{kind}.docx")
        found[f"tests/office_templates.py#{kind}"] = _sha(
            _docx(govdoc.render(report, template=template, strict=False)))
    return found


def templates() -> dict[str, str]:
    from govdoc.model import DocFormat
    from govdoc.template_builder import build_template

    return {f"templates/{fmt.value}.docx (built)": _sha(build_template(fmt)) for fmt in DocFormat}


def main() -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory(prefix="govdoc-hashes-") as tmp:
        found = {**examples(Path(tmp)), **drafts(), **titles(), **office_templates(Path(tmp)),
                 **templates()}
    for name in sorted(found):
        print(f"{found[name]}  {name}")


if __name__ == "__main__":
    main()

"""Time the conformance checker on the seed report and on the seeded-defect corpus.

    python benchmarks/bench_check.py [--repeat N] [--no-render]

Static: ``govdoc.checker.check(docx_bytes)`` on the seed report (median of N runs).
Rendered: ``check_many(corpus, render=True)`` once, split into LibreOffice conversion
(one soffice run for all documents) and measuring. Always exits 0.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import govdoc  # noqa: E402
import govdoc.checker  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-render", action="store_true")
    args = parser.parse_args()

    from conftest import load_example
    from defect_corpus import DEFECTS

    buf = io.BytesIO()
    govdoc.render(load_example("didiao_2023_report").REPORT).save(buf)
    seed = buf.getvalue()
    govdoc.checker.check(seed)  # warm up (imports, rule registration)
    times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        govdoc.checker.check(seed)
        times.append(time.perf_counter() - t)
    print(f"static check, seed report: median {statistics.median(times) * 1000:.1f} ms "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, n={args.repeat})")
    if args.no_render:
        return
    from govdoc.checker.geometry import render_all

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for d in DEFECTS:
            p = Path(tmp) / f"{d.name}.docx"
            p.write_bytes(d.build())
            paths.append(p)
        t = time.perf_counter()
        pdfs, problem = render_all(paths, Path(tmp) / "pdf", timeout=600)
        convert = time.perf_counter() - t
        if problem:
            print(f"rendered check not measured: {problem}")
            return
        t = time.perf_counter()
        results = govdoc.checker.check_many(paths, render=True)
        total = time.perf_counter() - t
        pages = 0
        for pdf in pdfs:
            import pdfplumber

            with pdfplumber.open(str(pdf)) as doc:
                pages += len(doc.pages)
    print(f"rendered check, {len(results)} corpus documents ({pages} pages): {total:.1f} s in all; "
          f"LibreOffice conversion alone {convert:.1f} s")


if __name__ == "__main__":
    main()

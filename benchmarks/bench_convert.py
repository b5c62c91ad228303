"""Converting 20 documents to PDF: one LibreOffice process vs 20 separate conversions.

The 20 documents are govdoc's example reports (rendered once, not timed), repeated to
make 20 files. Each repetition times ``govdoc.convert.to_pdfs`` on all 20 (one
soffice process) and 20 calls of ``govdoc.to_pdf`` (one process each), alternately.

    python benchmarks/bench_convert.py [--repeat N] [--documents N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import govdoc
from govdoc.convert import FontSubstitution, to_pdf, to_pdfs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example_reports() -> list[govdoc.Report]:
    """The examples that expose a REPORT (the seed, the notice, the request…)."""
    import importlib.util

    reports = []
    for path in sorted(EXAMPLES.glob("*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.path.insert(0, str(EXAMPLES))
        try:
            spec.loader.exec_module(module)
        finally:
            sys.path.remove(str(EXAMPLES))
        if isinstance(getattr(module, "REPORT", None), govdoc.Report):
            reports.append(module.REPORT)
    return reports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--documents", type=int, default=20)
    args = parser.parse_args()
    warnings.simplefilter("ignore", FontSubstitution)
    reports = example_reports()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docx"
        src.mkdir()
        paths = []
        for i in range(args.documents):
            path = src / f"doc{i:02d}.docx"
            govdoc.render(reports[i % len(reports)]).save(path)
            paths.append(path)
        one: list[float] = []
        separate: list[float] = []
        for r in range(args.repeat):
            start = time.perf_counter()
            to_pdfs(paths, Path(tmp) / f"one{r}")
            one.append(time.perf_counter() - start)
            start = time.perf_counter()
            for path in paths:
                to_pdf(path, Path(tmp) / f"separate{r}")
            separate.append(time.perf_counter() - start)
    m1, ms = statistics.median(one), statistics.median(separate)
    print(f"{args.documents} documents ({len(reports)} example reports repeated), "
          f"{args.repeat} repetitions, medians (min–max):\n")
    print("| conversion | seconds | per document | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| one LibreOffice process (`to_pdfs`) | {m1:.1f} ({min(one):.1f}–{max(one):.1f}) "
          f"| {m1 / args.documents:.2f} s | {m1 / ms:.2f} |")
    print(f"| {args.documents} separate `to_pdf` calls | {ms:.1f} ({min(separate):.1f}–"
          f"{max(separate):.1f}) | {ms / args.documents:.2f} s | 1.00 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

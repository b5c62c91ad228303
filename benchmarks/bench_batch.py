"""Time a 1,000-document batch against a hand-written python-docx build of one document.

The batch is ``govdoc.render_many`` of ``examples/batch_notice/model.yaml`` with 1,000
records (the ten villages of ``villages.csv``, numbered to make the names unique),
``jobs=2``, into a fresh temporary folder each run: filling, checking, rendering and
atomically saving (fsync, rename) every file, worker start-up included. The baseline
is ``build_python_docx`` of ``benchmarks/bench_render.py`` for the first record's
document (paragraphs from govdoc's layout, direct formatting, saved to memory).

The figure judged is the batch's time per document divided by the python-docx
build of one document (medians); the target is at most 0.3. Run from anywhere:

    python benchmarks/bench_batch.py [--records N] [--jobs N] [--repeat N] [--profile]

``--profile`` also runs a single-process batch of 200 documents under cProfile and
prints the 15 functions with the most cumulative time. It always exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.util
import io
import platform
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import govdoc
from govdoc.batch import read_records, render_many
from govdoc.modelfile import load_data, report_from_data

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "batch_notice"
TARGET = 0.3
WARMUP = 2


def bench_render() -> ModuleType:
    """benchmarks/bench_render.py, loaded by path (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_render", HERE / "bench_render.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def records(count: int) -> list[dict[str, str]]:
    """``count`` records cycling through the example's villages, each name unique."""
    villages = [dict(r.values) for r in read_records(EXAMPLE / "villages.csv")]
    out = []
    for i in range(count):
        record = dict(villages[i % len(villages)])
        record["村名"] = f"{record['村名']}{i + 1:04d}"
        out.append(record)
    return out


def first_report(record: dict[str, str]) -> govdoc.Report:
    """The example model filled with ``record``, as the batch fills it."""
    from govdoc.batch import _fill  # the batch's own substitution

    model = load_data(EXAMPLE / "model.yaml")
    return report_from_data(_fill(model.data, record, (), {}))


def time_batch(data: list[dict[str, str]], jobs: int) -> float:
    """Seconds for one batch into a fresh folder."""
    with tempfile.TemporaryDirectory(prefix="govdoc-bench-batch-") as tmp:
        gc.collect()
        start = time.perf_counter()
        result = render_many(EXAMPLE / "model.yaml", data, tmp, name="{{ 村名 }}.docx",
                             jobs=jobs)
        elapsed = time.perf_counter() - start
        assert result.ok and len(result.written) == len(data), result.summary()
    return elapsed


def time_python_docx(bench: ModuleType, report: govdoc.Report, repeat: int) -> list[float]:
    paras = bench.paragraphs_of(report)
    for _ in range(WARMUP):
        bench.build_python_docx(paras)
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        bench.build_python_docx(paras)
        times.append(time.perf_counter() - start)
    return times


def profile(data: list[dict[str, str]]) -> None:
    with tempfile.TemporaryDirectory(prefix="govdoc-bench-profile-") as tmp:
        profiler = cProfile.Profile()
        profiler.enable()
        render_many(EXAMPLE / "model.yaml", data, tmp, name="{{ 村名 }}.docx", jobs=1)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(15)
    print(out.getvalue())


def measure(documents: int = 1000, jobs: int = 2, repeat: int = 3) -> dict[str, Any]:
    """Time ``repeat`` batches of ``documents`` with ``jobs`` workers, alternating with
    python-docx builds of the first record's document; the figures as a dict."""
    bench = bench_render()
    data = records(documents)
    report = first_report(data[0])
    time_batch(data[:20], jobs)  # warm-up: imports, template cache
    batches: list[float] = []
    baseline: list[float] = []
    for _ in range(repeat):  # alternate, so that machine noise hits both sides
        batches.append(time_batch(data, jobs))
        baseline += time_python_docx(bench, report, 5)
    per_doc = statistics.median(batches) / documents
    one = statistics.median(baseline)
    return {"documents": documents, "jobs": jobs, "batch_s": batches, "python_docx_s": baseline,
            "per_document_ms": per_doc * 1000, "python_docx_ms": one * 1000,
            "ratio": per_doc / one}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000,
                        help="documents per batch (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default: 2)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed batches (default: %(default)s); python-docx runs 5× as many")
    parser.add_argument("--profile", action="store_true",
                        help="also profile a single-process batch of 200 documents")
    args = parser.parse_args()
    if args.records < 1 or args.jobs < 1 or args.repeat < 1:
        parser.error("--records, --jobs and --repeat must be at least 1")

    m = measure(args.records, args.jobs, args.repeat)
    batches, baseline = m["batch_s"], m["python_docx_s"]
    per_doc, one, ratio = m["per_document_ms"] / 1000, m["python_docx_ms"] / 1000, m["ratio"]
    data = records(args.records)
    env: dict[str, Any] = {"python": sys.version.split()[0], "platform": platform.platform()}
    print(f"Python {env['python']} on {env['platform']}; {args.records} documents per batch, "
          f"jobs={args.jobs}, {args.repeat} timed batches; python-docx: {len(baseline)} runs "
          f"after {WARMUP} warm-up runs.\n")
    print("| Measure | median | min | max |\n|---|---:|---:|---:|")
    print(f"| batch of {args.records}, s | {statistics.median(batches):.2f} | {min(batches):.2f} "
          f"| {max(batches):.2f} |")
    print(f"| batch, ms per document | {per_doc * 1000:.2f} "
          f"| {min(batches) / args.records * 1000:.2f} "
          f"| {max(batches) / args.records * 1000:.2f} |")
    print(f"| python-docx, one document, ms | {one * 1000:.2f} | {min(baseline) * 1000:.2f} "
          f"| {max(baseline) * 1000:.2f} |")
    print(f"\nper-document batch time / one python-docx document: {ratio:.2f} "
          f"(target ≤ {TARGET}: {'PASS' if ratio <= TARGET else 'MISS'})")
    if args.profile:
        print("\ncProfile of a single-process batch of 200 documents (top 15, cumulative):\n")
        profile(data[:200])
    return 0


if __name__ == "__main__":
    sys.exit(main())

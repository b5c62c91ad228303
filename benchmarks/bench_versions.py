"""This checkout's govdoc against another checkout's, in one run: the ratio of medians.

A refactoring that must not slow govdoc down (issue 19: within ±10 %) compares itself
with the code before it. Both sides render the same three reports and save them to
memory, ``govdoc.render(report)`` then ``.save(BytesIO())``, timed apart:

* ``seed``: examples/didiao_2023_report.py;
* ``2,000 paragraphs`` and ``20,000 paragraphs``: bench_render.py's reports of 20 and 200
  sections of 99 paragraphs (``large_report``).

Each side is a worker process that imports ``govdoc`` from its checkout's ``src``
(``PYTHONPATH``; the worker checks where it came from). Both run this interpreter, so
both use the same dependencies, unless ``--python`` or ``--baseline-python`` name
another. The reports are built here once and handed to both as model data (validation
is not timed). Each worker renders every report twice to warm up (imports, the
template, jieba's dictionary; govdoc's caches are kept between runs, as in
bench_render.py). Then the runs alternate, side by side and case by case, the side that
goes first swapping each round; ``gc.collect()`` runs before each timed run. Times are
the worker's CPU time (``--wall`` for wall time), which other processes on a busy
machine disturb less than the wall clock. The table gives the medians (of 5 runs by
default) and this / baseline: above 1 is slower. Its last column says whether both
sides wrote the same bytes (``SOURCE_DATE_EPOCH=0`` in both).

    python benchmarks/bench_versions.py --baseline ../base [--repeat N] [--wall]
        [--only seed 2000 20000] [--python PY] [--baseline-python PY]

It always exits 0 once it has measured.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import io
import json
import os
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WARMUP = 2
CASES = {"seed": None, "2000": 20, "20000": 200}
"""Case → sections of bench_render.large_report (None: the seed report itself)."""
LABELS = {"seed": "seed report", "2000": "2,000 paragraphs", "20000": "20,000 paragraphs"}
PARTS = ("render", "save", "render + save")


# -- the worker: one checkout's govdoc, in a process of its own ---------------------------

def worker(checkout: Path, wall: bool) -> None:
    """Answer the parent on stdin/stdout, one JSON line each: first the reports'
    data, then one case name per timed run (the reply: seconds of render and of save,
    and the SHA-256 of the document)."""
    warnings.simplefilter("ignore")
    import govdoc

    where = Path(govdoc.__file__).resolve()
    if not where.is_relative_to(checkout / "src"):
        raise SystemExit(f"bench_versions: govdoc came from {where}, not {checkout}/src")
    clock = time.perf_counter if wall else time.process_time
    from govdoc.modelfile import report_from_data

    reports = {name: report_from_data(data)
               for name, data in json.loads(sys.stdin.readline()).items()}
    print(json.dumps({"ready": str(where.parent)}), flush=True)
    for line in sys.stdin:
        report = reports[json.loads(line)]
        out = io.BytesIO()
        gc.collect()
        start = clock()
        document = govdoc.render(report)
        rendered = clock()
        document.save(out)
        saved = clock()
        print(json.dumps([rendered - start, saved - rendered,
                          hashlib.sha256(out.getvalue()).hexdigest()]), flush=True)


class Side:
    """A worker process for one checkout."""

    def __init__(self, checkout: Path, python: str, wall: bool, data: dict[str, Any]) -> None:
        self.where = str(checkout)
        env = dict(os.environ, PYTHONPATH=str(checkout / "src"), SOURCE_DATE_EPOCH="0")
        command = [python, str(Path(__file__).resolve()), "--worker", str(checkout)]
        if wall:
            command.append("--wall")
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, encoding="utf-8", env=env)
        self.send(data)
        self.where = self.receive()["ready"]

    def send(self, message: object) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()

    def receive(self) -> Any:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"bench_versions: the worker for {self.where} ended "
                             f"(exit status {self.proc.wait()})")
        return json.loads(line)

    def run(self, case: str) -> tuple[float, float, str]:
        """One timed run of ``case``: seconds of render and of save, and the output's hash."""
        self.send(case)
        render, save, digest = self.receive()
        return render, save, digest

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


# -- the parent ---------------------------------------------------------------------------

def report_data(cases: list[str]) -> dict[str, Any]:
    """Each case's report as model data, built with bench_render.py's reports."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_render import large_report, load_seed

    from govdoc.modelfile import report_data as data_of

    seed = load_seed()
    reports = {c: seed if CASES[c] is None else large_report(seed, CASES[c]) for c in cases}
    return {c: data_of(r, dates=False) for c, r in reports.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="the other checkout (its src/govdoc)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per side and case")
    parser.add_argument("--wall", action="store_true", help="wall time instead of CPU time")
    parser.add_argument("--only", nargs="+", choices=list(CASES), default=list(CASES))
    parser.add_argument("--python", default=sys.executable,
                        help="the interpreter for this checkout (default: this one)")
    parser.add_argument("--baseline-python", default=sys.executable,
                        help="the interpreter for the baseline (default: this one)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker.resolve(), args.wall)
        return
    if args.baseline is None:
        parser.error("--baseline CHECKOUT is required")
    baseline = args.baseline.resolve()
    if not (baseline / "src" / "govdoc" / "__init__.py").is_file():
        parser.error(f"{baseline} is not a govdoc checkout (no src/govdoc)")
    cases = [c for c in CASES if c in args.only]
    data = report_data(cases)
    sides = {"this": Side(ROOT, args.python, args.wall, data),
             "baseline": Side(baseline, args.baseline_python, args.wall, data)}
    times: dict[tuple[str, str], list[tuple[float, float]]] = {}
    digests: dict[tuple[str, str], set[str]] = {}
    try:
        for case in cases:
            for _ in range(WARMUP):
                for side in sides.values():
                    side.run(case)
        for round_ in range(args.repeat):
            order = list(sides) if round_ % 2 == 0 else list(reversed(sides))
            for case in cases:
                for name in order:
                    render, save, digest = sides[name].run(case)
                    times.setdefault((name, case), []).append((render, save))
                    digests.setdefault((name, case), set()).add(digest)
    finally:
        for side in sides.values():
            side.close()

    clock = "wall time" if args.wall else "CPU time"
    print(f"this: {sides['this'].where}\nbaseline: {sides['baseline'].where}\n"
          f"Python {sys.version.split()[0]} · {clock}, median of {args.repeat} "
          f"(after {WARMUP} warm-up runs), sides alternating\n")
    print("| case | part | this ms | baseline ms | this / baseline | same bytes |")
    print("|---|---|---:|---:|---:|---|")
    for case in cases:
        same = "yes" if digests[("this", case)] == digests[("baseline", case)] else "NO"
        for i, part in enumerate(PARTS):
            medians = {}
            for name in sides:
                runs = [r + s if i == 2 else (r, s)[i] for r, s in times[(name, case)]]
                medians[name] = statistics.median(runs) * 1000
            ratio = medians["this"] / medians["baseline"]
            print(f"| {LABELS[case]} | {part} | {medians['this']:,.1f} | "
                  f"{medians['baseline']:,.1f} | {ratio:.3f} | {same if i == 2 else ''} |")


if __name__ == "__main__":
    main()

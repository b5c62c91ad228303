"""Speed where people wait (issue 18): PDFs on every core, the warm converter, a quick
first call. Prints one table of medians, each ratio against a baseline measured in the
same run.

    python benchmarks/bench_speed.py [--repeat 5] [--baseline /path/to/python]

``--baseline`` is an interpreter with the previous govdoc installed (default: the
checkout at /work/main, if there); "today's single process" is its ``to_pdfs``, one
LibreOffice process for all documents. Every conversion time is measured in a fresh
process around the call itself, so both versions pay the same LibreOffice start.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "data" / "didiao-2023-fazhi-report.txt"
DEFAULT_BASELINE = Path("/work/main/.venv/bin/python")

CONVERT = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
from govdoc.convert import to_pdfs
paths, out, jobs = json.loads(sys.argv[1])
kwargs = {} if jobs is None else {"jobs": jobs}
start = time.perf_counter()
pdfs = to_pdfs(paths, out, **kwargs)
took = time.perf_counter() - start
assert len(pdfs) == len(paths)
print(took)
"""

WARM = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
import govdoc
docx, out, calls = json.loads(sys.argv[1])
times = []
for i in range(calls):
    start = time.perf_counter()
    govdoc.to_pdf(docx, f"{out}/{i}.pdf")
    times.append(time.perf_counter() - start)
print(json.dumps(times))
"""

CHECK = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
import govdoc
docx, calls = json.loads(sys.argv[1])
times = []
for i in range(calls):
    start = time.perf_counter()
    result = govdoc.check(docx, render=True)
    times.append(time.perf_counter() - start)
print(json.dumps(times))
"""

PARSE = """
from govdoc import parse_text
parse_text(open({seed!r}, encoding="utf-8").read())
"""


def run(python: str, code: str, *args: str) -> str:
    done = subprocess.run([python, "-c", code, *args], capture_output=True, text=True,
                          check=False, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise SystemExit(f"{python}: {done.stderr.strip()[-2000:]}")
    return done.stdout.strip().splitlines()[-1]


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{cmd}: {done.stderr.strip()[-2000:]}")
    return took


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--baseline", default=str(DEFAULT_BASELINE) if DEFAULT_BASELINE.exists()
                        else None)
    args = parser.parse_args()
    if args.repeat < 5:
        parser.error("--repeat: at least 5 runs")
    python = sys.executable
    govdoc_cmd = str(Path(python).with_name("govdoc"))
    import warnings

    import govdoc

    warnings.simplefilter("ignore")
    sys.path.insert(0, str(ROOT / "examples"))
    import notice  # the 4-page notice

    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
        work = Path(tmp)
        seed_docx = work / "seed.docx"
        govdoc.render(govdoc.parse_text(SEED.read_text(encoding="utf-8")).report).save(seed_docx)
        notice_docx = work / "notice.docx"
        govdoc.render(notice.REPORT).save(notice_docx)
        reports = [seed_docx, notice_docx]
        paths = []
        (work / "docx").mkdir()
        for i in range(args.documents):
            path = work / "docx" / f"doc{i:02d}.docx"
            path.write_bytes(reports[i % 2].read_bytes())
            paths.append(str(path))

        # 1-2. 40 documents: --jobs 2, --jobs 1, and the baseline's single process.
        times: dict[str, list[float]] = {"2": [], "1": [], "base": []}
        for r in range(args.repeat):
            for key in times:
                if key == "base" and not args.baseline:
                    continue
                out = str(work / f"pdf-{key}-{r}")
                interpreter = args.baseline if key == "base" else python
                jobs = None if key == "base" else int(key)
                times[key].append(float(run(interpreter, CONVERT, json.dumps([paths, out, jobs]))))
        j2, j1 = median(times["2"]), median(times["1"])
        rows.append((f"{args.documents} documents to PDF, `--jobs 2` vs `--jobs 1`",
                     f"{j2:.2f} s vs {j1:.2f} s", f"{j2 / j1:.2f}×", "≤ 0.6×"))
        if times["base"]:
            base = median(times["base"])
            rows.append((f"{args.documents} documents to PDF, `--jobs 1` vs today's single "
                         "process", f"{j1:.2f} s vs {base:.2f} s", f"{j1 / base:.2f}×", "≤ 1.05×"))

        # 3. the warm converter: calls 2.. of to_pdf in one process vs a cold `govdoc pdf`.
        later: list[float] = []
        cold: list[float] = []
        for r in range(args.repeat):
            out = work / f"warm-{r}"
            out.mkdir()
            later += json.loads(run(python, WARM, json.dumps([str(seed_docx), str(out), 4])))[1:]
            cold.append(wall([govdoc_cmd, "pdf", str(seed_docx), "-o", str(work / f"cold{r}.pdf")]))
        w, c = median(later), median(cold)
        rows.append(("second and later `to_pdf` calls in one process vs a cold `govdoc pdf`",
                     f"{w:.2f} s vs {c:.2f} s", f"{w / c:.2f}×", "≤ 0.4×"))

        # 4. check(render=True), warm, on the 4-page notice.
        checks: list[float] = []
        for r in range(max(1, args.repeat // 2)):
            checks += json.loads(run(python, CHECK, json.dumps([str(notice_docx), 4])))[1:]
        rows.append(("`check(render=True)` warm, 4-page notice", f"{median(checks):.2f} s",
                     "", "≤ 0.6 s"))

        # 5. a cold `govdoc build seed.txt`, the whole process.
        builds = [wall([govdoc_cmd, "build", str(SEED), "-o", str(work / "b.docx"),
                        "--overwrite", "-q"]) for _ in range(args.repeat)]
        rows.append(("cold `govdoc build seed.txt` (whole process)", f"{median(builds):.2f} s",
                     "", "≤ 0.4 s"))

        # 6. a cold first parse_text on the seed, the whole process; Python alone for scale.
        code = PARSE.format(seed=str(SEED))
        parses = [wall([python, "-c", code]) for _ in range(args.repeat)]
        bare = [wall([python, "-c", "pass"]) for _ in range(args.repeat)]
        rows.append(("cold first `parse_text` on the seed (whole process)",
                     f"{median(parses) * 1000:.0f} ms (Python alone: "
                     f"{median(bare) * 1000:.0f} ms)", "", "≤ 80 ms"))

    print(f"medians of {args.repeat} runs; {os.cpu_count()} cores; load average "
          f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    print()
    print("| measure | time | ratio | target |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed where people wait (issue 18): PDFs on every core, the warm converter, a quick
first call. Prints one table of medians, each ratio against a baseline measured in the
same run.

    python benchmarks/bench_speed.py [--repeat 5] [--baseline-ref REF | --baseline PYTHON]
                                     [--cold-baseline /path/to/checkout] [--cold-only]

"Today's single process" is ``to_pdfs`` of govdoc as it was before the pool
(``--baseline-ref``, default commit 3aba0f7: one LibreOffice process for all documents,
each run with a new profile), installed from this repository's history into a temporary
virtualenv; ``--baseline PYTHON`` names an interpreter that has it instead. Every
conversion time is measured in a fresh process around the call itself.

The cold rows (a whole ``govdoc build``, a first ``parse_text``) measure what a user's
``pip install govdoc`` runs: this checkout installed, not editable, into a temporary
virtualenv, where pip has compiled every module (an editable install compiles them
from source in each process when PYTHONDONTWRITEBYTECODE is set). ``--cold-baseline``
(optional) is installed the same way for a "before" column; the
interpreter running this script (often an editable install) is shown for comparison.
Each interpreter has its own cache folder, warmed by one untimed run.
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
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "data" / "didiao-2023-fazhi-report.txt"
BASELINE_REF = "3aba0f7"
"""The last commit whose ``to_pdfs`` ran one LibreOffice process for all documents."""

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
import time
start = time.perf_counter()
from govdoc import parse_text
parse_text(open({seed!r}, encoding="utf-8").read())
print(time.perf_counter() - start)
"""

NOTICE_40 = """棣棠乡人民政府关于进一步加强全乡农村人居环境整治和美丽乡村建设有关各项工作的通知
各村(社区)、乡直各单位:
为进一步改善农村人居环境,推进美丽乡村建设,经乡政府研究,现就有关事项通知如下。
一、加强组织领导
各村要成立工作专班,明确责任人。
二、抓好工作落实
各单位要按照要求,认真抓好落实。
棣棠乡人民政府
2024年3月1日
"""
"""A 通知 draft whose title (40 characters) is broken by phrase (issue 17)."""


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


def installed(checkout: Path, where: Path) -> Path:
    """A virtualenv at ``where`` with ``checkout`` pip-installed (not editable, so with
    compiled modules, as a user's install); its interpreter."""
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
    python = where / "bin" / "python"
    done = subprocess.run([str(python), "-m", "pip", "install", "-q", str(checkout)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"pip install {checkout}: {done.stderr.strip()[-2000:]}")
    return python


def checkout_of(ref: str, where: Path) -> Path:
    """The files of commit ``ref`` of this repository, written to ``where``."""
    where.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return where


def cold_rows(pythons: dict[str, Path], repeat: int, work: Path) -> list[tuple[str, ...]]:
    """Whole-process times of a cold ``govdoc build`` (the seed; a 通知 with a
    40-character title) and of a first ``parse_text``, for each interpreter, interleaved
    so that a busy machine slows them alike; medians in ms."""
    notice = work / "notice40.txt"
    notice.write_text(NOTICE_40, encoding="utf-8")
    parse = PARSE.format(seed=str(SEED))
    measures: dict[str, list[str]] = {
        "cold `govdoc build seed.txt` (whole process)": ["build", str(SEED)],
        "cold `govdoc build` of a 通知 with a 40-character title (whole process)":
            ["build", str(notice)],
    }
    targets = {"build": "≤ 0.4 s", "parse": "≤ 80 ms", "import": "no slower"}
    envs = {}
    for label, python in pythons.items():
        cache = work / f"cache-{len(envs)}"
        envs[label] = {**os.environ, "XDG_CACHE_HOME": str(cache)}
        cmd = [str(Path(python).with_name("govdoc")), "build", str(notice), "-o",
               str(work / "warm.docx"), "--overwrite", "-q"]
        subprocess.run(cmd, check=True, env=envs[label])  # fills its title lexicon

    def timed(label: str, cmd: list[str], inner: bool = False) -> float:
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, env=envs[label],
                              stdin=subprocess.DEVNULL)
        took = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{cmd}: {done.stderr.strip()[-2000:]}")
        return float(done.stdout.split()[-1]) if inner else took

    rows = []
    runs: list[tuple[str, str, bool, Callable[[str], list[str]]]] = [
        (name, "build", False, lambda label, a=args: [
            str(Path(pythons[label]).with_name("govdoc")), *a, "-o",
            str(work / "cold.docx"), "--overwrite", "-q"]) for name, args in measures.items()]
    runs.append(("cold first `parse_text` on the seed (import + call, in a fresh process)",
                 "parse", True, lambda label: [str(pythons[label]), "-c", parse]))
    runs.append(("`import govdoc` (whole process)", "import", False,
                 lambda label: [str(pythons[label]), "-c", "import govdoc"]))
    for name, kind, inner, cmd in runs:
        times: dict[str, list[float]] = {label: [] for label in pythons}
        for _ in range(repeat):
            for label in pythons:
                times[label].append(timed(label, cmd(label), inner))
        shown = ", ".join(f"{label}: {median(t) * 1000:.0f} ms" for label, t in times.items())
        rows.append((name, shown, "", targets[kind]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--baseline-ref", default=BASELINE_REF,
                        help="the git commit of 'today's single process' (default: %(default)s)")
    parser.add_argument("--baseline", help="an interpreter with that govdoc installed "
                                           "(instead of installing --baseline-ref)")
    parser.add_argument("--cold-baseline", type=Path,
                        help="a checkout of a previous govdoc, installed (not editable) "
                             "for the cold rows' 'before' column")
    parser.add_argument("--cold-only", action="store_true",
                        help="only the cold rows (no LibreOffice)")
    args = parser.parse_args()
    if args.repeat < 5:
        parser.error("--repeat: at least 5 runs")
    if args.cold_only:
        with tempfile.TemporaryDirectory(prefix="bench-cold-") as tmp:
            rows = cold_table(args, Path(tmp))
        print_table(args.repeat, rows)
        return 0
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
        if not args.baseline:
            args.baseline = str(installed(checkout_of(args.baseline_ref, work / "base"),
                                          work / "venv-base"))
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

        # 5-6. cold builds and a cold first parse_text, whole processes.
        rows += cold_table(args, work)

    print_table(args.repeat, rows)
    return 0


def cold_table(args: argparse.Namespace, work: Path) -> list[tuple[str, ...]]:
    """The cold rows for this checkout installed (after), the baseline checkout
    installed (before) and the running interpreter (editable, for comparison)."""
    pythons: dict[str, Path] = {}
    if args.cold_baseline is not None:
        pythons["before (installed)"] = installed(args.cold_baseline, work / "venv-before")
    pythons["after (installed)"] = installed(ROOT, work / "venv-after")
    pythons["this interpreter"] = Path(sys.executable)
    bare = [wall([str(pythons["after (installed)"]), "-c", "pass"]) for _ in range(args.repeat)]
    rows = cold_rows(pythons, args.repeat, work)
    rows.append(("Python alone (`python -c pass`)", f"{median(bare) * 1000:.0f} ms", "", ""))
    return rows


def print_table(repeat: int, rows: list[tuple[str, ...]]) -> None:
    print(f"medians of {repeat} runs; {os.cpu_count()} cores; load average "
          f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    print()
    print("| measure | time | ratio | target |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    sys.exit(main())

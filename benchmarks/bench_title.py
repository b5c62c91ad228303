"""Title breaking: the cold ``govdoc build`` of a notice with a 40-character title, the
cost of ``break_title`` in a warm process, ``import govdoc``, and growth with the length.

Every figure is measured in new processes, for this checkout's interpreter and, with
``--baseline PYTHON``, for another interpreter that has a different govdoc installed (for
example one of the main branch), in the same run, the two alternating:

    python benchmarks/bench_title.py --baseline ../main/.venv/bin/python

- **cold build**: the whole ``python -m govdoc build notice.yaml`` process, start to exit
  (median of ``--runs``, at least 5); the word list's cache is built before the first run,
  as it is once per machine;
- **break_title**: median microseconds per title over the 84 titles of
  ``tests/title_corpus.py``, in a process that has broken one title already (the word
  list loaded); the width cache is cleared before each pass;
- **import govdoc**: in-process import time in a new interpreter (median);
- **first use**: the one-time build of the word list's cache (this checkout only);
- **growth**: ``break_title`` at 10,000 and 100,000 characters, and their ratio;
- **the corpus**: how many titles break as the clerk's lines say, and those whose lines
  are not 上长下短 (the shape asked for): symmetry lost to meaning.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NOTICE = """\
kind: 通知
header:
  organs: [安吉县人民政府办公室]
  number: 安政办发〔2024〕12号
title: 安吉县人民政府办公室关于印发《安吉县2024年度城乡居民医疗保险工作实施方案》的通知
recipients: [各乡镇人民政府, 县政府各部门]
body:
  - 现将《安吉县2024年度城乡居民医疗保险工作实施方案》印发给你们，请认真贯彻执行。
issuer: 安吉县人民政府办公室
date: 2024-03-15
"""

WARM = """
import statistics, sys, time
sys.path.insert(0, {tests!r})
from title_corpus import CORPUS
from govdoc.text.title import break_title, title_width
titles = [t.title for t in CORPUS]
break_title(titles[0])  # the word list (or jieba) loaded
per_title = []
for _ in range({passes}):
    title_width.cache_clear()
    start = time.perf_counter()
    for t in titles:
        break_title(t)
    per_title.append((time.perf_counter() - start) / len(titles) * 1e6)
print(statistics.median(per_title))
"""

IMPORT = "import time; t = time.perf_counter(); import govdoc; print(time.perf_counter() - t)"

GROWTH = """
import time
from govdoc.text.title import break_title
unit = "国务院关于同意建立建设节约型社会部际联席会议制度的批复，2024年第3批，"
out = []
for n in (10_000, 100_000):
    text = unit * (n // len(unit))
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        break_title(text)
        runs.append(time.perf_counter() - start)
    out.append(min(runs))
print(out[0], out[1])
"""


def _env(cache: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CACHE_HOME": str(cache)}


def _seconds(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def _output(python: str, code: str, env: dict[str, str]) -> list[float]:
    proc = subprocess.run([python, "-c", code], env=env, check=True, capture_output=True,
                          text=True, timeout=1800)
    return [float(x) for x in proc.stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", help="an interpreter with the govdoc to compare against")
    parser.add_argument("--runs", type=int, default=7, help="runs of each cold build (>= 5)")
    parser.add_argument("--passes", type=int, default=20, help="passes over the corpus")
    args = parser.parse_args()
    runs = max(5, args.runs)
    sides = {"after": sys.executable}
    if args.baseline:
        sides["before"] = args.baseline

    with tempfile.TemporaryDirectory(prefix="bench-title-") as tmp:
        work = Path(tmp)
        (work / "notice.yaml").write_text(NOTICE, encoding="utf-8")
        cache = work / "cache"
        env = _env(cache)

        # First use: the word list's cache built once (this checkout).
        first = _seconds([sys.executable, "-c", "from govdoc.text.title import break_title; "
                          "break_title('国务院关于同意建立建设节约型社会部际联席会议制度的批复')"],
                         env, work)
        again = _seconds([sys.executable, "-c", "from govdoc.text.title import break_title; "
                          "break_title('国务院关于同意建立建设节约型社会部际联席会议制度的批复')"],
                         env, work)

        cold: dict[str, list[float]] = {side: [] for side in sides}
        imports: dict[str, list[float]] = {side: [] for side in sides}
        for side, python in sides.items():  # a warm-up run of each, not counted
            _seconds([python, "-m", "govdoc", "build", "notice.yaml", "-o", f"{side}.docx",
                      "--overwrite", "-q"], env, work)
        for _ in range(runs):
            for side, python in sides.items():
                cold[side].append(_seconds(
                    [python, "-m", "govdoc", "build", "notice.yaml", "-o", f"{side}.docx",
                     "--overwrite", "-q"], env, work))
                imports[side] += _output(python, IMPORT, env)
        warm = {side: _output(python, WARM.format(tests=str(ROOT / "tests"),
                                                  passes=args.passes), env)[0]
                for side, python in sides.items()}
        growth = _output(sys.executable, GROWTH, env)

    med = {side: statistics.median(v) for side, v in cold.items()}
    imp = {side: statistics.median(v) * 1e3 for side, v in imports.items()}

    def row(name: str, values: dict[str, float], fmt: str) -> str:
        before = format(values["before"], fmt) if "before" in values else "—"
        ratio = f"{values['after'] / values['before']:.2f}" if "before" in values else "—"
        return f"| {name} | {before} | {format(values['after'], fmt)} | {ratio} |"

    print("| Measure | Before | After | After / before |")
    print("|---|---|---|---|")
    print(row(f"cold `govdoc build`, 40-character title (s, median of {runs})", med, ".3f"))
    print(row("`break_title`, warm process (µs per title, median, 84 titles)", warm, ".0f"))
    print(row(f"`import govdoc` (ms, median of {runs})", imp, ".1f"))
    print(f"| first use: the word list's cache built (s, once per machine) | — | {first:.2f} | — |")
    print(f"| a new process breaking one title, cache built (s) | — | {again:.3f} | — |")
    print(f"| growth: 10,000 → 100,000 characters (s) | — | {growth[0]:.4f} → {growth[1]:.4f} "
          f"| {growth[1] / growth[0]:.1f}× |")
    sys.path.insert(0, str(ROOT / "tests"))
    from title_corpus import CORPUS

    from govdoc.text.title import break_title, title_width

    matched = sum(tuple(break_title(t.title)) == t.lines for t in CORPUS)
    print(f"| corpus: titles broken as the clerk breaks them | — | {matched} of {len(CORPUS)} | — |")
    print()
    print("Symmetry lost to meaning (lines not 上长下短; widths in characters):")
    for t in CORPUS:
        widths = [title_width(line) for line in t.lines]
        if any(b > a for a, b in zip(widths, widths[1:])):
            print(f"- {' / '.join(t.lines)}  {[round(w, 1) for w in widths]}")
    print()
    print("cold build runs (s):", {side: [round(x, 3) for x in v] for side, v in cold.items()})


if __name__ == "__main__":
    main()

"""Time reading drafts: parse_text and parse_docx on the seed and on a large draft.

Cases (medians of N runs after two warm-up runs, one process):

* ``seed text``: ``parse_text`` on examples/data/didiao-2023-fazhi-report.txt;
* ``seed docx``: ``parse_docx`` on the seed report rendered by govdoc;
* ``2000 paragraphs text``: ``parse_text`` on a draft of 20 sections × 99 paragraphs
  of 120 characters (the text of the large case of bench_render.py);
* ``render, extract, parse``: the round trip of the seed report.

Run from anywhere:

    python benchmarks/bench_parse.py [--repeat N]

It prints a Markdown table and always exits 0. There are no targets: the figures show
what reading costs next to rendering (bench_render.py).
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import time
from pathlib import Path
from typing import Callable

import govdoc
from govdoc.text import chinese_numeral

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "data" / "didiao-2023-fazhi-report.txt"


def large_draft() -> str:
    lines = ["关于2024年度工作情况的报告", "县人民政府："]
    for s in range(1, 21):
        lines.append(f"{chinese_numeral(s)}、第{s}部分")
        lines += [("各项工作有序推进，取得积极成效。" * 8)[:119] + "。"] * 99
    lines += ["棣棠乡人民政府", "2024年1月18日"]
    return "\n".join(lines)


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    for _ in range(2):
        fn()
    out = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    seed_text = SEED.read_text(encoding="utf-8")
    seed_docx = govdoc.render(govdoc.parse_text(seed_text).report).to_bytes()
    large = large_draft()

    def round_trip() -> None:
        data = govdoc.render(govdoc.parse_text(seed_text).report).to_bytes()
        govdoc.parse_text(govdoc.extract_text(io.BytesIO(data)))

    cases = {
        "seed text": lambda: govdoc.parse_text(seed_text),
        "seed docx": lambda: govdoc.parse_docx(io.BytesIO(seed_docx)),
        "2000 paragraphs text": lambda: govdoc.parse_text(large),
        "render, extract, parse": round_trip,
    }
    print("| case | median ms | min | max |")
    print("|---|---:|---:|---:|")
    for name, fn in cases.items():
        runs = timed(fn, args.repeat if "2000" not in name else max(3, args.repeat // 3))
        print(f"| {name} | {statistics.median(runs):.1f} | {min(runs):.1f} | {max(runs):.1f} |")


if __name__ == "__main__":
    main()

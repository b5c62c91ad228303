"""How each step's time grows with its input: the growth table of issue 16.

For parse, normalise, title, render, check and batch (without PDF), the median time at
n, 10n and 100n, and the ratios to the time at n: a linear step gives about 10 and 100,
a quadratic one 100 and 10,000. Times are CPU time of this process (the batch runs in
it, ``jobs=1``), so a loaded machine slows each run but does not bend the curve; before
each run govdoc's caches are emptied, so that no repeat is served from them.

    python benchmarks/bench_growth.py [--repeat N] [--quick] [--only STEP ...]

``--quick`` measures n and 10n only. The sizes:

* parse: a text draft of n body paragraphs (``parse_text``);
* normalise: n characters of prose with ASCII punctuation (``normalize_punctuation``);
* title: a title of n characters (``break_title``);
* render: a report of n body paragraphs (``render(report).save(BytesIO())``);
* check: the static check of that report's .docx (``govdoc.checker.check``);
* batch: n records of ``examples/batch_notice`` (``render_many``, ``jobs=1``).

It always exits 0.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import io
import statistics
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import govdoc
import govdoc.checker
from govdoc.batch import read_records, render_many
from govdoc.parse import ParseError, parse_text
from govdoc.text.punctuation import normalize_punctuation
from govdoc.text.title import break_title

ROOT = Path(__file__).resolve().parent.parent
BATCH = ROOT / "examples" / "batch_notice"
TITLE = "棣棠乡人民政府关于2023年度安全生产工作情况的报告"
BODY = ("2023年，我乡认真落实安全生产责任制(一是压实责任;二是排查隐患),全年未发生较大以上"
        "安全生产事故。开展隐患排查12次，整改率100%。")
ISSUER, DATE = "棣棠乡人民政府", "2024年1月18日"


def _varied(paragraphs: int) -> list[str]:
    """``paragraphs`` different paragraphs: BODY with each of its words rotated by the
    paragraph's number. Real text compresses about 3:1; n copies of one paragraph
    compress past 100:1, which the checker refuses as a zip bomb would be refused."""
    words = BODY.split("，")
    return ["，".join(words[i % len(words):] + words[:i % len(words)]) + f"（第{i}段）"
            for i in range(paragraphs)]


def _report(paragraphs: int) -> govdoc.Report:
    return govdoc.Report(title=TITLE, body=_varied(paragraphs), issuer=ISSUER,
                         date=datetime.date(2024, 1, 18))


def _docx(paragraphs: int) -> bytes:
    buf = io.BytesIO()
    govdoc.render(_report(paragraphs)).save(buf)
    return buf.getvalue()


def _parse(text: str) -> object:
    try:
        return parse_text(text)
    except ParseError as exc:
        return exc


def _batch(records: list[dict[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as out:
        render_many(BATCH / "model.yaml", records, out, jobs=1, progress=False)


def _records(n: int) -> list[dict[str, str]]:
    rows = [dict(r.values) for r in read_records(BATCH / "villages.csv")]
    return [{**rows[i % len(rows)], "村名": f"{rows[i % len(rows)]['村名']}{i}"}
            for i in range(n)]


@dataclass(frozen=True)
class Step:
    name: str
    unit: str
    n: int
    make: Callable[[int], Any]
    """The input of size n, made before timing."""
    run: Callable[[Any], object]


STEPS = [
    Step("parse", "paragraphs", 100,
         lambda n: "\n".join([TITLE, *[BODY] * n, ISSUER, DATE]), _parse),
    Step("normalise", "characters", 10000,
         lambda n: (BODY * (n // len(BODY) + 1))[:n], normalize_punctuation),
    Step("title", "characters", 100,
         lambda n: ("关于" + "棣棠乡人民政府法治建设工作" * n)[:n - 3] + "的报告", break_title),
    Step("render", "paragraphs", 100,
         _report, lambda report: govdoc.render(report).save(io.BytesIO())),
    Step("check", "paragraphs", 50, _docx, govdoc.checker.check),
    Step("batch", "records", 5, _records, _batch),
]


def _clear_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name == "govdoc" or name.startswith("govdoc."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _median(run: Callable[[Any], object], value: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        _clear_caches()
        gc.collect()
        start = time.process_time()
        run(value)
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per size (median)")
    parser.add_argument("--quick", action="store_true", help="n and 10n only")
    parser.add_argument("--only", nargs="+", choices=[s.name for s in STEPS])
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    scales = (1, 10) if args.quick else (1, 10, 100)
    print(f"govdoc {getattr(govdoc, '__version__', '')} · Python {sys.version.split()[0]} · "
          f"CPU time, median of {args.repeat}")
    head = " | ".join(f"{s}n" if s > 1 else "n" for s in scales)
    ratios = " | ".join(f"{s}n/n" for s in scales[1:])
    print(f"\n| step | unit | {head} | {ratios} |")
    print("|" + "---|" * (2 + 2 * len(scales) - 1))
    for step in STEPS:
        if args.only and step.name not in args.only:
            continue
        step.run(step.make(step.n))  # warm up: imports, jieba's dictionary, the template
        times = [_median(step.run, step.make(step.n * s), args.repeat) for s in scales]
        cells = " | ".join(f"{step.n * s:,}: {t * 1000:,.1f} ms" for s, t in zip(scales, times))
        growth = " | ".join(f"{t / times[0]:,.1f}" for t in times[1:])
        print(f"| {step.name} | {step.unit} | {cells} | {growth} |", flush=True)


if __name__ == "__main__":
    main()

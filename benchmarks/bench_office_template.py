"""Time rendering the seed report through an office's 红头 template against govdoc's own.

The seed (``examples/didiao_2023_report.py``) gets a 版头 and a 版记 (发文字号, 抄送,
印发) so that both templates have fields to fill: govdoc's own template generates them,
each office template of ``tests/office_templates.py`` (a: scaled text 标志, b: picture
标志 with a line-shape rule, c: joint table 标志) draws them and fills its fields.
Each run renders and serialises the document (``render(...).to_bytes()``); the
templates take turns within a round, so all are measured on the same machine state.
Target: every office template within 1.5× of govdoc's own (medians).

Run from anywhere:

    python benchmarks/bench_office_template.py [--repeat N]

It prints a Markdown table and always exits 0.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "examples")]

import didiao_2023_report  # noqa: E402
from office_templates import KINDS, build  # noqa: E402

import govdoc  # noqa: E402
from govdoc import GovdocWarning, Header, Imprint  # noqa: E402

TARGET_RATIO = 1.5
SEED = didiao_2023_report.REPORT.model_copy(update={
    "header": Header(organs=["棣棠乡人民政府"], number="棣政报〔2024〕1号"),
    "imprint": Imprint(cc=["县司法局"], printer="棣棠乡党政综合办公室",
                       date=datetime.date(2024, 1, 19)),
    "extra": {"公开属性": "此件公开发布"},
})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    warnings.simplefilter("ignore", GovdocWarning)
    with tempfile.TemporaryDirectory(prefix="govdoc-bench-") as tmp:
        templates: dict[str, Path | None] = {"govdoc's own": None}
        templates.update({f"office {k}": build(k, Path(tmp) / f"office-{k}.docx")
                          for k in KINDS})
        times: dict[str, list[float]] = {name: [] for name in templates}
        for name, template in templates.items():  # warm: caches, imports
            govdoc.render(SEED, template).to_bytes()
        for _ in range(args.repeat):
            for name, template in templates.items():
                start = time.perf_counter()
                govdoc.render(SEED, template).to_bytes()
                times[name].append((time.perf_counter() - start) * 1000)
    base = statistics.median(times["govdoc's own"])
    print(f"Seed report, {args.repeat} rounds, render + serialise\n")
    print("| Template | ms (median) | ratio to govdoc's own | Target |")
    print("|---|---:|---:|---|")
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / base
        verdict = "" if name == "govdoc's own" else (
            f"≤ {TARGET_RATIO} ({'PASS' if ratio <= TARGET_RATIO else 'MISS'})")
        print(f"| {name} | {median:.1f} | {ratio:.2f} | {verdict} |")


if __name__ == "__main__":
    main()

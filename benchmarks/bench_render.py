"""Time govdoc against a hand-written python-docx build of the same paragraphs.

Two cases, each timed in one process on the same machine:

* ``seed``: the 棣棠乡 report of ``examples/didiao_2023_report.py``;
* ``2000 paragraphs``: a synthetic report of 20 level-1 sections × 99 paragraphs.

For each case, ``govdoc.render(report).save(...)`` and a python-docx build of the
same layout blocks (direct formatting, no styles) are run alternately after two
warm-up runs each. Run from anywhere:

    python benchmarks/bench_render.py [--repeat N] [--repeat-large N] [--json PATH]

It always exits 0; PASS/MISS only reports whether a target ratio was met.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import importlib.util
import io
import json
import platform
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Callable

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

import govdoc
from govdoc.layout import layout
from govdoc.styles import Role

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "didiao_2023_report.py"
WARMUP = 2
SEED_TARGET = 0.6
LARGE_TARGET = 0.5
SECTIONS, PARAGRAPHS_PER_SECTION, PARAGRAPH_CHARS = 20, 99, 120

# --- the python-docx baseline ------------------------------------------------------

XIAOBIAOSONG, HEITI, KAITI, FANGSONG = "方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312"
FONTS: dict[Role, str] = {
    Role.TITLE: XIAOBIAOSONG,
    Role.HEADING_1: HEITI,
    Role.RUN_IN_1: HEITI,
    Role.HEADING_2: KAITI,
    Role.RUN_IN_2: KAITI,
}
INDENTED = {Role.BODY, Role.HEADING_1, Role.HEADING_2, Role.HEADING_3, Role.HEADING_4}
ALIGN = {
    Role.TITLE: WD_ALIGN_PARAGRAPH.CENTER,
    Role.SIGNATURE: WD_ALIGN_PARAGRAPH.RIGHT,
    Role.DATE: WD_ALIGN_PARAGRAPH.RIGHT,
}

# A paragraph as plain data: its role and its runs as (text, role of the run's font).
Para = tuple[Role, list[tuple[str, Role]]]


def paragraphs_of(report: govdoc.Report) -> list[Para]:
    """The report's paragraphs as plain data, taken from govdoc's layout (not timed)."""
    return [(b.role, [(r.text, r.role or b.role) for r in b.runs]) for b in layout(report)]


def build_python_docx(paras: list[Para]) -> None:
    """What a developer would write with python-docx alone: direct formatting."""
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    for role, runs in paras:
        p = doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.line_spacing = Pt(28.95)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        if role in INDENTED:
            fmt.first_line_indent = Pt(32)
        if role in ALIGN:
            p.alignment = ALIGN[role]
        for text, font_role in runs:
            run = p.add_run(text)
            name = FONTS.get(font_role, FANGSONG)
            run.font.size = Pt(22 if font_role is Role.TITLE else 16)
            run.font.name = name
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    doc.save(io.BytesIO())


# --- the reports -------------------------------------------------------------------


def load_seed() -> govdoc.Report:
    """REPORT from the example script, loaded by path (examples/ is not a package)."""
    spec = importlib.util.spec_from_file_location("didiao_2023_report", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    report = module.REPORT
    assert isinstance(report, govdoc.Report)
    return report


def large_report(seed: govdoc.Report) -> govdoc.Report:
    """20 sections of 99 paragraphs, each a 120-character slice of the seed's text."""
    corpus = "".join(b.text for b in layout(seed, normalize=False) if b.role is Role.BODY)
    corpus *= 1 + (SECTIONS * PARAGRAPHS_PER_SECTION * 7) // len(corpus)

    def para(k: int) -> str:
        start = (k * 7) % (len(corpus) - PARAGRAPH_CHARS)  # varied, deterministic
        return corpus[start:start + PARAGRAPH_CHARS]

    body = [
        govdoc.Section(
            title=f"第{s + 1}部分工作情况",
            body=[para(s * PARAGRAPHS_PER_SECTION + i) for i in range(PARAGRAPHS_PER_SECTION)],
        )
        for s in range(SECTIONS)
    ]
    return govdoc.Report(
        title="关于2023年度各项工作情况的综合报告", body=body,
        issuer="某某县人民政府", date=datetime.date(2024, 1, 18),
    )


# --- timing ------------------------------------------------------------------------


@dataclass
class Stats:
    times_ms: list[float]
    median: float
    min: float
    max: float

    @classmethod
    def of(cls, times: list[float]) -> Stats:
        return cls(times, statistics.median(times), min(times), max(times))


@dataclass
class Result:
    case: str
    paragraphs: int
    repeat: int
    govdoc: Stats
    python_docx: Stats
    ratio_of_medians: float
    pairwise_ratio_median: float
    target: float
    passed: bool


def _time(fn: Callable[[], None]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def compare(case: str, report: govdoc.Report, repeat: int, target: float) -> Result:
    """Run govdoc and python-docx alternately; warm-up runs are not recorded."""
    paras = paragraphs_of(report)

    def run_govdoc() -> None:
        govdoc.render(report).save(io.BytesIO())

    def run_python_docx() -> None:
        build_python_docx(paras)

    for _ in range(WARMUP):
        run_govdoc()
        run_python_docx()
    g: list[float] = []
    p: list[float] = []
    for _ in range(repeat):
        g.append(_time(run_govdoc))
        p.append(_time(run_python_docx))
    ratio = statistics.median(g) / statistics.median(p)
    pairwise = statistics.median(a / b for a, b in zip(g, p))
    return Result(case, len(paras), repeat, Stats.of(g), Stats.of(p), ratio, pairwise,
                  target, ratio <= target)


def table(results: list[Result]) -> str:
    def ms(s: Stats) -> str:
        return f"{s.median:.1f} / {s.min:.1f} / {s.max:.1f}"

    lines = [
        "| Case | Paragraphs | Timed runs | govdoc ms (median / min / max) "
        "| python-docx ms (median / min / max) | govdoc/python-docx (medians) "
        "| Pairwise ratio (median) | Target | Result |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.case} | {r.paragraphs} | {r.repeat} | {ms(r.govdoc)} | {ms(r.python_docx)} "
            f"| {r.ratio_of_medians:.2f} | {r.pairwise_ratio_median:.2f} | ≤ {r.target} "
            f"| {'PASS' if r.passed else 'MISS'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15,
                        help="timed runs of each side for the seed report (default: %(default)s)")
    parser.add_argument("--repeat-large", type=int, default=5,
                        help="timed runs of each side for 2,000 paragraphs (default: %(default)s)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    args = parser.parse_args()
    if args.repeat < 1 or args.repeat_large < 1:
        parser.error("repetitions must be at least 1")

    seed = load_seed()
    results = [
        compare("seed report", seed, args.repeat, SEED_TARGET),
        compare("2,000 paragraphs", large_report(seed), args.repeat_large, LARGE_TARGET),
    ]
    env = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        **{pkg: version(pkg) for pkg in ("govdoc", "python-docx", "docxtpl", "lxml")},
    }
    print(f"Python {env['python']} on {env['platform']}; govdoc {env['govdoc']}, "
          f"python-docx {env['python-docx']}, docxtpl {env['docxtpl']}; "
          f"{WARMUP} warm-up runs each, then alternating govdoc / python-docx.\n")
    print(table(results))
    if args.json:
        payload = {"environment": env, "warmup": WARMUP, "results": [asdict(r) for r in results]}
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

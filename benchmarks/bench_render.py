"""govdoc's speed, measured against python-docx and raw docxtpl in one run.

Cases (see benchmarks/README.md for what each side does):

* ``seed report``: examples/didiao_2023_report.py, govdoc vs a hand-written
  python-docx build of the same paragraphs;
* ``200 / 2,000 / 20,000 paragraphs``: synthetic reports of 99-paragraph sections,
  govdoc vs raw docxtpl rendering the same paragraph texts (and vs python-docx up to
  2,000);
* ``import``: ``import govdoc`` vs ``import docx`` in new processes;
* ``peak RSS``: a new process that renders and saves the 20,000-paragraph report;
* ``batch``: a 1,000-document batch with two worker processes (benchmarks/bench_batch.py),
  per document, vs one hand-written python-docx document.

Run from anywhere: ``python benchmarks/bench_render.py [--quick] [--json PATH]``.
It always exits 0; PASS/MISS only reports whether a target was met.
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
    return [(b.role, [(r.text, r.role or b.role) for r in b.runs]) for b in layout(report).items]


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


def large_report(seed: govdoc.Report, sections: int = SECTIONS) -> govdoc.Report:
    """``sections`` sections of 99 paragraphs, each a 120-character slice of the seed's
    text (20 sections: 1,980 body paragraphs)."""
    corpus = "".join(b.text for b in layout(seed, normalize=False).items if b.role is Role.BODY)
    corpus *= 1 + (sections * PARAGRAPHS_PER_SECTION * 7) // len(corpus)

    def para(k: int) -> str:
        start = (k * 7) % (len(corpus) - PARAGRAPH_CHARS)  # varied, deterministic
        return corpus[start:start + PARAGRAPH_CHARS]

    body = [
        govdoc.Section(
            title=f"第{s + 1}部分工作情况",
            body=[para(s * PARAGRAPHS_PER_SECTION + i) for i in range(PARAGRAPHS_PER_SECTION)],
        )
        for s in range(sections)
    ]
    return govdoc.Report(
        title="关于2023年度各项工作情况的综合报告", body=body,
        issuer="某某县人民政府", date=datetime.date(2024, 1, 18),
    )


# --- raw docxtpl --------------------------------------------------------------------

# A paragraph for docxtpl: its paragraph style id and its runs as (text, character
# style id or None), the styles govdoc's template defines.
StyledPara = tuple[str, list[tuple[str, "str | None"]]]


def styled_paragraphs(report: govdoc.Report) -> list[StyledPara]:
    """The report's paragraphs with govdoc's style ids, from its layout (not timed)."""
    from govdoc.blocks import Block
    from govdoc.styles import style_id

    return [(style_id(b.role), [(r.text, style_id(r.role) if r.role else None) for r in b.runs])
            for b in layout(report).items if isinstance(b, Block)]


def render_docxtpl(paras: list[StyledPara]) -> None:
    """Raw docxtpl rendering the same paragraphs: govdoc's template, whose ``{{p body }}``
    is filled with one RichTextParagraph of every paragraph, each with its paragraph
    style and its runs with their character styles (autoescaped); then saved."""
    from docxtpl import DocxTemplate, RichText, RichTextParagraph

    from govdoc.rendering.template import default_template

    tpl = DocxTemplate(str(default_template()))
    body = RichTextParagraph()
    for pstyle, runs in paras:
        text = RichText()
        for run, rstyle in runs:
            text.add(run, style=rstyle)
        body.add(text, parastyle=pstyle)
    tpl.render({"body": body}, autoescape=True)
    tpl.save(io.BytesIO())


def loop_template(folder: Path) -> Path:
    """govdoc's template with its body placeholder replaced by the leanest docxtpl loop:
    one body-styled paragraph per text, no other styles."""
    from docx.oxml import OxmlElement

    from govdoc.rendering.template import default_template
    from govdoc.styles import STYLES
    from govdoc.template_builder import BODY_PLACEHOLDER

    doc = docx.Document(str(default_template()))
    holder = next(p for p in doc.paragraphs if BODY_PLACEHOLDER in p.text)
    holder.text = "{%p for para in paras %}"
    loop_end = holder.insert_paragraph_before("{%p endfor %}")
    holder._p.addnext(loop_end._p)
    item = holder.insert_paragraph_before("{{ para }}")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), STYLES[Role.BODY].id)
    item._p.get_or_add_pPr().insert(0, style)
    holder._p.addnext(item._p)
    path = folder / "docxtpl-loop.docx"
    doc.save(str(path))
    return path


def render_docxtpl_loop(template: Path, texts: list[str]) -> None:
    """The leanest docxtpl: a loop of plain body paragraphs (autoescaped), saved."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render({"paras": texts}, autoescape=True)
    tpl.save(io.BytesIO())


# --- timing ------------------------------------------------------------------------


@dataclass
class Stats:
    median: float
    min: float
    max: float
    runs: int

    @classmethod
    def of(cls, times: list[float]) -> Stats:
        return cls(statistics.median(times), min(times), max(times), len(times))

    def __str__(self) -> str:
        return f"{_num(self.median)} ({_num(self.min)}–{_num(self.max)})"


def _num(x: float) -> str:
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def _time(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def alternate(sides: dict[str, Callable[[], object]], repeat: int) -> dict[str, Stats]:
    """Each side ``WARMUP`` times, then all sides in turn ``repeat`` times; ms."""
    for fn in sides.values():
        for _ in range(WARMUP):
            fn()
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, fn in sides.items():
            times[name].append(_time(fn))
    return {name: Stats.of(t) for name, t in times.items()}


@dataclass
class Row:
    """One line of the results table."""

    measure: str
    govdoc: str
    baseline: str
    ratio: float
    target: float
    unit: str = "ms"

    @property
    def passed(self) -> bool:
        return self.ratio <= self.target


def _in_new_process(code: str) -> str:
    """Run ``code`` in a new interpreter (this one's, same sys.path); its stdout."""
    import subprocess

    here = str(Path(__file__).resolve().parent)
    done = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {here!r}); {code}"],
                          check=True, capture_output=True, text=True)
    return done.stdout.strip()


def import_times(repeat: int) -> dict[str, Stats]:
    """In-process import time (ms) of ``import docx`` / ``import govdoc`` in new processes,
    alternating; plus govdoc ready to render (model and renderer loaded)."""
    probes = {
        "docx": "import docx",
        "govdoc": "import govdoc",
        "govdoc ready": "import govdoc; govdoc.Report; govdoc.render",
    }
    times: dict[str, list[float]] = {k: [] for k in probes}
    for _ in range(repeat):
        for name, stmt in probes.items():
            out = _in_new_process(f"import time; t = time.perf_counter(); {stmt}; "
                                  f"print((time.perf_counter() - t) * 1000)")
            times[name].append(float(out))
    return {k: Stats.of(v) for k, v in times.items()}


def peak_rss_mb(sections: int) -> float:
    """Peak resident memory (MB) of a new process that renders and saves a report of
    ``sections`` × 99 paragraphs."""
    out = _in_new_process(
        "import io, resource, bench_render as b; "
        f"r = b.large_report(b.load_seed(), {sections}); "
        "b.govdoc.render(r).save(io.BytesIO()); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    return int(out) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs and a 200-document batch (a smoke run, not figures)")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch case")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    args = parser.parse_args()
    quick = args.quick
    import tempfile

    seed = load_seed()
    rows: list[Row] = []
    details: dict[str, object] = {}

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    say("seed report…")
    seed_paras = paragraphs_of(seed)
    s = alternate({"govdoc": lambda: govdoc.render(seed).save(io.BytesIO()),
                   "python-docx": lambda: build_python_docx(seed_paras)}, 5 if quick else 21)
    details["seed"] = s
    rows.append(Row("seed report, render + save (vs python-docx)", str(s["govdoc"]),
                    str(s["python-docx"]), s["govdoc"].median / s["python-docx"].median, 0.5))

    large: dict[int, dict[str, Stats]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        loop = loop_template(Path(tmp))
        for sections, repeat in ((2, 15), (20, 7), (200, 3)):
            report = large_report(seed, sections)
            paras = paragraphs_of(report)
            styled = styled_paragraphs(report)
            texts = ["".join(text for text, _ in runs) for _, runs in paras]
            say(f"{len(paras):,} paragraphs…")
            sides: dict[str, Callable[[], object]] = {
                "govdoc": lambda r=report: govdoc.render(r).save(io.BytesIO()),
                "docxtpl": lambda p=styled: render_docxtpl(p),
                "docxtpl loop": lambda t=texts: render_docxtpl_loop(loop, t),
            }
            if sections <= 20:
                sides["python-docx"] = lambda p=paras: build_python_docx(p)
            large[sections] = alternate(sides, 2 if quick else repeat)
            details[f"{len(paras)} paragraphs"] = large[sections]
            g, d = large[sections]["govdoc"], large[sections]["docxtpl"]
            loop_ms = large[sections]["docxtpl loop"]
            target = 1.4 if sections == 20 else float("inf")
            rows.append(Row(f"{len(paras):,} paragraphs (vs raw docxtpl, same styled "
                            "paragraphs)", str(g), str(d), g.median / d.median, target))
            rows.append(Row(f"{len(paras):,} paragraphs (vs a plain docxtpl loop, body "
                            "style only)", str(g), str(loop_ms), g.median / loop_ms.median,
                            float("inf")))
            if "python-docx" in large[sections]:
                pd = large[sections]["python-docx"]
                rows.append(Row(f"{len(paras):,} paragraphs (vs python-docx)", str(g), str(pd),
                                g.median / pd.median, float("inf")))
    g2k, g20k = large[20]["govdoc"], large[200]["govdoc"]
    rows.append(Row("20,000 vs 2,000 paragraphs (govdoc's own; linear = 10)", str(g20k),
                    str(g2k), g20k.median / g2k.median, 12))

    say("import…")
    imp = import_times(5 if quick else 21)
    details["import"] = imp
    rows.append(Row("`import govdoc` in a new process (vs `import docx`)", str(imp["govdoc"]),
                    str(imp["docx"]), imp["govdoc"].median / imp["docx"].median, 1.3))
    rows.append(Row("import, model and renderer loaded (vs `import docx`)",
                    str(imp["govdoc ready"]), str(imp["docx"]),
                    imp["govdoc ready"].median / imp["docx"].median, float("inf")))

    say("peak RSS…")
    rss = peak_rss_mb(200)
    details["peak_rss_mb"] = rss
    rows.append(Row("peak RSS, 20,000 paragraphs (vs 400 MB)", f"{rss:.0f}", "400",
                    rss / 400, 1.0, unit="MB"))

    if not args.no_batch:
        bench_batch = _load_module("bench_batch")
        if bench_batch is not None:
            say("batch…")
            batch = bench_batch.measure(documents=200 if quick else 1000, jobs=2)
            details["batch"] = batch
            rows.append(Row(f"batch of {batch['documents']:,} documents, --jobs 2, per document "
                            "(vs one python-docx document)", f"{batch['per_document_ms']:.2f}",
                            f"{batch['python_docx_ms']:.2f}",
                            batch["per_document_ms"] / batch["python_docx_ms"], 0.3))

    env = {"python": sys.version.split()[0], "platform": platform.platform(),
           **{pkg: version(pkg) for pkg in ("govdoc", "python-docx", "docxtpl", "lxml")}}
    print(f"Python {env['python']} on {env['platform']}; govdoc {env['govdoc']}, "
          f"python-docx {env['python-docx']}, docxtpl {env['docxtpl']}. Medians (min–max); "
          f"{WARMUP} warm-up runs per side, then the sides alternate.\n")
    print("| measure | govdoc | baseline | ratio | target | result |")
    print("|---|---:|---:|---:|---:|---|")
    for r in rows:
        target = "—" if r.target == float("inf") else f"≤ {r.target:g}"
        result = "—" if r.target == float("inf") else "PASS" if r.passed else "MISS"
        print(f"| {r.measure} | {r.govdoc} {r.unit} | {r.baseline} {r.unit} | {r.ratio:.2f} "
              f"| {target} | {result} |")
    if args.json:
        payload = {"environment": env, "rows": [asdict(r) for r in rows],
                   "details": json.loads(json.dumps(details, default=asdict))}
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


def _load_module(name: str) -> ModuleType | None:
    """A sibling benchmark script as a module, or None when it is not there."""
    path = Path(__file__).resolve().with_name(f"{name}.py")
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(main())

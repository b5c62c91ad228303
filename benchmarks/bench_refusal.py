"""Time how fast govdoc refuses hostile "templates", and checks a good one.

Cases (each file written once to a temporary folder, then loaded N times through
``govdoc.rendering.template.template_bytes``, the path ``govdoc.render`` takes):

* ``random 10 MB``: 10 MB of random bytes named .docx (target: refused in < 1 s);
* ``zip bomb 65 MB``: govdoc's template plus 65 MB of zeros packed to 64 kB;
* ``700k entries``: a 64 MB zip of empty entries (its directory alone is 60 MB);
* ``general.docx``: govdoc's own template, checked in full (cache cleared each run).

Run from anywhere:

    python benchmarks/bench_refusal.py [--repeat N]

It prints a Markdown table (median / max ms) and always exits 0.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from govdoc.errors import TemplateError
from govdoc.rendering import template as tpl

TARGET_MS = 1000.0


def _random(folder: Path) -> Path:
    path = folder / "random.docx"
    path.write_bytes(random.Random(1).randbytes(10 * 1024 * 1024))
    return path


def _bomb(folder: Path) -> Path:
    path = folder / "bomb.docx"
    with zipfile.ZipFile(tpl.default_template()) as zin, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            zout.writestr(name, zin.read(name))
        zout.writestr("word/media/bomb.bin", bytes(65 * 1024 * 1024))
    return path


def _many(folder: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for i in range(700_000):
            zf.writestr(f"{i}", b"")
    path = folder / "many.docx"
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size <= tpl.MAX_FILE_BYTES  # refused for its entries, not its size
    return path


def _time(path: Path, repeat: int) -> tuple[list[float], str]:
    times = []
    outcome = ""
    for _ in range(repeat):
        tpl._load.cache_clear()  # noqa: SLF001 - measure the check, not the cache
        start = time.perf_counter()
        try:
            tpl.template_bytes(path)
            outcome = "accepted"
        except TemplateError as exc:
            outcome = str(exc).split(": ", 1)[1]
        times.append((time.perf_counter() - start) * 1000)
    return times, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="govdoc-bench-") as tmp:
        folder = Path(tmp)
        cases = [
            ("random 10 MB", _random(folder)),
            ("zip bomb 65 MB", _bomb(folder)),
            ("700k entries", _many(folder)),
            ("general.docx", tpl.default_template()),
        ]
        print("| Case | File size | ms (median / max) | Target | Outcome |")
        print("|---|---:|---:|---:|---|")
        for label, path in cases:
            times, outcome = _time(path, args.repeat)
            median = statistics.median(times)
            verdict = "PASS" if max(times) < TARGET_MS else "MISS"
            size = path.stat().st_size
            print(f"| {label} | {size / 1024:,.0f} kB | {median:.1f} / {max(times):.1f} | "
                  f"< {TARGET_MS:.0f} ({verdict}) | {outcome} |")


if __name__ == "__main__":
    main()

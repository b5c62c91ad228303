"""Parse speed against a baseline, measured in the same run: parse_text on the seed.

    python benchmarks/compare_parse.py --baseline-python /path/to/other/venv/bin/python
    python benchmarks/compare_parse.py --baseline-python … --text draft.txt --repeat 5

Each round runs a short timing in this interpreter and in the baseline's (another
checkout's venv, e.g. main's), alternating, so that both see the same machine load.
Per round each side reports the minimum over its repeats (the least disturbed run);
the script prints both sides' medians over the rounds and their ratio. Exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "examples" / "data" / "didiao-2023-fazhi-report.txt"

TIMER = """
import gc, sys, time
from govdoc.parse import parse_text
text = open(sys.argv[1], encoding="utf-8").read()
for _ in range(5):
    parse_text(text)
best = float("inf")
for _ in range(int(sys.argv[2])):
    gc.collect()
    start = time.perf_counter()
    parse_text(text)
    best = min(best, time.perf_counter() - start)
print(best * 1000)
"""


def one(python: str, repeat: int, text: Path) -> float:
    out = subprocess.run([python, "-c", TIMER, str(text), str(repeat)], capture_output=True,
                         text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-python", required=True)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--text", type=Path, default=SEED, help="the draft to parse (default: the seed)")
    args = parser.parse_args()
    ours, base = [], []
    for _ in range(args.rounds):
        base.append(one(args.baseline_python, args.repeat, args.text))
        ours.append(one(sys.executable, args.repeat, args.text))
    b, o = statistics.median(base), statistics.median(ours)
    print("| side | median of per-round minima, ms |")
    print("|---|---:|")
    print(f"| baseline | {b:.3f} |")
    print(f"| this checkout | {o:.3f} |")
    print(f"ratio (this / baseline): {o / b:.2f}")


if __name__ == "__main__":
    main()

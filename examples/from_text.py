"""棣棠乡2023年度法治政府建设情况报告, built from the seed text file itself.

govdoc reads the plain text (title, sections, run-in headings, 署名, 成文日期), says what
it had to guess, and lays the report out to GB/T 9704. The result equals the report
built by hand in didiao_2023_report.py. Run from anywhere:

    python examples/from_text.py [INPUT.txt] [-o OUT.docx]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import govdoc

SEED = Path(__file__).resolve().parent / "data" / "didiao-2023-fazhi-report.txt"


def from_text(args: argparse.Namespace, _tmp: Path) -> govdoc.Report:
    """The report parsed from the text file ``args.input``, saying what govdoc guessed."""
    result = govdoc.parse_text(args.input.read_text(encoding="utf-8"))
    for warning in result.warnings:
        print(f"warning: {warning}")
    return result.report


def main() -> None:
    from _run import run_example

    run_example(__doc__, "from-text.docx", from_text, lambda parser: parser.add_argument(
        "input", nargs="?", type=Path, default=SEED,
        help="the text draft (default: the seed report)"))


if __name__ == "__main__":
    main()

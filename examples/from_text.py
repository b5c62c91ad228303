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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=SEED,
                        help="the text draft (default: the seed report)")
    parser.add_argument("-o", "--output", type=Path, default=Path("from-text.docx"),
                        help="where to write the .docx (default: %(default)s)")
    args = parser.parse_args()
    result = govdoc.parse_text(args.input.read_text(encoding="utf-8"))
    for warning in result.warnings:
        print(f"warning: {warning}")
    govdoc.render(result.report).save(args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()

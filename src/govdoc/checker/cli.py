"""The ``check`` and ``fix`` commands.

The main ``govdoc`` command adds them with :func:`add_check_commands`; each sets
``func`` on its parsed arguments, a callable that takes the arguments and returns the
exit status. :func:`main` runs them on their own (``python -m govdoc.checker FILE``).

Exit status of ``check``: 1 when a rule of strength 规定 fails (with ``--strict``, any
warning too), 2 when a file cannot be read, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from govdoc.errors import GovdocError


def add_check_commands(subparsers: Any) -> None:
    """Add ``check`` and ``fix`` to an ``argparse`` sub-parser collection."""
    check = subparsers.add_parser(
        "check", help="check .docx files against GB/T 9704-2012",
        description="Check .docx files against GB/T 9704-2012, rule by rule with the clause. "
                    "Exit status 1 when a rule of strength 规定 fails (--strict: any warning).")
    check.add_argument("files", nargs="+", metavar="FILE.docx", help="documents to check")
    check.add_argument("--render", action="store_true",
                       help="also convert with LibreOffice and measure the pages")
    check.add_argument("--json", action="store_true", help="print the results as JSON")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.set_defaults(func=run_check)
    fix = subparsers.add_parser(
        "fix", help="re-format a .docx to GB/T 9704 (import and render)",
        description="Import a .docx and render it with govdoc; print what changed. What the "
                    "result does not keep is reported one line each before it is written; a "
                    "document with nothing to fix, or one that re-formatting would make worse, "
                    "is copied unchanged.")
    fix.add_argument("input", metavar="IN.docx")
    fix.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    fix.add_argument("--render", action="store_true",
                     help="measure the pages before and after too")
    fix.add_argument("--overwrite", action="store_true", help="replace OUT.docx if it exists")
    fix.set_defaults(func=run_fix)


def run_check(args: argparse.Namespace) -> int:
    from govdoc.checker import check_many

    try:
        results = check_many(args.files, render=args.render)
    except (GovdocError, OSError) as exc:
        print(f"govdoc check: {exc}", file=sys.stderr)
        return 2
    if args.json:
        data = [r.to_dict() for r in results]
        print(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(r.table() for r in results))
    failed = any(not r.ok or (args.strict and r.warnings) for r in results)
    return 1 if failed else 0


def run_fix(args: argparse.Namespace) -> int:
    from govdoc.checker.fix import fix
    from govdoc.errors import warnings_as_lines

    def say(line: str) -> None:
        print(f"govdoc fix: {line}", file=sys.stderr)

    try:
        with warnings_as_lines(say):  # what is not kept: one line each, before writing
            result = fix(args.input, args.output, render=args.render, overwrite=args.overwrite)
    except (GovdocError, OSError) as exc:
        print(f"govdoc fix: {exc}", file=sys.stderr)
        return 2
    print(result.report())
    return 0 if result.after.ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m govdoc.checker [check] FILE… [--render] [--json] [--strict]`` or
    ``python -m govdoc.checker fix IN -o OUT``."""
    parser = argparse.ArgumentParser(prog="python -m govdoc.checker",
                                     description="GB/T 9704-2012 conformance checker")
    sub = parser.add_subparsers(dest="command", required=True)
    add_check_commands(sub)
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in ("check", "fix", "-h", "--help"):
        args_list = ["check", *args_list]
    args = parser.parse_args(args_list)
    return int(args.func(args))

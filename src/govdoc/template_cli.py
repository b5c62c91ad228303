"""``govdoc template``: make an office's 红头 template from an issued document, check one.

    govdoc template init FROM.docx -o my-template.docx
    govdoc template check my-template.docx
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_template_commands"]


def _say(message: str) -> None:
    print(f"govdoc: {message}", file=sys.stderr)


def _run_init(args: argparse.Namespace) -> int:
    from govdoc.errors import GovdocError
    from govdoc.office_template import init_template

    source = Path(args.input)
    if not source.is_file():
        raise GovdocError(f"{source}: no such file")
    out = Path(args.output)
    if out.resolve() == source.resolve():
        raise GovdocError(f"{out}: the template would replace the document it is made from")
    report = init_template(source, out, overwrite=args.overwrite)
    for line in report.lines():
        _say(line)
    _say(f"wrote {out}")
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from govdoc.errors import GovdocError
    from govdoc.office_template import check_office_template

    path = Path(args.template)
    if not path.is_file():
        raise GovdocError(f"{path}: no such file")
    problems = check_office_template(path)
    for problem in problems:
        print(f"{path}: {problem}")
    if not problems:
        print(f"{path}: 模板无问题: nothing lacking or wrong")
    return 1 if problems else 0


def add_template_commands(sub: Any) -> None:
    """Add ``template init`` and ``template check`` to the ``govdoc`` sub-commands."""
    group = sub.add_parser(
        "template", help="make an office's 红头 template from an issued document; check one",
        description="An office's own 红头 template: govdoc keeps its 版头 and 版记 as drawn "
                    "and fills its fields ({{ number }}, {{ cc }}, {{ extra.联系人 }}…).",
        epilog="examples:\n  govdoc template init issued.docx -o my-template.docx\n"
               "  govdoc template check my-template.docx\n"
               "  govdoc build report.yaml -o out.docx --template my-template.docx",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = group.add_subparsers(title="actions", metavar="ACTION")
    actions.required = True
    init = actions.add_parser(
        "init", help="turn an issued 红头 .docx into a template",
        description="Keep everything above the red rule and the 版记 drawing; put fields "
                    "where the 发文字号, 签发人, 份号, 密级, 紧急程度 and 版记 texts stood and "
                    "{{p body }} where the title, body, 署名 and date stood.")
    init.add_argument("input", metavar="FROM.docx", help="an issued document with its 红头")
    init.add_argument("-o", "--output", metavar="TEMPLATE.docx", required=True,
                      help="the template to write")
    init.add_argument("--overwrite", action="store_true", help="replace TEMPLATE if it exists")
    init.set_defaults(run=_run_init)
    check = actions.add_parser("check", help="report what a template lacks or gets wrong "
                                             "(exit status 1 when it finds something)")
    check.add_argument("template", metavar="TEMPLATE.docx")
    check.set_defaults(run=_run_check)
    for p in (init, check):
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="show tracebacks on errors")

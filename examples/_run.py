"""The command line every example shares: ``python examples/NAME.py [OPTIONS] [-o OUT.docx]``.

An example builds a :class:`govdoc.Report` and hands it to :func:`run_example` with the
file name it writes by default; the runner reads the command line, renders the report,
saves it and says where. Not an example itself (hence the underscore).

The examples import this module inside their ``main()``: run as a script, an example
has its own folder on ``sys.path``, while its report stays importable from anywhere
(the tests, the drafting notebook) without this module.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from govdoc import Report, render

Build = Callable[[argparse.Namespace, Path], Report]
"""Makes an example's report from its parsed command line and a temporary folder, where
it may write stand-in seal images; the folder is removed once the document is saved."""

Options = Callable[[argparse.ArgumentParser], object]
"""Adds an example's own arguments to the parser (they come before ``-o``)."""


def run_example(doc: str | None, default_output: str, report: Report | Build,
                options: Options | None = None) -> None:
    """Render ``report`` (or what ``report`` builds) and save it where ``-o`` says.

    ``doc`` is the example's docstring, whose first line describes the command;
    ``default_output`` is the file written without ``-o`` (in the current folder).
    """
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    if options is not None:
        options(parser)
    parser.add_argument("-o", "--output", type=Path, default=Path(default_output),
                        help="where to write the .docx (default: %(default)s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        built = report if isinstance(report, Report) else report(args, Path(tmp))
        render(built).save(args.output)
    print(f"wrote {args.output}")

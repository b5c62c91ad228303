"""The ``govdoc`` command: build documents from drafts and model files, print the model's
schema, convert documents to PDF, fill one model with many records (mail-merge).

    govdoc build report.yaml -o report.docx      # a model file (.yaml/.yml/.json/.toml)
    govdoc build draft.txt -o report.docx        # a plain-text draft (.txt, .md)
    govdoc build draft.docx -o clean.docx        # a Word draft, re-formatted
    govdoc build draft.txt -o report.yaml        # a draft as an editable model file
    govdoc schema -o report.schema.json
    govdoc pdf report.docx -o report.pdf
    govdoc preview report.docx -o pages --pages 1,3    # PNG pages
    govdoc check report.docx                     # GB/T 9704 rule by rule
    govdoc fix draft.docx -o fixed.docx          # re-formatted, what is not kept reported
    govdoc batch notice.yaml villages.csv -o out --name "{{ 村名 }}.docx"   # one per record
    govdoc template init issued.docx -o my-template.docx   # an office's 红头 template

Exit status 0 on success, 1 with a one-line reason on an error (``--debug`` shows the
traceback), 2 for a wrong command line. No command overwrites a file unless given
``--overwrite``. Warnings are printed one line each (``govdoc: warning: …``), before
the file they concern is written. A sub-command is one :class:`Command` in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import sys
import tempfile
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from govdoc.parse import ParseResult

__all__ = ["COMMANDS", "Command", "CommandError", "main"]

TEXT_SUFFIXES = (".txt", ".md")


class CommandError(Exception):
    """A failure to report to the user in one line, without a traceback."""


@dataclass(frozen=True)
class Command:
    """A sub-command: its name, one-line summary, usage example, options and action.

    ``run`` returns the exit status; it raises :class:`CommandError` (or a
    :class:`~govdoc.GovdocError`) to fail with a message.
    """

    name: str
    summary: str
    example: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def say(message: str) -> None:
    """Tell the user something (on stderr, so stdout stays clean for output)."""
    print(f"govdoc: {message}", file=sys.stderr)


def write_file(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Write ``data`` to ``path`` atomically (:func:`govdoc.saving.write_atomic`): a temp
    file in the same folder, then a rename; an existing ``path`` is replaced only with
    ``overwrite``."""
    from govdoc.errors import OutputExistsError
    from govdoc.saving import write_atomic

    if path.is_dir():
        raise CommandError(f"{path} is a folder, not a file name")
    if not path.parent.is_dir():
        raise CommandError(f"the folder {path.parent} does not exist")
    try:
        write_atomic(path, data, overwrite=overwrite)
    except OutputExistsError:
        raise CommandError(f"{path} already exists; pass --overwrite to replace it") from None


def _input_path(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise CommandError(f"{value}: no such file")
    return path


def _docx_input(value: str) -> Path:
    """The path of an existing Word document; refused when the file is not one (a zip
    archive holding ``word/document.xml``), before LibreOffice sees it."""
    import zipfile

    path = _input_path(value)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        names = set()
    if "word/document.xml" not in names:
        raise CommandError(f"{value}: 不是 Word 文档: not a Word .docx file")
    return path


# -- build ----------------------------------------------------------------------------------

def _configure_build(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="INPUT",
                   help="a model file (.yaml, .yml, .json, .toml), a text draft (.txt, .md) "
                        "or a Word draft (.docx)")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="the file to write: .docx, or .yaml/.json/.toml for the model "
                        "(default: INPUT with .docx)")
    p.add_argument("-t", "--template", metavar="TEMPLATE.docx",
                   help="a govdoc template to use instead of the general one")
    seal = p.add_mutually_exclusive_group()
    seal.add_argument("--sealed", dest="sealed", action="store_true", default=None,
                      help="the sealed signature layout, 7.3.5.1 (default for drafts)")
    seal.add_argument("--unsealed", dest="sealed", action="store_false",
                      help="the unsealed signature layout, 7.3.5.2")
    p.add_argument("--no-normalize", "--no-normalise", dest="normalize", action="store_false",
                   help="keep ASCII punctuation next to Chinese text as written")
    p.add_argument("--reject-changes", action="store_true",
                   help="for a Word draft: reject its tracked changes (default: accept them)")
    p.add_argument("--date", metavar="YYYY-MM-DD", type=datetime.date.fromisoformat,
                   help="成文日期 for a draft that has none (default: no date line, with a warning)")
    p.add_argument("--strict", action="store_true",
                   help="for a draft: refuse it when a part is missing (title, 主送, 署名, date) "
                        "instead of warning")
    p.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="print nothing but errors (no warnings)")


def _run_build(args: argparse.Namespace) -> int:
    import govdoc
    from govdoc.modelfile import FORMATS, dump_report
    from govdoc.parse import ParseError

    source = _input_path(args.input)
    suffix = source.suffix.lower()
    if args.output is None:
        if suffix == ".docx":
            raise CommandError("give the output file with -o: it would replace the draft")
        args.output = str(source.with_suffix(".docx"))
    out = Path(args.output)
    out_suffix = out.suffix.lower()
    if out_suffix != ".docx" and out_suffix not in FORMATS:
        raise CommandError(f"{out}: the output must be .docx, .yaml, .yml, .json or .toml")
    try:
        parsed = _read_input(source, suffix, args)
    except ParseError as exc:  # name the draft, unless the message does already
        message = str(exc)
        raise CommandError(message if message.startswith(str(source)) or
                           message.startswith(f"Word draft {source}")
                           else f"{source}: {message}") from None
    if args.sealed is not None:
        parsed = replace(parsed, report=parsed.report.model_copy(update={"sealed": args.sealed}))
    if out_suffix in FORMATS:
        notes = [f"{source}: {w}" for w in parsed.warnings]
        data = dump_report(parsed.report, FORMATS[out_suffix]).encode("utf-8")
    else:
        if suffix == ".docx":  # the checker loads only for a Word draft
            from govdoc.checker.fix import carried_over, seals_carried

        with contextlib.ExitStack() as stack:
            report, found = (stack.enter_context(seals_carried(source, parsed))
                             if suffix == ".docx" else (parsed.report, list(parsed.warnings)))
            notes = [f"{source}: {w}" for w in found]
            caught = stack.enter_context(warnings.catch_warnings(record=True))
            warnings.simplefilter("always", govdoc.GovdocWarning)
            document = govdoc.render(report, template=args.template, normalize=args.normalize)
        notes += [str(w.message) for w in caught if issubclass(w.category, govdoc.GovdocWarning)]
        data = document.to_bytes()
        if suffix == ".docx":
            notes += [f"{source}: {n}" for n in carried_over(source.read_bytes(), data)]
    if not args.overwrite and out.exists():
        raise CommandError(f"{out} already exists; pass --overwrite to replace it")
    if not args.quiet:  # what is not kept is said before anything is written
        for note in notes:
            say(f"warning: {note}")
    write_file(out, data, overwrite=args.overwrite)
    if not args.quiet:
        count = f" ({len(notes)} warning{'s' if len(notes) > 1 else ''})" if notes else ""
        say(f"wrote {out}{count}")
    return 0


def _read_input(source: Path, suffix: str, args: argparse.Namespace) -> ParseResult:
    """What ``source`` (a model file or a draft) holds: a model file's report has no
    warnings and no elements."""
    from govdoc.modelfile import FORMATS, load_report
    from govdoc.parse import ParseResult, parse_docx, parse_text

    if suffix in FORMATS:
        return ParseResult(load_report(source), (), ())
    if suffix == ".docx":
        return parse_docx(source, default_date=args.date, strict=args.strict,
                          changes="reject" if args.reject_changes else "accept")
    if suffix in TEXT_SUFFIXES:
        try:
            text = source.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError(f"{source}: not UTF-8 text; save it as UTF-8") from None
        return parse_text(text, markdown=suffix == ".md", default_date=args.date,
                          strict=args.strict)
    raise CommandError(f"{source}: unknown input type {suffix or '(none)'}; expected "
                       ".yaml, .yml, .json, .toml, .txt, .md or .docx")


BUILD = Command(
    "build", "build a .docx from a model file, a text draft or a Word draft",
    "examples:\n"
    "  govdoc build report.yaml -o report.docx\n"
    "  govdoc build draft.txt -o report.docx --unsealed\n"
    "  govdoc build draft.docx -o clean.docx --overwrite\n"
    "  govdoc build draft.txt -o report.yaml     # the draft as an editable model file",
    _configure_build, _run_build,
)


# -- schema ---------------------------------------------------------------------------------

def _configure_schema(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")


def _run_schema(args: argparse.Namespace) -> int:
    import json

    from govdoc.modelfile import report_schema

    text = json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        write_file(Path(args.output), text.encode("utf-8"), overwrite=args.overwrite)
        say(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0


SCHEMA = Command(
    "schema", "print the JSON Schema of model files (for forms and editors)",
    "examples:\n"
    "  govdoc schema > report.schema.json\n"
    "  govdoc schema -o report.schema.json",
    _configure_schema, _run_schema,
)


# -- pdf ------------------------------------------------------------------------------------

def _configure_pdf(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN.docx", help="the document to convert")
    p.add_argument("-o", "--output", metavar="OUT.pdf",
                   help="the PDF to write (default: IN with .pdf)")
    p.add_argument("--overwrite", action="store_true", help="replace OUT.pdf if it exists")


def _run_pdf(args: argparse.Namespace) -> int:
    from govdoc.convert import INSTALL_HINT, find_soffice, to_pdf

    source = _docx_input(args.input)
    out = Path(args.output) if args.output else source.with_suffix(".pdf")
    if out.exists() and not args.overwrite:
        raise CommandError(f"{out} already exists; pass --overwrite to replace it")
    if find_soffice() is None:
        raise CommandError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="govdoc-pdf-") as tmp:
        pdf = to_pdf(source, tmp)
        write_file(out, pdf.read_bytes(), overwrite=args.overwrite)
    say(f"wrote {out}")
    return 0


PDF = Command(
    "pdf", "convert a .docx to PDF with LibreOffice",
    "example:\n  govdoc pdf report.docx -o report.pdf",
    _configure_pdf, _run_pdf,
)

# -- batch ----------------------------------------------------------------------------------

def _configure_batch(p: argparse.ArgumentParser) -> None:
    p.add_argument("model", metavar="MODEL",
                   help="a model file (.yaml, .yml, .json, .toml) with {{ key }} placeholders")
    p.add_argument("records", metavar="RECORDS",
                   help="the records: a .csv file (UTF-8, a header row) or a .jsonl file "
                        "(one JSON object per line)")
    p.add_argument("-o", "--output", metavar="DIR", required=True,
                   help="the folder to write the documents to (made if missing)")
    p.add_argument("--name", metavar="PATTERN", default="{row:04d}.docx",
                   help="each file's name, from {{ key }} placeholders and {row}, the record's "
                        "line in RECORDS (default: %(default)s)")
    p.add_argument("-j", "--jobs", metavar="N", type=int, default=os.cpu_count() or 1,
                   help="render in N worker processes, and convert with up to N "
                        "LibreOffice processes (default: the number of cores, %(default)s)")
    p.add_argument("--overwrite", action="store_true",
                   help="replace files that exist (default: skip them, so a stopped batch "
                        "resumes)")
    p.add_argument("--pdf", action="store_true",
                   help="also convert the documents to PDF with LibreOffice")
    p.add_argument("--pdf-dir", metavar="DIR",
                   help="the folder for the PDFs (default: the output folder)")
    p.add_argument("-t", "--template", metavar="TEMPLATE.docx",
                   help="a govdoc template to use instead of the general one")
    p.add_argument("--no-progress", dest="progress", action="store_false",
                   help="show no progress bar (it shows only on a terminal)")


BATCH_ERRORS_SHOWN = 20
"""How many failed records ``govdoc batch`` lists before it only counts them."""


def _run_batch(args: argparse.Namespace) -> int:
    from govdoc.batch import read_records, render_many
    from govdoc.errors import GovdocWarning

    model = _input_path(args.model)
    source = _input_path(args.records)
    if args.jobs < 1:
        raise CommandError(f"--jobs must be at least 1, not {args.jobs}")
    records = read_records(source)
    if not records:
        raise CommandError(f"{source}: no records")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GovdocWarning)  # result.warnings: printed below
        result = render_many(model, records, args.output, name=args.name,
                             overwrite=args.overwrite, jobs=args.jobs, pdf=args.pdf,
                             pdf_dir=args.pdf_dir, progress=args.progress,
                             template=args.template)
    for note in result.warnings:
        say(f"warning: {note}")
    failures = result.failed + result.pdf_failed
    for outcome in failures[:BATCH_ERRORS_SHOWN]:
        say(f"error: {outcome.message}")
    if len(failures) > BATCH_ERRORS_SHOWN:
        say(f"error: … and {len(failures) - BATCH_ERRORS_SHOWN} more failures "
            f"(the first {BATCH_ERRORS_SHOWN} are shown)")
    say(f"{result.summary()} in {args.output}")
    if result.skipped and not args.overwrite:
        say("skipped files exist already; pass --overwrite to replace them")
    return 0 if result.ok else 1


BATCH = Command(
    "batch", "fill one model file with many records: one .docx per row (mail-merge)",
    "examples:\n"
    "  govdoc batch notice.yaml villages.csv -o out --name \"{{ 村名 }}.docx\"\n"
    "  govdoc batch notice.yaml villages.jsonl -o out --jobs 4 --pdf\n"
    "  govdoc batch notice.yaml villages.csv -o out --overwrite   # write every file again\n"
    "\n"
    "A placeholder {{ key }} in the model's text is replaced by the record's value,\n"
    "literally. Files that exist are skipped, so running a stopped batch again finishes\n"
    "it. A record that fails is reported with its line; the others are still written,\n"
    "and the exit status is then 1.",
    _configure_batch, _run_batch,
)

# -- preview --------------------------------------------------------------------------------

def _configure_preview(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN.docx", help="the document (or a PDF) to show")
    p.add_argument("-o", "--output", metavar="DIR", required=True,
                   help="the folder for the PNG pages, named IN-1.png, IN-2.png… (made if "
                        "missing)")
    p.add_argument("--pages", metavar="1,3", type=_page_list,
                   help="only these pages, by number from 1 (default: every page)")
    p.add_argument("--dpi", metavar="N", type=int, default=96,
                   help="the resolution, 10 to 600 (default: %(default)s)")
    p.add_argument("--overwrite", action="store_true", help="replace PNG files that exist")


def _page_list(value: str) -> list[int]:
    try:
        pages = [int(x) for x in value.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: give page numbers like 1,3") from None
    if not pages or min(pages) < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give page numbers from 1, like 1,3")
    return pages


def _run_preview(args: argparse.Namespace) -> int:
    from govdoc.pageview import preview

    source = (_input_path(args.input) if args.input.lower().endswith(".pdf")
              else _docx_input(args.input))
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{folder} is a file, not a folder")
    if not 10 <= args.dpi <= 600:
        raise CommandError(f"--dpi {args.dpi}: give a resolution from 10 to 600")

    def target(number: int) -> Path:
        return folder / f"{source.stem}-{number}.png"

    if args.pages and not args.overwrite:  # refuse before the slow part when we can
        _refuse_existing([target(n) for n in args.pages])
    pages = preview(source, args.pages, dpi=args.dpi)
    if not args.overwrite:
        _refuse_existing([target(p.number) for p in pages])
    folder.mkdir(parents=True, exist_ok=True)
    for page in pages:
        write_file(target(page.number), page.png, overwrite=args.overwrite)
    say(f"wrote {len(pages)} page{'s' if len(pages) != 1 else ''} of {pages.page_count} "
        f"to {folder}")
    return 0


def _refuse_existing(paths: list[Path]) -> None:
    there = [p for p in paths if p.exists()]
    if there:
        more = f" and {len(there) - 1} more" if len(there) > 1 else ""
        raise CommandError(f"{there[0]}{more} already exist; pass --overwrite to replace them")


PREVIEW = Command(
    "preview", "write the pages of a .docx as PNG images (LibreOffice and pdftoppm)",
    "examples:\n"
    "  govdoc preview report.docx -o pages            # pages/report-1.png, report-2.png…\n"
    "  govdoc preview report.docx -o pages --pages 1,3 --dpi 150",
    _configure_preview, _run_preview,
)


# -- serve ----------------------------------------------------------------------------------

WEB_HINT = "govdoc serve needs the web extra: pip install 'govdoc[web]'"


def _configure_serve(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", type=int, default=8000, help="the port (default: %(default)s)")
    p.add_argument("--host", default="127.0.0.1",
                   help="the address to listen on (default: %(default)s, this machine only); "
                        "any other needs --token")
    p.add_argument("--token", default=os.environ.get("GOVDOC_TOKEN"),
                   help="a secret every request must carry (default: $GOVDOC_TOKEN)")
    p.add_argument("--templates", metavar="DIR",
                   help="a folder of the office's own templates (.docx) to offer")


def _run_serve(args: argparse.Namespace) -> int:
    import importlib.util

    if any(importlib.util.find_spec(m) is None for m in ("starlette", "uvicorn", "multipart")):
        raise CommandError(WEB_HINT)
    from govdoc.web import serve

    serve(host=args.host, port=args.port, token=args.token, templates=args.templates)
    return 0


SERVE = Command(
    "serve", "a drafting page in the browser: preview, findings, downloads, mail-merge",
    "examples:\n"
    "  govdoc serve                       # http://127.0.0.1:8000/ on this machine\n"
    "  govdoc serve --templates 红头模板   # offer the office's templates too\n"
    "  GOVDOC_TOKEN=s3cret govdoc serve --host 0.0.0.0   # the office's LAN, with a token",
    _configure_serve, _run_serve,
)

COMMANDS: list[Command] = [BUILD, SCHEMA, PDF, PREVIEW, BATCH, SERVE]
"""The sub-commands, in the order ``govdoc --help`` lists them."""


# -- main -----------------------------------------------------------------------------------

def build_parser(running: str | None = None) -> argparse.ArgumentParser:
    """The ``govdoc`` parser. ``running``: the sub-command about to run, when known; for
    one of :data:`COMMANDS` the ``check`` and ``fix`` commands (whose package is costly
    to import) are left out."""
    from govdoc import __version__

    parser = argparse.ArgumentParser(
        prog="govdoc",
        description="Chinese official documents (党政机关公文) laid out to GB/T 9704-2012.",
        epilog="Run 'govdoc COMMAND --help' for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"govdoc {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    sub.required = True
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.summary, description=command.summary,
                           epilog=command.example,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="show tracebacks on errors")
        command.configure(p)
        p.set_defaults(run=command.run)
    if running not in {c.name for c in COMMANDS}:
        from govdoc.checker.cli import add_check_commands

        add_check_commands(sub)  # check and fix: their handlers return the exit status
        from govdoc.template_cli import add_template_commands

        add_template_commands(sub)  # template init and template check
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    """The sub-command ``argv`` names: its first word that is not an option."""
    return next((a for a in argv if not a.startswith("-")), None)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM: leave like Ctrl-C, through every ``finally`` (LibreOffice and temporary
    files are cleaned up on the way out)."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``govdoc`` command; returns the exit status."""
    import signal

    words = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(_command_of(words)).parse_args(words)
    import threading

    if threading.current_thread() is threading.main_thread() \
            and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminated)
    from pydantic import ValidationError

    from govdoc.errors import GovdocError

    from govdoc.errors import warnings_as_lines

    try:
        run = getattr(args, "run", None) or args.func
        with warnings_as_lines(say):
            return run(args)
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    except (CommandError, GovdocError, ValidationError, OSError, ValueError) as exc:
        if args.debug:
            raise
        message = str(exc).strip() or type(exc).__name__
        if isinstance(exc, ValidationError):
            first = exc.errors()[0]
            message = f"{'.'.join(map(str, first['loc']))}: {first['msg']}"
        lines = message.splitlines()
        say(f"error: {lines[0]}")
        for line in lines[1:]:
            say(f"error: {line}")
        return 1
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, not a traceback
        if args.debug:
            raise
        say(f"error: internal error ({type(exc).__name__}: {exc}); run with --debug for details")
        return 1


if __name__ == "__main__":
    sys.exit(main())

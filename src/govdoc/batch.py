"""Batches (mail-merge): one model, many records, one .docx per record.

Offices send the same notice to every village, school and department. The model is
an ordinary model file (or a :class:`~govdoc.model.Report`, or its fields as a dict)
whose text holds placeholders such as ``{{ 村名 }}``; each record (a row of a CSV
file, a line of a JSONL file, or a dict) gives their values::

    result = govdoc.render_many("notice.yaml", "villages.csv", "out", name="{{ 村名 }}.docx")

Substitution is literal and single-pass: each ``{{ key }}`` is replaced by the
record's value as plain text, and the value is never read as a template itself (a
value containing ``{{ x }}`` or ``<`` is written exactly as given). The filled-in
fields are then checked like a model file, so an error names the record's row and
the field, e.g. ``villages.csv:5: body[2].title: …``.

* A record that fails is reported with its row and reason; the others go on.
* Output files are written atomically (:func:`govdoc.saving.write_atomic`): a
  killed run leaves only complete .docx files, and its hidden temporary files are
  removed by the next run. Each file is synced to disk before it takes its name;
  the folder is synced once per chunk of files.
* Files that exist are skipped unless ``overwrite=True``, so a batch that stopped
  half-way is finished by running it again.
* ``jobs=N`` renders in N worker processes (default: one per core); each renders
  and saves its files itself, a chunk of records at a time. The workers die with the
  batch's process, even when it is killed with SIGKILL (Linux).
* ``pdf=True`` then converts the documents with up to N LibreOffice processes
  sharing chunks of at most :data:`govdoc.convert.CHUNK` documents
  (:func:`govdoc.convert.convert_each`), reporting progress as the PDFs appear; a
  document that fails is reported in one line.

Row numbers are line numbers of the records file (for a CSV file, its header is
line 1), or positions counted from 1 for records given in Python.
"""

from __future__ import annotations

import csv
import io
import json
import math
import multiprocessing
import os
import re
import sys
import tempfile
import unicodedata
import warnings
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal, Union

from govdoc.convert import SECONDS_EACH as PDF_SECONDS_EACH
from govdoc.convert import START_SECONDS as PDF_SECONDS
from govdoc.errors import GovdocError, GovdocWarning, OutputExistsError
from govdoc.model import Report

__all__ = ["BatchError", "BatchResult", "Outcome", "PDF_SECONDS", "PDF_SECONDS_EACH", "Record", "read_records",
           "render_many"]

PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s](?:[^{}]*?[^{}\s])?)\s*\}\}")
"""A placeholder in the model's text: ``{{ key }}`` (spaces around the key optional)."""

_NAME_TOKEN = re.compile(PLACEHOLDER.pattern + r"|\{row(?::([^{}]*))?\}")
DEFAULT_NAME = "{row:04d}.docx"
"""The output file name when none is given: the record's row number, e.g. ``0002.docx``."""


RECORD_SUFFIXES = (".csv", ".jsonl", ".ndjson")
_MAX_LISTED = 10  # offending rows listed in a batch-wide error
_LOCAL_CHUNK = 32  # records written between folder syncs when rendering in this process

Progress = Callable[[str, int, int], object]
"""A progress callback: ``(phase, done, total)``, phase ``"docx"`` or ``"pdf"``."""

ModelSource = Union[Report, Mapping[str, Any], str, "os.PathLike[str]"]


class BatchError(GovdocError):
    """A batch cannot start: an unreadable records file, a bad or duplicate output name,
    a placeholder no record fills. Nothing has been written when it is raised."""


@dataclass(frozen=True)
class Record:
    """One record: its row number, where it comes from, and its values.

    ``problem`` is set (and ``values`` empty) when the row could not be read, e.g. a
    JSONL line that is not JSON; the record then fails with that reason.
    """

    row: int
    values: Mapping[str, str]
    source: str | None = None
    problem: str | None = None

    @property
    def where(self) -> str:
        """The record's place for messages: ``villages.csv:5`` or ``record 5``."""
        return f"{self.source}:{self.row}" if self.source else f"record {self.row}"


@dataclass(frozen=True)
class Outcome:
    """What happened to one record (or its PDF): ``path`` is the file written or
    skipped (None when the name itself could not be made); ``message`` says why it
    failed, naming the row and the field; ``warnings`` are doubts about its content."""

    row: int
    status: Literal["written", "skipped", "failed"]
    path: Path | None
    message: str = ""
    warnings: tuple[str, ...] = ()


@dataclass
class BatchResult:
    """The outcome of :func:`render_many`, each list in row order."""

    written: list[Outcome] = field(default_factory=list)
    skipped: list[Outcome] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    pdf_written: list[Outcome] = field(default_factory=list)
    pdf_skipped: list[Outcome] = field(default_factory=list)
    pdf_failed: list[Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Each distinct doubt once, with the rows it concerns."""

    @property
    def ok(self) -> bool:
        """True when no document and no PDF failed."""
        return not self.failed and not self.pdf_failed

    def summary(self) -> str:
        """One line: how many documents (and PDFs) were written, skipped and failed."""
        total = len(self.written) + len(self.skipped) + len(self.failed)
        line = (f"{total} record{'' if total == 1 else 's'}: {len(self.written)} written, "
                f"{len(self.skipped)} skipped (already there), {len(self.failed)} failed")
        if self.pdf_written or self.pdf_skipped or self.pdf_failed:
            line += (f"; PDF: {len(self.pdf_written)} written, {len(self.pdf_skipped)} skipped, "
                     f"{len(self.pdf_failed)} failed")
        return line


# -- records ---------------------------------------------------------------------------------

def read_records(path: str | os.PathLike[str]) -> list[Record]:
    """Read the records of a ``.csv`` file (UTF-8, with or without BOM, a header row) or
    a ``.jsonl`` file (one JSON object per line; blank lines are ignored).

    Row numbers are line numbers in the file. A row that cannot be read becomes a
    record with a ``problem``; a file that cannot be read at all raises
    :class:`BatchError`.
    """
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix not in RECORD_SUFFIXES:
        raise BatchError(f"{source}: records must be a .csv or .jsonl file, not "
                         f"{suffix or '(no suffix)'}")
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise BatchError(f"{source}: cannot read the records ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        hint = " (in Excel: save as “CSV UTF-8”)" if suffix == ".csv" else ""
        raise BatchError(f"{source}:{line}: not UTF-8 text{hint}") from None
    if suffix == ".csv":
        return _read_csv(text, source.name)
    return _read_jsonl(text, source.name)


def _read_csv(text: str, source: str) -> list[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    records: list[Record] = []
    start = 1
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # a blank line
            if header is None:
                header = [name.strip() for name in row]
                named = [n for n in header if n]
                duplicates = sorted({n for n in named if named.count(n) > 1})
                if duplicates:
                    raise BatchError(f"{source}:{line}: the header names the column "
                                     f"{', '.join(duplicates)} twice")
                continue
            if len(row) != len(header):
                records.append(Record(line, {}, source, f"the row has {len(row)} values, the "
                                                        f"header {len(header)} columns"))
                continue
            records.append(Record(line, {k: v for k, v in zip(header, row) if k}, source))
    except csv.Error as exc:
        raise BatchError(f"{source}:{reader.line_num}: CSV: {exc}") from None
    if header is None:
        raise BatchError(f"{source}: the file is empty; it needs a header row naming the columns")
    return records


def _read_jsonl(text: str, source: str) -> list[Record]:
    records: list[Record] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            records.append(Record(number, {}, source, f"JSON: {exc.msg} (column {exc.colno})"))
            continue
        if not isinstance(value, dict):
            records.append(Record(number, {}, source,
                                  "the line must hold a JSON object of the record's values"))
            continue
        values, problem = _text_values(value)
        records.append(Record(number, values, source, problem))
    return records


def _text_values(values: Mapping[Any, Any]) -> tuple[dict[str, str], str | None]:
    """The record's values as text: strings as they are, numbers written out; anything
    else is a problem (a value is never guessed)."""
    out: dict[str, str] = {}
    for key, value in values.items():
        if isinstance(value, str):
            out[str(key)] = value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[str(key)] = str(value)
        else:
            kind = "null" if value is None else type(value).__name__
            return {}, f"the value of {key} must be text or a number, not {kind}"
    return out, None


def _as_records(records: Iterable[Mapping[str, Any] | Record] | str | os.PathLike[str],
                ) -> list[Record]:
    if isinstance(records, (str, os.PathLike)):
        return read_records(records)
    out: list[Record] = []
    for index, item in enumerate(records, start=1):
        if isinstance(item, Record):
            out.append(item)
        elif isinstance(item, Mapping):
            values, problem = _text_values(item)
            out.append(Record(index, values, None, problem))
        else:
            raise TypeError(f"record {index} is a {type(item).__name__}, not a dict")
    rows = [r.row for r in out]
    if len(set(rows)) != len(rows):
        raise BatchError("two records have the same row number; rows name the records in "
                         "messages and file names")
    return out


# -- the model and placeholders ----------------------------------------------------------------

@dataclass(frozen=True)
class _Model:
    """The model's fields with placeholders, where they come from, and their lines."""

    data: dict[str, Any]
    source: str
    lines: dict[tuple, int]


def _load_model(model: ModelSource) -> _Model:
    from govdoc.modelfile import ModelFileError, Problem, load_data, report_data

    if isinstance(model, Report):
        return _Model(report_data(model), "the model", {})
    if isinstance(model, Mapping):
        return _Model(dict(model), "the model", {})
    if isinstance(model, (str, os.PathLike)):
        try:
            data = load_data(model)
        except ModelFileError as exc:
            if Path(model).suffix.lower() in (".yaml", ".yml") and \
                    any(p.message.startswith("YAML:") for p in exc.problems) and \
                    b"{{" in Path(model).read_bytes():
                raise ModelFileError(exc.source, [*exc.problems, Problem(None, None, _YAML_HINT)]) \
                    from None
            raise
        return _Model(data.data, Path(model).name, data.lines)
    raise TypeError(f"render_many() takes a model file, a dict or a Report, "
                    f"not {type(model).__name__}")


_YAML_HINT = ('in YAML, put a value that starts with {{ in quotes, e.g. title: "{{ 村名 }}"; '
              "unquoted, {{ … }} is read as a mapping")


def _field_label(path: tuple) -> str:
    """The field at ``path`` as a batch error names it; "(the model)" for the model itself."""
    from govdoc.modelfile import field_name

    return field_name(path) or "(the model)"


def _placeholders(node: Any, path: tuple = ()) -> dict[str, tuple]:
    """Each placeholder key in ``node``'s text, with the path of its first use."""
    found: dict[str, tuple] = {}
    if isinstance(node, str):
        for m in PLACEHOLDER.finditer(node):
            found.setdefault(m.group(1), path)
    elif isinstance(node, Mapping):
        for key, value in node.items():
            for k, p in _placeholders(value, path + (key,)).items():
                found.setdefault(k, p)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            for k, p in _placeholders(value, path + (i,)).items():
                found.setdefault(k, p)
    return found


def _fill(node: Any, values: Mapping[str, str], path: tuple, missing: dict[str, tuple]) -> Any:
    if isinstance(node, str):
        def value(m: re.Match[str]) -> str:
            key = m.group(1)
            if key in values:
                return values[key]
            missing.setdefault(key, path)
            return m.group(0)

        return PLACEHOLDER.sub(value, node)
    if isinstance(node, Mapping):
        return {k: _fill(v, values, path + (k,), missing) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill(v, values, path + (i,), missing) for i, v in enumerate(node)]
    return node


def _name_of(pattern: str, record: Record) -> str:
    """The output name of ``record``: ``{{ key }}`` from its values, ``{row}`` (with an
    optional format, e.g. ``{row:04d}``) its row number. KeyError for a missing key."""
    def token(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return record.values[m.group(1)]
        return format(record.row, m.group(2) or "")

    return _NAME_TOKEN.sub(token, pattern)


def _name_problem(name: str) -> str | None:
    """Why ``name`` cannot be an output file in the output folder, or None."""
    if not name.lower().endswith(".docx") or len(name) <= len(".docx"):
        return f"the name {name!r} does not end with .docx after a file name"
    if "/" in name or "\\" in name or name in (".", "..") or ".." in Path(name).parts:
        return f"the name {name!r} would leave the output folder"
    if name.startswith("."):
        return f"the name {name!r} starts with a dot (a hidden file)"
    if any(unicodedata.category(c) == "Cc" for c in name) or ":" in name:
        return f"the name {name!r} holds a character a file name cannot hold"
    return None


# -- rendering, in this process or a worker ------------------------------------------------------

@dataclass(frozen=True)
class _Job:
    """What every worker needs, sent once per process."""

    model: _Model
    out_dir: Path
    overwrite: bool
    template: str | None
    normalize: bool
    finish: bool


_Task = tuple[int, str, str, dict[str, str]]  # row, where, name, values

_JOB: _Job | None = None  # a worker's job, set once by _init_worker


def _init_worker(job: _Job, parent: int) -> None:
    global _JOB
    import signal

    from govdoc.convert import die_with_parent

    die_with_parent(parent)  # never left writing files after the batch was killed
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the lead process handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the command's handler
    _JOB = job
    import govdoc.rendering  # noqa: F401  (imported once per process, before the first chunk)


def _worker_chunk(tasks: list[_Task]) -> list[Outcome]:
    assert _JOB is not None, "worker not initialised"
    return _make_chunk(_JOB, tasks)


def _make_chunk(job: _Job, tasks: list[_Task]) -> list[Outcome]:
    """Make each record of ``tasks``, then sync the folder once for the new names."""
    from govdoc.saving import sync_folder

    try:
        return [_make(job, task) for task in tasks]
    finally:
        sync_folder(job.out_dir)


def _make(job: _Job, task: _Task) -> Outcome:
    """Fill, check, render and save one record; every failure becomes an Outcome."""
    from pydantic import ValidationError

    from govdoc.modelfile import ModelFileError, report_from_data
    from govdoc.rendering import render
    from govdoc.saving import write_atomic

    row, where, name, values = task
    path = job.out_dir / name
    model = job.model

    def failed(message: str) -> Outcome:
        return Outcome(row, "failed", path, f"{where}: {message}")

    missing: dict[str, tuple] = {}
    data = _fill(model.data, values, (), missing)
    if missing:
        return failed("; ".join(
            f"{_field_label(p)}: no value for {{{{ {k} }}}}: the record has no {k}"
            for k, p in missing.items()))
    try:
        report = report_from_data(data, source=model.source, lines=model.lines)
    except ModelFileError as exc:
        return failed("; ".join(_problem(model, p) for p in exc.problems))
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", GovdocWarning)
            document = render(report, template=job.template, normalize=job.normalize,
                              finish=job.finish)
        data_bytes = document.to_bytes()
        write_atomic(path, data_bytes, overwrite=job.overwrite, sync_folder=False)
    except OutputExistsError:
        return Outcome(row, "skipped", path)
    except (GovdocError, ValidationError, ValueError, OSError) as exc:
        return failed("; ".join(str(exc).strip().splitlines()) or type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - one record's bug must not stop the others
        return failed(f"internal error ({type(exc).__name__}: {exc})")
    notes = tuple(dict.fromkeys(str(w.message) for w in caught
                                if issubclass(w.category, GovdocWarning)))
    return Outcome(row, "written", path, warnings=notes)


def _problem(model: _Model, problem: Any) -> str:
    """A problem of the filled-in model: the field (and its line in the model file)."""
    if not problem.field:
        return problem.message
    line = f" ({model.source}:{problem.line})" if problem.line else ""
    return f"{problem.field}{line}: {problem.message}"


# -- the batch ------------------------------------------------------------------------------------

def render_many(
    model: ModelSource,
    records: Iterable[Mapping[str, Any] | Record] | str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    name: str = DEFAULT_NAME,
    overwrite: bool = False,
    jobs: int | None = None,
    pdf: bool = False,
    pdf_dir: str | os.PathLike[str] | None = None,
    progress: Progress | bool | None = None,
    template: str | os.PathLike[str] | None = None,
    normalize: bool = True,
    finish: bool = False,
    start_method: str | None = None,
) -> BatchResult:
    """Fill ``model`` with each of ``records`` and write one .docx per record to ``out_dir``.

    ``model`` is a model file's path, a :class:`Report` or its fields as a dict, with
    ``{{ key }}`` placeholders in its text. ``records`` are dicts of text values, or
    the path of a ``.csv``/``.jsonl`` file (see :func:`read_records`). ``name`` makes
    each file's name from ``{{ key }}`` placeholders and ``{row}`` (default
    ``{row:04d}.docx``); names that would leave ``out_dir`` or collide raise
    :class:`BatchError` before anything is written, as does a placeholder that no
    record fills.

    Files that exist are skipped unless ``overwrite``. A record that fails is listed
    in :attr:`BatchResult.failed` with its row and reason; the others go on.
    ``jobs`` worker processes render in parallel (default: one per core;
    ``start_method``: default "fork" on Linux). With ``pdf``, the documents are then
    converted to PDF in ``pdf_dir`` (default: ``out_dir``) by up to ``jobs``
    LibreOffice processes; existing PDFs are skipped unless ``overwrite``. ``progress`` is a callback
    ``(phase, done, total)`` or True for a tqdm bar on stderr. ``template``,
    ``normalize`` and ``finish`` are passed to :func:`govdoc.render`.

    Doubts about the content are collected in :attr:`BatchResult.warnings` and each is
    issued once as a :class:`~govdoc.GovdocWarning`.
    """
    if jobs is None:
        jobs = os.cpu_count() or 1
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    if pdf:
        from govdoc.convert import INSTALL_HINT, ConversionError, find_soffice

        if find_soffice() is None:
            raise ConversionError(INSTALL_HINT)
    the_model = _load_model(model)
    the_records = _as_records(records)
    used = _placeholders(the_model.data)
    _check_keys(used, name, the_records)
    out = Path(out_dir)
    names = _names(name, the_records)
    out.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(out, {n for n in names.values() if n is not None})

    result = BatchResult()
    outcomes: list[Outcome] = []
    tasks: list[_Task] = []
    for record in the_records:
        filename = names[record.row]
        if record.problem is not None:
            outcomes.append(Outcome(record.row, "failed", None,
                                    f"{record.where}: {record.problem}"))
        elif filename is None:
            key = next(m.group(1) for m in _NAME_TOKEN.finditer(name)
                       if m.group(1) is not None and m.group(1) not in record.values)
            outcomes.append(Outcome(record.row, "failed", None,
                                    f"{record.where}: the file name {name!r}: no value for "
                                    f"{{{{ {key} }}}}: the record has no {key}"))
        elif not overwrite and os.path.lexists(out / filename):
            outcomes.append(Outcome(record.row, "skipped", out / filename))
        else:
            tasks.append((record.row, record.where, filename, dict(record.values)))
    job = _Job(the_model, out, overwrite, None if template is None else str(template),
               normalize, finish)
    report = _progress(progress)
    try:
        outcomes += _run(job, tasks, jobs, start_method, len(the_records) - len(tasks),
                         len(the_records), report)
        order = {r.row: i for i, r in enumerate(the_records)}
        outcomes.sort(key=lambda o: order[o.row])
        for outcome in outcomes:
            getattr(result, outcome.status).append(outcome)
        if pdf:
            documents = [o for o in outcomes if o.status != "failed"]
            _convert(result, documents, out if pdf_dir is None else Path(pdf_dir), overwrite,
                     jobs, report)
    finally:
        report.close()
    result.warnings = _warnings(the_records, used, name, outcomes)
    for message in result.warnings:
        warnings.warn(message, GovdocWarning, stacklevel=2)
    return result


def _check_keys(used: dict[str, tuple], pattern: str, records: list[Record]) -> None:
    """A placeholder that no record fills would fail every record: refuse the batch."""
    readable = [r for r in records if r.problem is None]
    if not readable:
        return
    keys = dict(used)
    for m in _NAME_TOKEN.finditer(pattern):
        if m.group(1) is not None:
            keys.setdefault(m.group(1), ("--name",))
    unfilled = [k for k in keys if not any(k in r.values for r in readable)]
    if unfilled:
        where = [f"{{{{ {k} }}}} "
                 f"({'the file name' if keys[k] == ('--name',) else _field_label(keys[k])})"
                 for k in unfilled]
        source = readable[0].source or "the records"
        raise BatchError(f"no record has a value for {', '.join(where)}; "
                         f"the columns of {source} are "
                         f"{', '.join(sorted({k for r in readable for k in r.values})) or 'none'}")


def _names(pattern: str, records: list[Record]) -> dict[int, str | None]:
    """Each record's output name (None when a value for it is missing); BatchError for
    names that would leave the folder or that two records share."""
    if not isinstance(pattern, str) or not pattern:
        raise BatchError("the name pattern is empty")
    for m in _NAME_TOKEN.finditer(pattern):
        if m.group(1) is None:
            try:
                format(1, m.group(2) or "")
            except ValueError as exc:
                raise BatchError(f"the name pattern {pattern!r}: {m.group(0)}: {exc}") from None
    names: dict[int, str | None] = {}
    problems: list[str] = []
    seen: dict[str, Record] = {}
    for record in records:
        try:
            filename = _name_of(pattern, record)
        except KeyError:
            names[record.row] = None
            continue
        names[record.row] = filename
        problem = _name_problem(filename)
        if problem:
            problems.append(f"{record.where}: {problem}")
            continue
        key = unicodedata.normalize("NFC", filename).casefold()
        if key in seen:
            problems.append(f"{record.where}: the name {filename!r} is also the name of "
                            f"{seen[key].where}")
        else:
            seen[key] = record
    if problems:
        more = len(problems) - _MAX_LISTED
        listed = problems[:_MAX_LISTED] + ([f"… and {more} more"] if more > 0 else [])
        raise BatchError("cannot name the output files (nothing was written):\n"
                         + "\n".join(listed))
    return names


def _remove_stale_temps(folder: Path, names: set[str]) -> None:
    """Remove the temporary files a killed run left for this batch's outputs."""
    from govdoc.saving import temp_target

    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if temp_target(entry.name) in names and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _start_method(requested: str | None) -> str | None:
    if requested is not None:
        return requested
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return None


def _run(job: _Job, tasks: list[_Task], jobs: int, start_method: str | None, done: int,
         total: int, report: _Reporter) -> list[Outcome]:
    """Render ``tasks``: here when ``jobs`` is 1, else in chunks in worker processes."""
    from govdoc.saving import sync_folder

    outcomes: list[Outcome] = []
    if jobs == 1 or len(tasks) <= 1:
        report("docx", done, total)
        for start in range(0, len(tasks), _LOCAL_CHUNK):
            for task in tasks[start:start + _LOCAL_CHUNK]:
                outcomes.append(_make(job, task))
                done += 1
                report("docx", done, total)
            sync_folder(job.out_dir)
        return outcomes
    workers = min(jobs, len(tasks))
    size = max(1, min(32, math.ceil(len(tasks) / (workers * 4))))
    chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
    context = multiprocessing.get_context(_start_method(start_method))
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                   initializer=_init_worker, initargs=(job, os.getpid()))
    try:
        futures: dict[Future[list[Outcome]], list[_Task]] = {
            executor.submit(_worker_chunk, chunk): chunk for chunk in chunks}
        # Only now, the workers forked, may a progress bar start its monitor thread.
        report("docx", done, total)
        for future in as_completed(futures):
            try:
                results = future.result()
            except BrokenProcessPool:
                results = [Outcome(t[0], "failed", job.out_dir / t[2],
                                   f"{t[1]}: a worker process ended unexpectedly (out of "
                                   "memory or killed?); run the batch again to retry")
                           for t in futures[future]]
            outcomes += results
            done += len(results)
            report("docx", done, total)
    except BaseException:
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
    return outcomes


def _convert(result: BatchResult, documents: list[Outcome], pdf_dir: Path, overwrite: bool,
             jobs: int, report: _Reporter) -> None:
    """Convert ``documents`` (in record order) to PDF with up to ``jobs`` LibreOffice
    processes."""
    from govdoc.convert import ConversionError, convert_each
    from govdoc.saving import write_atomic

    pdf_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(pdf_dir, {d.path.with_suffix(".pdf").name for d in documents if d.path})
    todo: list[Outcome] = []
    for document in documents:
        assert document.path is not None
        target = pdf_dir / document.path.with_suffix(".pdf").name
        if not overwrite and os.path.lexists(target):
            result.pdf_skipped.append(Outcome(document.row, "skipped", target))
        else:
            todo.append(document)
    total, done = len(documents), len(result.pdf_skipped)
    report("pdf", done, total)
    if not todo:
        return
    converted = done
    with tempfile.TemporaryDirectory(prefix="govdoc-batch-pdf-") as tmp:
        try:
            made_all: list[Path | str] = convert_each(
                [d.path for d in todo if d.path], tmp, jobs=jobs,
                progress=lambda made: report("pdf", converted + made, total))
        except ConversionError as exc:
            reason = "; ".join(str(exc).strip().splitlines())[:300]
            made_all = [f"{d.path.name if d.path else d.row}: {reason}" for d in todo]
        for document, made in zip(todo, made_all):
            assert document.path is not None
            target = pdf_dir / document.path.with_suffix(".pdf").name
            where = document.path.name
            if isinstance(made, str):
                why = made.split(": ", 1)[1] if made.startswith(f"{where}: ") else made
                result.pdf_failed.append(Outcome(document.row, "failed", target,
                                                 f"{where}: PDF: {why}"))
                continue
            try:
                write_atomic(target, made.read_bytes(), overwrite=overwrite)
            except OutputExistsError:
                result.pdf_skipped.append(Outcome(document.row, "skipped", target))
            except OSError as exc:
                result.pdf_failed.append(Outcome(document.row, "failed", target,
                                                 f"{where}: PDF: {exc}"))
            else:
                result.pdf_written.append(Outcome(document.row, "written", target))
    report("pdf", total, total)
    order = {d.row: i for i, d in enumerate(documents)}
    for outcomes in (result.pdf_written, result.pdf_skipped, result.pdf_failed):
        outcomes.sort(key=lambda o: order[o.row])


def _warnings(records: list[Record], used: dict[str, tuple], pattern: str,
              outcomes: list[Outcome]) -> list[str]:
    """Each distinct doubt once: columns no placeholder uses, and render's warnings."""
    found: list[str] = []
    keys = set(used) | {m.group(1) for m in _NAME_TOKEN.finditer(pattern) if m.group(1)}
    unused = sorted({k for r in records for k in r.values} - keys)
    if unused:
        found.append(f"the records' {', '.join(unused)} {'is' if len(unused) == 1 else 'are'} "
                     "used by no placeholder")
    rows: dict[str, list[int]] = {}
    for outcome in outcomes:
        for message in outcome.warnings:
            rows.setdefault(message, []).append(outcome.row)
    for message, where in rows.items():
        count = len(where)
        found.append(f"{message} ({count} document{'s' if count > 1 else ''}, "
                     f"{'row' if count == 1 else 'first row'} {where[0]})")
    return found


# -- progress -------------------------------------------------------------------------------------

class _Reporter:
    """Progress reports to a callback, a tqdm bar per phase, or nowhere."""

    def __init__(self, callback: Progress | None, bars: bool) -> None:
        self._callback = callback
        self._bars = bars
        self._bar: Any = None
        self._phase = ""

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self._callback is not None:
            self._callback(phase, done, total)
        if not self._bars:
            return
        if phase != self._phase:
            self.close()
            from tqdm import tqdm

            self._phase = phase
            self._bar = tqdm(total=total, desc=f"govdoc {phase}", unit="doc", file=sys.stderr,
                             disable=None, leave=True)
        if self._bar is not None:
            self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _progress(progress: Progress | bool | None) -> _Reporter:
    if progress is True:
        return _Reporter(None, True)
    if progress is None or progress is False:
        return _Reporter(None, False)
    if not callable(progress):
        raise TypeError("progress must be a callable (phase, done, total) or True")
    return _Reporter(progress, False)

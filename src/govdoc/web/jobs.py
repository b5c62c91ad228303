"""Work the page hands to others: PDF conversions through one bounded queue, and mail-merge
batches that run in the background and report their progress."""

from __future__ import annotations

import io
import secrets
import shutil
import tempfile
import threading
import time
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from govdoc.web.drafts import InputError

__all__ = ["BatchJob", "Batches", "PdfQueue"]

Converter = Callable[[Path, Path], Path]
"""Converts the .docx at the first path to a PDF at the second; returns the PDF's path."""


def _to_pdf(docx: Path, pdf: Path) -> Path:
    from govdoc.convert import FontSubstitution, to_pdf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FontSubstitution)
        return to_pdf(docx, pdf)


class PdfQueue:
    """Conversions to PDF, ``workers`` at a time (one LibreOffice by default), with at
    most ``waiting`` more queued; past that a request is refused (503) rather than left
    to pile up. ``converter`` can be swapped for a warm, long-lived converter."""

    def __init__(self, converter: Converter = _to_pdf, *, workers: int = 1,
                 waiting: int = 8) -> None:
        self.converter = converter
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._limit = workers + waiting
        self._queued = 0

    @property
    def queued(self) -> int:
        """How many conversions are running or waiting."""
        return self._queued

    def convert(self, docx: Path, pdf: Path) -> Path:
        """Convert, waiting for a turn; :class:`InputError` (503) when the queue is full."""
        with self._lock:
            if self._queued >= self._limit:
                raise InputError("转换繁忙: too many PDF conversions are waiting; try again "
                                 "in a minute", 503)
            self._queued += 1
        try:
            with self._slots:
                return self.converter(docx, pdf)
        finally:
            with self._lock:
                self._queued -= 1


@dataclass
class BatchJob:
    """One mail-merge batch: its progress (``done`` of ``total``), then either the zip
    of its documents or the ``error`` that stopped it, and the records that failed."""

    id: str
    total: int = 0
    done: int = 0
    finished: bool = False
    error: str | None = None
    failed: list[str] = field(default_factory=list)
    zip: bytes | None = None
    created: float = field(default_factory=time.monotonic)

    def state(self) -> dict[str, object]:
        return {"id": self.id, "total": self.total, "done": self.done,
                "finished": self.finished, "error": self.error, "failed": self.failed,
                "ready": self.zip is not None}


MAX_RECORDS = 2000
"""The most records one batch on the page may have."""
KEEP_SECONDS = 600
"""How long a finished batch's zip waits to be fetched before it is dropped."""
KEEP_FINISHED = 8
"""The most finished batches whose zips wait to be fetched (the oldest go first)."""


class Batches:
    """Batches in the background, at most ``running`` at once. Each works in a temporary
    folder that is removed when it ends; only its zip (in memory) stays, until fetched
    or :data:`KEEP_SECONDS` have passed."""

    def __init__(self, *, running: int = 1) -> None:
        self._jobs: dict[str, BatchJob] = {}
        self._lock = threading.Lock()
        self._running = threading.BoundedSemaphore(running)

    def start(self, model: tuple[str, bytes], records: tuple[str, bytes],
              template: Path | None = None) -> BatchJob:
        """Check the model and the records, then fill the model in a background thread."""
        from govdoc.batch import BatchError, read_records
        from govdoc.modelfile import FORMATS
        from govdoc.web.drafts import _model_data, read_utf8

        model_name, model_data = model
        records_name, records_data = records
        suffix = Path(model_name).suffix.lower()
        if suffix not in FORMATS:
            raise InputError(f"{model_name}: 模型文件类型不支持: expected "
                             f"{', '.join(FORMATS)}", 415)
        if Path(records_name).suffix.lower() not in (".csv", ".jsonl"):
            raise InputError(f"{records_name}: 数据文件类型不支持: expected .csv or .jsonl", 415)
        _model_data(read_utf8(model_data, model_name), FORMATS[suffix], model_name)
        read_utf8(records_data, records_name)
        if not self._running.acquire(blocking=False):
            raise InputError("批量繁忙: another batch is running; try again when it ends", 503)
        tmp = Path(tempfile.mkdtemp(prefix="govdoc-serve-batch-"))
        try:
            # Saved under the names they were uploaded with, which messages then show.
            model_path = tmp / "model" / _safe(model_name, f"model{suffix}")
            source = tmp / "records" / _safe(records_name,
                                             f"records{Path(records_name).suffix.lower()}")
            for path, data in ((model_path, model_data), (source, records_data)):
                path.parent.mkdir()
                path.write_bytes(data)
            try:
                rows = read_records(source)
            except (BatchError, ValueError) as exc:
                raise InputError(str(exc).splitlines()[0].replace(str(source), records_name)) \
                    from None
            if not rows:
                raise InputError(f"{records_name}: 没有记录: no records")
            if len(rows) > MAX_RECORDS:
                raise InputError(f"{records_name}: 记录过多: {len(rows)} records "
                                 f"(at most {MAX_RECORDS} on the page)", 413)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            self._running.release()
            raise
        job = BatchJob(secrets.token_urlsafe(12), total=len(rows))
        with self._lock:
            self._forget_old()
            self._jobs[job.id] = job
        names = {str(model_path): model_name, str(source): records_name}
        threading.Thread(target=self._run, args=(job, tmp, model_path, source, template, names),
                         daemon=True).start()
        return job

    def _run(self, job: BatchJob, tmp: Path, model: Path, records: Path,
             template: Path | None, names: dict[str, str]) -> None:
        from govdoc.batch import render_many
        from govdoc.errors import GovdocWarning

        def progress(phase: str, done: int, total: int) -> None:
            job.done, job.total = done, total

        try:
            out = tmp / "out"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", GovdocWarning)
                result = render_many(model, records, out, progress=progress,
                                     template=template)
            job.failed = [_rename(o.message, names) for o in result.failed]
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
                for outcome in result.written:
                    assert outcome.path is not None
                    zf.write(outcome.path, outcome.path.name)
            job.zip = buffer.getvalue()
        except Exception as exc:  # noqa: BLE001 - reported on the page, one line
            job.error = _rename(str(exc).strip().splitlines()[0] if str(exc).strip()
                                else type(exc).__name__, names)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            job.finished = True
            self._running.release()

    def get(self, job_id: str) -> BatchJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def take_zip(self, job_id: str) -> bytes | None:
        """The finished batch's zip, handed out once and then dropped."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.zip is None:
                return None
            del self._jobs[job_id]
            return job.zip

    def _forget_old(self) -> None:
        """Drop batches finished more than :data:`KEEP_SECONDS` ago, and the oldest
        finished ones past :data:`KEEP_FINISHED`."""
        now = time.monotonic()
        finished = sorted((j for j in self._jobs.values() if j.finished),
                          key=lambda j: j.created)
        for n, job in enumerate(finished):
            if now - job.created > KEEP_SECONDS or n < len(finished) - KEEP_FINISHED:
                del self._jobs[job.id]


def _safe(name: str, default: str) -> str:
    """An uploaded file's name, fit to save in a folder of its own (``default`` when not)."""
    name = Path(name).name
    return name if name not in ("", ".", "..") and not name.startswith(".") else default


def _rename(message: str, names: dict[str, str]) -> str:
    """A message with the batch folder's file names replaced by the uploaded names."""
    for path, name in names.items():
        message = message.replace(path, name)
    return message

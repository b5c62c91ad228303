"""Converting .docx files to PDF with LibreOffice.

Each LibreOffice process runs with a private user profile in a ``govdoc-lo-*``
folder of its own (so parallel conversions do not collide) and with govdoc's
fontconfig map (``fonts.conf``), which substitutes free fonts of the same metrics for
the official Chinese fonts a Linux machine lacks. The profile is a copy of one made
once per machine and kept in the user's cache folder (:func:`ready_profile`): a new
profile would cost each process about 1 s more to start.

Many documents (:func:`to_pdfs`, ``govdoc batch --pdf``): up to ``jobs`` processes
(default: one per core) take chunks of at most :data:`CHUNK` documents from one
queue. One LibreOffice process stops after 246 documents (LibreOffice 7.4, measured),
so no process gets more than :data:`CHUNK`. After each chunk every expected PDF is
looked for; LibreOffice converts in order, so the first missing PDF is the document it
was on when it failed or died: that one is tried once more on its own, and the
documents after it go back to the queue untouched.

One document at a time (:func:`to_pdf`, :func:`govdoc.preview`, ``check(render=True)``):
the first call starts a LibreOffice that stays running, headless, with an empty text
file open (without an open document it would end after its first conversion). Each
conversion then runs ``soffice --convert-to`` with the same profile: LibreOffice hands
the request over to the running process through the profile's pipe and returns when
the PDF is written, in about 0.1 s instead of a 1-2 s start. (Debian's python3-uno,
the other way to drive a running office, is not importable from a virtual
environment.) The running office is restarted after :data:`CHUNK` documents or when it
has died; set ``GOVDOC_WARM_OFFICE=0`` to start a new LibreOffice for every call.

No LibreOffice outlives its use: each runs in a session (process group) of its own
that is killed on every way out -- success, error, timeout, Ctrl-C -- and at exit for
the running one; on Linux each is also started with a parent-death signal, so it dies
with the Python process even when that is killed with SIGKILL. A ``govdoc-lo-*``
folder whose process has ended is removed before the next run's first conversion.

LibreOffice 7.4 reads ``w:overflowPunct`` (may punctuation hang past the right
margin?) inverted: a document that forbids hanging punctuation, as 公文 do, has
LibreOffice hang ，。、；：？！ past the margin, and on a line that starts at the
left margin it then does not draw the mark at all, so the PDF loses text. The
converter hands LibreOffice a copy with the setting flipped, so that it lays the
lines out the way Word reads the file: a mark that would start a line pulls the
character before it down. The .docx itself is never changed.
"""

from __future__ import annotations

import atexit
import errno
import io
import math
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Union

from govdoc.cachedir import cache_folder
from govdoc.errors import GovdocError, GovdocWarning, OutputExistsError

FONTS_CONF = Path(__file__).with_name("fonts.conf")
INSTALL_HINT = (
    "LibreOffice is needed to convert documents; install it, e.g. "
    "`apt-get install libreoffice-writer-nogui` (Debian/Ubuntu)"
)


class ConversionError(GovdocError):
    """LibreOffice is missing, or could not convert a document."""


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice``, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    return None


_OVERFLOW_PUNCT = re.compile(rb'<w:overflowPunct(?: w:val="([^"]*)")?\s*/>')
_FALSE = {b"0", b"false", b"off"}


def _flip_overflow_punct(xml: bytes) -> bytes:
    def flip(m: re.Match[bytes]) -> bytes:
        allowed = m.group(1) is None or m.group(1) not in _FALSE
        return b'<w:overflowPunct w:val="%s"/>' % (b"0" if allowed else b"1")

    return _OVERFLOW_PUNCT.sub(flip, xml)


def libreoffice_copy(docx: bytes) -> bytes:
    """``docx`` as LibreOffice 7.4 must read it to lay lines out as Word does.

    Only ``w:overflowPunct`` changes (see the module's docstring); every other part
    is copied byte for byte.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                data = _flip_overflow_punct(data)
            zout.writestr(info, data)
    return out.getvalue()


DocumentLike = Union[str, "os.PathLike[str]", Any]
"""A .docx path, or a document with a ``save(path)`` method (govdoc's or python-docx's)."""


def to_pdf(source: DocumentLike, out: str | os.PathLike[str] | None = None,
           *, overwrite: bool = False, timeout: float = 180) -> Path:
    """Convert a document to PDF with LibreOffice; return the PDF's path.

    ``source`` is a .docx path or a rendered document (:class:`govdoc.Document`, or a
    python-docx document). ``out`` is the PDF's path, or a folder to write
    ``<name>.pdf`` in (made if missing); by default the PDF goes beside the .docx, and
    a document object needs ``out``. A PDF path's folder must exist. An existing PDF is
    replaced only with ``overwrite`` (else :class:`~govdoc.errors.OutputExistsError`,
    naming it). Fonts LibreOffice had to substitute are reported as one
    :class:`FontSubstitution` warning.

    Successive calls in one Python process reuse one running LibreOffice (see the
    module's docstring), so only the first pays for its start.
    """
    pdf, found = convert(source, out, overwrite=overwrite, timeout=timeout)
    warn_substitutions(found, stacklevel=2)
    return pdf


def convert(source: DocumentLike, out: str | os.PathLike[str] | None = None,
            *, overwrite: bool = False, timeout: float = 180) -> tuple[Path, dict[str, str]]:
    """:func:`to_pdf` without the warning: the PDF's path, and the fonts substituted
    ({family the document names: family used})."""
    with work_folder() as tmp:
        target = None if out is None else Path(out)
        into_folder = target is not None and (target.is_dir() or target.suffix.lower() != ".pdf")
        if isinstance(source, (str, os.PathLike)):
            src = Path(source).resolve()
        elif hasattr(source, "save"):
            if target is None:
                raise ValueError("to_pdf(document, out): give `out`, the PDF's path or folder, "
                                 "for a document that is not a file")
            src = Path(tmp) / f"{'document' if into_folder else target.stem}.docx"
            source.save(str(src))
        else:
            raise TypeError(f"to_pdf() takes a .docx path or a document, "
                            f"not {type(source).__name__}")
        if target is None or into_folder:
            folder = (target or src.parent).resolve()
            final = folder / f"{src.stem}.pdf"
        else:
            final = target.resolve()
            if not final.parent.is_dir():
                raise ConversionError(f"{target}: the folder {target.parent} does not exist")
        if not overwrite and os.path.lexists(final):
            raise _exists(final)
        pdf = to_pdfs([src], Path(tmp) / "pdf", timeout=timeout)[0]
        final.parent.mkdir(parents=True, exist_ok=True)
        if not overwrite and os.path.lexists(final):  # made meanwhile: still never replaced
            raise _exists(final)
        shutil.move(str(pdf), final)
        return final, _fonts_of(src)


def _exists(path: Path) -> OutputExistsError:
    return OutputExistsError(errno.EEXIST, "the PDF exists; pass overwrite=True "
                             "(on the command line --overwrite) to replace it", str(path))


def _fonts_of(docx: Path) -> dict[str, str]:
    """:func:`font_substitutions` of a converted file (LibreOffice read it, so it is one)."""
    try:
        return font_substitutions(docx.read_bytes())
    except (OSError, zipfile.BadZipFile):
        return {}


class FontSubstitution(GovdocWarning):
    """LibreOffice set some of a document's fonts in substitutes (see :mod:`govdoc.convert`)."""


def warn_substitutions(found: dict[str, str], *, stacklevel: int = 2) -> None:
    """One :class:`FontSubstitution` warning listing ``found``, when it is not empty;
    ``stacklevel`` as for the function that calls this one (2: its caller's line)."""
    if found:
        listed = "，".join(f"{k} → {v}" for k, v in sorted(found.items()))
        warnings.warn(f"字体替换 fonts substituted for the PDF (same metrics, the official "
                      f"fonts are not installed): {listed}", FontSubstitution,
                      stacklevel=stacklevel + 1)


_RFONTS = re.compile(rb"<w:rFonts\b([^>]*)>")
_FONT_ATTR = re.compile(rb'w:(?:eastAsia|ascii|hAnsi|cs)="([^"]+)"')


def requested_fonts(docx: bytes) -> set[str]:
    """The font families a .docx names in its styles, body, headers and footers."""
    names: set[str] = set()
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                for attrs in _RFONTS.findall(zf.read(name)):
                    names.update(m.decode("utf-8") for m in _FONT_ATTR.findall(attrs))
    return names


def font_substitutions(docx: bytes) -> dict[str, str]:
    """{family the .docx names: family the conversion uses instead}, for every family
    that govdoc's font map (or the system) substitutes. Empty when ``fc-match`` (part
    of fontconfig) is not installed."""
    return {name: used for name in sorted(requested_fonts(docx))
            if (used := _matched_family(name)) is not None}


@lru_cache(maxsize=256)
def _matched_family(name: str) -> str | None:
    """The family fontconfig picks for ``name`` under govdoc's map, or None when it is
    ``name`` itself (or fontconfig cannot say)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    try:
        done = subprocess.run([fc_match, "-f", "%{family}", name], env=env, capture_output=True,
                              text=True, timeout=30, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return None
    families = [f.strip() for f in done.stdout.split(",") if f.strip()]
    if done.returncode != 0 or not families or name in families:
        return None
    return families[0]


# -- many documents: a pool of LibreOffice processes -----------------------------------------

CHUNK = 100
"""The most documents one LibreOffice process is given. LibreOffice 7.4 stops after
246 documents in one process and still exits 0 (measured with 250-400 files, short and
long paths alike), so a process converts at most this many, well under that."""

START_SECONDS = 120
"""LibreOffice's start-up allowance, in seconds, for each process."""
SECONDS_EACH = 30
"""The most one document may take on average, in seconds: with :data:`START_SECONDS`,
the time a process has for its documents before it is ended."""

_ATTEMPTS = 2  # a document LibreOffice was converting when it failed is tried once more


def to_pdfs(docxs: list[str | os.PathLike[str]], out_dir: str | os.PathLike[str],
            *, jobs: int | None = None, overwrite: bool = False,
            timeout: float | None = None,
            progress: Callable[[int], None] | None = None) -> list[Path]:
    """Convert several .docx files to ``<name>.pdf`` in ``out_dir`` (made if missing).

    Up to ``jobs`` LibreOffice processes (default: the number of cores), each with its
    own profile, share the documents, at most :data:`CHUNK` at a time each. A document
    that LibreOffice fails on (or dies on) is tried once more. ``timeout`` bounds the
    whole run (seconds; None: each process has :data:`START_SECONDS` and
    :data:`SECONDS_EACH` for each of its documents). ``progress``, when given, is called with the number of PDFs
    made so far whenever it grows. Existing PDFs are replaced only with ``overwrite``.
    Raises :class:`ConversionError` listing, one line each, the documents that failed
    (the others' PDFs are written).
    """
    results = convert_each(docxs, out_dir, jobs=jobs, overwrite=overwrite, timeout=timeout,
                           progress=progress)
    failed = [r for r in results if isinstance(r, str)]
    if failed:
        raise ConversionError("\n".join(failed))
    return [r for r in results if isinstance(r, Path)]


def convert_each(docxs: list[str | os.PathLike[str]], out_dir: str | os.PathLike[str],
                 *, jobs: int | None = None, overwrite: bool = False,
                 timeout: float | None = None,
                 progress: Callable[[int], None] | None = None) -> list[Path | str]:
    """:func:`to_pdfs`, returning for each document its PDF's path or, when it failed,
    one line naming it and saying why."""
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(INSTALL_HINT)
    if jobs is not None and (not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1):
        raise ValueError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    sources = [Path(d).resolve() for d in docxs]
    stems = [s.stem for s in sources]
    if len(set(stems)) != len(stems):
        raise ConversionError("to_pdfs: two inputs share a file name; their PDFs would collide")
    out = Path(out_dir).resolve()
    pdfs = [out / (s + ".pdf") for s in stems]
    if not overwrite:
        for pdf in pdfs:
            if os.path.lexists(pdf):
                raise _exists(pdf)
    if not sources:
        return []
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_profiles()
    with work_folder() as tmp:
        # LibreOffice sees only ASCII names (it cannot load a file whose name the
        # process's locale cannot encode); the PDFs get their own names when moved out.
        inputs: list[Path] = []
        for i, src in enumerate(sources):
            try:
                data = src.read_bytes()
            except OSError as exc:
                raise ConversionError(f"cannot read {src}: {exc.strerror}") from None
            if zipfile.is_zipfile(io.BytesIO(data)):
                data = libreoffice_copy(data)
            inputs.append(Path(tmp) / f"{i:05d}.docx")
            inputs[-1].write_bytes(data)
        deadline = None if timeout is None else time.monotonic() + timeout
        if len(inputs) == 1 and _WARM.usable():
            made = _WARM.convert(inputs[0], Path(tmp) / "out", deadline)
            results = _run_pool(soffice, inputs, 1, deadline, progress) if made is None \
                else {0: made}
            if made is not None and progress is not None:
                progress(1)
        else:
            workers = min(jobs or os.cpu_count() or 1, len(inputs))
            results = _run_pool(soffice, inputs, workers, deadline, progress)
        final: list[Path | str] = []
        for i, pdf in enumerate(pdfs):
            result = results[i]
            if isinstance(result, str):
                final.append(f"{sources[i].name}: LibreOffice could not convert it ({result})")
                continue
            try:
                if not overwrite and os.path.lexists(pdf):
                    raise _exists(pdf)
                shutil.move(str(result), pdf)
            except OSError as exc:
                final.append(f"{sources[i].name}: cannot write {pdf}: {exc.strerror or exc}")
            else:
                final.append(pdf)
    return final


def _run_pool(soffice: str, inputs: list[Path], workers: int, deadline: float | None,
              progress: Callable[[int], None] | None) -> dict[int, Path | str]:
    """Convert ``inputs`` with ``workers`` LibreOffice processes sharing a queue of
    chunks; {index: the PDF made, or why there is none}."""
    # Equal chunks, as many for each process (a multiple of ``workers``), none over CHUNK.
    chunks = workers * math.ceil(len(inputs) / (workers * CHUNK))
    size = max(1, math.ceil(len(inputs) / chunks))
    pool = _Pool(soffice, inputs, deadline)
    for start in range(0, len(inputs), size):
        pool.todo.put(list(range(start, min(start + size, len(inputs)))))
    offices = [_Office(soffice) for _ in range(workers)]
    threads = [threading.Thread(target=pool.work, args=(office,), daemon=True,
                                name=f"govdoc-lo-{n}") for n, office in enumerate(offices)]
    try:
        for thread in threads:
            thread.start()
        reported = 0
        for thread in threads:
            while thread.is_alive():
                thread.join(_POLL_SECONDS)
                count = _count_pdfs(pool.out)
                if progress is not None and count > reported:
                    reported = count
                    progress(count)
        if pool.error is not None:
            raise pool.error
        if progress is not None and len(pool.done) > reported:
            progress(len(pool.done))
    finally:
        pool.stop.set()
        for office in offices:
            office.kill()
        for thread in threads:
            thread.join()
        for office in offices:
            office.close()
    return {**pool.failed, **pool.done}


class _Pool:
    """The work the LibreOffice processes of one :func:`convert_each` call share."""

    def __init__(self, soffice: str, inputs: list[Path], deadline: float | None) -> None:
        self.soffice, self.inputs, self.deadline = soffice, inputs, deadline
        self.todo: queue.Queue[list[int]] = queue.Queue()
        self.lock = threading.Lock()
        self.pending = 0
        self.tries: dict[int, int] = {}
        self.done: dict[int, Path] = {}
        self.failed: dict[int, str] = {}
        self.stop = threading.Event()
        self.error: BaseException | None = None
        self.out = Path(tempfile.mkdtemp(prefix="pdf-", dir=inputs[0].parent))

    def work(self, office: _Office) -> None:
        """One worker: take chunks until none is left (or none will be)."""
        try:
            while not self.stop.is_set():
                try:
                    chunk = self.todo.get(timeout=0.05)
                except queue.Empty:
                    with self.lock:
                        if self.pending == 0 and self.todo.empty():
                            return
                    continue
                with self.lock:
                    self.pending += 1
                try:
                    self._convert(office, chunk)
                finally:
                    with self.lock:
                        self.pending -= 1
        except BaseException as exc:  # noqa: BLE001 - handed to the lead thread
            self.error = exc
            self.stop.set()

    def _convert(self, office: _Office, chunk: list[int]) -> None:
        left = None if self.deadline is None else self.deadline - time.monotonic()
        allowed = START_SECONDS + SECONDS_EACH * len(chunk)
        if left is not None and left <= 0:
            for i in chunk:
                self.failed[i] = "did not finish in the time allowed"
            return
        why = office.run([self.inputs[i] for i in chunk], self.out,
                         allowed if left is None else min(allowed, left))
        made = [(self.out / f"{self.inputs[i].stem}.pdf").exists() for i in chunk]
        last = max((k for k, ok in enumerate(made) if ok), default=-1)
        retry: list[int] = []
        later: list[int] = []
        for k, i in enumerate(chunk):
            if made[k]:
                self.done[i] = self.out / f"{self.inputs[i].stem}.pdf"
                continue
            # LibreOffice converts in order: a missing PDF before the last one made, or
            # the first one after it, is a document it tried; those after it never began.
            if k < last or k == last + 1:
                self.tries[i] = self.tries.get(i, 0) + 1
                if self.tries[i] >= _ATTEMPTS or why.startswith("did not finish"):
                    self.failed[i] = why or "no PDF was made"
                else:
                    retry.append(i)
            else:
                later.append(i)
        for i in retry:  # alone, so that it fails alone
            self.todo.put([i])
        if later:
            self.todo.put(later)


class _Office:
    """One LibreOffice with its own profile (in a ``govdoc-lo-*`` folder), started
    once for each chunk of documents; the profile is kept between chunks."""

    def __init__(self, soffice: str) -> None:
        self.command = _office_command(soffice)
        self.work = _new_work_folder()
        self.proc: subprocess.Popen[bytes] | None = None
        made = ready_profile(soffice)
        if made is not None:
            try:
                shutil.copytree(made, self.work / "profile", symlinks=True)
            except OSError:
                shutil.rmtree(self.work / "profile", ignore_errors=True)  # LibreOffice makes one

    def run(self, inputs: list[Path], outdir: Path, timeout: float) -> str:
        """Convert ``inputs`` into ``outdir``; '' or why the process failed."""
        cmd = [*self.command, f"-env:UserInstallation={(self.work / 'profile').as_uri()}",
               "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(outdir),
               *map(str, inputs)]
        deadline = time.monotonic() + timeout
        try:
            for _ in range(3):  # soffice.bin asks to be restarted once it made a new profile
                with open(self.work / "log", "wb") as log:
                    self.proc = _spawn(cmd, log, self.work)
                try:
                    code = self.proc.wait(timeout=max(0.0, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    return f"did not finish within {timeout:.0f} s"
                if code != _RESTART:
                    break
            return _exit_reason(code)
        finally:
            self.kill()

    def kill(self) -> None:
        proc = self.proc
        if proc is not None:
            _kill_group(proc)
            self.proc = None

    def close(self) -> None:
        self.kill()
        shutil.rmtree(self.work, ignore_errors=True)


def _count_pdfs(folder: Path) -> int:
    try:
        return sum(1 for e in os.scandir(folder) if e.name.endswith(".pdf"))
    except OSError:
        return 0


def _exit_reason(code: int) -> str:
    if code == 0:
        return ""
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"LibreOffice ended by {name}"
    return f"LibreOffice exited with status {code}"


_RESTART = 81  # soffice.bin's exit status for "start me again" (its wrapper does so)
_POLL_SECONDS = 0.5


# -- a profile made once: LibreOffice's first start in a new profile costs about 1 s more ------

_PROFILE_LOCK = threading.Lock()
_UNMAKEABLE: set[Path] = set()
"""The profiles this process failed to make: each LibreOffice is tried once for a
profile, not once for every process of every pool (each try costs a start)."""


def ready_profile(soffice: str) -> Path | None:
    """A LibreOffice profile that has converted once, for ``soffice``'s installation;
    None when it cannot be made.

    A new profile makes LibreOffice exit to be started again (status 81) and then
    register its bundled extensions on the first conversion: together about 1 s of each
    process's start. So one profile is made once, by converting an empty text file, and
    kept in the user's cache folder (:func:`govdoc.cachedir.cache_folder`) under a name
    that changes with the LibreOffice binary (path, size, time); each process starts
    from a copy of it. It holds no path of its own (checked: no file in it names its
    folder). Made in a ``govdoc-lo-*`` work folder and moved into place whole, so a run
    killed meanwhile leaves nothing half-made in the cache."""
    binary = Path(_office_command(soffice)[0]).resolve()
    try:
        stat = binary.stat()
    except OSError:
        return None
    folder = cache_folder()
    if folder is None:
        return None
    key = zlib.crc32(f"{binary}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    final = folder / f"libreoffice-profile-{key:08x}"
    with _PROFILE_LOCK:
        if (final / _READY).exists():
            return final
        if final in _UNMAKEABLE:
            return None
        with work_folder() as work:
            empty = work / "empty.txt"
            empty.write_bytes(b"")
            profile = work / "profile"
            cmd = [*_office_command(soffice), f"-env:UserInstallation={profile.as_uri()}",
                   "--headless", "--norestore", "--convert-to", "pdf", "--outdir",
                   str(work / "out"), str(empty)]
            for _ in range(3):  # the first start in a new profile asks to be started again
                with open(work / "log", "wb") as log:
                    proc = _spawn(cmd, log, work)
                try:
                    code = proc.wait(timeout=START_SECONDS)
                except subprocess.TimeoutExpired:
                    code = -1
                finally:
                    _kill_group(proc)
                if code != _RESTART:
                    break
            if code != 0 or not (work / "out" / "empty.pdf").exists():
                _UNMAKEABLE.add(final)
                return None
            (profile / _READY).write_bytes(b"")
            try:
                folder.mkdir(parents=True, exist_ok=True)
                moving = Path(tempfile.mkdtemp(prefix=".moving-", dir=folder))
            except OSError:
                return None
            try:
                shutil.copytree(profile, moving / "profile", symlinks=True)
                if final.exists() and not (final / _READY).exists():
                    shutil.rmtree(final)  # not made by this function: never moved in whole
                os.replace(moving / "profile", final)
            except OSError:
                pass  # another process put its own in place first, or the disk is full
            finally:
                shutil.rmtree(moving, ignore_errors=True)
        return final if (final / _READY).exists() else None


_READY = "govdoc-ready"  # written last into a made profile: the profile is whole


# -- one document at a time: a LibreOffice kept running -----------------------------------------

class _WarmOffice:
    """A LibreOffice kept running between single-document conversions in this process.

    The office runs headless with an empty text file open (with no document open, it
    ends after its first conversion). Each conversion then starts a second ``soffice``
    with the same profile: it hands the request over the profile's pipe to the running
    office, waits until the PDF is written and exits, in about 0.1 s instead of the
    1-2 s a cold start costs. The office is started again after :data:`CHUNK`
    conversions, when it has died, and never outlives this process (``atexit``, a
    parent-death signal on Linux, its own process group).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.office: _Office | None = None
        self.server: subprocess.Popen[bytes] | None = None
        self.soffice: str | None = None  # the LibreOffice it runs
        self.conversions = 0
        self.broken = False

    def usable(self) -> bool:
        return not self.broken and os.environ.get("GOVDOC_WARM_OFFICE", "1") != "0"

    def convert(self, docx: Path, outdir: Path, deadline: float | None) -> Path | None:
        """The PDF of ``docx`` in ``outdir``, or None when the running office could
        not make it (the caller then converts it the cold way)."""
        with self.lock:
            soffice = find_soffice()
            if soffice is None:
                return None
            try:
                if not self._running() or self.conversions >= CHUNK \
                        or self.soffice != soffice:
                    self._start(soffice, deadline)
                assert self.office is not None
                left = START_SECONDS + SECONDS_EACH
                if deadline is not None:
                    left = min(left, deadline - time.monotonic())
                outdir.mkdir(parents=True, exist_ok=True)
                why = self.office.run([docx], outdir, max(1.0, left))
                self.conversions += 1
                pdf = outdir / f"{docx.stem}.pdf"
                if pdf.exists() and not why:
                    return pdf
            except (OSError, ConversionError):
                pass
            self.shutdown()  # a fresh office next time
            return None

    def _running(self) -> bool:
        return self.server is not None and self.server.poll() is None

    def _start(self, soffice: str, deadline: float | None) -> None:
        self.shutdown()
        self.soffice = soffice
        self.office = _Office(soffice)
        keep = self.office.work / "keep.txt"
        keep.write_bytes(b"")
        lock = self.office.work / ".~lock.keep.txt#"  # the open file's lock: it is ready
        cmd = [*self.office.command,
               f"-env:UserInstallation={(self.office.work / 'profile').as_uri()}",
               "--headless", "--norestore", str(keep)]
        limit = time.monotonic() + START_SECONDS
        if deadline is not None:
            limit = min(limit, deadline)
        for _ in range(3):
            with open(self.office.work / "server.log", "wb") as log:
                self.server = _spawn(cmd, log, self.office.work, thread=_keeper())
            while not lock.exists():
                if self.server.poll() is not None or time.monotonic() > limit:
                    break
                time.sleep(0.02)
            if lock.exists() and self.server.poll() is None:
                self.conversions = 0
                return
            if self.server.poll() != _RESTART:
                break
        raise ConversionError("LibreOffice did not start")

    def shutdown(self) -> None:
        """End the running office (its whole process group) and remove its profile."""
        if self.server is not None:
            _kill_group(self.server)
            self.server = None
        if self.office is not None:
            self.office.close()
            self.office = None

    def forget(self) -> None:
        """In a forked child: the office and the keeper thread belong to the parent."""
        global _KEEPER
        self.lock = threading.Lock()
        self.server = self.office = None
        _KEEPER = None


_WARM = _WarmOffice()
atexit.register(_WARM.shutdown)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_WARM.forget)


def shutdown() -> None:
    """End the LibreOffice that :func:`to_pdf` keeps running (it ends at exit anyway)."""
    with _WARM.lock:
        _WARM.shutdown()


# -- processes: their own group, ended with this process ----------------------------------------

def _office_command(soffice: str) -> list[str]:
    """How to start LibreOffice: ``soffice.bin`` itself where it sits beside the
    ``soffice`` script (so the process this one starts is the office, which can then
    be told to die with its parent), else ``soffice``."""
    real = Path(soffice).resolve()
    binary = real.with_name("soffice.bin")
    if real.name == "soffice" and os.access(binary, os.X_OK):
        return [str(binary)]
    return [soffice]


def _spawn(cmd: list[str], log: Any, work: Path,
           thread: _Keeper | None = None) -> subprocess.Popen[bytes]:
    """Start ``cmd`` in a session of its own (so that ending its group ends everything
    it started), with govdoc's font map, its output to ``log``; on Linux it is killed
    when the thread that started it ends (with its process). ``work``: the process's
    folder (its profile lives there), also its temporary folder, so that LibreOffice's
    own ``lu*.tmp`` files go when the folder goes. ``thread``: start it in that
    long-lived thread instead of this one."""
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), SAL_ENABLE_FILE_LOCKING="1",
               TMPDIR=str(work))
    env.pop("SESSION_MANAGER", None)

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True,
                                preexec_fn=_die_with_parent if _PRCTL is not None else None)

    return start() if thread is None else thread.call(start)


def _libc_prctl() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _libc_prctl()
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In a child before exec: be killed when the parent (thread) ends."""
    _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def die_with_parent(parent: int) -> None:
    """In a worker process: be killed when ``parent`` ends (Linux; elsewhere nothing)."""
    if _PRCTL is None:
        return
    _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # SIGTERM may be caught
    if os.getppid() != parent:  # the parent ended before the signal was set up
        os._exit(1)


class _Keeper:
    """A thread that lives as long as this process and starts processes on request:
    a parent-death signal fires when the starting *thread* ends, and the warm office
    must outlive the thread that happened to call :func:`to_pdf` first."""

    def __init__(self) -> None:
        self.requests: queue.Queue[tuple[Callable[[], Any], queue.Queue[Any]]] = queue.Queue()
        threading.Thread(target=self._serve, daemon=True, name="govdoc-lo-keeper").start()

    def _serve(self) -> None:
        while True:
            start, answer = self.requests.get()
            try:
                answer.put((True, start()))
            except BaseException as exc:  # noqa: BLE001 - handed back to the caller
                answer.put((False, exc))

    def call(self, start: Callable[[], Any]) -> Any:
        answer: queue.Queue[Any] = queue.Queue()
        self.requests.put((start, answer))
        ok, value = answer.get()
        if not ok:
            raise value
        return value


_KEEPER: _Keeper | None = None


def _keeper() -> _Keeper:
    global _KEEPER
    if _KEEPER is None:
        _KEEPER = _Keeper()
    return _KEEPER


def _kill_group(proc: subprocess.Popen[Any]) -> None:
    """End ``proc`` and every process it started (its session), then reap it."""
    if hasattr(os, "killpg"):  # also when it has ended: what it started may live on
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    elif proc.poll() is None:  # Windows: no process groups; end the direct child
        proc.kill()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


# -- work folders: one per LibreOffice, removed by the next run when left behind ------------------

_WORK_PREFIX = "govdoc-lo-"
_OWNER = "owner"  # the process id of the Python process that made the folder
_STALE_SECONDS = 3600  # a folder without an owner file (an older govdoc's) after this long


def _new_work_folder() -> Path:
    work = Path(tempfile.mkdtemp(prefix=_WORK_PREFIX))
    (work / _OWNER).write_text(str(os.getpid()), encoding="ascii")
    return work


@contextmanager
def work_folder() -> Iterator[Path]:
    """A temporary ``govdoc-lo-*`` folder, removed afterwards -- or, when this process
    is killed first, by the next run (:func:`remove_stale_profiles`)."""
    work = _new_work_folder()
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


_cleaned = False


def remove_stale_profiles(force: bool = False) -> list[Path]:
    """Remove the ``govdoc-lo-*`` folders (LibreOffice profiles) in the temporary folder
    whose process has ended, e.g. one killed with SIGKILL; done once per process before
    the first conversion. Returns the folders removed."""
    global _cleaned
    if _cleaned and not force:
        return []
    _cleaned = True
    removed = []
    root = Path(tempfile.gettempdir())
    try:
        entries = [e for e in os.scandir(root) if e.name.startswith(_WORK_PREFIX)]
    except OSError:
        return []
    for entry in entries:
        try:
            if not entry.is_dir(follow_symlinks=False) or entry.stat().st_uid != os.getuid():
                continue
            try:
                owner = int((Path(entry.path) / _OWNER).read_text(encoding="ascii"))
            except (OSError, ValueError):
                owner = None
            if owner is None:
                if time.time() - entry.stat().st_mtime < _STALE_SECONDS:
                    continue
            elif owner == os.getpid() or _alive(owner):
                continue
        except OSError:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

"""Converting .docx files to PDF with LibreOffice.

Each conversion runs ``soffice`` with a private, throw-away user profile (so
parallel conversions do not collide) and with govdoc's fontconfig map
(``fonts.conf``), which substitutes free fonts of the same metrics for the official
Chinese fonts a Linux machine lacks.

LibreOffice 7.4 reads ``w:overflowPunct`` (may punctuation hang past the right
margin?) inverted: a document that forbids hanging punctuation, as 公文 do, has
LibreOffice hang ，。、；：？！ past the margin, and on a line that starts at the
left margin it then does not draw the mark at all, so the PDF loses text. The
converter hands LibreOffice a copy with the setting flipped, so that it lays the
lines out the way Word reads the file: a mark that would start a line pulls the
character before it down. The .docx itself is never changed.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import warnings
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Union

from govdoc.errors import GovdocError, GovdocWarning

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
           *, timeout: float = 180) -> Path:
    """Convert a document to PDF with LibreOffice; return the PDF's path.

    ``source`` is a .docx path or a rendered document (:class:`govdoc.Document`, or a
    python-docx document). ``out`` is the PDF's path, or a folder to write
    ``<name>.pdf`` in; by default the PDF goes beside the .docx, and a document
    object needs ``out``. Fonts LibreOffice had to substitute are reported as one
    :class:`FontSubstitution` warning.
    """
    pdf, found = convert(source, out, timeout=timeout)
    warn_substitutions(found, stacklevel=2)
    return pdf


def convert(source: DocumentLike, out: str | os.PathLike[str] | None = None,
            *, timeout: float = 180) -> tuple[Path, dict[str, str]]:
    """:func:`to_pdf` without the warning: the PDF's path, and the fonts substituted
    ({family the document names: family used})."""
    with tempfile.TemporaryDirectory(prefix="govdoc-pdf-") as tmp:
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
            return to_pdfs([src], target or src.parent, timeout=timeout)[0], _fonts_of(src)
        pdf = to_pdfs([src], Path(tmp) / "pdf", timeout=timeout)[0]
        final = target.resolve()
        final.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(pdf), final)
        return final, _fonts_of(src)


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


def to_pdfs(docxs: list[str | os.PathLike[str]], out_dir: str | os.PathLike[str],
            *, timeout: float = 600,
            progress: Callable[[int], None] | None = None) -> list[Path]:
    """Convert several .docx files to PDF in ``out_dir`` with one LibreOffice process.

    ``timeout`` bounds the whole run (seconds). ``progress``, when given, is called with
    the number of PDFs made so far whenever it grows.
    """
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(INSTALL_HINT)
    sources = [Path(d).resolve() for d in docxs]
    stems = [s.stem for s in sources]
    if len(set(stems)) != len(stems):
        raise ConversionError("to_pdfs: two inputs share a file name; their PDFs would collide")
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    pdfs = [out / (s + ".pdf") for s in stems]
    for pdf in pdfs:
        pdf.unlink(missing_ok=True)  # never mistake an old PDF for a new one
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    with tempfile.TemporaryDirectory(prefix="govdoc-lo-") as work:
        # LibreOffice sees only ASCII names (it cannot load a file whose name the
        # process's locale cannot encode); the PDFs get their own names when moved out.
        profile, copies, made = Path(work) / "profile", Path(work) / "in", Path(work) / "out"
        copies.mkdir()
        inputs = []
        for i, src in enumerate(sources):
            try:
                data = src.read_bytes()
            except OSError as exc:
                raise ConversionError(f"cannot read {src}: {exc.strerror}") from None
            if zipfile.is_zipfile(io.BytesIO(data)):
                data = libreoffice_copy(data)
            inputs.append(copies / f"{i:05d}.docx")
            inputs[-1].write_bytes(data)
        cmd = [
            soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
            "--norestore", "--convert-to", "pdf", "--outdir", str(made), *map(str, inputs),
        ]
        # soffice is a wrapper that starts soffice.bin: give them a session of their own
        # so that a timeout ends both, not only the wrapper. It says a line per file: to
        # files, so that a long run never fills a pipe.
        with open(Path(work) / "stdout", "w+") as out_log, \
                open(Path(work) / "stderr", "w+") as err_log:
            proc = subprocess.Popen(cmd, env=env, stdout=out_log, stderr=err_log,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
            _wait(proc, made, timeout, progress)
            out_log.seek(0)
            err_log.seek(0)
            stdout, stderr = out_log.read(), err_log.read()
        missing = []
        for i, pdf in enumerate(pdfs):
            converted = made / f"{i:05d}.pdf"
            if converted.exists():
                shutil.move(str(converted), pdf)
            else:
                missing.append(str(pdf))
    if proc.returncode != 0 or missing:
        detail = stderr.strip() or stdout.strip()
        raise ConversionError(f"LibreOffice could not convert to {', '.join(missing)}: {detail}")
    return pdfs


def _wait(proc: subprocess.Popen[bytes], made: Path, timeout: float,
          progress: Callable[[int], None] | None) -> None:
    """Wait for LibreOffice, telling ``progress`` how many PDFs are in ``made``; end it
    and everything it started after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    reported = 0
    while True:
        try:
            proc.wait(timeout=_POLL_SECONDS if progress else max(0.0, deadline - time.monotonic()))
            break
        except subprocess.TimeoutExpired:
            if time.monotonic() >= deadline:
                _kill_group(proc)
                raise ConversionError(f"LibreOffice did not finish within {timeout} s") from None
        if progress is not None and made.is_dir():
            count = sum(1 for _ in made.glob("*.pdf"))
            if count > reported:
                reported = count
                progress(count)
    if progress is not None and made.is_dir():
        count = sum(1 for _ in made.glob("*.pdf"))
        if count > reported:
            progress(count)


_POLL_SECONDS = 0.5


def _kill_group(proc: subprocess.Popen[Any]) -> None:
    """End ``proc`` and every process it started (its session), then reap it."""
    if hasattr(os, "killpg"):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    else:  # Windows: no process groups; end the direct child
        proc.kill()
    proc.communicate()

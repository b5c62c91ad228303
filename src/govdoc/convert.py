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
import zipfile
from pathlib import Path

from govdoc.errors import GovdocError

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


def to_pdf(docx: str | os.PathLike[str], out_dir: str | os.PathLike[str] | None = None,
           *, timeout: float = 180) -> Path:
    """Convert ``docx`` to PDF in ``out_dir`` (default: beside it); return the PDF's path."""
    src = Path(docx).resolve()
    return to_pdfs([src], out_dir if out_dir is not None else src.parent, timeout=timeout)[0]


def to_pdfs(docxs: list[str | os.PathLike[str]], out_dir: str | os.PathLike[str],
            *, timeout: float = 600) -> list[Path]:
    """Convert several .docx files to PDF in ``out_dir`` with one LibreOffice process."""
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
        profile, copies = Path(work) / "profile", Path(work) / "in"
        copies.mkdir()
        inputs = []
        for src in sources:
            try:
                data = src.read_bytes()
            except OSError as exc:
                raise ConversionError(f"cannot read {src}: {exc.strerror}") from None
            if zipfile.is_zipfile(io.BytesIO(data)):
                data = libreoffice_copy(data)
            inputs.append(copies / src.name)
            inputs[-1].write_bytes(data)
        cmd = [
            soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
            "--norestore", "--convert-to", "pdf", "--outdir", str(out), *map(str, inputs),
        ]
        # soffice is a wrapper that starts soffice.bin: give them a session of their own
        # so that a timeout ends both, not only the wrapper.
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, text=True, start_new_session=True)
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise ConversionError(f"LibreOffice did not finish within {timeout} s") from None
    missing = [str(p) for p in pdfs if not p.exists()]
    if proc.returncode != 0 or missing:
        detail = stderr.strip() or stdout.strip()
        raise ConversionError(f"LibreOffice could not convert to {', '.join(missing)}: {detail}")
    return pdfs


def _kill_group(proc: subprocess.Popen[str]) -> None:
    """End ``proc`` and every process it started (its session), then reap it."""
    if hasattr(os, "killpg"):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    else:  # Windows: no process groups; end the direct child
        proc.kill()
    proc.communicate()

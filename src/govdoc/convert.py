"""Converting .docx files to PDF with LibreOffice.

Each conversion runs ``soffice`` with a private, throw-away user profile (so
parallel conversions do not collide) and with govdoc's fontconfig map
(``fonts.conf``), which substitutes free fonts of the same metrics for the official
Chinese fonts a Linux machine lacks.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
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
    with tempfile.TemporaryDirectory(prefix="govdoc-lo-") as profile:
        cmd = [
            soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
            "--norestore", "--convert-to", "pdf", "--outdir", str(out), *map(str, sources),
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

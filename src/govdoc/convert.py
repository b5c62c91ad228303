"""Converting .docx files to PDF with LibreOffice.

Each conversion runs ``soffice`` with a private, throw-away user profile (so
parallel conversions do not collide) and with govdoc's fontconfig map
(``fonts.conf``), which substitutes free fonts of the same metrics for the official
Chinese fonts a Linux machine lacks.
"""

from __future__ import annotations

import os
import shutil
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
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(INSTALL_HINT)
    src = Path(docx).resolve()
    out = Path(out_dir).resolve() if out_dir is not None else src.parent
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    with tempfile.TemporaryDirectory(prefix="govdoc-lo-") as profile:
        cmd = [
            soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
            "--norestore", "--convert-to", "pdf", "--outdir", str(out), str(src),
        ]
        try:
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True,
                                  timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ConversionError(f"LibreOffice did not convert {src} within {timeout} s") from None
    pdf = out / (src.stem + ".pdf")
    if proc.returncode != 0 or not pdf.exists():
        raise ConversionError(
            f"LibreOffice could not convert {src}: {proc.stderr.strip() or proc.stdout.strip()}"
        )
    return pdf

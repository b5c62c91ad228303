"""Page images: a document's pages as PNG, as LibreOffice prints them.

:func:`preview` converts a document to PDF with LibreOffice (:mod:`govdoc.convert`,
with govdoc's font map) and rasterises the pages with poppler's ``pdftoppm``. The
result shows inline in Jupyter (each page has ``_repr_png_``, the whole preview
``_repr_html_``) and can be saved anywhere else.
"""

from __future__ import annotations

import base64
import html
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from govdoc import spec
from govdoc.convert import ConversionError, DocumentLike, convert, warn_substitutions

__all__ = ["PageImage", "Preview", "preview"]

_PNG_WIDTH, _PNG_HEIGHT = slice(16, 20), slice(20, 24)
"""Where a PNG file holds its width and height: the first chunk (IHDR) follows the
8-byte signature, its length and its type, and starts with them (4 bytes each)."""
_DPI_RANGE = (10, 600)
"""The resolutions :func:`preview` accepts: below 10 a page is unreadable, at 600 an A4
page is some 35 million pixels already."""
_PDFINFO_TIMEOUT_S = 60
"""How long ``pdfinfo`` may take to report a PDF's page count (a quick read)."""

PDFTOPPM_HINT = ("poppler's pdftoppm is needed for page images; install it, e.g. "
                 "`apt-get install poppler-utils` (Debian/Ubuntu)")


@dataclass(frozen=True)
class PageImage:
    """One page as a PNG image."""

    number: int
    """The page's number in the document, from 1."""
    png: bytes = field(repr=False)
    """The PNG file's bytes."""

    @property
    def size(self) -> tuple[int, int]:
        """Width and height in pixels."""
        return (int.from_bytes(self.png[_PNG_WIDTH], "big"),
                int.from_bytes(self.png[_PNG_HEIGHT], "big"))

    def save(self, path: str | Path, *, overwrite: bool = False) -> Path:
        """Write the PNG to ``path``; return the path. An existing file is replaced only
        with ``overwrite`` (else :class:`~govdoc.errors.OutputExistsError`)."""
        from govdoc.saving import write_atomic

        return write_atomic(Path(path), self.png, overwrite=overwrite)

    def _repr_png_(self) -> bytes:
        return self.png


@dataclass(frozen=True)
class Preview:
    """The pages of a document as images, in order; shown side by side in Jupyter."""

    pages: tuple[PageImage, ...] = field(repr=False)
    page_count: int
    """How many pages the PDF has (more than ``len(pages)`` when only some were asked for)."""
    substitutions: dict[str, str] = field(default_factory=dict)
    """Fonts set in substitutes: {family the document names: family used}."""

    def __len__(self) -> int:
        return len(self.pages)

    def __getitem__(self, index: int) -> PageImage:
        return self.pages[index]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.pages)

    def save(self, folder: str | Path, stem: str = "page", *,
             overwrite: bool = False) -> list[Path]:
        """Write every page as ``<stem>-<number>.png`` in ``folder`` (made if missing);
        return the paths. When one of them exists, nothing is written unless
        ``overwrite`` (else :class:`~govdoc.errors.OutputExistsError`, naming it)."""
        from govdoc.saving import _exists

        out = Path(folder)
        targets = [out / f"{stem}-{p.number}.png" for p in self.pages]
        if not overwrite:
            for target in targets:
                if target.exists():
                    raise _exists(target)
        out.mkdir(parents=True, exist_ok=True)
        return [p.save(t, overwrite=overwrite) for p, t in zip(self.pages, targets)]

    def _repr_html_(self) -> str:
        images = "".join(
            f'<figure style="display:inline-block;margin:4px;text-align:center">'
            f'<img src="data:image/png;base64,{base64.b64encode(p.png).decode("ascii")}" '
            f'style="width:{_DISPLAY_WIDTH_PX}px;border:1px solid #bbb" alt="page {p.number}">'
            f'<figcaption>{p.number} / {self.page_count}</figcaption></figure>'
            for p in self.pages)
        note = ""
        if self.substitutions:
            listed = html.escape("，".join(f"{k} → {v}" for k, v in sorted(self.substitutions.items())))
            note = f'<p style="font-size:small;color:#666">字体替换 fonts substituted: {listed}</p>'
        return f"<div>{note}{images}</div>"


_DISPLAY_WIDTH_PX = 320
"""How wide each page is shown in a notebook (the PNG keeps its full resolution)."""


def preview(source: DocumentLike, pages: int | Iterable[int] | None = None, *,
            dpi: int = spec.PT_PER_INCH, timeout: float = 180) -> Preview:
    """The pages of ``source`` (a .docx or .pdf path, or a rendered document) as PNG
    images; a .docx or a document is printed with LibreOffice first.

    ``pages`` picks pages by number, from 1 (one number or several); by default
    every page. ``dpi`` is the resolution (72: one pixel a point, A4 = 595 × 842).
    Raises :class:`~govdoc.convert.ConversionError` when LibreOffice or pdftoppm is
    missing or a page does not exist.
    """
    low, high = _DPI_RANGE
    if dpi < low or dpi > high:
        raise ValueError(f"preview(dpi={dpi}): give a resolution from {low} to {high}")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise ConversionError(PDFTOPPM_HINT)
    with tempfile.TemporaryDirectory(prefix="govdoc-preview-") as tmp:
        if isinstance(source, (str, PathLike)) and Path(source).suffix.lower() == ".pdf":
            pdf, substitutions = Path(source), {}  # already printed: only rasterise it
        else:
            pdf, substitutions = convert(source, Path(tmp) / "document.pdf", timeout=timeout)
            warn_substitutions(substitutions, stacklevel=2)
        count = _page_count(pdf)
        wanted = _wanted(pages, count)
        done = subprocess.run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(Path(tmp) / "p")],
                              capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
        if done.returncode != 0:
            raise ConversionError(f"pdftoppm could not rasterise the PDF: {done.stderr.strip()}")
        files = sorted(Path(tmp).glob("p-*.png"), key=lambda f: int(f.stem.rsplit("-", 1)[1]))
        if len(files) != count:
            raise ConversionError(f"pdftoppm made {len(files)} images of a {count}-page PDF")
        images = tuple(PageImage(n, files[n - 1].read_bytes()) for n in wanted)
    return Preview(images, count, substitutions)


def _page_count(pdf: Path) -> int:
    """How many pages the PDF has (``pdfinfo`` when there, else its page objects)."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        done = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True,
                              timeout=_PDFINFO_TIMEOUT_S,
                              stdin=subprocess.DEVNULL)
        for line in done.stdout.splitlines():
            if line.startswith("Pages:"):
                return int(line.split()[1])
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))


def _wanted(pages: int | Iterable[int] | None, count: int) -> list[int]:
    """The page numbers asked for, checked against the page count."""
    if pages is None:
        return list(range(1, count + 1))
    numbers = [pages] if isinstance(pages, int) else list(pages)
    bad = [n for n in numbers if not isinstance(n, int) or not 1 <= n <= count]
    if bad:
        raise ValueError(f"preview(pages=…): the document has pages 1 to {count}, "
                         f"not {', '.join(map(str, bad))}")
    return numbers

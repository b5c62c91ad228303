"""Measuring rendered pages: LibreOffice converts, pdfplumber reads glyphs and rules.

Positions are millimetres from the page's top-left corner. LibreOffice embeds fonts
without descent, so a glyph's ``baseline`` is pdfplumber's ``bottom`` and its ``top``
lies above the visible ink; ink edges are measured by rasterising (:meth:`Rendering.ink`).

pdfplumber is an optional dependency (``pip install govdoc[check]``); it is imported
only when a document is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govdoc import spec

PT_PER_MM = spec.PT_PER_INCH / spec.MM_PER_INCH
"""Points in a millimetre (PDF coordinates are points)."""
PDFPLUMBER_HINT = (
    "pdfplumber is needed to measure rendered pages; install it with "
    "`pip install govdoc[check]` (or `pip install pdfplumber`)"
)


def mm(pt: float) -> float:
    """Points (PDF units) to millimetres."""
    return pt / PT_PER_MM


_RED_MIN, _RED_OTHERS_MAX = 0.75, 0.25
"""A red stroke's components (0–1): red above 0.75, green and blue under 0.25 (the
checker's :data:`~govdoc.spec.RED_THRESHOLDS` of 0xC0 and 0x40, in PDF colour units)."""
_INK_DPI = 600
"""Resolution at which ink edges are found: a pixel is 0.04 mm."""
_INK_LEVEL = 128
"""A pixel darker than middle grey (of 0–255) counts as ink."""
_MASK_ON = 255
"""The value of an ink pixel in the 8-bit mask whose bounding box is taken."""
_LINE_LOOKBACK = 3
"""A glyph joins one of the last three lines begun (a mixed-size line, or a line
beside it, may begin lines of its own in between)."""
_RULE_MAX_HEIGHT_PT = 3
"""A filled rectangle thinner than this (points) is a rule, not a shape: LibreOffice
draws thick borders as rectangles."""
_RULE_MIN_LENGTH_MM = 20
"""…and at least this long, so that glyph parts and table corners do not count."""


@dataclass
class Glyph:
    """One character as drawn: its box (mm), type size (pt), font and fill colour."""

    text: str
    x0: float
    x1: float
    top: float
    baseline: float
    size: float
    font: str
    color: tuple[float, ...] | None = None


@dataclass
class Line:
    """Glyphs sharing a baseline, left to right."""

    page: int
    glyphs: list[Glyph]

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x1

    @property
    def baseline(self) -> float:
        return max(g.baseline for g in self.glyphs)

    @property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    def fonts(self) -> set[str]:
        """The fonts of the line's visible glyphs."""
        return {g.font for g in self.glyphs if not g.text.isspace()}


@dataclass(frozen=True)
class Stroke:
    """A horizontal stroke (paragraph or table border, drawn line): y, ends, thickness
    (all mm) and colour."""

    y: float
    x0: float
    x1: float
    width: float
    color: tuple[float, ...]

    @property
    def length(self) -> float:
        return self.x1 - self.x0

    @property
    def red(self) -> bool:
        c = self.color
        return (len(c) == len("rgb") and c[0] > _RED_MIN and c[1] < _RED_OTHERS_MAX
                and c[2] < _RED_OTHERS_MAX)


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    rules: list[Stroke]
    plumber: Any


class Rendering:
    """A PDF rendering of one document, open for measuring."""

    def __init__(self, pdf_path: Path) -> None:
        import pdfplumber

        self.path = pdf_path
        self._pdf = pdfplumber.open(str(pdf_path))
        self.pages = [read_page(n, p) for n, p in enumerate(self._pdf.pages, 1)]
        self._raster: Any = None

    def close(self) -> None:
        self._pdf.close()
        if self._raster is not None:
            self._raster.close()

    def ink(self, page: Page, x0: float, top: float, x1: float, bottom: float,
            resolution: int = _INK_DPI) -> tuple[float, float, float, float] | None:
        """The bounding box (mm) of dark pixels inside the box (mm), or None.

        Only the box is rasterised (with pdfium, which pdfplumber brings along)."""
        import pypdfium2
        from PIL import ImageOps

        if self._raster is None:
            self._raster = pypdfium2.PdfDocument(str(self.path))
        x0, top = max(0.0, x0), max(0.0, top)
        x1, bottom = min(page.width, x1), min(page.height, bottom)
        # pdfium crops by the amount to cut from each side: left, bottom, right, top (pt).
        crop = (x0 * PT_PER_MM, (page.height - bottom) * PT_PER_MM,
                (page.width - x1) * PT_PER_MM, top * PT_PER_MM)
        bitmap = self._raster[page.number - 1].render(scale=resolution / spec.PT_PER_INCH,
                                                      crop=crop)
        image = bitmap.to_pil().convert("L")
        mask = ImageOps.invert(image).point(lambda v: _MASK_ON if v > _INK_LEVEL else 0)
        found = mask.getbbox()
        if found is None:
            return None
        left, upper, right, lower = found
        px = spec.MM_PER_INCH / resolution
        return (x0 + left * px, top + upper * px, x0 + right * px, top + lower * px)


def _colour(value: Any) -> tuple[float, ...] | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return (float(value),) * len("rgb")
    values = tuple(float(v) for v in value)
    if len(values) == 1:
        return values * len("rgb")
    if len(values) == len("cmyk"):
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return values


def read_page(number: int, page: Any) -> Page:
    """Page ``number`` (from 1) of a pdfplumber PDF: its lines of glyphs, top to bottom,
    and its horizontal rules."""
    glyphs = [
        Glyph(c["text"], mm(c["x0"]), mm(c["x1"]), mm(c["top"]), mm(c["bottom"]),
              round(c["size"], 2), c["fontname"].split("+", 1)[-1],
              _colour(c.get("non_stroking_color")))
        for c in page.chars
    ]
    glyphs.sort(key=lambda g: (round(g.baseline, 0), g.x0))
    lines: list[Line] = []
    for g in glyphs:
        same = next((ln for ln in reversed(lines[-_LINE_LOOKBACK:]) if abs(ln.baseline - g.baseline) < 1.0), None)
        if same is not None:
            same.glyphs.append(g)
        else:
            lines.append(Line(number, [g]))
    for line in lines:
        line.glyphs.sort(key=lambda g: g.x0)
    lines.sort(key=lambda ln: ln.baseline)
    rules = []
    for o in page.lines:
        if abs(o["top"] - o["bottom"]) > 1.0:
            continue  # not horizontal
        rules.append(Stroke(mm((o["top"] + o["bottom"]) / 2), mm(o["x0"]), mm(o["x1"]),
                          mm(o.get("linewidth") or 0.0),
                          _colour(o.get("stroking_color")) or (0.0, 0.0, 0.0)))
    for r in page.rects:
        height = r["bottom"] - r["top"]
        if 0 < height < _RULE_MAX_HEIGHT_PT and r["x1"] - r["x0"] > _RULE_MIN_LENGTH_MM * PT_PER_MM:
            rules.append(Stroke(mm((r["top"] + r["bottom"]) / 2), mm(r["x0"]), mm(r["x1"]),
                              mm(height), _colour(r.get("non_stroking_color")) or (0.0, 0.0, 0.0)))
    rules.sort(key=lambda r: r.y)
    return Page(number, mm(page.width), mm(page.height), lines, rules, page)


def render_all(paths: list[Path], out_dir: Path, *, timeout: float
               ) -> tuple[list[Path | None], str | None]:
    """Convert ``paths`` to PDF with one LibreOffice run.

    Returns the PDF paths (None where a document did not convert) and, when nothing
    can be measured, why: LibreOffice or pdfplumber missing (both named when both
    are), or the conversion failed.
    """
    from govdoc.convert import INSTALL_HINT, ConversionError, find_soffice, to_pdfs

    missing = []
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        missing.append(PDFPLUMBER_HINT)
    if find_soffice() is None:
        missing.append(INSTALL_HINT)
    if missing:
        return [None] * len(paths), "; ".join(missing)
    try:
        return list(to_pdfs(list(paths), out_dir, timeout=timeout)), None
    except ConversionError as exc:
        return [None] * len(paths), f"LibreOffice could not convert: {exc}"

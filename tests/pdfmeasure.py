"""Measuring rendered pages: text lines, glyph positions and ink, in millimetres.

pdfplumber reports points from the page's top-left corner; everything here is
converted to millimetres. LibreOffice embeds fonts without descent, so a glyph's
``bottom`` is its baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from PIL import ImageOps

PT_PER_MM = 72 / 25.4


def mm(pt: float) -> float:
    return pt / PT_PER_MM


@dataclass
class Glyph:
    text: str
    x0: float  # mm
    x1: float  # mm
    top: float  # mm
    baseline: float  # mm
    size: float  # pt
    font: str  # embedded font name without the subset prefix


@dataclass
class Line:
    page: int  # 1-based
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
    def size(self) -> float:
        return max(g.size for g in self.glyphs)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    def fonts(self) -> set[str]:
        return {g.font for g in self.glyphs if not g.text.isspace()}


@dataclass
class Page:
    number: int
    lines: list[Line]
    plumber: pdfplumber.page.Page


def read_pages(pdf: pdfplumber.PDF) -> list[Page]:
    pages = []
    for n, page in enumerate(pdf.pages, 1):
        glyphs = [
            Glyph(c["text"], mm(c["x0"]), mm(c["x1"]), mm(c["top"]), mm(c["bottom"]),
                  round(c["size"], 2), c["fontname"].split("+", 1)[-1])
            for c in page.chars
        ]
        glyphs.sort(key=lambda g: (round(g.baseline, 0), g.x0))
        lines: list[Line] = []
        for g in glyphs:
            if lines and abs(lines[-1].baseline - g.baseline) < 1.0:
                lines[-1].glyphs.append(g)
            else:
                lines.append(Line(n, [g]))
        for line in lines:
            line.glyphs.sort(key=lambda g: g.x0)
        pages.append(Page(n, lines, page))
    return pages


def open_pdf(path: Path) -> pdfplumber.PDF:
    return pdfplumber.open(str(path))


def ink_bbox(page: pdfplumber.page.Page, x0: float, top: float, x1: float, bottom: float,
             resolution: int = 600) -> tuple[float, float, float, float] | None:
    """The bounding box (mm) of dark pixels inside the given box (mm), or None."""
    crop = page.crop((x0 * PT_PER_MM, top * PT_PER_MM, x1 * PT_PER_MM, bottom * PT_PER_MM))
    image = crop.to_image(resolution=resolution).original.convert("L")
    mask = ImageOps.invert(image).point(lambda v: 255 if v > 128 else 0)
    box = mask.getbbox()
    if box is None:
        return None
    px = 25.4 / resolution
    return (x0 + box[0] * px, top + box[1] * px, x0 + box[2] * px, top + box[3] * px)

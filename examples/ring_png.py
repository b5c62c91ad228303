"""A plain red ring (and frame) as transparent PNGs, for trying the seal layouts.

They only stand in for seal images: a ring and a frame, never imitations of real seals.
Written with the standard library alone (zlib), so the examples need nothing more.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def _png(width: int, height: int, inked, dpi: int) -> bytes:
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")  # filter type: none
        for x in range(width):
            row += b"\xe6\x00\x00\xff" if inked(x, y) else b"\x00\x00\x00\x00"
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ppm = round(dpi / 0.0254)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


def ring_png(size: int = 496, stroke: int = 18, dpi: int = 300) -> bytes:
    """PNG bytes of a red ring ``size`` pixels wide on a transparent ground."""
    centre = (size - 1) / 2
    outer, inner = size / 2 - 2, size / 2 - 2 - stroke

    def inked(x: int, y: int) -> bool:
        return inner <= ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5 <= outer

    return _png(size, size, inked, dpi)


def frame_png(width: int = 300, height: int = 150, stroke: int = 10, dpi: int = 300) -> bytes:
    """PNG bytes of a red rectangular frame, standing in for a 签名章."""

    def inked(x: int, y: int) -> bool:
        return (x < stroke or y < stroke or x >= width - stroke or y >= height - stroke)

    return _png(width, height, inked, dpi)


def write_frame(path: Path) -> Path:
    """Write the frame to ``path`` and return it."""
    path.write_bytes(frame_png())
    return path


def write_ring(path: Path) -> Path:
    """Write the ring to ``path`` and return it."""
    path.write_bytes(ring_png())
    return path

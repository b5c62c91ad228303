"""A plain red ring as a transparent PNG, for trying the seal layout.

It only stands in for a seal image: it is a ring, never an imitation of a real seal.
Written with the standard library alone (zlib), so the examples need nothing more.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def ring_png(size: int = 496, stroke: int = 18, dpi: int = 300) -> bytes:
    """PNG bytes of a red ring ``size`` pixels wide on a transparent ground."""
    centre = (size - 1) / 2
    outer, inner = size / 2 - 2, size / 2 - 2 - stroke
    rows = []
    for y in range(size):
        row = bytearray(b"\x00")  # filter type: none
        for x in range(size):
            d = ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5
            row += b"\xe6\x00\x00\xff" if inner <= d <= outer else b"\x00\x00\x00\x00"
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ppm = round(dpi / 0.0254)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


def write_ring(path: Path) -> Path:
    """Write the ring to ``path`` and return it."""
    path.write_bytes(ring_png())
    return path

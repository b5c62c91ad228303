"""The HTML preview as a browser draws it: headless Chromium prints the seed's preview
to PDF (measured with pdfplumber) and takes screenshots (read with Pillow).

Skips without Chromium on a developer machine; fails in CI (``CI=true``).
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import subprocess
from pathlib import Path

import pytest

from govdoc import spec
from govdoc.html import html_document

from conftest import load_example

MM = 72 / 25.4  # points per millimetre
CHAR_MM = spec.pt_to_mm(spec.BODY_SIZE.value)  # one 3号 character (indents count in 字)
PITCH_MM = spec.pt_to_mm(spec.LINE_PITCH.value)
BLOCK_LEFT = spec.MARGIN_LEFT.value
BLOCK_RIGHT = spec.MARGIN_LEFT.value + spec.BLOCK_WIDTH.value
BLOCK_TOP = spec.MARGIN_TOP.value


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def require_chromium() -> str:
    """The browser's path; skip when it is missing, except in CI, where that fails."""
    path = find_chromium()
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is not installed, and CI must run the browser tests "
                        "(scripts/install-system-deps.sh installs it)")
        pytest.skip("Chromium is not installed")
    return path


def chromium(args: list[str], page: Path, tmp: Path) -> None:
    browser = require_chromium()
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--user-data-dir={tmp / 'profile'}", *args, page.as_uri()],
        check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def seed_print(tmp_path_factory) -> tuple[Path, str]:
    """The seed's preview page and its PDF as Chromium prints it."""
    tmp = tmp_path_factory.mktemp("browser")
    html = html_document(load_example("didiao_2023_report").REPORT)
    page = tmp / "seed.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp / "seed.pdf"
    chromium(["--no-pdf-header-footer", f"--print-to-pdf={pdf}"], page, tmp)
    return pdf, html


def _lines(page) -> dict[int, list[dict]]:  # type: ignore[no-untyped-def]
    """The characters of a PDF page by line of the body grid (index from the block's top),
    from each character's vertical centre."""
    out: dict[int, list[dict]] = {}
    for c in page.chars:
        if not c["text"].strip():
            continue
        centre = (c["top"] + c["bottom"]) / 2 / MM
        out.setdefault(math.floor((centre - BLOCK_TOP) / PITCH_MM), []).append(c)
    for chars in out.values():
        chars.sort(key=lambda c: c["x0"])
    return out


def _text(chars: list[dict]) -> str:
    return "".join(c["text"] for c in chars)


def _span_mm(chars: list[dict]) -> tuple[float, float]:
    return min(c["x0"] for c in chars) / MM, max(c["x1"] for c in chars) / MM


def test_printed_preview_geometry(seed_print: tuple[Path, str]) -> None:
    import pdfplumber

    pdf_path, html = seed_print
    with pdfplumber.open(pdf_path) as pdf:
        # One A4 sheet per page of the preview.
        assert f'data-pages="{len(pdf.pages)}"' in html
        for page in pdf.pages:
            assert page.width / MM == pytest.approx(spec.PAGE_WIDTH.value, abs=0.5)
            assert page.height / MM == pytest.approx(spec.PAGE_HEIGHT.value, abs=0.5)
        first = _lines(pdf.pages[0])

        # The title: 2号, centred on the page within ±2 mm, on the block's first line.
        title = [c for c in pdf.pages[0].chars
                 if c["size"] == pytest.approx(spec.TITLE_SIZE.value, abs=0.5)]
        assert _text(sorted(title, key=lambda c: c["x0"])) == "棣棠乡2023年度法治政府建设情况报告"
        left, right = _span_mm(title)
        assert (left + right) / 2 == pytest.approx(spec.PAGE_WIDTH.value / 2, abs=2.0)
        assert min(c["top"] for c in title) / MM >= BLOCK_TOP - 1

        # The first paragraph: first line indented two characters, the next lines flush
        # with the block's left edge, every line but the last justified to its right edge.
        body = [first[i] for i in sorted(first) if i >= 2 and first[i][0]["size"]
                == pytest.approx(spec.BODY_SIZE.value, abs=0.5)]
        assert _text(body[0]).startswith("2023年，棣棠乡")
        indent = _span_mm(body[0])[0] - BLOCK_LEFT
        assert indent == pytest.approx(spec.FIRST_LINE_INDENT.value * CHAR_MM, abs=1.0)
        for line in body[1:4]:
            l, r = _span_mm(line)
            assert l == pytest.approx(BLOCK_LEFT, abs=0.5)
            assert r == pytest.approx(BLOCK_RIGHT, abs=1.0)
        # Line pitch of the grid, over the paragraph's five lines (one font: the glyphs of
        # another font sit otherwise in the line); each step rounds to whole pixels.
        assert _text(body[4]).endswith("报告如下：") and len(body[0]) > 20
        tops = [statistics.median(c["top"] for c in line if "\u4e00" <= c["text"] <= "\u9fff")
                / MM for line in body[:5]]
        for a, b in zip(tops, tops[1:]):
            assert b - a == pytest.approx(PITCH_MM, abs=0.3)
        assert (tops[-1] - tops[0]) / 4 == pytest.approx(PITCH_MM, abs=0.05)

        # A full page holds 22 lines of 3号 text, all inside the block.
        second = _lines(pdf.pages[1])
        text_lines = {i for i, chars in second.items() if any(
            c["size"] == pytest.approx(spec.BODY_SIZE.value, abs=0.5) for c in chars)}
        assert text_lines == set(range(spec.LINES_PER_PAGE.value))

        # The page number: "— 1 —" one 4号 character in from the right edge of the block,
        # its middle 7 mm under the block.
        number = [c for c in pdf.pages[0].chars
                  if c["size"] == pytest.approx(spec.PAGE_NUMBER_SIZE.value, abs=0.5)]
        assert _text(number).replace(" ", "") == "—1—"
        right_in = BLOCK_RIGHT - _span_mm(number)[1]
        assert right_in == pytest.approx(spec.pt_to_mm(spec.PAGE_NUMBER_SIZE.value), abs=1.5)
        middle = sum((c["top"] + c["bottom"]) / 2 for c in number) / len(number) / MM
        assert middle == pytest.approx(BLOCK_TOP + spec.BLOCK_HEIGHT.value
                                       + spec.PAGE_NUMBER_DASH_BELOW_BLOCK.value, abs=1.5)

        # The sealed signature: the date right-indented four characters, the 署名 centred
        # over it, on the right of the last page.
        last = _lines(pdf.pages[-1])
        date = next(chars for chars in last.values() if _text(chars) == "2024年1月18日")
        issuer = next(chars for chars in last.values() if _text(chars) == "棣棠乡人民政府")
        d_left, d_right = _span_mm(date)
        s_left, s_right = _span_mm(issuer)
        assert BLOCK_RIGHT - d_right == pytest.approx(
            spec.SEALED_DATE_RIGHT_INDENT.value * CHAR_MM, abs=1.5)
        assert (s_left + s_right) / 2 == pytest.approx(
            (d_left + d_right) / 2, abs=spec.SIGNATURE_CENTRE_TOLERANCE.value * CHAR_MM)
        assert s_left > spec.PAGE_WIDTH.value / 2


def _red_rows(png: Path) -> tuple[int, list[int]]:
    """The first row of the white page, and the rows holding red pixels (5.2.4)."""
    from PIL import Image

    red_min, other_max = spec.RED_THRESHOLDS.value
    with Image.open(png) as im:
        rgb = im.convert("RGB")
        w, h = rgb.size
        px = rgb.load()
        top = next(y for y in range(h) if px[w // 2, y] == (255, 255, 255))
        rows = [y for y in range(h)
                if any(px[x, y][0] >= red_min and px[x, y][1] <= other_max
                       and px[x, y][2] <= other_max for x in range(0, w, 2))]
    return top, rows


def test_screenshots(tmp_path: Path) -> None:
    """Screenshots of the seed and of the notice: the notice's red 标志 stands with its
    top edge 35 mm under the block's top, its red rule under it; the seed has no red."""
    px_per_mm = 96 / 25.4
    size = f"--window-size={round(spec.PAGE_WIDTH.value * px_per_mm) + 40}," \
           f"{round(spec.PAGE_HEIGHT.value * px_per_mm) + 16}"
    shots = {}
    for name in ("didiao_2023_report", "notice"):
        page = tmp_path / f"{name}.html"
        page.write_text(html_document(load_example(name).REPORT), encoding="utf-8")
        png = tmp_path / f"{name}.png"
        chromium([f"--screenshot={png}", size], page, tmp_path)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        shots[name] = _red_rows(png)
    _, seed_red = shots["didiao_2023_report"]
    assert seed_red == []
    top, red = shots["notice"]
    mark_top_mm = (red[0] - top) / px_per_mm
    assert mark_top_mm == pytest.approx(BLOCK_TOP + spec.MARK_TOP_BELOW_BLOCK.value, abs=2.0)
    # The rule: the last red rows, a thin band well under the 标志.
    rule_mm = (red[-1] - top) / px_per_mm
    assert rule_mm - mark_top_mm > spec.pt_to_mm(spec.MARK_MAX_SIZE.value) / 2
    assert rule_mm < BLOCK_TOP + spec.BLOCK_HEIGHT.value / 2

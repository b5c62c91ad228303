"""Seals over the signature block (7.3.5.1), measured on LibreOffice renders.

The seal images are plain red rings made by examples/ring_png.py, never imitations of
a real seal. Positions in millimetres from the page's top-left corner.
"""

from __future__ import annotations

import datetime
import io
import sys
import zipfile

import pytest
from docx import Document as open_docx

import govdoc
from govdoc import spec

from conftest import ROOT, load_example
from pdfmeasure import Page, rendered_pages
from test_rendered_layout import CH3, LEFT, PITCH, RIGHT, text_lines, word_width

sys.path.insert(0, str(ROOT / "examples"))
from ring_png import write_ring  # noqa: E402

ORGANS = ["中共棣棠乡委员会", "棣棠乡人民政府", "棣棠乡人大主席团"]


@pytest.fixture(scope="module")
def ring(tmp_path_factory):
    return write_ring(tmp_path_factory.mktemp("ring") / "ring.png")


def joint(ring, n: int, sealed: bool = True) -> govdoc.Report:
    return govdoc.Report(
        kind="通知", title="关于联合开展法治宣传教育的通知", body=["正文内容。" * 30],
        issuer=(ORGANS + ["棣棠乡纪律检查委员会"])[:n], date=datetime.date(2024, 1, 18),
        sealed=sealed, seal=[govdoc.Seal(image=ring)] * n if sealed else None,
    )


@pytest.fixture(scope="module")
def rendered(ring, tmp_path_factory) -> dict[str, list[Page]]:
    return rendered_pages({
        "single": load_example("sealed_report").sealed_report(ring),
        "joint3": joint(ring, 3),
        "joint4": joint(ring, 4),
        "unsealed3": joint(ring, 3, sealed=False),
    }, tmp_path_factory.mktemp("seals"))


def images(page: Page) -> list[tuple[float, float, float, float]]:
    mm = 25.4 / 72
    return [(i["x0"] * mm, i["top"] * mm, i["x1"] * mm, i["bottom"] * mm)
            for i in page.plumber.images]


def test_single_seal_centred_on_the_signature_with_the_pair_below_its_centre(rendered):
    page = rendered["single"][-1]
    (seal,) = images(page)
    lines = text_lines(page)
    sig = [l for l in lines if l.text == "棣棠乡人民政府"][-1]  # the title's first line is too
    date = lines[lines.index(sig) + 1]
    seal_x, seal_y = (seal[0] + seal[2]) / 2, (seal[1] + seal[3]) / 2
    date_centre = date.x1 - word_width(date) / 2
    assert abs(seal_x - sig.centre) <= 1.0 and abs(seal_x - date_centre) <= 1.0
    assert abs(seal[2] - seal[0] - 42.0) <= 0.5
    # 署名 and date sit slightly below the seal's centre.
    pair_centre = (sig.glyphs[0].top + date.baseline) / 2
    assert 0 < pair_centre - seal_y < PITCH / 2
    # The seal's top lies within one line of the body.
    body = lines[lines.index(sig) - 1]
    body_bottom = body.baseline + (1 - 0.73) * PITCH
    assert 0 <= seal[1] - body_bottom <= PITCH


def test_joint_seals_do_not_touch_and_stay_in_the_block(rendered):
    for name, n in (("joint3", 3), ("joint4", 4)):
        boxes = images(rendered[name][-1])
        assert len(boxes) == n
        for i, a in enumerate(boxes):
            assert a[0] >= LEFT - 0.1 and a[2] <= RIGHT + 0.1, name
            for b in boxes[i + 1:]:
                apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
                assert apart, (name, a, b)


def test_joint_signatures_sit_under_their_seals_lead_first(rendered):
    for name, organs in (("joint3", ORGANS), ("joint4", ORGANS + ["棣棠乡纪律检查委员会"])):
        page = rendered[name][-1]
        boxes = images(page)
        lines = text_lines(page)
        names = [l for l in lines if any(o in l.text for o in organs)]
        glyph_names = []
        for line in names:
            for organ in organs:
                if organ in line.text:
                    start = line.text.index(organ)
                    glyphs = line.glyphs[start:start + len(organ)]
                    glyph_names.append((organ, glyphs))
        assert [o for o, _ in glyph_names] == organs  # lead organ first, in issue order
        for organ, glyphs in glyph_names:
            centre = (glyphs[0].x0 + glyphs[-1].x1) / 2
            mid_y = (glyphs[0].top + glyphs[0].baseline) / 2
            assert any(b[0] <= centre <= b[2] and abs((b[0] + b[2]) / 2 - centre) <= 1.0
                       and b[1] < mid_y < b[3] for b in boxes), organ
        # The last seal covers the last 署名 and the date.
        date = next(l for l in lines if l.text == "2024年1月18日")
        last = max(boxes, key=lambda b: (b[1], b[0]))
        assert last[1] < date.glyphs[0].top and date.baseline < last[3]
        assert abs((last[0] + last[2]) / 2 - (date.x1 - word_width(date) / 2)) <= 1.0
        assert abs(date.x1 - (RIGHT - 4 * CH3)) <= 1.0


def test_joint_unsealed_signatures_are_stacked(rendered):
    lines = text_lines(rendered["unsealed3"][-1])
    names = [l for l in lines if l.text in ORGANS]
    assert [l.text for l in names] == ORGANS
    assert len({round(l.x0, 1) for l in names}) == 1  # one column
    assert abs(max(l.x1 for l in names) - (RIGHT - 2 * CH3)) <= 1.0
    date = lines[lines.index(names[-1]) + 1]
    assert date.text == "2024年1月18日"
    # The date is set from its left edge here, so its first character is measured directly.
    assert abs(date.x0 - (names[0].x0 + 2 * CH3)) <= 1.0


def test_seal_image_is_embedded_unaltered_and_round_trips(ring, rendered, tmp_path):
    report = load_example("sealed_report").sealed_report(ring)
    data = govdoc.render(report).to_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
        assert [zf.read(n) for n in media] == [ring.read_bytes()]
    # python-docx reopens it and writes it back with the picture still anchored.
    doc = open_docx(io.BytesIO(data))
    anchors = doc.element.body.xpath(".//wp:anchor")
    assert len(anchors) == 1 and anchors[0].get("behindDoc") == "1"
    doc.save(tmp_path / "again.docx")
    again = rendered_pages({"again": tmp_path / "again.docx"}, tmp_path)["again"]
    assert len(again[-1].plumber.images) == 1
    assert len(images(rendered["single"][-1])) == 1

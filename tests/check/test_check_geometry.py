"""Geometry rules on pages shared by the 版记 and other ruled content (issue 14, point 5).

One LibreOffice run renders both documents (~2 s)."""

from __future__ import annotations

import io
import zipfile

import pytest

import govdoc
from govdoc.checker import Status, _run
from govdoc.checker.geometry import Rendering
from govdoc.checker.elements import find_elements
from govdoc.checker.resolve import load
from govdoc.checker.rules import Context
from govdoc.checker.rules.geometry import IMPRINT_RULE_MM, imprint_strokes

from conftest import load_example, require_libreoffice

THIN = '<w:insideH w:val="single" w:sz="6"'  # the 版记's inner rule, 0.75 pt


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The notice with its table attachment only, so that the table ends on the 版记
    page; and the same with the 版记's inner rule as heavy as the outer ones."""
    require_libreoffice()
    from govdoc.convert import to_pdfs

    folder = tmp_path_factory.mktemp("shared-page")
    notice = load_example("notice").REPORT
    report = notice.model_copy(update={"attachments": notice.attachments[:1]})
    good = folder / "table-on-imprint-page.docx"
    govdoc.render(report).save(good)
    heavy = folder / "heavy-inner-rule.docx"
    data = good.read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                assert body.count(THIN.encode()) == 1
                body = body.replace(THIN.encode(), b'<w:insideH w:val="single" w:sz="8"')
            dst.writestr(item, body)
    heavy.write_bytes(out.getvalue())
    pdfs = to_pdfs([good, heavy], folder)
    found = {}
    for name, docx, pdf in (("good", good, pdfs[0]), ("heavy", heavy, pdfs[1])):
        doc, rendering = load(docx), Rendering(pdf)
        found[name] = (Context(doc, find_elements(doc), rendering),
                       _run(doc, name, True, rendering))
    yield found
    for ctx, _ in found.values():
        ctx.rendering.close()


def test_the_table_borders_share_the_imprint_page(rendered):
    ctx, _result = rendered["good"]
    last = ctx.rendering.pages[-1]
    thin = [rl for rl in last.rules if rl.length > IMPRINT_RULE_MM and rl.width < 0.2]
    assert len(thin) >= 5  # the attachment table's 0.5 pt borders, as long as the block
    assert any("抄送" in ln.text for ln in last.lines)


def test_table_borders_are_not_taken_for_imprint_rules(rendered):
    ctx, result = rendered["good"]
    assert not [f for f in result.findings if f.rule.startswith("V")], result.table()
    assert result.status("V4G") is Status.PASS and result.status("V5") is Status.PASS
    page, rules = imprint_strokes(ctx, ctx.rendering)
    assert page.number == len(ctx.rendering.pages)
    assert [rl.width for rl in rules] == [pytest.approx(w, abs=0.03) for w in (0.35, 0.26, 0.35)]


def test_a_heavy_inner_imprint_rule_is_still_found_beside_a_table(rendered):
    _ctx, result = rendered["heavy"]
    (finding,) = [f for f in result.findings if f.rule == "V4G"]
    assert finding.expected.startswith("细线") and finding.found == "0.35 mm"

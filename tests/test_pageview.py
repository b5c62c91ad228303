"""govdoc.preview: a document's pages as PNG images, as LibreOffice prints them."""

import re

import pytest

import govdoc
from conftest import require_libreoffice
from govdoc import pageview


@pytest.fixture(scope="module")
def seed_preview(seed_docx):
    require_libreoffice()
    return govdoc.preview(seed_docx)


def test_there_is_one_png_for_every_page_of_the_pdf(seed_preview, seed_pdf):
    import pdfplumber

    with pdfplumber.open(seed_pdf) as pdf:
        pages = len(pdf.pages)
    assert seed_preview.page_count == pages
    assert len(seed_preview) == pages
    assert [p.number for p in seed_preview] == list(range(1, pages + 1))
    for page in seed_preview:
        assert page.png.startswith(b"\x89PNG\r\n\x1a\n")


def test_pages_are_a4_at_the_resolution_asked_for(seed_preview):
    # 72 dpi: one pixel a point, 210 × 297 mm = 595.3 × 841.9 pt.
    width, height = seed_preview[0].size
    assert abs(width - 595) <= 1 and abs(height - 842) <= 1


def test_some_pages_can_be_asked_for_by_number(seed_docx, seed_preview):
    some = govdoc.preview(seed_docx, pages=[2, 1], dpi=36)
    assert [p.number for p in some] == [2, 1]
    assert some.page_count == seed_preview.page_count
    assert abs(some[0].size[0] - 298) <= 1


def test_a_page_that_does_not_exist_is_named(seed_docx, seed_preview):
    with pytest.raises(ValueError, match=f"pages 1 to {seed_preview.page_count}, not 99"):
        govdoc.preview(seed_docx, pages=99)


def test_a_rendered_document_previews_without_being_saved_first(seed_report, seed_preview):
    pages = govdoc.preview(govdoc.render(seed_report))
    assert [p.png for p in pages] == [p.png for p in seed_preview]


def test_the_notebook_shows_every_page_and_the_substituted_fonts(seed_preview):
    shown = seed_preview._repr_html_()
    assert len(re.findall(r'<img src="data:image/png;base64,', shown)) == len(seed_preview)
    assert seed_preview[0]._repr_png_() == seed_preview[0].png
    for family, used in seed_preview.substitutions.items():
        assert f"{family} → {used}" in shown


def test_saving_writes_one_file_a_page(seed_preview, tmp_path):
    paths = seed_preview.save(tmp_path, stem="seed")
    assert [p.name for p in paths] == [f"seed-{n}.png" for n in range(1, len(seed_preview) + 1)]
    assert paths[0].read_bytes() == seed_preview[0].png


def test_a_missing_pdftoppm_gives_the_install_hint(monkeypatch, seed_docx):
    monkeypatch.setattr(pageview.shutil, "which", lambda name: None)
    with pytest.raises(govdoc.ConversionError, match="apt-get install poppler-utils"):
        govdoc.preview(seed_docx)


def test_a_resolution_out_of_range_is_refused(seed_docx):
    with pytest.raises(ValueError, match="dpi=5"):
        govdoc.preview(seed_docx, dpi=5)


def test_a_pdf_is_only_rasterised(seed_pdf, seed_preview):
    pages = govdoc.preview(seed_pdf)
    assert pages.page_count == seed_preview.page_count
    assert pages.substitutions == {}  # nothing was printed here
    assert pages[0].size == seed_preview[0].size


def test_previewing_warns_of_the_substitutions_at_the_callers_line(seed_docx):
    require_libreoffice()
    import warnings

    from govdoc.convert import FontSubstitution

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pages = govdoc.preview(seed_docx, pages=1, dpi=20)
    [warning] = [w for w in caught if issubclass(w.category, FontSubstitution)]
    assert warning.filename == __file__
    for family, used in pages.substitutions.items():
        assert f"{family} → {used}" in str(warning.message)

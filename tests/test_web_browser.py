"""``govdoc serve`` in a real browser: one server and one headless Chromium (through
Playwright, the system's /usr/bin/chromium, no browser download) for the whole module.

A clerk pastes the seed draft and sees its title and full 22-line pages (typing
redraws the preview once the typing pauses), fixes a straight-quote finding, uploads
the notice's YAML and a seal image, downloads the .docx (byte for byte what ``govdoc
build`` writes) and the PDF, and runs a 10-row batch; bad uploads each give one
readable message and a 4xx status, and leave the server serving with no temporary
file behind. About 40 s on 2 cores (LibreOffice's PDF
included).

Screenshots are taken on every run; with ``GOVDOC_SCREENSHOTS=1`` they are also
copied to docs/serve-*.png (the README shows them).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED_TEXT, load_example
from webserver import CHROMIUM_ARGS, Server, require_browser, running_server

TIMEOUT_MS = 30_000
SEED_TITLE = "棣棠乡2023年度法治政府建设情况报告"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Server:
    require_browser()
    folder = tmp_path_factory.mktemp("serve")
    with running_server(folder) as server:
        yield server


@pytest.fixture(scope="module")
def browser(tmp_path_factory):  # type: ignore[no-untyped-def]
    path = require_browser()
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("profile")  # a new, empty --user-data-dir
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=path, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900}, accept_downloads=True)
        yield context
        context.close()


@pytest.fixture(scope="module")
def baseline(server: Server, browser) -> set[str]:  # type: ignore[no-untyped-def]
    """The server's temporary folder once it has built a draft (jieba's dictionary cache
    is made there on first use, and stays)."""
    page = browser.new_page()
    page.goto(server.url)
    _paste(page, SEED_TEXT.read_text(encoding="utf-8"))
    page.close()
    return {p.name for p in server.tmp.iterdir()}


@pytest.fixture
def page(server: Server, browser, baseline):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(server.url)
    yield page
    page.close()
    assert server.leftovers(baseline) == set(), "a request left temporary files behind"


def _settled(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page has no request in flight. (Polled from here: Playwright's
    wait_for_function would evaluate a string in the page, which its CSP forbids.)"""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while page.evaluate("() => document.body.dataset.busy") != "0":
        assert time.monotonic() < deadline, "the page is still busy"
        page.wait_for_timeout(50)


def _paste(page, text: str) -> None:  # type: ignore[no-untyped-def]
    with page.expect_response(lambda r: r.url.endswith("/api/preview")):
        page.fill("#text", text)
    _settled(page)


def _screenshot(page, tmp: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    shot = tmp / f"serve-{name}.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("GOVDOC_SCREENSHOTS") == "1":
        shutil.copy(shot, ROOT / "docs" / shot.name)
    return shot


def _findings(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator("#findings li").all_inner_texts()


# -- the draft tab ----------------------------------------------------------------------------

def test_pasted_seed_shows_its_title_and_22_line_pages(page) -> None:
    _paste(page, SEED_TEXT.read_text(encoding="utf-8"))
    assert page.inner_text("#preview .gd-r-title").replace("\n", "") == SEED_TITLE
    pages = int(page.get_attribute("#preview .govdoc-preview", "data-pages"))
    assert pages >= 3
    # The lines of each full page, as the browser places them: 22 distinct line tops.
    lines = page.evaluate("""() => [...document.querySelectorAll('#preview .gd-page')].map(
        p => new Set([...p.querySelectorAll('.gd-block .gd-l')].map(
            l => Math.round(l.getBoundingClientRect().top))).size)""")
    assert lines[1:-1] and all(n == 22 for n in lines[1:-1]), lines
    assert page.locator("#message").is_hidden()


def test_typing_redraws_the_preview_once_the_typing_pauses(page) -> None:
    _paste(page, SEED_TEXT.read_text(encoding="utf-8"))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/api/preview" in r.url else None)
    page.focus("#text")
    page.keyboard.press("Control+Home")
    with page.expect_response(lambda r: r.url.endswith("/api/preview")):
        page.keyboard.type("关于", delay=50)  # keys 50 ms apart: one redraw after them
    _settled(page)
    assert len(requests) == 1
    assert page.inner_text("#preview .gd-r-title").replace("\n", "") == "关于" + SEED_TITLE


def test_fixing_a_straight_quote_finding_makes_it_disappear(page, tmp_path) -> None:
    seed = SEED_TEXT.read_text(encoding="utf-8")
    assert "法治政府建设情况报告" in seed
    quoted = seed.replace("法治政府建设工作", '"法治政府"建设工作', 1)
    assert quoted != seed
    _paste(page, quoted)
    quote = page.locator("#findings li", has_text="直引号")
    assert quote.count() == 1
    assert "T1 · GB/T 9704 9; GB/T 15834" in quote.inner_text()
    # Clicking it marks the paragraph in the preview and brings it into view.
    paragraph = quote.get_attribute("data-paragraph")
    quote.click()
    flagged = page.locator(f'#preview [data-p="{paragraph}"] .gd-flagged, '
                           f'#preview [data-p="{paragraph}"].gd-flagged').first
    shown = page.locator(f'#preview [data-p="{paragraph}"]').first.inner_text()
    assert '"法治政府"' in shown.replace("\n", "")
    assert flagged.is_visible()
    box = flagged.bounding_box()
    preview = page.locator("#preview").bounding_box()
    assert preview["y"] <= box["y"] <= preview["y"] + preview["height"]
    _screenshot(page, tmp_path, "page")
    # The fix: curly quotes in the draft.
    _paste(page, seed.replace("法治政府建设工作", "“法治政府”建设工作", 1))
    assert not [f for f in _findings(page) if "直引号" in f]
    assert "“法治政府”" in page.inner_text("#preview").replace("\n", "")


def test_notice_yaml_with_a_seal_downloads_what_govdoc_build_writes(page, tmp_path) -> None:
    from govdoc.modelfile import dump_report

    sys.path.insert(0, str(ROOT / "examples"))
    from ring_png import write_ring

    notice = load_example("notice").REPORT
    model = tmp_path / "notice.yaml"
    model.write_text(dump_report(notice, "yaml"), encoding="utf-8")
    seal = write_ring(tmp_path / "ring.png")
    with page.expect_response(lambda r: r.url.endswith("/api/preview")):
        page.set_input_files("#upload", str(model))
    _settled(page)
    assert page.inner_text("#format-label") == "模型 YAML"
    assert page.inner_text("#preview .gd-r-title").replace("\n", "") == notice.title
    with page.expect_response(lambda r: r.url.endswith("/api/preview")):
        page.set_input_files("#seal", str(seal))
    _settled(page)
    assert page.locator("#preview img.gd-seal").count() == 1
    page.locator("#preview img.gd-seal").scroll_into_view_if_needed()
    _screenshot(page, tmp_path, "notice")

    with page.expect_download() as info:
        page.click("#download-docx")
    downloaded = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename == f"{notice.title}.docx"
    # govdoc build of the same input: the model with the same seal image.
    sealed = tmp_path / "notice-sealed.yaml"
    sealed.write_text(model.read_text(encoding="utf-8")
                      + f"seal:\n  image: {seal}\n", encoding="utf-8")
    built = tmp_path / "built.docx"
    subprocess.run([sys.executable, "-m", "govdoc", "build", str(sealed), "-o", str(built)],
                   check=True, capture_output=True)
    assert downloaded == built.read_bytes()


def test_the_pdf_download_is_the_document_as_libreoffice_prints_it(page) -> None:
    import pdfplumber

    _paste(page, SEED_TEXT.read_text(encoding="utf-8"))
    with page.expect_download(timeout=120_000) as info:
        page.click("#download-pdf")
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) >= 3
        assert "法治政府建设情况报告" in pdf.pages[0].extract_text().replace("\n", "")


def test_a_10_row_batch_gives_a_zip_of_10_documents(page, tmp_path) -> None:
    import docx

    page.click("#tab-batch")
    page.set_input_files("#batch-model", str(ROOT / "examples" / "batch_notice" / "model.yaml"))
    page.set_input_files("#batch-records",
                         str(ROOT / "examples" / "batch_notice" / "villages.csv"))
    with page.expect_download() as info:
        page.click("#batch-run")
    _settled(page)
    assert page.locator("#batch-progress").evaluate("p => [p.value, p.max]") == [10, 10]
    assert "10 / 10" in page.inner_text("#batch-status")
    _screenshot(page, tmp_path, "batch")
    with zipfile.ZipFile(Path(info.value.path())) as zf:
        names = zf.namelist()
        assert len(names) == 10 and all(n.endswith(".docx") for n in names)
        villages = [line.split(",")[1] for line in (ROOT / "examples" / "batch_notice" /
                    "villages.csv").read_text(encoding="utf-8").splitlines()[1:]]
        titles = [docx.Document(io.BytesIO(zf.read(n))).paragraphs for n in sorted(names)]
    texts = ["".join(p.text for p in paragraphs).replace("\n", "") for paragraphs in titles]
    for village, text in zip(villages, texts):
        assert f"关于做好{village}2024年度防汛准备工作的通知" in text


# -- bad input ----------------------------------------------------------------------------------

def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    return buffer.getvalue()


BAD_UPLOADS = {
    "50 MB upload": ("big.txt", lambda: b"x" * (50 * 1024 * 1024), 413, "文件过大"),
    "zip bomb renamed .docx": ("draft.docx", _bomb, 422, "refused, it unpacks to"),
    "GBK text file": ("draft.txt", lambda: SEED_TEXT.read_text(encoding="utf-8")
                      .encode("gbk"), 422, "不是UTF-8文本"),
    "YAML with a Python tag": ("evil.yaml",
                               lambda: b"title: !!python/object/apply:os.system [touch x]\n",
                               422, "could not determine a constructor"),
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_a_bad_upload_gives_one_readable_message_and_a_4xx(page, server, case,
                                                          tmp_path) -> None:
    name, make, status, words = BAD_UPLOADS[case]
    upload = tmp_path / name
    upload.write_bytes(make())
    _paste(page, SEED_TEXT.read_text(encoding="utf-8"))
    with page.expect_response(lambda r: r.url.endswith("/api/upload")) as info:
        page.set_input_files("#upload", str(upload))
    _settled(page)
    assert info.value.status == status
    message = page.inner_text("#message")
    assert words in message and "\n" not in message.strip()
    # The draft on the page is kept; the server goes on serving.
    assert page.inner_text("#preview .gd-r-title").replace("\n", "") == SEED_TITLE
    assert server.alive()


def test_an_empty_paste_gives_one_readable_message_and_a_4xx(page, server) -> None:
    _paste(page, SEED_TEXT.read_text(encoding="utf-8"))
    with page.expect_response(lambda r: r.url.endswith("/api/preview")) as info:
        page.fill("#text", "  \n\n ")
    _settled(page)
    assert info.value.status == 422
    assert page.inner_text("#message") == ("没有内容: the draft is empty; paste a draft or "
                                           "upload a file")
    assert page.locator("#findings li").count() == 0
    assert server.alive()

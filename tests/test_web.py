"""``govdoc serve`` without a browser: the command without the web extra, the token and
the loopback rule, escaping, limits, templates, the PDF queue. The application runs in
this process (Starlette's TestClient); about 3 s."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import SEED_TEXT
from webserver import require_web

LOCAL = "http://127.0.0.1:8000"
pytestmark = pytest.mark.filterwarnings(  # Starlette 1.10 would rather use httpx2
    "ignore:Using `httpx` with `starlette.testclient` is deprecated")
SEED = SEED_TEXT.read_text(encoding="utf-8")


def _client(**options):  # type: ignore[no-untyped-def]
    require_web()
    from starlette.testclient import TestClient

    from govdoc.web import create_app

    return TestClient(create_app(pdf=False, **options), base_url=LOCAL)


def _form(text: str = SEED, **fields: str) -> dict[str, str]:
    return {"text": text, "format": "text", **fields}


# -- the command --------------------------------------------------------------------------------

def test_serve_without_the_web_extra_says_how_to_install_it() -> None:
    code = ("import sys; sys.modules['starlette'] = None; from govdoc.cli import main; "
            "sys.exit(main(['serve']))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 1
    assert run.stderr == ("govdoc: error: govdoc serve needs the web extra: "
                          "pip install 'govdoc[web]'\n")


def test_import_govdoc_does_not_import_the_web_page() -> None:
    code = "import sys, govdoc, govdoc.cli; print(' '.join(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    loaded = run.stdout.split()
    assert not [m for m in loaded if m.startswith(("govdoc.web", "starlette", "uvicorn",
                                                   "multipart", "anyio"))]


def test_another_host_needs_a_token(capsys, monkeypatch) -> None:
    require_web()
    from govdoc.cli import main

    monkeypatch.delenv("GOVDOC_TOKEN", raising=False)
    assert main(["serve", "--host", "0.0.0.0"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("govdoc: error: --host 0.0.0.0 opens the page to other machines: "
                          "give a token too")
    assert err.count("\n") == 1


# -- the guard ----------------------------------------------------------------------------------

def test_without_a_token_only_a_loopback_host_is_answered() -> None:
    client = _client()
    assert client.get("/").status_code == 200
    refused = client.get("/", headers={"host": "evil.example:8000"})
    assert refused.status_code == 403
    assert "127.0.0.1" in refused.json()["error"]


def test_with_a_token_every_request_must_carry_it() -> None:
    client = _client(token="s3cret")
    assert client.get("/").status_code == 401
    assert client.post("/api/preview", data=_form()).status_code == 401
    assert client.get("/static/app.js").status_code == 401
    assert client.get("/?token=wrong").status_code == 401
    assert client.post("/api/preview", data=_form(),
                       headers={"x-govdoc-token": "s3cret"}).status_code == 200
    # Opening the page with the token sets a cookie that carries it from then on.
    assert client.get("/?token=s3cret").status_code == 200
    assert client.get("/static/app.js").status_code == 200
    assert client.post("/api/preview", data=_form()).status_code == 200


def test_a_body_over_the_limit_is_refused_before_it_is_read() -> None:
    from govdoc.web.app import MAX_BODY_BYTES

    client = _client()
    response = client.post("/api/upload",
                           files={"file": ("big.txt", b"x" * (MAX_BODY_BYTES + 1))})
    assert response.status_code == 413
    assert response.json() == {"error": "文件过大: the upload is larger than 16 MB"}


def test_the_page_ships_no_script_from_elsewhere() -> None:
    response = _client().get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script src=\"/static/app.js\"" in response.text
    assert "http" not in response.text.split("<body>")[0].replace("http-equiv", "")


# -- what comes back ----------------------------------------------------------------------------

def test_uploaded_markup_comes_back_escaped() -> None:
    evil = SEED.replace("在今后的工作中", "<script>alert(1)</script><img src=x onerror=alert(2)>", 1)
    assert evil != SEED
    response = _client().post("/api/preview", data=_form(evil))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    html = response.json()["html"]
    assert "&lt;script&gt;" in html and "&lt;img" in html  # shown as text
    assert "<script" not in html and "<img src=x" not in html


def test_the_preview_lists_the_checkers_findings_with_their_clauses() -> None:
    response = _client().post("/api/preview",
                              data=_form(SEED.replace("法治政府建设工作", '"法治政府"建设工作', 1)))
    notes = response.json()["notes"]
    quote = [n for n in notes if n["source"] == "checker" and n["rule"] == "T1"]
    assert len(quote) == 1
    assert quote[0]["clause"] == "9; GB/T 15834" and quote[0]["paragraph"] == 2
    assert '"法治政府"' in quote[0]["excerpt"]
    importer = [n for n in notes if n["source"] == "importer"]
    assert importer and importer[0]["message"].startswith("line 15: ")
    assert f'data-p="{importer[0]["paragraph"]}"' in response.json()["html"]


def test_settings_change_the_document() -> None:
    client = _client()
    plain = client.post("/api/preview", data=_form()).json()["html"]
    assert 'data-signature="sealed"' in plain
    unsealed = client.post("/api/preview", data=_form(sealed="unsealed")).json()["html"]
    assert 'data-signature="unsealed"' in unsealed
    kind = client.post("/api/docx", data=_form(kind="请示"))
    assert kind.status_code == 200 and kind.content.startswith(b"PK")
    bad = client.post("/api/preview", data=_form(kind="便条"))
    assert bad.status_code == 422 and "kind" in bad.json()["error"]


def test_a_seal_must_be_a_png_or_jpeg() -> None:
    response = _client().post("/api/preview", data=_form(),
                              files={"seal": ("seal.png", b"GIF89a....")})
    assert response.status_code == 415
    assert response.json()["error"] == "seal.png: 印章图片应为PNG或JPEG: not a PNG or JPEG image"


def test_a_model_file_may_not_name_files_on_the_server() -> None:
    model = "title: 关于测试的报告\nbody: [正文。]\nissuer: 某某乡人民政府\ndate: 2024-01-18\n" \
            "seal:\n  image: /etc/passwd\n"
    response = _client().post("/api/upload", files={"file": ("m.yaml", model.encode())})
    assert response.status_code == 422
    assert response.json()["error"].startswith("m.yaml: seal.image: 图片请在页面上传")


def test_office_templates_in_the_folder_are_offered(tmp_path: Path) -> None:
    from govdoc.rendering.template import templates_dir

    (tmp_path / "红头.docx").write_bytes((templates_dir() / "general.docx").read_bytes())
    (tmp_path / "notes.txt").write_text("not a template", encoding="utf-8")
    client = _client(templates=tmp_path)
    page = client.get("/").text
    assert 'value="office:红头.docx"' in page and "notes.txt" not in page
    built = client.post("/api/docx", data=_form(template="office:红头.docx"))
    assert built.status_code == 200
    assert built.headers["content-disposition"].endswith(
        "filename*=UTF-8''%E6%A3%A3%E6%A3%A0%E4%B9%A1"
        "2023%E5%B9%B4%E5%BA%A6%E6%B3%95%E6%B2%BB%E6%94%BF%E5%BA%9C%E5%BB%BA%E8%AE%BE"
        "%E6%83%85%E5%86%B5%E6%8A%A5%E5%91%8A.docx")
    other = client.post("/api/docx", data=_form(template="office:../../etc/passwd"))
    assert other.status_code == 422


def test_a_word_draft_is_read_as_editable_text() -> None:
    import govdoc
    from govdoc.parse import parse_text

    data = govdoc.render(parse_text(SEED).report).to_bytes()
    response = _client().post("/api/upload", files={"file": ("draft.docx", data)})
    assert response.status_code == 200
    draft = response.json()
    assert draft["format"] == "text"
    assert draft["text"].splitlines()[0] == "棣棠乡2023年度法治政府建设情况报告"


# -- the PDF queue ------------------------------------------------------------------------------

def test_pdf_conversions_wait_in_a_bounded_queue(tmp_path: Path) -> None:
    require_web()
    from govdoc.web.drafts import InputError
    from govdoc.web.jobs import PdfQueue

    running, release = threading.Event(), threading.Event()
    order: list[str] = []

    def slow(docx: Path, pdf: Path) -> Path:
        order.append(docx.name)
        running.set()
        release.wait(10)
        return pdf

    queue = PdfQueue(slow, workers=1, waiting=1)
    first = threading.Thread(target=queue.convert, args=(Path("a"), tmp_path / "a.pdf"))
    first.start()
    assert running.wait(10)
    second = threading.Thread(target=queue.convert, args=(Path("b"), tmp_path / "b.pdf"))
    second.start()
    for _ in range(1000):  # until the second has taken its place in the queue
        if queue.queued == 2:
            break
        time.sleep(0.01)
    with pytest.raises(InputError) as refused:  # one converting, one waiting: full
        queue.convert(Path("c"), tmp_path / "c.pdf")
    assert refused.value.status == 503
    release.set()
    first.join(10)
    second.join(10)
    assert order == ["a", "b"]


# -- batches ------------------------------------------------------------------------------------

def test_a_batch_reports_its_failed_rows_and_zips_the_others() -> None:
    import zipfile
    from io import BytesIO

    from conftest import ROOT

    folder = ROOT / "examples" / "batch_notice"
    rows = (folder / "villages.csv").read_text(encoding="utf-8").splitlines()
    rows[3] = rows[3].split(",")[0]  # a row of one value: the others missing
    client = _client()
    started = client.post("/api/batch", files={
        "model": ("model.yaml", (folder / "model.yaml").read_bytes()),
        "records": ("villages.csv", "\n".join(rows).encode("utf-8"))})
    assert started.status_code == 202
    job = started.json()
    for _ in range(600):
        job = client.get(f"/api/batch/{job['id']}").json()
        if job["finished"]:
            break
        time.sleep(0.05)
    assert job["finished"] and job["error"] is None and job["total"] == 10
    assert len(job["failed"]) == 1 and job["failed"][0].startswith("villages.csv:4: ")
    zipped = client.get(f"/api/batch/{job['id']}/zip")
    assert zipped.status_code == 200
    assert len(zipfile.ZipFile(BytesIO(zipped.content)).namelist()) == 9
    assert client.get(f"/api/batch/{job['id']}/zip").status_code == 404  # handed out once


def test_a_batch_refuses_records_that_are_not_utf8() -> None:
    from conftest import ROOT

    folder = ROOT / "examples" / "batch_notice"
    response = _client().post("/api/batch", files={
        "model": ("model.yaml", (folder / "model.yaml").read_bytes()),
        "records": ("villages.csv", (folder / "villages.csv").read_text(encoding="utf-8")
                    .encode("gbk"))})
    assert response.status_code == 422
    assert response.json()["error"].startswith("villages.csv: 不是UTF-8文本")

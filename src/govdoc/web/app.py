"""The drafting page as a Starlette application: :func:`create_app` and :func:`serve`.

Every route that takes a draft takes the whole form (text, format, settings, seal
image) and keeps nothing between requests: files live in a per-request temporary
folder removed when the response is sent. :class:`Guard` wraps the application: the
token (or, without one, a loopback ``Host``), the size limit of request bodies, and
headers that keep the browser from running anything the page did not ship.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
import shutil
import tempfile
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import anyio
from starlette.applications import Starlette
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from govdoc.model import DocKind
from govdoc.web.drafts import Draft, InputError, Settings, build, read_upload
from govdoc.web.jobs import Batches, PdfQueue

__all__ = ["MAX_BODY_BYTES", "Guard", "create_app", "is_loopback", "serve"]

HERE = Path(__file__).parent
MAX_BODY_BYTES = 16 * 1024 * 1024
"""The largest request body (an upload with the form) the page accepts."""
MAX_SEAL_BYTES = 2 * 1024 * 1024
"""The largest seal image."""
TOKEN_COOKIE = "govdoc_token"
TOKEN_HEADER = "x-govdoc-token"
BUNDLED = {"general": "通用格式", "letter": "信函格式", "order": "命令（令）格式",
           "minutes": "纪要格式"}
"""govdoc's own templates, by file stem, with the name the page shows."""
SEALED = {"": "按草稿 as drafted", "sealed": "加盖印章 sealed", "unsealed": "不加盖印章 unsealed"}
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")

log = logging.getLogger("govdoc.web")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def is_loopback(host: str) -> bool:
    """True for a name or address that only this machine reaches."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware in front of the page.

    - With a ``token``, a request must carry it (the ``X-Govdoc-Token`` header, the
      cookie the page sets, or ``?token=`` in the address); else 401. Without one, the
      ``Host`` must be a loopback name, so another site cannot reach the page through
      DNS rebinding.
    - A body longer than ``max_body`` bytes is refused with 413, from its
      ``Content-Length`` before it is read, or as soon as it grows past the limit.
    - Every response forbids scripts, frames and styles from elsewhere (CSP) and MIME
      sniffing.
    """

    def __init__(self, app: Any, *, token: str | None, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        problem = self._refusal(request)
        if problem is not None:
            await _json(problem[1], problem[0])(scope, receive, send)
            return
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await _too_large(self.max_body)(scope, receive, send)
            return
        started = False
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _TooLarge
            return message

        async def secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy",
                     b"default-src 'self'; img-src 'self' data: blob:; style-src 'self' "
                     b"'unsafe-inline'; script-src 'self'; object-src 'none'; "
                     b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cache-control", b"no-store"),
                ]
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, limited, secured)
        except _TooLarge:
            if not started:
                await _too_large(self.max_body)(scope, receive, send)

    def _refusal(self, request: Request) -> tuple[int, str] | None:
        if self.token is None:
            host = request.headers.get("host", "")
            name = host[1:host.find("]")] if host.startswith("[") else host.rsplit(":", 1)[0]
            if not is_loopback(name):
                return 403, f"拒绝访问: this page answers only at 127.0.0.1, not {host!r}"
            return None
        given = (request.headers.get(TOKEN_HEADER) or request.cookies.get(TOKEN_COOKIE)
                 or request.query_params.get("token") or "")
        if not hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8")):
            return 401, ("需要口令: open the page with the address govdoc serve printed "
                         "(it ends in ?token=…)")
        return None


def _json(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _too_large(limit: int) -> JSONResponse:
    return _json(f"文件过大: the upload is larger than {limit // (1024 * 1024)} MB", 413)


# -- the page's state ------------------------------------------------------------------------

class Page:
    """What the routes share: the office templates' folder, the PDF queue, the batches,
    and a limit on how many drafts are built at once (building is CPU work)."""

    def __init__(self, templates: Path | None, pdf: PdfQueue | None, building: int) -> None:
        self.templates = templates
        self.pdf = pdf
        self.batches = Batches()
        self.limiter = anyio.CapacityLimiter(building)

    def template_choices(self) -> list[tuple[str, str]]:
        """(form value, label) of every template the page offers, auto first."""
        choices = [("", "自动 by format")]
        choices += [(f"bundled:{stem}", f"govdoc {label}") for stem, label in BUNDLED.items()]
        choices += [(f"office:{p.name}", f"本单位 {p.stem}") for p in self._office()]
        return choices

    def _office(self) -> list[Path]:
        if self.templates is None or not self.templates.is_dir():
            return []
        return sorted(p for p in self.templates.iterdir()
                      if p.suffix.lower() == ".docx" and p.is_file()
                      and not p.name.startswith(("~$", ".")))

    def template(self, value: str) -> Path | None:
        """The template file a form value names; only the offered ones."""
        if not value:
            return None
        kind, _, name = value.partition(":")
        if kind == "bundled" and name in BUNDLED:
            from govdoc.rendering.template import templates_dir

            return templates_dir() / f"{name}.docx"
        if kind == "office":
            found = next((p for p in self._office() if p.name == name), None)
            if found is not None:
                return found
        raise InputError(f"模板不存在: no template {value!r} is offered", 422)


@contextmanager
def request_folder() -> Iterator[Path]:
    """A temporary folder for one request's files, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="govdoc-serve-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def _form(request: Request) -> FormData:
    try:
        return await request.form(max_files=4, max_fields=20, max_part_size=4 * 1024 * 1024)
    except MultiPartException as exc:
        raise InputError(f"表单无法读取: the form cannot be read ({exc.message})", 400) from None


async def _file(form: FormData, name: str, *, required: bool = True) -> tuple[str, bytes] | None:
    value = form.get(name)
    if not isinstance(value, UploadFile) or not value.filename:
        if required:
            raise InputError(f"缺少文件: choose a file for {name}", 400)
        return None
    return Path(value.filename).name, await value.read()


def _choice(form: FormData, name: str, allowed: object) -> str:
    value = form.get(name) or ""
    if not isinstance(value, str) or (value and value not in allowed):  # type: ignore[operator]
        raise InputError(f"设置无效: {name} cannot be {value!r}", 422)
    return value


async def _draft_and_settings(request: Request, page: Page, folder: Path
                              ) -> tuple[Draft, Settings]:
    """The draft and settings a draft form carries; the seal image saved in ``folder``."""
    form = await _form(request)
    text = form.get("text") or ""
    fmt = form.get("format") or "text"
    notes = form.get("notes") or ""
    if not isinstance(text, str) or not isinstance(fmt, str) or not isinstance(notes, str):
        raise InputError("表单无效: text, format and notes must be text fields", 400)
    kind = _choice(form, "kind", {k.value for k in DocKind})
    sealed = _choice(form, "sealed", SEALED)
    template = _choice(form, "template", {v for v, _ in page.template_choices()})
    seal = None
    upload = await _file(form, "seal", required=False)
    if upload is not None:
        name, data = upload
        if len(data) > MAX_SEAL_BYTES:
            raise InputError(f"{name}: 印章图片过大: larger than "
                             f"{MAX_SEAL_BYTES // (1024 * 1024)} MB", 413)
        from govdoc.model import _IMAGE_MAGIC  # the seal images govdoc embeds

        if not data.startswith(_IMAGE_MAGIC):
            raise InputError(f"{name}: 印章图片应为PNG或JPEG: not a PNG or JPEG image", 415)
        seal = folder / ("seal.png" if data.startswith(_IMAGE_MAGIC[0]) else "seal.jpg")
        seal.write_bytes(data)
    settings = Settings(kind=DocKind(kind) if kind else None,
                        sealed={"": None, "sealed": True, "unsealed": False}[sealed],
                        template=page.template(template), seal=seal)
    lines = tuple(line for line in notes.splitlines() if line.strip())
    return Draft(text.replace("\r\n", "\n"), fmt, lines), settings


def _download(data: bytes, title: str, suffix: str, media_type: str) -> Response:
    stem = "".join(c for c in title.replace("\n", "") if c not in '\\/:*?"<>|')[:60] or "公文"
    quoted = urllib.parse.quote(f"{stem}{suffix}")
    return Response(data, media_type=media_type, headers={
        "content-disposition": f"attachment; filename=\"document{suffix}\"; "
                               f"filename*=UTF-8''{quoted}"})


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def create_app(*, templates: str | os.PathLike[str] | None = None, token: str | None = None,
               pdf: PdfQueue | None | bool = True, building: int = 2) -> Any:
    """The drafting page as an ASGI application.

    ``templates`` is the folder of the office's own templates (.docx) offered beside
    govdoc's; ``token``, when given, must come with every request. ``pdf`` is the
    :class:`PdfQueue` conversions go through (True: one LibreOffice at a time when
    LibreOffice is installed; False: no PDF). ``building`` drafts are built at once.
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from govdoc.convert import find_soffice
    from govdoc.html import report_html

    queue = (PdfQueue() if find_soffice() else None) if pdf is True else (pdf or None)
    page = Page(Path(templates) if templates else None, queue, building)
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True))

    async def index(request: Request) -> Response:
        html = env.get_template("index.html").render(
            kinds=[k.value for k in DocKind], sealed=SEALED,
            templates=page.template_choices(), pdf=page.pdf is not None)
        response = HTMLResponse(html)
        if token is not None:
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response

    async def upload(request: Request) -> Response:
        form = await _form(request)
        name, data = await _file(form, "file")  # type: ignore[misc]
        draft = await anyio.to_thread.run_sync(read_upload, name, data, limiter=page.limiter)
        return JSONResponse({"text": draft.text, "format": draft.format,
                             "notes": list(draft.notes)})

    async def preview(request: Request) -> Response:
        with request_folder() as folder:
            draft, settings = await _draft_and_settings(request, page, folder)

            def work() -> dict[str, Any]:
                built = build(draft, settings)
                return {"html": report_html(built.report), "title": built.report.title,
                        "notes": [n.to_dict() for n in built.notes]}

            return JSONResponse(await anyio.to_thread.run_sync(work, limiter=page.limiter))

    async def docx(request: Request) -> Response:
        with request_folder() as folder:
            draft, settings = await _draft_and_settings(request, page, folder)

            def work() -> tuple[bytes, str]:
                built = build(draft, settings, check=False)
                return built.document.to_bytes(), built.report.title

            data, title = await anyio.to_thread.run_sync(work, limiter=page.limiter)
        return _download(data, title, ".docx", DOCX_TYPE)

    async def pdf_route(request: Request) -> Response:
        if page.pdf is None:
            raise InputError("没有PDF转换: LibreOffice is not installed on the server", 501)
        with request_folder() as folder:
            draft, settings = await _draft_and_settings(request, page, folder)
            built = await anyio.to_thread.run_sync(
                lambda: build(draft, settings, check=False), limiter=page.limiter)
            source = folder / "document.docx"
            built.document.save(str(source))
            pdf_path = await anyio.to_thread.run_sync(page.pdf.convert, source,
                                                      folder / "document.pdf")
            data = pdf_path.read_bytes()
        return _download(data, built.report.title, ".pdf", "application/pdf")

    async def batch(request: Request) -> Response:
        form = await _form(request)
        model = await _file(form, "model")
        records = await _file(form, "records")
        template = page.template(_choice(form, "template",
                                         {v for v, _ in page.template_choices()}))
        job = await anyio.to_thread.run_sync(page.batches.start, model, records, template)
        return JSONResponse(job.state(), status_code=202)

    async def batch_state(request: Request) -> Response:
        job = page.batches.get(request.path_params["job"])
        if job is None:
            raise InputError("没有这个批次: no such batch (finished batches are kept for "
                             "10 minutes)", 404)
        return JSONResponse(job.state())

    async def batch_zip(request: Request) -> Response:
        data = page.batches.take_zip(request.path_params["job"])
        if data is None:
            raise InputError("没有可下载的文件: the batch is not finished, or its zip was "
                             "fetched already", 404)
        return Response(data, media_type="application/zip", headers={
            "content-disposition": 'attachment; filename="govdoc-batch.zip"'})

    async def input_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, InputError)
        return _json(str(exc), exc.status)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return _json(f"{exc.status_code}: {exc.detail}", exc.status_code)

    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("govdoc serve: %s %s failed", request.method, request.url.path)
        return _json(f"内部错误: internal error ({type(exc).__name__}: {exc})", 500)

    app = Starlette(
        routes=[
            Route("/", index),
            Route("/favicon.ico", lambda request: Response(status_code=204)),
            Route("/api/upload", upload, methods=["POST"]),
            Route("/api/preview", preview, methods=["POST"]),
            Route("/api/docx", docx, methods=["POST"]),
            Route("/api/pdf", pdf_route, methods=["POST"]),
            Route("/api/batch", batch, methods=["POST"]),
            Route("/api/batch/{job}", batch_state),
            Route("/api/batch/{job}/zip", batch_zip),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        exception_handlers={InputError: input_error, HTTPException: http_error,
                            Exception: internal_error},
    )
    return Guard(app, token=token)


WARM_UP = Draft("关于开展2024年度全乡安全生产大检查和隐患排查整治专项行动的通知\n各村（社区）：\n"
                "现将有关事项通知如下。\n棣棠乡人民政府\n2024年3月5日", "text")
"""A draft with a title long enough to be broken, built once before serving."""


def warm_up() -> None:
    """Build :data:`WARM_UP` once, so that the first request does not wait for the
    modules and the title segmenter's dictionary (jieba caches it in the temporary
    folder) to load."""
    from govdoc.html import report_html

    report_html(build(WARM_UP).report)


def serve(*, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          templates: str | os.PathLike[str] | None = None) -> None:
    """Run the page with uvicorn until interrupted. A host other than loopback needs a
    ``token``; :class:`~govdoc.GovdocError` otherwise."""
    import uvicorn

    from govdoc.errors import GovdocError

    if not is_loopback(host) and not token:
        raise GovdocError(f"--host {host} opens the page to other machines: give a token "
                          "too (--token or the environment variable GOVDOC_TOKEN)")
    if templates is not None and not Path(templates).is_dir():
        raise GovdocError(f"--templates {templates}: no such folder")
    app = create_app(templates=templates, token=token)
    warm_up()
    if host in ("0.0.0.0", "::", ""):  # every address: name the machine instead
        import socket

        host = socket.gethostname()
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/" + (f"?token={urllib.parse.quote(token)}" if token else "")
    print(f"govdoc serve: open {address}  (Ctrl+C stops)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


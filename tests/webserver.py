"""Helpers of the ``govdoc serve`` tests: the extra's presence, a real server on a free
loopback port in its own temporary folder, and headless Chromium through Playwright.

What is missing skips on a developer machine and fails in CI (``CI=true``).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
"""Flags for Chromium as root on a machine without a display or network (Playwright adds
--headless)."""


def missing(what: str) -> None:
    """Skip, or fail in CI, because ``what`` is missing."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is missing, and CI must run the govdoc serve tests "
                    "(scripts/run-tests.sh installs .[test] and the system packages)")
    pytest.skip(f"{what} is missing")


def require_web() -> None:
    """The web extra (Starlette, uvicorn, python-multipart) must be installed."""
    for module in ("starlette", "uvicorn", "multipart", "httpx"):
        if importlib.util.find_spec(module) is None:
            missing(f"the Python package {module} (pip install -e '.[test]')")


def require_browser() -> str:
    """Playwright and the system's Chromium must be installed; the browser's path."""
    if importlib.util.find_spec("playwright") is None:
        missing("the Python package playwright (pip install -e '.[test]')")
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if path is None:
        missing("Chromium (apt-get install chromium)")
    return path  # type: ignore[return-value]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running ``govdoc serve``: its address, its process and its temporary folder
    (TMPDIR: every per-request folder is made there)."""

    url: str
    process: subprocess.Popen[bytes]
    tmp: Path

    def leftovers(self, baseline: set[str]) -> set[str]:
        """What is in the temporary folder and was not there at ``baseline``; the warm
        LibreOffice's folder (``govdoc-lo-*``, its profile) lives as long as the server
        and is removed when the server exits."""
        return {p.name for p in self.tmp.iterdir()
                if not p.name.startswith("govdoc-lo-")} - baseline

    def rss_kb(self) -> int:
        """The server process's resident memory in kB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")

    def alive(self) -> bool:
        with urllib.request.urlopen(self.url, timeout=10) as response:
            return response.status == 200


@contextlib.contextmanager
def running_server(folder: Path, *args: str) -> Iterator[Server]:
    """``python -m govdoc serve`` on a free loopback port, until the block ends."""
    require_web()
    tmp = folder / "server-tmp"
    tmp.mkdir()
    port = free_port()
    env = dict(os.environ, TMPDIR=str(tmp), PYTHONUNBUFFERED="1")
    env.pop("GOVDOC_TOKEN", None)
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "govdoc", "serve", "--port", str(port),
                                *args], env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}/", process, tmp)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if server.alive():
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("govdoc serve did not start: "
                                         + (folder / "server.log").read_text()) from None
                time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()

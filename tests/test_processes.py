"""No process left behind: LibreOffice and batch workers end with govdoc, on every way
out (success, a worker killed mid-batch, SIGKILL), and the profiles a killed run leaves
are removed by the next one. ``govdoc pdf`` stopped with SIGTERM or SIGINT is
tests/test_hostile.py's (bounded, with its temporary folder checked).

Processes are read from /proc (Linux). Cost: about 20 s in all, most of it LibreOffice
starting (the 10-document batch, one killed `govdoc pdf`, one killed batch).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import govdoc
from govdoc import convert
from govdoc.batch import render_many

from conftest import require_libreoffice
from test_batch import MODEL, SCRIPT, SRC, village, write_csv, write_model

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="reads processes from /proc (Linux)")


def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, state) of a process, or None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), fields[0]


def _cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return []


def children(parent: int) -> list[int]:
    """The live (not zombie) children of ``parent``."""
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            stat = _stat(int(name))
            if stat is not None and stat[0] == parent and stat[1] != "Z":
                found.append(int(name))
    return found


def alive(pids: set[int]) -> list[int]:
    return [p for p in pids if (s := _stat(p)) is not None and s[1] != "Z"]


def converting(pid: int) -> bool:
    return "--convert-to" in _cmdline(pid)


def wait_until(condition, seconds: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def profile_of(pid: int) -> Path | None:
    """The govdoc-lo-* folder of a LibreOffice process (from its command line)."""
    for arg in _cmdline(pid):
        if arg.startswith("-env:UserInstallation=file://"):
            return Path(arg.split("file://", 1)[1]).parent
    return None


def test_a_libreoffice_killed_mid_batch_loses_at_most_its_current_document(tmp_path):
    require_libreoffice()
    me = os.getpid()
    seen: set[int] = set()
    killed: list[int] = []
    stop = threading.Event()

    def killer() -> None:  # kill one converting LibreOffice once PDFs have begun to appear
        while not stop.is_set():
            offices = [p for p in children(me) if converting(p)]
            seen.update(offices)
            for pid in offices:
                out = _cmdline(pid)[_cmdline(pid).index("--outdir") + 1]
                if not killed and any(n.endswith(".pdf") for n in os.listdir(out)):
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
            time.sleep(0.01)

    watcher = threading.Thread(target=killer)
    watcher.start()
    try:
        result = render_many(MODEL, [village(f"第{i}村") for i in range(10)], tmp_path,
                             name="{{ 村名 }}.docx", pdf=True, jobs=2)
    finally:
        stop.set()
        watcher.join()
    assert killed, "no LibreOffice was caught converting"
    assert len(result.written) == 10
    pdfs = sorted(p.name for p in tmp_path.glob("*.pdf"))
    if result.pdf_failed:  # the killed document failed twice: reported, exactly
        [failed] = result.pdf_failed
        assert failed.message.startswith(f"{failed.path.stem}.docx: PDF: ")
        assert len(pdfs) == 9 and failed.path.name not in pdfs
    else:
        assert len(pdfs) == 10 and len(result.pdf_written) == 10
    for pdf in tmp_path.glob("*.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF")
    assert alive(seen) == []  # no LibreOffice outlives the batch


def _start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    """The govdoc command, its output to a file (a pipe would wait for stray processes)."""
    env = dict(os.environ, PYTHONPATH=str(SRC))
    with open(cwd / "govdoc.log", "w") as log:
        return subprocess.Popen([str(SCRIPT), *args], cwd=cwd, env=env, text=True,
                                stdin=subprocess.DEVNULL, stdout=log, stderr=log)


def log(proc: subprocess.Popen[str], cwd: Path) -> str:
    try:
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    return (cwd / "govdoc.log").read_text()


def _pdf_converting(seed_docx: Path, tmp_path: Path) -> tuple[subprocess.Popen, set[int], set]:
    """``govdoc pdf`` started on the seed and caught while LibreOffice converts: the
    process, its LibreOffice processes and their profile folders."""
    require_libreoffice()
    proc = _start(["pdf", str(seed_docx), "-o", str(tmp_path / "x.pdf")], tmp_path)
    offices: set[int] = set()
    assert wait_until(lambda: bool(offices.update(children(proc.pid)) or
                                   any(converting(p) for p in offices))), log(proc, tmp_path)
    return proc, offices, {profile_of(p) for p in offices} - {None}


def test_govdoc_pdf_killed_takes_libreoffice_with_it_and_the_next_run_tidies_up(seed_docx,
                                                                                tmp_path):
    proc, offices, profiles = _pdf_converting(seed_docx, tmp_path)
    proc.kill()
    proc.wait()
    assert wait_until(lambda: not alive(offices), 5), "LibreOffice outlived a killed govdoc"
    assert profiles and all(p.exists() for p in profiles if p)  # SIGKILL: nothing ran
    removed = convert.remove_stale_profiles(force=True)
    assert profiles <= set(removed) and not any(p.exists() for p in profiles if p)
    import tempfile

    left = [f for f in Path(tempfile.gettempdir()).glob("govdoc-*")
            if (f / "owner").exists() and (f / "owner").read_text() == str(proc.pid)]
    assert left == []  # its copies of the input went too


def test_a_profile_in_use_is_never_removed(tmp_path):
    import tempfile

    mine = convert._new_work_folder()
    try:
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        stale = Path(tempfile.mkdtemp(prefix="govdoc-lo-"))
        (stale / "owner").write_text(str(dead.pid))
        removed = convert.remove_stale_profiles(force=True)
        assert stale in removed and not stale.exists()
        assert mine.exists() and mine not in removed
    finally:
        import shutil

        shutil.rmtree(mine, ignore_errors=True)


def test_a_killed_batch_takes_its_workers_with_it(tmp_path):
    # 300 records in 2 render workers: SIGKILL the batch once both work; neither goes on.
    records = write_csv(tmp_path, [village(f"第{i}村") for i in range(300)])
    out = tmp_path / "out"
    proc = _start(["batch", str(write_model(tmp_path)), str(records), "-o", str(out),
                   "--jobs", "2", "--no-progress"], tmp_path)
    workers: set[int] = set()
    assert wait_until(lambda: bool(workers.update(children(proc.pid))) or len(workers) >= 2
                      and out.is_dir() and any(out.iterdir())), log(proc, tmp_path)
    proc.kill()
    proc.wait()
    assert wait_until(lambda: not alive(workers), 5), "a worker outlived the killed batch"
    written = len(list(out.iterdir()))
    time.sleep(0.5)
    assert len(list(out.iterdir())) == written  # nobody is writing any more
    assert written < 300


WARM_RUN = """
import os, sys, warnings
warnings.simplefilter("ignore")
import govdoc
from govdoc import convert
for name in ("a", "b", "c"):
    govdoc.to_pdf(sys.argv[1], os.path.join(sys.argv[2], name + ".pdf"))
    server = convert._WARM.server
    print(server.pid, convert._WARM.office.work, flush=True)
"""


def test_successive_conversions_share_one_libreoffice_that_ends_at_exit(seed_docx, tmp_path):
    require_libreoffice()
    env = dict(os.environ, PYTHONPATH=str(SRC))
    done = subprocess.run([sys.executable, "-c", WARM_RUN, str(seed_docx), str(tmp_path)],
                          env=env, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")[:3]
    pids = {int(line.split()[0]) for line in lines}
    folders = {Path(line.split()[1]) for line in lines}
    assert len(pids) == 1 and len(folders) == 1  # one LibreOffice for the three calls
    for name in "abc":
        assert (tmp_path / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    assert alive(pids) == [] and not any(f.exists() for f in folders)  # gone at exit

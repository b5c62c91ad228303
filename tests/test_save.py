"""govdoc.save: atomic, no overwriting without consent, nothing left behind on failure."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import govdoc
from govdoc import OutputExistsError

from conftest import ROOT


def small_report(text: str = "全年完成各项任务。") -> govdoc.Report:
    import datetime

    return govdoc.Report(title="关于2023年度工作情况的报告", body=[text],
                         issuer="某某乡人民政府", date=datetime.date(2024, 1, 18))


OLD = b"an earlier version, which must survive"


@pytest.fixture(scope="module")
def document() -> govdoc.Document:
    return govdoc.render(small_report())


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_save_writes_the_document_and_returns_its_path(document, tmp_path):
    path = govdoc.save(document, tmp_path / "out.docx")
    assert path == tmp_path / "out.docx"
    assert path.read_bytes() == document.to_bytes()
    assert entries(tmp_path) == ["out.docx"]


def test_new_files_get_the_usual_permissions(document, tmp_path):
    umask = os.umask(0o022)
    try:
        path = govdoc.save(document, tmp_path / "out.docx")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_an_existing_file_is_not_overwritten_without_consent(document, tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(OLD)
    with pytest.raises(OutputExistsError) as info:
        govdoc.save(document, target)
    assert isinstance(info.value, FileExistsError) and isinstance(info.value, govdoc.GovdocError)
    assert "overwrite=True" in str(info.value) and str(target) in str(info.value)
    assert target.read_bytes() == OLD
    assert entries(tmp_path) == ["out.docx"]


def test_overwrite_true_replaces_the_file(document, tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(OLD)
    govdoc.save(document, target, overwrite=True)
    assert target.read_bytes() == document.to_bytes()
    assert entries(tmp_path) == ["out.docx"]


def test_a_file_appearing_during_the_save_is_not_overwritten(document, tmp_path, monkeypatch):
    # Another process creates the target after the first check: the final step
    # (a hard link) refuses to replace it.
    target = tmp_path / "out.docx"
    real_open = os.open

    def open_and_race(path, flags, mode=0o777, **kw):
        fd = real_open(path, flags, mode, **kw)
        if Path(path).name.endswith(".tmp"):
            target.write_bytes(OLD)
        return fd

    monkeypatch.setattr(os, "open", open_and_race)
    with pytest.raises(OutputExistsError):
        govdoc.save(document, target)
    monkeypatch.undo()
    assert target.read_bytes() == OLD
    assert entries(tmp_path) == ["out.docx"]


def test_folders_without_hard_links_still_get_the_file(document, tmp_path, monkeypatch):
    def no_links(src, dst, **kw):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    govdoc.save(document, tmp_path / "out.docx")
    assert (tmp_path / "out.docx").read_bytes() == document.to_bytes()
    assert entries(tmp_path) == ["out.docx"]


def disk_full_after_first_chunk(monkeypatch) -> list[int]:
    """Patch os.write: the first write succeeds (really), the next fails with ENOSPC."""
    real_write = os.write
    calls: list[int] = []

    def write(fd, data):
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data[: len(data) // 2]))  # a short write, as disks do

    monkeypatch.setattr(os, "write", write)
    return calls


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_full_disk_mid_write_leaves_no_partial_file(document, tmp_path, monkeypatch, overwrite):
    target = tmp_path / "out.docx"
    if overwrite:
        target.write_bytes(OLD)
    calls = disk_full_after_first_chunk(monkeypatch)
    with pytest.raises(OSError) as info:
        govdoc.save(document, target, overwrite=overwrite)
    monkeypatch.undo()
    assert info.value.errno == errno.ENOSPC and len(calls) == 2  # it failed mid-write
    if overwrite:
        assert target.read_bytes() == OLD and entries(tmp_path) == ["out.docx"]
    else:
        assert entries(tmp_path) == []


def test_document_save_to_a_path_is_atomic_too(document, tmp_path, monkeypatch):
    target = tmp_path / "out.docx"
    target.write_bytes(OLD)
    disk_full_after_first_chunk(monkeypatch)
    with pytest.raises(OSError):
        document.save(target)
    monkeypatch.undo()
    assert target.read_bytes() == OLD and entries(tmp_path) == ["out.docx"]
    document.save(target)  # python-docx semantics: replaces the file
    assert target.read_bytes() == document.to_bytes()


# The next two fill a real disk: the kernel refuses the write, nothing is patched.
WRITER = textwrap.dedent("""
    import datetime, errno, os, resource, signal, sys
    sys.path.insert(0, {tests!r})
    import govdoc
    from test_save import small_report
    text = "".join(chr(0x4E00 + i * 7919 % 20000) for i in range(30000))  # compresses badly
    doc = govdoc.render(small_report(text))
    folder = sys.argv[1]
    if sys.argv[2] == "fsize":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    try:
        govdoc.save(doc, os.path.join(folder, "out.docx"))
    except OSError as exc:
        print(errno.errorcode[exc.errno], len(doc.to_bytes()), sorted(os.listdir(folder)))
    else:
        print("saved")
""")


def run_writer(folder: Path, mode: str, prefix: list[str] | None = None) -> str:
    code = WRITER.format(tests=str(ROOT / "tests"))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    cmd = [*(prefix or []), sys.executable, "-c", code, str(folder), mode]
    return subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin",
                    reason="needs RLIMIT_FSIZE as Linux applies it")
def test_a_file_size_limit_hit_mid_write_leaves_no_partial_file(tmp_path):
    # RLIMIT_FSIZE makes the kernel refuse writes past 4 kB (EFBIG), like a full disk.
    out = run_writer(tmp_path, "fsize")
    code, size, listing = out.split(" ", 2)
    assert code == "EFBIG" and int(size) > 4096
    assert listing.strip() == "[]"


def test_a_full_tmpfs_leaves_no_partial_file(tmp_path):
    # A 16 kB tmpfs in a private mount namespace; needs root (CAP_SYS_ADMIN) and unshare.
    unshare = shutil.which("unshare")
    if os.name != "posix" or os.geteuid() != 0 or unshare is None:
        pytest.skip("mounting a tmpfs needs root and unshare(1)")
    folder = tmp_path / "tiny"
    folder.mkdir()
    probe = subprocess.run([unshare, "-m", "--propagation", "private", "mount", "-t", "tmpfs",
                            "-o", "size=16k", "tmpfs", str(folder)], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {probe.stderr.decode().strip()}")
    script = 'mount -t tmpfs -o size=16k tmpfs "$1" && shift && exec "$@"'
    out = run_writer(folder, "disk",
                     prefix=[unshare, "-m", "--propagation", "private", "sh", "-c", script,
                             "sh", str(folder)])
    code, size, listing = out.split(" ", 2)
    assert code == "ENOSPC" and int(size) > 16 * 1024
    assert listing.strip() == "[]"


def test_save_takes_only_a_govdoc_document(tmp_path):
    from docx import Document as python_docx_document

    with pytest.raises(TypeError, match="govdoc.Document"):
        govdoc.save(python_docx_document(), tmp_path / "out.docx")  # type: ignore[arg-type]
    assert entries(tmp_path) == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_next_save_removes_temporary_files_a_killed_save_left(document, tmp_path):
    # A save killed mid-write (SIGKILL, power cut) cannot remove its temporary file.
    dead, alive = _dead_pid(), os.getppid()
    left = tmp_path / f".a.docx.govdoc-{dead}-0123abcd.tmp"
    busy = tmp_path / f".b.docx.govdoc-{alive}-0123abcd.tmp"  # another save, still writing
    ancient = tmp_path / ".c.docx.89abcdef.tmp"  # an older govdoc's name, over a day old
    recent = tmp_path / ".d.docx.89abcdef.tmp"
    others = [tmp_path / n for n in ("notes.tmp", ".e.docx.tmp", ".f.docx.govdoc-1-xyz.tmp")]
    for path in (left, busy, ancient, recent, *others):
        path.write_bytes(b"partial")
    os.utime(ancient, (0, 0))
    govdoc.save(document, tmp_path / "out.docx")
    assert entries(tmp_path) == sorted(p.name for p in (busy, recent, *others)) + ["out.docx"]


def test_stale_temporary_files_are_looked_for_once_per_folder(document, tmp_path):
    govdoc.save(document, tmp_path / "one.docx")
    left = tmp_path / f".a.docx.govdoc-{_dead_pid()}-0123abcd.tmp"
    left.write_bytes(b"partial")
    govdoc.save(document, tmp_path / "two.docx")  # a batch: no second look at the folder
    assert left.exists()
    from govdoc.saving import remove_stale_temps
    assert remove_stale_temps(tmp_path) == [left] and not left.exists()


def test_a_save_into_a_missing_folder_names_the_target(document, tmp_path):
    target = tmp_path / "missing" / "x.docx"
    with pytest.raises(FileNotFoundError) as info:
        govdoc.save(document, target)
    assert info.value.filename == str(target)
    assert ".tmp" not in str(info.value) and "missing" in str(info.value)

"""Issue 16, the hostile corpus: every input ends within its bound, with its outcome,
and leaves no process or temporary file behind.

Each item runs ``python -m govdoc …`` (or a small Python driver) in its own process
session with a private temporary folder (``TMPDIR``) and a marker in its environment.
Measured per item: the CPU time of the whole process tree (``wait4``'s rusage, which
covers every descendant reaped) and the peak RSS of its largest process (each one's
VmHWM, sampled every 50 ms, and ``wait4``'s ru_maxrss where it is not the one a forked
child inherits from this process); CPU time, not wall time, so that a loaded machine
does not fail an item. A watchdog samples the
tree and stops it past its CPU bound, twice its memory bound or four times its bound in
wall time, so a bomb cannot take the machine down. After
each item no process carrying the marker may be alive (looked up in /proc) and the
temporary folder must be empty; output folders hold only the expected files.

The bounds are generous for a loaded 2-core CI machine and far below what each input
cost before its fix (noted in tests/hostile/make_corpus.py). The corpus is generated
into pytest's tmp folder (about 3 s). Cost: about 45 s, plus about 70 s for the
300-document PDF batch.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from hostile import make_corpus as corpus

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="uses /proc and wait4")

MB = 1024 * 1024
KEPT = {"jieba.cache"}
"""Files that stay in the temporary folder by design: jieba's dictionary cache (one
file, replaced on each write, so that the next process starts faster)."""
GOVDOC = [sys.executable, "-m", "govdoc"]


@dataclass
class Run:
    """What one item did."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    """Wall time."""
    cpu_seconds: float
    """CPU time of the process and every descendant it reaped."""
    peak_mb: float
    """Peak RSS of the largest process in the tree."""

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def _tagged(marker: str) -> list[psutil.Process]:
    """The live processes whose environment carries ``marker`` (zombies excluded)."""
    found = []
    needle = f"GOVDOC_HOSTILE={marker}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle not in (entry / "environ").read_bytes():
                continue
            proc = psutil.Process(int(entry.name))
            if proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except (OSError, psutil.Error):
            continue
    return found


def _peak_rss(pid: int) -> int:
    """The high-water mark of ``pid``'s resident memory (VmHWM, bytes), 0 once gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def _tree_usage(pid: int) -> tuple[int, int, float]:
    """Of ``pid`` and its live descendants: the total RSS (bytes), the largest
    high-water mark of one process (bytes) and the CPU time (seconds)."""
    rss, peak, cpu = 0, 0, 0.0
    try:
        root = psutil.Process(pid)
        for p in [root, *root.children(recursive=True)]:
            with p.oneshot():
                rss += p.memory_info().rss
                t = p.cpu_times()
                cpu += t.user + t.system + t.children_user + t.children_system
            peak = max(peak, _peak_rss(p.pid))
    except psutil.Error:
        pass
    return rss, peak, cpu


class Item:
    """One hostile input's run: its bounds, its private temp folder and its marker."""

    def __init__(self, tmp_path: Path, seconds: float, megabytes: float) -> None:
        self.seconds, self.megabytes = seconds, megabytes
        self.marker = uuid.uuid4().hex
        self.temp = tmp_path / f"TMP-{self.marker[:8]}"
        self.temp.mkdir()
        self.env = {**os.environ, "GOVDOC_HOSTILE": self.marker, "TMPDIR": str(self.temp),
                    "PYTHONWARNINGS": "ignore"}
        self.env.pop("PYTHONHASHSEED", None)

    def start(self, args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
        self.out = open(cwd / ".stdout~", "w+b")  # noqa: SIM115 - read in finish()
        self.err = open(cwd / ".stderr~", "w+b")  # noqa: SIM115
        self.began = time.monotonic()
        self.own_peak = _peak_rss(os.getpid())
        return subprocess.Popen(args, cwd=cwd, env=self.env, stdout=self.out, stderr=self.err,
                                stdin=subprocess.DEVNULL, start_new_session=True)

    def finish(self, proc: subprocess.Popen[bytes]) -> Run:
        """Wait for ``proc`` and return what it did. Its session is killed past the CPU
        bound, past twice the memory bound, or after four times the bound in wall time
        (the machine may be loaded; a bomb is stopped before it takes the machine)."""
        sampled = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            elapsed = time.monotonic() - self.began
            rss, peak, cpu = _tree_usage(proc.pid)
            sampled = max(sampled, peak)
            if cpu > self.seconds or elapsed > 4 * self.seconds or rss > 2 * self.megabytes * MB:
                os.killpg(proc.pid, signal.SIGKILL)
                os.wait4(proc.pid, 0)
                proc.returncode = -signal.SIGKILL
                self._close()
                pytest.fail(f"stopped after {elapsed:.1f} s ({cpu:.1f} s CPU) at {rss / MB:.0f} "
                            f"MB: over its bound of {self.seconds} s, {self.megabytes} MB")
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
        # wait4's ru_maxrss is the true peak, except that a child started by fork/vfork
        # inherits this (large) test process's high-water mark: trust it only above that.
        reaped = usage.ru_maxrss * 1024
        peak = max(sampled, reaped if reaped > self.own_peak else 0) / MB
        out, err = self._close()
        return Run(proc.returncode, out, err, time.monotonic() - self.began,
                   usage.ru_utime + usage.ru_stime, peak)

    def _close(self) -> tuple[str, str]:
        texts = []
        for fh in (self.out, self.err):
            fh.seek(0)
            texts.append(fh.read().decode("utf-8", "replace"))
            fh.close()
            Path(fh.name).unlink()
        return texts[0], texts[1]

    def run(self, args: list[str], cwd: Path) -> Run:
        result = self.finish(self.start(args, cwd))
        self.check(result)
        return result

    def check(self, result: Run) -> None:
        """Within the bounds; then nothing left running and nothing left in TMPDIR."""
        print(f"[measured] exit {result.returncode}, {result.seconds:.2f} s wall, "
              f"{result.cpu_seconds:.2f} s CPU, peak RSS {result.peak_mb:.0f} MB "
              f"(bound {self.seconds} s CPU, {self.megabytes} MB)")
        assert result.cpu_seconds <= self.seconds, f"took {result.cpu_seconds:.1f} s CPU"
        assert result.peak_mb <= self.megabytes, f"peak RSS {result.peak_mb:.0f} MB"
        self.assert_nothing_left()

    def assert_nothing_left(self, grace: float = 5.0) -> None:
        deadline = time.monotonic() + grace
        while (alive := _tagged(self.marker)) and time.monotonic() < deadline:
            time.sleep(0.1)
        names = [f"{p.pid} {' '.join(p.cmdline())[:80]}" for p in alive]
        for proc in alive:  # do not leave them to the next test either
            proc.kill()
        assert not names, f"processes left running: {names}"
        left = sorted(p.name for p in self.temp.iterdir() if p.name not in KEPT)
        assert left == [], "temporary files left"


def govdoc(*args: str | Path) -> list[str]:
    return [*GOVDOC, *map(str, args)]


def assert_one_line_error(result: Run, *names: str) -> None:
    """Exit status 1 and one line naming the file (and the place): no traceback, no
    "internal error"."""
    assert result.returncode == 1, result.stderr[-2000:]
    assert len(result.lines) == 1, result.stderr[-2000:]
    line = result.lines[0]
    assert "Traceback" not in line and "internal error" not in line, line
    for name in names:
        assert name in line, line


def assert_only(folder: Path, *names: str) -> None:
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    return work


def bounded(tmp_path: Path, seconds: float = 15, megabytes: float = 400) -> Item:
    return Item(tmp_path, seconds, megabytes)


# -- 16.1 -------------------------------------------------------------------------------


def test_a_300_record_batch_with_pdfs_writes_300_pdfs(tmp_path, folder):
    """Cost: about 70 s (300 LibreOffice conversions on 2 cores)."""
    records = corpus.batch_records(folder, 300)
    run = bounded(tmp_path, seconds=300, megabytes=1500).run(
        govdoc("batch", "model.yaml", records.name, "-o", "out", "--pdf", "-j", "2",
               "--no-progress"), folder)
    assert run.returncode == 0, run.stderr[-2000:]
    out = folder / "out"
    assert len(list(out.glob("*.docx"))) == 300 and len(list(out.glob("*.pdf"))) == 300
    assert all(p.stat().st_size > 1000 for p in out.glob("*.pdf"))
    assert "PDF: 300 written, 0 skipped, 0 failed" in run.stderr
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert len(run.stderr) < 4096  # no line repeating hundreds of paths


# -- 16.2 -------------------------------------------------------------------------------


@pytest.mark.parametrize("make, suffix", [
    (corpus.dates_draft, ".txt"),     # before: 110 s
    (corpus.commas_draft, ".txt"),    # before: 48 s
    (corpus.long_title, ".yaml"),     # before: about 34 s at 50,000 characters
])
def test_inputs_that_grew_too_fast_build_in_time(tmp_path, folder, make, suffix):
    source = make(folder)
    run = bounded(tmp_path, seconds=15).run(govdoc("build", source.name, "-o", "out.docx"), folder)
    if make is corpus.dates_draft and run.returncode == 1:
        assert_one_line_error(run, source.name)  # a decision, quickly: that is the point
        assert_only(folder, source.name)
        return
    assert run.returncode == 0, run.stderr[-2000:]
    assert_only(folder, source.name, "out.docx")
    if make is corpus.commas_draft:
        import docx

        text = "\n".join(p.text for p in docx.Document(folder / "out.docx").paragraphs)
        assert "中" + "，" * 16000 in text


# -- 16.3 -------------------------------------------------------------------------------


def test_yaml_aliases_cannot_expand_into_gigabytes(tmp_path, folder):
    source = corpus.yaml_aliases(folder)  # before: 2.2 GB
    run = bounded(tmp_path, seconds=10, megabytes=300).run(
        govdoc("build", source.name, "-o", "out.docx"), folder)
    assert_one_line_error(run, source.name)
    assert_only(folder, source.name)


@pytest.mark.parametrize("bomb", sorted(corpus.JINJA_BOMBS))
def test_jinja_bombs_in_a_template_end_at_once(tmp_path, folder, bomb):
    template = corpus.jinja_template(folder, bomb)  # before: 3-24 GB or minutes
    source = corpus.write_yaml_model(folder / "m.yaml")
    run = bounded(tmp_path, seconds=10, megabytes=300).run(
        govdoc("build", source.name, "-t", template.name, "-o", "out.docx"), folder)
    assert_one_line_error(run, template.name, "word/document.xml")
    assert_only(folder, source.name, template.name)


def test_a_template_that_hides_its_text_is_refused(tmp_path, folder):
    template = corpus.hidden_template(folder)  # before: a blank PDF and exit 0
    source = corpus.write_yaml_model(folder / "m.yaml")
    run = bounded(tmp_path, seconds=10).run(
        govdoc("build", source.name, "-t", template.name, "-o", "out.docx"), folder)
    assert_one_line_error(run, template.name, "w:vanish")
    assert_only(folder, source.name, template.name)


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_word_draft_that_unpacks_to_a_bomb_is_refused(tmp_path, folder, command):
    bomb = corpus.docx_bomb(folder)  # before: 50 s and 3.1 GB; check over 300 s
    args = ["build", bomb.name, "-o", "out.docx"] if command == "build" else ["check", bomb.name]
    run = bounded(tmp_path, seconds=10, megabytes=300).run(govdoc(*args), folder)
    assert run.returncode in (1, 2), run.stderr[-2000:]  # check: 2, a file it cannot check
    lines = [*run.lines, *run.stdout.splitlines()]
    assert len(lines) <= 2 and bomb.name in lines[0] and "internal error" not in lines[0]
    assert_only(folder, bomb.name)


def test_a_huge_seal_image_is_refused_before_decoding(tmp_path, folder):
    source = corpus.huge_seal(folder)  # before: 28 s and 1 GB (when printed)
    run = bounded(tmp_path, seconds=10, megabytes=250).run(
        govdoc("build", source.name, "-o", "out.docx"), folder)
    assert_one_line_error(run, source.name, "huge-seal.png", "30000×30000")
    assert_only(folder, source.name, "huge-seal.png")


# -- 16.4 -------------------------------------------------------------------------------


def test_killing_a_batch_kills_its_workers(tmp_path, folder):
    records = corpus.batch_records(folder, 2000)
    run = bounded(tmp_path, seconds=60)
    proc = run.start(govdoc("batch", "model.yaml", records.name, "-o", "out", "-j", "2",
                            "--no-progress"), folder)
    out = folder / "out"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list(out.glob("*.docx"))) < 10:
        time.sleep(0.05)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers, "the batch started no worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    result = run.finish(proc)
    assert result.returncode == -signal.SIGKILL
    gone, alive = psutil.wait_procs(workers, timeout=5)
    for p in alive:
        p.kill()
    assert not alive, f"workers still running after their parent was killed: {alive}"
    written = len(list(out.glob("*.docx")))
    time.sleep(1)
    assert len(list(out.glob("*.docx"))) == written, "files still being written"
    run.assert_nothing_left()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stopping_govdoc_pdf_stops_libreoffice_and_removes_its_profile(tmp_path, folder, sig):
    corpus.long_docx(folder)
    run = bounded(tmp_path, seconds=60, megabytes=1500)
    proc = run.start(govdoc("pdf", "long.docx", "-o", "long.pdf"), folder)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        names = [p.name() for p in psutil.Process(proc.pid).children(recursive=True)]
        if any(n.startswith("soffice") for n in names):
            break
        time.sleep(0.05)
    else:
        pytest.fail("LibreOffice did not start")
    time.sleep(0.5)
    os.kill(proc.pid, sig)
    stopped = time.monotonic()
    result = run.finish(proc)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    run.assert_nothing_left(grace=5.0)  # before: soffice ran about 30 s more, profiles stayed
    assert time.monotonic() - stopped < 10
    assert_only(folder, "long.docx")


def test_a_temporary_file_left_by_a_killed_save_is_removed_by_the_next_build(tmp_path, folder):
    # A save killed mid-write (here: SIGKILL at the fsync) leaves its hidden .tmp.
    killer = (
        "import datetime, os, signal, govdoc, govdoc.saving\n"
        "doc = govdoc.render(govdoc.Report(title='关于工作情况的报告', body=['正文。'] * 3000,"
        " issuer='某乡人民政府', date=datetime.date(2024, 1, 18)))\n"
        "govdoc.saving.os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        "govdoc.save(doc, 'first.docx')\n"
    )
    first = bounded(tmp_path, seconds=30)
    killed = first.run([sys.executable, "-c", killer], folder)
    assert killed.returncode == -signal.SIGKILL
    left = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert left and all(n.startswith(".first.docx.") for n in left)
    source = corpus.write_yaml_model(folder / "m.yaml")
    second = bounded(tmp_path)
    run = second.run(govdoc("build", source.name, "-o", "out.docx"), folder)
    assert run.returncode == 0, run.stderr
    assert_only(folder, "m.yaml", "out.docx")


# -- 16.5 -------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [corpus.deep_json, corpus.deep_yaml])
def test_models_nested_100000_deep_give_one_line(tmp_path, folder, make):
    source = make(folder)  # before: RecursionError, "internal error"
    run = bounded(tmp_path, seconds=10).run(govdoc("build", source.name, "-o", "out.docx"), folder)
    assert_one_line_error(run, source.name)
    assert_only(folder, source.name)


@pytest.mark.parametrize("which", [0, 1])
def test_a_model_with_u007f_is_read_or_refused_in_one_line(tmp_path, folder, which):
    source = corpus.control_models(folder)[which]  # before: "internal error"
    run = bounded(tmp_path, seconds=10).run(govdoc("build", source.name, "-o", "out.json"), folder)
    if run.returncode == 1:
        assert_one_line_error(run, source.name)
        return
    assert run.returncode == 0, run.stderr
    again = bounded(tmp_path).run(
        govdoc("build", "out.json", "-o", "out.docx"), folder)  # govdoc reads its own output
    assert again.returncode == 0, again.stderr


def test_an_impossible_date_names_the_file_and_line(tmp_path, folder):
    source = corpus.bad_date(folder)
    run = bounded(tmp_path, seconds=10).run(govdoc("build", source.name, "-o", "out.docx"), folder)
    assert_one_line_error(run, f"{source.name}:4", "date")
    assert_only(folder, source.name)


def test_a_truncated_seal_names_the_file(tmp_path, folder):
    source = corpus.truncated_seal(folder)
    run = bounded(tmp_path, seconds=10).run(govdoc("build", source.name, "-o", "out.docx"), folder)
    assert_one_line_error(run, source.name, "truncated.png")
    assert_only(folder, source.name, "truncated.png")


def test_a_bad_start_override_in_a_word_draft_gives_one_line(tmp_path, folder):
    draft = corpus.start_override_draft(folder)  # before: invalid literal for int()
    run = bounded(tmp_path, seconds=10).run(govdoc("build", draft.name, "-o", "out.docx"), folder)
    assert "invalid literal" not in run.stderr and "internal error" not in run.stderr
    if run.returncode == 1:
        assert_one_line_error(run, draft.name, "startOverride")
    else:
        assert run.returncode == 0, run.stderr


def test_u0085_survives_a_yaml_round_trip(tmp_path, folder):
    driver = (
        "import json, sys, govdoc\n"
        "report = govdoc.loads_report(sys.argv[1], 'json')\n"
        "again = govdoc.loads_report(govdoc.dump_report(report, 'yaml'), 'yaml')\n"
        "print(json.dumps(str(again.body[0].text if hasattr(again.body[0], 'text') "
        "else again.body[0])))\n"
    )
    body = "整改隐患\u008586处。"
    source = json.dumps(corpus.model(body=[body]), ensure_ascii=False)
    run = bounded(tmp_path, seconds=10).run([sys.executable, "-c", driver, source], folder)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == body


# -- 16.6 -------------------------------------------------------------------------------


def _built_model(tmp_path: Path, folder: Path, source: Path) -> dict:
    run = bounded(tmp_path, seconds=10).run(govdoc("build", source.name, "-o", "out.json"), folder)
    assert run.returncode == 0, run.stderr
    return json.loads((folder / "out.json").read_text(encoding="utf-8"))


def test_a_line_between_bars_is_text_not_a_table(tmp_path, folder):
    model = _built_model(tmp_path, folder, corpus.pipes_draft(folder))
    assert "|注意|" in model["body"]


def test_line_separators_inside_a_line_keep_it_one_paragraph(tmp_path, folder):
    model = _built_model(tmp_path, folder, corpus.separators_draft(folder))
    assert model["body"] == ["全年未发生\u2028较大以上安全生产事故，整改隐患\u008586处。"]


def test_parenthesised_lines_after_the_date_keep_the_issuer(tmp_path, folder):
    model = _built_model(tmp_path, folder, corpus.parens_after_date_draft(folder))
    assert model["issuer"] == corpus.ISSUER

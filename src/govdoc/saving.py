"""Saving documents atomically: a file is either written whole or not at all.

The bytes go to a temporary file in the target's own folder, are flushed to disk
(``fsync``), and only then take the target's name in one step (a hard link when
the target must not be replaced, ``os.replace`` otherwise). A full disk, a killed
process or a power cut therefore never leaves a half-written or half-overwritten
.docx, and a failed write leaves no temporary file behind.

A process killed mid-write (``SIGKILL``, a power cut) cannot remove its temporary
file, so the first save into a folder in each process removes the ones left there:
only govdoc's own (``.NAME.govdoc-PID-XXXXXXXX.tmp``), and only those whose writer
is dead or that are over a day old.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import threading
import time
from pathlib import Path

from govdoc.errors import OutputExistsError

__all__ = ["remove_stale_temps", "sync_folder", "temp_target", "write_atomic"]

_CHUNK = 1024 * 1024
# Filesystems without hard links (FAT, exFAT, some network shares) answer link()
# with one of these; there, the existence check and os.replace() are used instead.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EXDEV,
             errno.EMLINK}
# govdoc's temporary files: ".NAME.govdoc-PID-XXXXXXXX.tmp", and before the writer's
# process id was in the name, ".NAME.XXXXXXXX.tmp".
_TEMP = re.compile(r"\.(?P<name>.+)\.govdoc-(?P<pid>\d+)-[0-9a-f]{8}\.tmp")
_OLD_TEMP = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.tmp")
STALE_SECONDS = 24 * 3600
"""Age after which a temporary file is removed even when its writer may be alive
(its process id may have been reused, or be another machine's)."""
_cleaned: set[str] = set()
_cleaned_lock = threading.Lock()


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool,
                 sync_folder: bool = True) -> Path:
    """Write ``data`` to ``path`` through a synced temporary file in the same folder.

    With ``sync_folder=False`` the folder is not synced after the rename: the caller
    writing many files into one folder calls :func:`sync_folder` once afterwards.
    """
    target = Path(path)
    if not overwrite and os.path.lexists(target):
        raise _exists(target)
    folder = target.parent
    _clean_once(folder)
    tmp, fd = _create_temp(folder, target)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view[:_CHUNK])
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, target)
        else:
            _link_no_clobber(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if sync_folder:
        _sync_folder(folder)
    return target


def _create_temp(folder: Path, target: Path) -> tuple[Path, int]:
    """A new, hidden temporary file beside ``target`` (mode 0666 less the umask). An
    error names ``target``, not the temporary file the user never asked for."""
    while True:
        tmp = folder / f".{target.name}.govdoc-{os.getpid()}-{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o666)
        except FileExistsError:
            continue
        except FileNotFoundError:
            raise FileNotFoundError(errno.ENOENT, f"the folder {folder} does not exist",
                                    str(target)) from None
        except OSError as exc:
            raise type(exc)(exc.errno, exc.strerror, str(target)) from None
        return tmp, fd


def _clean_once(folder: Path) -> None:
    """Remove the stale temporary files in ``folder``, the first time this process
    writes there (a batch writes thousands of files into one folder)."""
    key = os.path.abspath(folder)
    with _cleaned_lock:
        if key in _cleaned:
            return
        _cleaned.add(key)
    remove_stale_temps(folder)


def remove_stale_temps(folder: str | os.PathLike[str], *, now: float | None = None) -> list[Path]:
    """Remove govdoc's temporary files in ``folder`` left by a writer that died (its
    process is gone) or over :data:`STALE_SECONDS` old; return the paths removed.
    Nothing else is touched, and a folder that cannot be read is left alone."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        ours = _TEMP.fullmatch(entry.name)
        if ours is None and _OLD_TEMP.fullmatch(entry.name) is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            if old or (ours is not None and not _alive(int(ours.group("pid")))):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def temp_target(filename: str) -> str | None:
    """The name of the file that ``filename``, a govdoc temporary file, was written
    for; ``None`` for any other file."""
    m = _TEMP.fullmatch(filename) or _OLD_TEMP.fullmatch(filename)
    return m.group("name") if m else None


def _alive(pid: int) -> bool:
    """True when a process ``pid`` exists (or may: it is not ours to signal)."""
    if pid == os.getpid() or os.name == "nt":  # Windows' os.kill() would end it
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def _link_no_clobber(tmp: Path, target: Path) -> None:
    """Give ``tmp``'s file the name ``target`` unless that name exists, then drop ``tmp``."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise _exists(target) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.path.lexists(target):
            raise _exists(target) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _exists(target: Path) -> OutputExistsError:
    return OutputExistsError(errno.EEXIST, "the file exists; pass overwrite=True to replace it",
                             str(target))


def sync_folder(folder: str | os.PathLike[str]) -> None:
    """Make the names of files just written into ``folder`` durable (POSIX)."""
    _sync_folder(Path(folder))


def _sync_folder(folder: Path) -> None:
    """Make the new name durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

"""Saving documents atomically: a file is either written whole or not at all.

The bytes go to a temporary file in the target's own folder, are flushed to disk
(``fsync``), and only then take the target's name in one step (a hard link when
the target must not be replaced, ``os.replace`` otherwise). A full disk, a killed
process or a power cut therefore never leaves a half-written or half-overwritten
.docx, and a failed write leaves no temporary file behind.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from govdoc.errors import OutputExistsError

if TYPE_CHECKING:
    from govdoc.document import Document

__all__ = ["save", "sync_folder", "write_atomic"]

_CHUNK = 1024 * 1024
# Filesystems without hard links (FAT, exFAT, some network shares) answer link()
# with one of these; there, the existence check and os.replace() are used instead.
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EXDEV,
             errno.EMLINK}


def save(document: Document, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write ``document`` to ``path`` atomically and return the path.

    An existing file is left alone and :class:`~govdoc.errors.OutputExistsError` (a
    ``FileExistsError``) is raised unless ``overwrite=True``; with it, the old file
    is replaced in one step, never half-overwritten. When writing fails (e.g. the
    disk is full), the ``OSError`` propagates and no partial or temporary file is
    left.
    """
    from govdoc.document import Document  # here: document.py imports this module

    if not isinstance(document, Document):
        raise TypeError(f"save() takes a govdoc.Document, not {type(document).__name__}")
    return write_atomic(path, document.to_bytes(), overwrite=overwrite)


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
    tmp, fd = _create_temp(folder, target.name)
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


def _create_temp(folder: Path, name: str) -> tuple[Path, int]:
    """A new, hidden temporary file beside the target (mode 0666 less the umask)."""
    while True:
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o666)
        except FileExistsError:
            continue
        return tmp, fd


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

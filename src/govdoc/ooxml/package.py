"""Reading a .docx that came from someone else: a zip archive checked before it is read.

One reader for every package govdoc opens from outside: office templates
(:mod:`govdoc.render.template`), Word drafts (:mod:`govdoc.parse.word`), the documents the
checker reads (:mod:`govdoc.check.resolve`) and uploads to the drafting page. A file that
is not a zip, or looks like a zip bomb, is refused with one line naming it.
"""

from __future__ import annotations

import io
import zipfile

from govdoc.errors import TemplateError

__all__ = ["MAX_DIRECTORY_BYTES", "MAX_ENTRIES", "MAX_FILE_BYTES", "MAX_RATIO",
           "MAX_UNPACKED_BYTES", "RATIO_FLOOR_BYTES", "open_zip"]

_MB = 1024 * 1024

# The limits leave room for logos and seal images (govdoc's own package unpacks to
# 13 kB in 11 entries). Python's zipfile never inflates an entry past its declared
# size, so checking the declared sizes bounds the work of reading the parts.
MAX_FILE_BYTES = 64 * _MB
"""The largest package file that is read at all."""
MAX_UNPACKED_BYTES = 64 * _MB
"""The most bytes a package's entries may declare, in total."""
MAX_ENTRIES = 1000
"""The most entries a package archive may have."""
MAX_RATIO = 100
"""The highest compression ratio of an entry that unpacks to more than
:data:`RATIO_FLOOR_BYTES`. Deflate reaches about 1000:1 on repeated bytes; Word
parts of that size stay far below 100:1."""
RATIO_FLOOR_BYTES = 1 * _MB
"""Entries up to this size are not judged by their ratio."""
MAX_DIRECTORY_BYTES = 4 * _MB
"""The largest zip directory read (about 80 bytes an entry in a real package);
it is checked first, so a directory of millions of entries is never parsed."""


def _check_directory(data: bytes, where: str, what: str, error: type[Exception]) -> None:
    """Refuse an archive whose end record announces too many entries or too big a
    directory, before :mod:`zipfile` parses the directory."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end < 0 or end + 22 > len(data):
        raise error(f"{what} {where}: 不是 .docx 文件: not a .docx file (not a zip archive)")
    entries = int.from_bytes(data[end + 10:end + 12], "little")
    size = int.from_bytes(data[end + 12:end + 16], "little")
    if entries > MAX_ENTRIES:
        count = "65535 or more" if entries == 0xFFFF else str(entries)  # 0xFFFF: see ZIP64
        raise error(f"{what} {where}: refused, the archive has {count} "
                    f"entries (at most {MAX_ENTRIES})")
    if size > MAX_DIRECTORY_BYTES:
        raise error(f"{what} {where}: refused, its zip directory has {size} "
                    f"bytes (at most {MAX_DIRECTORY_BYTES // _MB} MB)")


def open_zip(data: bytes, where: str, what: str = "template",
             error: type[Exception] = TemplateError) -> zipfile.ZipFile:
    """The archive in ``data``; refused when it is not a zip or looks like a zip bomb.

    The limits serve every .docx govdoc reads from others (templates, Word drafts): an
    error of type ``error`` names the file as ``f"{what} {where}"``."""
    _check_directory(data, where, what, error)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise error(f"{what} {where}: 不是 .docx 文件: not a .docx file (not a zip archive)") from None
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise error(f"{what} {where}: refused, the archive has {len(infos)} "
                    f"entries (at most {MAX_ENTRIES})")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise error(f"{what} {where}: refused, it unpacks to {total // _MB} MB "
                    f"(at most {MAX_UNPACKED_BYTES // _MB} MB)")
    for i in infos:
        if i.file_size > RATIO_FLOOR_BYTES and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise error(
                f"{what} {where}: refused, {i.filename} unpacks {i.compress_size} bytes to "
                f"{i.file_size} (more than {MAX_RATIO}:1), as a zip bomb does"
            )
    return zf

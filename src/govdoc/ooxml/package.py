"""The .docx package: read safely when it came from someone else, written reproducibly.

One reader for every package govdoc opens from outside: office templates
(:mod:`govdoc.rendering.template`), Word drafts (:mod:`govdoc.parse.word`), the documents the
checker reads (:mod:`govdoc.checker.resolve`) and uploads to the drafting page. A file that
is not a zip, or looks like a zip bomb, is refused with one line naming it
(:func:`open_zip`); :class:`Package` then reads its parts with :data:`PARSER` (no DTDs, no
entities, no network) and follows its relationships. :data:`HUGE_PARSER` parses the XML
govdoc writes itself, whose text nodes may pass libxml2's 10 MB limit.

:func:`write_zip` writes a package with fixed timestamps and modes, so that the same
parts always give the same bytes (the rendered documents and the templates).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import IO

from docx.opc.constants import NAMESPACE
from lxml import etree

from govdoc.errors import TemplateError

__all__ = ["HUGE_PARSER", "MAX_DIRECTORY_BYTES", "MAX_ENTRIES", "MAX_FILE_BYTES", "MAX_RATIO",
           "MAX_UNPACKED_BYTES", "PARSER", "Package", "RATIO_FLOOR_BYTES", "ZIP_DATE",
           "open_zip", "read_entries", "read_limited", "write_zip"]

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
"""The parser of the parts of a package from outside: no entities, DTDs or network, and
libxml2's limits on text nodes and depth."""
HUGE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
"""The parser of XML govdoc wrote or filled itself (a rendered body, a filled template
part): no entities or network, but text nodes of any length (a long paragraph is split
only at :data:`govdoc.rendering.xml.MAX_TEXT_NODE_CHARS`)."""

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""The timestamp of every entry govdoc writes: the earliest a zip can hold, so the output
depends on the parts alone."""

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


def _too_large(where: str, what: str, error: type[Exception]) -> Exception:
    return error(f"{what} {where}: refused, the file has more than {MAX_FILE_BYTES // _MB} MB")


def read_limited(stream: IO[bytes], where: str, what: str = "template",
                 error: type[Exception] = TemplateError) -> bytes:
    """The bytes of a package file from ``stream``, reading one byte past
    :data:`MAX_FILE_BYTES` at most: a larger file is refused without reading it all."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(where, what, error)
    return data


def open_zip(data: bytes, where: str, what: str = "template",
             error: type[Exception] = TemplateError) -> zipfile.ZipFile:
    """The archive in ``data``; refused when it is larger than :data:`MAX_FILE_BYTES`,
    not a zip, or looks like a zip bomb.

    The limits serve every .docx govdoc reads from others (templates, Word drafts, the
    documents the checker reads): an error of type ``error`` names the file as
    ``f"{what} {where}"``."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(where, what, error)
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


def read_entries(zf: zipfile.ZipFile, where: str, what: str = "template",
                 error: type[Exception] = TemplateError) -> dict[str, bytes]:
    """Every entry's bytes, each checked against its CRC."""
    parts = {}
    for info in zf.infolist():
        try:
            parts[info.filename] = zf.read(info)
        except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError,
                EOFError, OSError) as exc:
            raise error(f"{what} {where}: the archive is damaged, {info.filename} cannot be "
                        f"read ({exc})") from None
    return parts


def write_zip(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip archive of ``parts`` (entry name, bytes) in the order given, deflated, every
    entry dated :data:`ZIP_DATE` with mode 0644: the same parts give the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, blob)
    return buf.getvalue()


def _resolve_target(base: PurePosixPath, target: str) -> str:
    """The part name a relationship target names, relative to the folder ``base``."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in (str(base / target) if str(base) != "." else target).split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


class Package:
    """The parts of a .docx from outside: opened under :func:`open_zip`'s limits, XML
    parsed on demand with :data:`PARSER`, relationships resolved.

    ``main`` is the main document part (``word/document.xml`` as a rule), None when the
    package has none. Errors are of type ``error`` and name the file as
    ``f"{what} {name}"`` for the archive, ``name`` alone for its parts.
    """

    def __init__(self, data: bytes, name: str = "document", what: str = "Word document",
                 error: type[Exception] = TemplateError) -> None:
        self.name = name
        self.data = data
        self.error = error
        self._zip = open_zip(data, name, what, error)
        self._names = set(self._zip.namelist())
        self._cache: dict[str, etree._Element | None] = {}
        self.main = self._main_part()

    def _main_part(self) -> str | None:
        for target, rel_type in self.rels("").values():
            if rel_type.endswith("/officeDocument") and target in self._names:
                return target
        return "word/document.xml" if "word/document.xml" in self._names else None

    def has(self, part: str) -> bool:
        """Whether the package holds ``part``."""
        return part in self._names

    def xml(self, part: str | None) -> etree._Element | None:
        """The parsed part, or None when the package lacks it."""
        if part is None or part not in self._names:
            return None
        if part not in self._cache:
            try:
                self._cache[part] = etree.fromstring(self._zip.read(part), PARSER)
            except etree.XMLSyntaxError as exc:
                raise self.error(f"{self.name}: {part} is not well-formed XML ({exc})") from None
        return self._cache[part]

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (target part name, type) of ``part`` ("" for the package);
        external targets are left out."""
        path = PurePosixPath(part)
        rels_name = "_rels/.rels" if not part else str(path.parent / "_rels" / (path.name + ".rels"))
        root = self.xml(rels_name)
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        base = path.parent if part else PurePosixPath("")
        for rel in root.iter(f"{{{NAMESPACE.OPC_RELATIONSHIPS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            out[rel.get("Id", "")] = (_resolve_target(base, rel.get("Target", "")),
                                      rel.get("Type", ""))
        return out

    def related(self, part: str, type_suffix: str) -> str | None:
        """The first part related to ``part`` by a relationship whose type ends so."""
        for target, rel_type in self.rels(part).values():
            if rel_type.endswith(type_suffix):
                return target
        return None

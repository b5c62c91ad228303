"""Re-formatting a non-conformant document: import it, render it, say what changed.

:func:`fix` never makes a document worse and never loses words silently:

- a document with no findings is written back as an identical copy (nothing to fix);
- a re-formatted document that would have more findings of any rule than the input is
  not written: the identical copy is, and the result says why;
- otherwise the draft's seals are carried over (:func:`seals_carried`), and everything
  the re-formatted document does not keep (other pictures, footnotes, a paragraph
  joined with another, words not found in it) is reported as a
  :class:`~govdoc.errors.GovdocWarning`, one each, *before* the file is written.

:func:`seals_carried` and :func:`carried_over` (the comparison behind the last point)
serve ``govdoc build draft.docx`` too.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pydantic import ValidationError

from govdoc.checker.result import CheckResult
from govdoc.errors import GovdocError, GovdocWarning

if TYPE_CHECKING:
    from govdoc.model import Report
    from govdoc.parse import ParseResult, ParseWarning

__all__ = ["FixError", "FixResult", "carried_over", "fix", "seals_carried"]


class FixError(GovdocError):
    """The document cannot be re-formatted (it could not be imported)."""


@dataclass(frozen=True)
class FixResult:
    """The checks of the input and of what was written, and what was not kept.

    ``unchanged`` says the output is an identical copy of the input, ``reason`` why.
    """

    source: str
    output: Path
    before: CheckResult
    after: CheckResult
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False
    reason: str = ""

    @property
    def fixed(self) -> list[str]:
        """Rules that failed on the input and pass on the output."""
        return sorted(self.before.rules_failed() - self.after.rules_failed())

    @property
    def remaining(self) -> list[str]:
        """Rules that still fail on the output."""
        return sorted(self.after.rules_failed())

    def report(self) -> str:
        """What changed, rule by rule, in a few lines."""
        titles = {o.rule: o.title for o in self.before.outcomes + self.after.outcomes}
        lines = [f"{self.source} → {self.output}"]
        if self.unchanged:
            lines.append(f"  {self.reason}")
        for rule in self.fixed:
            n = sum(f.rule == rule for f in self.before.findings)
            lines.append(f"  已修正 fixed   {rule} {titles.get(rule, '')}（{n} 处）")
        for rule in self.remaining:
            n = sum(f.rule == rule for f in self.after.findings)
            lines.append(f"  仍存在 remains {rule} {titles.get(rule, '')}（{n} 处）")
        if self.warnings:
            lines.append(f"  未保留 not kept: {len(self.warnings)} (see the warnings)")
        lines.append(f"  before: {self.before.summary}")
        lines.append(f"  after:  {self.after.summary}")
        return "\n".join(lines)


NOTHING_TO_FIX = "原文已符合，无改动 (nothing to fix): the output is an identical copy"


def fix(source: str | os.PathLike[str], output: str | os.PathLike[str], *,
        render: bool = False, overwrite: bool = False) -> FixResult:
    """Import ``source``, render it with govdoc to ``output``, and check both.

    An existing ``output`` is replaced only with ``overwrite``
    (:class:`~govdoc.errors.OutputExistsError` otherwise, before any work). What the
    output does not keep is warned about before it is written.
    """
    import govdoc
    from govdoc.checker import check
    from govdoc.errors import OutputExistsError
    from govdoc.parse import ParseError, parse_docx
    from govdoc.saving import write_atomic

    src = Path(source)
    out = Path(output)
    if out.exists() and src.resolve() == out.resolve():
        raise FixError(f"{out}: the output must not overwrite the input")
    if not overwrite and os.path.lexists(out):
        raise OutputExistsError(f"{out} already exists; pass --overwrite to replace it")
    before = check(src, render=render)
    data = src.read_bytes()
    if not before.findings:
        write_atomic(out, data, overwrite=overwrite)
        return FixResult(str(src), out, before, _named(before, str(out)), unchanged=True,
                         reason=NOTHING_TO_FIX)
    try:
        parsed = parse_docx(src)
    except ParseError as exc:
        raise FixError(f"{src}: 无法导入: cannot be imported ({exc})") from None
    with warnings.catch_warnings(), seals_carried(src, parsed) as (report, parse_warnings):
        warnings.simplefilter("ignore", GovdocWarning)  # about the import's guesses, below
        candidate = govdoc.render(report).to_bytes()
    after = _named(check(candidate, render=render), str(out))
    worse = _worse(before, after)
    if worse:
        write_atomic(out, data, overwrite=overwrite)
        reason = ("重排会增加问题，未改动 (not re-formatted): it would add findings of "
                  f"{', '.join(worse)}; the output is an identical copy")
        return FixResult(str(src), out, before, _named(before, str(out)), unchanged=True,
                         reason=reason)
    notes = [f"{src}: {w}" for w in parse_warnings]
    notes += [f"{src}: {w}" for w in carried_over(data, candidate)]
    for note in notes:
        warnings.warn(note, GovdocWarning, stacklevel=2)
    write_atomic(out, candidate, overwrite=overwrite)
    return FixResult(str(src), out, before, after, warnings=notes)


def _named(result: CheckResult, name: str) -> CheckResult:
    return replace(result, source=name)


def _worse(before: CheckResult, after: CheckResult) -> list[str]:
    """Rules with more findings after than before."""
    was = Counter(f.rule for f in before.findings)
    now = Counter(f.rule for f in after.findings)
    return sorted(rule for rule, n in now.items() if n > was[rule])


# -- Seals ------------------------------------------------------------------------------------

_SEAL_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


@contextmanager
def seals_carried(source: str | os.PathLike[str] | IO[bytes], result: ParseResult
                  ) -> Iterator[tuple[Report, list[ParseWarning]]]:
    """The imported report with the draft's seals carried over, and the import's warnings
    less those about the pictures that became seals; valid within the ``with`` block
    (the seal images are files in a temporary folder until it ends).

    A draft's seals are the pictures floating over its 署名 and 成文日期, one per issuer
    (PNG or JPEG). When they cannot be told apart so (none, too many, another format),
    nothing is carried over and every picture stays reported.
    """
    from govdoc.model import DocFormat, Seal
    from govdoc.parse import Kind
    from govdoc.parse.word import read_docx

    report = result.report
    at = {e.line for e in result.elements if e.kind in (Kind.SIGNATURE, Kind.DATE)}
    _, _, pictures = read_docx(source)
    seals = [p for p in pictures if p.floating and p.line in at]
    if (not report.sealed or report.seal is not None or report.signers or not seals
            or report.layout_format is DocFormat.ORDER  # a 命令 takes a 签名章, not a seal
            or len(seals) != len(report.issuers)
            or not all(p.image.startswith(_SEAL_MAGIC) for p in seals)):
        yield report, list(result.warnings)
        return
    with tempfile.TemporaryDirectory(prefix="govdoc-seals-") as tmp:
        paths = []
        for n, picture in enumerate(seals, 1):
            suffix = ".png" if picture.image.startswith(_SEAL_MAGIC[0]) else ".jpg"
            path = Path(tmp) / f"seal-{n}{suffix}"
            path.write_bytes(picture.image)
            paths.append(path)
        try:
            images = [Seal(image=p) for p in paths]
        except ValidationError:  # a damaged image: left reported
            yield report, list(result.warnings)
            return
        carried = report.model_copy(update={"seal": images[0] if len(images) == 1 else images})
        lines = {p.line for p in seals}
        left = [w for w in result.warnings if not (w.line in lines and "图片" in w.message)]
        unreported = len(result.warnings) - len(left) - len(seals)
        if unreported > 0:  # other pictures there too: keep every warning, to be safe
            left = list(result.warnings)
        yield carried, left


# -- What a re-formatted document keeps -----------------------------------------------------

_QUOTES = str.maketrans({c: '"' for c in "“”„‟\"'‘’"})


def _plain(text: str) -> str:
    """``text`` for comparing words: compatibility forms folded (full-width punctuation is
    ASCII), quotes alike, no white space."""
    return "".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split())


def _document_lines(data: bytes, *, ours: bool = False) -> list[tuple[int, list[str]]]:
    """Each non-empty line of a .docx (a table: its cells) as (number, plain chunks).
    A document govdoc made (``ours``) is read without the limits put on drafts."""
    import io

    from docx import Document as open_docx

    from govdoc.parse.word import document_lines, docx_lines

    lines, _ = (document_lines(open_docx(io.BytesIO(data))) if ours
                else docx_lines(io.BytesIO(data)))
    out = []
    for line in lines:
        texts = ([c for row in line.table.rows for c in row] if line.table is not None
                 else [line.text])
        chunks = [_plain(c) for t in texts for c in t.split() if _plain(c)]
        if chunks:
            out.append((line.number, chunks))
    return out


def carried_over(source: bytes, output: bytes) -> list[str]:
    """What the .docx ``output`` (made by govdoc) does not keep of the .docx ``source``,
    one line each: a paragraph whose words are not found in it, or that is joined with
    the one before. Both are read in order, so the time grows with their length.

    (What the importer cannot read at all — pictures, notes — it reports itself.)
    """
    kept = _document_lines(output, ours=True)
    text = "".join(c for _, chunks in kept for c in chunks)
    where_kept = ["".join(chunks) for _, chunks in kept]
    notes: list[str] = []
    last = -1
    cursor = 0
    for number, chunks in _document_lines(source):
        missing = []
        for c in chunks:
            at = text.find(c, cursor)
            if at < 0:
                at = text.find(c)  # out of order (a 版记 line, say), or not there
            if at < 0:
                missing.append(c)
            else:
                cursor = at
        if missing:
            notes.append(f"paragraph {number}: 文字未见于输出: “{_short(' '.join(missing))}” is "
                         "not in the output")
            continue
        whole = "".join(chunks)
        if last + 1 < len(where_kept) and whole in where_kept[last + 1]:
            last += 1  # the next line of the output, as expected
        elif last >= 0 and whole in where_kept[last]:
            notes.append(f"paragraph {number}: 与上一段合为一段: “{_short(whole)}” is joined "
                         "with the paragraph before it")
        else:
            k = next((i for i in range(last + 2, min(last + 2 + _LOOK_AHEAD, len(where_kept)))
                      if whole in where_kept[i]), None)
            if k is not None:  # else its words are there, spread over lines (a table)
                last = k
    return notes


_LOOK_AHEAD = 50
"""How many lines of the output past the expected one a paragraph is looked for in."""


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"

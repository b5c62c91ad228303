"""The draft corpus (tests/drafts): each draft, what its sidecar expects, and what the
importer found, part by part.

Shared by tests/test_corpus_drafts.py and tests/corpus_scores.py (which prints the
per-part precision and recall over the corpus). A part's value is compared as text
without whitespace, so that a list (主送, 署名, 抄送) written as one entry in the sidecar
and split by the importer compares equal.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from govdoc.model import Report
from govdoc.parse import ParseError, ParseResult, parse_text

# GOVDOC_CORPUS_DIR: another folder of drafts with sidecars (corpus_scores.py --dir).
DRAFTS_DIR = Path(os.environ.get("GOVDOC_CORPUS_DIR") or Path(__file__).parent / "drafts")
DRAFTS = sorted(DRAFTS_DIR.glob("*.txt"))
NAMES = [d.stem for d in DRAFTS]
PARTS = ("title", "number", "recipients", "issuer", "date", "attachments", "cc", "printer",
         "note", "metadata")


@functools.cache
def expected(name: str) -> dict:
    return yaml.safe_load((DRAFTS_DIR / f"{name}.yaml").read_text("utf-8"))


@functools.cache
def source(name: str) -> str:
    return (DRAFTS_DIR / f"{name}.txt").read_text("utf-8")


@dataclass(frozen=True)
class Outcome:
    """What parsing a draft gave: the result, or the error."""

    result: ParseResult | None
    error: ParseError | None


@functools.cache
def outcome(name: str) -> Outcome:
    try:
        return Outcome(parse_text(source(name), default_date=expected(name).get("default_date")),
                       None)
    except ParseError as exc:
        return Outcome(None, exc)


def _text(value: object) -> str | None:
    """A part's value as comparable text (None when absent)."""
    if value is None or value == [] or value == "":
        return None
    if isinstance(value, (list, tuple)):
        return "|".join(_squeeze(str(v)) for v in value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return _squeeze(str(value))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("、", "").replace("，", "").replace(",", "")


def expected_parts(name: str) -> dict[str, str | None]:
    """The parts the sidecar names, as comparable text."""
    want = expected(name)
    number = want.get("number") or (want.get("header") or {}).get("number")
    imprint = want.get("imprint") or {}
    attachments = [a["title"] for a in want.get("attachments") or []]
    printer = None
    if imprint.get("printer") or imprint.get("date"):
        printer = f"{imprint.get('printer')}@{imprint.get('date')}"
    issuer = want.get("issuer")
    return {
        "title": _text(want.get("title")),
        "number": _text(number),
        "recipients": _text("".join(want.get("recipients") or [])),
        "issuer": _text("".join(issuer) if isinstance(issuer, list) else issuer),
        "date": _text(want.get("date")),
        "attachments": _text(attachments),
        "cc": _text("".join(imprint.get("cc") or [])),
        "printer": _text(printer),
        "note": _text(want.get("note")),
        "metadata": _text([str(n) for n in want.get("metadata") or []]),
    }


def found_parts(name: str) -> dict[str, str | None]:
    """The parts the importer found, as comparable text."""
    got = outcome(name).result
    assert got is not None
    report: Report = got.report
    imprint = report.imprint
    number = (report.header.number or report.header.order_number) if report.header else None
    metadata = [str(e.line) for e in got.elements if e.tag == "metadata"]
    issuer = report.issuer
    return {
        "title": _text(report.title),
        "number": _text(number),
        "recipients": _text("".join(report.recipients)),
        "issuer": _text("".join(issuer) if isinstance(issuer, list) else issuer),
        "date": _text(report.date),
        "attachments": _text([a.title for a in report.attachments]),
        "cc": _text("".join(imprint.cc) if imprint else None),
        "printer": _text(f"{imprint.printer}@{imprint.date}"
                         if imprint and (imprint.printer or imprint.date) else None),
        "note": _text(report.note.strip("（）") if report.note else None),
        "metadata": _text(metadata),
    }


@dataclass
class Score:
    """Counts for one part over the corpus."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def scores(names: list[str] | None = None) -> tuple[dict[str, Score], list[tuple[str, str, str | None, str | None]]]:
    """Per-part scores over the drafts that build, and every mismatch
    (draft, part, expected, found). A found value that differs from the expected one
    counts as a false positive and a false negative."""
    out = {part: Score() for part in PARTS}
    misses = []
    for name in names or NAMES:
        if expected(name).get("outcome") == "error" or outcome(name).result is None:
            continue
        want, got = expected_parts(name), found_parts(name)
        for part in PARTS:
            w, g = want[part], got[part]
            s = out[part]
            if w is not None and g == w:
                s.tp += 1
                continue
            if g is not None:
                s.fp += 1
            if w is not None:
                s.fn += 1
            if w != g:
                misses.append((name, part, w, g))
    return out, misses


# -- Every character in order ---------------------------------------------------------------

def comparable(text: str) -> str:
    """``text`` without whitespace and punctuation (normalisation aside), full-width digits
    and letters made half-width."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not c.isspace()
                   and not unicodedata.category(c).startswith(("P", "S")))


def subsequence_gap(needle: str, haystack: str) -> str | None:
    """None when ``needle`` is a subsequence of ``haystack``; else the first ~20
    characters of ``needle`` from where it stops matching."""
    k = 0
    for c in haystack:
        if k < len(needle) and c == needle[k]:
            k += 1
    return None if k == len(needle) else needle[k:k + 20]

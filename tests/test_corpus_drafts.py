"""Every draft of the corpus (tests/drafts, sidecar keys in tests/drafts/README.md):

- ``govdoc build`` exits 0, or, for a draft holding wrong data (``outcome: error``), exits 1
  with one line naming the file, the input line and the field, and writes no file;
- every character of the draft reaches the .docx, in order (whitespace and punctuation
  aside; the parts govdoc writes itself — heading numbers, the labels 附件：/抄送：, the
  date — are compared in govdoc's form; a website's metadata lines are in the document
  properties);
- the parts the sidecar names are found (title, 发文字号, 主送, 署名, date, 附件, 版记, 附注,
  metadata), and each part the draft lacks is warned about once, naming it;
- the checker's element finder, run on the rendered document, finds the parts the
  importer found.

Cost: about 15 s for the module over 61 drafts (parsing, rendering, the static checker;
no LibreOffice). Per-part precision and recall: ``python tests/corpus_scores.py``.
"""

from __future__ import annotations

import io
import re

import pytest
from docx import Document as open_docx

import govdoc
from govdoc import grammar
from govdoc.checker.elements import find_elements
from govdoc.checker.resolve import load
from govdoc.cli import main
from govdoc.grammar import Part
from govdoc.parse import extract_text
from govdoc.text.dates import format_date

from corpus import (NAMES, PARTS, comparable, expected, expected_parts, found_parts, outcome,
                    source)

OK = [n for n in NAMES if expected(n).get("outcome", "ok") != "error"]
ERRORS = [n for n in NAMES if expected(n).get("outcome") == "error"]


def test_the_corpus_has_forty_drafts_of_every_kind():
    assert len(NAMES) >= 40
    kinds = {expected(n)["kind"] for n in NAMES}
    assert {"决议", "决定", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
            "议案", "函", "纪要"} <= kinds
    assert {"令", "命令"} & kinds
    assert len(ERRORS) >= 3


# -- Exit status ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_build_exits_0_or_1_with_one_line_for_wrong_data(name, tmp_path, capsys):
    draft = tmp_path / f"{name}.txt"
    draft.write_text(source(name), encoding="utf-8")
    out = tmp_path / f"{name}.docx"
    status = main(["build", str(draft), "-o", str(out)])
    err = capsys.readouterr().err
    want = expected(name)
    if want.get("outcome") == "error":
        assert status == 1 and not out.exists()
        lines = err.strip().splitlines()
        assert len(lines) == 1, lines
        assert f"{draft}: line {want['error_line']}: {want['error_field']}" in lines[0]
    else:
        assert status == 0, err
        assert out.exists()


@pytest.mark.parametrize("name", ERRORS)
def test_wrong_data_is_a_parse_error_naming_line_and_field(name):
    error = outcome(name).error
    assert error is not None
    assert (error.line, error.field) == (expected(name)["error_line"], expected(name)["error_field"])


# -- Nothing lost, in order -----------------------------------------------------------------

def pieces(line: str, tag: str, report: govdoc.Report) -> list[str]:
    """The words of a draft line as govdoc writes them (labels it writes itself left out)."""
    if tag in ("attachment_label", "metadata"):
        return []
    if tag == "date":
        reading = grammar.read_date(line)
        return [format_date(reading.date)] if reading and reading.date else [line]
    if tag.startswith("heading"):
        label = grammar.heading_label(line)
        return [label.title] if label else [line]
    if tag == "doc_number":
        number = grammar.doc_number(grammar.note(line) or line)
        if number is None:
            return [line]
        rest = grammar.signers_part(number.rest)
        return [number.number] + (rest[1] if rest else grammar.names(number.rest))
    if tag == "signers":
        found = grammar.signers_part(line)
        return found[1] if found else grammar.names(line)
    if tag == "attachment_note":
        rest = grammar.attachment_note(line)
        text = rest if rest is not None else line
        item = grammar.attachment_item(text)
        return [item[1] if item else text] if (item[1] if item else text) else []
    if tag == "cc":
        listing = grammar.imprint_listing(line)
        return listing.names if listing else [line]
    if tag == "printer":
        found = grammar.printed(line)
        if found is None:
            return [line]
        date = report.imprint.date if report.imprint else None
        return [found.printer] + ([format_date(date)] if date else [])
    if tag in ("signature", "mark"):
        return grammar.split_on_gaps(line)
    if tag == "table":
        return [c for c in line.strip("|").split("|")]
    return [line]


def docx_text(data: bytes) -> tuple[str, str]:
    """(the document's text in reading order, the document properties' title and comments)."""
    text = extract_text(io.BytesIO(data))
    props = open_docx(io.BytesIO(data)).core_properties
    return comparable(text), comparable((props.title or "") + (props.comments or ""))


@pytest.mark.parametrize("name", OK)
def test_every_character_reaches_the_docx_in_order(name):
    result = outcome(name).result
    assert result is not None
    data = govdoc.render(result.report).to_bytes()
    page, properties = docx_text(data)
    tags = {e.line: e.tag for e in result.elements}
    # Lines the importer moved, with a warning saying so, are looked for anywhere.
    moved = {w.line for w in result.warnings if w.line and re.search(r"移|作附件|作正文|合为", w.message)}
    # Lines kept in the document properties: a website's metadata, a 题注, a repeated
    # title, and the title of a 命令 (which prints none, 10.2).
    aside = {comparable(m) for m in result.report.metadata}
    order = result.report.layout_format.value == "order"
    cursor = 0
    checked = 0
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", source(name)), 1):
        line = raw.strip(" \t\u3000\u00a0")
        if not line or re.fullmatch(r"\|[\s:|-]+\|", line):
            continue
        tag = tags.get(number, "table" if line.startswith("|") else "paragraph")
        if tag == "metadata" or comparable(line) in aside or order and tag == "title":
            assert comparable(line) in properties, (number, line)
            continue
        for piece in pieces(line, tag, result.report):
            want = comparable(piece)
            if not want:
                continue
            # 签发人 on the 发文字号's line: the last stands on it, the others above (7.2.6).
            anywhere = number in moved or tag == "doc_number" and piece != pieces(line, tag,
                                                                                   result.report)[0]
            at = page.find(want, 0 if anywhere else cursor)
            assert at >= 0, (number, piece, "not in order" if want in page else "missing")
            if not anywhere:
                cursor = at + len(want)
            checked += 1
    assert checked >= 5


# -- The parts, as the sidecar names them ---------------------------------------------------

@pytest.mark.parametrize("name", OK)
@pytest.mark.parametrize("part", PARTS)
def test_the_part_is_found_as_expected(name, part):
    assert found_parts(name)[part] == expected_parts(name)[part]


@pytest.mark.parametrize("name", OK)
def test_the_kind_is_taken_as_expected(name):
    result = outcome(name).result
    assert result is not None
    if expected(name)["kind"] is None:  # none can be told: the guess is warned about
        assert any("文种" in w.message for w in result.warnings)
    else:
        assert result.report.kind.value == expected(name)["kind"]


_MISSING = {"title": Part.TITLE, "recipients": Part.RECIPIENTS, "issuer": Part.SIGNATURE,
            "date": Part.DATE}


@pytest.mark.parametrize("name", [n for n in OK if "missing" in expected(n)])
def test_each_missing_part_is_warned_once(name):
    result = outcome(name).result
    assert result is not None
    warned = [w.missing for w in result.warnings if w.missing is not None]
    assert sorted(p.value for p in warned) == sorted(_MISSING[m].value
                                                     for m in expected(name)["missing"])


@pytest.mark.parametrize("name", [n for n in OK if "lines" in expected(n)])
def test_every_line_is_taken_for_what_the_sidecar_says(name):
    result = outcome(name).result
    assert result is not None
    assert [e.tag for e in result.elements] == expected(name)["lines"]


# -- The checker finds what the importer found ------------------------------------------------

_AGREE = (Part.TITLE, Part.RECIPIENTS, Part.SIGNATURE, Part.DATE, Part.ATTACHMENT_NOTE,
          Part.NOTE, Part.CC, Part.PRINTER, Part.DOC_NUMBER)


def importer_parts(report: govdoc.Report) -> dict[Part, bool]:
    return {
        Part.TITLE: bool(report.title) and report.layout_format.value != "order",
        Part.RECIPIENTS: bool(report.recipients),
        Part.SIGNATURE: bool(report.issuers or report.signers),
        Part.DATE: report.date is not None,
        Part.ATTACHMENT_NOTE: bool(report.attachments),
        Part.NOTE: report.note is not None,
        Part.CC: bool(report.imprint and report.imprint.cc),
        Part.PRINTER: bool(report.imprint and (report.imprint.printer or report.imprint.date)),
        Part.DOC_NUMBER: bool(report.header and (report.header.number or report.header.order_number)),
    }


@pytest.mark.parametrize("name", OK)
def test_the_checker_finds_the_parts_the_importer_found(name):
    result = outcome(name).result
    assert result is not None
    data = govdoc.render(result.report).to_bytes()
    layout = find_elements(load(io.BytesIO(data)))
    found = {part: bool(layout.of(part)) for part in _AGREE}
    assert found == importer_parts(result.report)


# -- The checker has nothing to say about what the importer decided -------------------------------

# Findings about the author's own words that may remain (the importer keeps them as written):
AUTHORS_OWN = {
    "T1": "straight quotes typed in the draft (normalisation changes ASCII , ; : ? ! ( ) only)",
    "B3": "a title the author wrote without a 文种",
}


@pytest.mark.parametrize("name", OK)
def test_check_finds_nothing_the_importer_decided(name):
    from govdoc.checker import check

    result = outcome(name).result
    assert result is not None
    data = govdoc.render(result.report).to_bytes()
    findings = check(io.BytesIO(data)).findings
    assert {f.rule for f in findings} <= set(AUTHORS_OWN), [(f.rule, f.message) for f in findings]
    for f in findings:  # each is about words the draft holds as written
        assert comparable(f.excerpt or "")[:6] in comparable(source(name)), (f.rule, f.excerpt)

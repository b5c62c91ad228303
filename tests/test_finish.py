"""The finishing pass: single-character last lines, pulled up within 0.1 pt or reported."""

import datetime

from govdoc import Report, render, spec
from govdoc.finish import finish, paragraph_lines, single_character_last_line
from govdoc.layout import Block, Run
from govdoc.styles import Role
from govdoc.text.linebreak import LIBREOFFICE, WORD

from ooxml import order_violations, read_part
from orphans import paragraphs_ending_in_one_character

FIXABLE = paragraphs_ending_in_one_character(1, fixable=True)[0]
# Chinese characters only: every line is full, and 0.1 pt cannot make room for a 29th.
PLAIN = "法" * (26 + 28) + "治。"


def block(text: str) -> Block:
    return Block(Role.BODY, (Run(text),))


def test_what_counts_as_a_single_character_last_line():
    assert single_character_last_line(["法" * 28, "定。"])
    assert single_character_last_line(["法" * 28, "定"])
    assert not single_character_last_line(["法" * 28, "稳定。"])
    assert not single_character_last_line(["定。"])


def test_plain_chinese_paragraphs_are_reported_and_left_alone():
    blocks, notes = finish([block(PLAIN)])
    assert blocks == [block(PLAIN)]
    (note,) = notes
    assert note.before == note.after == ("Word", "LibreOffice")
    assert note.spacing_pt is None and not note.fixed


def test_a_paragraph_with_room_to_spare_is_tightened_by_at_most_a_tenth_of_a_point():
    assert single_character_last_line(paragraph_lines(block(FIXABLE), LIBREOFFICE))
    (out,), (note,) = finish([block(FIXABLE)])
    assert note.before == ("LibreOffice",) and note.after == () and note.fixed
    assert spec.CHAR_SQUEEZE.value - spec.FINISH_MAX_TIGHTEN.value <= note.spacing_pt < spec.CHAR_SQUEEZE.value
    assert out.char_spacing_tw == spec.pt_to_twips(note.spacing_pt)
    assert out.text == FIXABLE  # the words are untouched
    for engine in (WORD, LIBREOFFICE):
        assert not single_character_last_line(paragraph_lines(out, engine))


def test_other_blocks_pass_through_untouched():
    title = Block(Role.TITLE, (Run("法" * 30 + "治"),))
    blocks, notes = finish([title, block("短段落。")])
    assert blocks == [title, block("短段落。")] and notes == []


def test_render_reports_and_writes_the_spacing_on_every_run():
    report = Report(title="关于测试的报告", body=[FIXABLE, PLAIN], issuer="某某局",
                    date=datetime.date(2024, 1, 1))
    assert render(report).finish_report is None
    doc = render(report, finish=True)
    fixed, left = doc.finish_report
    assert (fixed.paragraph, fixed.fixed, left.paragraph, left.fixed) == (1, True, 2, False)
    xml = read_part(doc.to_bytes(), "word/document.xml").decode()
    assert xml.count(f'<w:spacing w:val="{spec.pt_to_twips(fixed.spacing_pt)}"/>') == 1
    assert order_violations(read_part(doc.to_bytes(), "word/document.xml")) == []
    assert [p.text for p in doc.paragraphs][1:3] == [FIXABLE, PLAIN]

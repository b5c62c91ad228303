"""The line-breaking predictor: 28 cells a line, 避头尾, and how Word and LibreOffice differ."""

from govdoc import spec
from govdoc.text.linebreak import LIBREOFFICE, WORD, advances, break_lines


def test_a_line_holds_28_chinese_characters_and_the_first_26():
    text = "法" * 26 + "治" * 28 + "政" * 5
    for engine in (WORD, LIBREOFFICE):
        assert break_lines(text, engine=engine) == ["法" * 26, "治" * 28, "政" * 5]


def test_a_closing_mark_pulls_the_character_before_it_down():
    text = "法" * 25 + "治，" + "政府" * 5
    for engine in (WORD, LIBREOFFICE):
        lines = break_lines(text, engine=engine)
        assert lines[0] == "法" * 25 and lines[1].startswith("治，")


def test_an_opening_mark_never_ends_a_line():
    text = "法" * 25 + "《治理》" + "政府" * 5
    for engine in (WORD, LIBREOFFICE):
        assert break_lines(text, engine=engine)[1].startswith("《")


def test_a_number_is_never_split():
    text = "法" * 24 + "20231231" + "政府" * 5
    for engine in (WORD, LIBREOFFICE):
        assert all("2023" not in line or "20231231" in line for line in break_lines(text, engine=engine))


def test_libreoffice_spaces_chinese_from_digits_and_word_does_not():
    # 现将2023年: in LibreOffice 将 loses its squeeze and gains 0.2 em, 3 likewise.
    word, lo = advances("将2023年", engine=WORD), advances("将2023年", engine=LIBREOFFICE)
    assert word == [15.75, 7.75, 7.75, 7.75, 7.75, 15.75]
    assert lo == [16 + 3.2, 7.75, 7.75, 7.75, 8 + 3.2, 15.75]
    # So a line with a number holds one character more in Word than in LibreOffice.
    text = "法" * 20 + "现将2023年法治政府建设工作情况报告如下"
    assert len(break_lines(text, engine=WORD)[0]) == len(break_lines(text, engine=LIBREOFFICE)[0]) + 1


def test_tighter_spacing_fits_more_only_when_a_line_has_room_to_spare():
    plain = "法" * 200
    assert break_lines(plain, spacing=-0.35) == break_lines(plain)
    assert 29 * (spec.BODY_SIZE.value - 0.35) > spec.BLOCK_WIDTH_PT

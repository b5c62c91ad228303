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


# --- advances: the fast computation against its per-character definition -----------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from govdoc.text.metrics import advance_em, is_wide  # noqa: E402

_WEAK_MARKS = "“”‘’—…· "


def _defined_advances(text: str, size: float, spacing: float, engine) -> list[float]:
    """Character by character: the script of each (a weak mark takes the one before it,
    or at the start the first strong one's), then its advance, spacing and gap."""
    asian: list[bool] = []
    for i, ch in enumerate(text):
        if ch in _WEAK_MARKS:
            strong = next((c for c in text[i:] if c not in _WEAK_MARKS), "中")
            asian.append(asian[-1] if asian else is_wide(strong))
        else:
            asian.append(is_wide(ch))
    out = []
    for i, ch in enumerate(text):
        adv = advance_em(ch) * size
        change = i + 1 < len(text) and asian[i] != asian[i + 1]
        if not change or engine.spacing_before_script_change:
            adv += spacing
        ideograph = lambda c: "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"  # noqa: E731
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if change and engine.autospace_em and (
                (ideograph(ch) and nxt.isascii() and nxt.isalnum())
                or (ch.isascii() and ch.isalnum() and ideograph(nxt))):
            adv += engine.autospace_em * size
        out.append(adv)
    return out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="中文，。、“”‘’—…· abZ09%.-（）《》①\u3000\t😀ｱ", max_size=40))
def test_advances_follow_their_character_by_character_definition(text):
    for engine in (WORD, LIBREOFFICE):
        fast = advances(text, engine=engine)
        defined = _defined_advances(text, spec.BODY_SIZE.value, spec.CHAR_SQUEEZE.value, engine)
        assert len(fast) == len(defined)
        assert all(abs(a - b) < 1e-9 for a, b in zip(fast, defined)), (text, engine.name)

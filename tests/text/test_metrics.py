from govdoc import spec
from govdoc.text.metrics import text_width_pt


def test_a_chinese_character_is_one_cell_and_a_digit_half():
    cell = spec.BODY_SIZE.value + spec.CHAR_SQUEEZE.value
    assert text_width_pt("棣") == cell
    assert text_width_pt("1") == spec.BODY_SIZE.value / 2 + spec.CHAR_SQUEEZE.value
    assert text_width_pt("2024年1月18日") == 3 * cell + 7 * (8 + spec.CHAR_SQUEEZE.value)


def test_twenty_eight_cells_fill_the_text_block():
    width = text_width_pt("字" * spec.CHARS_PER_LINE.value)
    assert width <= spec.BLOCK_WIDTH_PT
    assert width + text_width_pt("字") > spec.BLOCK_WIDTH_PT

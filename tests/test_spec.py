from govdoc import spec


def test_page_and_margins_in_twips():
    assert (spec.PAGE_WIDTH_TW, spec.PAGE_HEIGHT_TW) == (11906, 16838)
    assert (spec.MARGIN_TOP_TW, spec.MARGIN_BOTTOM_TW) == (2098, 1984)
    assert (spec.MARGIN_LEFT_TW, spec.MARGIN_RIGHT_TW) == (1587, 1474)


def test_derived_grid_gives_22_lines_and_28_characters():
    assert spec.LINE_PITCH_TW == 579
    assert 22 * spec.LINE_PITCH_TW <= spec.mm_to_twips(spec.BLOCK_HEIGHT.value)
    assert 23 * spec.LINE_PITCH_TW > spec.mm_to_twips(spec.BLOCK_HEIGHT.value)
    assert spec.CHAR_SQUEEZE.value == -0.25
    assert 28 * spec.CHAR_PITCH <= spec.BLOCK_WIDTH_PT


def test_every_number_carries_clause_and_strength():
    specs = spec.all_specs()
    assert len(specs) > 30
    for name, s in specs.items():
        assert s.clause, name
        assert isinstance(s.strength, spec.Strength), name
    assert spec.MARGIN_TOP.strength is spec.Strength.REQUIRED
    assert spec.LINE_PITCH.strength is spec.Strength.PRACTICE

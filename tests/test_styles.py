"""The named styles: a setting is read through the basedOn chain as Word reads it."""

from __future__ import annotations

from govdoc import spec
from govdoc.styles import NORMAL, STYLES, Role, style_setting


def test_a_style_inherits_what_it_does_not_set():
    # 附件标题 is based on Title: its spacing after and its font come from there.
    assert STYLES[Role.ATTACHMENT_TITLE].after_lines == 0
    assert style_setting(Role.ATTACHMENT_TITLE, "after_lines") == spec.TITLE_LINES_AFTER.value
    assert style_setting(Role.ATTACHMENT_TITLE, "east_asia") == spec.FONT_XIAOBIAOSONG.value
    # Headings keep with the next paragraph themselves; the body does not.
    assert style_setting(Role.HEADING_2, "keep_next") is True
    assert not style_setting(Role.BODY, "keep_next")
    # Normal closes every chain.
    assert style_setting(Role.BODY, "line_tw") == NORMAL.line_tw == spec.LINE_PITCH_TW


def test_a_value_that_differs_from_the_default_is_set_even_when_false_like():
    # The title's squeeze of 0.0 is set (Normal's is −0.25 pt); 份号 is set flush (0).
    assert style_setting(Role.TITLE, "squeeze") == 0.0
    assert style_setting(Role.BODY, "squeeze") == spec.CHAR_SQUEEZE.value
    assert style_setting(Role.COPY_NUMBER, "first_line_chars") == 0
    assert style_setting(Role.SALUTATION, "first_line_chars") is None
    assert style_setting(Role.SPACER, "border_bottom") is None

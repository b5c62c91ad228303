import datetime

import pytest
from pydantic import ValidationError

from govdoc import DocKind, Paragraph, Report, Section


def make(**overrides):
    fields = dict(title="关于工作情况的报告", body=["正文。"], issuer="某某乡人民政府",
                  date=datetime.date(2024, 1, 18))
    fields.update(overrides)
    return Report(**fields)


def error_of(**overrides) -> tuple[tuple, str]:
    with pytest.raises(ValidationError) as info:
        make(**overrides)
    err = info.value.errors()[0]
    return err["loc"], err["msg"]


def test_defaults_are_a_sealed_report():
    r = make()
    assert r.kind is DocKind.报告 and r.sealed is True and r.recipients == []


def test_plain_strings_in_the_body_are_paragraphs():
    r = make(body=["甲。", Section(title="乙", body=["丙。"])])
    assert r.body[0] == Paragraph(text="甲。")
    assert isinstance(r.body[1], Section) and r.body[1].body[0] == Paragraph(text="丙。")


def test_a_single_recipient_may_be_a_string():
    assert make(recipients="县人民政府").recipients == ["县人民政府"]


def test_empty_title_names_the_field():
    loc, msg = error_of(title="  ")
    assert loc == ("title",) and "empty" in msg and "标题" in msg


def test_empty_section_names_its_place():
    with pytest.raises(ValidationError) as info:
        Section(title="空章节", body=[])
    assert info.value.errors()[0]["loc"] == ("body",)
    assert "no paragraphs" in info.value.errors()[0]["msg"]


def test_nesting_deeper_than_four_levels_is_refused():
    deep = Section(title="四", body=["文。"])
    for t in ("三", "二", "一"):
        deep = Section(title=t, body=[deep])
    make(body=[deep])  # four levels are fine
    loc, msg = error_of(body=[Section(title="零", body=[deep])])
    assert loc == ("body",)
    assert "deeper than 4 levels" in msg and "body[0].body[0].body[0].body[0].body[0]" in msg


def test_a_date_that_is_not_a_date():
    loc, msg = error_of(date="yesterday")
    assert loc == ("date",) and "date" in msg
    loc, _ = error_of(date="2024-02-30")
    assert loc == ("date",)


def test_iso_date_strings_are_accepted():
    assert make(date="2024-01-18").date == datetime.date(2024, 1, 18)


def test_run_in_section_must_start_with_a_paragraph():
    with pytest.raises(ValidationError) as info:
        Section(title="甲。", run_in=True, body=[Section(title="乙", body=["丙。"])])
    assert "run-in" in str(info.value)


def test_control_characters_are_refused_with_their_position():
    loc, msg = error_of(body=["正文\x0b内容"])
    assert loc[0] == "body" and "U+000B" in msg and "position 3" in msg


def test_line_breaks_inside_a_paragraph_are_refused_but_allowed_in_titles():
    loc, msg = error_of(body=["第一行\n第二行"])
    assert "line break" in msg
    assert make(title="关于某某事项\n的报告").title == "关于某某事项\n的报告"


def test_unknown_fields_are_refused():
    loc, msg = error_of(titel="x")
    assert loc == ("titel",)


def test_kind_accepts_the_fifteen_kinds():
    assert len({k.value for k in DocKind}) == 16  # 命令 and 令 are one kind, two names
    assert make(kind="通知").kind is DocKind.通知
    loc, _ = error_of(kind="总结")
    assert loc == ("kind",)


def test_a_recipient_with_a_control_character_is_named_by_its_index():
    loc, msg = error_of(recipients=["县人民政府", "县\x1f财政局"])
    assert loc == ("recipients", 1) and "U+001F" in msg and "position 2" in msg


@pytest.mark.parametrize("char, kind", [
    ("\x00", "a control character"), ("\x0c", "a control character"),
    ("\ud83d", "a lone surrogate"), ("\uffff", "a noncharacter"),
])
def test_every_text_field_refuses_what_xml_cannot_hold(char, kind):
    fields = {
        ("title",): dict(title=f"标题{char}"),
        ("issuer",): dict(issuer=f"某某{char}"),
        ("recipients", 0): dict(recipients=[f"县{char}"]),
        ("body", 0, "text"): dict(body=[f"正文{char}"]),
        ("body", 0, "section", "title"): dict(body=[{"title": f"章{char}", "body": ["文。"]}]),
    }
    for want, overrides in fields.items():
        loc, msg = error_of(**overrides)
        assert loc == want and kind in msg and f"U+{ord(char):04X}" in msg, (want, msg)

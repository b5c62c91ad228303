import datetime
import subprocess
import sys

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


# -- 版头, 附件, 表格, 版记 ------------------------------------------------------------

from govdoc import Attachment, Header, Imprint, Table  # noqa: E402


@pytest.mark.parametrize("number, problem", [
    ("棣政发〔2024〕05号", "leading zeros"),
    ("棣政发[2024]5号", "〔 〕"),
    ("棣政发（2024）5号", "〔 〕"),
    ("棣政发〔2024〕第5号", "no 第"),
    ("棣政发2024年5号", "expected code〔year〕serial号"),
])
def test_document_numbers_are_checked(number, problem):
    with pytest.raises(ValidationError) as info:
        Header(organs=["棣棠乡人民政府"], number=number)
    err = info.value.errors()[0]
    assert err["loc"] == ("number",) and problem in err["msg"]


def test_a_valid_header():
    h = Header(organs=["棣棠乡人民政府"], number="棣政发〔2024〕5号", copy_number="000001",
               secrecy="秘密★1年", urgency="特急")
    assert h.mark == "棣棠乡人民政府文件"


@pytest.mark.parametrize("field, value", [("copy_number", "00001"), ("secrecy", "内部"),
                                          ("urgency", "急"), ("organs", [])])
def test_header_fields_are_checked(field, value):
    with pytest.raises(ValidationError) as info:
        Header(**{"organs": ["棣棠乡人民政府"], field: value})
    assert info.value.errors()[0]["loc"][0] == field


def test_attachment_names_take_no_trailing_punctuation():
    with pytest.raises(ValidationError, match="without punctuation"):
        Attachment(title="工作方案。")


def test_tables_must_be_rectangular():
    with pytest.raises(ValidationError, match="row 2 has 1 cells"):
        Table(rows=[["甲", "乙"], ["丙"]])
    with pytest.raises(ValidationError, match="header_rows"):
        Table(rows=[["甲"]], header_rows=2)
    assert Table(rows=[["甲", ""]]).size == "4号"


def test_tables_are_body_items():
    r = make(body=[{"rows": [["甲", "乙"]]}, "段落。"])
    assert isinstance(r.body[0], Table)


def test_imprint_fields():
    imp = Imprint(cc=["县司法局"], printer="某某办公室", date="2024-01-18")
    assert imp.date == datetime.date(2024, 1, 18)
    with pytest.raises(ValidationError) as info:
        Imprint(printer=" ", date="2024-01-18")
    assert info.value.errors()[0]["loc"] == ("printer",)


def test_warnings_for_a_title_without_its_kind_and_a_report_that_asks_for_approval():
    assert make().warnings == []
    r = make(title="关于工作情况的汇报", body=["以上报告妥否，请批示。"])
    assert len(r.warnings) == 2
    assert "报告" in r.warnings[0] and "请示" in r.warnings[1]
    assert make(kind="通知", title="关于放假的通知").warnings == []


def test_a_command_keeps_its_title_out_of_print_and_says_so():
    r = make(kind="命令", title="关于任命的命令")
    assert r.warnings == ["命令不印标题: a 命令 prints no title line (10.2); the title "
                          "“关于任命的命令” is kept in the document properties (标题 property) only"]


def test_the_wording_rules_behind_the_doubts_and_the_checkers_b3_and_t5():
    from govdoc.text import wording

    assert wording.ends_with_kind("关于放假的通知", DocKind.通知)
    assert not wording.ends_with_kind("关于放假的通知", DocKind.报告)
    assert wording.ends_with_kind("关于放假的通知") and not wording.ends_with_kind("关于放假")
    assert wording.request_wording("以上报告妥否，请批示。") == "妥否，请批示"
    assert wording.request_wording("特此报告。") is None


def test_the_conveniences_work_when_only_the_model_is_imported():
    # govdoc/__init__.py names the functions above the model that carry them out
    # (govdoc.extensions); importing govdoc.model alone is enough to reach them.
    code = """if True:
        import datetime
        from govdoc.model import Report, Section
        r = Report(title="关于工作情况的报告", issuer="某某乡人民政府",
                   date=datetime.date(2024, 1, 18),
                   body=[Section(title="工作开展情况", body=["全年完成各项任务。"])])
        print(r.section(1).title)
        print(r.outline())
        print("govdoc-preview" in r._repr_html_())
        print(type(r.check()).__name__)
    """
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, encoding="utf-8").stdout.splitlines()
    assert out[0] == "工作开展情况"
    assert out[1:-2] == ["关于工作情况的报告", "    一、工作开展情况"]
    assert out[-2:] == ["True", "CheckResult"]


def test_a_convenience_nobody_provides_is_named_in_the_error():
    from govdoc import extensions

    with pytest.raises(LookupError, match="no_such_convenience"):
        extensions.call("no_such_convenience")
    with pytest.raises(ValueError, match="module:function"):
        extensions.provide("x", "govdoc.drafting.outline")


def test_title_shape_defaults_to_longest_line_first_and_is_checked():
    from govdoc import TitleShape

    assert make().title_shape is TitleShape.DESCENDING
    assert make(title_shape="菱形").title_shape is TitleShape.DIAMOND
    loc, msg = error_of(title_shape="圆形")
    assert loc == ("title_shape",) and "上长下短" in msg


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


def test_a_seal_image_with_too_many_pixels_is_refused_from_its_header(tmp_path):
    # Word and LibreOffice decode the whole image to print it: a 30000×30000 PNG took
    # 28 s and 1 GB. Its header alone tells the size.
    from hostile.make_corpus import png

    from govdoc import Seal

    from govdoc.model import MAX_SEAL_PIXELS

    assert MAX_SEAL_PIXELS == 4096 * 4096
    Seal(image=png(tmp_path / "ok.png", 4096, 4096))
    with pytest.raises(ValidationError, match="印章图片像素过多: the seal image .*big.png has "
                                              "30000×30000 pixels"):
        Seal(image=png(tmp_path / "big.png", 30000, 30000))


@pytest.mark.parametrize("keep", [12, 30, 60])
def test_a_truncated_seal_image_is_refused_as_damaged(tmp_path, keep):
    from hostile.make_corpus import png

    from govdoc import Seal

    data = png(tmp_path / "whole.png", 100, 100).read_bytes()
    (tmp_path / "cut.png").write_bytes(data[:keep])
    with pytest.raises(ValidationError, match="印章图片已损坏: the seal image .*cut.png is damaged"):
        Seal(image=tmp_path / "cut.png")

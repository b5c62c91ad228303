"""parse_text: each rule of reading a plain-text 公文, and robustness on any text."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdoc import Paragraph, Section, Table
from govdoc.parse import ParseError, parse_text

from draftcheck import squeezed

SIGN = "棣棠乡人民政府\n2024年3月5日"


def parse(body: str, head: str = "关于开展安全检查的通知\n各村（社区）：", sign: str = SIGN):
    return parse_text(f"{head}\n{body}\n{sign}")


def tags(result) -> list[str]:
    return [e.tag for e in result.elements]


def outline(blocks) -> list:
    out = []
    for b in blocks:
        if isinstance(b, Section):
            out.append((("+" if b.run_in else "") + b.title, outline(b.body)))
        elif isinstance(b, Paragraph):
            out.append(b.text)
        else:
            out.append("table")
    return out


# -- 发文字号 and 版头 -------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["棣政发〔2024〕5号", "棣政发[2024]5号", "棣政发【2024】5号",
                                     "棣政发［2024］5号", "棣政发 [ 2024 ] 5 号"])
def test_doc_number_brackets_become_hexagonal(written):
    result = parse(
        "现将有关事项通知如下。", head=f"棣棠乡人民政府文件\n{written}\n关于开展安全检查的通知\n各村：")
    assert result.report.header.number == "棣政发〔2024〕5号"
    assert result.report.header.organs == ["棣棠乡人民政府"]
    changed = written != "棣政发〔2024〕5号"
    assert any("六角括号" in str(w) for w in result.warnings) == changed


def test_doc_number_loses_di_and_leading_zeros_with_warnings():
    result = parse("正文。", head="棣棠乡人民政府文件\n棣政发〔2024〕第005号\n关于开展安全检查的通知")
    assert result.report.header.number == "棣政发〔2024〕5号"
    messages = " ".join(str(w) for w in result.warnings)
    assert "第" in messages and "虚位" in messages


def test_a_mark_without_wenjian_keeps_its_name_only():
    result = parse("正文。", head="棣棠乡人民政府\n棣政发〔2024〕5号\n关于开展安全检查的通知")
    assert result.report.header.organs == ["棣棠乡人民政府"]
    assert result.report.header.mark_suffix == ""


def test_header_lines_without_a_number():
    result = parse("正文。", head="000003\n秘密★1年\n加急\n棣棠乡人民政府文件\n关于开展安全检查的通知")
    h = result.report.header
    assert (h.copy_number, h.secrecy, h.urgency.value, h.number) == ("000003", "秘密★1年", "加急", None)
    assert tags(result)[:5] == ["copy_number", "secrecy", "urgency", "mark", "title"]


def test_signers_before_the_number_and_after_it():
    result = parse("正文。", head="棣棠乡人民政府文件\n签发人：张某某　李某某\n"
                               "棣政〔2024〕12号　王某某\n关于开展安全检查的请示")
    assert result.report.header.signers == ["张某某", "李某某", "王某某"]
    assert tags(result)[:4] == ["mark", "signers", "doc_number", "title"]


# -- 标题 and 主送 -----------------------------------------------------------------------------

def test_a_title_over_two_or_three_lines_is_joined():
    result = parse("正文。", head="棣棠乡人民政府\n关于开展2024年度\n安全生产大检查的通知\n各村：")
    assert result.report.title == "棣棠乡人民政府关于开展2024年度安全生产大检查的通知"
    assert tags(result)[:4] == ["title", "title", "title", "recipients"]
    assert "标题的3行合为一行" in str(result.warnings[0])


def test_a_title_that_ends_with_its_kind_takes_one_line():
    result = parse("补充说明一下情况。", head="关于开展安全检查的通知\n县应急管理局")
    assert result.report.title == "关于开展安全检查的通知"
    assert result.report.recipients == ["县应急管理局"]


@pytest.mark.parametrize("line, names, colon", [
    ("各村（社区）、乡属各单位：", ["各村（社区）", "乡属各单位"], True),
    ("县人民政府:", ["县人民政府"], True),
    ("各乡（镇）人民政府，县直各部门：", ["各乡（镇）人民政府，县直各部门"], True),
    ("县财政局、县审计局", ["县财政局", "县审计局"], False),
])
def test_recipients_with_or_without_their_colon(line, names, colon):
    result = parse("现将有关事项通知如下。", head=f"关于开展安全检查的通知\n{line}")
    assert result.report.recipients == names
    assert any("主送机关" in str(w) for w in result.warnings) == (not colon)


@pytest.mark.parametrize("line", ["现将有关事项通知如下：", "为做好安全生产工作，经研究决定："
                                  , "请各单位认真落实"])
def test_a_first_paragraph_is_not_taken_for_recipients(line):
    result = parse("具体事项另行通知。", head=f"关于开展安全检查的通知\n{line}")
    assert result.report.recipients == []
    assert result.report.body[0] == Paragraph(text=line)


# -- Headings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("label, level", [
    ("一、", 1), ("二、", 1), ("(一)", 2), ("（一）", 2), ("（ 一 ）", 2), ("1.", 3), ("1、", 3),
    ("1．", 3), ("(1)", 4), ("（1）", 4),
])
def test_heading_forms_full_and_half_width(label, level):
    # The heading is nested at its form's level under the forms above it.
    chain = {1: "", 2: "一、甲\n", 3: "一、甲\n（一）乙\n", 4: "一、甲\n（一）乙\n1.丙\n"}[level]
    result = parse(f"{chain}{label}检查范围\n全乡各类生产经营单位。")
    heading = [e for e in result.elements if e.tag.startswith("heading")][-1]
    assert heading.tag == f"heading{level}"
    section = result.report.body[0]
    for _ in range(level - 1):
        section = section.body[0]
    assert section.title == "检查范围"


def test_run_in_headings_at_every_level():
    result = parse("一、总体要求。坚持问题导向。\n（一）明确目标。年内完成。\n1.排查隐患。全面排查。\n"
                   "（1）建立台账。逐项登记。")
    assert outline(result.report.body) == [
        ("+总体要求。", ["坚持问题导向。",
                    ("+明确目标。", ["年内完成。",
                                ("+排查隐患。", ["全面排查。", ("+建立台账。", ["逐项登记。"])])])])]
    assert tags(result)[2:6] == ["heading1-run-in", "heading2-run-in", "heading3-run-in",
                                 "heading4-run-in"]


def test_yishi_erishi_and_dash_items_stay_paragraphs():
    body = "一是加强领导，二是落实责任。\n——坚持人民至上；\n——坚持生命至上。"
    result = parse(body)
    assert outline(result.report.body) == body.split("\n")


def test_numbers_out_of_order_are_renumbered_with_a_warning():
    result = parse("一、检查范围\n全乡。\n三、检查方式\n自查。")
    assert [s.title for s in result.report.body] == ["检查范围", "检查方式"]
    (warning,) = result.warnings
    assert warning.line == 5 and "应为“二、”" in warning.message


def test_a_skipped_level_is_set_at_its_depth_with_a_warning():
    result = parse("一、检查范围\n1.企业。生产经营单位。")
    assert outline(result.report.body) == [("检查范围", [("+企业。", ["生产经营单位。"])])]
    assert "在第2层，编为“（一）”" in str(result.warnings[0])


def test_numbered_lines_with_nothing_under_them_are_a_list_kept_as_written():
    result = parse("检查内容包括：\n1.消防设施；\n2.用电安全；\n3.应急预案。")
    assert outline(result.report.body) == ["检查内容包括：", "1.消防设施；", "2.用电安全；", "3.应急预案。"]
    assert "照原样保留" in str(result.warnings[0])


def test_closing_formula_and_concluding_paragraph_close_the_whole_text():
    result = parse("一、检查范围\n（一）企业。生产经营单位。\n总之，要高度重视。\n特此通知。")
    assert outline(result.report.body) == [
        ("检查范围", [("+企业。", ["生产经营单位。"])]), "总之，要高度重视。", "特此通知。"]
    assert tags(result)[-3:] == ["closing", "signature", "date"]
    assert "总之" in str(result.warnings[0])


def test_a_paragraph_after_a_run_in_section_continues_it():
    result = parse("（一）企业。生产经营单位。\n各单位要建立台账。")
    assert outline(result.report.body) == [("+企业。", ["生产经营单位。", "各单位要建立台账。"])]


# -- 附件说明, 署名, 成文日期, 附注, 版记 ------------------------------------------------------

def test_attachment_note_with_numbered_continuation_lines():
    result = parse("正文。\n附件：1.检查表\n2.隐患台账\n3.整改通知书")
    assert [a.title for a in result.report.attachments] == ["检查表", "隐患台账", "整改通知书"]
    assert tags(result).count("attachment_note") == 3


def test_several_issuers_and_a_signature_pushed_right():
    result = parse("正文。", sign="      中共棣棠乡委员会\n      棣棠乡人民政府\n      2024年3月5日")
    assert result.report.issuer == ["中共棣棠乡委员会", "棣棠乡人民政府"]  # 联合行文
    assert tags(result)[-3:] == ["signature", "signature", "date"]


@pytest.mark.parametrize("written, date", [
    ("二〇二三年十二月五日", datetime.date(2023, 12, 5)),
    ("二OO九年一月八日", datetime.date(2009, 1, 8)),
    ("二0一九年三月一日", datetime.date(2019, 3, 1)),
    ("2024年 3月 5日", datetime.date(2024, 3, 5)),
])
def test_dates_in_arabic_or_chinese_numerals(written, date):
    assert parse("正文。", sign=f"棣棠乡人民政府\n{written}").report.date == date


def test_a_date_missing_a_part_is_a_warning_not_a_crash():
    result = parse_text("关于开展安全检查的通知\n正文。\n棣棠乡人民政府\n202218",
                        default_date=datetime.date(2022, 1, 31))
    assert result.report.date == datetime.date(2022, 1, 31)
    assert result.report.body[-1] == Paragraph(text="202218")  # the line is kept
    messages = " ".join(str(w) for w in result.warnings)
    assert "缺少月或日" in messages and "2022年1月31日" in messages


def test_note_cc_and_printer():
    result = parse("正文。", sign=SIGN + "\n(联系人：张三)\n抄 送:县应急管理局，县公安局。\n"
                                        "抄报：县人民政府。\n棣棠乡党政办公室   2024年3月6日印发")
    report = result.report
    assert report.note == "联系人：张三"
    assert report.imprint.cc == ["县应急管理局", "县公安局", "县人民政府"]
    assert (report.imprint.printer, report.imprint.date) == ("棣棠乡党政办公室", datetime.date(2024, 3, 6))
    assert tags(result)[-4:] == ["note", "cc", "cc", "printer"]
    assert any("抄报" in str(w) for w in result.warnings)


def test_cc_without_a_printer_line_invents_none():
    # Issue 14: nothing invented — no 印发 line is made up from the 署名 and the date.
    result = parse("正文。", sign=SIGN + "\n抄送：县应急管理局。")
    assert result.report.imprint.cc == ["县应急管理局"]
    assert result.report.imprint.printer is None and result.report.imprint.date is None
    assert len(result.warnings) == 1 and "印发" in str(result.warnings[0])


def test_attachment_pages_after_the_date():
    result = parse("正文。\n附件：1.检查表\n2.台账", sign=SIGN + "\n附件1\n检查表\n| 项目 | 结果 |\n|---|---|\n"
                                                    "| 消防 | 合格 |\n附件2\n台账\n一、隐患\n全乡3处。")
    a, b = result.report.attachments
    assert a.body == [Table(rows=[["项目", "结果"], ["消防", "合格"]], header_rows=1)]
    assert outline(b.body) == [("隐患", ["全乡3处。"])]


def test_a_page_title_unlike_the_listed_name_is_kept_as_a_paragraph():
    result = parse("正文。\n附件：检查表", sign=SIGN + "\n附件\n安全检查记录表\n请如实填写。")
    (attachment,) = result.report.attachments
    assert attachment.title == "检查表"
    assert attachment.body[0] == Paragraph(text="安全检查记录表")
    assert any("附件说明" in str(w) for w in result.warnings)


# -- Sources, markup and failures --------------------------------------------------------------

def test_pipe_tables_and_a_ragged_one():
    result = parse("| a | b |\n| 1 | 2 |\n| x |")
    assert result.report.body == [Paragraph(text="| a | b |"), Paragraph(text="| 1 | 2 |"),
                                  Paragraph(text="| x |")]
    assert "表格无法识别" in str(result.warnings[0])
    cells = parse("| 序号 | 说明 |\n|---|---|\n| 1 | 甲\\|乙<br>丙 |").report.body[0]
    assert cells == Table(rows=[["序号", "说明"], ["1", "甲|乙\n丙"]], header_rows=1)


def test_markdown_markup_is_dropped_only_in_markdown_mode():
    text = "# 关于开展安全检查的通知\n各村：\n**一、检查范围**\n全乡。\n棣棠乡人民政府\n2024年3月5日"
    md = parse_text(text, markdown=True).report
    assert md.title == "关于开展安全检查的通知" and md.body[0].title == "检查范围"
    assert parse_text(text).report.title == "# 关于开展安全检查的通知"


def test_control_characters_are_removed_with_a_warning():
    result = parse("正文\x07。")
    assert result.report.body[0].text == "正文。"
    assert "U+0007" in str(result.warnings[0])


def test_an_empty_draft_is_an_error():
    with pytest.raises(ParseError, match="空"):
        parse_text(" \n\u3000\n")


def test_a_draft_without_signature_or_date_builds_with_one_warning_per_missing_part():
    # Issue 14 point 2: nothing refused for what it lacks, nothing invented.
    result = parse_text("关于开展安全检查的通知\n正文一。\n正文二。")
    assert result.report.issuer is None and result.report.date is None
    missing = [w.missing for w in result.warnings if w.missing is not None]
    assert sorted(m.value for m in missing) == ["date", "signature"]
    assert any("署名" in str(w) for w in result.warnings)
    assert any("成文日期" in str(w) for w in result.warnings)
    with pytest.raises(ParseError, match="署名|成文日期"):
        parse_text("关于开展安全检查的通知\n正文一。\n正文二。", strict=True)


# -- Never a line lost -------------------------------------------------------------------------

_CJK = st.text(alphabet="安全检查工作通知各村社区乡属单位要求落实责任开展排查整改隐患领导组织，、；：",
               min_size=1, max_size=30)
# Each draft line comes with the words of it that must reach the page.
_LINE = st.one_of(
    st.builds(lambda t: (t, [t]), _CJK),
    st.builds(lambda n, t: (f"{n}、{t}", [t]), st.sampled_from("一二三四五"), _CJK),
    st.builds(lambda n, t: (f"（{n}）{t}。{t}", [t + "。", t]), st.sampled_from("一二三"), _CJK),
    st.builds(lambda n, t: (f"{n}.{t}", [t]), st.integers(1, 9), _CJK),
    st.builds(lambda t: (f"——{t}", ["——" + t]), _CJK),
    st.sampled_from([("特此通知。", ["特此通知。"]), ("妥否，请批示。", ["妥否，请批示。"]),
                     ("附件：1.表一", ["表一"]), ("2.表二", ["表二"]),
                     ("（联系人：张三）", ["联系人：张三"]), ("2024年3月5日", []),
                     ("抄送：县局。", ["县局"]), ("202218", ["202218"]),
                     ("| 甲 | 乙 |", ["甲", "乙"]), ("棣棠乡人民政府", ["棣棠乡人民政府"])]),
)


def page_text(report) -> str:
    """Everything the layout puts on the page, as one string without spaces."""
    from govdoc.layout import ImprintBlock, JointMarkBlock, TableBlock, layout

    out = []
    for block in layout(report).items:
        if isinstance(block, TableBlock):
            out += [c for row in block.rows for c in row]
        elif isinstance(block, ImprintBlock):
            out += [b.text for row in block.rows for b in row]
        elif isinstance(block, JointMarkBlock):
            out += list(block.names)
        else:
            out.append(block.text)
    return squeezed("".join(out))


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=14))
def test_any_draft_keeps_every_line(items):
    lines = [line for line, _ in items]
    text = "关于开展安全检查的通知\n" + "\n".join(lines) + "\n棣棠乡人民政府\n2024年3月5日"
    try:
        result = parse_text(text, default_date=datetime.date(2024, 3, 5))
    except ParseError as exc:
        assert "正文" in str(exc)  # every line went to another part than the 正文
        return
    page = page_text(result.report)
    # An attachment name loses the punctuation at its end (7.3.4), with a warning.
    trimmed = {w.line for w in result.warnings if "删去附件名称后的标点" in w.message}
    for n, (line, words) in enumerate(items, 2):
        for word in words:
            if n in trimmed:
                word = word.rstrip("。，；：、")
            assert squeezed(word) in page, line


# -- Small draft-text faults (issue 16.6) ---------------------------------------------------------

def test_a_word_between_bars_is_no_one_cell_table():
    result = parse("|注意|\n正文。")
    assert result.report.body[0] == Paragraph(text="|注意|")


@pytest.mark.parametrize("separator", ["\u2028", "\u0085"])
def test_a_line_separator_inside_a_line_does_not_split_the_paragraph(separator):
    result = parse(f"第一句。{separator}第二句。")
    assert result.report.body == [Paragraph(text=f"第一句。{separator}第二句。")]


def test_two_bracketed_notes_after_the_date_keep_the_signature():
    result = parse_text("关于开展安全检查的通知\n正文。\n棣棠乡人民政府\n2024年3月5日\n"
                        "（此件公开发布）\n（联系人：张三，电话：1234567）")
    assert result.report.issuer == "棣棠乡人民政府"
    assert result.report.note == "（此件公开发布）（联系人：张三，电话：1234567）"


def test_a_request_without_its_addressee_is_warned_and_builds():
    result = parse_text("关于开展安全检查的请示\n正文。\n棣棠乡人民政府\n2024年3月5日")
    assert result.report.recipients == []
    assert [w.missing.value for w in result.warnings if w.missing] == ["recipients"]
    with pytest.raises(ParseError, match="主送"):
        parse_text("关于开展安全检查的请示\n正文。\n棣棠乡人民政府\n2024年3月5日", strict=True)


def test_no_title_line_when_the_draft_starts_with_its_number_and_addressee():
    # A web copy without its title: the 主送 must not become the title, and the kind is
    # read from the body's wording.
    result = parse_text("棣政发〔2024〕11号\n各乡（镇）人民政府，县直各单位：\n为加快发展，现提出如下意见：\n"
                        "一、发展目标\n到2025年建成基地。\n棣棠县人民政府\n2024年4月15日")
    assert result.report.title == "" and result.report.kind.value == "意见"
    assert result.report.recipients == ["各乡（镇）人民政府，县直各单位"]
    assert result.report.header.number == "棣政发〔2024〕11号"
    assert [w.missing.value for w in result.warnings if w.missing] == ["title"]


@pytest.mark.parametrize("line", ["请于____年__月__日前报送", "调用__init__方法", "共2**10条",
                                  "2**10 与 3**2 之比", "__重点__内容", "注意*号*"])
def test_markdown_keeps_underscores_and_asterisks_that_are_not_bold_marks(line):
    from govdoc.parse.plain import text_lines

    (read,), warnings = text_lines(line, markdown=True)
    assert read.text == line and not warnings


@pytest.mark.parametrize("line, text", [("这是**重点**内容", "这是重点内容"),
                                        ("**加强领导**。", "加强领导。"),
                                        ("一是 __压实责任__ 。", "一是 压实责任 。")])
def test_markdown_drops_clear_bold_marks(line, text):
    from govdoc.parse.plain import text_lines

    (read,), _ = text_lines(line, markdown=True)
    assert read.text == text


def test_signers_on_the_line_below_the_number_are_the_signers_not_the_title():
    # A web copy wraps 签发人 onto its own line under the 发文字号 (held-out draft H11).
    result = parse_text("鹤政请〔2025〕3号\n　　　　　　　　签发人：陈某某\n\n"
                        "鹤岭镇人民政府关于申请解决通村公路改造资金的请示\n\n县人民政府：\n"
                        "正文。\n鹤岭镇人民政府\n2025年3月4日")
    assert result.report.title == "鹤岭镇人民政府关于申请解决通村公路改造资金的请示"
    assert result.report.header.signers == ["陈某某"]
    assert result.report.header.number == "鹤政请〔2025〕3号"

import datetime

from govdoc import Report, Section, spec
from govdoc.layout import layout, sealed_lines_before, signature_blocks
from govdoc.styles import Role
from govdoc.text.metrics import text_width_twips


def report(**kw):
    fields = dict(title="关于工作情况的报告", body=["正文。"], issuer="棣棠乡人民政府",
                  date=datetime.date(2024, 1, 18))
    fields.update(kw)
    return Report(**fields)


def test_headings_are_numbered_by_position_at_each_level():
    body = [
        Section(title="甲", body=[
            Section(title="乙", body=[
                Section(title="丙", body=[Section(title="丁", body=["文。"]),
                                          Section(title="戊", body=["文。"])]),
            ]),
            Section(title="己", body=["文。"]),
        ]),
        "段落。",
        Section(title="庚", body=["文。"]),
    ]
    texts = [(b.role, b.text) for b in layout(report(body=body))]
    headings = [t for r, t in texts if r.value.startswith("heading")]
    assert headings == ["一、甲", "（一）乙", "1.丙", "（1）丁", "（2）戊", "（二）己", "二、庚"]


def test_run_in_heading_shares_the_first_paragraph():
    body = [Section(title="强化组织领导,完善体系。", run_in=True, body=["乡党委始终……", "第二段。"])]
    blocks = layout(report(body=body))
    first = blocks[1]
    assert first.role is Role.BODY
    assert [(r.text, r.role) for r in first.runs] == [
        ("一、强化组织领导，完善体系。", Role.RUN_IN_1), ("乡党委始终……", None)]
    assert blocks[2].text == "第二段。"


def test_title_recipients_body_signature_in_order():
    blocks = layout(report(recipients=["县人民政府", "县司法局"]))
    assert [b.role for b in blocks] == [Role.TITLE, Role.SALUTATION, Role.BODY,
                                        Role.SIGNATURE, Role.DATE]
    assert blocks[1].text == "县人民政府、县司法局："
    assert blocks[-1].text == "2024年1月18日"


def test_signature_keeps_with_the_last_body_paragraph():
    blocks = layout(report(body=["一。", "二。"]))
    assert [b.keep_next for b in blocks[1:3]] == [False, True]


def test_normalisation_can_be_switched_off():
    r = report(body=["甲,乙(丙)"])
    assert layout(r)[1].text == "甲，乙（丙）"
    assert layout(r, normalize=False)[1].text == "甲,乙(丙)"


def test_sealed_signature_is_centred_over_a_date_four_characters_in():
    sig, date = signature_blocks("棣棠乡人民政府", "2024年1月18日", sealed=True)
    assert date.right_indent_tw == 4 * spec.CHAR_TW
    sig_centre = sig.right_indent_tw + text_width_twips("棣棠乡人民政府") / 2
    date_centre = date.right_indent_tw + text_width_twips("2024年1月18日") / 2
    assert abs(sig_centre - date_centre) <= 1
    assert sig.lines_before == sealed_lines_before() == 2


def test_unsealed_signature_two_characters_in_and_date_two_characters_right_of_it():
    sig, date = signature_blocks("中共棣棠乡委员会办公室", "2024年1月18日", sealed=False)
    ch = spec.CHAR_TW
    assert sig.right_indent_tw == 2 * ch and sig.lines_before == 1
    sig_left = -(sig.right_indent_tw + text_width_twips("中共棣棠乡委员会办公室"))
    date_left = -(date.right_indent_tw + text_width_twips("2024年1月18日"))
    assert date_left - sig_left == 2 * ch


def test_unsealed_date_longer_than_signature():
    sig, date = signature_blocks("某局", "2024年12月18日", sealed=False)
    ch = spec.CHAR_TW
    assert date.right_indent_tw == 2 * ch
    sig_left = -(sig.right_indent_tw + text_width_twips("某局"))
    date_left = -(date.right_indent_tw + text_width_twips("2024年12月18日"))
    assert date_left - sig_left == 2 * ch


LONG_TITLE = "国务院办公厅关于部际联席会议审批程序等有关问题的通知"


def test_a_long_title_is_one_block_broken_between_words():
    from govdoc.text.title import break_title

    blocks = layout(report(title=LONG_TITLE))
    titles = [b for b in blocks if b.role is Role.TITLE]
    assert len(titles) == 1
    assert titles[0].text.split("\n") == break_title(LONG_TITLE) == [
        "国务院办公厅关于部际联席会议", "审批程序等有关问题的通知"]


def test_the_title_shape_reaches_the_layout():
    from govdoc import TitleShape

    lines = layout(report(title=LONG_TITLE, title_shape=TitleShape.DIAMOND))[0].text.split("\n")
    assert len(lines) >= 3


def test_the_authors_title_lines_are_kept():
    title = "国务院办公厅\n关于部际联席会议审批程序等有关问题的通知"
    assert layout(report(title=title))[0].text == title

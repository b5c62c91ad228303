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
    texts = [(b.role, b.text) for b in layout(report(body=body)).items]
    headings = [t for r, t in texts if r.value.startswith("heading")]
    assert headings == ["一、甲", "（一）乙", "1.丙", "（1）丁", "（2）戊", "（二）己", "二、庚"]


def test_run_in_heading_shares_the_first_paragraph():
    body = [Section(title="强化组织领导,完善体系。", run_in=True, body=["乡党委始终……", "第二段。"])]
    blocks = layout(report(body=body)).items
    first = blocks[1]
    assert first.role is Role.BODY
    assert [(r.text, r.role) for r in first.runs] == [
        ("一、强化组织领导，完善体系。", Role.RUN_IN_1), ("乡党委始终……", None)]
    assert blocks[2].text == "第二段。"


def test_title_recipients_body_signature_in_order():
    blocks = layout(report(recipients=["县人民政府", "县司法局"])).items
    assert [b.role for b in blocks] == [Role.TITLE, Role.SALUTATION, Role.BODY,
                                        Role.SIGNATURE, Role.DATE]
    assert blocks[1].text == "县人民政府、县司法局："
    assert blocks[-1].text == "2024年1月18日"


def test_a_signature_with_room_under_the_body_needs_no_keep():
    blocks = layout(report(body=["一。", "二。"])).items
    assert [b.keep_next for b in blocks[1:3]] == [False, False]


def full_page_report(extra_lines: int, **kw):
    """Title, blank line, then body lines filling page 1 but for ``extra_lines``…"""
    lines_left = spec.LINES_PER_PAGE.value - 2 - extra_lines
    para = "法" * (28 * 2 - 2)  # two full lines
    body = [para] * (lines_left // 2) + (["治" * 26] if lines_left % 2 else [])
    return report(body=body, **kw)


def test_signature_that_would_stand_alone_gets_tighter_lines_or_keeps_with_the_body():
    from govdoc.pagination import LIBREOFFICE, WORD, paginate

    for extra in range(0, 4):
        blocks = layout(full_page_report(extra)).items
        sig = next(i for i, b in enumerate(blocks) if b.role is Role.SIGNATURE)
        for engine in (WORD, LIBREOFFICE):
            pages = paginate(blocks, engine)
            assert pages.placements[sig - 1].last_page == pages.placements[sig].first_page, extra
        tightened = [b for b in blocks if b.line_tw and b.role is Role.BODY]
        kept = blocks[sig - 1].keep_next
        assert tightened or kept or extra >= 4, extra
        for b in tightened:
            assert spec.pt_to_twips(spec.FIT_MIN_LINE_PITCH.value) <= b.line_tw < spec.LINE_PITCH_TW
            assert b.off_grid


def test_normalisation_can_be_switched_off():
    r = report(body=["甲,乙(丙)"])
    assert layout(r).items[1].text == "甲，乙（丙）"
    assert layout(r, normalize=False).items[1].text == "甲,乙(丙)"


def test_sealed_signature_is_centred_over_a_date_four_characters_in():
    sig, date = signature_blocks(["棣棠乡人民政府"], "2024年1月18日", sealed=True)
    assert date.right_indent_tw == 4 * spec.CHAR_TW
    sig_centre = sig.right_indent_tw + text_width_twips("棣棠乡人民政府") / 2
    date_centre = date.right_indent_tw + text_width_twips("2024年1月18日") / 2
    assert abs(sig_centre - date_centre) <= 1
    assert sig.space_before_tw == 2 * spec.LINE_PITCH_TW and sealed_lines_before() == 2


def test_unsealed_signature_two_characters_in_and_date_two_characters_right_of_it():
    sig, date = signature_blocks(["中共棣棠乡委员会办公室"], "2024年1月18日", sealed=False)
    ch = spec.CHAR_TW
    assert sig.right_indent_tw == 2 * ch and sig.space_before_tw == spec.LINE_PITCH_TW
    sig_left = -(sig.right_indent_tw + text_width_twips("中共棣棠乡委员会办公室"))
    date_left = -(date.right_indent_tw + text_width_twips("2024年1月18日"))
    assert date_left - sig_left == 2 * ch


def test_unsealed_date_longer_than_signature():
    sig, date = signature_blocks(["某局"], "2024年12月18日", sealed=False)
    ch = spec.CHAR_TW
    assert date.right_indent_tw == 2 * ch
    sig_left = -(sig.right_indent_tw + text_width_twips("某局"))
    date_left = -(date.right_indent_tw + text_width_twips("2024年12月18日"))
    assert date_left - sig_left == 2 * ch


# -- 版头, 附件说明, 附件, 版记 ----------------------------------------------------------

from govdoc import Attachment, Header, Imprint  # noqa: E402
from govdoc.layout import ImprintBlock, attachment_note_blocks, mark_size  # noqa: E402


def test_mark_is_set_at_the_usual_size_or_shrunk_to_fit():
    assert mark_size("棣棠乡人民政府文件") == spec.MARK_MAX_SIZE.value
    long = "中共某某县委某某某某工作领导小组办公室文件"
    assert mark_size(long) * len(long) <= spec.BLOCK_WIDTH_PT
    assert mark_size(long) < spec.MARK_MAX_SIZE.value


def test_header_blocks_in_order_with_the_mark_35_mm_down():
    r = report(header=Header(organs=["某乡人民政府"], number="某政发〔2024〕1号",
                             copy_number="000001", urgency="特急"))
    blocks = layout(r).items
    assert [b.role for b in blocks[:4]] == [Role.COPY_NUMBER, Role.URGENCY, Role.MARK,
                                            Role.DOC_NUMBER]
    mark = blocks[2]
    two_lines_mm = 2 * spec.pt_to_mm(spec.LINE_PITCH.value)
    assert abs(spec.twips_to_mm(mark.space_before_tw) + two_lines_mm
               - spec.MARK_TOP_BELOW_BLOCK.value) < 1
    assert blocks[4].role is Role.TITLE and blocks[4].space_before_tw == 2 * spec.LINE_PITCH_TW


def test_attachment_note_hangs_names_under_their_first_character():
    single = attachment_note_blocks(["工作方案"])
    assert single[0].text == "附件：工作方案"
    assert single[0].left_indent_tw + single[0].first_line_tw == 2 * spec.CHAR_TW
    several = attachment_note_blocks(["甲", "乙", "丙"])
    assert [b.text for b in several] == ["附件：1.甲", "2.乙", "3.丙"]
    first_start = several[0].left_indent_tw + several[0].first_line_tw
    number_x = first_start + text_width_twips("附件：")
    assert several[1].left_indent_tw + several[1].first_line_tw == number_x
    assert several[0].left_indent_tw == several[1].left_indent_tw


def test_attachments_are_numbered_and_start_new_pages():
    r = report(attachments=[Attachment(title="甲表", body=["内容。"]), Attachment(title="乙表"),
                            Attachment(title="丙表", body=["内容。"])], note="联系人：某某")
    blocks = layout(r).items
    texts = [getattr(b, "text", None) for b in blocks]
    assert "附件1" in texts and "附件3" in texts and "附件2" not in texts
    label = blocks[texts.index("附件1")]
    assert label.page_break_before and blocks[texts.index("附件1") + 1].text == "甲表"
    assert texts[texts.index("2024年1月18日") + 1] == "（联系人：某某）"


def test_recipients_move_to_the_imprint_when_they_would_push_the_body_off_page_one():
    many = [f"第{i}村民委员会" for i in range(1, 80)]
    imprint = Imprint(cc=["县司法局"], printer="某办公室", date=datetime.date(2024, 1, 18))
    blocks = layout(report(recipients=many, imprint=imprint,
                           header=Header(organs=["某乡人民政府"], number="某政发〔2024〕1号"))).items
    assert not any(b.role is Role.SALUTATION for b in blocks if hasattr(b, "role"))
    imp = blocks[-1]
    assert isinstance(imp, ImprintBlock)
    assert imp.rows[0][0].text.startswith("主送：第1村民委员会、") and imp.rows[0][0].text.endswith("。")
    assert imp.rows[0][1].text == "抄送：县司法局。"
    assert not imp.floating  # 79 names: taller than a page, it flows instead of floating
    few = layout(report(recipients=["县人民政府"], imprint=imprint)).items
    assert few[1].role is Role.SALUTATION


LONG_TITLE = "国务院办公厅关于部际联席会议审批程序等有关问题的通知"


def test_a_long_title_is_one_block_broken_between_words():
    from govdoc.text.title import break_title

    blocks = layout(report(title=LONG_TITLE)).items
    titles = [b for b in blocks if b.role is Role.TITLE]
    assert len(titles) == 1
    # Issue 17: before 关于 outranks balance; 部际联席会议审批程序 stays whole.
    assert titles[0].text.split("\n") == break_title(LONG_TITLE) == [
        "国务院办公厅", "关于部际联席会议审批程序等有关问题的通知"]


def test_the_title_shape_reaches_the_layout():
    from govdoc import TitleShape

    lines = layout(report(title=LONG_TITLE, title_shape=TitleShape.DIAMOND)).items[0].text.split("\n")
    assert len(lines) >= 3


def test_the_authors_title_lines_are_kept():
    title = "国务院办公厅\n关于部际联席会议审批程序等有关问题的通知"
    assert layout(report(title=title)).items[0].text == title


# -- the Layout object ----------------------------------------------------------------

from govdoc import DocFormat, Signer  # noqa: E402
from govdoc.layout import Layout, SignatureForm  # noqa: E402
from govdoc.pagination import LIBREOFFICE, WORD, paginate  # noqa: E402


def test_the_layout_names_its_signature_form():
    assert layout(report(sealed=True)).signature is SignatureForm.SEALED
    assert layout(report(sealed=False)).signature is SignatureForm.UNSEALED
    # A 纪要 carries no seal (10.3), sealed or not.
    minutes = report(sealed=True, kind="纪要")
    assert minutes.layout_format is DocFormat.MINUTES
    assert layout(minutes).signature is SignatureForm.UNSEALED
    signed = report(signers=[Signer(title="县长")])
    assert layout(signed).signature is SignatureForm.SIGNER_SEAL


def test_a_letter_carries_its_mark_and_starts_page_one_under_it():
    letter = report(header=Header(organs=["某乡人民政府"], number="某政函〔2024〕1号"),
                    format=DocFormat.LETTER)
    laid = layout(letter)
    assert laid.letter_mark is not None and laid.letter_mark.role is Role.MARK
    assert laid.first_page_start_tw == spec.mm_to_twips(spec.LETTER_BODY_TOP.value
                                                         - spec.MARGIN_TOP.value)
    plain = layout(report())
    assert (plain.letter_mark, plain.first_page_start_tw) == (None, 0)


def test_the_pagination_is_the_models_and_worked_out_once_per_engine():
    laid = layout(report(body=["法" * 60] * 30))
    word = laid.pagination(WORD)
    assert laid.pagination(WORD) is word
    assert laid.pagination(LIBREOFFICE) == paginate(laid.items, LIBREOFFICE)
    assert word.pages == paginate(list(laid.items), WORD).pages >= 2
    # Other items, other pages.
    shorter = laid.with_items(laid.items[:3])
    assert isinstance(shorter, Layout) and shorter.pagination(WORD).pages == 1


def test_the_finished_layout_tightens_and_reports():
    from orphans import paragraphs_ending_in_one_character

    (fixable,) = paragraphs_ending_in_one_character(1, fixable=True)
    laid = layout(report(body=[fixable, "正文。"]))
    finished, notes = laid.finished()
    assert [(n.paragraph, n.fixed) for n in notes] == [(1, True)]
    assert laid.items[1].char_spacing_tw is None
    assert finished.items[1].char_spacing_tw == spec.pt_to_twips(notes[0].spacing_pt)
    assert finished.items[2:] == laid.items[2:]
    assert finished.letter_mark is laid.letter_mark and finished.signature is laid.signature

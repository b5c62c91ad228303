"""An office's own 红头 template: its fields, its drawn 版头 and 版记, its geometry
warnings, and the sandbox around its fields (no LibreOffice; fast)."""

from __future__ import annotations

import datetime
import io
import warnings
import zipfile
from types import MappingProxyType

import docx
import pytest
from office_templates import KINDS, PLACES, build
from test_injection import ESCAPES, EXHAUSTION, armed

import govdoc
from govdoc import GovdocWarning, Header, Imprint, Report, TemplateError
from govdoc.rendering.office import fields, template_info
from govdoc.rendering.template import default_template

REPORT = Report(
    kind="通知",
    header=Header(organs=["棣棠乡人民政府"], number="棣政发〔2024〕5号", copy_number="000001"),
    title="关于开展法治宣传教育工作的通知",
    recipients=["各村（社区）"],
    body=["为深入开展法治宣传教育，现就有关事项通知如下。"],
    issuer="棣棠乡人民政府",
    date=datetime.date(2024, 1, 18),
    imprint=Imprint(cc=["县司法局", "县委办公室"], printer="棣棠乡党政综合办公室",
                    date=datetime.date(2024, 1, 19)),
    extra={"公开属性": "此件公开发布"},
)


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    out = tmp_path_factory.mktemp("office")
    return {k: build(k, out / f"office-{k}.docx") for k in KINDS}


def saved(doc):
    """The document as saved (docxtpl replaces the header parts python-docx holds)."""
    out = io.BytesIO()
    doc.save(out)
    return docx.Document(out)


def header_text(doc) -> str:
    return saved(doc).sections[0].header.paragraphs[0].text


def all_text(doc) -> str:
    """Every w:t of the body and the headers, text boxes and tables included."""
    doc = saved(doc)
    parts = [doc.element.body] + [s.header._element for s in doc.sections]
    return "".join(t.text or "" for part in parts for t in part.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))


def test_the_fields_are_the_reports_data_read_only():
    values = fields(REPORT, lambda s: s)
    assert values["number"] == "棣政发〔2024〕5号" and values["copy_number"] == "000001"
    assert values["secrecy"] == "" and values["urgency"] == "" and values["signers"] == ()
    assert values["organs"] == ("棣棠乡人民政府",) and values["recipients"] == ("各村（社区）",)
    assert values["date"] == "2024年1月18日" and values["print_date"] == "2024年1月19日"
    assert values["cc"] == ("县司法局", "县委办公室") and values["printer"] == "棣棠乡党政综合办公室"
    assert isinstance(values["extra"], MappingProxyType)
    assert values["extra"]["公开属性"] == "此件公开发布"


def test_a_report_without_header_or_imprint_supplies_no_such_fields():
    bare = REPORT.model_copy(update={"header": None, "imprint": None})
    values = fields(bare, lambda s: s)
    assert not {"number", "copy_number", "organs", "cc", "printer", "print_date"} & set(values)


@pytest.mark.parametrize("kind", KINDS)
def test_the_template_draws_the_head_and_imprint_and_govdoc_the_body(kind, templates):
    info = template_info(templates[kind].read_bytes())
    assert info.head and info.imprint and info.deviations == ()
    report = REPORT if kind != "c" else REPORT.model_copy(  # c shows no 份号
        update={"header": REPORT.header.model_copy(update={"copy_number": None})})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = govdoc.render(report, templates[kind])
    styles = [p.style.style_id for p in doc.paragraphs]
    # govdoc wrote no 标志 and no 发文字号 of its own: the first paragraph it wrote is the title.
    assert "GovIssuerMark" not in styles and "GovDocNumber" not in styles
    body = all_text(doc)
    assert body.count("棣政发〔2024〕5号") == 1 and "{{" not in body and "{%" not in body
    assert body.count("关于开展法治宣传教育工作的通知") == 1
    assert "抄送：县司法局，县委办公室。" in body and "2024年1月19日印发" in body
    assert "棣棠乡党政综合办公室" in body
    # One 版记: the template's (govdoc adds none).
    xml = doc.element.body.xml
    assert xml.count("w:tblpPr") == 1
    if kind == "a":
        assert header_text(doc) == "此件公开发布"
    if kind == "b":
        assert "000001" in body  # in the text box
    if kind == "c":
        assert "中共棣棠乡委员会" in body


@pytest.mark.parametrize("kind", KINDS)
def test_the_drawing_is_kept_as_drawn(kind, templates):
    doc = govdoc.render(REPORT, templates[kind])
    xml = doc.element.body.xml
    drawn = {"a": ['w:w w:val="80"', 'w:spacing w:val="80"', "方正小标宋简体"],
             "b": ['r:embed="rIdMark"', 'prst="line"'],
             "c": ['w:vMerge w:val="restart"', "<w:vMerge/>"]}[kind]
    assert all(d in xml for d in drawn)
    if kind == "b":
        assert doc.part.related_parts["rIdMark"].blob.startswith(b"\x89PNG")


def test_a_field_the_report_does_not_supply_is_one_clear_error(templates):
    bare = REPORT.model_copy(update={"header": None, "extra": {}})
    with pytest.raises(TemplateError) as info:
        govdoc.render(bare, templates["a"])
    message = str(info.value)
    assert message.startswith(f"template {templates['a']}: ")
    assert "number (in word/document.xml)" in message
    assert "copy_number (in word/document.xml)" in message
    assert "extra.公开属性 (in word/header1.xml)" in message
    assert "\n" not in message and info.value.__cause__ is None


def test_with_strict_false_a_missing_field_is_a_warning_and_stays_empty(templates):
    bare = REPORT.model_copy(update={"header": None, "extra": {}})
    with pytest.warns(GovdocWarning) as caught:
        doc = govdoc.render(bare, templates["a"], strict=False)
    messages = [str(w.message) for w in caught]
    assert any("word/document.xml uses the field number" in m for m in messages)
    assert any("word/header1.xml uses the field extra.公开属性" in m for m in messages)
    assert header_text(doc) == ""
    assert "{{" not in all_text(doc)


def test_what_the_template_does_not_show_is_reported(templates):
    report = REPORT.model_copy(update={"header": REPORT.header.model_copy(
        update={"secrecy": "秘密★1年"})})
    with pytest.warns(GovdocWarning, match=r"shows no \{\{ copy_number \}\}: 份号 000001"):
        govdoc.render(report, templates["c"])


def test_user_text_in_a_field_is_escaped_never_run(templates):
    report = REPORT.model_copy(update={
        "header": REPORT.header.model_copy(update={"number": "{{ 7*7 }}<w:br/>&"}),
        "extra": {"公开属性": "{% for x in range(3) %}x{% endfor %}"}})
    doc = govdoc.render(report, templates["a"], normalize=False)
    assert "{{ 7*7 }}<w:br/>&" in all_text(doc)
    assert header_text(doc) == "{% for x in range(3) %}x{% endfor %}"


def test_a_template_cannot_change_the_reports_data(templates, tmp_path):
    template = build("a", tmp_path / "t.docx", {"header": "{{ cc.append('x') }}"})
    with pytest.raises(TemplateError, match="word/header1.xml"):
        govdoc.render(REPORT, template)


def _edit(src, dst, part, old, new):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == part:
                text = data.decode("utf-8")
                assert old in text, old
                data = text.replace(old, new).encode("utf-8")
            zout.writestr(name, data)
    return dst


def test_geometry_deviations_are_warnings_with_clause_and_millimetres(templates, tmp_path):
    # A red rule 120 mm long (block: 156 mm) and a 版记 whose top rule is 11/8 pt (0.49 mm).
    bad = _edit(templates["a"], tmp_path / "bad.docx", "word/document.xml",
                'w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr>'
                '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
                'w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">'
                "{{ number }}",
                'w:left="1020" w:right="1020" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
                '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
                'w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">'
                "{{ number }}")
    bad = _edit(bad, tmp_path / "bad2.docx", "word/document.xml",
                '<w:top w:val="single" w:sz="8"', '<w:top w:val="single" w:sz="11"')
    deviations = template_info(bad.read_bytes()).deviations
    assert any("红色分隔线" in d and "120.0 mm" in d and "7.2.7" in d for d in deviations), deviations
    assert any("版记" in d and "top rule is 0.49 mm" in d and "7.4.1" in d for d in deviations), deviations
    with pytest.warns(GovdocWarning, match=r"120\.0 mm long, GB/T 9704 7\.2\.7"):
        doc = govdoc.render(REPORT, bad)
    # Never rewritten: the rule keeps its indents, the 版记 its rule.
    xml = doc.element.body.xml
    assert 'w:left="1020"' in xml and 'w:sz="11"' in xml


def test_a_mark_too_high_is_reported_in_millimetres(templates, tmp_path):
    # 标志 paragraph 5 mm higher than GB/T 9704's 35 mm.
    from govdoc import spec
    from office_templates import _INK_TW, _PITCH
    before = spec.mm_to_twips(35) - 3 * _PITCH + _INK_TW
    bad = _edit(templates["a"], tmp_path / "high.docx", "word/document.xml",
                f'w:before="{before}"', f'w:before="{before - spec.mm_to_twips(5)}"')
    (deviation,) = template_info(bad.read_bytes()).deviations
    assert "发文机关标志" in deviation and "30.0 mm" in deviation and "7.2.4" in deviation


def test_govdocs_own_templates_have_no_head_imprint_or_deviation():
    info = template_info(default_template().read_bytes())
    assert (info.head, info.imprint, info.deviations) == (False, False, ())
    assert info.uses == (("body", "word/document.xml"),)


# -- The sandbox around an office template's fields ----------------------------------------

PART = {"header": "word/header1.xml", "footer": "word/footer1.xml",
        "text box": "word/document.xml", "row loop": "word/document.xml"}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("kind", KINDS)
def test_hostile_payloads_in_an_office_templates_fields_fail_and_run_nothing(kind, place,
                                                                            tmp_path):
    marker = tmp_path / "PWNED"
    failed = 0
    for n, payload in enumerate(ESCAPES + EXHAUSTION):
        template = build(kind, tmp_path / f"h{n}.docx", {place: armed(payload, marker)})
        with pytest.raises(TemplateError) as info:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", GovdocWarning)
                govdoc.render(REPORT, template)
        message = str(info.value)
        assert message.startswith(f"template {template}: ") and PART[place] in message, message
        assert info.value.__cause__ is None and info.value.__suppress_context__
        failed += 1
    assert failed == len(ESCAPES + EXHAUSTION)
    assert not marker.exists()


def test_the_office_templates_are_valid_packages(templates):
    for path in templates.values():
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None
        import docx
        docx.Document(io.BytesIO(path.read_bytes()))


def test_recipients_moved_into_the_imprint_need_the_templates_imprint_to_show_them(templates):
    many = [f"第{n}村民委员会" for n in range(1, 160)]
    report = REPORT.model_copy(update={"recipients": many})
    with pytest.raises(TemplateError, match=r"主送机关 are too many for page 1.*\{\{ recipients \}\}"):
        govdoc.render(report, templates["a"])


def test_duplex_does_not_move_an_office_templates_imprint_and_says_so(templates):
    report = REPORT.model_copy(update={"imprint": REPORT.imprint.model_copy(
        update={"duplex": True})})
    with pytest.warns(GovdocWarning, match="duplex=True does not move it"):
        doc = govdoc.render(report, templates["a"])
    assert doc.element.body.xml.count("w:tblpPr") == 1

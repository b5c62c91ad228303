"""One 公文 grammar (govdoc.grammar) for the importer and the checker (issue 14).

- Every pattern of the grammar is written once, in govdoc/grammar.py: a scan of src/
  finds no regular expression with a 公文 word (密级, 〔〕, 签发人, 附件, 抄送, 印发, dates,
  heading numerals…) anywhere else.
- One vocabulary of parts: the importer's and the checker's kinds are grammar.Part.
- The grammar sits low: it imports only govdoc.spec.
- Date search and parsing are linear (issue 16.2): the time at 10n is at most 15× the
  time at n (a growth test; costs about 1 s).
"""

from __future__ import annotations

import ast
import datetime
import functools
import time
from pathlib import Path

import pytest

from govdoc import grammar
from govdoc.grammar import DocKind, Part

SRC = Path(__file__).resolve().parent.parent / "src" / "govdoc"

# Regular expressions outside the grammar that hold Chinese characters, and why they may:
ALLOWED = {
    ("text/title.py", "title"): "line-breaking a title: number+unit groups and lead words",
    ("text/title_grammar.py", "title"): "a title's phrases: runs of Han and of digits/letters",
    ("checker/rules/punctuation.py", "ranges"): "number ranges (9): 3～5万, not a part of a 公文",
    ("checker/rules/geometry.py", "page"): "the dashes of a page number (—1—)",
}


@functools.cache
def _regex_literals() -> list[tuple[str, int, str]]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.args):
                out.append((path.relative_to(SRC).as_posix(), node.lineno,
                            ast.unparse(node.args[0])))
    return out


def _cjk(text: str) -> bool:
    return any("\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" for c in text)


def test_no_pattern_of_the_grammar_stands_outside_it():
    outside = [(f, n, t) for f, n, t in _regex_literals() if f != "grammar.py" and _cjk(t)]
    allowed_files = {f for f, _ in ALLOWED}
    strays = [(f, n, t) for f, n, t in outside if f not in allowed_files]
    assert strays == []
    # The allowed ones are what they say, and few.
    assert len(outside) <= 8


@pytest.mark.parametrize("word", ["★", "〔", "签", "抄", "印", "附", "特此", "索引号", "年", "〇"])
def test_each_pattern_is_written_once_in_the_grammar(word):
    in_grammar = [t for f, _, t in _regex_literals() if word in t and f == "grammar.py"]
    elsewhere = [(f, n) for f, n, t in _regex_literals() if word in t and f != "grammar.py"
                 and f not in ("text/title.py", "text/title_grammar.py")]
    assert elsewhere == []
    # Built from the grammar's own pieces, a pattern may hold a word through a constant.
    source = (SRC / "grammar.py").read_text("utf-8")
    assert in_grammar or word in source


def test_the_model_and_the_checker_carry_no_copies():
    for name in ("model.py", "drafting.py", "text/dates.py", "checker/elements.py",
                 "checker/rules/header.py", "checker/rules/numbering.py", "checker/rules/signature.py",
                 "checker/rules/imprint.py", "parse/structure.py"):
        text = (SRC / name).read_text("utf-8")
        for copy in ("绝密|机密|秘密", "(19|20)\\d{2}", "一二三四五六七八九", "特急|加急", "抄送|主送"):
            assert copy not in text, (name, copy)


def test_one_vocabulary_of_parts():
    from govdoc.checker.elements import Kind as CheckKind
    from govdoc.parse import Kind as ParseKind

    assert ParseKind is Part and CheckKind is Part
    assert Part.SALUTATION is Part.RECIPIENTS and Part.BODY is Part.PARAGRAPH
    assert Part.RECIPIENTS.label == "主送机关" and Part.DATE.label == "成文日期"
    assert all(isinstance(p.label, str) and p.label for p in Part)


def test_the_grammar_imports_only_the_spec():
    tree = ast.parse((SRC / "grammar.py").read_text("utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module + ":" + ",".join(a.name for a in node.names))
        elif isinstance(node, ast.Import):
            imported.update(a.name for a in node.names)
    govdoc = {m for m in imported if m.startswith("govdoc")}
    assert govdoc == {"govdoc:spec"}


# -- What the grammar reads --------------------------------------------------------------------

@pytest.mark.parametrize("text, date, impossible", [
    ("2024年1月18日", datetime.date(2024, 1, 18), False),
    ("二〇二四年一月十八日", datetime.date(2024, 1, 18), False),
    ("二○二四年十二月五日", datetime.date(2024, 12, 5), False),
    ("二O二四年三月一日", datetime.date(2024, 3, 1), False),
    ("二0二四年七月八日", datetime.date(2024, 7, 8), False),
    ("2024年13月45日", None, True),
    ("二〇二四年二月三十日", None, True),
    ("202218", None, False),
    ("二〇二四年　月　日", None, False),
])
def test_dates_in_every_numeral(text, date, impossible):
    reading = grammar.read_date(text)
    assert reading is not None
    assert (reading.date, reading.impossible) == (date, impossible)


def test_headings_strict_and_loose():
    assert grammar.heading_label("一、总体要求").standard
    assert grammar.heading_label("1、检查范围").rank == 3
    assert not grammar.heading_label("1、检查范围").standard
    assert grammar.heading_label("一，总体要求") is None  # the importer does not take it
    assert grammar.heading_label("一，总体要求", loose=True).rank == 1  # the checker reports it
    assert grammar.heading_label("三、2024年努力方向").rank == 1
    assert grammar.heading_label("2.5亿元") is None


def test_list_items_agree_for_importer_and_checker():
    # 1、 2、 3、 with nothing under them: a list; a section with text: a heading.
    assert grammar.list_items([(None, False), (3, False), (3, False), (3, False)]) == {1, 2, 3}
    assert grammar.list_items([(1, False), (None, False), (1, False), (None, False)]) == set()


@pytest.mark.parametrize("number, problem", [
    ("棣政发〔2024〕5号", None), ("棣政发[2024]5号", "number_brackets"),
    ("棣政发〔2024〕第5号", "number_di"), ("棣政发〔2024〕05号", "number_padding"),
    ("棣政发〔24〕5号", "number_year"),
])
def test_doc_number_problems(number, problem):
    codes = [code for code, _ in grammar.number_problems(number)]
    assert (codes[0] if codes else None) == problem


def test_secrecy_levels_come_from_the_spec():
    assert grammar.secrecy("秘密★1年") == "秘密★1年"
    assert grammar.secrecy_problem("机密★0年") is not None
    assert "密级" in grammar.secrecy_problem("内部★1年")
    assert grammar.secrecy_problem("绝密") is None


def test_metadata_and_closing_kinds():
    fields = grammar.metadata_fields("索 引 号：000014349/2024-00031    主题分类：商贸")
    assert [f.label for f in fields] == ["索引号", "主题分类"]
    assert grammar.metadata_fields("【文号】农业农村部公告第768号")[0].label == "文号"
    assert grammar.closing_kind("妥否，请批示。") is DocKind.请示
    assert grammar.phrase_kind("现提出如下意见：") is DocKind.意见


def test_zone_classifier_over_a_neutral_line():
    assert Part.DATE in grammar.forms(grammar.Line("2024年1月18日"))
    assert Part.DOC_NUMBER in grammar.forms(grammar.Line("棣政发〔2024〕5号"))
    assert Part.MARK in grammar.forms(grammar.Line("棣棠乡人民政府文件", red=True, size=40))
    assert Part.MARK not in grammar.forms(grammar.Line("棣棠乡人民政府文件"))
    assert grammar.forms(grammar.Line("")) == {Part.EMPTY}


# -- Linear time (issue 16.2) -----------------------------------------------------------------

def _median_time(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def _growth(make, run, n: int) -> float:
    small, large = make(n), make(10 * n)
    run(small)  # warm up
    return _median_time(lambda: run(large)) / max(_median_time(lambda: run(small)), 1e-6)


def test_date_search_is_linear():
    # A last line full of dates took n^3.5 with the old 印发 pattern (110 s at 2,000).
    def dates(n: int) -> str:
        return ("2024年1月18日" * (n // 10 + 1))[:n] + "印发"

    def run(text: str) -> None:
        grammar.printed(text)
        grammar.trailing_date(text)
        grammar.read_date(text)
        grammar.date_shaped(text)

    assert _growth(dates, run, 2_000) <= 15


def test_parsing_a_draft_ending_in_dates_is_linear():
    from govdoc.parse import parse_text

    def draft(n: int) -> str:
        return ("关于开展安全检查的通知\n各村（社区）：\n正文。\n棣棠乡人民政府\n2024年3月5日\n"
                + ("2024年1月18日 " * (n // 11 + 1))[:n])

    assert _growth(draft, parse_text, 2_000) <= 15


def test_a_kept_list_of_numbered_lines_is_not_reported_by_the_checker():
    # Issue 14: the importer kept 1、 items as a list (with a warning); the checker read them
    # as wrong level-3 headings (B8 第三层序数应写作"1."). Both now decide with list_items.
    import io

    import govdoc
    from govdoc.checker import check
    from govdoc.parse import parse_text

    result = parse_text("关于开展安全检查的通知\n各村（社区）：\n现将有关事项通知如下。\n"
                        "1、检查范围为全乡各类生产经营单位。\n2、检查时间为3月。\n特此通知。\n"
                        "棣棠乡人民政府\n2024年3月5日")
    assert any("编号列表" in w.message for w in result.warnings)
    findings = check(io.BytesIO(govdoc.render(result.report).to_bytes())).findings
    assert [f for f in findings if f.rule == "B8"] == []


def test_layout_roles_name_their_part_in_the_same_vocabulary():
    from govdoc.styles import PART_OF_ROLE, Role

    furniture = {Role.SPACER, Role.IMPRINT_ANCHOR, Role.FOOTER}
    assert set(PART_OF_ROLE) | furniture == set(Role)
    assert all(isinstance(p, Part) for p in PART_OF_ROLE.values())
    # Every part the importer gives a line is a part some layout role sets.
    written = set(PART_OF_ROLE.values())
    assert {Part.TITLE, Part.RECIPIENTS, Part.HEADING, Part.PARAGRAPH, Part.SIGNATURE, Part.DATE,
            Part.NOTE, Part.ATTACHMENT_NOTE, Part.CC, Part.DOC_NUMBER, Part.MARK} <= written

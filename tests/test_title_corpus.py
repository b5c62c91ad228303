"""The title corpus (tests/title_corpus.py): every title breaks as a careful clerk would.

84 real-style long titles of every kind and level, each with the lines a clerk would
choose (meaning first, then symmetry) and the noun phrases no break may cut. The PDF
side, the same titles rendered by LibreOffice, is in tests/test_rendered_titles.py.
Cost: about 0.2 s.
"""

from __future__ import annotations

import re

import pytest

from govdoc import spec
from govdoc.text.kinsoku import NO_LINE_END, NO_LINE_START
from govdoc.text.title import TitleShape, break_title, title_width

from title_corpus import CORPUS, Title

MAX = spec.TITLE_CHARS_PER_LINE.value
MIN = spec.TITLE_MIN_LINE_CHARS.value
KINDS = ("决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示",
         "批复", "议案", "纪要", "函", "令")


def cuts(title: str, lines: tuple[str, ...], phrase: str) -> bool:
    """Whether a break between ``lines`` falls inside an occurrence of ``phrase``."""
    ends, pos = [], 0
    for line in lines[:-1]:
        pos = title.index(line, pos) + len(line)
        ends.append(pos)
    return any(m.start() < end < m.end() for m in re.finditer(re.escape(phrase), title)
               for end in ends)


def test_the_corpus_holds_at_least_80_long_titles_of_every_kind_and_level():
    titles = [t.title for t in CORPUS]
    assert len(titles) >= 80 and len(set(titles)) == len(titles)
    assert all(21 <= len(t.replace(" ", "")) <= 70 for t in titles)
    assert all(title_width(t) > MAX for t in titles)  # none fits on one line

    def count(pattern: str) -> int:
        return sum(bool(re.search(pattern, t)) for t in titles)

    assert count(r"^国务院") >= 10  # State Council and its General Office
    assert count(r"^[^关]{0,12}(部|总局|委)[ 等关]") >= 10  # ministries
    assert count(r"省(人民政府|委)") >= 8 and count(r"市(人民政府|委|财政局|公安局)") >= 6
    assert count(r"县(人民政府|委|财政局|教育局|农业农村局)") >= 10 and count(r"[乡镇](人民政府|委员会)") >= 6
    assert count(r"^中共.+ .+(政府|办公厅|办公室)") >= 4  # joint party–government
    assert count(r"(印发|转发)《") >= 10 and count(r"转发") >= 5
    assert count(r"[0-9]") >= 30 and count(r" ") >= 12
    assert {t[-2:] for t in titles} >= {"通知", "意见", "批复", "请示", "报告", "决定", "通报", "公告", "通告"}


@pytest.mark.parametrize("t", CORPUS, ids=lambda t: t.title[:14])
def test_the_clerks_lines_keep_every_phrase_whole_and_fit(t: Title):
    joined = "".join(t.lines)
    assert t.title in (joined, " ".join(t.lines)) or joined == t.title.replace(" ", "", 1)
    for phrase in t.keep:
        assert phrase in t.title, phrase
        assert not cuts(t.title, t.lines, phrase), phrase
    for i, line in enumerate(t.lines):
        assert MIN <= len(line.replace(" ", "")) and title_width(line) <= MAX, line
        assert line[0] not in NO_LINE_START and line[-1] not in NO_LINE_END, line
        assert not line.endswith(("关于", "和", "与", "及", "等")), line
        assert not line.startswith(KINDS), line
        if line.startswith("的"):  # only the closing 的 + 文种, after a long phrase
            assert i == len(t.lines) - 1 and line[1:] in KINDS, line


@pytest.mark.parametrize("t", CORPUS, ids=lambda t: t.title[:14])
def test_each_title_breaks_where_the_clerk_breaks_it(t: Title):
    assert tuple(break_title(t.title)) == t.lines


def test_shapes_other_than_the_default_also_keep_the_phrases():
    for t in CORPUS:
        for shape in (TitleShape.ASCENDING, TitleShape.DIAMOND):
            lines = tuple(break_title(t.title, shape=shape))
            assert all(title_width(line) <= MAX for line in lines)
            assert [p for p in t.keep if cuts(t.title, lines, p)] == [], (t.title, shape, lines)

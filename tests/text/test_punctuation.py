import pytest
from hypothesis import given, strategies as st

from govdoc.text.punctuation import normalize_punctuation


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2023年,棣棠乡", "2023年，棣棠乡"),
        ("报告如下:", "报告如下："),
        ("(一)强化组织领导", "（一）强化组织领导"),
        ("见(2023年)文件", "见（2023年）文件"),
        ("是否可行?请批示!", "是否可行？请批示！"),
        ("一是加强;二是", "一是加强；二是"),
    ],
)
def test_ascii_punctuation_next_to_chinese_becomes_full_width(raw, expected):
    assert normalize_punctuation(raw) == expected


@pytest.mark.parametrize(
    "text",
    ["2.5亿元", "时间10:30开会", "a, b; c", "f(x) = 1", "<b>&{{x}}", "100%通过", "1.2.3"],
)
def test_everything_else_is_left_alone(text):
    assert normalize_punctuation(text) == text


def test_only_the_punctuation_changes():
    raw = "棣棠乡(一)共4个村,调解率达:100%,2.5亿元"
    out = normalize_punctuation(raw)
    assert len(out) == len(raw)
    changed = [(a, b) for a, b in zip(raw, out) if a != b]
    assert changed == [("(", "（"), (")", "）"), (",", "，"), (":", "：")]
    assert "100%,2.5亿元" in out  # "," between digits stays


_ALPHABET = st.sampled_from(list("棣棠乡法治,;:?!()（）。1a .<>{}%") + ["\U00020BB7"])


@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_normalisation_changes_only_the_seven_marks_in_place(text):
    out = normalize_punctuation(text)
    assert len(out) == len(text)
    for a, b in zip(text, out):
        assert a == b or (a, b) in {(",", "，"), (";", "；"), (":", "："), ("?", "？"),
                                    ("!", "！"), ("(", "（"), (")", "）")}
    assert normalize_punctuation(out) == out  # idempotent


def test_the_character_class_is_what_is_chinese_accepts():
    # The fast path's regular expression must agree with is_chinese() on every character.
    import re

    from govdoc.text.punctuation import _CHINESE, is_chinese

    cls = re.compile(f"[{_CHINESE}]")
    for code in range(0x110000):
        ch = chr(code)
        assert (cls.match(ch) is not None) == is_chinese(ch), hex(code)


from hypothesis import settings  # noqa: E402

from govdoc.text.punctuation import is_chinese  # noqa: E402

_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def _touches_chinese(text: str, i: int) -> bool:
    return (i > 0 and is_chinese(text[i - 1])) or (i + 1 < len(text) and is_chinese(text[i + 1]))


def _one_pass(text: str) -> str:
    """The definition, one pass: pairs of parentheses convert together when either
    touches Chinese; every other mark converts when it touches Chinese."""
    chars = list(text)
    stack: list[int] = []
    paired: set[int] = set()
    for i, c in enumerate(text):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            a = stack.pop()
            paired.update((a, i))
            if _touches_chinese(text, a) or _touches_chinese(text, i):
                chars[a], chars[i] = "（", "）"
    for i, c in enumerate(text):
        if c in _WIDE and i not in paired and _touches_chinese(text, i):
            chars[i] = _WIDE[c]
    return "".join(chars)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="中文,;:?!()a1 。，（“·𠀀", max_size=24))
def test_one_walk_reaches_what_the_pass_by_pass_definition_reaches(text):
    step = text
    while (after := _one_pass(step)) != step:
        step = after
    assert normalize_punctuation(text) == step


@pytest.mark.parametrize("mark", list(",;:?!"))
def test_a_run_of_marks_after_chinese_converts_whole(mark):
    assert normalize_punctuation("中" + mark * 50) == "中" + _WIDE[mark] * 50
    assert normalize_punctuation(mark * 50 + "中") == _WIDE[mark] * 50 + "中"
    assert normalize_punctuation("a" + mark * 50) == "a" + mark * 50


def test_a_pair_converts_through_its_partner_and_the_marks_beside_it():
    assert normalize_punctuation("中,(a(b)c),") == "中，（a(b)c），"
    assert normalize_punctuation("a(b,中") == "a(b，中"

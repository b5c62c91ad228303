"""Issue 16: every text pass is linear (or n log n) in its input.

For each pass — parse, normalise, line-break, title, date search — the time at 10n is
at most 15× the time at n: a linear pass gives about 10, a quadratic one 100. Each time
is the best of three runs of this process's CPU time (not wall time: on a loaded
machine a long run is preempted more often than a short one, which would inflate the
ratio), with the cycle collector paused, the inputs made beforehand and govdoc's
caches emptied before each run, so that no cache in the pass serves a repeat; the runs
at n and 10n alternate. Inputs are sized to take well under 2 s at 10n once linear,
and tens of milliseconds at n, so that timer noise and a warm CPU cache on the small
input do not decide the ratio. Cost: about 15 s (the title and date search tests stop
after one slow run at 10n).
"""

from __future__ import annotations

import gc
import sys
import time
import warnings
from typing import Callable

import pytest

from govdoc.parse import ParseError, parse_text
from govdoc.text.linebreak import LIBREOFFICE, WORD, break_lines
from govdoc.text.punctuation import normalize_punctuation
from govdoc.text.title import break_title

RATIO = 15
BUDGET = 2.0
"""Seconds one run at 10n may take: each input is sized to stay well under it."""
TITLE = "棣棠乡人民政府关于2023年度安全生产工作情况的报告"
BODY = ("2023年，我乡认真落实安全生产责任制(一是压实责任;二是排查隐患),全年未发生较大以上"
        "安全生产事故。开展隐患排查12次，整改率100%。")
ISSUER, DATE = "棣棠乡人民政府", "2024年1月18日"


def _clear_caches() -> None:
    """Empty every ``functools`` cache in govdoc, so that a repeat is not served from it
    (a pass may cache widths of the substrings it tries, as the title's does)."""
    for name, module in list(sys.modules.items()):
        if name == "govdoc" or name.startswith("govdoc."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _timed(run: Callable[[str], object], text: str) -> float:
    """The CPU time of one run of ``run`` on ``text``, caches emptied first."""
    _clear_caches()
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        run(text)
        return time.process_time() - start
    finally:
        gc.enable()


def assert_linear(run: Callable[[str], object], make: Callable[[int], str], n: int) -> None:
    """The best of five runs at 10n takes at most :data:`RATIO` times the best of five
    at n (five, not three: a linear pass measures 10 to 14, close to the bound, on a
    busy machine). The runs alternate between the sizes, so that both meet the same state of
    the machine; one run at 10n past :data:`BUDGET` is enough to know."""
    small, large = make(n), make(10 * n)
    t_small = t_large = float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run(small)  # warm up: imports, jieba's dictionary
        for _ in range(5):
            t_small = min(t_small, _timed(run, small))
            t_large = min(t_large, _timed(run, large))
            if t_large > BUDGET:
                break
    ratio = t_large / t_small
    print(f"n={n}: {t_small * 1000:.2f} ms, 10n: {t_large * 1000:.2f} ms, ratio {ratio:.1f}")
    assert ratio <= RATIO, f"time at 10n is {ratio:.0f}× the time at n ({t_small:.4f} s)"


def draft(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def parse(text: str) -> object:
    """The draft read, or the error it gives: the time to decide is what counts."""
    try:
        return parse_text(text)
    except ParseError as exc:
        return exc


@pytest.mark.parametrize("make, n", [
    (lambda n: draft(TITLE, *[BODY] * n, ISSUER, DATE), 1000),  # n paragraphs
    (lambda n: draft(TITLE, BODY * n, ISSUER, DATE), 4000),  # one paragraph of n sentences
    (lambda n: draft(TITLE, *[f"{'一二三四五六七八九十'[i % 10]}、工作\n{BODY}" for i in range(n)],
                     ISSUER, DATE), 500),  # n headings
], ids=["paragraphs", "long-paragraph", "headings"])
def test_parse_is_linear(make, n):
    assert_linear(parse, make, n)


@pytest.mark.parametrize("make, n", [
    (lambda n: "中" + "," * n, 200000),  # before: quadratic, 48 s at 16,000
    (lambda n: "(" * n + "中" + ")" * n, 50000),
    (lambda n: ",a" * n + "中", 20000),
    (lambda n: BODY * (n // len(BODY)), 100000),
], ids=["commas", "parentheses", "alternating", "prose"])
def test_normalising_punctuation_is_linear(make, n):
    assert_linear(normalize_punctuation, make, n)


@pytest.mark.parametrize("engine", [WORD, LIBREOFFICE], ids=lambda e: e.name)
@pytest.mark.parametrize("make", [
    lambda n: BODY * (n // len(BODY)),
    lambda n: "，" * n,  # nothing may start a line: every line backs off
    lambda n: "abc def 12.5% " * (n // 14),
    lambda n: "x" * n,  # no break opportunity at all
], ids=["prose", "closing-marks", "latin", "one-word"])
def test_line_breaking_is_linear(make, engine):
    assert_linear(lambda text: break_lines(text, engine=engine), make, 30000)


@pytest.mark.parametrize("make", [
    lambda n: "关于" + "棣棠乡人民政府法治建设工作" * (n // 13) + "的报告",
    lambda n: "关于" + "棣棠乡人民政府 " * (n // 8) + "的通知",  # organ names and spaces
], ids=["words", "organs"])
def test_breaking_a_title_is_linear(make):
    # before: quadratic, 136 s at 100,000 characters
    assert_linear(break_title, make, 1000)


def test_the_date_search_is_linear():
    # A draft whose last line is n characters of dates: before, n^3.5 (110 s at 2,000).
    assert_linear(parse, lambda n: draft(TITLE, BODY, ISSUER, DATE, DATE * (n // 10)), 100)

"""Helpers for tests of parsed drafts: the shape of a body, and words kept on the page."""

from __future__ import annotations

import re

from govdoc import Paragraph, Report, Table
from govdoc.text import normalize_punctuation

_SPACE = re.compile(r"[\s\u3000]+")


def shape(blocks: list, expected: object = None) -> list:
    """``blocks`` as the expected files write them: ``p`` for a paragraph (``p:<start>`` when
    the expectation names how it starts), ``t`` for a table, ``{title: [...]}`` for a
    section, its title prefixed with ``+`` when run-in."""
    out: list = []
    for k, block in enumerate(blocks):
        want = expected[k] if isinstance(expected, list) and k < len(expected) else None
        if isinstance(block, Paragraph):
            if want == "p":
                out.append("p")
            elif isinstance(want, str) and want.startswith("p:") and block.text.startswith(want[2:]):
                out.append(want)
            else:
                out.append("p:" + block.text)
        elif isinstance(block, Table):
            out.append("t")
        else:
            key = ("+" if block.run_in else "") + block.title
            sub = want.get(key) if isinstance(want, dict) else None
            out.append({key: shape(block.body, sub)})
    return out


def squeezed(text: str) -> str:
    """``text`` as rendered (punctuation normalised), without any whitespace."""
    return _SPACE.sub("", normalize_punctuation(text))


def normalized(report: Report) -> Report:
    """``report`` with every text normalised as rendering normalises it."""
    def walk(value: object) -> object:
        if isinstance(value, str):
            return normalize_punctuation(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return Report.model_validate(walk(report.model_dump(mode="json")))

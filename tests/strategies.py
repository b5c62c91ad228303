"""Hypothesis strategies for random reports, drawn from the text that breaks peers.

A report is drawn as the plain data a form or spreadsheet would give
(``Report.model_validate(data)`` builds it), so a test can also damage one field
and watch validation name it. Texts mix hostile pieces (XML specials, Jinja syntax,
docxtpl's ``{_{`` markers, numbers peers rewrote) with arbitrary Unicode: emoji,
CJK Extension B, right-to-left text, combining marks, C1 controls, noncharacters
outside the BMP.
"""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

from govdoc import DocKind

# Every character XML 1.0 cannot hold, which the model must refuse.
ILLEGAL = [chr(c) for c in range(0x00, 0x20) if c not in (0x09, 0x0A, 0x0D)] + [
    "\ufffe", "\uffff", "\ud800", "\udbff", "\udc00", "\udfff",
]

HOSTILE_PIECES = [
    # XML specials and CDATA end
    "<", ">", "&", '"', "'", "]]>", "<w:t>", "</w:t></w:r></w:p>", "&amp;", "&#123;", "&lt;",
    "<![CDATA[", "<!-- x -->", "<?xml?>",
    # Jinja and docxtpl syntax
    "{{ x }}", "{% if x %}", "{% endif %}", "{#", "#}", "{{", "}}", "{%", "%}", "{{p body }}",
    "{%p if x %}", "{_{", "}_}", "{_%", "%_}", "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__.os }}", "{{r x }}", "{%tr for x in y %}",
    # words and numbers peers dropped or rewrote
    "仅供参考", "2.5亿元", "10:30", "(一)", "如下:", "甲,乙", "f(x)", "a, b", "第1.5条",
    # scripts and symbols
    "𠮷", "𪚥", "😀", "👨\u200d👩\u200d👧", "🇨🇳", "مرحبا", "שלום", "e\u0301", "\u0301",
    "\u200f", "\u202e", "\u200b", "\u3000", "\u00a0", "\u2028", "\u2029", "\x85", "\x7f",
    "\ufeff", "\ufffd", "\ue000", "\U0001fffe", "\U0010ffff", "\\", "%s", "{0}", "$x",
    # whitespace a .docx must keep
    " ", "  ", "\t",
]

_CHARS = st.characters(
    exclude_categories=("Cs",),
    exclude_characters=set(ILLEGAL) | {"\n", "\r"},
)
_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)

#: One line of text: never blank, never a line break or an XML-illegal character.
line = (
    st.lists(
        st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(_CHARS, min_size=1, max_size=12),
                  st.text(_CJK, min_size=1, max_size=20)),
        min_size=1, max_size=8,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)

VERY_LONG = 100_000
"""The length of the occasional very long paragraph."""
LONG_NAME = 300
"""The length of the occasional long title, heading or name: more than the 255
characters a core property holds."""


@st.composite
def stretched(draw: st.DrawFn, length: int) -> str:
    """A line; about one in 50 is repeated to ``length`` characters."""
    text = draw(line)
    if draw(st.integers(0, 49)) == 49:
        text = (text * (length // len(text) + 1))[:length]
        if not text.strip():  # the cut may leave only the pieces' whitespace
            text = "文" + text[1:]
    return text


def paragraph_text(very_long: int = VERY_LONG) -> st.SearchStrategy[str]:
    """A paragraph; about one in 50 is ``very_long`` characters long."""
    return stretched(very_long)


name = stretched(LONG_NAME)
"""A name or heading; about one in 50 is 300 characters long."""


@st.composite
def title_text(draw: st.DrawFn) -> str:
    """A title of one to three lines, broken by \\n, \\r\\n or \\r."""
    lines = draw(st.lists(name, min_size=1, max_size=3))
    out = lines[0]
    for nxt in lines[1:]:
        out += draw(st.sampled_from(["\n", "\r\n", "\r"])) + nxt
    return out


@st.composite
def block_list(draw: st.DrawFn, level: int, very_long: int = VERY_LONG) -> list[Any]:
    """1–4 body items at ``level``: paragraphs (strings) and sections (dicts)."""
    items: list[Any] = []
    for _ in range(draw(st.integers(1, 4))):
        if level <= 4 and draw(st.booleans()):
            run_in = draw(st.booleans())
            body = draw(block_list(level + 1, very_long))
            if run_in:
                body = [draw(paragraph_text(very_long)), *body]
            items.append({"title": draw(name), "body": body, "run_in": run_in})
        else:
            items.append(draw(paragraph_text(very_long)))
    return items


@st.composite
def report_data(draw: st.DrawFn, very_long: int = VERY_LONG) -> dict[str, Any]:
    """The fields of a random valid report, as plain data.

    ``very_long`` is the length of the occasional very long paragraph.
    """
    return {
        "title": draw(title_text()),
        "recipients": draw(st.lists(name, max_size=4)),
        "body": draw(block_list(1, very_long)),
        "issuer": draw(name),
        "date": draw(st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31))),
        "sealed": draw(st.booleans()),
        "kind": draw(st.sampled_from(list(DocKind))),
    }


def text_fields(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    """Every text field of report ``data``: its pydantic error location and value."""
    fields: list[tuple[tuple[Any, ...], str]] = [(("title",), data["title"]),
                                                  (("issuer",), data["issuer"])]
    fields += [(("recipients", i), r) for i, r in enumerate(data["recipients"])]

    def walk(items: list[Any], loc: tuple[Any, ...]) -> None:
        for i, item in enumerate(items):
            if isinstance(item, str):
                fields.append(((*loc, i, "text"), item))
            else:
                fields.append(((*loc, i, "section", "title"), item["title"]))
                walk(item["body"], (*loc, i, "section", "body"))

    walk(data["body"], ("body",))
    return fields


def replace_field(data: dict[str, Any], loc: tuple[Any, ...], value: str) -> dict[str, Any]:
    """A deep copy of ``data`` with the text at ``loc`` replaced by ``value``."""
    import copy

    out = copy.deepcopy(data)
    path = [p for p in loc if p not in ("section", "text")]
    target: Any = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out

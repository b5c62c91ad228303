"""What the checker's rules are made of: :func:`rule` registers a rule in :data:`RULES`;
a rule receives a :class:`Context` and yields :class:`Deviation` objects; and the
helpers the rule modules share (fonts, sizes, lengths in messages).

The rule modules import this module, never the package :mod:`govdoc.checker.rules`,
which imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from govdoc import spec
from govdoc.checker.elements import Kind, Layout
from govdoc.checker.resolve import Document, Paragraph, RunProps
from govdoc.checker.result import Finding
from govdoc.spec import Spec, Strength

if TYPE_CHECKING:
    from govdoc.checker.geometry import Rendering


class NotApplicable(Exception):
    """The document has nothing this rule is about."""


class NotMeasured(Exception):
    """A geometry rule could not measure (no LibreOffice, no pdfplumber, a quirk)."""


@dataclass(frozen=True)
class Deviation:
    """What a rule found wrong: expected vs found, where, and on which spec entry.

    ``basis`` overrides the rule's own clause and strength when the parameter checked
    has its own (e.g. B6's indent is 规定 while its font is 一般).
    """

    expected: str
    found: str
    para: Paragraph | None = None
    message: str | None = None
    basis: Spec[Any] | None = None
    page: int | None = None
    excerpt: str | None = None


@dataclass
class Context:
    """What the rules look at: the resolved document, its elements, and the rendering."""

    doc: Document
    layout: Layout
    rendering: Rendering | None = None
    render_problem: str | None = None  # why there is no rendering, when asked for one

    def elements(self, *kinds: Kind) -> list[Paragraph]:
        return [e.para for e in self.layout.elements if e.kind in kinds]


@dataclass(frozen=True)
class Rule:
    """One rule of the checker."""

    id: str
    title: str
    clause: str
    strength: Strength
    explanation: str
    kind: str  # X: static XML, T: text, G: geometry of the rendered PDF
    family: str
    func: Callable[[Context], Iterable[Deviation]] = field(repr=False, compare=False)

    def run(self, ctx: Context) -> list[Finding]:
        out = []
        for d in self.func(ctx):
            basis = d.basis
            out.append(Finding(
                rule=self.id,
                clause=basis.clause if basis is not None else self.clause,
                strength=basis.strength if basis is not None else self.strength,
                message=d.message or self.explanation,
                expected=d.expected, found=d.found,
                paragraph=d.para.number if d.para is not None else None,
                excerpt=d.excerpt if d.excerpt is not None else (d.para.excerpt() if d.para else ""),
                page=d.page,
                index=d.para.index if d.para is not None else None,
                where=d.para.where if d.para is not None else "",
            ))
        return out


RULES: dict[str, Rule] = {}


def rule(id: str, title: str, basis: Spec[Any], explanation: str, kind: str = "X"
         ) -> Callable[[Callable[[Context], Iterable[Deviation]]], Callable[[Context], Iterable[Deviation]]]:
    """Register a rule; its clause and strength come from ``basis``, its family from the
    module that defines it."""

    def register(func: Callable[[Context], Iterable[Deviation]]) -> Callable[[Context], Iterable[Deviation]]:
        family = func.__module__.rsplit(".", 1)[-1]
        if id in RULES:
            raise ValueError(f"rule {id} registered twice")
        RULES[id] = Rule(id, title, basis.clause, basis.strength, explanation, kind, family, func)
        return func

    return register


# -- Helpers the rule modules share -------------------------------------------------------


def is_cjk(ch: str) -> bool:
    """CJK ideographs (the characters whose font is the East Asian one)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF \
        or 0x20000 <= o <= 0x3134F


def cjk_props(para: Paragraph, start: int = 0, end: int | None = None) -> list[RunProps]:
    """The formatting of each CJK character of ``para`` in ``[start, end)``."""
    chars = para.char_runs()[start:end]
    return [props for ch, props in chars if is_cjk(ch)]


def font_name(props: RunProps) -> str:
    """The East Asian font of a run, saying when it is a theme font."""
    slot = props.east_asia
    if slot.theme:
        return f"{slot.name or '未解析'}（主题字体 {slot.theme}）"
    return slot.name or "未设置"


def font_is(props: RunProps, canonical: str) -> bool:
    """Whether the run's East Asian font is ``canonical`` under one of its names.

    A theme font counts as the face the document's theme gives it, which is what Word
    and WPS show (an unresolved one never counts).
    """
    slot = props.east_asia
    if not slot.name:
        return False
    names = spec.FONT_NAMES[canonical].value
    wanted = {n.replace(" ", "").lower() for n in names}
    return slot.name.replace(" ", "").lower() in wanted


def check_font(para: Paragraph, canonical: str, basis: Spec[Any], what: str,
               start: int = 0, end: int | None = None) -> Iterator[Deviation]:
    """One deviation when the CJK characters of ``para`` are not all in ``canonical``."""
    props = cjk_props(para, start, end)
    wrong = [p for p in props if not font_is(p, canonical)]
    if wrong:
        found = sorted({font_name(p) for p in wrong})
        yield Deviation(canonical, "、".join(found), para, f"{what}应用{canonical}", basis)


def check_size(para: Paragraph, size: float, basis: Spec[Any], what: str,
               start: int = 0, end: int | None = None) -> Iterator[Deviation]:
    """One deviation when the CJK characters of ``para`` are not all ``size`` points."""
    props = cjk_props(para, start, end)
    wrong = sorted({p.size for p in props if abs(p.size - size) > 0.01})
    if wrong:
        yield Deviation(size_name(size), "、".join(size_name(s) for s in wrong), para,
                        f"{what}字号应为{size_name(size)}", basis)


_SIZE_NAMES = {42.0: "初号", 36.0: "小初", 26.0: "一号", 24.0: "小一", 22.0: "二号", 18.0: "小二",
               16.0: "三号", 15.0: "小三", 14.0: "四号", 12.0: "小四", 10.5: "五号", 9.0: "小五"}


def size_name(pt: float) -> str:
    """``三号 (16 pt)`` for 16."""
    name = _SIZE_NAMES.get(round(pt * 2) / 2)
    value = f"{pt:g} pt"
    return f"{name}（{value}）" if name else value


def chars(twips: float, size: float = spec.BODY_SIZE.value) -> str:
    """A length in characters of ``size``, for messages: ``2 字 (640 twips)``."""
    return f"{twips / (size * spec.TWIPS_PER_PT):.2g} 字（{round(twips)} twips）"


def mm(twips: float) -> str:
    return f"{spec.twips_to_mm(twips):.1f} mm"


def start_of_first_line(para: Paragraph) -> int:
    """Where the first line starts, from the left margin (twips), for left-set text."""
    return para.props.left + para.props.first_line


def near(value: float, target: float, tolerance: float) -> bool:
    return abs(value - target) <= tolerance


__all__ = ["Context", "Deviation", "NotApplicable", "NotMeasured", "RULES", "Rule", "rule"]

"""The 条例's wording rules, on plain text: each is known here once.

- A title ends with its 文种 (条例 第九条: 标题由发文机关名称、事由和文种组成).
- A 报告 carries no wording that asks for approval (条例 第十五条: 报告中不得夹带请示事项).
- A 命令 prints no title line (10.2).

:func:`doubts` words them as the doubts about a report's content
(:attr:`govdoc.model.Report.warnings`, issued by ``render``, shown by the preview);
the checker's text rules B3 and T5 (:mod:`govdoc.checker.rules.paragraphs`,
:mod:`govdoc.checker.rules.punctuation`) apply the same tests to a document's paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterable

from govdoc import spec
from govdoc.grammar import KINDS, DocKind

__all__ = ["doubts", "ends_with_kind", "request_wording"]


def ends_with_kind(title: str, kind: DocKind | None = None) -> bool:
    """Whether ``title`` ends with the 文种 ``kind``, or with any 文种 when ``kind`` is None."""
    if kind is not None:
        return title.endswith(kind.value)
    return any(title.endswith(k) for k in KINDS)


def request_wording(text: str) -> str | None:
    """The first formula in ``text`` that asks for approval (请批示, 请予批准…), which
    belongs to a 请示 and not to a 报告; None when there is none."""
    return next((w for w in spec.REQUEST_WORDING.value if w in text), None)


def doubts(title: str, kind: DocKind, texts: Iterable[str], *, title_printed: bool) -> list[str]:
    """The doubts about a document's content, one message each: ``title`` as given,
    ``kind`` its 文种, ``texts`` the words of its body (read only for a 报告), and
    ``title_printed`` False for a 命令, which prints no title line."""
    found = []
    title = title.replace("\n", "").rstrip()
    if not title_printed and title:
        found.append(
            f"命令不印标题: a 命令 prints no title line (10.2); the title “{title}” is kept "
            "in the document properties (标题 property) only"
        )
    if title_printed and title and not ends_with_kind(title, kind):
        found.append(
            f"标题未以文种“{kind.value}”结尾: the title does not end with its kind "
            f"{kind.value} (标题由发文机关名称、事由和文种组成)"
        )
    if kind is DocKind.报告:
        for text in texts:
            hit = request_wording(text)
            if hit:
                found.append(
                    f"报告中不得夹带请示事项（“{hit}”）: a 报告 must not ask for approval; "
                    "use a 请示 (条例 第十五条)"
                )
                break
    return found

"""Every number in the layout and output modules is a :class:`~govdoc.spec.Spec` (or a
constant of :mod:`govdoc.spec`) or a named constant beside the code that owns it, with
a comment saying why it has that value.

The modules are read with ``ast``: a numeric literal other than 0, 1, 2 and -1 must
stand in a module-level assignment to a CONSTANT_NAME that carries a docstring (a string
right under it) or a comment (on its line or the lines right above it). A string that
holds a CSS length in points or millimetres (``0.75pt``) counts as a bare number too:
the preview's lengths are the document's. What remains is listed in :data:`ALLOWED`,
each with its reason. :mod:`govdoc.spec` itself is where the numbers live.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "govdoc"

PLAIN = (0, 1, 2, -1)
"""Numbers that need no name: nothing, one, a pair, the last."""

ALLOWED: dict[str, dict[float, str]] = {
    "layout.py": {},
    "pagination.py": {},
    "blocks.py": {},
    "finish.py": {},
    "html.py": {},
    "pageview.py": {
        180: "the LibreOffice conversion timeout in seconds, the default of every API that "
             "converts (govdoc.convert.convert, govdoc.checker.check, Report.check too); "
             "convert.py would own it as a named constant",
    },
    "styles.py": {},
    "checker/geometry.py": {},
}
"""The modules scanned, each with the bare numbers it may keep and why."""

_CONSTANT = re.compile(r"_?[A-Z][A-Z0-9_]*")
_CSS_LENGTH = re.compile(r"(?<![\w.#-])(\d+(?:\.\d+)?)(?:pt|mm)\b")


def _comment_lines(source: str) -> set[int]:
    """The lines that hold a comment."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {t.start[0] for t in tokens if t.type == tokenize.COMMENT}


def _constants(tree: ast.Module, comments: set[int]) -> list[tuple[int, int, bool]]:
    """Line spans of the module-level constants, and whether each carries a docstring or
    a comment above or on its first line."""
    spans = []
    body = tree.body
    for k, node in enumerate(body):
        if isinstance(node, ast.Assign):
            targets = [t for target in node.targets
                       for t in (target.elts if isinstance(target, ast.Tuple) else [target])]
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        if not all(isinstance(t, ast.Name) and _CONSTANT.fullmatch(t.id) for t in targets):
            continue
        following = body[k + 1] if k + 1 < len(body) else None
        docstring = (isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                     and isinstance(following.value.value, str))
        commented = node.lineno - 1 in comments or node.lineno in comments
        spans.append((node.lineno, node.end_lineno or node.lineno, docstring or commented))
    return spans


def unexplained(source: str, allowed: dict[float, str]) -> list[str]:
    """The bare numbers of ``source`` that are neither named and explained nor allowed."""
    tree = ast.parse(source)
    comments = _comment_lines(source)
    constants = _constants(tree, comments)

    def explained(node: ast.AST) -> bool:
        """In a named constant, documented as a whole or by a comment on its own line."""
        return any(a <= node.lineno and (node.end_lineno or node.lineno) <= b
                   and (documented or node.lineno in comments)
                   for a, b, documented in constants)

    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or explained(node):
            continue
        value = node.value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value not in PLAIN and value not in allowed:
                found.append(f"line {node.lineno}: {value!r}")
        elif isinstance(value, str):
            for match in _CSS_LENGTH.finditer(value):
                if float(match.group(1)) != 0 and float(match.group(1)) not in allowed:
                    found.append(f"line {node.lineno}: {match.group(0)!r} in a string")
    return found


def test_every_number_is_named_and_explained() -> None:
    bad = {name: found for name, allowed in ALLOWED.items()
           if (found := unexplained((SRC / name).read_text(encoding="utf-8"), allowed))}
    assert bad == {}


def test_every_allowed_number_is_still_there() -> None:
    # An allow-list entry whose number is gone must go too.
    for name, allowed in ALLOWED.items():
        if allowed:
            assert unexplained((SRC / name).read_text(encoding="utf-8"), {}), name


def test_the_scan_catches_bare_and_undocumented_numbers() -> None:
    source = '''
WIDTH_TW = 57
"""Explained by its docstring."""
# Explained by a comment.
GAP = 0.6
SLACK = 3
def f(x):
    return x * 114 + 0.12 + WIDTH_TW - 1 + 2 * SLACK  # a comment names no number

CSS = "border:0.75pt solid;margin:0pt;padding:8px"
TABLE = {
    # A comment inside a constant explains only the numbers on its own line.
    "a": 5,
    "b": 7,  # Why 7.
}
'''
    assert sorted(unexplained(source, {})) == [
        "line 10: '0.75pt' in a string", "line 13: 5", "line 6: 3", "line 8: 0.12",
        "line 8: 114"]
    assert unexplained(source, {3: "why", 5: "why", 114: "why", 0.12: "why", 0.75: "why"}) == []

"""Re-formatting a non-conformant document: import it, render it, say what changed.

Importing needs :func:`govdoc.parse.parse_docx` (the importer); without it
:func:`fix` raises :class:`FixError` naming what is missing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from govdoc.check.result import CheckResult
from govdoc.errors import GovdocError


class FixError(GovdocError):
    """The document cannot be re-formatted (no importer, or it could not be imported)."""


@dataclass(frozen=True)
class FixResult:
    """The checks of the input and of the re-formatted output."""

    source: str
    output: Path
    before: CheckResult
    after: CheckResult

    @property
    def fixed(self) -> list[str]:
        """Rules that failed on the input and pass on the output."""
        return sorted(self.before.rules_failed() - self.after.rules_failed())

    @property
    def remaining(self) -> list[str]:
        """Rules that still fail on the output."""
        return sorted(self.after.rules_failed())

    def report(self) -> str:
        """What changed, rule by rule, in a few lines."""
        titles = {o.rule: o.title for o in self.before.outcomes + self.after.outcomes}
        lines = [f"{self.source} → {self.output}"]
        for rule in self.fixed:
            n = sum(f.rule == rule for f in self.before.findings)
            lines.append(f"  已修正 fixed   {rule} {titles.get(rule, '')}（{n} 处）")
        for rule in self.remaining:
            n = sum(f.rule == rule for f in self.after.findings)
            lines.append(f"  仍存在 remains {rule} {titles.get(rule, '')}（{n} 处）")
        if not self.fixed and not self.remaining:
            lines.append("  原文已符合，无改动 (nothing to fix)")
        lines.append(f"  before: {self.before.summary}")
        lines.append(f"  after:  {self.after.summary}")
        return "\n".join(lines)


def fix(source: str | os.PathLike[str], output: str | os.PathLike[str], *,
        render: bool = False) -> FixResult:
    """Import ``source``, render it with govdoc to ``output``, and check both."""
    try:
        from govdoc.parse import parse_docx  # type: ignore[import-not-found]
    except ImportError:
        raise FixError(
            "govdoc fix 需要导入功能: re-formatting needs the importer "
            "(govdoc.parse.parse_docx), which this installation of govdoc lacks"
        ) from None
    import govdoc
    from govdoc.check import check

    src = Path(source)
    out = Path(output)
    if src.resolve() == out.resolve():
        raise FixError(f"{out}: the output must not overwrite the input")
    before = check(src, render=render)
    report = parse_docx(src).report
    govdoc.render(report).save(out)
    after = check(out, render=render)
    return FixResult(str(src), out, before, after)

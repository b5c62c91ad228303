"""What a check reports: findings, per-rule outcomes, a summary, JSON and a table."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum

from govdoc.spec import Strength


class Severity(str, Enum):
    """How much a finding matters; it follows from the strength of the rule broken."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @classmethod
    def of(cls, strength: Strength) -> Severity:
        """规定 → error; 一般 and 推荐 → warning; 实务 → info."""
        if strength is Strength.REQUIRED:
            return cls.ERROR
        if strength in (Strength.USUAL, Strength.RECOMMENDED):
            return cls.WARNING
        return cls.INFO


class Status(str, Enum):
    """What became of one rule on one document."""

    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "n/a"  # the document has no such element
    NOT_MEASURED = "not measured"  # a geometry rule that could not be measured


@dataclass(frozen=True)
class Finding:
    """One deviation from GB/T 9704.

    ``paragraph`` is the 1-based index of the paragraph among all paragraphs of the
    document body in reading order (table cells included), or None for page-level
    findings; ``page`` is the 1-based page of a geometry finding.
    """

    rule: str
    clause: str
    strength: Strength
    message: str
    expected: str
    found: str
    paragraph: int | None = None
    excerpt: str = ""
    page: int | None = None

    @property
    def severity(self) -> Severity:
        return Severity.of(self.strength)

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["strength"] = self.strength.value
        d["severity"] = self.severity.value
        return d


@dataclass(frozen=True)
class Outcome:
    """The result of one rule: its status and, when not measured, why."""

    rule: str
    title: str
    status: Status
    note: str = ""


@dataclass
class CheckResult:
    """Everything one check found in one document."""

    source: str
    findings: list[Finding] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def infos(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.INFO]

    @property
    def ok(self) -> bool:
        """True when no rule of strength 规定 is broken."""
        return not self.errors

    def rules_failed(self) -> set[str]:
        """The ids of the rules with at least one finding."""
        return {f.rule for f in self.findings}

    def status(self, rule: str) -> Status | None:
        """The status of ``rule`` in this check, or None when it did not run."""
        return next((o.status for o in self.outcomes if o.rule == rule), None)

    @property
    def summary(self) -> str:
        """One line: counts of findings by severity and of rules by status."""
        by_status = {s: sum(o.status is s for o in self.outcomes) for s in Status}
        parts = [
            f"{len(self.errors)} 错误 errors",
            f"{len(self.warnings)} 警告 warnings",
            f"{len(self.infos)} 提示 info",
        ]
        rules = (f"{len(self.outcomes)} rules: {by_status[Status.PASS]} passed, "
                 f"{by_status[Status.FAIL]} failed, {by_status[Status.NOT_APPLICABLE]} n/a")
        if by_status[Status.NOT_MEASURED]:
            rules += f", {by_status[Status.NOT_MEASURED]} not measured"
        verdict = "符合 conforms" if self.ok else "不符合 does not conform"
        return f"{self.source}: {verdict} — " + ", ".join(parts) + f"; {rules}"

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "ok": self.ok,
            "summary": self.summary,
            "counts": {"error": len(self.errors), "warning": len(self.warnings),
                       "info": len(self.infos)},
            "findings": [f.to_dict() for f in self.findings],
            "rules": [{"rule": o.rule, "title": o.title, "status": o.status.value,
                       **({"note": o.note} if o.note else {})} for o in self.outcomes],
            "notes": list(self.notes),
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The result as JSON (UTF-8 text, Chinese kept readable)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def table(self) -> str:
        """A readable table of the findings, most severe first, then the summary."""
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        rows = [("级别", "规则", "条款", "位置", "说明", "应为", "实为")]
        for f in sorted(self.findings, key=lambda f: (order[f.severity], f.paragraph or 0)):
            where = []
            if f.page is not None:
                where.append(f"第{f.page}页")
            if f.paragraph is not None:
                where.append(f"段{f.paragraph}")
            if f.excerpt:
                where.append(f"“{f.excerpt}”" if f.paragraph is not None else f.excerpt)
            rows.append((f.severity.value, f.rule, f.clause, " ".join(where) or "全文",
                         f.message, f.expected, f.found))
        lines = []
        if len(rows) > 1:
            widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
            widths = [min(w, 40) for w in widths]
            for n, row in enumerate(rows):
                lines.append("  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip())
                if n == 0:
                    lines.append("  ".join("-" * w for w in widths))
        not_measured = [o for o in self.outcomes if o.status is Status.NOT_MEASURED]
        for o in not_measured:
            lines.append(f"not measured {o.rule} {o.title}: {o.note}")
        lines.extend(self.notes)
        lines.append(self.summary)
        return "\n".join(lines)


def _width(text: str) -> int:
    from govdoc.text.metrics import is_wide

    return sum(2 if is_wide(c) else 1 for c in text)


def _pad(text: str, width: int) -> str:
    if _width(text) > width:
        out = ""
        for c in text:
            if _width(out + c + "…") > width:
                break
            out += c
        text = out + "…"
    return text + " " * (width - _width(text))

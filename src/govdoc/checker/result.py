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

    ``paragraph`` is the paragraph's number in python-docx's ``Document.paragraphs``,
    counted from 1 (``doc.paragraphs[paragraph - 1]``); None for page-level findings and
    for paragraphs in tables. ``where`` says where the paragraph is in words a user can
    follow (``第12段``, ``表1第2行第3格``); ``index`` is its 1-based place among all
    paragraphs in reading order (table cells included). ``page`` is the 1-based page
    of a geometry finding.
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
    index: int | None = None
    where: str = ""

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
    geometry_problem: str | None = None
    """Why the geometry was not measured although a rendering was asked for (LibreOffice
    or pdfplumber missing, the conversion failed), or None."""

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
    def verdict(self) -> str:
        """符合 only when no rule found anything and every rule asked for ran: with
        warnings, or with the geometry asked for and not measured, it says so."""
        unmeasured = "几何未检查 geometry not checked"
        if self.errors:
            verdict = "不符合 does not conform"
        elif self.warnings:
            verdict = f"无错误，有{len(self.warnings)}条警告待核查 no errors, warnings to review"
        elif self.geometry_problem:
            return f"静态规则符合，{unmeasured} (the static rules conform)"
        else:
            return "符合 conforms"
        return f"{verdict}；{unmeasured}" if self.geometry_problem else verdict

    @property
    def summary(self) -> str:
        """One line: the verdict, counts of findings by severity and of rules by status."""
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
        return f"{self.source}: {self.verdict} — " + ", ".join(parts) + f"; {rules}"

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
            "geometry_problem": self.geometry_problem,
        }

    def to_json(self, indent: int | None = 2) -> str:
        """The result as JSON (UTF-8 text, Chinese kept readable)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def table(self) -> str:
        """A readable table of the findings, most severe first, then the summary.

        Long cells wrap onto further lines of their row; nothing is cut."""
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        rows = [("级别", "规则", "条款", "位置", "说明", "应为", "实为")]
        findings = sorted(self.findings, key=lambda f: (order[f.severity], f.page or 0,
                                                        f.index or 0))
        for f in findings:
            where = []
            if f.page is not None:
                where.append(f"第{f.page}页")
            if f.where:
                where.append(f.where)
            if f.excerpt:
                where.append(f"“{f.excerpt}”" if f.where else f.excerpt)
            rows.append((f.severity.value, f.rule, f.clause, " ".join(where) or "全文",
                         f.message, f.expected, f.found))
        lines = []
        if len(rows) > 1:
            widths = [min(max(_width(r[i]) for r in rows), cap)
                      for i, cap in enumerate(_COLUMN_WIDTHS)]
            for n, row in enumerate(rows):
                cells = [wrap(c, w) for c, w in zip(row, widths)]
                for k in range(max(len(c) for c in cells)):
                    lines.append("  ".join(_pad(c[k] if k < len(c) else "", w)
                                           for c, w in zip(cells, widths)).rstrip())
                if n == 0:
                    lines.append("  ".join("-" * w for w in widths))
            if any(f.paragraph is not None or f.index is not None for f in findings):
                lines.append(POSITION_LEGEND)
        if self.geometry_problem:
            lines.append(f"几何规则未测量 geometry not measured: {self.geometry_problem}")
        else:
            for o in self.outcomes:
                if o.status is Status.NOT_MEASURED:
                    lines.append(f"not measured {o.rule} {o.title}: {o.note}")
        lines.extend(self.notes)
        lines.append(self.summary)
        return "\n".join(lines)


POSITION_LEGEND = ("位置 positions: 第N段 = python-docx 的 doc.paragraphs[N-1]（从1数起 paragraph N, "
                   "counted from 1）；表T第R行第C格 = doc.tables[T-1].cell(R-1, C-1)")

# The widest each column of the table may be (display cells: a Chinese character takes 2).
_COLUMN_WIDTHS = (7, 5, 11, 28, 36, 28, 28)
# Characters a wrapped line must not start with (避头): they stay with what they follow.
_NO_LINE_START = set("，。、；：？！）》”’」』】〕…—,.;:?!)]}%")


def _width(text: str) -> int:
    from govdoc.text.metrics import is_wide

    return sum(2 if is_wide(c) else 1 for c in text)


def _tokens(text: str) -> list[str]:
    """Units a line may break between: a wide character, a run of narrow non-space
    characters (a word, a number with its unit) or a space; closing punctuation sticks
    to what it follows."""
    from govdoc.text.metrics import is_wide

    out: list[str] = []
    for c in text:
        narrow_word = not c.isspace() and not is_wide(c)
        if out and (c in _NO_LINE_START or narrow_word and not out[-1][-1].isspace()
                    and not is_wide(out[-1][-1])):
            out[-1] += c
        else:
            out.append(c)
    return out


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines at most ``width`` display cells wide, broken between Chinese
    characters or at spaces, never inside a word or a number (only a word wider than
    the whole column is broken, since nothing else fits)."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if line.strip() and _width(line + token) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
        while _width(line) > width:  # one token wider than the column
            cut = 1
            while _width(line[:cut + 1]) <= width:
                cut += 1
            lines.append(line[:cut])
            line = line[cut:]
    lines.append(line.rstrip())
    return lines


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))

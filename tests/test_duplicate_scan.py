"""No duplicated logic in src/ (issue 19): scripts/duplicate_scan.sh, pylint's
duplicate-code check at 6 lines with import lists aside, finds no similar code but the
pairs allowed here, each with its reason. An allowed pair the scan no longer finds fails
too, so the list cannot outlive what it excuses. About 10 s.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SCAN = ROOT / "scripts" / "duplicate_scan.sh"

ALLOWED: dict[frozenset[str], str] = {}
"""Modules (as pylint names them, e.g. ``govdoc.grammar``) whose similar code is
legitimate → why. Empty: src/ has no pair today."""

Finding = tuple[tuple[str, int, int], ...]
"""One group of similar code: (module, first line, end line) for each place."""


def scan(*paths: Path) -> tuple[int, list[Finding], str]:
    """Run the scan (over src/govdoc without ``paths``): its exit status, what it found,
    and its output."""
    if os.name == "nt":
        pytest.skip("the scan is a bash script")
    run = subprocess.run(["bash", str(SCAN), *map(str, paths)], capture_output=True,
                         text=True, env=dict(os.environ, PYTHON=sys.executable), timeout=300)
    findings: list[Finding] = []
    for block in re.split(r"^.*R0801: Similar lines in \d+ files$", run.stdout, flags=re.M)[1:]:
        places = re.findall(r"^==([\w.]+):\[(\d+):(\d+)\]$", block, flags=re.M)
        findings.append(tuple((name, int(start), int(end)) for name, start, end in places))
    return run.returncode, findings, run.stdout + run.stderr


def test_the_scan_reports_similar_code_with_where_it_is(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    logic = ("def total(values: list[int]) -> int:\n    result = 0\n    for value in values:\n"
             "        if value > 0:\n            result += value * 2\n        else:\n"
             "            result -= value\n    return result\n")
    (package / "one.py").write_text(f'"""One."""\n\nimport os\n\n{logic}', encoding="utf-8")
    (package / "two.py").write_text(f'"""Two."""\n\n\n{logic}', encoding="utf-8")
    (package / "three.py").write_text(logic.replace("* 2", "* 3"), encoding="utf-8")
    status, findings, output = scan(package)
    assert status == 1, output
    # Lines counted from 0, the end excluded; the signatures are left out.
    assert findings == [(("pkg.one", 5, 12), ("pkg.two", 4, 11))], output
    (package / "two.py").write_text("X = 1\n", encoding="utf-8")
    assert scan(package)[:2] == (0, [])


def test_src_has_no_similar_code_but_the_allowed_pairs():
    status, findings, output = scan()
    assert status in (0, 1), output  # 0: nothing found; 1: something found; else pylint failed
    found = {frozenset(name for name, _, _ in places): places for places in findings}
    unexpected = [places for pair, places in found.items() if pair not in ALLOWED]
    assert not unexpected, f"similar code (module, lines) in src/: {unexpected}\n{output}"
    stale = [sorted(pair) for pair in ALLOWED if pair not in found]
    assert not stale, f"allowed pairs the scan no longer finds: {stale}"
    assert status == (1 if findings else 0), output

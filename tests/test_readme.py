"""The README: what it names exists, what it promises is tested, what it documents is
there. Fast (well under a second)."""

from __future__ import annotations

import re
try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_file_the_readme_names_is_in_the_repository():
    named = set(re.findall(r"(?<![\w./-])((?:src|docs|tests|examples|scripts|benchmarks|templates)"
                           r"/[\w./-]*\w)", README))
    named |= {m for m in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", README)}
    assert len(named) > 20
    missing = sorted(n for n in named if not (ROOT / n).exists()
                     and not n.startswith(("tests/drafts/", "out/")))
    assert not missing, missing
    for gone in ("ARCHITECTURE.md", "spec digest"):
        assert gone not in README


def test_every_promise_names_tests_that_exist():
    table = README.split("## Promises, and the tests that hold them", 1)[1].split("\n## ", 1)[0]
    names = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", table)
    assert len(names) >= 15
    for path, test in names:
        source = (ROOT / path).read_text(encoding="utf-8")
        assert re.search(rf"^def {test}\(", source, re.M), f"{path}::{test} does not exist"


def test_nothing_reads_outside_the_repository():
    offenders = []
    for folder in ("tests", "examples", "scripts", "benchmarks", "src"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "test_readme.py":
                continue
            text = path.read_text(encoding="utf-8")
            if re.search(r"\.\./shared|[\"']shared[\"']\s*[/)]|parent\.parent\.parent", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders


def test_the_command_section_documents_every_command():
    from govdoc.cli import build_parser

    section = README.split("## The `govdoc` command", 1)[1].split("\n## ", 1)[0]
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) >= {"build", "schema", "pdf", "preview", "batch", "check", "fix"}
    for name in commands:
        assert f"govdoc {name} " in section, name


def test_the_notebook_extra_exists_and_the_readme_says_how_to_run_the_notebook():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"]
    assert {re.split(r"[<>=]", d)[0] for d in extras["notebook"]} >= {"notebook", "ipykernel"}
    assert '.[notebook]"' in README and "jupyter notebook drafting.ipynb" in README



def test_the_readme_says_how_long_things_take():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"\d+ s\b|\d+ min", quick), "the quick start states its times"
    tests = README.split("## Tests", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"\d+ min", tests), "the Tests section states how long they take"

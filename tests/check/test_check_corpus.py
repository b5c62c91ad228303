"""The seeded-defect corpus: each document breaks one rule, and the checker says so.

Every defect must be caught by its rule, and no rule of strength 规定 that has nothing
to do with it may fail (warnings may: a restyled template can shift other things).
The static half runs without LibreOffice; the rendered half converts the whole corpus
in one LibreOffice run and adds the geometry rules.
"""

from __future__ import annotations

import pytest

import govdoc.checker
from govdoc.checker import all_rules

from conftest import require_libreoffice
from defect_corpus import DEFECTS, Defect, base

STATIC = {r.id for r in all_rules() if r.kind != "G"}
BASES = sorted({d.base for d in DEFECTS})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    paths = {}
    for d in DEFECTS:
        paths[d.name] = folder / f"{d.name}.docx"
        paths[d.name].write_bytes(d.build())
    for name in BASES:
        paths["base:" + name] = folder / f"base-{name}.docx"
        paths["base:" + name].write_bytes(base(name))
    return paths


@pytest.fixture(scope="module")
def static_results(corpus):
    return dict(zip(corpus, govdoc.checker.check_many(list(corpus.values()))))


@pytest.fixture(scope="module")
def rendered_results(corpus):
    require_libreoffice()
    return dict(zip(corpus, govdoc.checker.check_many(list(corpus.values()), render=True)))


def test_the_corpus_is_large_and_half_of_it_edited_xml():
    assert len(DEFECTS) >= 30
    assert sum(d.how == "xml" for d in DEFECTS) >= len(DEFECTS) / 2
    assert len({d.name for d in DEFECTS}) == len(DEFECTS)
    known = {r.id for r in all_rules()}
    assert all(d.rule in known and d.also <= known for d in DEFECTS)


def _assert_caught(defect: Defect, results, rules: set[str]) -> None:
    result = results[defect.name]
    before = results["base:" + defect.base]
    assert defect.rule not in before.rules_failed(), f"the base already fails {defect.rule}"
    assert defect.rule in result.rules_failed(), result.table()
    unrelated = {f.rule for f in result.errors if f.rule in rules} - {defect.rule} - defect.also
    assert not unrelated, result.table()


@pytest.mark.parametrize("defect", [d for d in DEFECTS if d.rule in STATIC], ids=lambda d: d.name)
def test_static_rules_catch_the_defect(defect, static_results):
    _assert_caught(defect, static_results, STATIC)


@pytest.mark.parametrize("defect", DEFECTS, ids=lambda d: d.name)
def test_rendered_check_catches_the_defect_and_nothing_unrelated(defect, rendered_results):
    _assert_caught(defect, rendered_results, {r.id for r in all_rules()})


def test_the_bases_are_conformant(rendered_results):
    for name in BASES:
        result = rendered_results["base:" + name]
        assert result.ok, result.table()

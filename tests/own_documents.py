"""Every kind of document govdoc's examples and tests generate, by name.

The checker's own-output test renders all of them and checks them with LibreOffice
measurements; the seeded-defect corpus starts from some of them.
"""

from __future__ import annotations

import datetime
import importlib.util
import sys
import warnings
from pathlib import Path
from types import ModuleType

import govdoc
from govdoc import Header, Imprint, Report

from conftest import ROOT, example_reports


def _test_module(relative: str, name: str) -> ModuleType:
    path = ROOT / "tests" / relative
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def own_reports(folder: Path) -> dict[str, tuple[Report, bool]]:
    """name → (report, finish) for every document the examples and tests build.

    ``folder`` receives the seal images some examples need.
    """
    layout_tests = _test_module("test_rendered_layout.py", "own_rendered_layout")
    gongwen_tests = _test_module("test_rendered_gongwen.py", "own_rendered_gongwen")
    render_tests = _test_module("render/test_render.py", "own_render")
    seal_tests = _test_module("test_rendered_seals.py", "own_rendered_seals")
    finish_tests = _test_module("test_rendered_finish.py", "own_rendered_finish")
    title_cases = _test_module("title_cases.py", "own_title_cases")
    from ring_png import write_ring  # examples/ is on sys.path after example_reports()

    docs: dict[str, tuple[Report, bool]] = {}
    for name, report in example_reports(folder).items():
        docs[name] = (report, False)  # type: ignore[assignment]
        docs[name + "-finished"] = (report, True)  # type: ignore[assignment]
    ring = write_ring(folder / "ring.png")
    docs["simple"] = (render_tests.simple_report(), False)
    for n in (3, 4):
        docs[f"joint-seals-{n}"] = (seal_tests.joint(ring, n), False)
    docs["joint-unsealed-3"] = (seal_tests.joint(ring, 3, sealed=False), False)
    docs["finish-plain"] = (finish_tests.report(), False)
    docs["finish-finished"] = (finish_tests.report(), True)
    for i, case in enumerate(title_cases.CASES):
        docs[f"title-{i:02d}"] = (Report(title=case.title, title_shape=case.shape, body=["正文。"],
                                         issuer="某某县人民政府", date=datetime.date(2024, 5, 6)),
                                  False)
    docs["moved-recipients"] = (Report(
        kind="通知", title="关于做好村民委员会换届工作的通知",
        header=Header(organs=["某乡人民政府"], number="某政发〔2024〕1号"),
        recipients=[f"第{i}村民委员会" for i in range(1, 40)], body=["请认真做好换届工作。"],
        issuer="某乡人民政府", date=datetime.date(2024, 1, 18),
        imprint=Imprint(cc=["县司法局"], printer="某办公室", date=datetime.date(2024, 1, 18)),
    ), False)
    for sealed in (True, False):
        for n in range(14, 24):
            docs[f"padded-{n}-{'sealed' if sealed else 'unsealed'}"] = (
                layout_tests.padded_report(n, sealed), False)
    for n in range(14, 22, 2):
        docs[f"imprint-{n}"] = (gongwen_tests.imprint_report(n), False)
    docs["landscape-table"] = (gongwen_tests.landscape_report(), False)
    docs["joint-and-table"] = (gongwen_tests.joint_and_table_report(), False)
    for n in (10, 14, 16, 19, 22, 24, 26, 30, 40):
        docs[f"duplex-{n}"] = (gongwen_tests.duplex_report(n), False)
    return docs


def save_all(reports: dict[str, tuple[Report, bool]], folder: Path) -> dict[str, Path]:
    out = {}
    for name, (report, finish) in reports.items():
        path = folder / f"{name}.docx"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", govdoc.GovdocWarning)
            govdoc.render(report, finish=finish).save(path)
        out[name] = path
    return out

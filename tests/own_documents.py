"""Every kind of document govdoc's examples and tests generate, by name.

The checker's own-output test renders all of them and checks them with LibreOffice
measurements; the seeded-defect corpus starts from some of them.
"""

from __future__ import annotations

import datetime
import importlib.util
from pathlib import Path

import govdoc
from govdoc import Attachment, Header, Imprint, Report

from conftest import ROOT, load_example


def _test_module(relative: str, name: str):
    path = ROOT / "tests" / relative
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def joint_notice() -> Report:
    """A 联合行文 with two organs in the 标志 and a 版记 without 抄送."""
    return Report(
        kind="通知", title="关于联合开展法治宣传活动的通知",
        header=Header(organs=["棣棠乡人民政府", "中共棣棠乡委员会"], number="棣政发〔2024〕7号"),
        recipients=["各村（社区）"], body=["现就联合开展法治宣传活动有关事项通知如下。", "请认真贯彻执行。"],
        attachments=[Attachment(title="活动安排表")],
        issuer="棣棠乡人民政府", date=datetime.date(2024, 3, 1),
        imprint=Imprint(printer="棣棠乡党政综合办公室", date=datetime.date(2024, 3, 1)),
    )


def own_reports() -> dict[str, Report]:
    """name → report, for every document the examples and tests build."""
    layout_tests = _test_module("test_rendered_layout.py", "own_rendered_layout")
    gongwen_tests = _test_module("test_rendered_gongwen.py", "own_rendered_gongwen")
    render_tests = _test_module("render/test_render.py", "own_render")
    docs: dict[str, Report] = {
        "seed": load_example("didiao_2023_report").REPORT,
        "notice": load_example("notice").NOTICE,
        "request": load_example("request").REQUEST,
        "simple": render_tests.simple_report(),
        "joint": joint_notice(),
        "moved-recipients": Report(
            kind="通知", title="关于做好村民委员会换届工作的通知",
            header=Header(organs=["某乡人民政府"], number="某政发〔2024〕1号"),
            recipients=[f"第{i}村民委员会" for i in range(1, 80)], body=["请认真做好换届工作。"],
            issuer="某乡人民政府", date=datetime.date(2024, 1, 18),
            imprint=Imprint(cc=["县司法局"], printer="某办公室", date=datetime.date(2024, 1, 18)),
        ),
    }
    for sealed in (True, False):
        for n in range(14, 24):
            docs[f"padded-{n}-{'sealed' if sealed else 'unsealed'}"] = layout_tests.padded_report(n, sealed)
    for n in range(14, 22, 2):
        docs[f"imprint-{n}"] = gongwen_tests.imprint_report(n)
    return docs


def save_all(reports: dict[str, Report], folder: Path) -> dict[str, Path]:
    import warnings

    out = {}
    for name, report in reports.items():
        path = folder / f"{name}.docx"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", govdoc.GovdocWarning)
            govdoc.render(report).save(path)
        out[name] = path
    return out

"""Shared fixtures: the seed report, its .docx, and its LibreOffice rendering."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # for pdfmeasure / ooxml helpers

SEED_TEXT = ROOT / "examples" / "data" / "didiao-2023-fazhi-report.txt"


def load_example(name: str) -> ModuleType:
    """Import ``examples/<name>.py`` as a module."""
    path = ROOT / "examples" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"example_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def example_reports(tmp: Path) -> dict[str, object]:
    """Every example's Report, by example name. Examples that need a seal image get the
    plain ring or frame of examples/ring_png.py, written into ``tmp``."""
    sys.path.insert(0, str(ROOT / "examples"))
    from ring_png import write_frame, write_ring

    reports = {}
    for path in sorted((ROOT / "examples").glob("*.py")):
        module = load_example(path.stem)
        if hasattr(module, "REPORT"):
            reports[path.stem] = module.REPORT
        elif hasattr(module, "sealed_report"):
            reports[path.stem] = module.sealed_report(write_ring(tmp / "ring.png"))
        elif hasattr(module, "order"):
            reports[path.stem] = module.order(write_frame(tmp / "frame.png"))
        elif hasattr(module, "joint_notice"):
            reports[path.stem] = module.joint_notice(write_ring(tmp / "ring.png"))
    return reports


def require_libreoffice() -> None:
    """Skip when LibreOffice is missing — except in CI, where that is a failure."""
    from govdoc.convert import find_soffice

    if find_soffice() is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice is not installed, and CI must run the rendered tests")
        pytest.skip("LibreOffice is not installed")


@pytest.fixture(scope="session")
def seed_report():
    return load_example("didiao_2023_report").REPORT


@pytest.fixture(scope="session")
def seed_docx(seed_report, tmp_path_factory) -> Path:
    import govdoc

    path = tmp_path_factory.mktemp("seed") / "seed.docx"
    govdoc.render(seed_report).save(path)
    return path


@pytest.fixture(scope="session")
def seed_pdf(seed_docx) -> Path:
    require_libreoffice()
    from govdoc.convert import to_pdf

    return to_pdf(seed_docx)

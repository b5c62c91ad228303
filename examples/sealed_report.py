"""A sealed single-issuer 报告 with its seal image over the 署名 and date (7.3.5.1).

    python examples/sealed_report.py [--seal SEAL.png] [-o OUT.docx]

Without --seal, a plain red ring (examples/ring_png.py) stands in for the seal.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ring_png import write_ring  # noqa: E402

from govdoc import Report, Seal, Section  # noqa: E402


def sealed_report(seal: Path) -> Report:
    """The report, sealed with the image at ``seal``."""
    return Report(
        title="棣棠乡人民政府关于2023年度安全生产工作情况的报告",
        recipients=["县人民政府"],
        body=[
            "2023年，我乡认真落实安全生产责任制，全年未发生较大以上安全生产事故。"
            "现将有关情况报告如下：",
            Section(title="主要工作", body=[
                "开展安全隐患排查整治行动12次，整改隐患86处，整改率100%。",
            ]),
            Section(title="下步打算", body=[
                "持续压实安全生产责任，深化重点行业领域专项整治，确保全乡安全形势稳定。",
            ]),
            "特此报告。",
        ],
        issuer="棣棠乡人民政府",
        date=datetime.date(2024, 1, 18),
        seal=Seal(image=seal, diameter_mm=42),
    )


def main() -> None:
    from _run import run_example

    run_example(__doc__, "sealed-report.docx",
                lambda args, tmp: sealed_report(args.seal or write_ring(tmp / "ring.png")),
                lambda parser: parser.add_argument(
                    "--seal", type=Path, help="the seal image (PNG or JPEG)"))


if __name__ == "__main__":
    main()

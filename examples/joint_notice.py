"""A 联合行文 通知 of three organs, sealed: one seal over each 署名 (7.3.5.1).

    python examples/joint_notice.py [--seal SEAL.png] [-o OUT.docx]

Without --seal, a plain red ring (examples/ring_png.py) stands in for each seal; with
it, the one image serves all three (try your own three by editing ``joint_notice``).
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ring_png import write_ring  # noqa: E402

from govdoc import Header, Report, Seal, Section  # noqa: E402

ORGANS = ["中共棣棠乡委员会", "棣棠乡人民政府", "棣棠乡人大主席团"]
BODY = [
    "为深入学习宣传习近平法治思想，推进法治乡村建设，乡党委、乡人民政府、"
    "乡人大主席团决定联合开展2024年度“法律进村居”活动。现将有关事项通知如下：",
    Section(title="活动时间", body=["2024年3月至11月。"]),
    Section(title="活动内容", body=[
        "以宪法、民法典和与群众生产生活密切相关的法律法规为重点，每村（社区）"
        "开展集中宣讲不少于2场，发放宣传资料不少于300份。",
    ]),
    Section(title="工作要求", body=[
        "各村（社区）要高度重视，明确专人负责，于每季度末将活动开展情况报乡司法所。",
    ]),
]


def joint_notice(seal: Path | None) -> Report:
    """The joint 通知; sealed with ``seal`` on each 署名, or unsealed when None."""
    return Report(
        kind="通知",
        header=Header(organs=ORGANS, number="棣发〔2024〕3号"),
        title="中共棣棠乡委员会 棣棠乡人民政府 棣棠乡人大主席团关于联合开展“法律进村居”活动的通知",
        recipients=["各村（社区）党组织、村（居）民委员会", "乡属各单位"],
        body=BODY,
        issuer=ORGANS,
        date=datetime.date(2024, 2, 20),
        sealed=seal is not None,
        seal=[Seal(image=seal)] * len(ORGANS) if seal else None,
    )


def main() -> None:
    from _run import run_example

    run_example(__doc__, "joint-notice.docx",
                lambda args, tmp: joint_notice(args.seal or write_ring(tmp / "ring.png")),
                lambda parser: parser.add_argument(
                    "--seal", type=Path, help="a seal image (PNG or JPEG) for all three"))


if __name__ == "__main__":
    main()

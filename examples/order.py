"""A 命令（令） in the order format (10.2), signed with a 签名章 (7.3.5.3).

    python examples/order.py [--signature SEAL.png] [-o OUT.docx]

Without --signature, a plain red frame (examples/ring_png.py) stands in for the
signature seal.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ring_png import write_frame  # noqa: E402

from govdoc import Header, Report, Seal, Signer  # noqa: E402


def order(signature: Path | None) -> Report:
    """The 命令, with the signature seal image at ``signature`` (or room for it)."""
    return Report(
        kind="令",
        header=Header(organs=["棣棠乡人民政府"], mark_suffix="令", order_number="第1号"),
        title="棣棠乡人民政府令（第1号）",
        body=[
            "《棣棠乡村规民约管理办法》已经2024年1月16日乡人民政府常务会议通过，"
            "现予公布，自2024年3月1日起施行。",
        ],
        issuer="棣棠乡人民政府",
        date=datetime.date(2024, 1, 18),
        signers=[Signer(title="乡长", image=Seal(image=signature, diameter_mm=25)
                        if signature else None)],
    )


def main() -> None:
    from _run import run_example

    run_example(__doc__, "order.docx",
                lambda args, tmp: order(args.signature or write_frame(tmp / "frame.png")),
                lambda parser: parser.add_argument(
                    "--signature", type=Path, help="the 签名章 image (PNG or JPEG)"))


if __name__ == "__main__":
    main()

"""The joint 通知 of examples/joint_notice.py without seals: the 署名s stacked (7.3.5.2).

    python examples/joint_notice_unsealed.py [-o OUT.docx]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from joint_notice import joint_notice  # noqa: E402

from govdoc import render  # noqa: E402

REPORT = joint_notice(None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=Path("joint-notice-unsealed.docx"),
                        help="where to write the .docx (default: %(default)s)")
    args = parser.parse_args()
    render(REPORT).save(args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()

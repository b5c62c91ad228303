"""The joint 通知 of examples/joint_notice.py without seals: the 署名s stacked (7.3.5.2).

    python examples/joint_notice_unsealed.py [-o OUT.docx]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from joint_notice import joint_notice  # noqa: E402

REPORT = joint_notice(None)


def main() -> None:
    from _run import run_example

    run_example(__doc__, "joint-notice-unsealed.docx", REPORT)


if __name__ == "__main__":
    main()

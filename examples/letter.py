"""A 函 in the letter format (信函格式, 10.1): the 标志 30 mm from the top, red double
rules, the 发文字号 flush right, no page number on page 1.

    python examples/letter.py [-o OUT.docx]
"""

from __future__ import annotations

import datetime

from govdoc import Header, Imprint, Report

REPORT = Report(
    kind="函",
    format="letter",
    header=Header(organs=["棣棠乡人民政府"], number="棣政函〔2024〕3号",
                  copy_number="000012", urgency="加急"),
    title="关于商请协助开展法治宣传活动的函",
    recipients=["县司法局"],
    body=[
        "为深入学习宣传习近平法治思想，推动法治乡村建设，我乡拟于2024年3月"
        "开展“法治宣传进村入户”系列活动。因我乡普法力量有限，特商请贵局选派2至3名"
        "法律工作者参加宣讲，并提供普法宣传资料500份。",
        "活动具体时间、地点另行商定。",
        "请予支持为盼。",
    ] + ["附：活动安排将于2月底前函告贵局。"] * 12,
    issuer="棣棠乡人民政府",
    date=datetime.date(2024, 1, 18),
    imprint=Imprint(cc=["县人民政府办公室"], printer="棣棠乡党政综合办公室",
                    date=datetime.date(2024, 1, 18)),
)


def main() -> None:
    from _run import run_example

    run_example(__doc__, "letter.docx", REPORT)


if __name__ == "__main__":
    main()

"""A 纪要 in the minutes format (10.3): 出席, 请假 and 列席 lines, no seal.

    python examples/minutes.py [-o OUT.docx]
"""

from __future__ import annotations

import datetime

from govdoc import Attendance, Header, Report, Section

REPORT = Report(
    kind="纪要",
    header=Header(organs=["棣棠乡人民政府常务会议"], mark_suffix="纪要",
                  number="棣政纪〔2024〕1号"),
    title="棣棠乡人民政府2024年第1次常务会议纪要",
    body=[
        "2024年1月16日，乡长张某某主持召开乡人民政府2024年第1次常务会议，"
        "研究法治政府建设和安全生产等工作。纪要如下：",
        Section(title="关于法治政府建设工作", body=[
            "会议听取了乡司法所关于2023年度法治政府建设情况的汇报，"
            "原则同意《棣棠乡2023年度法治政府建设情况报告》，由党政综合办公室按程序报送。",
        ]),
        Section(title="关于安全生产工作", body=[
            "会议要求各村（社区）在春节前开展一次安全隐患排查，排查结果于1月31日前报乡应急管理办公室。",
        ]),
    ],
    attendance=[
        Attendance(label="出席", names=["张某某", "李某某", "王某某", "赵某某", "钱某某",
                                      "孙某某", "周某某", "吴某某", "郑某某", "冯某某"]),
        Attendance(label="请假", names=["陈某某（在县参加培训）"]),
        Attendance(label="列席", names=["乡司法所", "乡应急管理办公室", "乡财政所负责同志"]),
    ],
    issuer="棣棠乡人民政府办公室",
    date=datetime.date(2024, 1, 18),
)


def main() -> None:
    from _run import run_example

    run_example(__doc__, "minutes.docx", REPORT)


if __name__ == "__main__":
    main()

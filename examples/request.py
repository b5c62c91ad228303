"""A 请示 (上行文) with 签发人, 发文字号 on the signers' line, and an unsealed signature.

Run from anywhere:

    python examples/request.py [-o OUT.docx]
"""

from __future__ import annotations

import datetime

from govdoc import Header, Imprint, Report

REPORT = Report(
    kind="请示",
    header=Header(
        organs=["棣棠乡人民政府"],
        number="棣政〔2024〕12号",
        signers=["张某某", "李某某", "王某某"],
        urgency="加急",
    ),
    title="棣棠乡人民政府关于申请法治宣传教育专项经费的请示",
    recipients=["县人民政府"],
    body=[
        "为深入开展法治宣传教育，推进法治乡村建设，我乡计划于2024年在各村（社区）"
        "开展普法宣讲、法律知识竞赛和法治文化阵地建设等工作，共需经费12.5万元。"
        "因乡级财力有限，特申请县级专项经费支持。",
        "妥否，请批示。",
    ],
    issuer="棣棠乡人民政府",
    date=datetime.date(2024, 2, 5),
    sealed=False,
    note="联系人：王某某，联系电话：0871-1234567",
    imprint=Imprint(cc=["县司法局", "县财政局"], printer="棣棠乡党政综合办公室",
                    date=datetime.date(2024, 2, 5)),
)


def main() -> None:
    from _run import run_example

    run_example(__doc__, "request.docx", REPORT)


if __name__ == "__main__":
    main()

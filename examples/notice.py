"""A 通知 with the whole 版头, 主送机关, 附件说明, two bound attachments, 附注 and 版记.

Run from anywhere:

    python examples/notice.py [-o OUT.docx]
"""

from __future__ import annotations

import datetime

from govdoc import Attachment, Header, Imprint, Report, Section, Table

REPORT = Report(
    kind="通知",
    header=Header(
        organs=["棣棠乡人民政府"],
        number="棣政发〔2024〕5号",
        copy_number="000001",
        secrecy="秘密★1年",
        urgency="特急",
    ),
    title="棣棠乡人民政府关于开展2024年度法治宣传教育工作的通知",
    recipients=["各村（社区）", "乡属各单位"],
    body=[
        "为深入学习贯彻习近平法治思想，推动法治宣传教育工作深入开展，"
        "根据县委、县政府工作部署，结合我乡实际，现就有关事项通知如下。",
        Section(title="工作目标", body=[
            "以提升群众法治素养为目标，全年开展普法宣传活动不少于8场，"
            "发放宣传资料不少于3000份，实现各村（社区）法律顾问全覆盖。",
        ]),
        Section(title="主要任务", body=[
            Section(title="加强组织领导。", run_in=True, body=[
                "各村（社区）要明确一名负责同志具体抓落实，于2月29日前报送工作方案。",
            ]),
            Section(title="突出重点对象。", run_in=True, body=[
                "聚焦青少年、农村群众和外出务工人员，分类开展有针对性的普法活动。",
            ]),
        ]),
        Section(title="工作要求", body=[
            "各单位要按照本通知要求，认真组织实施，确保各项任务落到实处。"
            "工作中遇到的问题，请及时与乡司法所联系。",
        ]),
    ],
    attachments=[
        Attachment(
            title="2024年度法治宣传教育工作任务分解表",
            body=[
                "各单位按照下表分工落实，每季度末报送进展情况。",
                Table(rows=[
                    ["序号", "工作任务", "牵头单位", "完成时限"],
                    ["1", "开展“宪法宣传周”集中宣传活动", "乡司法所", "2024年12月4日"],
                    ["2", "组织法治宣传进校园4场", "乡平安办", "2024年11月30日"],
                    ["3", "开展法律知识竞赛1场", "乡综治中心", "2024年10月31日"],
                ]),
            ],
        ),
        Attachment(
            title="棣棠乡各村（社区）法律顾问、普法宣讲员及网格员联系方式"
                  "和2024年度驻村工作安排一览表",
        ),
        Attachment(
            title="法治宣传教育工作进展情况报送模板",
            body=["报送单位（盖章）：", "报送时间：", "一、工作开展情况", "二、存在问题及下步打算"],
        ),
    ],
    issuer="棣棠乡人民政府",
    date=datetime.date(2024, 1, 18),
    note="联系人：王某某，联系电话：0871-1234567",
    imprint=Imprint(
        cc=["县委办公室", "县人大常委会办公室", "县政府办公室", "县政协办公室", "县司法局",
            "县人民法院", "县人民检察院"],
        printer="棣棠乡党政综合办公室",
        date=datetime.date(2024, 1, 18),
    ),
)


def main() -> None:
    from _run import run_example

    run_example(__doc__, "notice.docx", REPORT)


if __name__ == "__main__":
    main()

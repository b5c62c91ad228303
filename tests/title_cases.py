"""The title table: long real-style titles, the shape asked for, and the accepted lines.

Each layout was read and accepted by eye against GB/T 9704 7.3.1 (词意完整，排列对称，
长短适宜，梯形或菱形). ``organs`` names the issuing (or cited) organs whose names must
stay on one line; the other protected spans (书名号, numbers with units, 关于, the
文种) are found by the rules in ``tests/text/test_title.py``.

Issue 17 put meaning first: a break is chosen by its place in the title's grammar
(before 关于, between organs, after 印发…, before 等, at a phrase boundary…), and the
shape decides only among breaks of the best rank. ``reason`` says why a layout accepted
before issue 17 was revised.

Where the shape asked for cannot be met without splitting a protected span (a
《…》 with its 文种 that fills most of a line), the table asks for the other
trapezoid; ``test_the_other_trapezoid_when_the_asked_one_cannot_be_met`` covers the
fallback itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from govdoc.text.title import TitleShape as S


@dataclass(frozen=True)
class Case:
    title: str
    shape: S
    lines: list[str]
    organs: tuple[str, ...] = ()
    reason: str = ""
    """Why the accepted lines were revised, when they were."""


CASES = [
    Case("国务院办公厅关于部际联席会议审批程序等有关问题的通知",
         S.DESCENDING, ["国务院办公厅", "关于部际联席会议审批程序等有关问题的通知"],
         ("国务院办公厅",),
         reason="issue 17: the break before 关于 outranks balance; the old break cut the noun phrase 部际联席会议审批程序"),
    Case("国务院关于印发《2030年前碳达峰行动方案》的通知",
         S.ASCENDING, ["国务院关于印发", "《2030年前碳达峰行动方案》的通知"],
         ("国务院",)),
    Case("中共中央办公厅国务院办公厅关于进一步加强和改进新形势下高校宣传思想工作的意见",
         S.DIAMOND, ["中共中央办公厅", "国务院办公厅关于进一步加强和改进", "新形势下高校宣传思想工作的意见"],
         ("中共中央办公厅", "国务院办公厅"),
         reason="issue 17: the old middle line ended inside the noun phrase 新形势下高校宣传思想工作; parting the two organs meets the diamond"),
    Case("财政部 国家税务总局关于延续实施支持文化企业发展增值税政策的公告",
         S.DESCENDING, ["财政部 国家税务总局关于延续实施支持", "文化企业发展增值税政策的公告"],
         ("财政部", "国家税务总局")),
    Case("棣棠乡人民政府关于2023年度法治政府建设情况的报告",
         S.DESCENDING, ["棣棠乡人民政府", "关于2023年度法治政府建设情况的报告"],
         ("棣棠乡人民政府",),
         reason="issue 17: the break before 关于 outranks the break after 2023年度"),
    Case("国务院办公厅转发国家发展改革委等部门关于推动生活性服务业补短板上水平提高人民生活品质若干意见的通知",
         S.DESCENDING, ["国务院办公厅转发国家发展改革委等部门", "关于推动生活性服务业补短板上水平", "提高人民生活品质若干意见的通知"],
         ("国务院办公厅", "国家发展改革委等部门")),
    Case("关于印发《党政机关公文处理工作条例》的通知",
         S.ASCENDING, ["关于印发", "《党政机关公文处理工作条例》的通知"],
         ()),
    Case("安吉县人民政府关于下达2024年第一批城乡建设用地增减挂钩节余指标的批复",
         S.DESCENDING, ["安吉县人民政府关于下达2024年第一批", "城乡建设用地增减挂钩节余指标的批复"],
         ("安吉县人民政府",)),
    Case("国家发展改革委 财政部 自然资源部关于推进城市更新中老旧小区改造工作的指导意见",
         S.DESCENDING, ["国家发展改革委 财政部 自然资源部关于推进", "城市更新中老旧小区改造工作的指导意见"],
         ("国家发展改革委", "财政部", "自然资源部")),
    Case("教育部等六部门关于加强新时代中小学科学教育工作的意见",
         S.DESCENDING, ["教育部等六部门", "关于加强新时代中小学科学教育工作的意见"],
         ("教育部等六部门",),
         reason="issue 17: the break before 关于 outranks balance; the old break cut 新时代中小学科学教育工作"),
    Case("湖州市人民政府办公室关于调整市政府领导同志工作分工的通知",
         S.DESCENDING, ["湖州市人民政府办公室", "关于调整市政府领导同志工作分工的通知"],
         ("湖州市人民政府办公室",),
         reason="issue 17: the break before 关于 outranks balance; the old break cut 市政府领导同志"),
    Case("关于请求拨付2024年度防汛抗旱应急资金1500万元的请示",
         S.DESCENDING, ["关于请求拨付2024年度防汛抗旱应急资金", "1500万元的请示"],
         (),
         reason="issue 17: the old break cut the noun phrase 防汛抗旱应急资金; an amount starts a phrase"),
    Case("浙江省人民政府关于同意设立安吉经济技术开发区的批复",
         S.DESCENDING, ["浙江省人民政府", "关于同意设立安吉经济技术开发区的批复"],
         ("浙江省人民政府",),
         reason="issue 17: the break before 关于 outranks the break between 设立 and its object"),
    Case("中共安吉县委 安吉县人民政府关于表彰2023年度全县经济社会发展先进集体和先进个人的决定",
         S.DESCENDING, ["中共安吉县委", "安吉县人民政府关于表彰2023年度", "全县经济社会发展先进集体和先进个人的决定"],
         ("中共安吉县委", "安吉县人民政府"),
         reason="issue 17: the old break cut 全县经济社会发展先进集体; parting the organs gives a trapezoid, not an hourglass"),
    Case("国务院关于授予2023年度国家最高科学技术奖和国家科学技术进步奖的决定",
         S.ASCENDING, ["国务院", "关于授予2023年度国家最高科学技术奖", "和国家科学技术进步奖的决定"],
         ("国务院",),
         reason="issue 17: the old break cut 国家最高科学技术奖; now before 关于 and before 和"),
    Case("湖州市人民政府关于印发《湖州市优化营商环境三年行动计划（2024—2026年）》的通知",
         S.DIAMOND, ["湖州市人民政府", "关于印发《湖州市优化营商环境三年行动计划", "（2024—2026年）》的通知"],
         ("湖州市人民政府",),
         reason="issue 17: the break before 关于 outranks the one after 印发"),
    Case("国家卫生健康委办公厅关于做好2024年国家基本公共卫生服务项目工作的通知",
         S.DESCENDING, ["国家卫生健康委办公厅关于做好2024年", "国家基本公共卫生服务项目工作的通知"],
         ("国家卫生健康委办公厅",),
         reason="issue 17: the old break cut 国家基本公共卫生服务项目"),
    Case("安吉县财政局关于拨付2024年第二季度城乡居民基本医疗保险财政补助资金的报告",
         S.DIAMOND, ["安吉县财政局", "关于拨付2024年第二季度", "城乡居民基本医疗保险财政补助资金的报告"],
         ("安吉县财政局",),
         reason="issue 17: the old break cut 城乡居民基本医疗保险"),
    Case("应急管理部 水利部关于切实做好2024年汛期安全防范工作的通知",
         S.DIAMOND, ["应急管理部 水利部", "关于切实做好2024年汛期", "安全防范工作的通知"],
         ("应急管理部", "水利部")),
    Case("湖州市教育局 湖州市财政局 湖州市人力资源和社会保障局关于进一步做好义务教育阶段教师工资待遇保障工作的通知",
         S.DIAMOND, ["湖州市教育局 湖州市财政局", "湖州市人力资源和社会保障局关于进一步做好", "义务教育阶段教师工资待遇保障工作的通知"],
         ("湖州市教育局", "湖州市财政局", "湖州市人力资源和社会保障局"),
         reason="issue 17: three lines, as few as the width allows, none cutting a name or a noun phrase"),
    Case("全国人民代表大会常务委员会关于批准《中华人民共和国和某某共和国引渡条约》的决定",
         S.DESCENDING, ["全国人民代表大会常务委员会关于批准", "《中华人民共和国和某某共和国引渡条约》", "的决定"],
         ("全国人民代表大会常务委员会", "中华人民共和国"),
         reason="issue 17: the old break cut the treaty's name, which fits a line; 的决定 then stands alone"),
    Case("浙江省人民政府关于公布第六批省级非物质文化遗产代表性项目名录的通知",
         S.DIAMOND, ["浙江省人民政府", "关于公布第六批", "省级非物质文化遗产代表性项目名录的通知"],
         ("浙江省人民政府",),
         reason="issue 17: the old break cut 省级非物质文化遗产代表性项目名录"),
    Case("吴兴区人民政府关于2023年度依法行政工作情况和2024年工作计划的报告",
         S.DESCENDING, ["吴兴区人民政府关于2023年度", "依法行政工作情况和2024年工作计划的报告"],
         ("吴兴区人民政府",),
         reason="issue 17: the old break cut 依法行政工作情况"),
    Case("关于转发《国务院办公厅关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》的通知",
         S.ASCENDING, ["关于转发《国务院办公厅", "关于进一步优化政务服务提升行政效能", "推动“高效办成一件事”的指导意见》的通知"],
         ("国务院办公厅",)),
    Case("中共湖州市委办公室 湖州市人民政府办公室关于印发《湖州市党政机关公文处理实施细则》的通知",
         S.ASCENDING, ["中共湖州市委办公室", "湖州市人民政府办公室关于印发", "《湖州市党政机关公文处理实施细则》的通知"],
         ("中共湖州市委办公室", "湖州市人民政府办公室")),
    Case("湖州市人民政府关于湖州市第七次全国人口普查主要数据情况的公报",
         S.DESCENDING, ["湖州市人民政府", "关于湖州市第七次全国人口普查", "主要数据情况的公报"],
         ("湖州市人民政府",),
         reason="issue 17: the old break cut 第七次全国人口普查; a third line keeps every phrase whole"),
    Case("国务院安委会办公室 应急管理部关于开展2024年“安全生产月”活动的通知",
         S.DESCENDING, ["国务院安委会办公室 应急管理部", "关于开展2024年“安全生产月”活动的通知"],
         ("国务院安委会办公室", "应急管理部"),
         reason="issue 17: the break before 关于 outranks balance; the old one split 开展 from its object"),
    Case("国务院关于第十四个五年规划纲要实施中期评估情况的报告",
         S.DESCENDING, ["国务院关于第十四个五年规划纲要", "实施中期评估情况的报告"],
         ("国务院",),
         reason="issue 17: the old break cut 规划纲要"),
    Case("安吉县人民政府关于请求解决天荒坪镇2024年6月洪涝灾害救灾资金的请示",
         S.DESCENDING, ["安吉县人民政府关于请求解决天荒坪镇", "2024年6月洪涝灾害救灾资金的请示"],
         ("安吉县人民政府",)),
    Case("湖州市人民政府关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告",
         S.ASCENDING, ["湖州市人民政府关于2023年", "国民经济和社会发展计划执行情况", "与2024年计划草案的报告"],
         ("湖州市人民政府",),
         reason="issue 17: the old break cut 国民经济和社会发展计划执行情况"),
    Case("国务院办公厅关于成立国务院第五次全国经济普查领导小组的通知",
         S.ASCENDING, ["国务院办公厅关于成立国务院", "第五次全国经济普查领导小组的通知"],
         ("国务院办公厅",)),
    Case("安吉县人民政府关于安吉县2024年度土地征收成片开发方案的请示",
         S.DESCENDING, ["安吉县人民政府关于安吉县2024年度", "土地征收成片开发方案的请示"],
         ("安吉县人民政府",)),
]

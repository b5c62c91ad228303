"""The seeded-defect corpus: conformant documents, each broken in exactly one rule.

Each :class:`Defect` names the rule that must catch it and the rules that may also
report it because they measure the same thing (e.g. a 30 mm top margin is also text
outside the 版心). Most defects are made by editing the XML of a document govdoc
wrote, as documents from other tools would look; the others are made through govdoc
itself (a restyled template, ``normalize=False``, content the model accepts).

    python tests/defect_corpus.py OUT_DIR     # writes every defect as OUT_DIR/<name>.docx
"""

from __future__ import annotations

import datetime
import io
import re
import sys
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import govdoc  # noqa: E402
from govdoc import Report  # noqa: E402
from govdoc.rendering.template import default_template  # noqa: E402

from own_documents import own_reports  # noqa: E402


@dataclass(frozen=True)
class Defect:
    name: str
    rule: str  # the rule that must catch it
    how: str  # "xml": edited XML; "govdoc": made through govdoc
    build: Callable[[], bytes] = field(repr=False)
    also: frozenset[str] = frozenset()  # rules that may report the same defect
    base: str = "seed"


def render_bytes(report: Report, **kw: object) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", govdoc.GovdocWarning)
        govdoc.render(report, **kw).save(buf)  # type: ignore[arg-type]
    return buf.getvalue()


_BASES = {"seed": "didiao_2023_report", "notice": "notice", "request": "request",
          "simple": "simple", "padded-18": "padded-18-sealed"}


@lru_cache(maxsize=None)
def base(name: str) -> bytes:
    """A conformant document govdoc writes: seed, notice, request, simple, padded-18."""
    return render_bytes(_reports()[_BASES[name]])


@lru_cache(maxsize=None)
def _reports() -> dict[str, Report]:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="govdoc-corpus-"))  # seal images of examples
    return {name: report for name, (report, _finish) in own_reports(folder).items()}


def part_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.namelist()


def rewrite(data: bytes, part: str, edit: Callable[[str], str]) -> bytes:
    """``data`` with one part's XML passed through ``edit``, which must change it."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == part:
                xml = blob.decode("utf-8")
                changed = edit(xml)
                if changed == xml:
                    raise AssertionError(f"the edit of {part} changed nothing")
                blob = changed.encode("utf-8")
            dst.writestr(info, blob)
    return out.getvalue()


def sub(old: str, new: str, count: int = 1, regex: bool = False) -> Callable[[str], str]:
    """An edit replacing ``old`` (which must occur) by ``new``."""
    def edit(xml: str) -> str:
        if regex:
            result, n = re.subn(old, new, xml, count=count, flags=re.S)
        else:
            n = xml.count(old)
            result = xml.replace(old, new, count if count else -1)
        if n == 0:
            raise AssertionError(f"{old!r} not found")
        return result
    return edit


def xml(base_name: str, part: str, old: str, new: str, count: int = 1, regex: bool = False
        ) -> Callable[[], bytes]:
    return lambda: rewrite(base(base_name), part, sub(old, new, count, regex))


def style(style_id: str, old: str, new: str) -> Callable[[str], str]:
    """An edit of one style's XML in styles.xml."""
    def edit(xml_text: str) -> str:
        m = re.search(rf'<w:style [^>]*w:styleId="{style_id}"[^>]*>.*?</w:style>', xml_text, re.S)
        assert m, style_id
        block = m.group(0)
        assert old in block, (style_id, old)
        return xml_text[:m.start()] + block.replace(old, new) + xml_text[m.end():]
    return edit


def restyled(report_name: str, *edits: Callable[[str], str], **kw: object) -> Callable[[], bytes]:
    """Render through govdoc with a template whose styles.xml went through ``edits``."""
    def build() -> bytes:
        import tempfile

        data = default_template().read_bytes()
        for e in edits:
            data = rewrite(data, "word/styles.xml", e)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "template.docx"
            path.write_bytes(data)
            return render_bytes(_reports()[_BASES.get(report_name, report_name)], template=path, **kw)
    return build


def footer_part(data: bytes, odd: bool) -> str:
    """The odd (right-aligned) or even footer part."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("word/footer"):
                text = zf.read(name).decode("utf-8")
                if ('w:val="right"' in text) == odd:
                    return name
    raise AssertionError("footer not found")


def _footers(base_name: str, *edits: tuple[bool, Callable[[str], str]]) -> Callable[[], bytes]:
    def build() -> bytes:
        data = base(base_name)
        for odd, e in edits:
            data = rewrite(data, footer_part(data, odd), e)
        return data
    return build


def _theme_body() -> bytes:
    """BodyText takes its East Asian font from the theme (宋体 for zh-CN)."""
    theme = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office">'
        "<a:themeElements><a:clrScheme name=\"Office\"><a:dk1><a:sysClr val=\"windowText\" "
        'lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
        '<a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2>'
        '<a:accent1><a:srgbClr val="4F81BD"/></a:accent1><a:accent2><a:srgbClr val="C0504D"/></a:accent2>'
        '<a:accent3><a:srgbClr val="9BBB59"/></a:accent3><a:accent4><a:srgbClr val="8064A2"/></a:accent4>'
        '<a:accent5><a:srgbClr val="4BACC6"/></a:accent5><a:accent6><a:srgbClr val="F79646"/></a:accent6>'
        '<a:hlink><a:srgbClr val="0000FF"/></a:hlink><a:folHlink><a:srgbClr val="800080"/></a:folHlink>'
        '</a:clrScheme><a:fontScheme name="Office">'
        '<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>'
        '<a:font script="Hans" typeface="等线 Light"/></a:majorFont>'
        '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>'
        '<a:font script="Hans" typeface="宋体"/></a:minorFont></a:fontScheme>'
        '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
        '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/>'
        '</a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/>'
        '</a:solidFill></a:ln><a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
        '<a:ln w="38100"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>'
        '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/>'
        '</a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>'
        '<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill>'
        '<a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
        "</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
    )
    data = base("seed")
    rels = next(n for n in part_names(data) if n.endswith("document.xml.rels"))
    data = rewrite(data, rels, sub(
        "</Relationships>",
        '<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>'))
    data = rewrite(data, "[Content_Types].xml", sub(
        "</Types>", '<Override PartName="/word/theme/theme1.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.theme+xml"/></Types>'))
    data = rewrite(data, "word/styles.xml", style(
        "BodyText", "</w:pPr>", '</w:pPr><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia"/></w:rPr>'))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("word/theme/theme1.xml", theme.encode("utf-8"))
    return out.getvalue()


def _report(**kw: object) -> Callable[[], bytes]:
    fields: dict[str, object] = dict(
        title="棣棠乡关于2023年度换届工作情况的报告", recipients=["县人民政府"],
        body=["2023年，棣棠乡按照县委部署，顺利完成村（社区）两委换届工作。现将有关情况报告如下：",
              "全乡共选举产生村（社区）两委成员86名，平均年龄较上届下降4.5岁。", "特此报告。"],
        issuer="棣棠乡人民政府", date=datetime.date(2024, 1, 18))
    normalize = kw.pop("normalize", True)
    fields.update(kw)
    return lambda: render_bytes(Report(**fields), normalize=normalize)  # type: ignore[arg-type]


D = "word/document.xml"
S = "word/styles.xml"


def _mark_lower(xml_text: str) -> str:
    m = re.search(r'(<w:pStyle w:val="GovIssuerMark"/><w:keepNext/><w:spacing w:before=")(\d+)"', xml_text)
    assert m
    return xml_text[:m.start(2)] + str(int(m.group(2)) + 567) + xml_text[m.end(2):]


def _signature_left(xml_text: str) -> str:
    m = re.search(r'(<w:pStyle w:val="Signature"/>.*?w:right=")(\d+)"', xml_text)
    assert m
    return xml_text[:m.start(2)] + str(int(m.group(2)) + 640) + xml_text[m.end(2):]


DEFECTS: list[Defect] = [
    # -- page and grid
    Defect("top-margin-30mm", "P2", "xml", xml("seed", D, 'w:top="2098" w:right="1474" w:bottom="1984"',
                                                 'w:top="1701" w:right="1474" w:bottom="2381"'),
           frozenset({"P10"})),
    Defect("left-margin-25mm", "P3", "xml", xml("seed", D, 'w:right="1474" w:bottom="1984" w:left="1587"',
                                                  'w:right="1644" w:bottom="1984" w:left="1417"'),
           frozenset({"P10"})),
    Defect("bottom-margin-30mm", "P5", "xml", xml("seed", D, 'w:bottom="1984"', 'w:bottom="1701"'),
           frozenset({"P8", "P10"})),
    Defect("letter-paper", "P1", "xml", xml(
        "seed", D, '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984"',
        '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="2098" w:right="1809" w:bottom="986"')),
    Defect("line-spacing-29pt", "P6", "xml",
           lambda: rewrite(rewrite(base("seed"), S, sub('w:line="579"', 'w:line="580"')),
                           D, sub('w:linePitch="579"', 'w:linePitch="580"')),
           frozenset({"P8"})),
    # 27 characters a line lengthen the text, so the 署名 may lose its last body line.
    Defect("no-character-squeeze", "P7", "govdoc",
           restyled("seed", style("Normal", '<w:spacing w:val="-5"/>', "")),
           frozenset({"P9", "B15"})),
    Defect("text-block-162mm-wide", "P4", "xml", xml("seed", D, 'w:right="1474"', 'w:right="1134"'),
           frozenset({"P10"})),
    Defect("red-body-text", "P12", "xml", xml("seed", D, '<w:r><w:t xml:space="preserve">2023年',
                                                '<w:r><w:rPr><w:color w:val="FF0000"/></w:rPr>'
                                                '<w:t xml:space="preserve">2023年')),
    # -- 版头
    Defect("copy-number-5-digits", "H1", "xml", xml("notice", D, ">000001<", ">00001<"), base="notice"),
    Defect("secrecy-in-fangsong", "H2", "govdoc",
           restyled("notice", style("GovSecrecy", 'w:eastAsia="黑体"', 'w:eastAsia="仿宋_GB2312"')),
           base="notice"),
    Defect("urgency-in-fangsong", "H3", "govdoc",
           restyled("notice", style("GovUrgency", 'w:eastAsia="黑体"', 'w:eastAsia="仿宋_GB2312"')),
           base="notice"),
    Defect("mark-in-black", "H4", "xml",
           lambda: rewrite(base("notice"), S, style("GovIssuerMark", 'w:val="FF0000"', 'w:val="000000"')),
           base="notice"),
    Defect("mark-10mm-low", "H5", "xml", lambda: rewrite(base("notice"), D, _mark_lower), base="notice"),
    Defect("doc-number-square-brackets", "H6", "xml",
           xml("notice", D, "棣政发〔2024〕5号", "棣政发[2024]5号"), base="notice"),
    Defect("doc-number-zero-padded", "H6", "xml",
           xml("notice", D, "棣政发〔2024〕5号", "棣政发〔2024〕05号"), base="notice"),
    Defect("doc-number-left", "H7", "xml",
           lambda: rewrite(base("notice"), S, style("GovDocNumber", '<w:jc w:val="center"/>',
                                                     '<w:jc w:val="left"/>')), base="notice"),
    Defect("signer-half-width-colon", "H9", "xml", xml("request", D, "签发人：", "签发人:"),
           frozenset({"T1"}), base="request"),
    Defect("red-rule-2mm-low", "H10", "xml",
           lambda: rewrite(base("notice"), S, style("GovDocNumber", 'w:space="3"', 'w:space="9"')),
           base="notice"),
    Defect("title-one-line-under-the-rule", "B2", "xml",
           xml("notice", D, '<w:pStyle w:val="Title"/><w:spacing w:before="1158"/>',
               '<w:pStyle w:val="Title"/><w:spacing w:before="579"/>'), base="notice"),
    # -- title, 主送, body, headings
    Defect("title-in-heiti", "B1", "govdoc",
           restyled("seed", style("Title", 'w:eastAsia="方正小标宋简体"', 'w:eastAsia="黑体"'))),
    Defect("title-left-aligned", "B1", "xml", xml("seed", D, '<w:pStyle w:val="Title"/></w:pPr>',
                                                    '<w:pStyle w:val="Title"/><w:jc w:val="left"/></w:pPr>')),
    Defect("title-without-kind", "B3", "govdoc", _report(title="棣棠乡关于2023年度换届工作情况")),
    Defect("recipients-without-colon", "B5", "xml", xml("request", D, "县人民政府：", "县人民政府"),
           base="request"),
    Defect("theme-font-on-body-style", "B6", "xml", _theme_body),
    Defect("first-page-without-body", "H11", "xml",
           xml("seed", D, "棣棠乡2023年度法治政府建设情况报告</w:t></w:r></w:p>",
               '棣棠乡2023年度法治政府建设情况报告</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p>')),
    Defect("body-paragraph-not-indented", "B6", "xml",
           xml("seed", D, '<w:pPr><w:pStyle w:val="BodyText"/></w:pPr>',
               '<w:pPr><w:pStyle w:val="BodyText"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr>')),
    Defect("level-2-heading-in-heiti", "B7", "govdoc",
           restyled("seed", style("Heading2", 'w:eastAsia="楷体_GB2312"', 'w:eastAsia="黑体"'),
                    style("Heading2Char", 'w:eastAsia="楷体_GB2312"', 'w:eastAsia="黑体"'))),
    Defect("heading-yi-dot", "B8", "xml", xml("seed", D, "一、工作开展情况", "一.工作开展情况")),
    Defect("heading-paren-dunhao", "B8", "xml", xml("seed", D, "（一）强化组织领导", "（一）、强化组织领导")),
    Defect("heading-sequence-gap", "B8", "xml", xml("seed", D, "三、2024年努力方向", "四、2024年努力方向")),
    Defect("heading-level-3-dunhao", "B8", "xml", xml("simple", D, "1.学习", "1、学习"), base="simple"),
    # -- 附件说明, signature, 附注, 附件
    Defect("attachment-note-trailing-stop", "B9", "xml",
           xml("notice", D, "3.法治宣传教育工作进展情况报送模板", "3.法治宣传教育工作进展情况报送模板。"),
           base="notice"),
    Defect("attachment-note-not-indented", "B10", "xml",
           xml("notice", D, 'w:left="1815" w:hangingChars="0" w:hanging="1175"',
               'w:left="1815" w:hangingChars="0" w:hanging="1815"'), base="notice"),
    Defect("date-zero-padded", "B11", "xml", xml("seed", D, "2024年1月18日", "2024年01月18日"),
           frozenset({"B12", "B12G"})),
    Defect("date-in-chinese-numerals", "B11", "xml", xml("seed", D, "2024年1月18日", "二〇二四年一月十八日"),
           frozenset({"B12", "B12G"})),
    Defect("sealed-date-right-2-chars", "B12", "xml",
           xml("seed", D, r'(<w:pStyle w:val="Date"/>(?:(?!</w:pPr>).)*?w:right=")1280"', r'\g<1>640"',
               regex=True),
           frozenset({"B12G"})),
    Defect("unsealed-signature-2-chars-left", "B13", "xml",
           lambda: rewrite(base("request"), D, _signature_left), frozenset({"B13G"}), base="request"),
    Defect("signature-alone-on-a-page", "B15", "xml",
           xml("padded-18", D, '<w:pStyle w:val="BodyText"/><w:keepNext/>', '<w:pStyle w:val="BodyText"/>'),
           base="padded-18"),
    Defect("note-without-parentheses", "B17", "xml",
           xml("notice", D, "（联系人：王某某，联系电话：0871-1234567）", "联系人：王某某，联系电话：0871-1234567"),
           base="notice"),
    Defect("attachment-label-with-colon", "B18", "xml", xml("notice", D, ">附件1<", ">附件1：<"), base="notice"),
    Defect("attachment-title-differs", "B19", "xml",
           xml("notice", D, r'(<w:pStyle w:val="GovAttachmentTitle"/>(?:(?!</w:p>).)*?)法治宣传教育工作进展情况报送模板',
               r"\1法治宣传教育工作进展情况报送表", regex=True), base="notice"),
    # -- 版记
    Defect("cc-without-full-stop", "V1", "xml", xml("notice", D, "县人民检察院。", "县人民检察院"), base="notice"),
    Defect("imprint-in-3hao", "V1", "govdoc",
           restyled("notice", style("GovImprint", '<w:sz w:val="28"/><w:szCs w:val="28"/>',
                                    '<w:sz w:val="32"/><w:szCs w:val="32"/>')),
           frozenset({"V3"}), base="notice"),
    Defect("printed-date-zero-padded", "V3", "xml", xml("notice", D, "2024年1月18日印发", "2024年01月18日印发"),
           base="notice"),
    Defect("imprint-rules-equal-weight", "V4", "xml",
           xml("notice", D, '<w:insideH w:val="single" w:sz="6"', '<w:insideH w:val="single" w:sz="8"'),
           frozenset({"V4G"}), base="notice"),
    Defect("imprint-not-at-the-foot", "V5", "xml", xml("notice", D, r"<w:tblpPr [^>]*/>", "", regex=True),
           base="notice"),
    Defect("blank-page-after-the-imprint", "V6", "xml",
           xml("request", D, '<w:pStyle w:val="GovImprintAnchor"/></w:pPr><w:r><w:t xml:space="preserve"/></w:r></w:p>',
               '<w:pStyle w:val="GovImprintAnchor"/></w:pPr><w:r><w:t xml:space="preserve"/></w:r></w:p>'
               '<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>\u3000</w:t></w:r></w:p>'),
           frozenset({"V5"}), base="request"),
    # -- page numbers
    Defect("odd-even-footers-off", "N1", "xml",
           lambda: rewrite(base("seed"), "word/settings.xml", sub("<w:evenAndOddHeaders/>", "")),
           frozenset({"N5"})),
    Defect("page-number-ascii-hyphens", "N2", "xml",
           _footers("seed", (True, sub("— ", "- ")), (True, sub(" —", " -")),
                    (False, sub("— ", "- ")), (False, sub(" —", " -")))),
    Defect("page-number-in-3hao", "N2", "govdoc",
           restyled("seed", style("Footer", '<w:sz w:val="28"/><w:szCs w:val="28"/>',
                                  '<w:sz w:val="32"/><w:szCs w:val="32"/>'))),
    Defect("odd-page-number-left", "N3", "xml",
           _footers("seed", (True, sub('<w:ind w:right="280"/><w:jc w:val="right"/>',
                                       '<w:ind w:left="280"/><w:jc w:val="left"/>'))),
           frozenset({"N5"})),
    Defect("page-number-8mm-low", "N4", "xml", xml("seed", D, 'w:footer="1456"', 'w:footer="1002"')),
    Defect("first-page-without-number", "N7", "xml", xml("seed", D, "<w:docGrid", "<w:titlePg/><w:docGrid"),
           frozenset({"N6"})),
    # -- text
    Defect("half-width-punctuation", "T1", "govdoc",
           lambda: render_bytes(_reports()[_BASES["seed"]], normalize=False)),
    Defect("two-digit-year", "T2", "govdoc", _report(body=[
        "2023年，棣棠乡按照县委部署，于23年11月顺利完成村（社区）两委换届工作。", "特此报告。"])),
    Defect("range-without-both-units", "T3", "govdoc", _report(body=[
        "2023年，棣棠乡新建村级活动场所3处，每处投入5-10万元。", "特此报告。"])),
    Defect("report-asks-for-approval", "T5", "govdoc", _report(body=[
        "2023年，棣棠乡顺利完成换届工作，拟表彰先进集体3个。", "妥否，请批示。"])),
]


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for d in DEFECTS:
        (out / f"{d.name}.docx").write_bytes(d.build())
    print(f"wrote {len(DEFECTS)} documents to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "defects")

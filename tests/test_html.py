"""The HTML preview (govdoc.html, Report._repr_html_): the same paragraphs as the .docx,
escaped user text, the warnings line, the 版头 and 版记, the signature layouts, pages."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

import govdoc
from govdoc import spec
from govdoc.html import report_html
from govdoc.layout import layout
from govdoc.pagination import WORD, paginate

from conftest import example_reports, load_example


class _Paragraphs(HTMLParser):
    """The texts of the preview's paragraphs (elements with ``data-p``), in order,
    fragments of one paragraph (continued on the next page) joined; repeated table
    header rows (``data-repeat``) left out. Also the classes of each paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.order: list[str] = []
        self.texts: dict[str, str] = {}
        self.classes: dict[str, str] = {}
        self._stack: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "col", "meta"):
            return
        a = dict(attrs)
        pid = a.get("data-p")
        if pid is not None and pid not in self.texts:
            self.order.append(pid)
            self.texts[pid] = ""
            self.classes[pid] = a.get("class") or ""
        self._stack.append(pid if pid is not None else (self._stack[-1] if self._stack else None))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "img", "col", "meta") and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] is not None:
            self.texts[self._stack[-1]] += data


def html_paragraphs(html: str) -> list[tuple[str, str]]:
    """(text, classes) of every paragraph of the preview, in order."""
    parser = _Paragraphs()
    parser.feed(html)
    return [(parser.texts[p], parser.classes[p]) for p in parser.order]


def docx_paragraphs(doc: govdoc.Document) -> list[str]:
    """The text of every paragraph of the body, in document order, table cells included;
    tabs and line breaks taken out (the preview places them instead of writing them)."""
    body = doc.docx.element.body
    return [DocxParagraph(p, None).text.replace("\t", "").replace("\n", "")
            for p in body.iter(qn("w:p"))]


def _nonempty(texts: list[str]) -> list[str]:
    return [t for t in texts if t.strip()]


def test_seed_preview_has_the_docx_paragraphs_in_order(seed_report) -> None:
    html = report_html(seed_report)
    shown = _nonempty([t for t, _ in html_paragraphs(html)])
    doc = govdoc.render(seed_report)
    assert shown == _nonempty([p.text for p in doc.paragraphs])  # python-docx's view
    assert shown == _nonempty(docx_paragraphs(doc))
    # The heading labels as printed, in order, each opening its paragraph.
    labels = [e.text for e in seed_report.outline() if e.level]
    opening = [t for t in shown if any(t.startswith(lab) for lab in labels)]
    assert [next(lab for lab in labels if t.startswith(lab)) for t in opening] == labels
    assert shown[3].startswith("（一）强化组织领导，完善法治政府建设体系。乡党委")


@pytest.mark.parametrize("engine", ["word", "libreoffice"])
def test_every_example_previews_the_docx_paragraphs(tmp_path: Path, engine: str) -> None:
    for name, report in example_reports(tmp_path).items():
        shown = _nonempty([t for t, _ in html_paragraphs(report_html(report, engine=engine))])
        assert shown == _nonempty(docx_paragraphs(govdoc.render(report))), name


def test_pages_are_the_pagination_models(seed_report) -> None:
    html = report_html(seed_report)
    pages = paginate(layout(seed_report).items, WORD).pages
    assert html.count('<section class="gd-page') == pages
    assert f'data-pages="{pages}"' in html
    # A4 and the margins of spec.py.
    assert f"width:{spec.PAGE_WIDTH.value:g}mm;height:{spec.PAGE_HEIGHT.value:g}mm" in html
    assert (f"top:{spec.MARGIN_TOP.value:g}mm;left:{spec.MARGIN_LEFT.value:g}mm;"
            f"width:{spec.BLOCK_WIDTH.value:g}mm;height:{spec.BLOCK_HEIGHT.value:g}mm") in html
    # Page numbers "— N —" on every page, outer side: right on odd pages, left on even.
    for n in range(1, pages + 1):
        side = "right" if n % 2 else "left"
        dash = spec.PAGE_NUMBER_DASH.value
        assert re.search(rf'class="gd-pn" style="[^"]*{side}:[^"]*">{dash} {n} {dash}<', html)


def test_libreoffice_pages_match_the_pdf(seed_report, seed_pdf) -> None:
    import pdfplumber

    with pdfplumber.open(seed_pdf) as pdf:
        assert f'data-pages="{len(pdf.pages)}"' in report_html(seed_report, engine="libreoffice")


def test_body_lines_use_the_grid(seed_report) -> None:
    html = report_html(seed_report)
    body = re.search(r'gd-r-body" data-p="\d+"><div class="gd-l" style="([^"]*)"', html)
    assert body is not None
    style = body.group(1)
    assert f"height:{spec.LINE_PITCH.value:.2f}pt" in style
    assert f"left:{spec.FIRST_LINE_INDENT.value * spec.BODY_SIZE.value:.2f}pt" in style
    assert "text-align:justify" in style
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)  # type: ignore[union-attr]
    assert re.search(rf"\.gd-r-body\{{font-family:[^}}]*'AR PL UMing CN'[^}}]*;"
                     rf"font-size:{spec.BODY_SIZE.value:g}pt", css)
    assert re.search(rf"\.gd-r-title\{{[^}}]*font-size:{spec.TITLE_SIZE.value:g}pt", css)
    assert re.search(r"\.gd-r-heading1\{font-family:[^}]*'黑体'", css)
    assert re.search(r"\.gd-r-runin2\{font-family:[^}]*'楷体_GB2312'", css)


def test_user_text_is_escaped() -> None:
    hostile = "<script>alert(1)</script>"
    report = govdoc.Report(
        title=f"关于{hostile}的报告",
        recipients=['县政府"><img src=x onerror=alert(2)>'],
        body=["正文 <b>加粗</b> & &amp; {{ x }}",
              govdoc.Section(title="<i>标题</i>", body=["内容</div><div>"])],
        issuer="某某乡<人民政府>", date=datetime.date(2024, 1, 18),
        note="联系人：<u>张三</u>")
    html = report_html(report)
    assert "<script" not in html and "<img src=x" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    shown = _nonempty([t for t, _ in html_paragraphs(html)])
    assert shown == _nonempty(docx_paragraphs(govdoc.render(report)))
    assert "正文 <b>加粗</b> & &amp; {{ x }}" in shown
    assert "一、<i>标题</i>" in shown
    assert "内容</div><div>" in shown


def test_warnings_line() -> None:
    report = govdoc.Report(title="关于<工作>的情况", body=["请予批准。"], issuer="某某乡人民政府",
                           date=datetime.date(2024, 1, 18))
    assert len(report.warnings) == 2
    html = report_html(report)
    line = re.search(r'<div class="gd-warnings"[^>]*>(.*?)</div>', html, re.S)
    assert line is not None
    assert "2 warnings" in line.group(1)
    assert line.group(1).count("<li>") == 2
    assert "标题未以文种“报告”结尾" in line.group(1)


def test_no_warnings_line_without_warnings(seed_report) -> None:
    assert seed_report.warnings == []
    assert 'class="gd-warnings"' not in report_html(seed_report)


def test_notice_header_and_imprint() -> None:
    report = load_example("notice").REPORT
    paragraphs = html_paragraphs(report_html(report))
    by_class = {}
    for text, classes in paragraphs:
        by_class.setdefault(classes.split()[1], []).append(text)
    assert by_class["gd-r-copy_number"] == ["000001"]
    assert by_class["gd-r-secrecy"] == ["秘密★1年"]
    assert by_class["gd-r-urgency"] == ["特急"]
    assert by_class["gd-r-mark"] == ["棣棠乡人民政府文件"]
    assert by_class["gd-r-doc_number"] == ["棣政发〔2024〕5号"]
    assert by_class["gd-r-attachment_label"] == ["附件1", "附件3"]
    assert by_class["gd-r-note"] == ["（联系人：王某某，联系电话：0871-1234567）"]
    imprint = by_class["gd-r-imprint"]
    assert imprint[0].startswith("抄送：县委办公室，") and imprint[0].endswith("县人民检察院。")
    assert imprint[1] == "棣棠乡党政综合办公室2024年1月18日印发"
    html = report_html(report)
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)  # type: ignore[union-attr]
    assert re.search(rf"\.gd-r-mark\{{[^}}]*color:#{spec.COLOR_RED.value}", css)
    assert re.search(rf"\.gd-r-doc_number \.gd-l:last-child\{{border-bottom:[^;]*"
                     rf"#{spec.COLOR_RED.value}", css)
    # The 版记: thick rules first and last, a thin one between its two rows, on the
    # last page, its last rule on the block's bottom edge.
    rules = re.findall(r'class="gd-rule" style="top:([\d.]+)pt;border-top-width:([\d.]+)mm', html)
    widths = [float(w) for _, w in rules]
    assert widths == [spec.IMPRINT_OUTER_RULE.value, spec.IMPRINT_INNER_RULE.value,
                      spec.IMPRINT_OUTER_RULE.value]
    assert float(rules[-1][0]) == pytest.approx(spec.BLOCK_HEIGHT.value / 25.4 * 72, abs=0.1)
    last_page = html.rsplit('<section class="gd-page', 1)[1]
    assert "印发" in last_page
    # The attachment's table, cells escaped and kept.
    assert ">开展“宪法宣传周”集中宣传活动<" in html


def test_signature_layouts(seed_report, tmp_path: Path) -> None:
    sealed = report_html(seed_report)
    assert 'data-signature="sealed"' in sealed
    assert re.search(r'class="gd-p gd-r-signature gd-sig-sealed"', sealed)
    assert re.search(r'class="gd-p gd-r-date gd-sig-sealed"', sealed)
    unsealed_report = seed_report.model_copy(update={"sealed": False})
    unsealed = report_html(unsealed_report)
    assert 'data-signature="unsealed"' in unsealed
    assert re.search(r'class="gd-p gd-r-signature gd-sig-unsealed"', unsealed)
    # The right indents are the layout's: 7.3.5.1 vs 7.3.5.2.
    for report, html in ((seed_report, sealed), (unsealed_report, unsealed)):
        blocks = [b for b in layout(report).items if getattr(b, "role", None) is not None
                  and b.role.value in ("signature", "date")]
        for block in blocks:
            m = re.search(rf'gd-r-{block.role.value} [^"]*" data-p="\d+"><div class="gd-l" '
                          rf'style="[^"]*right:([\d.]+)pt', html)
            assert m is not None
            assert float(m.group(1)) == pytest.approx(block.right_indent_tw / 20, abs=0.01)
    date_right = spec.SEALED_DATE_RIGHT_INDENT.value * spec.BODY_SIZE.value
    assert re.search(rf'gd-r-date gd-sig-sealed" data-p="\d+"><div class="gd-l" style="[^"]*'
                     rf'right:{date_right:.2f}pt', sealed)
    # A seal image is embedded where the layout floats it.
    sealed_example = example_reports(tmp_path)["sealed_report"]
    html = report_html(sealed_example)
    assert re.search(r'<img class="gd-seal" alt="印章" src="data:image/png;base64,', html)


def test_scoped_and_script_free(seed_report) -> None:
    html = report_html(seed_report)
    scope = re.match(r'<div class="govdoc-preview (govdoc-[0-9a-f]{12})"', html)
    assert scope is not None
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)  # type: ignore[union-attr]
    for rule in re.findall(r"(?:^|\})\s*([^{}@]+)\{", css):
        assert rule.strip().startswith("." + scope.group(1)), rule
    assert "<script" not in html.lower() and "javascript:" not in html.lower()
    other = seed_report.model_copy(update={"title": "另一份报告"})
    assert re.match(r'<div class="govdoc-preview (govdoc-[0-9a-f]{12})"',
                    report_html(other)).group(1) != scope.group(1)  # type: ignore[union-attr]


def test_repr_html_delegates(seed_report) -> None:
    assert seed_report._repr_html_() == report_html(seed_report)


def test_preview_is_fast(seed_report) -> None:
    report_html(seed_report)
    start = time.perf_counter()
    report_html(seed_report)
    assert time.perf_counter() - start < 0.5


def test_import_govdoc_does_not_load_the_preview() -> None:
    code = "import sys, govdoc; print('govdoc.html' in sys.modules, 'govdoc.drafting' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]

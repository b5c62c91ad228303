"""Writes examples/drafting.ipynb, outputs cleared (run after editing the cells here).

    python scripts/build_drafting_notebook.py
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent

CELLS = [
    ("md", """# Drafting a 公文 in a notebook

This notebook drafts 棣棠乡2023年度法治政府建设情况报告 step by step with govdoc:
look at the outline, add a section, preview the pages, find and fix a punctuation slip
with the conformance checker, and export the .docx and the PDF.

A `Report` shown as a cell's last expression is previewed as pages (HTML, no
LibreOffice needed). `govdoc.preview` shows the pages as LibreOffice prints them."""),
    ("code", """import datetime
import re
from pathlib import Path

import govdoc

# The finished report, as examples/didiao_2023_report.py builds it: we draft from a
# copy of its pieces and check our draft against it at the end.
from didiao_2023_report import REPORT as FINISHED

pieces = FINISHED.model_copy(deep=True)"""),
    ("md", """## 1. The draft so far

The clerk has the opening paragraph and the first two parts; part 三 (next year's plans)
is still to be written. Text is typed as received, with ASCII commas: govdoc sets
them full-width next to Chinese text."""),
    ("code", """draft = govdoc.Report(
    title="棣棠乡2023年度法治政府建设情况报告",
    body=[pieces.body[0], pieces.section("一"), pieces.section("二"), pieces.body[4]],
    issuer="棣棠乡人民政府",
    date=datetime.date(2024, 1, 18),
    sealed=True,
)
draft.outline()"""),
    ("md", """## 2. Add a section

Part 三 goes before the closing paragraph. Its heading number is computed: we never
type 三、 or （一）."""),
    ("code", """plans = govdoc.Section(
    title="2024年努力方向",
    body=[
        pieces.section("三").body[0],
        govdoc.Section(title="强化法律意识,提高行政执法水平。", run_in=True,
                       body=pieces.section("三", "（一）").body),
        govdoc.Section(title="提高机关效能,改善党员干部作风。", run_in=True,
                       body=pieces.section("三", "（二）").body),
    ],
)
draft.body.insert(3, plans)
print(draft.outline())"""),
    ("md", """The preview shows the pages: 22 lines of 28 characters, the title centred, the
body indented two characters, the 署名 and date at the right under the seal's place."""),
    ("code", """draft"""),
    ("md", """## 3. A punctuation slip

A sentence of part 一（二） was retyped from a plain-text editor, which put straight
quotes around 两个确立. Normalisation does not guess at quotes; the checker finds them."""),
    ("code", """part = draft.section("一", "（二）")
retyped = part.body[0].text.replace("“两个确立”", '"两个确立"')
part.body[0] = govdoc.Paragraph(text=retyped)

result = draft.check()
print(result.summary)
for finding in result.errors + result.warnings:
    print(finding.rule, finding.message, "—", finding.found, "|", finding.excerpt)"""),
    ("code", """# Curly quotes, in pairs.
part.body[0] = govdoc.Paragraph(text=re.sub(r'"([^"]*)"', r"“\\1”", part.body[0].text))
result = draft.check()
print(result.summary)
assert result.ok and not result.warnings, result.table()
assert draft == FINISHED  # the draft is now the report, word for word"""),
    ("md", """## 4. Export

`govdoc.render` returns the document; `.save()` writes the .docx. `govdoc.to_pdf`
converts it with LibreOffice (the official fonts are mapped to free ones with the same
metrics when they are not installed; the substitutions are reported), and
`govdoc.preview` shows the printed pages. The files go to a new temporary folder (its
name is printed); save them wherever you like instead."""),
    ("code", """import tempfile

out = Path(tempfile.mkdtemp(prefix="govdoc-drafting-"))  # nothing is left in the repository
doc = govdoc.render(draft)
doc.save(out / f"{draft.title}.docx")
pdf = govdoc.to_pdf(doc, out / f"{draft.title}.pdf")
pages = govdoc.preview(pdf, pages=[1, 5])  # the printed first and last pages
print("saved in", out)
print(pdf.name, f"{pages.page_count} pages")
pages"""),
]


def main() -> None:
    book = new_notebook()
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                   "language": "python"}
    book.metadata["language_info"] = {"name": "python"}
    book.cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src)
                  for kind, src in CELLS]
    for i, cell in enumerate(book.cells):
        cell["id"] = f"cell-{i:02d}"  # stable ids: a rebuild gives the same file
    path = ROOT / "examples" / "drafting.ipynb"
    nbformat.write(book, path)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()

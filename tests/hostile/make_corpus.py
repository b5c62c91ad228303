"""The hostile corpus of issue 16: inputs that once cost far too much, or left something
behind, generated on demand (nothing large is committed).

    python tests/hostile/make_corpus.py OUT_DIR      # write every input into OUT_DIR

Each maker writes one input (and what it needs beside it) into a folder and returns
its path; tests/test_hostile.py runs govdoc on each in a subprocess and states the
bound and the outcome. The sizes are the smallest that still show the fault clearly
(what each cost before its fix is noted at the maker).
"""

from __future__ import annotations

import csv
import datetime
import json
import struct
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "templates" / "general.docx"
BATCH_MODEL = ROOT / "examples" / "batch_notice" / "model.yaml"
BATCH_RECORDS = ROOT / "examples" / "batch_notice" / "villages.csv"

TITLE = "棣棠乡人民政府关于2023年度安全生产工作情况的报告"
BODY = "2023年，我乡认真落实安全生产责任制，全年未发生较大以上安全生产事故。"
ISSUER = "棣棠乡人民政府"
DATE = "2024年1月18日"


def model(**fields: object) -> dict[str, object]:
    """A valid 报告 model, with ``fields`` changed."""
    return {"title": TITLE, "body": [BODY], "issuer": ISSUER, "date": "2024-01-18",
            **fields}


def write_yaml_model(path: Path, **fields: object) -> Path:
    """``model(**fields)`` as YAML (JSON is YAML; one field a line)."""
    path.write_text("".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n"
                            for k, v in model(**fields).items()), encoding="utf-8")
    return path


def draft(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- 16.1: batches with PDFs --------------------------------------------------------


def batch_records(folder: Path, n: int = 300) -> Path:
    """The example mail-merge model and ``n`` records (before: PDFs stopped at 246)."""
    with BATCH_RECORDS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, data = rows[0], rows[1:]
    village = header.index("村名")
    (folder / "model.yaml").write_bytes(BATCH_MODEL.read_bytes())
    path = folder / "records.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for i in range(n):
            row = list(data[i % len(data)])
            row[village] = f"{row[village]}{i:04d}"
            out.writerow(row)
    return path


# -- 16.2: time that grew faster than the input ----------------------------------------


def dates_draft(folder: Path, n: int = 2000) -> Path:
    """A draft whose last line is ``n`` characters of dates (before: 110 s at 2,000,
    growing as n^3.5 in the 印发 date search)."""
    path = folder / "dates.txt"
    path.write_text(draft(TITLE, BODY, ISSUER, DATE, DATE * (n // len(DATE))), encoding="utf-8")
    return path


def commas_draft(folder: Path, n: int = 16000) -> Path:
    """A draft with ``中`` and ``n`` commas (before: 48 s at 16,000, quadratic)."""
    path = folder / "commas.txt"
    path.write_text(draft(TITLE, BODY + "中" + "," * n, ISSUER, DATE), encoding="utf-8")
    return path


def long_title(folder: Path, n: int = 50000) -> Path:
    """A model whose title has about ``n`` characters (before: 136 s at 100,000, quadratic)."""
    unit = "棣棠乡人民政府法治建设工作"
    return write_yaml_model(folder / "title.yaml",
                            title="关于" + unit * (n // len(unit)) + "的报告")


# -- 16.3: memory and time bombs --------------------------------------------------------


def yaml_aliases(folder: Path, levels: int = 7, width: int = 10) -> Path:
    """A model under 1 KB whose aliases expand to ``width ** levels`` strings (before:
    2.2 GB at 7 levels)."""
    lines = ['a0: &a0 "哈哈哈哈哈哈哈哈哈哈"']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    text = "\n".join(lines) + "\n" + "".join(
        f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in model().items()
        if k != "body") + f"body: *a{levels}\n"
    path = folder / "aliases.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size < 1024
    return path


def template_with(path: Path, edit: Callable[[str, str], str]) -> Path:
    """A copy of govdoc's template with each XML part changed by ``edit(name, xml)``."""
    with zipfile.ZipFile(TEMPLATE) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name.endswith(".xml"):
                data = edit(name, data.decode("utf-8")).encode("utf-8")
            zout.writestr(name, data)
    return path


JINJA_BOMBS = {
    # name: Jinja code put in the template's body (before: memory or minutes)
    "concat-doubling": "{% set ns = namespace(s='xx') %}{% for i in range(40) %}"
                       "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",  # 24 GB
    "ljust": "{{ 'x'.ljust(4 * 10 ** 9) }}",
    "center": "{{ 'x'|center(4 * 10 ** 9) }}",
    "join": "{{ ([('x' * 100000)] * 100000) | join }}",
    "format-width": "{{ '{:>4000000000}'.format('x') }}",
    "nested-range": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                    "{% endfor %}",
}


def jinja_template(folder: Path, name: str) -> Path:
    """govdoc's template running the Jinja bomb ``name`` in its body."""
    from xml.sax.saxutils import escape

    code = escape(JINJA_BOMBS[name])

    def edit(part: str, xml: str) -> str:
        if part != "word/document.xml":
            return xml
        return xml.replace("<w:body>", f"<w:body><w:p><w:r><w:t>{code}</w:t></w:r></w:p>", 1)

    return template_with(folder / f"jinja-{name}.docx", edit)


def hidden_template(folder: Path) -> Path:
    """govdoc's template with all text hidden (w:vanish in the run defaults): before,
    a blank PDF and exit 0."""
    def edit(part: str, xml: str) -> str:
        if part != "word/styles.xml":
            return xml
        assert "<w:rPrDefault><w:rPr>" in xml
        return xml.replace("<w:rPrDefault><w:rPr>", "<w:rPrDefault><w:rPr><w:vanish/>", 1)

    return template_with(folder / "hidden.docx", edit)


def word_draft(path: Path, numbering: str | None = None) -> Path:
    """A Word draft (python-docx) of the small report; with ``numbering``, a numbering
    definition (w:num id 99) that its first body paragraph uses."""
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    paragraphs = [doc.add_paragraph(t) for t in (TITLE, BODY, ISSUER, DATE)]
    if numbering is not None:
        doc.part.numbering_part.element.append(parse_xml(numbering))
        paragraphs[1]._p.get_or_add_pPr().append(parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:ilvl w:val="0"/><w:numId w:val="99"/></w:numPr>'))
    doc.save(path)
    return path


def docx_bomb(folder: Path, megabytes: int = 64) -> Path:
    """A Word draft of ~100 KB whose document.xml unpacks to ``megabytes`` MB of empty
    paragraphs (before: a 134 KB one took 50 s and 3.1 GB; check over 300 s)."""
    base = word_draft(folder / "base.docx")
    path = folder / "bomb.docx"
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = b"<w:p><w:r><w:t>\xe5\x95\x8a</w:t></w:r></w:p>"
    chunk = paragraph * (1 << 16)
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info, zin.read(info))
                continue
            with zout.open("word/document.xml", "w", force_zip64=True) as out:
                out.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>'
                          .encode())
                written = 0
                while written < megabytes << 20:
                    out.write(chunk)
                    written += len(chunk)
                out.write(b"</w:body></w:document>")
    base.unlink()
    return path


def png(path: Path, width: int, height: int) -> Path:
    """A valid 1-bit greyscale PNG of ``width`` × ``height`` black pixels (small on
    disk: it compresses to almost nothing)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    row = b"\0" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))
    return path


def huge_seal(folder: Path, side: int = 30000) -> Path:
    """A model sealed with a ``side`` × ``side`` PNG (before: 28 s and 1 GB)."""
    png(folder / "huge-seal.png", side, side)
    return write_yaml_model(folder / "huge-seal.yaml", seal={"image": "huge-seal.png"})


# -- 16.4: processes and files left behind ------------------------------------------------


def long_docx(folder: Path, paragraphs: int = 1500) -> Path:
    """A .docx of about 60 pages, which LibreOffice takes a few seconds to convert."""
    import govdoc

    report = govdoc.Report(title=TITLE, body=[BODY * 3] * paragraphs, issuer=ISSUER,
                           date=datetime.date(2024, 1, 18))
    path = folder / "long.docx"
    govdoc.render(report).save(path)
    return path


# -- 16.5: clear errors ------------------------------------------------------------------


def deep_json(folder: Path, depth: int = 100000) -> Path:
    path = folder / "deep.json"
    path.write_text('{"title": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    return path


def deep_yaml(folder: Path, depth: int = 100000) -> Path:
    path = folder / "deep.yaml"
    path.write_text("title: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    return path


def control_models(folder: Path) -> tuple[Path, Path]:
    """The model with U+007F in its body, as JSON and as YAML."""
    text = BODY.replace("，", "，\x7f", 1)
    json_path = folder / "del.json"
    json_path.write_text(json.dumps(model(body=[text]), ensure_ascii=False), encoding="utf-8")
    return json_path, write_yaml_model(folder / "del.yaml", body=[text])


def bad_date(folder: Path) -> Path:
    path = write_yaml_model(folder / "bad-date.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace('"2024-01-18"', "2024-02-30"),
                    encoding="utf-8")
    return path


def truncated_seal(folder: Path) -> Path:
    data = png(folder / "whole.png", 200, 200).read_bytes()
    (folder / "truncated.png").write_bytes(data[: len(data) // 2])
    (folder / "whole.png").unlink()
    return write_yaml_model(folder / "truncated-seal.yaml", seal={"image": "truncated.png"})


def start_override_draft(folder: Path) -> Path:
    """A Word draft whose list restarts at ``startOverride="abc"``."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return word_draft(folder / "start-override.docx", numbering=(
        f'<w:num {w} w:numId="99"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="abc"/></w:lvlOverride></w:num>'))


# -- 16.6: small draft-text faults ---------------------------------------------------------


def pipes_draft(folder: Path) -> Path:
    """A line ``|注意|``, which is not a table."""
    path = folder / "pipes.txt"
    path.write_text(draft(TITLE, BODY, "|注意|", ISSUER, DATE), encoding="utf-8")
    return path


def separators_draft(folder: Path) -> Path:
    """U+2028 and U+0085 inside a line, which stays one paragraph."""
    path = folder / "separators.txt"
    path.write_text(draft(TITLE, "全年未发生\u2028较大以上安全生产事故，整改隐患\u008586处。",
                          ISSUER, DATE), encoding="utf-8")
    return path


def parens_after_date_draft(folder: Path) -> Path:
    """Two （…） lines after the date: the 署名 above is still found."""
    path = folder / "parens.txt"
    path.write_text(draft(TITLE, BODY, ISSUER, DATE, "（此件公开发布）", "（联系人：李明，电话：0000-1234567）"),
                    encoding="utf-8")
    return path


MAKERS: dict[str, Callable[[Path], object]] = {
    "batch-300": batch_records, "dates": dates_draft, "commas": commas_draft,
    "title": long_title, "aliases": yaml_aliases,
    **{f"jinja-{n}": (lambda folder, n=n: jinja_template(folder, n)) for n in JINJA_BOMBS},
    "hidden": hidden_template, "docx-bomb": docx_bomb, "huge-seal": huge_seal,
    "long-docx": long_docx, "deep-json": deep_json, "deep-yaml": deep_yaml,
    "control": control_models, "bad-date": bad_date, "truncated-seal": truncated_seal,
    "start-override": start_override_draft, "pipes": pipes_draft,
    "separators": separators_draft, "parens": parens_after_date_draft,
}


def main(out: Path) -> None:
    for name, make in MAKERS.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{name}: {make(folder)}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))

from pathlib import Path

import pytest

from govdoc import convert
from conftest import require_libreoffice


def test_a_missing_libreoffice_gives_the_install_hint(monkeypatch, tmp_path):
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    with pytest.raises(convert.ConversionError, match="apt-get install libreoffice"):
        convert.to_pdf(tmp_path / "x.docx")


def test_inputs_with_the_same_name_are_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(convert, "find_soffice", lambda: "/bin/true")
    with pytest.raises(convert.ConversionError, match="share a file name"):
        convert.to_pdfs([tmp_path / "a" / "x.docx", tmp_path / "b" / "x.docx"], tmp_path)


def test_font_map_names_every_official_family():
    conf = convert.FONTS_CONF.read_text(encoding="utf-8")
    for family in ("仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体", "Times New Roman"):
        assert f"<string>{family}</string>" in conf


def _docx(xml: bytes) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/styles.xml", xml)
        zf.writestr("word/media/image1.png", b"\x89PNG<w:overflowPunct w:val=\"0\"/>")
    return buf.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_libreoffice_gets_overflow_punct_the_way_it_reads_it():
    # LibreOffice 7.4 reads w:overflowPunct inverted: "no hanging" must reach it as 1.
    xml = (b'<w:pPr><w:overflowPunct w:val="0"/></w:pPr><w:pPr><w:overflowPunct w:val="1"/>'
           b'</w:pPr><w:pPr><w:overflowPunct/></w:pPr><w:pPr><w:overflowPunct w:val="false"/></w:pPr>')
    parts = _parts(convert.libreoffice_copy(_docx(xml)))
    assert parts["word/styles.xml"] == (
        b'<w:pPr><w:overflowPunct w:val="1"/></w:pPr><w:pPr><w:overflowPunct w:val="0"/>'
        b'</w:pPr><w:pPr><w:overflowPunct w:val="0"/></w:pPr><w:pPr><w:overflowPunct w:val="1"/></w:pPr>')
    # Nothing but XML parts of the document is touched.
    assert parts["word/media/image1.png"] == b"\x89PNG<w:overflowPunct w:val=\"0\"/>"


def test_a_timeout_ends_libreoffice_and_the_processes_it_started(monkeypatch, tmp_path):
    # soffice is a wrapper that starts soffice.bin; this stand-in does the same.
    import os
    import sys
    import uuid
    from pathlib import Path

    if not Path("/proc/self/cmdline").exists():
        pytest.skip("needs /proc to list processes")
    marker = f"govdoc-test-{uuid.uuid4().hex}"
    fake = tmp_path / "soffice"
    fake.write_text(
        f"#!/bin/sh\n{sys.executable} -c 'import time; time.sleep(120)' {marker} &\nwait\n"
    )
    fake.chmod(0o755)
    monkeypatch.setattr(convert, "find_soffice", lambda: str(fake))
    (tmp_path / "x.docx").write_bytes(b"")

    with pytest.raises(convert.ConversionError, match="did not finish"):
        convert.to_pdfs([tmp_path / "x.docx"], tmp_path / "pdf", timeout=1)

    def alive() -> list[str]:
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if marker.encode() in cmdline and state != "Z":
                found.append(pid)
        return found

    left = alive()
    for pid in left:  # tidy up before failing
        os.kill(int(pid), 9)
    assert left == []


def _styles_docx(fonts: list[str]) -> bytes:
    rfonts = "".join(f'<w:rFonts w:eastAsia="{f}" w:ascii="{f}"/>' for f in fonts)
    return _docx(f'<w:styles><w:rPr>{rfonts}<w:lang w:eastAsia="zh-CN"/></w:rPr></w:styles>'
                 .encode())


def test_the_fonts_a_document_asks_for_are_read_from_its_rfonts_only():
    # w:lang's w:eastAsia="zh-CN" is a language, not a font.
    assert convert.requested_fonts(_styles_docx(["仿宋_GB2312", "黑体"])) == {"仿宋_GB2312", "黑体"}


def test_every_font_set_in_a_substitute_is_reported():
    import os
    import shutil
    import warnings

    if shutil.which("fc-match") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("fontconfig's fc-match is not installed, and CI must run this test")
        pytest.skip("fontconfig's fc-match is not installed")
    found = convert.font_substitutions(_styles_docx(["仿宋_GB2312", "方正小标宋简体"]))
    # govdoc's font map names a free face for each official family (see fonts.conf).
    conf = convert.FONTS_CONF.read_text(encoding="utf-8")
    assert set(found) == {"仿宋_GB2312", "方正小标宋简体"}
    for family, used in found.items():
        assert used != family and f"<string>{used}</string>" in conf
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        convert.warn_substitutions(found)
        convert.warn_substitutions({})  # nothing substituted: nothing said
    [warning] = caught
    assert issubclass(warning.category, convert.FontSubstitution)
    assert "仿宋_GB2312 → " + found["仿宋_GB2312"] in str(warning.message)


def test_converting_warns_once_with_the_substitutions(seed_docx, tmp_path):
    require_libreoffice()
    import warnings

    import govdoc

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        govdoc.to_pdf(seed_docx, tmp_path)
    [warning] = [w for w in caught if issubclass(w.category, convert.FontSubstitution)]
    assert warning.filename == __file__  # it points at the caller's line
    assert "仿宋_GB2312 → AR PL UMing CN" in str(warning.message)


def test_a_document_object_needs_the_pdf_path(seed_report):
    import govdoc

    with pytest.raises(ValueError, match="give `out`"):
        govdoc.to_pdf(govdoc.render(seed_report))


def test_a_document_converts_to_the_pdf_path_given(seed_report, tmp_path):
    require_libreoffice()
    import govdoc

    (tmp_path / "out").mkdir()
    pdf = govdoc.to_pdf(govdoc.render(seed_report), tmp_path / "out" / "report.pdf")
    assert pdf == (tmp_path / "out" / "report.pdf").resolve()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.pdf"]


def test_a_path_converts_into_a_folder_or_to_a_file(seed_docx, tmp_path):
    require_libreoffice()
    import govdoc

    into = tmp_path / "folder"
    into.mkdir()
    assert govdoc.to_pdf(seed_docx, into) == (into / "seed.pdf").resolve()
    assert govdoc.to_pdf(seed_docx, tmp_path / "named.pdf").name == "named.pdf"
    assert (tmp_path / "named.pdf").read_bytes().startswith(b"%PDF")


def test_a_long_conversion_reports_the_pdfs_made_so_far(seed_docx, tmp_path):
    require_libreoffice()
    import shutil

    sources = []
    for name in ("a", "b", "c"):
        sources.append(tmp_path / f"{name}.docx")
        shutil.copy(seed_docx, sources[-1])
    seen: list[int] = []
    pdfs = convert.to_pdfs(sources, tmp_path / "pdf", progress=seen.append)
    assert [p.name for p in pdfs] == ["a.pdf", "b.pdf", "c.pdf"]
    assert seen and seen == sorted(set(seen)) and seen[-1] == 3


# -- one rule for existing files and missing folders (issue 15.8) ---------------------------------

def test_an_existing_pdf_is_replaced_only_when_asked(seed_docx, tmp_path):
    require_libreoffice()
    import govdoc

    target = tmp_path / "seed.pdf"
    target.write_bytes(b"old")
    for call in (lambda: govdoc.to_pdf(seed_docx, target),
                 lambda: govdoc.to_pdf(seed_docx, tmp_path),
                 lambda: convert.to_pdfs([seed_docx], tmp_path)):
        with pytest.raises(govdoc.OutputExistsError) as caught:
            call()
        assert str(target) in str(caught.value)
        assert target.read_bytes() == b"old"
    assert govdoc.to_pdf(seed_docx, target, overwrite=True) == target.resolve()
    assert target.read_bytes().startswith(b"%PDF")


def test_a_pdf_path_in_a_missing_folder_is_refused_naming_it(seed_docx, tmp_path):
    import govdoc

    with pytest.raises(convert.ConversionError, match=r"the folder .*nowhere does not exist"):
        govdoc.to_pdf(seed_docx, tmp_path / "nowhere" / "x.pdf")
    assert not (tmp_path / "nowhere").exists()


def test_saved_preview_pages_replace_files_only_when_asked(tmp_path):
    from govdoc.errors import OutputExistsError
    from govdoc.pageview import PageImage, Preview

    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 24
    pages = Preview((PageImage(1, png), PageImage(2, png)), 2)
    (tmp_path / "page-2.png").write_bytes(b"old")
    with pytest.raises(OutputExistsError, match="page-2.png"):
        pages.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page-2.png"]  # nothing written
    assert [p.read_bytes() for p in pages.save(tmp_path, overwrite=True)] == [png, png]


# -- the profile made once --------------------------------------------------------------------

def test_each_libreoffice_starts_from_a_profile_made_once_per_machine(monkeypatch, tmp_path,
                                                                      seed_docx):
    require_libreoffice()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    soffice = convert.find_soffice()
    made = convert.ready_profile(soffice)
    assert made is not None and made.parent == tmp_path / "cache" / "govdoc"
    # It has converted once: its bundled extensions are registered.
    assert list((made / "user" / "extensions").rglob("lastsynchronized"))
    # It names no folder of its own, so a copy works anywhere.
    assert not [f for f in made.rglob("*") if f.is_file() and str(made).encode() in f.read_bytes()]
    # Made once: later calls start no LibreOffice.
    monkeypatch.setattr(convert, "_spawn", lambda *a, **k: pytest.fail("LibreOffice started"))
    assert convert.ready_profile(soffice) == made
    office = convert._Office(soffice)
    try:
        assert (office.work / "profile" / "user" / "registrymodifications.xcu").read_bytes() == (
            made / "user" / "registrymodifications.xcu").read_bytes()
    finally:
        office.close()
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert convert.to_pdfs([seed_docx], tmp_path / "pdf", jobs=1)[0].read_bytes()[:5] == b"%PDF-"


def test_a_half_made_profile_in_the_cache_is_made_again(monkeypatch, tmp_path):
    require_libreoffice()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    soffice = convert.find_soffice()
    made = convert.ready_profile(soffice)
    (made / convert._READY).unlink()  # as if copied in part by something else
    (made / "junk").write_text("x")
    assert convert.ready_profile(soffice) == made
    assert (made / convert._READY).exists() and not (made / "junk").exists()


# -- the pool: chunks, a crash, a retry (a stand-in LibreOffice, no real one needed) ----------

FAKE_OFFICE = """#!{python}
import os, sys
from pathlib import Path
args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
log = Path({log!r})
for doc in (Path(a) for a in args if a.endswith(".docx")):
    with log.open("a") as f:
        f.write(doc.stem + " " + doc.read_text() + "\\n")
    if doc.read_text() == "crash" or (doc.read_text() == "crash once" and
                                      log.read_text().count(" crash once") == 1):
        os.kill(os.getpid(), 9)  # LibreOffice dies on this document
    out.mkdir(parents=True, exist_ok=True)
    (out / (doc.stem + ".pdf")).write_text("%PDF " + doc.read_text())
"""


def fake_office(monkeypatch, tmp_path, contents: list[str]) -> tuple[list, Path]:
    import sys

    log = tmp_path / "calls.log"
    fake = tmp_path / "soffice"
    fake.write_text(FAKE_OFFICE.format(python=sys.executable, log=str(log)))
    fake.chmod(0o755)
    monkeypatch.setattr(convert, "find_soffice", lambda: str(fake))
    sources = []
    for i, text in enumerate(contents):
        sources.append(tmp_path / f"d{i}.docx")
        sources[-1].write_text(text)
    return sources, log


def test_a_crash_loses_only_the_current_document_which_is_tried_once_more(monkeypatch,
                                                                          tmp_path):
    sources, log = fake_office(monkeypatch, tmp_path, ["a", "b", "crash", "d", "e", "f"])
    results = convert.convert_each(sources, tmp_path / "pdf", jobs=1)
    assert [r.name if not isinstance(r, str) else r for r in results] == [
        "d0.pdf", "d1.pdf", "d2.docx: LibreOffice could not convert it (LibreOffice ended by "
        "SIGKILL)", "d3.pdf", "d4.pdf", "d5.pdf"]
    tried = [line.split()[0] for line in log.read_text().splitlines()]
    assert sorted(tried) == ["00000", "00001", "00002", "00002", "00003", "00004", "00005"]
    with pytest.raises(convert.ConversionError) as caught:  # to_pdfs: one line per failure
        convert.to_pdfs(sources, tmp_path / "again", jobs=2)
    assert str(caught.value) == ("d2.docx: LibreOffice could not convert it (LibreOffice "
                                 "ended by SIGKILL)")


def test_a_document_that_crashes_once_is_converted_on_its_second_try(monkeypatch, tmp_path):
    sources, log = fake_office(monkeypatch, tmp_path, ["a", "crash once", "c"])
    pdfs = convert.to_pdfs(sources, tmp_path / "pdf", jobs=1)
    assert [p.read_text() for p in pdfs] == ["%PDF a", "%PDF crash once", "%PDF c"]


def test_no_process_is_given_more_than_a_chunk(monkeypatch, tmp_path):
    monkeypatch.setattr(convert, "CHUNK", 4)
    sources, log = fake_office(monkeypatch, tmp_path, [str(i) for i in range(10)])
    calls: list[int] = []
    real = convert._Office.run

    def counting(self, inputs, outdir, timeout):  # type: ignore[no-untyped-def]
        calls.append(len(inputs))
        return real(self, inputs, outdir, timeout)

    monkeypatch.setattr(convert._Office, "run", counting)
    assert len(convert.to_pdfs(sources, tmp_path / "pdf", jobs=2)) == 10
    assert max(calls) <= 4 and sum(calls) == 10 and len(calls) % 2 == 0  # equal shares


def test_a_libreoffice_that_cannot_make_a_profile_is_tried_once_per_process(monkeypatch,
                                                                              tmp_path):
    # The stand-in converts .docx files only, so the profile (made by converting an
    # empty .txt) is never made; each try would cost a LibreOffice start.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(convert, "_UNMAKEABLE", set())
    sources, log = fake_office(monkeypatch, tmp_path, ["a", "b", "c", "d"])
    tries: list[list[str]] = []
    real = convert._spawn

    def spawn(cmd, *args, **kwargs):  # type: ignore[no-untyped-def]
        if cmd[-1].endswith("empty.txt"):
            tries.append(cmd)
        return real(cmd, *args, **kwargs)

    monkeypatch.setattr(convert, "_spawn", spawn)
    assert len(convert.to_pdfs(sources, tmp_path / "pdf", jobs=2)) == 4
    assert len(convert.to_pdfs(sources, tmp_path / "again", jobs=2)) == 4
    assert len(tries) == 1  # the first process tried; the other three did not

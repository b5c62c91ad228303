"""Template injection: known Jinja sandbox escapes, in user text and in templates.

User text is never parsed as a template, so every payload comes out literally.
A template's own Jinja code runs in govdoc's hardened sandbox: no payload runs
(each tries to create a marker file), and each fails with a one-line
:class:`govdoc.TemplateError` naming the template's part, not a jinja traceback.
"""

from __future__ import annotations

import datetime
import html
import zipfile
from pathlib import Path

import pytest

import govdoc
from govdoc import Report, Section, TemplateError
from govdoc.rendering.template import default_template

# Published sandbox escapes and their variants; MARK is the marker file's path.
ESCAPES = [
    # the MRO walk to every loaded class
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ().__class__.__bases__[0].__subclasses__()[59].__init__.__globals__"
    ".linecache.os.popen('touch MARK').read() }}",
    # function globals reached through Jinja's default globals
    "{{ cycler.__init__.__globals__.os.popen('touch MARK').read() }}",
    "{{ joiner.__init__.__globals__.os.popen('touch MARK').read() }}",
    "{{ namespace.__init__.__globals__.os.popen('touch MARK').read() }}",
    "{{ lipsum.__globals__['os'].popen('touch MARK').read() }}",
    "{{ range.__self__.__import__('os').popen('touch MARK').read() }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os"
    ".popen('touch MARK').read() }}",
    # the attr filter, and escaped underscores, to dodge attribute checks
    "{{ ''|attr('__class__')|attr('__base__')|attr('__subclasses__')() }}",
    "{{ (cycler|attr('\\x5f\\x5finit\\x5f\\x5f')|attr('\\x5f\\x5fglobals\\x5f\\x5f'))"
    "['__builtins__']['exec'](\"open('MARK', 'w')\") }}",
    # str.format / format_map (CVE-2016-10745, CVE-2019-10906)
    "{{ '{0.__init__.__globals__[os]}'.format(cycler) }}",
    "{{ '{x.__init__.__globals__}'.format_map({'x': cycler}) }}",
    # a loop to warnings.catch_warnings and its module's builtins
    "{% for c in [].__class__.__base__.__subclasses__() %}{% if c.__name__ == "
    "'catch_warnings' %}{{ c()._module.__builtins__['__import__']('os')"
    ".system('touch MARK') }}{% endif %}{% endfor %}",
    # Flask-style objects and govdoc's own context value
    "{{ request.application.__globals__.__builtins__.__import__('os')"
    ".popen('touch MARK').read() }}",
    "{{ body.__class__.__init__.__globals__['os'].system('touch MARK') }}",
    "{% set x = cycler.__init__ %}{{ x.__globals__ }}",
    # reading files through the loader
    "{% include '/etc/passwd' %}",
    "{% extends '/etc/passwd' %}",
    "{% import 'os' as os %}{{ os.system('touch MARK') }}",
]
# Code that only burns memory or time.
EXHAUSTION = [
    "{{ 'a' * 10 ** 10 }}",
    "{{ 2 ** (10 ** 8) }}",
    "{{ range(10 ** 9) | list }}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{{ lipsum(n=10 ** 6) }}",
    # issue 16: doubling with ~ and +, widths, joins, replacements, nested loops
    "{% set ns = namespace(s='xx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}{{ ns.s|length }}",
    "{% set ns = namespace(s='xx') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}{{ ns.s|length }}",
    "{{ 'x'.ljust(10 ** 9) }}",
    "{{ 'x'|center(10 ** 9) }}",
    "{{ ([('x' * 100000)] * 100000) | join }}",
    "{{ '%1000000000s' % 'x' }}",
    "{{ '{:>1000000000}'.format('x') }}",
    "{{ '%1000000000d'|format(1) }}",
    "{{ ('a' * 100000).replace('a', 'x' * 100000) }}",
    "{{ (1).to_bytes(10 ** 9, 'big') }}",
    "{{ ('x' | safe).ljust(10 ** 9) }}",
    "{% set l = [1] %}{% for i in range(64) %}{{ l.extend(l) }}{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% for i in range(100000) %}{{ 'x' * 100000 }}{% endfor %}",
]
PLACES = ["body", "footer", "core title"]


@pytest.fixture
def marker(tmp_path) -> Path:
    return tmp_path / "PWNED"


def armed(payload: str, marker: Path) -> str:
    return payload.replace("MARK", str(marker))


def report_with(text: str) -> Report:
    return Report(
        title=text,
        recipients=[text],
        body=[text, Section(title=text, body=[Section(title=text, run_in=True, body=[text])])],
        issuer=text,
        date=datetime.date(2024, 1, 18),
    )


def hostile_template(dst: Path, place: str, payload: str) -> Path:
    """A copy of govdoc's template with ``payload`` in its body, footer or core title."""
    text = html.escape(payload, quote=False)
    edits = {
        "body": ("word/document.xml", "<w:body>", f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"),
        "footer": ("word/footer1.xml", "<w:t xml:space=\"preserve\">— </w:t>",
                   f"<w:t xml:space=\"preserve\">{text}</w:t>"),
        "core title": ("docProps/core.xml", "<dc:title>公文模板（通用格式）</dc:title>",
                       f"<dc:title>{text}</dc:title>"),
    }
    part, old, new = edits[place]
    with zipfile.ZipFile(default_template()) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == part:
                xml = data.decode("utf-8")
                assert old in xml
                data = xml.replace(old, new, 1).encode("utf-8")
            zout.writestr(name, data)
    return dst


@pytest.mark.parametrize("payload", ESCAPES + EXHAUSTION)
def test_payloads_in_user_text_come_out_literally(payload, marker):
    text = armed(payload, marker)
    doc = govdoc.render(report_with(text), normalize=False)
    texts = [p.text for p in doc.paragraphs]
    # A long title is broken into lines (w:br) between words; its text is unchanged.
    assert texts[0].replace("\n", "") == text and texts[1] == text + "："
    assert texts[2:6] == [text, "一、" + text, "（一）" + text + text, text]
    assert not marker.exists()


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("payload", ESCAPES + EXHAUSTION)
def test_payloads_in_a_template_do_not_run_and_fail_clearly(payload, place, marker, tmp_path):
    template = hostile_template(tmp_path / "hostile.docx", place, armed(payload, marker))
    with pytest.raises(TemplateError) as info:
        govdoc.render(report_with("正文。"), template=template)
    message = str(info.value)
    part = {"body": "word/document.xml", "footer": "word/footer1.xml",
            "core title": "docProps/core.xml"}[place]
    assert message.startswith(f"template {template}: ") and part in message
    assert info.value.__cause__ is None and info.value.__suppress_context__  # no jinja traceback
    assert not marker.exists()


def test_harmless_jinja_in_a_template_still_works(tmp_path):
    template = hostile_template(tmp_path / "t.docx", "body",
                                "{% if 2 > 1 %}附件：{{ '%d' % 3 }} 页{% endif %}")
    doc = govdoc.render(report_with("正文。"), template=template)
    assert doc.paragraphs[0].text == "附件：3 页"


def _edit_body(dst: Path, edit) -> Path:
    with zipfile.ZipFile(default_template()) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/document.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(name, data)
    return dst


_PLACEHOLDER = ('<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:t>{{p body }}</w:t>'
                '</w:r></w:p>')


def _around_placeholder(dst: Path, opening: str, closing: str) -> Path:
    """The default template with the body placeholder between two Jinja tags."""
    return _edit_body(dst, lambda xml: xml.replace(
        _PLACEHOLDER, f"<w:p><w:r><w:t>{opening}</w:t></w:r></w:p>" + _PLACEHOLDER
        + f"<w:p><w:r><w:t>{closing}</w:t></w:r></w:p>"))


def test_a_template_that_drops_the_body_is_refused(tmp_path):
    template = _around_placeholder(tmp_path / "drop.docx", "{%p if false %}", "{%p endif %}")
    with pytest.raises(TemplateError, match="placed the document.s body nowhere"):
        govdoc.render(report_with("正文。"), template=template)


def test_a_template_that_puts_the_body_inside_a_run_is_refused(tmp_path):
    template = _edit_body(tmp_path / "inline.docx", lambda xml: xml.replace(
        "<w:body>", "<w:body><w:p><w:r><w:t>见 {{ body }}</w:t></w:r></w:p>"))
    with pytest.raises(TemplateError, match="inside a run's text"):
        govdoc.render(report_with("正文。"), template=template)


def test_a_template_that_repeats_the_body_is_refused(tmp_path):
    template = _around_placeholder(tmp_path / "twice.docx", "{%p for i in range(2) %}",
                                   "{%p endfor %}")
    with pytest.raises(TemplateError, match="placed the document's body 2 times"):
        govdoc.render(report_with("正文。"), template=template)


def test_the_template_never_sees_the_users_words(tmp_path):
    # Whatever the template's code does with `body`, it only ever holds a marker.
    template = _edit_body(tmp_path / "peek.docx", lambda xml: xml.replace(
        "<w:body>", "<w:body><w:p><w:r><w:t>{{ '机密' in (body|string) }}</w:t></w:r></w:p>"))
    doc = govdoc.render(report_with("机密的正文。"), template=template)
    assert doc.paragraphs[0].text == "False"
    assert any(p.text == "机密的正文。" for p in doc.paragraphs)

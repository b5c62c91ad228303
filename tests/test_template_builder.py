import re
import zipfile

from govdoc import spec
from govdoc.rendering.template import default_template
from govdoc.model import DocFormat
from govdoc.rendering.template import templates_dir
from govdoc.template_builder import build_template

from ooxml import order_violations


def test_committed_templates_are_what_the_builder_makes():
    # Run scripts/build_templates.py after changing the spec or the builder.
    for fmt in DocFormat:
        assert (templates_dir() / f"{fmt.value}.docx").read_bytes() == build_template(fmt), fmt


def test_build_is_reproducible():
    assert build_template() == build_template()


def parts():
    with zipfile.ZipFile(default_template()) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_template_has_no_theme_and_no_theme_font_attributes():
    p = parts()
    assert not any(n.startswith("word/theme") for n in p)
    assert not re.search(rb"Theme=", p["word/styles.xml"])


def test_page_setup_follows_the_spec():
    doc = parts()["word/document.xml"].decode()
    assert f'<w:pgSz w:w="{spec.PAGE_WIDTH_TW}" w:h="{spec.PAGE_HEIGHT_TW}"/>' in doc
    assert 'w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"' in doc
    assert '<w:docGrid w:type="lines" w:linePitch="579"/>' in doc
    settings = parts()["word/settings.xml"].decode()
    assert "<w:evenAndOddHeaders/>" in settings


def test_body_style_is_exact_28_95_pt_with_the_character_squeeze():
    styles = parts()["word/styles.xml"].decode()
    normal = re.search(r'<w:style w:type="paragraph" w:styleId="Normal".*?</w:style>', styles).group()
    assert '<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>' in normal
    assert '<w:spacing w:val="-5"/>' in normal and '<w:sz w:val="32"/>' in normal
    title = re.search(r'w:styleId="Title".*?</w:style>', styles).group()
    assert '<w:snapToGrid w:val="0"/>' in title and '<w:sz w:val="44"/>' in title


def test_page_numbers_are_em_dashes_around_a_page_field():
    p = parts()
    for name, side in (("word/footer1.xml", "right"), ("word/footer2.xml", "left")):
        xml = p[name].decode()
        assert "\u2014 " in xml and " \u2014" in xml and " PAGE " in xml
        assert f'<w:jc w:val="{side}"/>' in xml
        assert f'w:{side}="280"' in xml


def test_all_parts_are_in_schema_order():
    for name, data in parts().items():
        if name.startswith("word/") and name.endswith(".xml"):
            assert order_violations(data) == [], name

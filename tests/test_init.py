"""The package's surface: ``import govdoc`` is cheap, and every public name works."""

import subprocess
import sys

import govdoc

HEAVY = ("docx", "docxtpl", "jinja2", "pydantic", "lxml", "jieba", "yaml",
         "govdoc.model", "govdoc.rendering", "govdoc.checker", "govdoc.convert", "govdoc.parse")


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys; {code}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                         text=True).stdout
    return set(out.split())


def test_importing_govdoc_loads_none_of_the_heavy_modules():
    loaded = _loaded_after("import govdoc")
    assert "govdoc" in loaded
    assert sorted(loaded & set(HEAVY)) == []


def test_a_name_loads_what_it_needs_and_no_more():
    loaded = _loaded_after("import govdoc; govdoc.Report")
    assert "govdoc.model" in loaded and "pydantic" in loaded
    assert sorted(loaded & {"docxtpl", "govdoc.checker", "govdoc.convert", "jieba"}) == []


def test_every_public_name_resolves():
    for name in govdoc.__all__:
        assert getattr(govdoc, name) is not None, name
    assert set(govdoc.__all__) <= set(dir(govdoc))


def test_an_unknown_name_is_an_attribute_error():
    try:
        govdoc.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("govdoc.no_such_thing did not raise")


def test_render_and_check_are_plain_functions_even_after_their_packages_are_imported(
        seed_report):
    # The packages are govdoc.rendering and govdoc.checker, so importing them (or their
    # submodules) binds no name over the functions govdoc.render and govdoc.check.
    code = ("import govdoc.rendering.xml, govdoc.checker.resolve, govdoc, datetime, types; "
            "r = govdoc.Report(title='关于工作的报告', body=['正文。'], issuer='某局', "
            "date=datetime.date(2024, 1, 2)); "
            "assert type(govdoc.render) is types.FunctionType, govdoc.render; "
            "assert type(govdoc.check) is types.FunctionType, govdoc.check; "
            "print(type(govdoc.render(r)).__name__, govdoc.check(govdoc.render(r)).ok)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    assert out.strip() == "Document True"

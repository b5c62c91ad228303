"""Filling a template with docxtpl inside a hardened Jinja sandbox.

Templates come from other offices, so their Jinja code is untrusted. Every part
docxtpl renders (body, headers, footers, footnotes, core properties) goes through
:data:`ENV`, a :class:`~jinja2.sandbox.SandboxedEnvironment` that

* refuses access to private and internal attributes (``__class__``, ``__globals__``…),
  so the known sandbox escapes cannot reach Python's internals;
* treats an unknown or refused name as an error (``StrictUndefined``) instead of
  printing nothing, so a template never silently loses text;
* has no template loader, so ``{% include %}``/``{% extends %}`` cannot read files;
* bounds ``*`` and ``**`` so ``'x' * 10**10`` or ``9**9**9`` cannot exhaust memory.

Any failure of the template's own code (a refused attribute, a syntax error, an
exception it raises) or XML it breaks is raised as
:class:`~govdoc.errors.TemplateError` naming the template and the part.
"""

from __future__ import annotations

import copy
import io
import re
from collections import OrderedDict
from typing import Any, Callable, Generic, TypeVar

import docx.document
from docxtpl import DocxTemplate
from jinja2 import DictLoader, StrictUndefined, Template
from jinja2 import TemplateError as JinjaError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment
from lxml import etree

from govdoc.errors import TemplateError

__all__ = ["ENV", "fill"]

#: The most bits the result of ``**`` in a template may have.
MAX_POWER_BITS = 4096

_W_TBL = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tbl"
_STRICT_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


_MOST_COMPILED = 64
"""Compiled template parts kept per process."""

K = TypeVar("K")
V = TypeVar("V")


class _Kept(Generic[K, V]):
    """The last ``most`` values made, by key: each is made once while it is kept."""

    def __init__(self, most: int) -> None:
        self._most = most
        self._values: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, make: Callable[[], V]) -> V:
        value = self._values.get(key)
        if value is None:
            value = self._values[key] = make()
            if len(self._values) > self._most:
                self._values.popitem(last=False)
        else:
            self._values.move_to_end(key)
        return value


class _Sandbox(SandboxedEnvironment):
    """A sandbox that also bounds the size of ``*`` and ``**`` results, and compiles each
    template source once per process (docxtpl compiles every part on every render)."""

    intercepted_binops = frozenset({"*", "**"})

    def from_string(self, source: Any, globals: Any = None,  # noqa: A002 - jinja's name
                    template_class: Any = None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compile_ = super().from_string
        return _COMPILED.get(source, lambda: compile_(source))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and max(abs(left), 2).bit_length() * right > MAX_POWER_BITS:
                raise SecurityError(f"a power with more than {MAX_POWER_BITS} bits in a template")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if (isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int)
                        and len(seq) * n > MAX_RANGE):
                    raise SecurityError(
                        f"repeating a sequence to more than {MAX_RANGE} items in a template"
                    )
        return super().call_binop(context, operator, left, right)


ENV = _Sandbox(autoescape=True, undefined=StrictUndefined, loader=DictLoader({}))
ENV.globals.pop("lipsum", None)  # lipsum(n=10**6) would only burn memory


_MOST_OPENED = 16
"""Opened templates kept per process."""

_COMPILED: _Kept[str, Template] = _Kept(_MOST_COMPILED)
_OPENED: _Kept[bytes, docx.document.Document] = _Kept(_MOST_OPENED)
_PATCHED: _Kept[str, str] = _Kept(_MOST_COMPILED)

# Characters docxtpl turns into Word markup after rendering (tab, line and page breaks in
# a value). govdoc writes its own markup, so a part without them needs no such pass.
_LISTING = re.compile("[\t\n\a\f]")


def _opened_template(data: bytes) -> docx.document.Document:
    """A fresh copy of the document in ``data``: the package is parsed once per process
    and copied for every render."""
    return copy.deepcopy(_OPENED.get(data, lambda: docx.Document(io.BytesIO(data))))


class _Template(DocxTemplate):
    """docxtpl's template, remembering which part it renders and parsing strictly; the
    template's package is parsed and its Jinja sources cleaned once per process."""

    part_name = "word/document.xml"

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._data = data

    def init_docx(self, reload: bool = True) -> None:
        if not self.docx or (self.is_rendered and reload):
            self.docx = _opened_template(self._data)
            self.is_rendered = False

    def patch_xml(self, src_xml: str) -> str:
        patch = super().patch_xml
        return _PATCHED.get(src_xml, lambda: patch(src_xml))

    def resolve_listing(self, xml: str) -> str:
        return super().resolve_listing(xml) if _LISTING.search(xml) else xml

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any],
                        jinja_env: Any = None) -> str:
        self.part_name = str(part.partname).lstrip("/")
        return super().render_xml_part(src_xml, part, context, jinja_env)

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        self.part_name = "docProps/core.xml (core properties)"
        super().render_properties(context, jinja_env)

    def fix_tables(self, xml: str) -> Any:
        # docxtpl parses the rendered body in lxml's *recover* mode, which silently
        # drops whatever follows broken XML. Parse strictly first.
        try:
            tree = etree.fromstring(xml, _STRICT_PARSER)
        except etree.XMLSyntaxError as exc:
            raise _BrokenXml(str(exc)) from None
        if tree.find(f".//{_W_TBL}") is None:
            return tree
        return super().fix_tables(xml)


class _BrokenXml(Exception):
    """The rendered XML of a part is not well-formed."""


def fill(data: bytes, where: str,
         context: Callable[[docx.document.Document], dict[str, Any]]) -> docx.document.Document:
    """Render the checked template ``data``; return the document.

    ``context`` makes the values the template is filled with from the opened document
    (so that it can add parts, such as images, first). ``where`` names the template in
    error messages.
    """
    tpl = _Template(data)
    tpl.init_docx()
    values = context(tpl.docx)
    try:
        tpl.render(values, ENV)
    except SecurityError as exc:
        raise TemplateError(
            f"template {where}: {tpl.part_name} tries something the sandbox forbids "
            f"({exc}); nothing was run"
        ) from None
    except JinjaError as exc:
        lineno = getattr(exc, "lineno", None)
        line = f"line {lineno}: " if lineno else ""
        raise TemplateError(
            f"template {where}: the Jinja code in {tpl.part_name} fails "
            f"({line}{type(exc).__name__}: {exc})"
        ) from None
    except (_BrokenXml, etree.XMLSyntaxError) as exc:
        raise TemplateError(
            f"template {where}: its Jinja code turns {tpl.part_name} into broken XML ({exc})"
        ) from None
    except RecursionError:
        raise TemplateError(
            f"template {where}: the Jinja code in {tpl.part_name} recurses without end"
        ) from None
    except Exception as exc:  # noqa: BLE001 - the template's code may raise anything
        raise TemplateError(
            f"template {where}: the Jinja code in {tpl.part_name} fails "
            f"({type(exc).__name__}: {exc})"
        ) from None
    return tpl.docx

"""Filling a template with docxtpl inside a hardened Jinja sandbox.

Templates come from other offices, so their Jinja code is untrusted. Every part
docxtpl renders (body, headers, footers, footnotes, core properties) goes through
:data:`ENV`, a :class:`~jinja2.sandbox.SandboxedEnvironment` that

* refuses access to private and internal attributes (``__class__``, ``__globals__``…),
  so the known sandbox escapes cannot reach Python's internals;
* treats an unknown or refused name as an error (``StrictUndefined``) instead of
  printing nothing, so a template never silently loses text;
* has no template loader, so ``{% include %}``/``{% extends %}`` cannot read files;
* bounds what the template's code makes: ``**`` results to :data:`MAX_POWER_BITS`;
  every string or sequence one operation makes (``*``, ``+``, ``~``, ``%``,
  ``format`` widths, ``ljust``/``center``/``join``/``replace``… as methods or
  filters) to :data:`MAX_TEXT` items; all loop iterations of a part to
  :data:`MAX_ITERATIONS`; and what a part writes to its own length plus
  :data:`MAX_OUTPUT` characters. Methods of Python's built-in types other than the
  harmless ones in :data:`_SAFE_METHODS` (``to_bytes``, ``encode``, ``extend``…)
  cannot be called. So ``'x' * 10**10``, ``9**9**9``, doubling with ``~`` or
  nested ``range(100000)`` loops end at once with an error instead of exhausting
  memory or time.

Any failure of the template's own code (a refused attribute, a syntax error, an
exception it raises) or XML it breaks is raised as
:class:`~govdoc.errors.TemplateError` naming the template and the part.
"""

from __future__ import annotations

import copy
import io
import re
import types
from collections import OrderedDict
from contextvars import ContextVar
from functools import update_wrapper
from typing import Any, Callable, Generic, Iterable, Iterator, TypeVar

import docx.document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import (
    DictLoader,
    StrictUndefined,
    Template,
    nodes,
    pass_environment,
    pass_eval_context,
)
from jinja2 import TemplateError as JinjaError
from jinja2 import filters as jinja_filters
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext
from jinja2.sandbox import (
    MAX_RANGE,
    SandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from markupsafe import Markup
from lxml import etree

from govdoc.errors import TemplateError
from govdoc.ooxml.package import HUGE_PARSER

__all__ = ["ENV", "fill"]

#: The most bits the result of ``**`` in a template may have.
MAX_POWER_BITS = 4096

_W_TBL = qn("w:tbl")


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


MAX_TEXT = 1_000_000
"""The most characters (or items) of a string or sequence one operation in a template
may make: ``~``, ``+``, ``*``, ``%``, a format width, ``join``, ``center``…"""
MAX_ITERATIONS = MAX_RANGE
"""The most loop iterations one template part may run, all its loops together."""
MAX_OUTPUT = 4_000_000
"""The most characters a template part may write beyond its own length."""
_MAX_JSON_INDENT = 16

# Methods of built-in values a template may call: none of them makes more than its
# inputs, except those bounded in _Sandbox.call (ljust, center, join, replace…).
_SAFE_METHODS = frozenset("""
    capitalize casefold center count endswith find index isalnum isalpha isascii
    isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper
    join ljust lower lstrip partition removeprefix removesuffix replace rfind rindex rjust
    rpartition rsplit rstrip split splitlines startswith strip swapcase title upper zfill
    escape striptags unescape get items keys values copy
""".split())


_BUILT_IN_VALUES = (str, bytes, int, float, complex, list, tuple, dict, set, frozenset)


class _Budget:
    """What one part's rendering may still spend: loop iterations and characters."""

    def __init__(self, source_chars: int) -> None:
        self.iterations = MAX_ITERATIONS
        self.output = source_chars + MAX_OUTPUT


_BUDGET: ContextVar[_Budget | None] = ContextVar("govdoc_template_budget", default=None)


def _budget() -> _Budget:
    budget = _BUDGET.get()
    if budget is None:  # rendered other than through Template.render: a fresh budget
        budget = _Budget(0)
        _BUDGET.set(budget)
    return budget


def _refuse_size(size: int, what: str) -> None:
    if size > MAX_TEXT:
        raise SecurityError(f"{what} of more than {MAX_TEXT} characters in a template")


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else len(str(value))


def _check_width(width: Any, what: str) -> None:
    if isinstance(width, int) and width > MAX_TEXT:
        raise SecurityError(f"{what} wider than {MAX_TEXT} characters in a template")


_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_NUMBERS = re.compile(r"\d+")


def _check_percent(fmt: Any, args: Any) -> None:
    """Refuse ``fmt % args`` when a width or precision would exceed :data:`MAX_TEXT`."""
    if not isinstance(fmt, (str, bytes)):
        return
    text = fmt if isinstance(fmt, str) else fmt.decode("latin-1")
    starred = False
    for m in _PERCENT_SPEC.finditer(text):
        for number in m.groups():
            if number == "*":
                starred = True
            elif number is not None:
                _check_width(int(number), "a % format")
    if starred:
        for arg in args if isinstance(args, tuple) else (args,):
            _check_width(arg, "a % format")


def _check_spec(spec: str) -> None:
    for number in _NUMBERS.findall(spec):
        _check_width(int(number), "a format field")


class _BoundedFormatter(SandboxedFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_spec(format_spec)
        return super().format_field(value, format_spec)


class _BoundedEscapeFormatter(SandboxedEscapeFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_spec(format_spec)
        return super().format_field(value, format_spec)


def _joined_size(items: list[Any], sep: Any) -> int:
    return sum(_size(i) for i in items) + _size(sep) * max(len(items) - 1, 0)


def _check_method(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call of a built-in value's method that would make more than
    :data:`MAX_TEXT` characters, or that is not among :data:`_SAFE_METHODS`."""
    name, owner = obj.__name__, obj.__self__
    if name not in _SAFE_METHODS:
        raise SecurityError(f"{type(owner).__name__}.{name}() cannot be called in a template")
    values = [*args, *kwargs.values()]
    if name in ("ljust", "rjust", "center", "zfill") and values:
        _check_width(values[0], f"{name}()")
    elif name == "replace" and len(args) >= 2 and isinstance(owner, (str, bytes)):
        old, new = args[0], args[1]
        count = owner.count(old) if old else len(owner) + 1
        _refuse_size(len(owner) + count * max(_size(new) - _size(old), 0), "replace()")
    elif name == "join" and isinstance(owner, (str, bytes)) and len(args) == 1:
        items = args[0]
        if isinstance(items, (list, tuple, str)):
            _refuse_size(_joined_size(list(items), owner), "join()")


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every piece of output counted and ``~`` bounded."""

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        return f"environment.written({super()._output_const_repr(group)})"

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        self.write("environment.written(")
        super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        super()._output_child_post(node, frame, finalize)
        self.write(")")

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.concatenated(")
        super().visit_Concat(node, frame)
        self.write(")")


class _BoundedTemplate(Template):
    """A template whose rendering runs within a fresh :class:`_Budget`."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        token = _BUDGET.set(_Budget(getattr(self, "_govdoc_source_chars", 0)))
        try:
            return super().render(*args, **kwargs)
        finally:
            _BUDGET.reset(token)


class _Sandbox(SandboxedEnvironment):
    """A sandbox that bounds the size of what a template makes, its loops and its
    output (see the module's docstring), and compiles each template source once per
    process (docxtpl compiles every part on every render)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _BoundedCodeGenerator
    template_class = _BoundedTemplate

    def from_string(self, source: Any, globals: Any = None,  # noqa: A002 - jinja's name
                    template_class: Any = None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compile_ = super().from_string

        def compiled() -> Template:
            template = compile_(source)
            template._govdoc_source_chars = len(source)  # type: ignore[attr-defined]
            return template

        return _COMPILED.get(source, compiled)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The parsed template, every ``for`` loop's iterable counted."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.EnvironmentAttribute("counted"), [loop.iter], [],
                                   None, None, lineno=loop.lineno)
        return tree

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """``iterable``'s items, each spending one of the part's loop iterations."""
        budget = _budget()
        for item in iterable:
            budget.iterations -= 1
            if budget.iterations < 0:
                raise SecurityError(
                    f"loops of more than {MAX_ITERATIONS} iterations in a template part")
            yield item

    def written(self, text: str) -> str:
        """``text``, counted against what the part may write."""
        budget = _budget()
        budget.output -= len(text)
        if budget.output < 0:
            raise SecurityError(
                f"a template part writing more than {MAX_OUTPUT} characters beyond its own")
        return text

    def concatenated(self, text: str) -> str:
        _refuse_size(len(text), "a string joined with ~")
        return text

    def call(__self, __context: Any, __obj: Any,  # noqa: N805 - jinja's signature
             *args: Any, **kwargs: Any) -> Any:
        if isinstance(__obj, (types.BuiltinMethodType, types.MethodType)) and isinstance(
                __obj.__self__, _BUILT_IN_VALUES):  # Markup's methods are Python ones
            _check_method(__obj, args, kwargs)
        elif isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
            args = (__self.counted(args[0]), *args[1:])
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and max(abs(left), 2).bit_length() * right > MAX_POWER_BITS:
                raise SecurityError(f"a power with more than {MAX_POWER_BITS} bits in a template")
        elif operator == "*":
            for seq, n in ((left, right), (right, left)):
                if (isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int)
                        and len(seq) * n > MAX_RANGE):
                    raise SecurityError(
                        f"repeating a sequence to more than {MAX_RANGE} items in a template"
                    )
        elif operator == "+" and isinstance(left, (str, bytes, list, tuple)):
            if isinstance(right, (str, bytes, list, tuple)):
                _refuse_size(len(left) + len(right), "a sum")
        elif operator == "%":
            _check_percent(left, right)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja's sandboxed ``str.format``, with every field's width bounded."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) or \
                value.__name__ not in ("format", "format_map"):
            return None
        owner = value.__self__
        if not isinstance(owner, str):
            return None
        formatter: SandboxedFormatter = (
            _BoundedEscapeFormatter(self, escape=owner.escape) if isinstance(owner, Markup)
            else _BoundedFormatter(self))
        is_map = value.__name__ == "format_map"

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            made = type(owner)(formatter.vformat(owner, args, kwargs))
            _refuse_size(len(made), "a formatted string")
            return made

        return update_wrapper(wrapper, value)


def _bounded_filters() -> dict[str, Any]:
    """Jinja's filters that can make much more than their input, bounded."""
    f = jinja_filters

    def center(value: Any, width: int = 80) -> str:
        _check_width(width, "center")
        return f.do_center(value, width)

    def indent(s: Any, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
        lines = str(s).count("\n") + 1
        _refuse_size(_size(s) + lines * (width if isinstance(width, int) else len(width)),
                     "indent")
        return f.do_indent(s, width, first, blank)

    @pass_eval_context
    def join(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> str:
        items = list(value)
        if attribute is not None:
            items = list(map(f.make_attrgetter(eval_ctx.environment, attribute), items))
        _refuse_size(_joined_size(items, d), "join")
        return f.sync_do_join(eval_ctx, items, d)

    @pass_eval_context
    def replace(eval_ctx: Any, s: Any, old: str, new: str, count: int | None = None) -> str:
        text = str(s)
        times = text.count(str(old)) if old else len(text) + 1
        _refuse_size(len(text) + times * max(len(str(new)) - len(str(old)), 0), "replace")
        return f.do_replace(eval_ctx, s, old, new, count)

    def format_(value: Any, *args: Any, **kwargs: Any) -> str:
        _check_percent(str(value), kwargs or args)
        return f.do_format(value, *args, **kwargs)

    @pass_environment
    def wordwrap(environment: Any, s: Any, width: int = 79, break_long_words: bool = True,
                 wrapstring: str | None = None, break_on_hyphens: bool = True) -> str:
        _refuse_size(_size(s) * (1 + len(wrapstring or environment.newline_sequence)),
                     "wordwrap")
        return f.do_wordwrap(environment, s, width, break_long_words, wrapstring,
                             break_on_hyphens)

    def slice_(value: Any, slices: int, fill_with: Any = None) -> Any:
        _check_width(slices, "slice")
        return f.sync_do_slice(value, slices, fill_with)

    def batch(value: Any, linecount: int, fill_with: Any = None) -> Any:
        if fill_with is not None:
            _check_width(linecount, "batch")
        return f.do_batch(value, linecount, fill_with)

    @pass_environment
    def sum_(environment: Any, iterable: Any, attribute: Any = None, start: Any = 0) -> Any:
        items = list(iterable)
        if attribute is not None:
            items = list(map(f.make_attrgetter(environment, attribute), items))
        if isinstance(start, (str, bytes, list, tuple)):
            _refuse_size(_joined_size([*items, start], ""), "sum")
        return sum(items, start)

    @pass_eval_context
    def tojson(eval_ctx: Any, value: Any, indent: int | None = None) -> Markup:
        if indent is not None and (isinstance(indent, int) and indent > _MAX_JSON_INDENT
                                   or isinstance(indent, str) and len(indent) > _MAX_JSON_INDENT):
            raise SecurityError(f"tojson indented by more than {_MAX_JSON_INDENT} in a template")
        made = f.do_tojson(eval_ctx, value, indent)
        _refuse_size(len(made), "tojson")
        return made

    return {"center": center, "indent": indent, "join": join, "replace": replace,
            "format": format_, "wordwrap": wordwrap, "slice": slice_, "batch": batch,
            "sum": sum_, "tojson": tojson}


ENV = _Sandbox(autoescape=True, undefined=StrictUndefined, loader=DictLoader({}))
ENV.globals.pop("lipsum", None)  # lipsum(n=10**6) would only burn memory
ENV.filters.update(_bounded_filters())


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
            tree = etree.fromstring(xml, HUGE_PARSER)
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

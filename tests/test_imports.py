"""The layers point one way: no import circle in ``src/govdoc``, and the model imports
nothing above it.

The import graph is read from the source with ``ast``: every ``import`` and ``from …
import`` counts, at module level, inside functions (lazy imports) and under
``if TYPE_CHECKING:`` alike. ``from govdoc.pkg import name`` is an edge to the module
``govdoc.pkg.name`` when there is one, else to ``govdoc.pkg``. (Cost: about 0.3 s for the
graph, 1 s for the process that imports the model alone.)
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

ALLOWED_CIRCLES: set[frozenset[str]] = set()
"""Circles known and waiting for their fix; each must still exist (empty the set when
they are gone)."""

BELOW_MODEL = {"govdoc.errors", "govdoc.extensions", "govdoc.grammar", "govdoc.spec",
               "govdoc.text", "govdoc.cachedir"}
"""What the model may import, directly or through others: the numbers (spec), the errors,
the grammar with its vocabularies (Part, DocKind), the typography of ``govdoc.text`` (its
submodules too), the registry of the model's conveniences (extensions) and the user's
cache folder (cachedir, for the title lexicon)."""

ABOVE_MODEL = ("govdoc.layout", "govdoc.pagination", "govdoc.blocks", "govdoc.finish",
               "govdoc.rendering", "govdoc.html", "govdoc.drafting", "govdoc.checker",
               "govdoc.parse", "govdoc.template_builder", "govdoc.document", "govdoc.batch",
               "govdoc.cli", "govdoc.web", "govdoc.convert", "govdoc.modelfile")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted((SRC / "govdoc").rglob("*.py")):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


@cache
def import_graph() -> dict[str, frozenset[str]]:
    """Each module of govdoc -> the modules of govdoc it imports."""
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                    source = ".".join(parts + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:
                    sub = f"{source}.{alias.name}"
                    targets.add(sub if sub in modules else source)
        graph[name] = frozenset(t for t in targets if t in modules and t != name)
    return graph


def circles(graph: dict[str, frozenset[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def reachable(graph: dict[str, frozenset[str]], start: str) -> set[str]:
    """Every module ``start`` loads: what it imports, and their packages' ``__init__``
    (Python runs a package before its submodule), except the top package ``govdoc``."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        parents = [p for p in (name.rsplit(".", n)[0] for n in range(1, name.count(".")))
                   if p in graph]
        for target in (*graph[name], *parents):
            if target not in seen and target != start:
                seen.add(target)
                todo.append(target)
    return seen


def _below_model(name: str) -> bool:
    return name in BELOW_MODEL or name.startswith("govdoc.text.")


def test_the_graph_is_read_from_every_module():
    graph = import_graph()
    assert {"govdoc", "govdoc.model", "govdoc.rendering.xml", "govdoc.checker.rules.base"} <= set(graph)
    # function-level and TYPE_CHECKING imports count: drafting imports render in a function
    assert "govdoc.rendering" in graph["govdoc.drafting"]
    assert "govdoc.model" in graph["govdoc.layout"]


def test_circles_are_found():
    graph = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}),
             "d": frozenset({"a"})}
    assert circles(graph) == [frozenset({"a", "b", "c"})]


def test_no_import_circle():
    found = set(circles(import_graph()))
    unexpected = [sorted(c) for c in found - ALLOWED_CIRCLES]
    assert unexpected == [], f"import circles: {unexpected}"
    gone = [sorted(c) for c in ALLOWED_CIRCLES - found]
    assert gone == [], f"these circles are gone: remove them from ALLOWED_CIRCLES: {gone}"


def test_the_model_imports_nothing_above_it():
    loaded = reachable(import_graph(), "govdoc.model")
    assert sorted(m for m in loaded if not _below_model(m)) == []
    assert not any(m == up or m.startswith(up + ".") for m in loaded for up in ABOVE_MODEL)


def test_the_checker_does_not_import_the_authoring_model():
    graph = import_graph()
    rules = [m for m in graph if m.startswith("govdoc.checker.rules")]
    assert len(rules) > 5
    for module in rules:
        assert "govdoc.model" not in reachable(graph, module), module


def test_the_renderer_does_not_import_the_template_build_script():
    graph = import_graph()
    for module in graph:
        if module.startswith("govdoc.rendering"):
            assert "govdoc.template_builder" not in graph[module], module


def test_importing_the_model_alone_loads_no_module_above_it():
    probe = "import sys, govdoc.model; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                         text=True).stdout.split()
    govdoc_modules = [m for m in out if m == "govdoc" or m.startswith("govdoc.")]
    assert "govdoc.model" in govdoc_modules
    assert [m for m in govdoc_modules
            if m not in ("govdoc", "govdoc.model") and not _below_model(m)] == []

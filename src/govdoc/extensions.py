"""Conveniences of the model that live above it, looked up by name.

:mod:`govdoc.model` is pure data: it imports nothing above it. Some of its methods are
conveniences carried out by upper modules — ``report.check()``, ``report.outline()``
and ``report.section()`` by :mod:`govdoc.drafting`, the notebook preview
``report._repr_html_()`` by :mod:`govdoc.html`. The model calls them here by name
(:func:`call`); ``govdoc/__init__.py``, which Python runs before any submodule of
govdoc, names where each lives (:func:`provide`) as a ``"module:function"`` string. The
module is imported on the first call, so importing the model loads none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

__all__ = ["call", "provide"]

_WHERE: dict[str, str] = {}
"""Where each convenience lives: its name -> ``"module:function"``."""
_FOUND: dict[str, Callable[..., Any]] = {}
"""The conveniences called so far, resolved."""


def provide(name: str, where: str) -> None:
    """Name the function that carries out the convenience ``name``: ``where`` is
    ``"package.module:function"``; the module is imported when ``name`` is first called."""
    module, _, function = where.partition(":")
    if not module or not function:
        raise ValueError(f"an extension is named as 'module:function', not {where!r}")
    _WHERE[name] = where
    _FOUND.pop(name, None)


def call(name: str, /, *args: Any, **kwargs: Any) -> Any:
    """Call the convenience ``name`` with the given arguments."""
    func = _FOUND.get(name)
    if func is None:
        if name not in _WHERE:
            raise LookupError(f"no function carries out {name!r}: govdoc/__init__.py names "
                              "each convenience of the model with extensions.provide()")
        module, _, function = _WHERE[name].partition(":")
        func = _FOUND[name] = getattr(import_module(module), function)
    return func(*args, **kwargs)

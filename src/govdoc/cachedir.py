"""The user's cache folder for what govdoc makes once per machine and keeps: the title
lexicon (:mod:`govdoc.text.title_grammar`) and a LibreOffice profile that has started
once (:mod:`govdoc.convert`)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path | None:
    """``$XDG_CACHE_HOME/govdoc``, else ``~/.cache/govdoc`` (not made here); None when
    there is no home folder to put it in."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    try:
        root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    except (RuntimeError, KeyError):
        return None
    return root / "govdoc"

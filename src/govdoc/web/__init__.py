"""``govdoc serve``: a drafting page for office staff (needs ``pip install 'govdoc[web]'``).

Paste or upload a draft, see it laid out on A4 pages as it is edited, read what the
importer and the GB/T 9704 checker found (click one to see where), choose the 文种, the
seal and the template, and download the .docx or PDF; or fill a model with a CSV of
records and download a zip. :func:`create_app` is the ASGI application,
:func:`serve` runs it with uvicorn (loopback only unless given a token).

``import govdoc`` never imports this package.
"""

from __future__ import annotations

from govdoc.web.app import create_app, serve

__all__ = ["create_app", "serve"]

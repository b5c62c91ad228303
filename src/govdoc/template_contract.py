"""The template contract: what a govdoc template holds that the renderer relies on.

The template builder (:mod:`govdoc.template_builder`) writes these names into the
bundled templates, the renderer (:mod:`govdoc.rendering`) finds and fills them, and the
template tools (:mod:`govdoc.rendering.template`'s check, :mod:`govdoc.rendering.office`,
:mod:`govdoc.office_template`) look for them in an office's own template. Each is
written here once; none of those modules imports another for them.

The style ids are the third part of the contract; they are :data:`govdoc.styles.STYLES`
(one named style per layout role), of which :data:`BODY_STYLE` is the placeholder's.
"""

from __future__ import annotations

from govdoc.styles import STYLES, Role

__all__ = ["BODY_PLACEHOLDER", "BODY_STYLE", "FIELDS", "FOOTER_EVEN", "FOOTER_ODD",
           "GOVDOC_NAMES", "LANDSCAPE_FOOTERS", "LETTER_FIRST_FOOTER", "LETTER_FIRST_HEADER",
           "LETTER_MARK_PLACEHOLDER"]

# -- Placeholders: the docxtpl tags govdoc fills itself ---------------------------------

BODY_PLACEHOLDER = "{{p body }}"
"""The docxtpl tag whose paragraph the renderer replaces with the document body."""

LETTER_MARK_PLACEHOLDER = "{{p letter_mark }}"
"""The tag in a letter template's first-page header that receives the 标志 and its rule."""

GOVDOC_NAMES = frozenset({"body", "letter_mark"})
"""The template names govdoc fills itself (the two placeholders), not fields of a report."""

BODY_STYLE = STYLES[Role.BODY].id
"""The style of the placeholder paragraph (Body Text)."""

# -- Fields: what a template may show of a report ----------------------------------------

FIELDS = {
    "number": "发文字号",
    "copy_number": "份号",
    "secrecy": "密级和保密期限",
    "urgency": "紧急程度",
    "signers": "签发人 (a list of names)",
    "organs": "发文机关 (a list of names)",
    "title": "标题",
    "recipients": "主送机关 (a list of names)",
    "issuer": "署名 (a name, or a list of names for 联合行文)",
    "date": "成文日期, formatted (2024年1月18日)",
    "cc": "抄送机关 (a list of names)",
    "printer": "印发机关",
    "print_date": "印发日期, formatted",
    "extra": "the report's extra fields, by name: {{ extra.联系人 }}",
}
"""The fields a template may use, with what each holds."""

# -- Relationship ids of the main document part ------------------------------------------

FOOTER_ODD = "rIdFooterOdd"
"""The footer of odd pages (page number on the right, 7.5)."""
FOOTER_EVEN = "rIdFooterEven"
"""The footer of even pages (page number on the left, 7.5)."""
LANDSCAPE_FOOTERS = ("rIdFooterLandscapeOdd", "rIdFooterLandscapeEven")
"""Relationship ids of the footers of landscape table pages (odd, even)."""
LETTER_FIRST_HEADER = "rIdHeaderFirst"
"""A letter's first-page header, which holds :data:`LETTER_MARK_PLACEHOLDER`."""
LETTER_FIRST_FOOTER = "rIdFooterFirst"
"""A letter's first-page footer: no page number, the bottom double rule (10.1)."""

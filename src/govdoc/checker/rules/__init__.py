"""The checker's rules: each declares its id (GBT9704.md §18), clause, strength and a
one-line explanation in Chinese, and yields the deviations it finds.

A rule is a function decorated with :func:`rule`; it receives a :class:`Context` and
yields :class:`Deviation` objects. It raises :class:`NotApplicable` when the document
has no element the rule is about, and :class:`NotMeasured` when a geometry rule cannot
measure. The rule modules (one per family) register themselves on import; what they
are made of is in :mod:`govdoc.checker.rules.base`.
"""

from __future__ import annotations

from govdoc.checker.rules.base import (RULES, Context, Deviation, NotApplicable, NotMeasured, Rule,
                                     rule)


def all_rules() -> list[Rule]:
    """Every rule, static ones first, in id order within each family."""
    from govdoc.checker.rules import (  # noqa: F401  (registration on import)
        fonts, geometry, header, imprint, numbering, page, pagenumber, paragraphs,
        punctuation, signature,
    )

    return list(RULES.values())


__all__ = ["Context", "Deviation", "NotApplicable", "NotMeasured", "RULES", "Rule", "all_rules",
           "rule"]

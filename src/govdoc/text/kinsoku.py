"""避头尾 (kinsoku): the marks that may not start a line, and those that may not end one.

Word and LibreOffice each keep their own lists for Simplified Chinese. Word's are
its "standard" 避头尾 lists (Word Options → Typography); LibreOffice 7.4's were
measured by setting each mark at a line's edge on the 28-character grid. A line
layout that avoids the union of both (:data:`NO_LINE_START`, :data:`NO_LINE_END`)
is clean in either program.
"""

from __future__ import annotations

WORD_NO_LINE_START = frozenset(
    "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｝～￠"
)
"""Marks Word keeps off the start of a line (its standard Simplified Chinese list)."""

WORD_NO_LINE_END = frozenset("$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥")
"""Marks Word keeps off the end of a line."""

LIBREOFFICE_NO_LINE_START = frozenset(
    "!),.:;?]}¢·ˇ―‖’”′〉》」』】〕〗〞、。！），．：；？｝～￠々"
)
"""Marks LibreOffice 7.4 keeps off the start of a line (zh-CN; measured)."""

LIBREOFFICE_NO_LINE_END = frozenset("([{£¥‘“〈《「『【〔〖〝（［｛￡￥")
"""Marks LibreOffice 7.4 keeps off the end of a line (zh-CN; measured)."""

NO_LINE_START = WORD_NO_LINE_START | LIBREOFFICE_NO_LINE_START
"""Marks that start a line in neither program."""

NO_LINE_END = WORD_NO_LINE_END | LIBREOFFICE_NO_LINE_END
"""Marks that end a line in neither program."""

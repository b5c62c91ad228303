"""Building paragraphs whose last line holds a single character, for the finishing pass."""

from __future__ import annotations

from govdoc.finish import finish, paragraph_lines, single_character_last_line
from govdoc.layout import Block, Run
from govdoc.styles import Role
from govdoc.text.linebreak import LIBREOFFICE

SOURCE = ("建立健全党政领导定期学法制度党委集中学法认真组织法治专题学习培训和大讲坛乡村干部实现全覆盖"
          "同时依托国家干部学法考法制度采取集中和自学方式对全乡干部开展专项学法活动进一步增强了政府工作人员"
          "依照法定权限与程序行政能力促进了严格执法公正执法文明执法")


def body_block(text: str) -> Block:
    return Block(Role.BODY, (Run(text),))


def paragraphs_ending_in_one_character(count: int, *, fixable: bool) -> list[str]:
    """``count`` paragraphs whose last line holds one character in LibreOffice.

    With ``fixable``, each holds "12.5万元" and the finishing pass predicts it can pull
    the character up; without, they are Chinese characters only.
    """
    out: list[str] = []
    for lead in range(6, 60, 5):
        for k in range(20, 90):
            if fixable:
                text = SOURCE[:lead] + "，全年投入资金12.5万元用于" + SOURCE[lead:lead + k] + "。"
            else:
                text = SOURCE[lead:lead + k] + "。"
            lines = paragraph_lines(body_block(text), LIBREOFFICE)
            if not single_character_last_line(lines):
                continue
            (note,) = finish([body_block(text)])[1]
            if note.fixed == fixable:
                out.append(text)
                break
        if len(out) == count:
            return out
    raise AssertionError("could not build the test paragraphs")

"""Generates the peer fixtures: documents written by other PyPI 公文 generators.

Run once, by hand, when a peer version changes:

    python tests/peers/make_peer_docs.py

It creates a throw-away virtual environment, installs the pinned peer versions from
PyPI into it, and writes into this folder:

- ``gongwen-skill-report.docx``: gongwen-skill's ``md2docx`` on ``report.md`` (a 报告
  with 主送, two heading levels, 署名 and 成文日期);
- ``cn-gov-docx-notice.docx``: cn-gov-docx's API building a 通知 with three heading levels.

The .docx files are committed, so the tests need neither the network nor the peers.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEERS = {"gongwen-skill": "2.15.0", "cn-gov-docx": "0.2.1"}

CN_GOV_DOCX_SCRIPT = textwrap.dedent("""
    import sys
    from cn_gov_docx import CnGovDocx

    doc = CnGovDocx()
    doc.add_title("关于开展2024年度法治宣传教育工作的通知")
    doc.add_text("各村（社区）、乡属各单位：", indent_first_line=False)
    doc.add_text("为深入学习贯彻习近平法治思想，推动法治宣传教育工作深入开展，现就有关事项通知如下。")
    doc.add_h1("一、工作目标")
    doc.add_text("以提升群众法治素养为目标，全年开展普法宣传活动不少于8场。")
    doc.add_h2("（一）加强组织领导")
    doc.add_text("各村（社区）要明确一名负责同志具体抓落实。")
    doc.add_h3("1.明确责任分工")
    doc.add_text("各单位按照分工落实，每季度末报送进展情况。")
    doc.add_h1("二、工作要求")
    doc.add_text("各单位要认真组织实施，确保各项任务落到实处。")
    doc.save(sys.argv[1])
""")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="govdoc-peers-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        py = venv / "bin" / "python"
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        *(f"{name}=={version}" for name, version in PEERS.items())], check=True)
        subprocess.run([str(venv / "bin" / "gongwen"), "md2docx", str(HERE / "report.md"),
                        "-o", str(HERE / "gongwen-skill-report.docx"), "-t", "report",
                        "--signer", "棣棠乡人民政府", "--date", "2024年1月18日",
                        "--no-ai-declaration"], check=True, cwd=tmp)
        script = Path(tmp) / "cn.py"
        script.write_text(CN_GOV_DOCX_SCRIPT, encoding="utf-8")
        subprocess.run([str(py), str(script), str(HERE / "cn-gov-docx-notice.docx")], check=True)
    print("wrote", *sorted(p.name for p in HERE.glob("*.docx")))


if __name__ == "__main__":
    main()

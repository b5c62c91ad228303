#!/usr/bin/env bash
# Builds the 2023 township report end to end: installs govdoc into .venv and writes
# out/didiao-2023-fazhi-report.docx (and a PDF beside it when LibreOffice is present).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check .
mkdir -p out
.venv/bin/python examples/didiao_2023_report.py -o out/didiao-2023-fazhi-report.docx
if command -v soffice >/dev/null 2>&1; then
  .venv/bin/govdoc pdf out/didiao-2023-fazhi-report.docx --overwrite
fi

#!/usr/bin/env bash
# Runs govdoc's performance benchmark (benchmarks/bench_render.py: the seed report,
# 200 / 2,000 / 20,000 paragraphs against python-docx and raw docxtpl, a 1,000-document
# batch, import time and peak memory) against a fresh install in .venv, and prints
# its Markdown table. Arguments go to the benchmark (e.g. --quick, --json PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check .
.venv/bin/python benchmarks/bench_render.py "$@"

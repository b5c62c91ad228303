#!/usr/bin/env bash
# Runs govdoc's test suite against a fresh install of the package in .venv.
# Installs the Python test dependencies, and the Debian packages the rendered-layout
# tests need when they are missing and this runs as root. Fails when no test ran.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1 \
   || ! command -v pdftoppm >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep "AR PL UMing" >/dev/null \
   || ! fc-list 2>/dev/null | grep "Liberation Serif" >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    bash scripts/install-system-deps.sh || exit 1
  else
    echo "run-tests: LibreOffice, Chromium or the CJK fonts are missing; rendered tests will skip" \
         "(run scripts/install-system-deps.sh as root)" >&2
  fi
fi
python3 -m venv .venv || exit 1
.venv/bin/python -m pip install -q --disable-pip-version-check ".[test]" || exit 1
.venv/bin/python -m pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "run-tests: no tests ran" >&2
  exit 1
fi
exit "$status"

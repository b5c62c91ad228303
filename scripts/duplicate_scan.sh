#!/usr/bin/env bash
# The duplicate-code scan of issue 19: pylint's duplicate-code check over src/govdoc (or
# the folders given), 6 similar lines at least, docstrings, comments and import lists
# aside. Prints each pair (or group) of similar code pylint finds, with where it is.
# Exit status: 0 when there is none, 1 when there is some, pylint's own status when it
# fails. tests/test_duplicate_scan.py runs it and holds the allowed pairs.
#
#   scripts/duplicate_scan.sh                 # src/govdoc
#   PYTHON=python3 scripts/duplicate_scan.sh some/package
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x "$root/.venv/bin/python" ]; then python="$root/.venv/bin/python"; else python=python3; fi
fi
if [ "$#" -eq 0 ]; then
  set -- "$root/src/govdoc"
fi
"$python" -m pylint --disable=all --enable=duplicate-code --min-similarity-lines=6 \
  --ignore-imports=yes --ignore-docstrings=yes --ignore-comments=yes --score=no "$@"
status=$?
if [ "$status" -eq 8 ]; then  # refactoring messages only: similar code was found
  exit 1
fi
exit "$status"

"""Print the importer's per-part precision and recall over the draft corpus (tests/drafts).

    python tests/corpus_scores.py [--misses] [--dir tests/drafts-heldout]

``--dir`` scores another folder of drafts with sidecars: tests/drafts-heldout holds
drafts written without seeing the importer, never used to tune it.

A part counts as found when the importer's value equals the sidecar's (as text without
whitespace); a wrong value is a false positive and a false negative. Drafts holding wrong
data (``outcome: error``) are counted by their exit: whether parsing stopped at the
sidecar's line and field. Exits 0.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
if "--dir" in sys.argv:
    os.environ["GOVDOC_CORPUS_DIR"] = str(Path(sys.argv[sys.argv.index("--dir") + 1]).resolve())

from corpus import NAMES, PARTS, expected, outcome, scores  # noqa: E402


def main() -> None:
    table, misses = scores()
    built = [n for n in NAMES if outcome(n).result is not None]
    errors = [n for n in NAMES if expected(n).get("outcome") == "error"]
    right = [n for n in errors if outcome(n).error is not None
             and (outcome(n).error.line, outcome(n).error.field)
             == (expected(n)["error_line"], expected(n)["error_field"])]
    print(f"drafts: {len(NAMES)}; built: {len(built)}; wrong-data drafts stopped at the "
          f"right line and field: {len(right)}/{len(errors)}")
    print("| part | precision | recall | tp | fp | fn |")
    print("|---|---|---|---|---|---|")
    for part in PARTS:
        s = table[part]
        print(f"| {part} | {s.precision:.3f} | {s.recall:.3f} | {s.tp} | {s.fp} | {s.fn} |")
    if "--misses" in sys.argv:
        for name, part, want, got in misses:
            print(f"{name}: {part}: expected {want!r}, found {got!r}")


if __name__ == "__main__":
    main()

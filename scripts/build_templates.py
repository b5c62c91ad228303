"""Write govdoc's .docx templates into templates/ from govdoc.spec.

Run after changing the spec or the template builder:

    python scripts/build_templates.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govdoc.model import DocFormat  # noqa: E402
from govdoc.template_builder import build_template  # noqa: E402


def main() -> None:
    for fmt in DocFormat:
        out = ROOT / "templates" / f"{fmt.value}.docx"
        out.write_bytes(build_template(fmt))
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

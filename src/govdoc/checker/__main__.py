"""``python -m govdoc.checker FILE.docx [--render] [--json] [--strict]``."""

from govdoc.checker.cli import main

raise SystemExit(main())

"""``python -m govdoc.check FILE.docx [--render] [--json] [--strict]``."""

from govdoc.check.cli import main

raise SystemExit(main())

"""``python -m govdoc``: the ``govdoc`` command."""

import sys

from govdoc.cli import main

sys.exit(main())

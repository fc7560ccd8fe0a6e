"""``python -m commapper.cli``: the same as the ``commapper`` command."""

import sys

from commapper.cli import main

sys.exit(main())

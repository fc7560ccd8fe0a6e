"""``python -m commapper``: the same as the ``commapper`` command."""

import sys

from commapper.cli import main

if __name__ == "__main__":
    sys.exit(main())

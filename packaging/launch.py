"""The frozen app's first code: the ``commapper`` command, as ``python -m commapper`` runs it.

A process the app spawns (the analysis, a large map's layout) starts this same executable with
``--multiprocessing-fork``: freeze_support() runs that process's work and exits before the
command line is read, which would refuse the option.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from commapper.cli import main

    sys.exit(main())

"""Time one autosave of a generated map: what the GUI thread spends on it once a minute.

    uv run python benchmarks/bench_autosave.py [--sizes 2000 10000] [--repeat 9]

Prints medians of serialising the map and of writing it (atomically, with fsync) to a
recovery folder in the system's temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from generate import generate_map
from PySide6.QtCore import QCoreApplication

from commapper.io import map_to_json
from commapper.ui.files.recovery import RecoveryStore
from commapper.ui.session import MapSession


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    app = QCoreApplication([])  # noqa: F841  (the session's undo stack wants an application)
    with tempfile.TemporaryDirectory() as folder:
        store = RecoveryStore(Path(folder))
        for size in args.sizes:
            session = MapSession(generate_map(size))
            serialise, total = [], []
            for _ in range(args.repeat):
                start = time.perf_counter()
                map_to_json(session.doc)
                serialise.append(time.perf_counter() - start)
                start = time.perf_counter()
                store.write("bench", session)
                total.append(time.perf_counter() - start)
            print(
                f"{size:>6} nodes: autosave {statistics.median(total) * 1000:6.1f} ms "
                f"(of which serialising {statistics.median(serialise) * 1000:5.1f} ms)"
            )
            store.remove("bench")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

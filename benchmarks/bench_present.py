"""What presenting costs on a large map: opening the presentation (F5), and each kind of edit
with the presentation open against the editor alone (a second scene follows every edit).

    python3 -m uv run python benchmarks/bench_present.py [--sizes 500 2000] [--runs 5]

Runs offscreen (QT_QPA_PLATFORM=offscreen is set when no display is named); times are medians
of the edit itself and the events it posts (labels, routing), measured with the event loop run
until idle.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.generate import generate_map


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    from commapper.ui.app import create_application
    from commapper.ui.shell.application import CommapperApp

    app = create_application()
    commapper = CommapperApp()
    print(f"{'nodes':>6} {'open F5':>9} {'rename':>16} {'nudge':>16}  (ms: editor / presenting)")
    for size in options.sizes:
        figures = measure(app, commapper, size, options.runs)
        print(
            f"{size:>6} {figures['open'][0] * 1000:>8.0f} "
            + " ".join(
                f"{figures[name][0] * 1000:>7.1f} / {figures[name][1] * 1000:>6.1f}"
                for name in ("rename", "nudge")
            )
        )


def measure(app: Any, commapper: Any, size: int, runs: int) -> dict[str, list[float]]:
    """Seconds: opening the presentation, and the median of each edit without and with it."""
    from commapper.model import MoveNodes, UpdateItem
    from commapper.ui.session import MapSession

    def until_idle() -> None:
        for _ in range(50):
            app.processEvents()
        time.sleep(0.05)
        for _ in range(50):
            app.processEvents()

    def timed(action: Callable[[], object]) -> float:
        start = time.perf_counter()
        action()
        app.processEvents()
        took = time.perf_counter() - start
        until_idle()
        return took

    window = commapper.new_window(MapSession(generate_map(size)))
    window.show()
    until_idle()
    session = window.session
    node_id = session.doc.nodes[size // 2].id
    names = itertools.count()

    def rename() -> None:
        session.edit(UpdateItem(node_id, {"label": f"Renamed {next(names)}"}), "rename")

    def nudge() -> None:
        now = session.doc.node(node_id)
        session.edit(MoveNodes({node_id: ((now.x or 0) + 5, now.y or 0)}), "nudge")

    figures: dict[str, list[float]] = {}
    for presenting in (False, True):
        if presenting:
            figures["open"] = [timed(window.present)]
        for name, action in (("rename", rename), ("nudge", nudge)):
            figures.setdefault(name, []).append(
                statistics.median(timed(action) for _ in range(runs))
            )
    if window.presentation is not None:
        window.presentation.close()
    session.undo_stack.setClean()
    window.close()
    until_idle()
    return figures


if __name__ == "__main__":
    main()

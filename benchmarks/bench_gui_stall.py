"""The longest stall of the GUI thread while a 2,000-node map is re-analysed on the worker.

A QTimer ticks every 5 ms on the GUI thread and records the largest gap between ticks, from the
request until the result arrives (docs/bars.md: never more than 100 ms).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui_stall.py [N_NODES] [RUNS]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_map
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from commapper.ui.panels.analysis_worker import AnalysisRunner
from commapper.ui.session import MapSession


def longest_stall(runner: AnalysisRunner) -> tuple[float, float]:
    """Run one analysis; the longest gap between 5 ms ticks and the run's wall time, in s."""
    last = time.perf_counter()
    worst = 0.0

    def tick() -> None:
        nonlocal last, worst
        now = time.perf_counter()
        worst = max(worst, now - last)
        last = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    runner.finished.connect(loop.quit)
    timer.start()
    start = last = time.perf_counter()
    runner.request()
    loop.exec()
    wall = time.perf_counter() - start
    timer.stop()
    runner.finished.disconnect(loop.quit)
    return worst, wall


def main() -> None:
    n_nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    app = QApplication.instance() or QApplication([])
    session = MapSession(generate_map(n_nodes))
    runner = AnalysisRunner(session)
    cold, _ = longest_stall(runner)  # the first run also starts the analysis process
    print(f"  first run (starts the analysis process): stall {cold * 1000:.1f} ms")
    stalls, walls = [], []
    for _ in range(runs):
        stall, wall = longest_stall(runner)
        stalls.append(stall)
        walls.append(wall)
        print(f"  run {len(stalls)}: stall {stall * 1000:.1f} ms, {wall:.2f} s")
    runner.shutdown()
    print(
        f"{n_nodes} nodes, {runs} re-analyses: longest GUI-thread stall "
        f"max {max(stalls) * 1000:.1f} ms, median {statistics.median(stalls) * 1000:.1f} ms "
        f"(bar: 100 ms); analysis {statistics.median(walls):.2f} s median"
    )
    del app


if __name__ == "__main__":
    main()

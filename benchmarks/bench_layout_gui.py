"""How the window feels while a layout of a large map runs: the longest event-loop gap, and the
time from the click until the layout is applied (animated in and recorded as one undo step).

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_layout_gui.py [--sizes 2000 10000]

or in a real X server (``Xvfb :97 &``), as a user feels it: ``DISPLAY=:97 QT_QPA_PLATFORM=xcb``.

A 5 ms timer ticks on the GUI thread from the click until a second after the undo step lands
(the scene redrawing lines and labels after the move is part of what the user waits for); a gap
between two ticks is a time the window could not answer. The gaps are given by phase: "working"
until the layout's positions are known (worked out on the GUI thread, or in another process),
"animating" while the nodes move there, and "landing": the gap in which the undo step is made
(the scene moving what the animation did not) and those after it (the scene catching up). Each
layout runs with the whole map in view ("fit", as after opening) and zoomed to 100 % around a
community ("zoomed", as when editing). The map's analysis is let finish before each click, so
that it does not share the second core.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import generate_map
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from commapper.ui.app import create_application

PHASES = ("working", "animating", "landing")


def open_window(n_nodes: int, folder: Path):
    from commapper.ui.files.recovery import RecoveryStore
    from commapper.ui.session import MapSession
    from commapper.ui.shell.application import CommapperApp

    app = CommapperApp(recovery_store=RecoveryStore(folder / "recovery"))
    window = app.new_window(MapSession(generate_map(n_nodes)))
    window.resize(1600, 1000)
    window.show()
    settle(window)
    return window


def settle(window, quiet: float = 1.0) -> None:
    """Run events until the analysis is done and nothing has happened for ``quiet`` seconds."""
    runner = window.analysis.runner
    deadline = time.perf_counter() + 300
    loop = QEventLoop()
    last_busy = time.perf_counter()
    while time.perf_counter() < deadline:
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        if runner.busy:
            last_busy = time.perf_counter()
        elif time.perf_counter() - last_busy > quiet:
            return


def show(window, view: str) -> None:
    if view == "fit":
        window.view.fit_to_window()
    else:
        window.view.set_zoom(1.0)
        window.view.centerOn(window.scene.node_items["c1"])
    settle(window, quiet=0.5)


def one_layout(window, action_name: str) -> dict[str, float]:
    """Trigger a layout and tick until a second after its undo step; the phases' longest gaps."""
    stack = window.session.undo_stack
    steps = stack.index()
    ticks: list[float] = []
    applied_at: list[float] = []

    def tick() -> None:
        now = time.perf_counter()
        ticks.append(now)
        if not applied_at and stack.index() > steps:
            applied_at.append(now)
        if applied_at and now - applied_at[0] > 1.0:
            loop.quit()

    loop = QEventLoop()
    refused: list[str] = []

    def refuse(message: str) -> None:
        refused.append(message)
        loop.quit()

    window.session.edit_refused.connect(refuse)
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(tick)
    QTimer.singleShot(300_000, loop.quit)
    start = time.perf_counter()
    ticks.append(start)
    timer.start()
    # When the positions were known: the click was handled (worked out on the GUI thread), or
    # the window took up what the layout process sent (checking what it may still move).
    known: list[float] = []
    inline: list[bool] = []

    def click() -> None:
        layouts = getattr(window.actions_, "layouts", None)
        if layouts is not None:
            still_to_move = layouts._still_to_move

            def took_up(*args):
                known.append(time.perf_counter())
                del layouts._still_to_move
                return still_to_move(*args)

            layouts._still_to_move = took_up
        getattr(window.actions_, action_name).trigger()
        inline.append(layouts is None or not layouts.runner.running)
        if inline[0]:
            known[:] = [time.perf_counter()]

    QTimer.singleShot(0, click)
    loop.exec()
    timer.stop()
    window.session.edit_refused.disconnect(refuse)
    if refused:
        raise RuntimeError(f"the layout was refused: {refused[0]}")
    if not applied_at:
        raise RuntimeError("the layout was not applied within five minutes")
    applied = applied_at[0]  # the first tick after the undo step
    gaps = list(itertools.pairwise(ticks))
    # Worked out in the click, the gap it made ends at the first tick after it; in the layout
    # process, the gap in which the window takes the positions up is the landing's.
    working_until = min(t for t in ticks if t >= known[0]) if inline[0] else known[0]

    def longest(keep) -> float:
        return max((b - a for a, b in gaps if keep(a, b)), default=0.0)

    return {
        "applied": applied - start,
        "working": longest(lambda a, b: b <= working_until),
        "animating": longest(lambda a, b: b > working_until and b < applied),
        "landing": longest(lambda a, b: b >= applied),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="layouts per size, kind and view")
    parser.add_argument("--views", nargs="+", default=["fit", "zoomed"], choices=["fit", "zoomed"])
    options = parser.parse_args()
    create_application()
    print(
        f"{'nodes':>7} {'layout':>10} {'view':>7} {'applied s':>10}"
        + "".join(f" {'gap ' + phase + ' ms':>17}" for phase in PHASES),
        flush=True,
    )
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            window = open_window(size, Path(folder))
            for action_name in ("landscape", "force"):
                for view in options.views:
                    runs = []
                    for _ in range(options.runs):
                        show(window, view)
                        runs.append(one_layout(window, action_name))
                        # Undone, so that every run moves the same nodes the same way.
                        window.session.undo_stack.undo()
                        settle(window, quiet=0.5)
                    figure = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                    print(
                        f"{size:>7} {action_name:>10} {view:>7} {figure['applied']:>10.2f}"
                        + "".join(f" {figure[phase] * 1000:>17.0f}" for phase in PHASES),
                        flush=True,
                    )
            window.session.undo_stack.setClean()
            window.close()
            QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())

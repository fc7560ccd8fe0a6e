"""Time launching Commapper on a generated map in a real X server, as a user waits for it.

    python3 -m uv run python benchmarks/bench_launch.py [--sizes 1000 2000 5000 10000] [--runs 3]

Each run starts ``python -m commapper MAP`` (what the ``commapper`` command runs) in a fresh
process with first-run settings, on an Xvfb started here (or ``--display``), with the probe in
``benchmarks/probe`` loaded at Python's start-up. Every time is counted from the moment before
the process is spawned, so Python's start and every import are in it:

- window: the first paint of any window of the app (the welcome window, the progress dialog or
  the map window, whichever the user sees first);
- drawn: the end of the first paint of the map view's viewport once the scene holds an item for
  every node of the map (the paint event returned; its pixels go to the X server right after);
- complete: the end of the first paint showing the map finished: its labels placed and its
  pictures of edges and nodes drawn, which on a large map come in slices after drawn (the
  nodes, edges and labels appear over a moment, the window answering meanwhile);
- longest gap: the longest time the GUI thread answered no event (a 5 ms timer's ticks, in every
  event loop the app runs, its nested ones too) among the gaps that began between window and
  complete: whether the window froze while the map loaded;
- RSS, peak: the GUI process's resident memory (VmRSS) and its peak (VmHWM) from
  /proc/PID/status, read ``--settle`` seconds (2) after complete; the bar is issue 13's, 150 MiB
  plus 15 MiB per 1,000 nodes; analysis: the resident memory of the app's child processes then
  (the analysis process), not counted in RSS.

The app runs from bytecode, as an installed one does (pip and PyInstaller compile it at
install; so does ``uv sync`` here, ``compile-bytecode`` in pyproject.toml): before the first
launch the app's package, the environment's site-packages and the probe are compiled once
(``compileall``, unmeasured; quick when nothing changed), and the app is started without
``PYTHONDONTWRITEBYTECODE``. A launch that compiled every module from source took 0.6 s more.

The table gives the median of ``--runs`` runs per size; ``--verbose`` prints each run too.
``--shots DIR`` also launches the largest map once more, unmeasured, and saves the screen a
second after the first window is painted (while the map loads, if it still does) as
``DIR/<n>k_loading.png`` and after drawn as ``DIR/<n>k_drawn.png``. The machine's load is
printed: on a shared machine wall times vary, so compare medians taken at a like load.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from probe.launching import (
    LaunchedApp,
    longest_gap,
    maps_on_a_display,
    median,
    memory_bar,
    screenshot,
)

COLUMNS = ("window", "drawn", "complete", "gap", "rss", "hwm", "analysis")


def launch_once(map_path: Path, n_nodes: int, display: str, folder: Path, settle: float,
                timeout: float) -> dict[str, float]:  # fmt: skip
    """Launch the app on ``map_path`` once; the figures (s and MiB)."""
    app = LaunchedApp(map_path, display, folder)
    try:
        drawn = app.wait_for("drawn", timeout)
        if drawn is None:
            errors = [event for event in app.poll() if event["ev"] == "probe_error"]
            failed = f" (the probe failed: {errors[:3]})" if errors else ""
            raise SystemExit(f"{map_path.name}: not drawn within {timeout:.0f} s{failed}")
        if drawn["nodes"] != n_nodes:
            raise SystemExit(f"{map_path.name}: drawn with {drawn['nodes']} of {n_nodes} nodes")
        complete = app.wait_for("complete", timeout)
        if complete is None:
            raise SystemExit(f"{map_path.name}: not complete within {timeout:.0f} s")
        time.sleep(settle)
        memory = app.memory()
        window = app.first("paint")
        assert window is not None  # the map view's paint is a paint
        return {
            "window": window["t"] - app.spawned,
            "drawn": drawn["t"] - app.spawned,
            "complete": complete["t"] - app.spawned,
            "gap": longest_gap(app.gaps(), window["t"], complete["t"]),
            "rss": memory["rss"],
            "hwm": memory["hwm"],
            "analysis": memory["children"],
        }
    finally:
        app.stop()


def take_shots(map_path: Path, n_nodes: int, display: str, folder: Path, shots: Path,
               timeout: float) -> None:  # fmt: skip
    """Save the screen while ``map_path`` loads and once it is drawn (an unmeasured launch)."""
    name = f"{n_nodes // 1000}k" if n_nodes % 1000 == 0 else str(n_nodes)
    app = LaunchedApp(map_path, display, folder)
    try:
        window = app.wait_for("paint", timeout)
        if window is None:
            raise SystemExit(f"{map_path.name}: no window within {timeout:.0f} s")
        time.sleep(max(0.0, window["t"] + 1.0 - time.monotonic()))
        loading = shots / f"{name}_loading.png"
        if app.first("drawn") is None:
            screenshot(display, loading)
            print(f"screenshot while loading: {loading}")
        else:
            print(f"no loading screenshot: {map_path.name} was drawn within 1 s of the window")
        if app.wait_for("drawn", timeout) is None:
            raise SystemExit(f"{map_path.name}: not drawn within {timeout:.0f} s")
        time.sleep(1.0)
        screenshot(display, shots / f"{name}_drawn.png")
        print(f"screenshot once drawn: {shots / f'{name}_drawn.png'}")
    finally:
        app.stop()


def gap_text(seconds: float) -> str:
    """A gap in ms; one shorter than the probe notes (8 ms) as "<8"."""
    return f"{seconds * 1000:.0f}" if seconds else "<8"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="where to keep the generated maps")
    parser.add_argument("--display", help="an X display to use instead of a new Xvfb")
    parser.add_argument("--settle", type=float, default=2.0, help="s after drawn to read memory")
    parser.add_argument("--timeout", type=float, default=180.0, help="s to wait for a drawn map")
    parser.add_argument("--shots", type=Path, help="save screenshots of the largest map here")
    parser.add_argument("--verbose", action="store_true", help="print every run's figures")
    options = parser.parse_args()

    with maps_on_a_display(
        options.sizes, options.folder, options.display, "launch to drawn map"
    ) as (maps, display, work):
        print(f"median of {options.runs} runs; times in s from spawning the process\n")
        print(f"{'nodes':>7} {'window s':>9} {'drawn s':>8} {'complete s':>11} "
              f"{'longest gap ms':>15} "
              f"{'RSS MiB':>8} {'peak MiB':>9} {'bar MiB':>8} "
              f"{'analysis MiB':>13}")  # fmt: skip
        for n_nodes, map_path in maps.items():
            runs = []
            for run in range(options.runs):
                figures = launch_once(map_path, n_nodes, display, work, options.settle,
                                      options.timeout)  # fmt: skip
                runs.append(figures)
                if options.verbose:
                    print(f"  run {run + 1}: " + ", ".join(
                        f"{key} {value:.3f}" for key, value in figures.items()))  # fmt: skip
            middle = {key: median([run[key] for run in runs]) for key in COLUMNS}
            print(
                f"{n_nodes:>7,} {middle['window']:>9.2f} {middle['drawn']:>8.2f} "
                f"{middle['complete']:>11.2f} "
                f"{gap_text(middle['gap']):>15} {middle['rss']:>8.0f} {middle['hwm']:>9.0f} "
                f"{memory_bar(n_nodes):>8.0f} {middle['analysis']:>13.0f}",
                flush=True,
            )
        if options.shots is not None:
            largest = max(maps)
            take_shots(maps[largest], largest, display, work, options.shots,
                       options.timeout)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time opening generated maps in the app as a user does, and the memory it takes.

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_open.py [--sizes 2000 10000]

Each map is opened by a fresh process, from the welcome window, through ``open_path`` (what
File > Open, Open Recent, drag and drop and ``commapper FILE`` call), and the figures are:

- read: reading, parsing and checking the file alone (in the app it runs in a worker thread);
- open: from the ``open_path`` call until it returns, with the window shown and its canvas built
  (and the CPU time that took, in all threads: wall time grows when other programs share the CPU);
- first frame: until the window's first frame is painted (after the label and scene passes the
  event loop runs first);
- peak memory: the largest resident set of that process, from ``getrusage``.

Maps are written by ``save_map``; one that would pass the 64 MiB a file may hold (190,000 nodes)
is written compact and without the optional fields memberships' modes and since, ties' weight
and people's org, then with fewer ties until it fits. ``--folder`` keeps the files for a rerun
(generating 190,000 nodes takes minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import generate_map

from commapper.io import map_to_data, save_map
from commapper.model.items import MAX_FILE_BYTES

# Dropped in this order from a map too large for a file: fields with defaults, then ties.
OPTIONAL_FIELDS = (("membership", "modes"), ("membership", "since"), ("tie", "weight"),
                   ("person", "org"))  # fmt: skip


def map_file(n_nodes: int, folder: Path) -> tuple[Path, str]:
    """A generated map of ``n_nodes`` nodes as a valid file, and how it was trimmed to fit."""
    path = folder / f"map-{n_nodes}.commap"
    note_path = path.with_suffix(".note")
    if path.exists() and note_path.exists():
        return path, note_path.read_text(encoding="utf-8")
    doc = generate_map(n_nodes)
    save_map(doc, path)
    note = ""
    if path.stat().st_size > MAX_FILE_BYTES:
        note = fit(map_to_data(doc), path)
    note_path.write_text(note, encoding="utf-8")
    return path, note


def fit(data: dict, path: Path) -> str:
    """Write ``data`` compact to ``path``, trimmed until it is within the limit; says how."""
    dropped: list[str] = []
    for kind, field in (*OPTIONAL_FIELDS, (None, None)):
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if len(text) <= MAX_FILE_BYTES:
            break
        if kind is None:  # still too large: fewer ties, as many as the excess is long
            ties = [i for i, edge in enumerate(data["edges"]) if edge["kind"] == "tie"]
            excess_ties = (len(text) - MAX_FILE_BYTES) // 60 + 1000
            gone = set(ties[-excess_ties:])
            data["edges"] = [edge for i, edge in enumerate(data["edges"]) if i not in gone]
            dropped.append(f"{len(gone):,} ties")
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            break
        items = data["nodes"] if kind == "person" else data["edges"]
        for item in items:
            if item["kind"] == kind:
                item.pop(field, None)
        dropped.append(f"{kind} {field}")
    if len(text) > MAX_FILE_BYTES:
        raise SystemExit(f"{path.name} is still {len(text):,} bytes")
    path.write_bytes(text)
    return "compact, without " + ", ".join(dropped)


def measure(path: Path) -> dict[str, float]:
    """Open ``path`` in this process as the app does; the figures, in seconds and MiB."""
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from commapper.ui.app import create_application

    create_application()
    from commapper.ui.files.file_commands import open_document
    from commapper.ui.files.recent import RecentFiles
    from commapper.ui.files.recovery import RecoveryStore
    from commapper.ui.shell.application import CommapperApp

    start = time.perf_counter()
    doc = open_document(path)
    read = time.perf_counter() - start
    nodes, edges = len(doc.nodes), len(doc.edges)
    del doc

    folder = Path(tempfile.mkdtemp(prefix="bench-open-"))
    recent = RecentFiles(QSettings(str(folder / "recent.ini"), QSettings.Format.IniFormat))
    app = CommapperApp(recent=recent, recovery_store=RecoveryStore(folder / "recovery"))
    welcome = app.new_window(show_welcome=True)
    welcome.show()
    # As from a running app: the welcome window's first analysis (of nothing) has come back.
    while welcome.analysis.runner.busy:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    start, cpu_start = time.perf_counter(), time.process_time()
    window = welcome.files.open_path(path)
    opened = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # of every thread: the reading one too
    assert window is not None and len(window.scene.node_items) == nodes
    QApplication.processEvents()  # what the event loop runs before it paints
    window.view.viewport().grab()
    first_frame = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"nodes": nodes, "edges": edges, "read": read, "open": opened, "cpu": cpu,
            "first_frame": first_frame, "peak_mib": peak}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--folder", type=Path, help="where to keep the generated maps")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # a child measuring a file
    options = parser.parse_args()
    if options.one is not None:
        print(json.dumps(measure(options.one)), flush=True)
        os._exit(0)  # tearing down a large canvas item by item is not part of opening it
    folder = options.folder or Path(tempfile.mkdtemp(prefix="bench-open-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'nodes':>8} {'edges':>9} {'file MiB':>9} {'read s':>7} {'open s':>7} "
          f"{'(CPU s)':>7} {'1st frame s':>11} {'peak MiB':>9}")  # fmt: skip
    for n_nodes in options.sizes:
        path, note = map_file(n_nodes, folder)
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(path)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        figures = json.loads(child.stdout.splitlines()[-1])
        print(
            f"{figures['nodes']:>8,} {figures['edges']:>9,} "
            f"{path.stat().st_size / 2**20:>9.1f} {figures['read']:>7.2f} "
            f"{figures['open']:>7.2f} {figures['cpu']:>7.2f} {figures['first_frame']:>11.2f} "
            f"{figures['peak_mib']:>9.0f}" + (f"  ({note})" if note else ""),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

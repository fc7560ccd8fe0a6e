"""Time the editor on a generated map: open to first frame, drag a busy node, zoom to fit.

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/bench_editor.py [--nodes 2000]

The bars (docs/bars.md): opening a 2,000-node map to its first painted frame under 2 s;
dragging a node with 50 edges under 16 ms a step; zoom to fit on 2,000 nodes under 100 ms.
Each frame is painted for real (the viewport is rendered, not just scheduled).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import generate_map
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from commapper.io import save_map
from commapper.layout import force_layout
from commapper.model import MoveNodes, apply_edit
from commapper.ui.app import create_application


def placed_map_file(n_nodes: int, folder: Path, placed: bool) -> Path:
    doc = generate_map(n_nodes)
    if placed:
        apply_edit(doc, MoveNodes(force_layout(doc)))
    path = folder / f"map-{n_nodes}{'' if placed else '-unplaced'}.commap"
    save_map(doc, path)
    return path


def open_to_first_frame(path: Path) -> tuple[float, object]:
    from commapper.ui.files.file_commands import open_document
    from commapper.ui.files.recovery import RecoveryStore
    from commapper.ui.session import MapSession
    from commapper.ui.shell.application import CommapperApp

    # Recovery copies go next to the map (a temporary folder), not into the user's own.
    app = CommapperApp(recovery_store=RecoveryStore(path.parent / "recovery"))
    start = time.perf_counter()
    window = app.new_window(MapSession(open_document(path), path))
    window.show()
    QApplication.processEvents()
    window.view.viewport().grab()  # paint the first frame now
    return time.perf_counter() - start, window


def mouse(viewport, kind, point, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind, QPointF(point), QPointF(viewport.mapToGlobal(point)), button, buttons,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)


def drag_step_times(window, zoom: float, steps: int = 60) -> tuple[str, int, list[float]]:
    """Drag the node whose degree is closest to 50 at ``zoom`` (None: the whole map in view),
    painting each step; seconds per step."""
    scene, view = window.scene, window.view
    node_id = min(scene.node_items, key=lambda i: abs(len(scene.node_items[i].edges) - 50))
    if zoom is None:
        view.fit_to_window()
    else:
        view.set_zoom(zoom)
        view.centerOn(scene.node_items[node_id])
    QApplication.processEvents()
    viewport = view.viewport()
    start = view.mapFromScene(scene.node_items[node_id].scenePos())
    left = Qt.MouseButton.LeftButton
    mouse(viewport, QEvent.Type.MouseButtonPress, start, left)
    times = []
    for step in range(1, steps + 1):
        began = time.perf_counter()
        point = start + QPointF(step * 2, step).toPoint()
        mouse(viewport, QEvent.Type.MouseMove, point, left)
        QApplication.processEvents()  # Qt repaints what the step changed, as on screen
        viewport.repaint(viewport.visibleRegion())
        times.append(time.perf_counter() - began)
    mouse(viewport, QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.NoButton)
    return node_id, len(scene.node_items[node_id].edges), times


def fit_times(window, repeat: int = 15) -> list[float]:
    times = []
    for _ in range(repeat):
        window.view.set_zoom(2.0)
        QApplication.processEvents()
        began = time.perf_counter()
        window.view.fit_to_window()
        window.view.viewport().repaint()
        times.append(time.perf_counter() - began)
    return times


def edit_times(window, repeat: int = 10) -> list[float]:
    """A rename through the undo stack, with every view catching up (canvas, tables, panel)."""
    from commapper.model import UpdateItem

    node_id = window.session.doc.nodes[5].id
    times = []
    for index in range(repeat):
        began = time.perf_counter()
        window.session.edit(UpdateItem(node_id, {"label": f"Name {index}"}), "Rename")
        QApplication.processEvents()
        times.append(time.perf_counter() - began)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    options = parser.parse_args()
    create_application()
    with tempfile.TemporaryDirectory() as folder:
        for placed in (True, False):
            path = placed_map_file(options.nodes, Path(folder), placed)
            seconds, window = open_to_first_frame(path)
            kind = "placed" if placed else "without coordinates (placed on opening)"
            print(f"open {options.nodes}-node map {kind} to first frame: {seconds:.2f} s")
            if placed:
                for zoom, where in ((1.0, "at 100% zoom"), (None, "with the whole map in view")):
                    node_id, degree, steps = drag_step_times(window, zoom)
                    print(
                        f"drag {node_id} ({degree} edges) {where}: median "
                        f"{statistics.median(steps) * 1000:.1f} ms a step, "
                        f"worst {max(steps) * 1000:.1f} ms"
                    )
                edits = edit_times(window)
                print(
                    f"one edit (a rename) with every view updated: median "
                    f"{statistics.median(edits) * 1000:.0f} ms, worst {max(edits) * 1000:.0f} ms"
                )
                fits = fit_times(window)
                print(
                    f"zoom to fit: median {statistics.median(fits) * 1000:.0f} ms, "
                    f"best {min(fits) * 1000:.0f} ms"
                )
            window.session.undo_stack.setClean()
            window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

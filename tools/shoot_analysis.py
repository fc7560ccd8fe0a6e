"""Screenshots of the analysis panel and the canvas overlays on an example map (for review).

QT_QPA_PLATFORM=offscreen python3 -m uv run python tools/shoot_analysis.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer

from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.app import create_application
from commapper.ui.files.file_commands import open_document
from commapper.ui.session import MapSession
from commapper.ui.shell.application import CommapperApp


def wait_for(signal, timeout_ms: int = 60000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def settle() -> None:
    loop = QEventLoop()
    QTimer.singleShot(200, loop.quit)
    loop.exec()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    path = DEFAULT_EXAMPLE
    window = CommapperApp().new_window(MapSession(open_document(path), path))
    panel = window.analysis
    window.resize(1600, 1000)
    window.show()
    if panel.runner.result is None:
        wait_for(panel.runner.finished)
    window.view.fit_to_window()
    settle()
    scroll_body = panel.layout().itemAt(0).widget().widget()
    scroll_body.resize(panel.width(), scroll_body.sizeHint().height())
    scroll_body.grab().save(str(out / "panel.png"))
    window.grab().save(str(out / "window.png"))
    shots = {
        "overlay-size": lambda: panel.size_check.setChecked(True),
        "overlay-marks": lambda: [c.setChecked(True) for c in (panel.broker_check, panel.silo_check,
                                                               panel.cut_check)],
        "overlay-pairs": lambda: panel.pairs_check.setChecked(True),
    }  # fmt: skip
    for name, action in shots.items():
        action()
        settle()
        window.view.grab().save(str(out / f"{name}.png"))
    for check in (panel.size_check, panel.broker_check, panel.silo_check, panel.cut_check,
                  panel.pairs_check):  # fmt: skip
        check.setChecked(False)
    panel.colour_combo.setCurrentIndex(panel.colour_combo.findData("level"))
    panel._overlays_changed()
    settle()
    window.view.grab().save(str(out / "overlay-level.png"))
    panel.colour_combo.setCurrentIndex(panel.colour_combo.findData("sector"))
    panel._overlays_changed()
    community = next(n.id for n in window.session.doc.nodes if n.kind == "community")
    panel.start_what_if(community)
    wait_for(panel.runner.what_if_finished)
    settle()
    window.grab().save(str(out / "what-if.png"))
    panel.what_if_box.grab().save(str(out / "what-if-table.png"))
    panel.end_what_if()
    panel.timeline_check.setChecked(True)
    panel.slider.setValue(2)
    wait_for(panel.runner.finished)
    settle()
    window.grab().save(str(out / "timeline.png"))
    window.session.undo_stack.setClean()
    window.close()
    del app
    os._exit(0)  # skip interpreter teardown: PySide and pyqtgraph can crash in it


if __name__ == "__main__":
    main()

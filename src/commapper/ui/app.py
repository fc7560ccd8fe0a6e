"""Starting the Qt application on a map file or on the bundled example."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from commapper import APP_ID, APP_NAME, __version__
from commapper.io import MapFileError, load_map
from commapper.model import MapDocument
from commapper.resources import DEFAULT_EXAMPLE


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named once so settings and recovery folders land in one place."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationDomain("commapper.org")
    app.setDesktopFileName(APP_ID)
    return app


class MainWindow(QMainWindow):
    """A plain window showing which map is open (the editor replaces its centre)."""

    def __init__(self, doc: MapDocument, path: Path | None) -> None:
        super().__init__()
        self.doc, self.path = doc, path
        name = path.name if path else "Untitled"
        self.setWindowTitle(f"{doc.title or name} — {name} — {APP_NAME}")
        summary = QLabel(f"{len(doc.nodes)} nodes, {len(doc.edges)} edges")
        summary.setTextFormat(Qt.TextFormat.PlainText)  # user-typed text is never rich text
        self.setCentralWidget(summary)
        self.resize(1100, 750)


def run_app(file: str | None) -> int:
    app = create_application()
    path = Path(file) if file else DEFAULT_EXAMPLE
    try:
        doc = load_map(path)
    except MapFileError as error:
        QMessageBox.critical(
            None, APP_NAME, "\n".join([f"Cannot open {path.name}:", *error.lines()])
        )
        doc, path = MapDocument.new(), None
    window = MainWindow(doc, path)
    window.show()
    return app.exec()

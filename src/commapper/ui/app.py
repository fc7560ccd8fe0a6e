"""Starting the Qt application: on a map file, or on the welcome screen."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from commapper import APP_ID, APP_NAME, __version__


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named once so settings and recovery folders land in one place."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setOrganizationDomain("commapper.org")
    app.setDesktopFileName(APP_ID)
    app.setStyle("Fusion")  # the same look on every OS; it follows the system's light or dark
    return app


def run_app(file: str | None) -> int:
    """Open a window on ``file`` (or the welcome screen) and run until the last one closes."""
    app = create_application()
    from commapper.ui.main_window import MainWindow  # after the QApplication exists

    window = MainWindow(show_welcome=True)
    window.show()
    if file:
        window.open_path(Path(file))
    return app.exec()

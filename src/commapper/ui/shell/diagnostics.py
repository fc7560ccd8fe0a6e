"""Diagnosing the running app: a log file in the app's data folder, and an exception hook that
tells the user in a short dialog (with the details to copy) instead of failing silently."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from commapper import APP_NAME, __version__

LOG_NAME = "commapper.log"
LOG_BYTES = 1_000_000  # per file; three files are kept
log = logging.getLogger("commapper")


def log_folder() -> Path:
    """Where the log is written: the app's data folder (Linux: ~/.local/share/Commapper/...)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "logs"


def start_logging() -> Path | None:
    """Log to a rotating file in :func:`log_folder`; returns its path, or None when the folder
    cannot be written (the app then runs without a log rather than not at all)."""
    path = log_folder() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=2, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.info("%s %s started", APP_NAME, __version__)
    return path


def install_exception_hook() -> None:
    """Show unexpected errors (bugs) in a dialog and log them, rather than only on stderr,
    which a user who started the app from a desktop never sees."""
    sys.excepthook = _report
    threading.excepthook = lambda args: _report(args.exc_type, args.exc_value, args.exc_traceback)


def _report(
    kind: type[BaseException], error: BaseException | None, trace: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error or kind(), trace)
        return
    details = "".join(traceback.format_exception(kind, error, trace))
    log.error("Unexpected error\n%s", details)
    sys.__excepthook__(kind, error or kind(), trace)
    app = QApplication.instance()
    if app is None:
        return
    # Shown from the event loop: the hook may run inside a paint or in another thread.
    QTimer.singleShot(0, app, lambda: show_error_dialog(details))


def show_error_dialog(details: str) -> QMessageBox:
    """A short, plain message; the traceback under "Show Details…", with a button to copy it."""
    where = log_folder() / LOG_NAME
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "")
    box.setTextFormat(Qt.TextFormat.PlainText)
    text = QCoreApplication.translate(
        "ErrorDialog", "Something went wrong inside {app}. Your map is still open."
    )
    box.setText(text.format(app=APP_NAME))
    text = QCoreApplication.translate(
        "ErrorDialog",
        "Save your work under a new name to be safe. If this happens again, please send the "
        "details to the {app} team. They are also in the log:\n{log}",
    )
    box.setInformativeText(text.format(app=APP_NAME, log=where))
    box.setDetailedText(details)
    copy = box.addButton(
        QCoreApplication.translate("ErrorDialog", "Copy Details and Close"),
        QMessageBox.ButtonRole.ActionRole,
    )
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.addButton(QMessageBox.StandardButton.Close)
    # Without a parent, Python owns the box: keep it until it is closed.
    _shown.append(box)
    box.finished.connect(lambda: _shown.remove(box))
    box.open()
    return box


_shown: list[QMessageBox] = []

"""Opening a map file without freezing the app: read in a worker thread, then shown, with a
progress dialog and Cancel once the open takes longer than a moment.

The file is read, parsed and checked in a worker thread while the app's event loop runs, so the
dialog repaints and answers Cancel. What shows the map (its window, the canvas items) is made on
the GUI thread, as Qt requires; the canvas reports its progress as it builds
(:mod:`commapper.ui.progress`), and the dialog answers between those steps. The rest of the
window is made in one go after the canvas, and Cancel is greyed out meanwhile.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from commapper import APP_NAME
from commapper.model import MapDocument, printable
from commapper.ui.progress import Cancelled, progress_to

# Seconds an open may take before the dialog shows: a quicker one is waited for as before.
SHOW_PROGRESS_AFTER = 0.5
# How often the dialog looks at the reading thread, in ms; and at most how long the GUI thread
# builds before the dialog repaints and hears Cancel again, in seconds.
_POLL_MS = 25
_ANSWER_EVERY = 0.05

_Made = TypeVar("_Made")


class MapOpening(QObject):
    """One map file being opened from ``parent`` (the window the dialog belongs to).

    Call :meth:`read`, then :meth:`build` with what makes the window, then :meth:`finish`.
    Either step raises :class:`~commapper.ui.progress.Cancelled` when the user pressed Cancel.
    """

    def __init__(
        self, parent: QWidget, path: Path, show_after: float = SHOW_PROGRESS_AFTER
    ) -> None:
        super().__init__()
        self.parent_widget = parent
        self.path = path
        self.dialog: QProgressDialog | None = None
        self._cancel_button: QPushButton | None = None
        self._show_at = time.monotonic() + show_after
        self._next_answer = 0.0

    def read(self, read: Callable[[Path], MapDocument]) -> MapDocument:
        """``read(path)``, run in a worker thread.

        Raises
        ------
        Cancelled
            If the user cancelled: the thread runs on, and its result is dropped when it ends.
        MapFileError
            Or whatever else ``read`` raised.
        """
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="commapper-open")
        future = executor.submit(read, self.path)
        executor.shutdown(wait=False)
        # A short read is waited for without an event loop: nothing else can happen meanwhile,
        # exactly as when files were read on the GUI thread.
        wait([future], timeout=max(0.0, self._show_at - time.monotonic()))
        if not future.done():
            dialog = self._shown_dialog()
            loop = QEventLoop()

            def stop_when_read() -> None:
                if future.done():
                    loop.quit()

            poll = QTimer()
            poll.setInterval(_POLL_MS)
            poll.timeout.connect(stop_when_read)
            dialog.canceled.connect(loop.quit)
            poll.start()
            loop.exec()
            poll.stop()
            if dialog.wasCanceled():
                future.cancel()
                raise Cancelled
        return future.result()

    def build(self, make: Callable[[], _Made]) -> _Made:
        """``make()``, answering the dialog whenever the work reports its progress.

        Raises
        ------
        Cancelled
            If the user cancelled: what ``make`` had made so far is deleted.
        """
        before = QApplication.topLevelWidgets()
        try:
            with progress_to(self._built_so_far):
                return make()
        except Cancelled:
            # The window stopped half-way through being made: only Qt still holds it. Deleted
            # now, and its items (nodes and edges hold one another) collected, so that its
            # memory is free when Cancel returns.
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMainWindow) and widget not in before:
                    shiboken6.delete(widget)
            gc.collect()
            raise

    def finish(self) -> None:
        """Close the dialog, if it was shown (before showing the map, or a message instead)."""
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def _built_so_far(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.dialog is None and now < self._show_at:
            return  # quick so far: no dialog yet
        if self.dialog is not None and now < self._next_answer and done < total:
            return
        self._next_answer = now + _ANSWER_EVERY
        dialog = self._shown_dialog()
        if done < total:
            dialog.setRange(0, total)
            dialog.setValue(done)
        else:
            # The canvas is built. The rest of the window is made in one go, which Cancel
            # cannot stop; the events after it would run the new window's timers early.
            if self._cancel_button is not None:  # first: no frame shows it live beside this
                self._cancel_button.setEnabled(False)
            dialog.setLabelText(self.tr("Preparing the window…"))
            dialog.setRange(0, 0)
        self._answer()

    def _answer(self) -> None:
        """Let the dialog repaint and hear Cancel."""
        if self.dialog is None:
            return
        QCoreApplication.processEvents()
        if self.dialog.wasCanceled():
            raise Cancelled

    def _shown_dialog(self) -> QProgressDialog:
        if self.dialog is not None:
            return self.dialog
        dialog = QProgressDialog(self.parent_widget)
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # the file's name, shown as it is
        dialog.setLabel(label)
        dialog.setLabelText(self.tr("Opening {file}…").format(file=printable(self.path.name)))
        self._cancel_button = QPushButton(self.tr("Cancel"))
        dialog.setCancelButton(self._cancel_button)
        dialog.setWindowTitle(APP_NAME)
        # The whole app waits: another window must not open, close or quit meanwhile.
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        # It stays until the map is shown; it would otherwise hide when the canvas is built.
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setRange(0, 0)  # busy until the canvas says how far it is
        dialog.show()
        self.dialog = dialog
        return dialog

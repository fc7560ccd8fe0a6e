"""Opening a large map: a progress dialog once it takes a while, and a Cancel that leaves the app
as it was. The dialog's delay is shortened to nothing (``progress_after``) so that a map of a
few thousand items shows it; the files are real, generated and written to a temporary folder.
"""

from __future__ import annotations

import gc
import json
import sys
import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from benchmarks.generate import generate_map
from commapper.io import map_to_data, save_map
from commapper.model import UpdateItem
from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.canvas.scene import MapScene

NODES = 1500  # about 6,500 items: too many for a pristine window to take in place


@pytest.fixture(scope="module")
def large_map(tmp_path_factory):
    path = tmp_path_factory.mktemp("maps") / "large.commap"
    save_map(generate_map(NODES), path)
    return path


class Watcher(QObject):
    """Looks at the app as a user does: reads the progress dialog while it shows (each time it
    is painted, and every 5 ms), presses its Cancel once ``cancel_when(dialog)`` says so, reads
    and closes message boxes, and does ``when_idle`` when no dialog is open in the app's own
    event loop."""

    def __init__(self, cancel_when=None, when_idle=None):
        super().__init__()
        QApplication.instance().installEventFilter(self)
        self.cancel_when = cancel_when
        self.when_idle = when_idle
        self.progress: list[tuple[str, int, int, bool]] = []  # label, maximum, value, Cancel
        self.cancelled = False
        self.messages: list[tuple[str, str, bool]] = []  # and whether a progress dialog showed
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.step)
        self.timer.start()

    def eventFilter(self, watched, event):
        # A phase may last one pass of the event loop, which the timer may not be due in: what
        # it shows is painted then.
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            dialog = watched.window()
            if isinstance(dialog, QProgressDialog) and dialog.isVisible():
                self._read(dialog)
        return False

    def _read(self, dialog):
        enabled = dialog.findChild(QPushButton).isEnabled()
        self.progress.append((dialog.labelText(), dialog.maximum(), dialog.value(), enabled))

    def step(self):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QProgressDialog) and dialog.isVisible():
            self._read(dialog)
            if self.cancel_when is not None and not self.cancelled and self.cancel_when(dialog):
                self.cancelled = True
                dialog.findChild(QPushButton).click()
        elif isinstance(dialog, QMessageBox):
            details = QTextDocumentFragment.fromHtml(dialog.informativeText()).toPlainText()
            self.messages.append((dialog.text(), details, progress_dialog_showing()))
            dialog.accept()
        elif self.when_idle is not None and QThread.currentThread().loopLevel() == 1:
            self.when_idle()

    def stop(self):
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)


@pytest.fixture
def watcher():
    made = []

    def make(**kwargs):
        made.append(Watcher(**kwargs))
        return made[-1]

    yield make
    for each in made:
        each.stop()


@pytest.fixture
def welcome_window(commapper_app, qtbot):
    """A window on the welcome screen that a large map may replace (and so delete)."""
    window = commapper_app.new_window(show_welcome=True)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window in commapper_app.windows:  # else it was closed, and is gone
        window.close()


def progress_dialog_showing() -> bool:
    return any(
        isinstance(widget, QProgressDialog) and widget.isVisible()
        for widget in QApplication.topLevelWidgets()
    )


def main_windows_left() -> list[QMainWindow]:
    """The main windows Qt still holds once deleted ones are gone."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, QMainWindow)]


def scenes_alive() -> int:
    gc.unfreeze()  # a large map's window freezes its objects, which get_objects() leaves out
    gc.collect()
    return sum(isinstance(thing, MapScene) for thing in gc.get_objects())


def test_a_large_map_shows_its_progress_and_takes_the_welcome_windows_place(
    welcome_window, large_map, watcher, qtbot
):
    window = welcome_window
    window.files.progress_after = 0
    seen = watcher()
    opened = window.files.open_path(large_map)
    assert opened is not None and opened is not window
    qtbot.addWidget(opened)
    assert {label for label, _, _, _ in seen.progress} >= {"Opening large.commap…"}
    items = len(opened.session.doc.nodes) + len(opened.session.doc.edges)
    assert any(maximum == items and 0 < value < items for _, maximum, value, _ in seen.progress)
    assert not progress_dialog_showing()
    assert opened.isVisible() and opened.stack.currentWidget() is opened.view
    assert len(opened.scene.node_items) == NODES and len(opened.scene.edge_items) == items - NODES
    assert opened.session.path == large_map and not opened.session.is_modified
    assert window.app.windows == [opened]  # the welcome window made way for it
    assert window.app.recent.paths() == [large_map]


def test_cancel_while_the_map_is_drawn_leaves_the_open_map_as_it_was(
    make_window, large_map, watcher
):
    window = make_window()
    session, doc = window.session, window.session.doc
    window.session.edit(UpdateItem("c1", {"label": "Educators"}), "Rename")
    nodes, steps = list(doc.nodes), window.session.undo_stack.count()
    window.files.progress_after = 0
    # Once the dialog counts items, the canvas is being built (before, the file is being read).
    user = watcher(cancel_when=lambda dialog: dialog.value() > 0)
    assert window.files.open_path(large_map) is None
    assert user.cancelled
    assert not progress_dialog_showing()
    assert window.app.windows == [window] and main_windows_left() == [window]
    assert scenes_alive() == 1  # the half-built window and its items are gone
    assert window.session is session and session.doc is doc and doc.nodes == nodes
    assert session.is_modified and session.undo_stack.count() == steps
    assert doc.node("c1").label == "Educators"
    assert window.app.recent.paths() == []


def test_cancel_is_greyed_out_while_the_rest_of_the_window_is_made(
    make_window, large_map, watcher, qtbot
):
    window = make_window()
    window.files.progress_after = 0
    seen = watcher()
    opened = window.files.open_path(large_map)
    assert opened is not None and opened is not window
    qtbot.addWidget(opened)
    cancel_enabled = {(label, enabled) for label, _, _, enabled in seen.progress}
    assert cancel_enabled == {("Opening large.commap…", True), ("Preparing the window…", False)}
    assert window.app.windows == [window, opened]


def test_cancel_as_soon_as_the_dialog_shows_leaves_the_welcome_screen(
    make_window, large_map, watcher
):
    window = make_window(None, show_welcome=True)
    window.files.progress_after = 0
    user = watcher(cancel_when=lambda dialog: True)
    assert window.files.open_path(large_map) is None
    assert user.cancelled
    assert not progress_dialog_showing()
    assert window.app.windows == [window] and main_windows_left() == [window]
    assert window.stack.currentWidget() is window.welcome and window.is_pristine
    assert window.windowTitle() == "Commapper"


class ShowSpy(QObject):
    """Sees every progress dialog shown anywhere in the app."""

    def __init__(self):
        super().__init__()
        self.shown = 0
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Show and isinstance(watched, QProgressDialog):
            self.shown += 1
        return False


def test_a_small_map_opens_in_the_window_without_a_dialog(make_window):
    window = make_window(None, show_welcome=True)
    spy = ShowSpy()
    try:
        assert window.files.open_path(DEFAULT_EXAMPLE) is window
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert spy.shown == 0
    assert window.stack.currentWidget() is window.view
    assert len(window.scene.node_items) == len(window.session.doc.nodes) > 10


def test_a_broken_large_file_shows_what_is_wrong(make_window, tmp_path, watcher):
    data = map_to_data(generate_map(NODES))
    data["edges"][-1]["target"] = "nowhere"
    path = tmp_path / "broken.commap"
    path.write_text(json.dumps(data), encoding="utf-8")
    window = make_window(None, show_welcome=True)
    window.files.progress_after = 0
    user = watcher()
    assert window.files.open_path(path) is None
    ((heading, details, progress_showing),) = user.messages
    assert heading == "Cannot open broken.commap"
    assert f'edges[{len(data["edges"]) - 1}].target: no node with id "nowhere"' in details
    assert not progress_showing  # the message took the dialog's place
    assert window.stack.currentWidget() is window.welcome
    assert window.app.windows == [window] and main_windows_left() == [window]


def test_commapper_file_on_a_large_map_can_be_cancelled(
    large_map, commapper_app, watcher, monkeypatch
):
    """`commapper FILE` as the command line runs it: Cancel leaves the welcome screen."""
    from commapper.ui.app import run_app
    from commapper.ui.files import file_commands
    from commapper.ui.shell.diagnostics import log

    # run_app installs the app's exception hook and log file; the next test gets its own.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(log, "handlers", list(log.handlers))
    monkeypatch.setattr(file_commands, "SHOW_PROGRESS_AFTER", 0)
    screens = []

    def close_the_window():  # as the user does after cancelling; the app then ends
        for window in list(commapper_app.windows):
            screens.append(window.stack.currentWidget() is window.welcome)
            window.close()

    user = watcher(cancel_when=lambda dialog: True, when_idle=close_the_window)
    assert run_app(str(large_map), commapper_app) == 0
    assert user.cancelled
    assert screens == [True]
    assert commapper_app.windows == []

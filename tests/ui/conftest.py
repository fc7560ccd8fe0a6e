"""Shared set-up for the widget tests: an application with throwaway settings, and windows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from commapper.resources import DEFAULT_EXAMPLE


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path, monkeypatch):
    """Settings and app data go to a temporary folder, never the developer's own."""
    from commapper.ui.app import create_application

    create_application()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    yield
    from commapper.ui.app import release_clipboard

    release_clipboard()  # as the application does when it quits


@pytest.fixture
def session(qtbot):
    """A session on the bundled example map (a nurse educator's landscape)."""
    from commapper.io import load_map
    from commapper.ui.session import MapSession

    return MapSession(load_map(DEFAULT_EXAMPLE), DEFAULT_EXAMPLE)


@pytest.fixture
def commapper_app(tmp_path):
    """The application object of one test: recent files and recovery in a temporary folder."""
    from commapper.ui.files.recent import RecentFiles
    from commapper.ui.files.recovery import RecoveryStore
    from commapper.ui.shell.application import CommapperApp

    recent = RecentFiles(QSettings(str(tmp_path / "recent.ini"), QSettings.Format.IniFormat))
    return CommapperApp(recent=recent, recovery_store=RecoveryStore(tmp_path / "recovery"))


@pytest.fixture
def make_window(qtbot, commapper_app):
    """Build main windows of ``commapper_app``, closed without prompts at the end of the test."""
    from commapper.ui.files.file_commands import open_document
    from commapper.ui.session import MapSession

    def make(path=DEFAULT_EXAMPLE, **kwargs):
        session = MapSession(open_document(path), path) if path is not None else None
        return _shown(qtbot, commapper_app.new_window(session, **kwargs))

    return make


@pytest.fixture
def window_on(qtbot, commapper_app):
    """Build main windows on documents made in the test (not read from a file)."""
    from commapper.ui.session import MapSession

    return lambda doc: _shown(qtbot, commapper_app.new_window(MapSession(doc)))


def _shown(qtbot, window):
    # pytest-qt closes its widgets before fixtures finish: drop unsaved changes first, or the
    # window would ask whether to save them.
    qtbot.addWidget(window, before_close_func=lambda w: w.session.undo_stack.setClean())
    if QSettings().value("window/geometry") is None:
        # A first window on a laptop: the test screen (800 by 600) is smaller, and a new window
        # fits into it (see test_window_layout); one whose size was remembered keeps it.
        window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    return window


def _wheel_down(widget):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


@pytest.fixture
def wheel_down():
    """Turn the mouse wheel one notch down over a widget, as a real wheel would."""
    return _wheel_down

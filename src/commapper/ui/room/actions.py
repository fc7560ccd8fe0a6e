"""File > New Room Map from Folder: a new window whose map is the merge of a folder of
participants' maps, with the Room panel beside it.

The window menu imports this module; the room's own modules (the merge, its analysis, which
load networkx) are imported when a room is opened, not at launch.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from commapper import APP_NAME
from commapper.model import printable
from commapper.ui.message_box import plain_box
from commapper.ui.session import MapSession

if TYPE_CHECKING:
    from commapper.ui.room.room_dock import RoomPanel
    from commapper.ui.shell.application import CommapperApp
    from commapper.ui.shell.main_window import MainWindow

ROOM_DOCK_WIDTH = 420


def add_room_action(window: MainWindow, menu: QMenu) -> QAction:
    """File > New Room Map from Folder…, in ``window``'s ``menu``."""
    action = QAction(
        QCoreApplication.translate("RoomActions", "New Roo&m Map from Folder…"), window
    )
    action.setStatusTip(
        QCoreApplication.translate(
            "RoomActions", "Merge the participants' maps in a folder into one, and follow it"
        )
    )
    action.triggered.connect(lambda: choose_room_folder(window))
    menu.addAction(action)
    return action


def choose_room_folder(window: MainWindow) -> MainWindow | None:
    path = window.session.path
    start = str(path.parent) if path is not None else str(Path.home())
    folder = QFileDialog.getExistingDirectory(
        window,
        QCoreApplication.translate("RoomActions", "Folder of the Participants' Maps"),
        start,
    )
    if not folder:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        room_window = open_room(window.app, Path(folder))
    except OSError as error:
        QApplication.restoreOverrideCursor()
        heading = QCoreApplication.translate("RoomActions", "Cannot read the folder {folder}")
        plain_box(
            QMessageBox.Icon.Warning,
            APP_NAME,
            heading.format(folder=printable(Path(folder).name)),
            error.strerror or str(error),
            window,
        ).exec()
        return None
    QApplication.restoreOverrideCursor()
    room_window.move(window.pos() + QPoint(40, 40))
    room_window.show()
    return room_window


def open_room(app: CommapperApp, folder: Path) -> MainWindow:
    """A window (not yet shown) on the room map of ``folder``, following the folder.

    The map is an ordinary unsaved map titled after the folder: Save writes a ``.commap``.
    """
    from commapper.ui.room.room_dock import RoomPanel
    from commapper.ui.room.room_map import RoomMap, first_room_map

    opened = first_room_map(folder)
    session = MapSession(opened.document)
    window = app.new_window(session)
    session.undo_stack.resetClean()  # a new map, not yet saved anywhere
    room_map = RoomMap(session, folder, opened, parent=window)
    # An empty room waits for its files: the personal map's "Start with yourself" would mislead.
    window.view.set_empty_hint(
        QCoreApplication.translate(
            "RoomActions",
            "Waiting for participants' maps in {folder}.\n\nEach participant's .commap file "
            "saved there joins the room map within seconds.",
        ).format(folder=printable(folder.name or str(folder)))
    )
    attach_room_panel(window, RoomPanel(room_map))
    return window


def attach_room_panel(window: MainWindow, panel: RoomPanel) -> QDockWidget:
    """The Room dock, in front on the right. The room's analysis goes in a dock of its own in
    the left column of a wide window (where the map's Analysis is), so both can be seen at
    once; on a narrower one it is the Room panel's last page, as a sixth tab of docks on the
    right would leave every tab's name cut short."""
    from commapper.ui.shell.main_window import WIDE_WINDOW

    title = QCoreApplication.translate("RoomActions", "Room")
    room_dock = _dock(window, "room", title, panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, room_dock)
    window.tabifyDockWidget(window.inspector_dock, room_dock)
    window.docks_menu.addAction(room_dock.toggleViewAction())
    docks = [room_dock]
    if window.width() >= WIDE_WINDOW:
        title = QCoreApplication.translate("RoomActions", "Room Analysis")
        analysis_dock = _dock(window, "room_analysis", title, panel.analysis)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, analysis_dock)
        window.tabifyDockWidget(window.analysis_dock, analysis_dock)
        window.docks_menu.addAction(analysis_dock.toggleViewAction())
        analysis_dock.show()
        analysis_dock.raise_()
        docks.append(analysis_dock)
    else:
        panel.tabs.addTab(panel.analysis, QCoreApplication.translate("RoomActions", "Analysis"))
    room_dock.show()
    room_dock.raise_()
    window.resizeDocks(docks, [ROOM_DOCK_WIDTH] * len(docks), Qt.Orientation.Horizontal)
    return room_dock


def _dock(window: MainWindow, name: str, title: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(f"{name}_dock")  # names it in saved layouts: never translated
    dock.setWidget(widget)
    return dock

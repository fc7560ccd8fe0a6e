"""The main window: the canvas in the middle, docks around it, menus, and the file commands."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QUndoView,
    QWidget,
)

from commapper import APP_NAME, __version__
from commapper.model import NodeKind, printable
from commapper.ui.canvas.scene import MapScene, release_frozen
from commapper.ui.canvas.view import MapView
from commapper.ui.files.export_actions import add_export_actions
from commapper.ui.files.file_commands import FileCommands
from commapper.ui.files.file_watch import FileWatcher
from commapper.ui.files.recent import fill_recent_menu
from commapper.ui.files.recovery import Autosaver
from commapper.ui.panels.analysis_dock import AnalysisPanel
from commapper.ui.panels.inspector import Inspector
from commapper.ui.panels.tables import TablePanel
from commapper.ui.panels.views_panel import ViewsPanel
from commapper.ui.panels.whatif_view import whatif_action
from commapper.ui.plain_text import plain_markup
from commapper.ui.present.presentation import Presentation
from commapper.ui.present.pseudonyms import Pseudonyms, names_hidden_at_first
from commapper.ui.present.screens import choose_screen, show_on
from commapper.ui.room.actions import add_room_action
from commapper.ui.session import MapSession
from commapper.ui.shell.edit_actions import EditActions
from commapper.ui.shell.welcome import WelcomeScreen

if TYPE_CHECKING:
    from commapper.ui.shell.application import CommapperApp

# The window's layout is kept between runs under these settings; a new LAYOUT_VERSION (when the
# docks change) starts everyone from the new default instead of a layout that no longer fits.
GEOMETRY_SETTING = "window/geometry"
STATE_SETTING = "window/state"
LAYOUT_VERSION = 3
WIDE_WINDOW = 1700  # pixels of window width from which Analysis gets a column of its own
DOCK_WIDTH = 360
RELEASE_AFTER_CLOSE_MS = 500


class MainWindow(QMainWindow):
    """One window per open map; ``app.windows`` is how the application finds them all."""

    def __init__(
        self,
        app: CommapperApp,
        session: MapSession | None = None,
        show_welcome: bool = False,
    ) -> None:
        super().__init__()
        self.app = app
        self.session = session or MapSession()
        self.session.setParent(self)
        self.autosaver = Autosaver(self.session, app.recovery_store, parent=self)
        self.autosaver.failed.connect(lambda text: self.show_status(text, 10000))
        self.watcher = FileWatcher(self)
        self.files = FileCommands(self, app)
        if self.session.path is not None:
            self.watcher.watch(self.session.path)
        self.setAcceptDrops(True)
        # A closed window frees its scene and items while Qt is still running.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.scene = MapScene(self.session, parent=self)
        self.view = MapView(self.scene)
        self.presentation: Presentation | None = None
        # People's numbers while names are hidden: the same each time the map is presented.
        self.pseudonyms = Pseudonyms()
        self.actions_ = EditActions(self.scene, self.view)
        self.welcome = WelcomeScreen(app.recent.paths())
        self.welcome.new_requested.connect(self.show_map)
        self.welcome.open_requested.connect(self.files.open_map)
        self.welcome.open_path.connect(self.files.open_path)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.view)
        self.setCentralWidget(self.stack)
        self._first_size()  # before the docks: how wide it is decides where they go
        self._build_docks()
        self._build_menus()
        self._build_status_bar()
        self.session.file_state_changed.connect(self._update_title)
        self.session.document_changed.connect(self._update_counts)
        self.session.edit_refused.connect(self._show_refusal)
        self.scene.status_message.connect(lambda text: self.show_status(text, 5000))
        # Light or dark, as the system is, also when it changes while the app runs.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.scene.set_colours)
        self._restore_layout()
        self._update_title()
        self._update_counts()
        self._docks_hidden_for_welcome: list[QDockWidget] = []
        if show_welcome:
            self.stack.setCurrentWidget(self.welcome)
            self._docks_hidden_for_welcome = [
                dock for dock in self.findChildren(QDockWidget) if not dock.isHidden()
            ]
            for dock in self._docks_hidden_for_welcome:
                dock.setVisible(False)
            self._set_editing_enabled(False)
        else:
            self.show_map()
        app.windows.append(self)

    # -- building --------------------------------------------------------------------------------

    def _first_size(self) -> None:
        """Most of the screen (at least 1280 by 820, or all of a smaller screen): the map is
        the thing to see."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 820)
            return
        room = screen.availableGeometry()
        width = max(1280, min(int(room.width() * 0.9), 1800))
        height = max(820, min(int(room.height() * 0.9), 1100))
        self.resize(min(width, room.width()), min(height, room.height()))

    def _build_docks(self) -> None:
        self.inspector = Inspector(self.session)
        self.inspector_dock = self._dock(
            "inspector", self.tr("Inspector"), self.inspector, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.history = QUndoView(self.session.undo_stack)
        self.history.setEmptyLabel(self.tr("Opened map"))
        self.history.setAccessibleName(self.tr("Edit history"))
        self.history_dock = self._dock(
            "history", self.tr("History"), self.history, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.analysis = AnalysisPanel(self.session, self.scene, self.view)
        self.analysis_dock = self._dock(
            "analysis", self.tr("Analysis"), self.analysis, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.actions_.node_menu_extras.append(self._add_what_if)
        self.tables = TablePanel(self.session)
        self.tables_dock = self._dock(
            "table", self.tr("Table"), self.tables, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.views = ViewsPanel(self.session, self.view, self.analysis.overlays)
        self.views.present_requested.connect(self.present)
        self.views_dock = self._dock(
            "views", self.tr("Views"), self.views, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._arrange_docks()

    def _arrange_docks(self) -> None:
        """The first-run layout, where the map has most of the room: one column of tabs on the
        right (Inspector, Analysis, History; on a wide screen Analysis gets a column of its own
        on the left) and the Table closed until asked for."""
        wide = self.width() >= WIDE_WINDOW
        if not wide:
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.analysis_dock)
            self.tabifyDockWidget(self.inspector_dock, self.analysis_dock)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.tabifyDockWidget(self.inspector_dock, self.views_dock)
        self.inspector_dock.raise_()
        docks = [self.inspector_dock, *([self.analysis_dock] if wide else [])]
        self.resizeDocks(docks, [DOCK_WIDTH] * len(docks), Qt.Orientation.Horizontal)
        self.resizeDocks([self.tables_dock], [250], Qt.Orientation.Vertical)
        self.tables_dock.hide()

    def _restore_layout(self) -> None:
        """The window's size and docks as the user left them last time, if they did."""
        settings = QSettings()
        geometry = settings.value(GEOMETRY_SETTING)
        state = settings.value(STATE_SETTING)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state, LAYOUT_VERSION)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_SETTING, self.saveGeometry())
        settings.setValue(STATE_SETTING, self.saveState(LAYOUT_VERSION))

    def _add_what_if(self, menu: QMenu, node_id: str) -> None:
        action = whatif_action(self.analysis, node_id, menu)
        # The answer is in the Analysis panel, which may be a closed dock or a tab behind others.
        action.triggered.connect(self.analysis_dock.show)
        action.triggered.connect(self.analysis_dock.raise_)
        menu.addAction(action)

    def _panel_docks(self) -> tuple[QDockWidget, ...]:
        return (
            self.inspector_dock, self.analysis_dock, self.tables_dock, self.history_dock,
            self.views_dock,
        )  # fmt: skip

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """A dock showing ``title``; ``name`` (never translated) names it in saved layouts."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name}_dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        edit = self.actions_
        stack = self.session.undo_stack
        # Without a prefix Qt names them itself, "Undo %1" with the step's text, in the user's
        # language (Qt's own translations).
        self.undo_action = stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = self._add(
            file_menu, self.tr("&New Map"), self.files.new_map, QKeySequence.StandardKey.New
        )
        self.room_action = add_room_action(self, file_menu)
        self.open_action = self._add(
            file_menu, self.tr("&Open…"), self.files.open_map, QKeySequence.StandardKey.Open
        )
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(
            lambda: fill_recent_menu(
                self.recent_menu, self.app.recent.paths(), self.files.open_path
            )
        )
        examples = file_menu.addMenu(self.tr("Open &Example"))
        from commapper.resources import example_maps

        for path in example_maps():
            examples.addAction(
                path.stem.replace("-", " ").capitalize(),
                functools.partial(self.files.open_path, path),
            )
        file_menu.addSeparator()
        self.save_action = self._add(
            file_menu, self.tr("&Save"), self.files.save, QKeySequence.StandardKey.Save
        )
        self.save_as_action = self._add(
            file_menu, self.tr("Save &As…"), self.files.save_as, QKeySequence.StandardKey.SaveAs
        )
        self.revert_action = self._add(file_menu, self.tr("Re&vert to Saved"), self.files.revert)
        self.exports = add_export_actions(self, file_menu)  # Import, Export, Share, Report, Print
        file_menu.addSeparator()
        self._add(file_menu, self.tr("&Close Window"), self.close, QKeySequence.StandardKey.Close)
        self._add(file_menu, self.tr("&Quit"), self.app.quit, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([edit.cut, edit.copy, edit.paste, edit.duplicate, edit.delete])
        edit_menu.addSeparator()
        edit_menu.addActions([edit.select_all, edit.rename])

        map_menu = self.menuBar().addMenu(self.tr("&Map"))
        map_menu.addActions(list(edit.add_node.values()))
        map_menu.addAction(edit.add_my_community)
        map_menu.addAction(edit.connect_mode)
        map_menu.addAction(edit.connect_to)
        map_menu.addSeparator()
        map_menu.addActions([edit.landscape, edit.force, edit.pin, edit.unpin])

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._add(
            view_menu, self.tr("Zoom &In"), self.view.zoom_in, QKeySequence.StandardKey.ZoomIn
        )
        self._add(
            view_menu, self.tr("Zoom &Out"), self.view.zoom_out, QKeySequence.StandardKey.ZoomOut
        )
        self._add(view_menu, self.tr("&Fit to Window"), self.view.fit_to_window, "Ctrl+0")
        view_menu.addSeparator()
        from commapper.ui.canvas.canvas_legend import install_canvas_legend
        from commapper.ui.canvas.guides import LandscapeGuides

        self.guides = LandscapeGuides(self.scene, self.view)
        self.guides.follow_layouts(edit.layouts.laid_out, edit.layouts.layout_step)
        self.view.fit_also.append(
            lambda: self.guides.item.sceneBoundingRect() if self.guides.shown else QRectF()
        )
        self.canvas_legend = install_canvas_legend(
            self.view, self.analysis.overlays, self.guides, follow=self.analysis.legend
        )
        view_menu.addActions([self.guides.action, self.canvas_legend.action])
        view_menu.addSeparator()
        self.present_action = self._add(
            view_menu, self.tr("&Present"), lambda: self.present(0), "F5"
        )
        self.present_action.setStatusTip(
            self.tr("Show the map full screen for a room, on the other screen if there is one")
        )
        view_menu.addSeparator()
        self.docks_menu = view_menu
        for dock in self._panel_docks():
            view_menu.addAction(dock.toggleViewAction())

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._add(help_menu, self.tr("&Keyboard Shortcuts"), self.show_shortcuts)
        self._add(help_menu, self.tr("&About {app}").format(app=APP_NAME), self.show_about)

        toolbar = QToolBar(self.tr("Tools"))
        toolbar.setObjectName("tools_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        # Short fixed names: the menu's "Undo Rename to ..." would make the toolbar jump.
        toolbar.addActions(
            [
                self._short(self.undo_action, self.tr("Undo")),
                self._short(self.redo_action, self.tr("Redo")),
            ]
        )
        toolbar.addSeparator()
        toolbar.addActions(
            [
                edit.add_node[kind]
                for kind in (NodeKind.COMMUNITY, NodeKind.PERSON, NodeKind.BOUNDARY_OBJECT)
            ]
        )
        toolbar.addAction(edit.connect_mode)
        toolbar.addSeparator()
        toolbar.addActions([edit.landscape, edit.force])
        toolbar.addSeparator()
        toolbar.addAction(self.tables_dock.toggleViewAction())  # closed at first: one click away
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _short(self, action: QAction, text: str) -> QAction:
        """A toolbar twin of ``action`` with a fixed name, enabled when it is."""
        twin = QAction(text, self)
        # The full name ("Undo Rename to ...") holds the user's text: a tooltip would render it.
        twin.setToolTip(plain_markup(action.text()))
        twin.triggered.connect(action.trigger)
        twin.setEnabled(action.isEnabled())
        action.enabledChanged.connect(twin.setEnabled)
        action.changed.connect(lambda: twin.setToolTip(plain_markup(action.text())))
        return twin

    def _set_editing_enabled(self, enabled: bool) -> None:
        """The welcome screen shows no map, so nothing may edit one behind it."""
        for action in self.actions_.findChildren(QAction):
            action.setEnabled(enabled)
        self.save_action.setEnabled(enabled)
        self.save_as_action.setEnabled(enabled)
        self.revert_action.setEnabled(False)
        for dock in self._panel_docks():
            dock.toggleViewAction().setEnabled(enabled)  # no map: no panels of one
        self.present_action.setEnabled(enabled)
        if enabled:
            self.actions_.follow_me()  # Add Me only while the map has no me
            self._update_title()  # which enables Revert when there is something to revert to
        else:
            self.setWindowTitle(APP_NAME)  # no map open, so no "Untitled"
        # No map, no counts of one.
        self.counts_label.setVisible(enabled)
        self.zoom_label.setVisible(enabled)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        # A huge map fits below 1%, which would read as 0%.
        self.view.zoom_changed.connect(
            lambda zoom: self.zoom_label.setText(
                self.tr("{percent}%").format(percent=round(zoom * 100))
                if zoom >= 0.005
                else self.tr("<1%")
            )
        )

    # -- state shown -----------------------------------------------------------------------------

    def _update_title(self) -> None:
        session = self.session
        title = session.doc.title.strip()
        # An untitled map is already called by its title (see MapSession.display_name).
        if title and session.path is not None:
            name = self.tr("{title} — {file}").format(title=title, file=session.display_name)
        else:
            name = session.display_name
        # On one line with nothing a title bar acts on; a "[*]" of the user's is doubled, which
        # Qt shows as "[*]" instead of putting the unsaved mark there.
        name = printable(name).replace("[*]", "[*][*]")
        window_title = self.tr("{name}[*] — {app}", "keep [*]: Qt shows the unsaved mark there")
        self.setWindowTitle(window_title.format(name=name, app=APP_NAME))
        self.setWindowModified(session.is_modified)
        self.revert_action.setEnabled(session.path is not None and session.is_modified)

    def _update_counts(self, _change: object = None) -> None:
        kinds: Counter[str] = Counter(node.kind for node in self.session.doc.nodes)
        counts = [
            self.tr("%n communities", "", kinds[NodeKind.COMMUNITY]),
            self.tr("%n people", "", kinds[NodeKind.PERSON]),
            self.tr("%n boundary objects", "", kinds[NodeKind.BOUNDARY_OBJECT]),
            self.tr("%n connections", "", len(self.session.doc.edges)),
        ]
        self.counts_label.setText(" · ".join(counts))

    def _show_refusal(self, message: str) -> None:
        self.show_status(message, 8000)

    def show_status(self, message: str, milliseconds: int) -> None:
        """A message in the status bar; it may quote a label, so it is kept to one line."""
        self.statusBar().showMessage(printable(message), milliseconds)

    def show_map(self) -> None:
        if self.stack.currentWidget() is self.welcome:
            for dock in self._docks_hidden_for_welcome:
                dock.setVisible(True)
            self._docks_hidden_for_welcome = []
            self._set_editing_enabled(True)
            self.inspector_dock.raise_()
        self.stack.setCurrentWidget(self.view)
        # Fitted again as the window shows and the docks take their room (see keeps_fitting).
        self.view.fit_to_window()
        self.view.setFocus()

    @property
    def is_pristine(self) -> bool:
        """An untitled, unchanged, empty window: opening a file may reuse it."""
        session = self.session
        return session.path is None and not session.is_modified and not session.doc.nodes

    def closeEvent(self, event: QCloseEvent) -> None:
        # A layout still animating is part of the map the user is asked about.
        self.actions_.finish_animation()
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.stack.currentWidget() is not self.welcome:  # the welcome screen hides the docks
            self.save_layout()
        if self.presentation is not None:
            self.presentation.close()
        self.autosaver.close()
        self.watcher.unwatch()
        self.analysis.shutdown()
        if self in self.app.windows:
            self.app.windows.remove(self)
        event.accept()
        if self.scene.froze_objects:
            # Once the window is deleted (it deletes itself on close), its map's frozen
            # objects go. Not after any other window: a full collection pauses the app.
            QTimer.singleShot(RELEASE_AFTER_CLOSE_MS, release_frozen)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.files.open_path(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # -- presenting ------------------------------------------------------------------------------

    def present(self, start_at: int = 0) -> Presentation | None:
        """Show the map full screen for a room (see ui.present), at saved view ``start_at``;
        F5 again, or Escape there, ends it. None if the facilitator cancelled the screen."""
        if self.presentation is not None:
            self.presentation.close()
            return None
        screen = choose_screen(self)
        if screen is None:
            return None
        presentation = Presentation(
            self.session,
            self.pseudonyms,
            names_hidden=names_hidden_at_first(self.session.doc),
            analysis=self.analysis.overlays.result,
            results=self.analysis.runner.finished,
        )
        self.presentation = presentation
        presentation.closed.connect(self._presentation_ended)
        show_on(presentation, screen)
        presentation.start()
        if start_at:
            presentation.go_to(start_at, animate=False)
        return presentation

    def _presentation_ended(self) -> None:
        self.presentation = None
        self.activateWindow()

    # -- help ------------------------------------------------------------------------------------

    def show_about(self) -> None:
        text = self.tr(
            "{app} {version}\n\nMap the communities of practice you take part in and see your "
            "breadth and brokerage (after Etienne Wenger, 2000)."
        )
        QMessageBox.about(
            self,
            self.tr("About {app}").format(app=APP_NAME),
            text.format(app=APP_NAME, version=__version__),
        )

    def show_shortcuts(self) -> None:
        actions = [a for a in self.findChildren(QAction) if not a.shortcut().isEmpty()]
        actions += [a for a in self.actions_.findChildren(QAction) if not a.shortcut().isEmpty()]
        native = QKeySequence.SequenceFormat.NativeText
        # Undo and Redo carry the name of the step they would take; here they are just that.
        names = {self.undo_action: self.tr("Undo"), self.redo_action: self.tr("Redo")}
        entries = {
            (names.get(action, action.text().replace("&", "")), action.shortcut().toString(native))
            for action in actions
        }
        lines = [f"{key:<16} {name}" for name, key in sorted(entries)]  # by task, A to Z
        extra = [
            (self.tr("Tab / Shift+Tab"), self.tr("Walk the nodes")),
            (self.tr("Arrows"), self.tr("Move the selection (Shift: further)")),
            (self.tr("Shift+drag"), self.tr("Connect two nodes")),
            (self.tr("Space+drag"), self.tr("Pan")),
            (self.tr("Double-click"), self.tr("Add a community / rename a node")),
            (self.tr("In presentation"), self.tr("Page Down / Page Up: next / previous view")),
            ("", self.tr("click a node: spotlight; N: names; D: dark; Esc: leave")),
        ]
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            self.tr("Keyboard Shortcuts"),
            "\n".join([*lines, "", *(f"{key:<16} {name}" for key, name in extra)]),
            parent=self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStyleSheet("QLabel { font-family: monospace; }")
        box.exec()

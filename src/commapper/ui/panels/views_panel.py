"""The Views panel: the facilitator's saved views, made from what the canvas shows, in the order
the presentation steps through them. Every change is one undo step, saved in the file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from commapper.model import DocumentChanged, NodeKind, View
from commapper.ui.canvas.overlays import CanvasOverlays
from commapper.ui.canvas.view import MapView
from commapper.ui.plain_text import printable
from commapper.ui.present.saved_views import (
    add_view,
    delete_view,
    move_view,
    new_view_name,
    overlay_name,
    rename_view,
    replace_view,
    viewport_of,
    viewport_rect,
)
from commapper.ui.session import MapSession
from commapper.ui.translations import QT_TRANSLATE_NOOP

KIND_CHOICES = (
    (NodeKind.ME, QT_TRANSLATE_NOOP("ViewsPanel", "Me")),
    (NodeKind.COMMUNITY, QT_TRANSLATE_NOOP("ViewsPanel", "Communities")),
    (NodeKind.PERSON, QT_TRANSLATE_NOOP("ViewsPanel", "People")),
    (NodeKind.BOUNDARY_OBJECT, QT_TRANSLATE_NOOP("ViewsPanel", "Boundary objects")),
)


class ViewsPanel(QWidget):
    """Saved views: add one from the screen, rename (double-click), reorder, delete, say which
    nodes it shows and highlights, and present from it."""

    present_requested = Signal(int)  # the index of the view to start from

    def __init__(
        self,
        session: MapSession,
        view: MapView,
        overlays: CanvasOverlays,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.view, self.overlays = session, view, overlays
        self._filling = False
        # In a scroll area: a short window must not be held tall by the panel.
        body = QWidget()
        layout = QVBoxLayout(body)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        intro = QLabel(
            self.tr(
                "Views are the steps of a presentation (F5): what is on screen, which nodes "
                "show, which are highlighted. Double-click a view to rename it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Saved views"))
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.itemChanged.connect(self._renamed)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.setMinimumHeight(90)
        layout.addWidget(self.list, 1)

        buttons = QGridLayout()
        self.add_button = self._button(self.tr("Add from Screen"), self.add_from_screen)
        self.add_button.setToolTip(
            self.tr(
                "A new view of what the canvas shows now: where it looks, the overlays, and "
                "the selected nodes highlighted"
            )
        )
        self.update_button = self._button(self.tr("Update from Screen"), self.update_from_screen)
        self.up_button = self._button(self.tr("Move Up"), lambda: self._move(-1))
        self.down_button = self._button(self.tr("Move Down"), lambda: self._move(1))
        self.delete_button = self._button(self.tr("Delete"), self._delete)
        self.go_button = self._button(self.tr("Go to View"), self.go_to_current)
        self.present_button = self._button(
            self.tr("Present from Here"), lambda: self.present_requested.emit(self._current())
        )
        for index, button in enumerate(
            (
                self.add_button,
                self.update_button,
                self.go_button,
                self.present_button,
                self.up_button,
                self.down_button,
                self.delete_button,
            )
        ):
            buttons.addWidget(button, index // 2, index % 2)
        layout.addLayout(buttons)

        self.shows = QGroupBox(self.tr("This view shows"))
        shows = QVBoxLayout(self.shows)
        kinds = QGridLayout()
        self.kind_checks: dict[NodeKind, QCheckBox] = {}
        for index, (kind, text) in enumerate(KIND_CHOICES):
            check = QCheckBox(self.tr(text))
            check.toggled.connect(self._kinds_changed)
            self.kind_checks[kind] = check
            kinds.addWidget(check, index // 2, index % 2)
        shows.addLayout(kinds)
        self.nodes_label = QLabel()
        self.nodes_label.setWordWrap(True)
        shows.addWidget(self.nodes_label)
        row = QGridLayout()
        self.only_selected_button = QPushButton(self.tr("Only the Selected Nodes"))
        self.only_selected_button.clicked.connect(self._only_selected)
        self.all_nodes_button = QPushButton(self.tr("All Nodes"))
        self.all_nodes_button.clicked.connect(self._all_nodes)
        self.highlight_button = QPushButton(self.tr("Highlight the Selected"))
        self.highlight_button.clicked.connect(self._highlight_selected)
        for index, button in enumerate(
            (self.only_selected_button, self.all_nodes_button, self.highlight_button)
        ):
            row.addWidget(button, index // 2, index % 2)
        shows.addLayout(row)
        layout.addWidget(self.shows)
        session.document_changed.connect(self._follow)
        self._fill()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        return button

    # -- following the map ----------------------------------------------------------------------

    def _follow(self, change: DocumentChanged) -> None:
        if "views" in change.map_fields or change.nodes_removed:
            self._fill()

    def _fill(self) -> None:
        row = self.list.currentRow()
        self._filling = True
        self.list.clear()
        for view in self.session.doc.views:
            item = QListWidgetItem(printable(view.name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        count = self.list.count()
        self._filling = False
        self.list.setCurrentRow(min(max(row, 0), count - 1) if count else -1)
        self._show_current()

    def _current(self) -> int:
        return max(self.list.currentRow(), 0)

    def _current_view(self) -> View | None:
        row = self.list.currentRow()
        views = self.session.doc.views
        return views[row] if 0 <= row < len(views) else None

    def _show_current(self, *_args: object) -> None:
        view = self._current_view()
        has = view is not None
        for widget in (
            self.update_button, self.up_button, self.down_button, self.delete_button,
            self.go_button, self.shows,
        ):  # fmt: skip
            widget.setEnabled(has)
        self.up_button.setEnabled(has and self.list.currentRow() > 0)
        self.down_button.setEnabled(has and self.list.currentRow() < self.list.count() - 1)
        self._filling = True
        for kind, check in self.kind_checks.items():
            check.setChecked(view is None or view.kinds is None or kind in view.kinds)
        self._filling = False
        if view is None:
            self.nodes_label.setText("")
            return
        nodes = (
            self.tr("All nodes of those kinds.")
            if view.nodes is None
            else self.tr("%n chosen node(s) of those kinds.", "", len(view.nodes))
        )
        lit = self.tr("%n highlighted.", "", len(view.highlighted)) if view.highlighted else ""
        self.nodes_label.setText(f"{nodes} {lit}".strip())

    # -- editing: each one undo step -------------------------------------------------------------

    def _screen_view(self, name: str) -> View:
        return View(
            name=name,
            highlighted=list(self.view.map_scene.selected_node_ids()),
            overlay=overlay_name(self.overlays),
            viewport=viewport_of(self.view.mapToScene(self.view.viewport().rect()).boundingRect()),
        )

    def add_from_screen(self) -> None:
        view = self._screen_view(new_view_name(self.session.doc.views))
        if add_view(self.session, view):
            self.list.setCurrentRow(self.list.count() - 1)

    def update_from_screen(self) -> None:
        old = self._current_view()
        if old is None:
            return
        screen = self._screen_view(old.name)
        view = old.model_copy(
            update={
                "highlighted": screen.highlighted,
                "overlay": screen.overlay,
                "viewport": screen.viewport,
            }
        )
        text = self.tr("Update view {name}").format(name=old.name)
        replace_view(self.session, self.list.currentRow(), view, text)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        row = self.list.row(item)
        if not rename_view(self.session, row, item.text().strip()):
            self._fill()  # refused or unchanged: show the name the view still has

    def _move(self, by: int) -> None:
        row = self.list.currentRow()
        if move_view(self.session, row, row + by):
            self.list.setCurrentRow(row + by)

    def _delete(self) -> None:
        if self._current_view() is not None:
            delete_view(self.session, self.list.currentRow())

    def _change(self, text: str, **fields: object) -> None:
        old = self._current_view()
        if old is not None:
            replace_view(self.session, self.list.currentRow(), old.model_copy(update=fields), text)

    def _kinds_changed(self) -> None:
        if self._filling:
            return
        kinds = [kind for kind, check in self.kind_checks.items() if check.isChecked()]
        chosen = None if len(kinds) == len(self.kind_checks) else kinds
        self._change(self.tr("Show kinds in view"), kinds=chosen)

    def _only_selected(self) -> None:
        selected = list(self.view.map_scene.selected_node_ids())
        if selected:
            self._change(self.tr("Show only selected nodes in view"), nodes=selected)

    def _all_nodes(self) -> None:
        self._change(self.tr("Show all nodes in view"), nodes=None)

    def _highlight_selected(self) -> None:
        selected = list(self.view.map_scene.selected_node_ids())
        self._change(self.tr("Highlight in view"), highlighted=selected)

    def go_to_current(self) -> None:
        """Show the current view's part of the map in the editor."""
        view = self._current_view()
        rect = viewport_rect(view) if view is not None else None
        if rect is not None:
            self.view.keeps_fitting = False
            self.view.fit_rect(rect)

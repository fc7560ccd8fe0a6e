"""Connecting from the keyboard: a search field over the nodes a selected node can be joined to."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from commapper.model import DocumentChanged, MapDocument, NodeKind, edge_kinds_between, printable
from commapper.ui.canvas.view import MapView
from commapper.ui.field_text import kind_word

# Rows listed at most: refilling thousands on every key would make typing lag on a large map,
# and nobody scrolls through them; typing narrows the list instead.
MAX_ROWS = 200
VISIBLE_ROWS = 10
WIDTH_IN_CHARACTERS = 56
MARGIN = 8  # from the node, and from the edges of the canvas


@dataclass(frozen=True)
class ConnectChoice:
    """A node the picker offers: what it is, and whether it is already joined to the source."""

    node_id: str
    label: str  # as shown: the node's label, or its id when it has none
    kind: NodeKind
    connected: bool
    folded: str  # the label casefolded, which typed text is matched against


def connect_choices(doc: MapDocument, source_id: str) -> list[ConnectChoice]:
    """The nodes ``source_id`` can be connected to (some edge kind joins the two, one way or
    the other, as :meth:`MapScene.connect_nodes` tries), itself left out: those not yet
    connected to it first, then by label."""
    source_kind = NodeKind(doc.node(source_id).kind)
    joinable = {
        kind
        for kind in NodeKind
        if edge_kinds_between(source_kind, kind) or edge_kinds_between(kind, source_kind)
    }
    neighbours = {
        edge.target if edge.source == source_id else edge.source
        for edge in doc.edges
        if source_id in (edge.source, edge.target)
    }
    # By the kind's text: a call of NodeKind per node was most of the time on a room map.
    joinable_kinds = {kind.value: kind for kind in joinable}
    choices = [
        ConnectChoice(
            node.id,
            node.label or node.id,
            joinable_kinds[node.kind],
            node.id in neighbours,
            (node.label or node.id).casefold(),
        )
        for node in doc.nodes
        if node.kind in joinable_kinds and node.id != source_id
    ]
    choices.sort(key=lambda choice: (choice.connected, choice.folded, choice.node_id))
    return choices


def match_rank(folded_label: str, query: str) -> int | None:
    """How well a casefolded label matches casefolded typed text: 0 it is the whole label, 1 the
    label starts with it, 2 a word in the label does, 3 it is elsewhere; None if not in it."""
    at = folded_label.find(query)
    if at < 0:
        return None
    if at == 0:
        return 0 if len(folded_label) == len(query) else 1
    # A later occurrence may start a word: "it" in "Hospital IT".
    while at > 0:
        if not folded_label[at - 1].isalnum():
            return 2
        at = folded_label.find(query, at + 1)
    return 3


def best_matches(
    choices: list[ConnectChoice], query: str, limit: int = MAX_ROWS
) -> tuple[list[ConnectChoice], int]:
    """The ``limit`` choices whose label holds ``query`` (ignoring case), best first: those not
    yet connected, then by :func:`match_rank`, then in the order of ``choices``; and how many
    hold it in all."""
    query = query.strip().casefold()
    if not query:
        return choices[:limit], len(choices)
    ranked = [
        (choice.connected, rank, index)
        for index, choice in enumerate(choices)
        if (rank := match_rank(choice.folded, query)) is not None
    ]
    # A partial sort: a few letters can match most of a 10,000-node map.
    return [choices[index] for _, _, index in heapq.nsmallest(limit, ranked)], len(ranked)


class ConnectPicker(QFrame):
    """A small popup over the canvas, beside the node to connect: type to filter the nodes it
    can be connected to, Up and Down (or Tab) to choose, Enter to connect, Escape to close."""

    closed = Signal()

    def __init__(
        self, view: MapView, source_id: str, choices: list[ConnectChoice] | None = None
    ) -> None:
        """``choices``: :func:`connect_choices` of ``source_id`` as the map is, if the caller
        has them (on a room map they take 20 ms)."""
        super().__init__(view)
        self.view, self.scene = view, view.map_scene
        self.session = self.scene.session
        self.source_id = source_id
        if choices is None:
            choices = connect_choices(self.session.doc, source_id)
        self.choices = choices
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Connect to"))
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of a name"))
        self.search.setAccessibleName(self.tr("Name of the node to connect to"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Nodes that can be connected"))
        # Focus stays in the search field, where typing goes; the list follows its keys.
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        # Rows fit the width (labels are shortened to fit): no sideways scrolling.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.more = QLabel()
        self.more.setTextFormat(Qt.TextFormat.PlainText)
        self.more.setEnabled(False)  # drawn subdued: it says something about the list
        self._closed = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(4)
        for widget in (self.title, self.search, self.list, self.more):
            layout.addWidget(widget)
        self.search.textChanged.connect(self.refilter)
        self.search.installEventFilter(self)
        self.list.itemClicked.connect(
            lambda item: self.connect_to(item.data(Qt.ItemDataRole.UserRole))
        )
        # Held to be undone on closing: a closed picker lingers until Qt deletes it, and must
        # not follow a map or a view that may be gone by then.
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._connections = [
            self.session.document_changed.connect(self._follow_document),
            app.focusChanged.connect(self._follow_focus),
            view.zoom_changed.connect(self.place),
        ]
        self._fit_size()
        self.refilter()

    # -- showing -----------------------------------------------------------------------------------

    def open(self) -> None:
        """Show the picker beside its node and put the typing in its search field."""
        self.view.frame_nodes([self.source_id])
        self.place()
        self.show()
        self.raise_()
        self.search.setFocus()

    def _fit_size(self) -> None:
        """As wide as a long label, as tall as the rows there are (at most VISIBLE_ROWS)."""
        metrics = self.fontMetrics()
        width = metrics.averageCharWidth() * WIDTH_IN_CHARACTERS + 2 * MARGIN
        room = self.view.viewport().width() - 2 * MARGIN
        self.setFixedWidth(max(min(width, room), 200))
        probe = QListWidgetItem("Xy")
        self.list.addItem(probe)
        row_height = self.list.sizeHintForRow(0)
        self.list.clear()
        rows = max(1, min(len(self.choices), VISIBLE_ROWS))
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth())
        source = self.session.doc.node(self.source_id)
        title = self.tr("Connect {label} to…").format(label=printable(source.label or source.id))
        inner = self.width() - 2 * MARGIN
        self.title.setText(metrics.elidedText(title, Qt.TextElideMode.ElideMiddle, inner))

    def place(self) -> None:
        """Below the node (above it when there is no room), kept inside the canvas."""
        area = self.view.viewport().geometry()
        self.adjustSize()
        size = self.size()
        item = self.scene.node_items.get(self.source_id)
        if item is None:
            top_left = area.center() - QPoint(size.width() // 2, size.height() // 2)
        else:
            offset = QPointF(0.0, item.radius)
            below = self.view.mapFromScene(item.scenePos() + offset) + area.topLeft()
            above = self.view.mapFromScene(item.scenePos() - offset) + area.topLeft()
            top_left = QPoint(below.x() - size.width() // 2, below.y() + MARGIN)
            if top_left.y() + size.height() > area.bottom() - MARGIN:
                top_left.setY(above.y() - MARGIN - size.height())
        inside = area.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        x = min(max(top_left.x(), inside.left()), max(inside.left(), inside.right() - size.width()))
        y = min(max(top_left.y(), inside.top()), max(inside.top(), inside.bottom() - size.height()))
        self.setGeometry(QRect(QPoint(x, y), size))

    # -- choosing ----------------------------------------------------------------------------------

    def refilter(self) -> None:
        """List the best matches of what is typed, the first of them chosen."""
        shown, total = best_matches(self.choices, self.search.text())
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        metrics = self.list.fontMetrics()
        room = self._row_room()
        for choice in shown:
            kind = kind_word(choice.kind)
            if choice.connected:
                text = self.tr("{label} — {kind}, already connected")
            else:
                text = self.tr("{label} — {kind}")
            # A long label is shortened, never the kind after it.
            label_room = room - metrics.horizontalAdvance(text.format(label="", kind=kind))
            label = metrics.elidedText(
                printable(choice.label), Qt.TextElideMode.ElideRight, max(label_room, 40)
            )
            item = QListWidgetItem(text.format(label=label, kind=kind))
            item.setData(Qt.ItemDataRole.UserRole, choice.node_id)
            self.list.addItem(item)
        self.list.setUpdatesEnabled(True)
        if shown:
            self.list.setCurrentRow(0)
        if total > len(shown):
            n = total - len(shown)
            self.more.setText(self.tr("%n more — keep typing to narrow the list", "", n))
        elif not shown:
            self.more.setText(self.tr("No node by that name can be connected."))
        else:
            self.more.setText(self.tr("Enter connects, Escape closes"))

    def _row_room(self) -> int:
        """The width a row's text has: the list's, less its frame, scroll bar and padding."""
        scroll_bar = self.list.verticalScrollBar().sizeHint().width()
        padding = 4 * self.list.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        return self.width() - 2 * MARGIN - 2 * self.list.frameWidth() - scroll_bar - padding

    def current_node_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def connect_to(self, target_id: str | None) -> bool:
        """Join the source to ``target_id`` as one undo step, and close."""
        if target_id is None:
            return False
        self.close_picker()
        scene, source_id = self.scene, self.source_id
        existing = [e.id for e in scene.doc.edges_of([source_id])
                    if target_id in (e.source, e.target)]  # fmt: skip
        if existing:
            # A second line to the same node is almost always a slip: show the one there is.
            scene.select_ids(existing[:1])
            text = self.tr("{source} and {target} are already connected: that connection is "
                           "selected.")  # fmt: skip
            scene.status_message.emit(text.format(source=scene.label_of(source_id),
                                                  target=scene.label_of(target_id)))  # fmt: skip
            return False
        if not scene.connect_nodes(source_id, target_id):
            return False
        # The source stays selected, so that C connects it to the next one straight away.
        scene.select_ids([source_id])
        text = self.tr("Connected {source} to {target}. Press C to connect {source} to another.")
        scene.status_message.emit(
            text.format(source=scene.label_of(source_id), target=scene.label_of(target_id))
        )
        return True

    def close_picker(self) -> None:
        """Close, with nothing changed, and give the canvas its keys back."""
        if self._closed:
            return
        self._closed = True
        for connection in self._connections:
            QObject.disconnect(connection)
        # Focus back first: hiding a focused field would pass focus along the chain, which on
        # the canvas means walking to the next node.
        self.view.setFocus()
        self.hide()
        self.deleteLater()
        self.closed.emit()

    def _move_current(self, step: int, wrap: bool = False) -> None:
        count = self.list.count()
        if not count:
            return
        row = self.list.currentRow() + step
        row = row % count if wrap else min(max(row, 0), count - 1)
        self.list.setCurrentRow(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self._key_pressed(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _key_pressed(self, event: QKeyEvent) -> bool:
        """The keys the search field passes on to the list and the picker; True if used."""
        key = event.key()
        page = max(1, min(self.list.count(), VISIBLE_ROWS) - 1)
        moves: dict[int, tuple[int, bool]] = {
            Qt.Key.Key_Up: (-1, False),
            Qt.Key.Key_Down: (1, False),
            Qt.Key.Key_PageUp: (-page, False),
            Qt.Key.Key_PageDown: (page, False),
            # Tab walks the list too, round and round (on the canvas it would walk the nodes).
            Qt.Key.Key_Tab: (1, True),
            Qt.Key.Key_Backtab: (-1, True),
        }
        if key in moves:
            self._move_current(*moves[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.connect_to(self.current_node_id())
        elif key == Qt.Key.Key_Escape:
            self.close_picker()
        else:
            return False
        return True

    # -- following the map -------------------------------------------------------------------------

    def _follow_document(self, _change: DocumentChanged) -> None:
        """A change made elsewhere (an undo, a reload): offer what the map now holds."""
        if not self.session.doc.has_node(self.source_id):
            self.close_picker()
            return
        current = self.current_node_id()
        self.choices = connect_choices(self.session.doc, self.source_id)
        self.refilter()
        rows = {
            self.list.item(row).data(Qt.ItemDataRole.UserRole): row
            for row in range(self.list.count())
        }
        if current in rows:
            self.list.setCurrentRow(rows[current])

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Clicking elsewhere closes it, as a menu would; leaving the window does not.
        if new is not None and new is not self and not self.isAncestorOf(new):
            self.close_picker()

"""The canvas view: zoom, pan, fit, keyboard navigation and renaming a node in place."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QLineEdit,
    QToolTip,
    QWidget,
)

from commapper.model import MoveNodes, UpdateItem
from commapper.model.items import MAX_LABEL_CHARS
from commapper.ui.canvas.items import NodeItem
from commapper.ui.canvas.scene import BSP_TREE_DEPTH, MapScene
from commapper.ui.translations import QT_TRANSLATE_NOOP

ZOOM_STEP = 1.2
MIN_ZOOM, MAX_ZOOM = 0.02, 8.0
# Fitting a huge map may go below MIN_ZOOM, down to this: it shows the ±1e9 a file may hold in
# a small window, and Qt still inverts the view's transform (it gives up below 1e-12, and then
# clicks land nowhere).
FIT_MIN_ZOOM = 1e-10
NUDGE, BIG_NUDGE = 10.0, 50.0
WHEEL_REST_MS = 200
# Labels keep at least this fraction of their size on screen when zoomed out, then grow.
LABEL_READABLE_ZOOM = 0.65


def label_scale_at(zoom: float) -> float:
    """How much bigger than at 100% labels are drawn in the scene at ``zoom``.

    Zoomed in, labels keep their size on screen, so the room between nodes grows and crowded
    labels come back; zoomed out they shrink with the map, down to a readable size they keep.
    """
    if zoom >= 1.0:
        return 1.0 / zoom
    return max(1.0, LABEL_READABLE_ZOOM / zoom)


EMPTY_MAP_HINT = QT_TRANSLATE_NOOP(
    "MapView",
    "An empty map. Start with yourself: Ctrl+4 adds \u201cme\u201d.\n\n"
    "Double-click anywhere to add a community (or Ctrl+1). Ctrl+2 adds a person and Ctrl+3 a "
    "boundary object.\n\nShift-drag from one node to another to connect them, or select a node "
    "and press C to pick the other by name.",
)


class MapView(QGraphicsView):
    """Shows a :class:`MapScene`; wheel and keys zoom, middle button or Space-drag pans."""

    zoom_changed = Signal(float)
    # A right-click: where in the scene, and the node under the pointer ("" for empty canvas).
    context_menu_requested = Signal(QPointF, str, QPoint)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.rubberBandChanged.connect(self._rubber_band_changed)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Map canvas"))
        self.setAccessibleDescription(
            self.tr(
                "The map. Tab walks the nodes, arrows move them, F2 renames, C connects the "
                "selected node to another, Delete deletes."
            )
        )
        self._drag_snapshot: tuple[QPixmap, QRectF] | None = None
        self._hidden_for_drag: list[QGraphicsItem] = []
        self._unindexed_for_drag = False  # the scene without its index while nodes are dragged
        scene.drag_started.connect(self._freeze_still_items)
        scene.drag_finished.connect(self._thaw_still_items)
        self._panning_from: QPointF | None = None
        self._space_held = False
        self._rename_editor: QLineEdit | None = None
        self._rename_merge_key: Hashable | None = None
        self._showed_empty_hint = not scene.doc.nodes
        # What an empty map says; None: how to begin a map of one's own (EMPTY_MAP_HINT).
        self._empty_hint: str | None = None
        self.keeps_fitting = False  # fitting again on every resize, until the user zooms or pans
        # A turn of the wheel is a burst of notches: the view follows each at once, and the
        # labels, the edges' picture and the rest settle once it rests (on a 10,000-node map
        # settling costs a second, once instead of once a notch).
        self._wheel_rest = QTimer(self)
        self._wheel_rest.setSingleShot(True)
        self._wheel_rest.setInterval(WHEEL_REST_MS)
        self._wheel_rest.timeout.connect(self._wheel_came_to_rest)
        # More to show whole when fitting (the landscape's guides), as scene rectangles.
        self.fit_also: list[Callable[[], QRectF]] = []
        scene.session.document_changed.connect(self._follow_emptiness)

    # -- fast dragging -----------------------------------------------------------------------------

    def _freeze_still_items(self, moving_nodes: list[NodeItem]) -> None:
        """While nodes are dragged, draw everything else from one snapshot.

        A dense map shows a thousand edges at once; repainting them all on every mouse move
        costs far more than a frame. What does not move is photographed once and hidden, so
        each step paints only the snapshot and the moving nodes with their edges.
        """
        moving: set[QGraphicsItem] = set(moving_nodes)
        layer = self.map_scene.edge_layer
        moving_edges = list({edge for node in moving_nodes for edge in node.edges})
        # Transparent rather than hidden for the photo: hiding the dragged node would end the
        # drag (a hidden item loses the mouse).
        opacities = {item: item.opacity() for item in moving}
        for item in moving:
            item.setOpacity(0.0)
        for edge in moving_edges:
            edge.visible = False
            layer.invalidate_edge(edge)
        for node in moving_nodes:
            self.map_scene.node_layer.node_changed(node)
        self.viewport().grab()  # paints what is due, which may begin new pictures
        # Drawn at once, without the moving nodes and edges, so that the photo has none of them.
        layer.finish_now()
        self.map_scene.node_layer.finish_now()
        visible = self.viewport().rect()
        snapshot = self.viewport().grab(visible)
        for item, opacity in opacities.items():
            item.setOpacity(opacity)
        for edge in moving_edges:
            edge.visible = True
        layer.only = moving_edges  # the edge layer now draws these alone, as they move
        self._drag_snapshot = (snapshot, self.mapToScene(visible).boundingRect())
        # Hidden: what draws itself. Nodes the pictures draw draw nothing (ItemHasNoContents):
        # hiding a room map's 10,000 took 80 ms, and as long again to show them.
        scene, node_layer = self.map_scene, self.map_scene.node_layer
        others = [item for item in scene.items() if not isinstance(item, NodeItem)]
        nodes = node_layer.live if node_layer.active else scene.node_items.values()
        self._hidden_for_drag = [
            item
            for item in [*others, *nodes]
            if item not in moving and item is not layer and item.isVisible()
        ]
        for item in self._hidden_for_drag:
            item.setVisible(False)
        # Moving items through a BSP index costs time on every step; a few visible items need
        # no index. Many visible (drawing nothing) do: without one, every mouse move would ask
        # each where it is.
        self._unindexed_for_drag = not node_layer.active
        if self._unindexed_for_drag:
            scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)

    def _thaw_still_items(self) -> None:
        layer = self.map_scene.edge_layer
        moving_edges, layer.only = layer.only or [], None
        for edge in moving_edges:
            layer.invalidate_edge(edge)
        if self._unindexed_for_drag:
            self.map_scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
            self.map_scene.setBspTreeDepth(BSP_TREE_DEPTH)
            self._unindexed_for_drag = False
        for item in self._hidden_for_drag:
            item.setVisible(True)
        self._hidden_for_drag = []
        self._drag_snapshot = None
        self.viewport().update()

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self._drag_snapshot is None:
            super().drawBackground(painter, rect)
            return
        snapshot, where = self._drag_snapshot
        painter.fillRect(rect, self.map_scene.colours.background)
        painter.drawPixmap(where, snapshot, QRectF(snapshot.rect()))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self.map_scene.doc.nodes:
            return
        # How to begin, in the middle of the view, for a map with nothing on it yet.
        painter.save()
        painter.resetTransform()
        area = QRectF(self.viewport().rect()).adjusted(60, 60, -60, -60)
        painter.setPen(QColor(self.map_scene.colours.text))
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self.empty_hint)
        painter.restore()

    @property
    def empty_hint(self) -> str:
        """What the canvas says while the map is empty."""
        return self.tr(EMPTY_MAP_HINT) if self._empty_hint is None else self._empty_hint

    def set_empty_hint(self, text: str | None) -> None:
        """Show ``text`` on the canvas while the map is empty, instead of how to begin a map
        of one's own (None: that again). A room map waiting for its files says so."""
        self._empty_hint = text
        self.viewport().update()

    def _follow_emptiness(self, _change: object) -> None:
        empty = not self.map_scene.doc.nodes
        if empty != self._showed_empty_hint:
            self._showed_empty_hint = empty
            self.viewport().update()  # the hint covers more than the items that changed

    # -- zoom and pan ----------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        self._set_transform_for(zoom)
        self._zoom_settled()

    def _set_transform_for(self, zoom: float) -> None:
        # Below MIN_ZOOM after fitting a huge map, zooming out goes no further (nor jumps in).
        zoom = max(min(MIN_ZOOM, self.zoom), min(MAX_ZOOM, zoom))
        self.setTransform(QTransform.fromScale(zoom, zoom))

    def zoom_in(self) -> None:
        self.keeps_fitting = False
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.keeps_fitting = False
        self.set_zoom(self.zoom / ZOOM_STEP)

    def fit_to_window(self) -> None:
        """Show the whole map (or an empty area around the origin), and keep showing it whole
        when the window or the docks change size, until the user zooms or pans."""
        rect = self.map_scene.nodes_rect()
        if rect.isEmpty():
            rect = QRectF(-300, -200, 600, 400)
        for extra in self.fit_also:
            if not (more := extra()).isEmpty():
                rect = rect.united(more)
        self.fit_rect(rect)
        self.keeps_fitting = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.keeps_fitting:
            self.fit_to_window()

    def fit_rect(self, rect: QRectF) -> None:
        """Show ``rect`` whole and centred, with a margin; a tiny map is not blown up to poster
        size, nor a huge one shrunk below :data:`FIT_MIN_ZOOM`."""
        room = self.viewport().rect().adjusted(2, 2, -2, -2)  # as QGraphicsView.fitInView
        if room.isEmpty():
            return
        margin = max(rect.width(), rect.height()) * 0.06 + 20
        rect = rect.adjusted(-margin, -margin, margin, margin)
        zoom = min(room.width() / rect.width(), room.height() / rect.height())
        zoom = max(FIT_MIN_ZOOM, min(1.5, zoom))
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.centerOn(rect.center())
        self._zoom_settled()

    def frame_nodes(self, node_ids: list[str]) -> None:
        """Bring the given nodes into view, zooming out only as much as needed."""
        rect = self.map_scene.nodes_rect(node_ids)
        if rect.isEmpty():
            return
        if self.mapToScene(self.viewport().rect()).boundingRect().contains(rect):
            return
        self.keeps_fitting = False  # the user's attention is on these nodes now
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() < visible.width() and rect.height() < visible.height():
            self.centerOn(rect.center())
        else:
            self.fit_rect(rect)

    def keep_in_sight(self, node_id: str) -> None:
        """Bring a new node into view by zooming out just enough to show it with what was in
        view, rather than jumping away from where the user was working."""
        rect = self.map_scene.nodes_rect([node_id])
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.isEmpty() or visible.contains(rect):
            return
        both = visible.united(rect)
        if max(both.width() / visible.width(), both.height() / visible.height()) <= 4.0:
            self.keeps_fitting = False
            self.fit_rect(both)

    def _zoom_settled(self) -> None:
        self._place_rename_editor()
        self.map_scene.set_label_scale(self.label_scale_for(self.zoom))
        self.map_scene.clip_beyond = 1500.0 / self.zoom
        self.zoom_changed.emit(self.zoom)

    def label_scale_for(self, zoom: float) -> float:
        """How much bigger than at 100% labels are drawn at ``zoom`` (see label_scale_at)."""
        return label_scale_at(zoom)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # A notch is 120; a wildly large turn zooms by ten notches at most (1.2**steps would
        # overflow long before it is reached).
        steps = max(-10.0, min(10.0, event.angleDelta().y() / 120))
        if steps:
            self.keeps_fitting = False
            self.map_scene.zoom_in_motion = True
            self._set_transform_for(self.zoom * ZOOM_STEP**steps)
            self._place_rename_editor()
            self._wheel_rest.start()
        event.accept()

    def _rubber_band_changed(self, band: QRect, *_ends: QPointF) -> None:
        # The selection reaches the inspector and tables when the band is let go: on every
        # move, with hundreds of nodes in it, it cost 0.5 s a move on 2,000 nodes.
        banding = not band.isNull()
        if banding != self.map_scene.rubber_banding:
            self.map_scene.rubber_banding = banding
            if not banding:
                self.map_scene.selection_settled()

    def _wheel_came_to_rest(self) -> None:
        self.map_scene.zoom_in_motion = False
        self._zoom_settled()
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space_held and event.button() == Qt.MouseButton.LeftButton
        ):
            self._panning_from = event.position()
            self.keeps_fitting = False
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning_from is not None:
            delta = event.position() - self._panning_from
            self._panning_from = event.position()
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - delta.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning_from is not None:
            self._panning_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        node = self.node_item_at(event.pos())
        if node is not None and not node.isSelected():
            self.map_scene.select_ids([node.node_id])
        node_id = node.node_id if node is not None else ""
        self.context_menu_requested.emit(self.mapToScene(event.pos()), node_id, event.globalPos())
        event.accept()

    # -- keyboard --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        arrows: dict[int, tuple[int, int]] = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key == Qt.Key.Key_Escape and self.map_scene.cancel_connecting():
            pass
        elif key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key in arrows and self.map_scene.selected_node_ids():
            dx, dy = arrows[key]
            step = BIG_NUDGE if modifiers & Qt.KeyboardModifier.ShiftModifier else NUDGE
            self.nudge(dx * step, dy * step)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab walks the nodes in map order (instead of leaving the canvas)."""
        if self._rename_editor is not None:
            return super().focusNextPrevChild(forward)
        self.walk_nodes(forward)
        return True

    def walk_nodes(self, forward: bool = True) -> None:
        order = [node.id for node in self.map_scene.doc.nodes]
        if not order:
            return
        selected = self.map_scene.session.selection.ids
        current = next((item_id for item_id in selected if item_id in order), None)
        if current is None:
            index = 0 if forward else len(order) - 1
        else:
            index = (order.index(current) + (1 if forward else -1)) % len(order)
        self.map_scene.select_ids([order[index]])
        self.frame_nodes([order[index]])

    def nudge(self, dx: float, dy: float) -> None:
        """Move the selected nodes; repeated nudges of one selection are one undo step."""
        node_ids = self.map_scene.selected_node_ids()
        positions = {}
        for node_id in node_ids:
            pos = self.map_scene.node_items[node_id].pos()
            positions[node_id] = (pos.x() + dx, pos.y() + dy)
        self.map_scene.session.edit(
            MoveNodes.tidied(positions), self.tr("Nudge"), merge_key=("nudge", frozenset(node_ids))
        )

    # -- rename in place -------------------------------------------------------------------------

    def rename_in_place(self, node_id: str, merge_key: Hashable | None = None) -> None:
        """Open a line editor over the node's label; Enter keeps the text, Escape drops it.

        ``merge_key`` folds the rename into the undo step just made with that key (naming a
        node that was just added is part of adding it)."""
        item = self.map_scene.node_items.get(node_id)
        if item is None:
            return
        self.finish_rename(commit=True)
        self.frame_nodes([node_id])
        node = self.map_scene.doc.node(node_id)
        editor = QLineEdit(self.viewport())
        editor.setMaxLength(MAX_LABEL_CHARS)
        editor.setText(node.label)
        editor.selectAll()
        editor.setAccessibleName(self.tr("New name"))
        editor.setMinimumWidth(180)
        editor.adjustSize()
        editor.setProperty("node_id", node_id)
        self._rename_editor, self._rename_merge_key = editor, merge_key
        self._place_rename_editor()
        editor.returnPressed.connect(lambda: self.finish_rename(commit=True))
        editor.editingFinished.connect(lambda: self.finish_rename(commit=True))
        editor.installEventFilter(self)
        editor.show()
        editor.setFocus()

    def _place_rename_editor(self) -> None:
        """Keep the editor under its node when the view scrolls or zooms."""
        editor = getattr(self, "_rename_editor", None)  # scrolling can start during __init__
        if editor is None:
            return
        item = self.map_scene.node_items.get(editor.property("node_id"))
        if item is None:
            return
        anchor = self.mapFromScene(item.scenePos() + QPointF(0, item.radius + 4))
        editor.move(int(anchor.x() - editor.width() / 2), int(anchor.y()))

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._place_rename_editor()

    def finish_rename(self, commit: bool) -> None:
        editor, self._rename_editor = self._rename_editor, None
        if editor is None:
            return
        node_id = editor.property("node_id")
        text = editor.text().strip()
        # Focus back first: hiding a focused editor would pass focus along the chain, which
        # here means walking to the next node.
        self.setFocus()
        editor.hide()
        editor.deleteLater()
        scene = self.map_scene
        if commit and scene.doc.has_node(node_id) and text != scene.doc.node(node_id).label:
            scene.session.edit(
                UpdateItem(node_id, {"label": text}),
                self.tr("Rename to '{label}'").format(label=text),
                merge_key=self._rename_merge_key,
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._rename_editor
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.finish_rename(commit=False)
            return True
        return super().eventFilter(watched, event)

    def viewportEvent(self, event: QEvent) -> bool:
        # Edges are no items of Qt's: their tooltips are found here (nodes' are Qt's own).
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            where = event.pos()
            if self.node_item_at(where) is None:
                edge = self.map_scene.edge_at(self.mapToScene(where))
                if edge is not None and (text := edge.tool_tip()):
                    QToolTip.showText(event.globalPos(), text, self.viewport())
                else:
                    QToolTip.hideText()
                event.accept()
                return True
        return super().viewportEvent(event)

    def node_item_at(self, view_pos: QPoint) -> NodeItem | None:
        for item in self.items(view_pos):
            if isinstance(item, NodeItem):
                return item
        return None

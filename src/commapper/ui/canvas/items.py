"""How nodes are drawn: one graphics item per node id, painted from the model.

Items hold an id and read the current node from the document when they paint; they keep
no copy of its fields. Their position is the model's, except during a drag or an animation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commapper.model import NodeKind
from commapper.ui.plain_text import plain_markup
from commapper.ui.shell.theme import NODE_RADIUS

if TYPE_CHECKING:
    from commapper.model import NodeModel
    from commapper.ui.canvas.edge_item import EdgeItem
    from commapper.ui.canvas.scene import MapScene

LABEL_GAP = 4.0
SELECTION_RING_GAP = 4.5  # from a selected node's edge to the middle of its ring
MANY_NODES = 150  # beyond this, people's and objects' labels hide when zoomed far out
# Labels that are never hidden: when their four usual places are taken they move farther out,
# up to this many steps, with a line back to their node.
LEADER_KINDS = (NodeKind.ME, NodeKind.COMMUNITY)
LEADER_RINGS = 3
LABEL_MAX_WIDTH = 150.0
LABEL_FONTS: dict[NodeKind, QFont] = {}
LABEL_METRICS: dict[NodeKind, QFontMetricsF] = {}
# A node's outline at its kind's usual size, one for all nodes of that kind (Qt shares a path
# between copies until one is changed): making one for each cost a tenth of building a node.
_OUTLINES: dict[NodeKind, QPainterPath] = {}
# Overlay marks (issue 5) are rings around a node, one per mark, innermost first.
# Purple for brokers: none of the sector colours, so a broker ring never melts into its node.
MARK_COLOURS: dict[str, str] = {"broker": "#6A3D9A", "silo": "#CC79A7", "articulation": "#0072B2"}
MARK_RING_GAP = 5.0
# Looked up once: on Python 3.11 reading an enum's member through its class is a call, and
# itemChange runs six times for each node as a map opens and once per node a layout moves.
_MOVED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged
_SELECTED = QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged
_NODE_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
)


def label_font(kind: NodeKind) -> QFont:
    """Bold for communities and me, so the landscape's main places stand out."""
    if kind not in LABEL_FONTS:
        font = QFont()
        font.setPointSizeF(11.0 if kind in (NodeKind.COMMUNITY, NodeKind.ME) else 9.5)
        font.setBold(kind in (NodeKind.COMMUNITY, NodeKind.ME))
        LABEL_FONTS[kind] = font
    return LABEL_FONTS[kind]


def label_metrics(kind: NodeKind) -> QFontMetricsF:
    """The metrics of :func:`label_font`, made once: a map of 10,000 nodes measures its labels
    as it opens, and making them for every call cost a tenth of building a node."""
    if kind not in LABEL_METRICS:
        LABEL_METRICS[kind] = QFontMetricsF(label_font(kind))
    return LABEL_METRICS[kind]


class NodeItem(QGraphicsItem):
    """A node of the map: a shape by kind, filled by sector or colour, and its label below."""

    # A dict for each of a room map's 10,000 nodes held 10 MiB.
    __slots__ = (
        "_bounds",
        "_label_height",
        "_label_lines",
        "_label_rect",
        "_label_width",
        "_label_widths",
        "_outline_path",
        "_ring_step",
        "_spot_count",
        "_spot_gap",
        "_style",
        "_style_key",
        "_text_size",
        "_version",
        "base_radius",
        "bounds_box",
        "dimmed",
        "edges",
        "kind",
        "label_spot",
        "map_scene",
        "marks",
        "node_id",
        "radius",
    )

    def __init__(self, scene: MapScene, node_id: str) -> None:
        super().__init__()
        self.map_scene = scene
        self.node_id = node_id
        self.edges: set[EdgeItem] = set()
        node = scene.doc.node(node_id)
        self.kind = NodeKind(node.kind)
        self.radius = NODE_RADIUS[self.kind]
        self.setZValue(2 if self.kind == NodeKind.PERSON else 3)
        self.dimmed = False
        self.base_radius = self.radius
        self.marks: tuple[str, ...] = ()  # overlay marks, see MARK_COLOURS
        self._label_lines: list[str] = []
        self._label_widths: list[float] = []
        self._text_size = (0.0, 0.0)  # of the label's lines, unscaled
        self._label_rect = QRectF()
        # Where the label may go (label_spots) follows from its size, the gap to the node and
        # the step between rings, kept here; the spots themselves are made when asked for (the
        # declutter pass), not kept: a room map's took 5 MiB.
        self._label_width = 0.0
        self._label_height = 0.0
        self._spot_gap = 0.0
        self._ring_step = 0.0
        self._spot_count = 4 * (LEADER_RINGS if self.kind in LEADER_KINDS else 1)
        self.label_spot = 0  # which of label_spots() the label is drawn at
        if self.kind not in _OUTLINES:
            _OUTLINES[self.kind] = self.shape_path()
        self._outline_path = _OUTLINES[self.kind]
        # What paint() needs, worked out once per look: painting thousands of nodes per frame
        # must not go back to the model for each.
        self._style_key: tuple[bool, int, int] | None = None
        self._style: tuple[QPen, QBrush, QColor, bool] | None = None
        self._version = 0
        self._read(node)
        # Movable and the like last: once it sends geometry changes, placing it above would
        # call itemChange twice more per node.
        self.setFlags(_NODE_FLAGS)

    # -- model -> item ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the node after it changed: position, label, colours."""
        node = self.map_scene.doc.node(self.node_id)
        self.prepareGeometryChange()
        self._read(node)
        self.redraw()

    def _read(self, node: NodeModel) -> None:
        """Take the label, its geometry, the position and the tooltip from ``node``."""
        label = self.map_scene.shown_label(node)
        lines, widths = self._label_lines, self._label_widths = self._wrapped(label)
        self._text_size = (max(widths, default=0), label_metrics(self.kind).height() * len(lines))
        self._version += 1
        self._update_label_rect()
        if node.x is not None and node.y is not None:
            self.setPos(node.x, node.y)
        self.setToolTip(plain_markup(label))

    def follow_move(self) -> None:
        """Re-read only the node's position: all a move changes (a layout moves thousands)."""
        node = self.map_scene.doc.node(self.node_id)
        if node.x is not None and node.y is not None:
            self.setPos(node.x, node.y)

    def _wrapped(self, label: str) -> tuple[list[str], list[float]]:
        """The label in at most three lines of LABEL_MAX_WIDTH, elided if longer; and the
        width of each line."""
        metrics = label_metrics(self.kind)
        words = label.split()
        text = " ".join(words)
        width = metrics.horizontalAdvance(text)
        if width <= LABEL_MAX_WIDTH:  # most labels: one line, nothing to wrap or elide
            return ([text], [width]) if text else ([], [])
        lines, current = [], ""
        for word in words:
            candidate = f"{current} {word}".strip()
            if current and metrics.horizontalAdvance(candidate) > LABEL_MAX_WIDTH:
                lines.append(current)
                current = word
            else:
                current = candidate
        if current:
            lines.append(current)
        if len(lines) > 3:
            lines = [*lines[:2], lines[2] + " …"]
        lines = [
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, LABEL_MAX_WIDTH) for line in lines
        ]
        return lines, [metrics.horizontalAdvance(line) for line in lines]

    def _update_label_rect(self) -> None:
        """Measure the label's box again, and the spots it may go to, after its text, the
        label scale, the node's size or its marks changed."""
        scale = self.map_scene.label_scale
        width, height = self._text_size
        self._label_width = (width + 6) * scale
        self._label_height = (height + 2) * scale
        self._spot_gap = self.radius + LABEL_GAP + self._marks_extent()
        self._ring_step = max(self._label_height, 2 * LABEL_GAP * scale)
        self._place_label()

    def _place_label(self) -> None:
        """Put the label at its spot, and the bounds around the node and the label."""
        label = self._label_rect = self._spot(min(self.label_spot, self._spot_count - 1))
        r = self.radius + max(3, SELECTION_RING_GAP + 2) + self._marks_extent()
        # The leader line to a label moved out runs from the node's middle to the label's, both
        # within this rectangle already.
        bounds = self._bounds = QRectF(-r, -r, 2 * r, 2 * r).united(label)
        # As numbers too: measuring 10,000 items through Qt took 30-60 ms (MapScene.nodes_rect).
        self.bounds_box = (bounds.left(), bounds.top(), bounds.right(), bounds.bottom())

    def label_spots(self, most: int | None = None) -> list[QRectF]:
        """Where the label may go, in item coordinates, the usual place first: below, above,
        right and left of the node, then (for the few :data:`LEADER_KINDS`) the same a step and
        two steps farther out, joined to the node by a leader line (``most``: the first so
        many)."""
        count = self._spot_count if most is None else min(most, self._spot_count)
        return [self._spot(index) for index in range(count)]

    def _spot(self, index: int) -> QRectF:
        """``label_spots()[index]``: below, above, right or left, on ring ``index // 4``."""
        ring, side = divmod(index, 4)
        width, height = self._label_width, self._label_height
        out = self._spot_gap + ring * self._ring_step
        if side == 0:
            return QRectF(-width / 2, out, width, height)
        if side == 1:
            return QRectF(-width / 2, -out - height, width, height)
        if side == 2:
            return QRectF(out, -height / 2, width, height)
        return QRectF(-out - width, -height / 2, width, height)

    def set_label_spot(self, spot: int) -> None:
        """Draw the label at ``label_spots()[spot]`` (the scene's declutter pass chooses)."""
        if spot != self.label_spot:
            self.prepareGeometryChange()
            self.label_spot = spot
            self._place_label()
            self.redraw()

    def label_scene_rect(self) -> QRectF:
        """Where the label is drawn, in scene coordinates; empty if there is no label."""
        if not self._label_lines:
            return QRectF()
        return self._label_rect.translated(self.pos())

    def label_scale_changed(self) -> None:
        self.prepareGeometryChange()
        self._update_label_rect()

    # -- overlay hooks (issue 5) -----------------------------------------------------------------

    def set_scale_factor(self, factor: float) -> None:
        """Draw the node ``factor`` times its usual size; its edges stay attached."""
        radius = self.base_radius * factor
        if radius == self.radius:
            return
        self.prepareGeometryChange()
        self.radius = radius
        self._outline_path = self.shape_path()
        self._update_label_rect()
        for edge in self.edges:
            edge.update_geometry()
        self.redraw()

    def set_marks(self, marks: tuple[str, ...]) -> None:
        """Rings around the node, one per mark (broker, silo, articulation)."""
        if tuple(marks) != self.marks:
            self.prepareGeometryChange()
            self.marks = tuple(marks)
            self._update_label_rect()
            self.redraw()

    def _marks_extent(self) -> float:
        return MARK_RING_GAP * len(self.marks) + 2 if self.marks else 0.0

    def _paint_marks(self, painter: QPainter) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for index, mark in enumerate(self.marks):
            colour = QColor(MARK_COLOURS.get(mark, "#888888"))
            if self.dimmed:
                colour.setAlphaF(0.25)
            ring = self.radius + MARK_RING_GAP * (index + 1) - 1
            # A halo of the background keeps each ring apart from the node and from the next.
            painter.setPen(QPen(self.map_scene.colours.background, 5.0))
            painter.drawEllipse(QPointF(0, 0), ring, ring)
            painter.setPen(QPen(colour, 3.0))
            painter.drawEllipse(QPointF(0, 0), ring, ring)

    # -- geometry and painting -------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.radius + 2, self.radius + 2)
        return path

    def shape_path(self) -> QPainterPath:
        """The outline of the node by kind: circle, double circle, diamond."""
        r = self.radius
        path = QPainterPath()
        if self.kind == NodeKind.BOUNDARY_OBJECT:
            path.addPolygon(
                QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0)])
            )
            path.closeSubpath()
        else:
            path.addEllipse(QPointF(0, 0), r, r)
        return path

    def _current_style(self) -> tuple[QPen, QBrush, QColor, bool]:
        key = (self.dimmed, self.map_scene.style_generation, self._version)
        if key != self._style_key or self._style is None:
            node = self.map_scene.doc.node(self.node_id)
            colours = self.map_scene.colours
            fill = self.map_scene.fill_colour(node)
            outline = QColor(colours.outline)
            if self.dimmed:
                fill.setAlphaF(fill.alphaF() * 0.25)
                outline.setAlphaF(0.25)
            pen = QPen(outline, 1.2 * colours.line_weight)
            self._style = (pen, QBrush(fill), outline, self.map_scene.is_pinned(node))
            self._style_key = key
        return self._style

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pen, brush, outline, pinned = self._current_style()
        painter.setPen(pen)
        painter.setBrush(brush)
        painter.drawPath(self._outline_path)
        if self.isSelected():
            # A ring standing off the node, so that it shows on a fill of any colour.
            painter.setPen(QPen(self.map_scene.colours.selection, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = self.radius + SELECTION_RING_GAP
            painter.drawEllipse(QPointF(0, 0), ring, ring)
        if self.kind == NodeKind.ME:
            painter.setPen(QPen(self.map_scene.colours.background, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), self.radius - 5, self.radius - 5)
        if pinned:
            painter.setPen(QPen(outline, 1.0))
            painter.setBrush(QBrush(outline))
            painter.drawEllipse(QPointF(self.radius * 0.7, -self.radius * 0.7), 3, 3)
        if self.marks:
            self._paint_marks(painter)
        self._paint_label(painter, option)

    def _paint_label(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        if not self._label_lines or self.node_id in self.map_scene.crowded_labels:
            return
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        # People and objects are many: when zoomed far out their labels would only be noise.
        if (
            self.kind in (NodeKind.PERSON, NodeKind.BOUNDARY_OBJECT)
            and lod < 0.45
            and len(self.map_scene.node_items) > MANY_NODES
        ):
            return
        colours = self.map_scene.colours
        scale = self.map_scene.label_scale
        rect = self._label_rect
        if self.label_spot >= 4:
            self._paint_leader(painter, rect)
        painter.save()
        painter.translate(rect.center().x(), rect.top())
        painter.scale(scale, scale)
        painter.setFont(label_font(self.kind))
        metrics = label_metrics(self.kind)
        text_colour = QColor(colours.text)
        if self.dimmed:
            text_colour.setAlphaF(0.3)
        line_height = metrics.height()
        for index, (line, width) in enumerate(
            zip(self._label_lines, self._label_widths, strict=True)
        ):
            rect = QRectF(-width / 2 - 2, index * line_height, width + 4, line_height)
            painter.fillRect(rect, colours.text_halo)
            painter.setPen(text_colour)
            # drawText with a plain string never interprets markup: user text stays plain.
            painter.drawText(QPointF(-width / 2, index * line_height + metrics.ascent()), line)
        painter.restore()

    def _paint_leader(self, painter: QPainter, rect: QRectF) -> None:
        """A thin line from the node's edge to its label moved away from it."""
        target = QPointF(
            min(max(0.0, rect.left()), rect.right()), min(max(0.0, rect.top()), rect.bottom())
        )
        line = QLineF(QPointF(0, 0), target)
        if line.length() <= self.radius:
            return
        line.setP1(line.pointAt(self.radius / line.length()))
        colour = QColor(self.map_scene.colours.text)
        colour.setAlphaF(0.25 if self.dimmed else 0.6)
        painter.setPen(QPen(colour, 1.0, Qt.PenStyle.DotLine))
        painter.drawLine(line)

    # -- interaction -----------------------------------------------------------------------------

    def redraw(self) -> None:
        """Its look changed: repainted by itself, and (on a large map) the node layer's picture
        drawn anew."""
        self.update()
        self.map_scene.node_layer.node_changed(self)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == _MOVED:
            if (later := self.map_scene.edges_to_update) is not None:
                later.update(self.edges)  # once each, when all have moved
            else:
                for edge in self.edges:
                    edge.update_geometry()
            self.map_scene.node_layer.node_changed(self)
        elif change == _SELECTED:
            for edge in self.edges:
                edge.ends_selected += 1 if value else -1
                edge.highlight_changed()
            self.map_scene.node_layer.follow(self)
        # All QGraphicsItem.itemChange does; calling it would only convert the value to and
        # from a QVariant once more (a tenth of building a node, as a map opens).
        return value


class LetGoWatch(QGraphicsItem):
    """Tells the scene when the node it watches (the one pressed) lets go of the mouse: released,
    or the mouse taken away (a dialog). A QGraphicsItem has no ungrabMouseEvent to override, and
    a sceneEvent of every node's own would be called for each node whenever the window is
    activated or deactivated (a room map's 10,000: 50 ms each time)."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self.map_scene = scene
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.watched: NodeItem | None = None

    def watch(self, item: NodeItem) -> None:
        """Watch ``item`` (pressed) instead of the one before. Not stopped as it lets go: Qt
        is then going through its filters, and taking one out crashes it."""
        if item is self.watched:
            return
        if self.watched is not None and self.watched.scene() is self.scene():
            self.watched.removeSceneEventFilter(self)
        item.installSceneEventFilter(self)
        self.watched = item

    def forget(self, item: NodeItem) -> None:
        """``item`` leaves the scene, and Qt drops its filters: not kept alive here."""
        if item is self.watched:
            self.watched = None

    def sceneEventFilter(self, watched: QGraphicsItem, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UngrabMouse:
            self.map_scene.end_drag()
        return False

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pass

"""All edges drawn by one item, in a few batched calls, when the whole map is in view.

Zoomed out, a dense map shows thousands of short edges at once; painting each through its own
item costs two thirds of a frame in per-item overhead. The edge items then stop painting
(they still take clicks and selection) and this layer draws them grouped by pen, one
``drawLines`` call per group.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

if TYPE_CHECKING:
    from commapper.ui.canvas.scene import MapScene

EVERYWHERE = QRectF(-1e7, -1e7, 2e7, 2e7)


class EdgeLayer(QGraphicsItem):
    """Draws every edge of the scene while ``scene.batched_edges`` is on."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self.map_scene = scene
        self.setZValue(-1)
        self.setVisible(False)
        self._dirty = True
        self._lines: list[tuple[QPen, list[QLineF]]] = []
        self._paths: list[tuple[QPen, QPainterPath]] = []
        self._arrows: list[tuple[QColor, QPolygonF]] = []

    def invalidate(self) -> None:
        """Some edge moved or changed its look: regroup before the next paint."""
        self._dirty = True
        if self.isVisible():
            self.update()

    def _regroup(self) -> None:
        groups: dict[tuple[float, ...], tuple[QPen, list[QLineF]]] = {}
        self._paths, self._arrows = [], []
        for item in self.map_scene.edge_items.values():
            if not item.isVisible() or item.opacity() == 0.0:  # hidden, or being dragged
                continue
            pen = item.pen()
            if item.straight_line is not None:
                groups.setdefault(item.pen_signature, (pen, []))[1].append(item.straight_line)
            else:
                self._paths.append((pen, item.curve))
            if item.arrow_head is not None:
                self._arrows.append((pen.color(), item.arrow_head))
        # Sorted by signature, whose first part is the item's z: crossings end up on top.
        self._lines = [groups[key] for key in sorted(groups)]
        self._dirty = False

    def boundingRect(self) -> QRectF:
        # Everywhere: the scene's rect is set from its nodes (MapScene.fit_scene_rect), so this
        # does not stretch the scroll bars.
        return EVERYWHERE

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._dirty:
            self._regroup()
        for pen, lines in self._lines:
            painter.setPen(pen)
            painter.drawLines(lines)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in self._paths:
            painter.setPen(pen)
            painter.drawPath(path)
        for colour, arrow in self._arrows:
            painter.setPen(QPen(colour, 1.0))
            painter.setBrush(colour)
            painter.drawPolygon(arrow)

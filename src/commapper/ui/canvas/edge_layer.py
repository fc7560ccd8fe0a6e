"""All edges drawn by one item from a picture kept between frames, when the map is zoomed out.

Zoomed out, a dense map shows thousands of short edges at once; painting each through its own
item costs two thirds of a frame in per-item overhead, and even batched, antialiased lines cost
60-150 ms a frame on 6,700 edges. The edge items then stop painting (they still take clicks and
selection) and this layer draws them into a picture, grouped by pen, one ``drawLines`` call per
group, anew only after the zoom changed or an edge moved, came, went or changed its look. Every
other repaint (a label, a node's disc, the analysis arriving) just copies the picture.

Highlighted edges, those of the selected nodes, are drawn live over the picture: selecting a
node costs no new picture (its lines are drawn over their plain selves, wider), and nor does
moving a selected node once the picture was drawn without its lines.

Redrawing only the part of the picture an edit touched was tried twice and dropped. Room maps
are dense and their edges long: nearly every edge ends at a community hundreds of others end
at too. Clearing the rectangles around a moved person's edges meant drawing most of the map's
edges again. Clearing only 32-pixel cells along them still took in a fifth of the picture of
the 2,000-node map: 25,000-40,000 pieces of lines, 100-400 ms, more than drawing anew.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

if TYPE_CHECKING:
    from commapper.ui.canvas.edge_item import EdgeItem
    from commapper.ui.canvas.scene import MapScene

EVERYWHERE = QRectF(-1e7, -1e7, 2e7, 2e7)


class EdgeLayer(QGraphicsItem):
    """Draws every edge of the scene while ``scene.batched_edges`` is on."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self.map_scene = scene
        self.setZValue(-1)
        self.setVisible(False)
        # The picture: what it covers in the scene, and at which zoom (the transform without
        # its translation).
        self._picture: QPixmap | None = None
        self._picture_rect = QRectF()
        self._picture_zoom: tuple[float, ...] = ()
        self._lit: set[EdgeItem] = set()
        # Left out of the picture, being highlighted when it was drawn, and drawn live: the
        # lines of the selected nodes, which are the ones an edit moves next.
        self._left_out: set[EdgeItem] = set()

    def invalidate(self) -> None:
        """Any edge may have moved or changed its look: the picture is drawn anew."""
        self._picture = None
        if self.isVisible():
            self.update()

    def invalidate_edge(self, edge: EdgeItem) -> None:
        """``edge`` is about to move or change its look, or just did: the picture is drawn
        anew, unless the edge was left out of it, and the view repaints where the edge is
        (called before and after a move)."""
        if edge not in self._left_out:
            self._picture = None
        if self.isVisible():
            self.update(edge.boundingRect())

    def light(self, edge: EdgeItem) -> None:
        """``edge`` was highlighted or let go: drawn live on top, or no longer."""
        if edge.lit:
            self._lit.add(edge)
        else:
            self._lit.discard(edge)
        if self.isVisible():
            self.update(edge.boundingRect())

    def release(self) -> None:
        """Let go of the picture (zoomed in, the edges draw themselves)."""
        self._picture = None

    def boundingRect(self) -> QRectF:
        # Everywhere: the scene's rect is set from its nodes (MapScene.fit_scene_rect), so this
        # does not stretch the scroll bars.
        return EVERYWHERE

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        transform = painter.worldTransform()
        if widget is not None and transform.isInvertible():
            self._paint_picture(painter, transform, widget)
        else:  # rendered for an image or print: no picture to keep, every edge as it is
            _draw(painter, self.map_scene.edge_items.values(), lit=None)
            return
        edges = self.map_scene.edge_items
        self._lit = {edge for edge in self._lit if edges.get(edge.edge_id) is edge}  # not deleted
        # Left out of the picture and let go since: plain, until the picture is drawn again.
        plain = [e for e in self._left_out if not e.lit and edges.get(e.edge_id) is e]
        _draw(painter, plain, lit=False)
        _draw(painter, self._lit, lit=True)

    def _paint_picture(self, painter: QPainter, transform: QTransform, widget: QWidget) -> None:
        zoom = (
            transform.m11(),
            transform.m12(),
            transform.m21(),
            transform.m22(),
            widget.devicePixelRatioF(),
        )
        in_view = transform.inverted()[0].mapRect(QRectF(widget.rect()))
        if self._picture is not None and self.map_scene.zoom_in_motion:
            # Zooming by wheel: the last picture, stretched, until the wheel rests.
            target = transform.mapRect(self._picture_rect)
            painter.save()
            painter.setWorldTransform(QTransform())
            painter.drawPixmap(target, self._picture, QRectF(self._picture.rect()))
            painter.restore()
            return
        if (
            self._picture is None
            or zoom != self._picture_zoom
            or not self._picture_rect.contains(in_view)
        ):
            self._draw_picture(transform, in_view, zoom)
        assert self._picture is not None
        corner = transform.map(self._picture_rect.topLeft())
        painter.save()
        painter.setWorldTransform(QTransform())
        painter.drawPixmap(QPoint(round(corner.x()), round(corner.y())), self._picture)
        painter.restore()

    def _draw_picture(
        self, transform: QTransform, in_view: QRectF, zoom: tuple[float, ...]
    ) -> None:
        # What is in view and, so that a short pan needs no new picture, the map a quarter of a
        # view around it.
        margin_x, margin_y = in_view.width() / 4, in_view.height() / 4
        around = in_view.adjusted(-margin_x, -margin_y, margin_x, margin_y)
        self._picture_rect = in_view.united(around.intersected(self.map_scene.sceneRect()))
        self._picture_zoom = zoom
        ratio = zoom[-1]
        size = transform.mapRect(self._picture_rect).toAlignedRect().size()
        picture = QPixmap(size * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing)
        corner = transform.map(self._picture_rect.topLeft())
        painter.setWorldTransform(
            transform * QTransform.fromTranslate(-round(corner.x()), -round(corner.y()))
        )
        # Without the highlighted ones, drawn over it live: moving a selected node then needs
        # no new picture. The rest plain.
        self._left_out = set(self._lit)
        edges = self.map_scene.edge_items.values()
        _draw(painter, [edge for edge in edges if edge not in self._left_out], lit=False)
        painter.end()
        self._picture = picture


def _draw(painter: QPainter, items: Iterable[EdgeItem], lit: bool | None) -> None:
    """Straight edges grouped by pen, one ``drawLines`` call a group, then the curved ones and
    the arrowheads; highlighted or not as ``lit`` says (None: as each one is)."""
    groups: dict[tuple[float, ...], tuple[QPen, list[QLineF]]] = {}
    curves: list[tuple[tuple[float, ...], QPen, QPainterPath]] = []
    arrows: list[tuple[tuple[float, ...], QColor, QPolygonF]] = []
    for item in items:
        if not item.isVisible() or item.opacity() == 0.0:  # hidden, or being dragged
            continue
        signature, pen = item.look(item.lit if lit is None else lit)
        if (line := item.straight_line) is not None:
            groups.setdefault(signature, (pen, []))[1].append(line)
        else:
            curves.append((signature, pen, item.curve))
        if (arrow := item.arrow_head) is not None:
            arrows.append((signature, pen.color(), arrow))
    # Sorted by signature, whose first part is the item's z: crossings end up on top.
    for key in sorted(groups):
        pen, lines = groups[key]
        painter.setPen(pen)
        painter.drawLines(lines)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for _, pen, path in sorted(curves, key=lambda curve: curve[0]):
        painter.setPen(pen)
        painter.drawPath(path)
    for _, colour, arrow in sorted(arrows, key=lambda arrow: arrow[0]):
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(colour)
        painter.drawPolygon(arrow)

"""All edges drawn by one item from a picture kept between frames, when the map is zoomed out.

Zoomed out, a dense map shows thousands of short edges at once; painting each through its own
item costs two thirds of a frame in per-item overhead, and even batched, antialiased lines cost
about 100 ms a frame on 6,700 edges. The edge items then stop painting (they still take clicks
and selection) and this layer draws them into a picture once per zoom, grouped by pen, one
``drawLines`` call per group. An edit redraws only the part of the picture its edges cover;
every other repaint (a selection, a label, a node moving) just copies the picture.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commapper.ui.canvas.edge_item import EdgeItem

if TYPE_CHECKING:
    from commapper.ui.canvas.scene import MapScene

EVERYWHERE = QRectF(-1e7, -1e7, 2e7, 2e7)
# More changed areas than this are merged into the one rectangle around them all.
MAX_DIRTY_AREAS = 48


class EdgeLayer(QGraphicsItem):
    """Draws every edge of the scene while ``scene.batched_edges`` is on."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self.map_scene = scene
        self.setZValue(-1)
        self.setVisible(False)
        # The picture: what it covers in the scene, at which zoom (the transform without its
        # translation), and the scene areas whose edges changed since it was drawn.
        self._picture: QPixmap | None = None
        self._picture_rect = QRectF()
        self._picture_zoom: tuple[float, ...] = ()
        self._stale_areas: list[QRectF] = []

    def invalidate(self, area: QRectF | None = None) -> None:
        """Edges in ``area`` (a scene rectangle; None: anywhere) moved or changed their look."""
        if area is None:
            self._picture = None
        elif self._picture is not None and area.intersects(self._picture_rect):
            self._stale_areas.append(area)
            if len(self._stale_areas) > MAX_DIRTY_AREAS:
                merged = QRectF()
                for stale in self._stale_areas:
                    merged = merged.united(stale)
                self._stale_areas = [merged]
        if self.isVisible():
            self.update(EVERYWHERE if area is None else area)

    def boundingRect(self) -> QRectF:
        # Everywhere: the scene's rect is set from its nodes (MapScene.fit_scene_rect), so this
        # does not stretch the scroll bars.
        return EVERYWHERE

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        transform = painter.worldTransform()
        if widget is None or not transform.isInvertible():  # rendered for an image or print
            self._draw_all(painter)
            return
        zoom = (transform.m11(), transform.m12(), transform.m21(), transform.m22())
        zoom += (widget.devicePixelRatioF(),)
        in_view = transform.inverted()[0].mapRect(QRectF(widget.rect()))
        if (
            self._picture is None
            or zoom != self._picture_zoom
            or not self._picture_rect.contains(in_view)
        ):
            self._draw_picture(transform, in_view, zoom)
        elif self._stale_areas:
            self._redraw_stale_areas(transform)
        assert self._picture is not None
        corner = transform.map(self._picture_rect.topLeft())
        painter.save()
        painter.setWorldTransform(QTransform())
        painter.drawPixmap(QPoint(round(corner.x()), round(corner.y())), self._picture)
        painter.restore()

    # -- the picture -----------------------------------------------------------------------------

    def _draw_picture(
        self, transform: QTransform, in_view: QRectF, zoom: tuple[float, ...]
    ) -> None:
        # What is in view and, so that a short pan needs no new picture, the map a quarter of a
        # view around it.
        margin_x, margin_y = in_view.width() / 4, in_view.height() / 4
        around = in_view.adjusted(-margin_x, -margin_y, margin_x, margin_y)
        self._picture_rect = in_view.united(around.intersected(self.map_scene.sceneRect()))
        self._picture_zoom = zoom
        self._stale_areas = []
        picture, painter = self._begin(transform)
        self._draw_all(painter)
        painter.end()
        self._picture = picture

    def _redraw_stale_areas(self, transform: QTransform) -> None:
        assert self._picture is not None
        to_picture = self._picture_transform(transform)
        to_scene = to_picture.inverted()[0]
        painter = QPainter(self._picture)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing)
        for area in self._stale_areas:
            # Whole pixels: a clip through the middle of one would leave a seam.
            pixels = to_picture.mapRect(area).toAlignedRect()
            painter.setWorldTransform(QTransform())
            painter.setClipRect(pixels)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
            painter.fillRect(pixels, Qt.GlobalColor.transparent)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            painter.setWorldTransform(to_picture)
            self._draw_edges_in(painter, to_scene.mapRect(QRectF(pixels)))
        painter.end()
        self._stale_areas = []

    def _begin(self, transform: QTransform) -> tuple[QPixmap, QPainter]:
        ratio = self._picture_zoom[-1]
        size = transform.mapRect(self._picture_rect).toAlignedRect().size()
        picture = QPixmap(size * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing)
        painter.setWorldTransform(self._picture_transform(transform))
        return picture, painter

    def _picture_transform(self, transform: QTransform) -> QTransform:
        """Scene to picture: the view's transform, moved so the picture's corner is (0, 0)."""
        corner = transform.map(self._picture_rect.topLeft())
        return transform * QTransform.fromTranslate(-round(corner.x()), -round(corner.y()))

    # -- drawing ---------------------------------------------------------------------------------

    def _draw_all(self, painter: QPainter) -> None:
        self._draw(painter, self.map_scene.edge_items.values())

    def _draw_edges_in(self, painter: QPainter, area: QRectF) -> None:
        """The edges that reach into ``area``, found through the scene's index."""
        found = self.map_scene.items(area, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        self._draw(painter, [item for item in found if isinstance(item, EdgeItem)])

    @staticmethod
    def _draw(painter: QPainter, items: Iterable[EdgeItem]) -> None:
        """Straight edges grouped by pen, one ``drawLines`` call a group, then the curved ones
        and the arrowheads; in the same order for the whole picture and for a part of it."""
        groups: dict[tuple[float, ...], tuple[QPen, list[QLineF]]] = {}
        curves: list[tuple[tuple[float, ...], QPen, QPainterPath]] = []
        arrows: list[tuple[tuple[float, ...], QColor, QPolygonF]] = []
        for item in items:
            if not item.isVisible() or item.opacity() == 0.0:  # hidden, or being dragged
                continue
            pen = item.pen()
            if (line := item.straight_line) is not None:
                groups.setdefault(item.pen_signature, (pen, []))[1].append(line)
            else:
                curves.append((item.pen_signature, pen, item.curve))
            if (arrow := item.arrow_head) is not None:
                arrows.append((item.pen_signature, pen.color(), arrow))
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

"""Every edge of the map drawn by one item, from a picture kept between frames.

A dense map shows thousands of edges at once. Painting each through its own item cost two
thirds of a frame in per-item overhead, and a room map's 33,000 edge items took 105 MiB and
0.8 s to build. Edges are plain objects (:class:`EdgeItem`); this layer draws them into a
picture of what is in view and a little around it, grouped by pen, one ``drawLines`` call per
group, anew only after the zoom changed, the view left the picture, or an edge moved, came,
went or changed its look. Every other repaint (a label, a node's disc, the analysis arriving)
just copies the picture.

Highlighted edges, those of the selected nodes, are drawn live over the picture: selecting a
node costs no new picture (its lines are drawn over their plain selves, wider), and nor does
moving a selected node once the picture was drawn without its lines.

A new picture is drawn in slices of at most :data:`SLICE_SECONDS`, between events: on a
10,000-node map it takes 0.5-1 s, which would freeze the window. Until it is done the last one
shows (stretched after a zoom), with the edges that changed since drawn live over it; their old
selves stay in it until then. Small maps finish in the first slice, at once.

Redrawing only the part of the picture an edit touched was tried twice and dropped. Room maps
are dense and their edges long: nearly every edge ends at a community hundreds of others end
at too. Clearing the rectangles around a moved person's edges meant drawing most of the map's
edges again. Clearing only 32-pixel cells along them still took in a fifth of the picture of
the 2,000-node map: 25,000-40,000 pieces of lines, 100-400 ms, more than drawing anew.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPoint, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commapper.ui.canvas.edge_item import clip_line

if TYPE_CHECKING:
    from commapper.ui.canvas.edge_item import EdgeItem
    from commapper.ui.canvas.scene import MapScene

EVERYWHERE = QRectF(-1e7, -1e7, 2e7, 2e7)
# The longest a slice of drawing a new picture takes before the window answers events again.
SLICE_SECONDS = 0.025
# Edges grouped, or lines drawn, between looks at the clock.
STEP = 500


class Picture:
    """A picture of the edges: the pixels, what they cover in the scene, at which zoom (the
    view's transform without its translation)."""

    def __init__(self, rect: QRectF, zoom: tuple[float, ...], transform: QTransform) -> None:
        self.rect = rect
        self.zoom = zoom
        ratio = zoom[-1]
        size = transform.mapRect(rect).toAlignedRect().size()
        self.pixels = QPixmap(size * ratio)
        self.pixels.setDevicePixelRatio(ratio)
        self.pixels.fill(Qt.GlobalColor.transparent)
        corner = transform.map(rect.topLeft())
        self.transform = transform * QTransform.fromTranslate(
            -round(corner.x()), -round(corner.y())
        )


class EdgeLayer(QGraphicsItem):
    """Draws every edge of the scene."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self.map_scene = scene
        self.setZValue(-1)
        self._picture: Picture | None = None  # the one shown
        self._stale = True  # edges changed, or the view moved, since it was begun
        # Being drawn, in slices, and the edges changed since it was begun.
        self._next: Picture | None = None
        self._drawing: Generator[None, None, None] | None = None
        self._painter: QPainter | None = None
        self._changed_since_next: set[EdgeItem] = set()
        # Edges that moved or changed since the shown picture was begun: drawn live over it.
        self._changed: set[EdgeItem] = set()
        self._lit: set[EdgeItem] = set()
        # Left out of the shown picture, being highlighted when it was begun, and drawn live:
        # the lines of the selected nodes, which are the ones an edit moves next.
        self._left_out: set[EdgeItem] = set()
        self._left_out_of_next: set[EdgeItem] = set()
        # While nodes are dragged: only their edges are drawn, live (see MapView).
        self.only: list[EdgeItem] | None = None
        # The view as last painted: its transform, what it showed of the scene, its zoom.
        self._last_view: tuple[QTransform, QRectF, tuple[float, ...]] | None = None
        self._slices = QTimer(scene)  # goes with the scene
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._draw_a_slice)

    # -- what changed ----------------------------------------------------------------------------

    def invalidate(self) -> None:
        """Any edge may have moved or changed its look: the picture is drawn anew (the last one
        shows until then)."""
        self._stale = True
        self.update()

    def invalidate_edge(self, edge: EdgeItem) -> None:
        """``edge`` is about to move or change its look, or just did: drawn live until a new
        picture has it, unless it was left out of the picture; the view repaints where the edge
        is (called before and after a move)."""
        if edge not in self._left_out:
            self._changed.add(edge)
            self._stale = True
        if self._drawing is not None and edge not in self._left_out_of_next:
            self._changed_since_next.add(edge)
            self._stale = True
        self.update(edge.bounds)

    def light(self, edge: EdgeItem) -> None:
        """``edge`` was highlighted or let go: drawn live on top, or no longer."""
        if edge.lit:
            self._lit.add(edge)
        else:
            self._lit.discard(edge)
        self.update(edge.bounds)

    @property
    def settled(self) -> bool:
        """Whether the picture shown is up to date (no new one waiting or being drawn)."""
        return not self._stale and self._drawing is None

    def finish_now(self) -> None:
        """Draw the picture due, if one is, at once rather than in slices (before the view
        photographs itself, and in tests)."""
        if self._drawing is None and self._stale and self._last_view is not None:
            self._begin(*self._last_view)
        if self._drawing is not None:
            self._run_slice(deadline=None)
        self.update()

    # -- painting --------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        # Everywhere: the scene's rect is set from its nodes (MapScene.fit_scene_rect), so this
        # does not stretch the scroll bars.
        return EVERYWHERE

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        edges = self.map_scene.edge_items
        transform = painter.worldTransform()
        if widget is None or not transform.isInvertible():
            # Rendered for an image or print: no picture to keep, every edge as it is.
            _draw_all(painter, edges.values(), lit=None)
            return
        if self.only is not None:
            _draw_all(painter, self.only, lit=None)
            return
        self._paint_picture(painter, transform, widget)
        self._lit = {edge for edge in self._lit if edge.attached}
        # Changed since the picture was begun, or left out of it and let go since: plain, until
        # the next picture has them.
        live = {e for e in self._changed | self._left_out if e.attached and not e.lit}
        _draw_all(painter, live, lit=False)
        _draw_all(painter, self._lit, lit=True)

    def _paint_picture(self, painter: QPainter, transform: QTransform, widget: QWidget) -> None:
        zoom = (
            transform.m11(),
            transform.m12(),
            transform.m21(),
            transform.m22(),
            widget.devicePixelRatioF(),
        )
        in_view = transform.inverted()[0].mapRect(QRectF(widget.rect()))
        self._last_view = (transform, in_view, zoom)
        picture = self._picture
        fits = picture is not None and picture.zoom == zoom and picture.rect.contains(in_view)
        # One picture at a time; zooming by the wheel waits for the wheel to rest.
        waits = self._drawing is not None or (picture is not None and self.map_scene.zoom_in_motion)
        if (self._stale or not fits) and not waits:
            self._begin(transform, in_view, zoom)
            picture = self._picture
        if picture is None:
            return
        painter.save()
        painter.setWorldTransform(QTransform())
        if picture.zoom == zoom:
            corner = transform.map(picture.rect.topLeft())
            painter.drawPixmap(QPoint(round(corner.x()), round(corner.y())), picture.pixels)
        else:  # the last picture, stretched, until the new one is drawn
            target = transform.mapRect(picture.rect)
            painter.drawPixmap(target, picture.pixels, QRectF(picture.pixels.rect()))
        painter.restore()

    # -- drawing a new picture in slices ---------------------------------------------------------

    def _begin(self, transform: QTransform, in_view: QRectF, zoom: tuple[float, ...]) -> None:
        """Begin a picture of the edges for this view, and draw its first slice: all of it on a
        small map."""
        # What is in view and, so that a short pan needs no new picture, the map a quarter of a
        # view around it.
        margin_x, margin_y = in_view.width() / 4, in_view.height() / 4
        around = in_view.adjusted(-margin_x, -margin_y, margin_x, margin_y)
        rect = in_view.united(around.intersected(self.map_scene.sceneRect()))
        self._next = Picture(rect, zoom, transform)
        self._stale = False
        # Without the highlighted ones, drawn over it live: moving a selected node then needs
        # no new picture. The rest plain.
        self._left_out_of_next = set(self._lit)
        self._changed_since_next = set()
        edges = [e for e in self.map_scene.edge_items.values() if e not in self._left_out_of_next]
        self._drawing = _drawing(self, edges, rect)
        self._run_slice(deadline=time.perf_counter() + SLICE_SECONDS)
        if self._drawing is not None:
            self._slices.start()

    def _draw_a_slice(self) -> None:
        if self._run_slice(deadline=time.perf_counter() + SLICE_SECONDS):
            self.update()  # the new picture, and what changed while it was drawn

    def _run_slice(self, deadline: float | None) -> bool:
        """Draw until ``deadline`` (None: to the end); whether the picture is done."""
        picture, drawing = self._next, self._drawing
        if picture is None or drawing is None:
            self._slices.stop()
            return False
        painter = self._painter = QPainter(picture.pixels)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing)
        painter.setWorldTransform(picture.transform)
        try:
            next(drawing)  # a step at least, however short the slice
            while deadline is None or time.perf_counter() < deadline:
                next(drawing)
        except StopIteration:
            self._slices.stop()
            self._drawing = self._next = None
            self._picture = picture
            self._left_out = self._left_out_of_next
            self._changed = self._changed_since_next
            self._changed_since_next = set()
            return True
        finally:
            painter.end()
            self._painter = None
        return False

    @property
    def painter(self) -> QPainter:
        """The painter of the slice being drawn."""
        assert self._painter is not None
        return self._painter


def _drawing(layer: EdgeLayer, items: list[EdgeItem], rect: QRectF) -> Generator[None, None, None]:
    """Draw ``items`` plain into the layer's next picture, which covers ``rect`` of the scene,
    pausing every :data:`STEP` edges or lines."""
    groups, curves, arrows = yield from _grouped(items, lit=False, within=rect)
    # Sorted by signature, whose first part is the item's z: crossings end up on top.
    for key in sorted(groups):
        pen, lines = groups[key]
        for start in range(0, len(lines), STEP):
            layer.painter.setPen(pen)
            layer.painter.drawLines(lines[start : start + STEP])
            yield
    yield
    _draw_curves_and_arrows(layer.painter, curves, arrows)


Groups = dict[tuple[float, ...], tuple[QPen, list[QLineF]]]
Curves = list[tuple[tuple[float, ...], QPen, QPainterPath]]
Arrows = list[tuple[tuple[float, ...], QColor, QPolygonF]]


def _grouped(
    items: Iterable[EdgeItem], lit: bool | None, within: QRectF | None = None
) -> Generator[None, None, tuple[Groups, Curves, Arrows]]:
    """Straight edges grouped by pen, then the curved ones and the arrowheads; highlighted or
    not as ``lit`` says (None: as each one is). Only those shown, and crossing ``within``;
    lines long against it are cut to it (Qt strokes the whole of a wide antialiased line)."""
    groups: Groups = {}
    curves: Curves = []
    arrows: Arrows = []
    long_side = max(within.width(), within.height()) if within is not None else 0.0
    for count, item in enumerate(items, 1):
        if not count % STEP:
            yield
        if not item.visible or (within is not None and not within.intersects(item.bounds)):
            continue
        signature, pen = item.look(item.lit if lit is None else lit)
        if (line := item.straight_line) is not None:
            if within is not None and line.length() > long_side:
                line = clip_line(line, within)
                if line is None:
                    continue
            groups.setdefault(signature, (pen, []))[1].append(line)
        else:
            curves.append((signature, pen, item.curve))
        if (arrow := item.arrow_head) is not None:
            arrows.append((signature, pen.color(), arrow))
    return groups, curves, arrows


def _draw_all(painter: QPainter, items: Iterable[EdgeItem], lit: bool | None) -> None:
    """Draw ``items`` at once: straight edges grouped by pen, one ``drawLines`` call a group,
    then the curved ones and the arrowheads."""
    steps = _grouped(items, lit)
    try:
        while True:
            next(steps)
    except StopIteration as done:
        groups, curves, arrows = done.value
    for key in sorted(groups):
        pen, lines = groups[key]
        painter.setPen(pen)
        painter.drawLines(lines)
    _draw_curves_and_arrows(painter, curves, arrows)


def _draw_curves_and_arrows(painter: QPainter, curves: Curves, arrows: Arrows) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for _, pen, path in sorted(curves, key=lambda curve: curve[0]):
        painter.setPen(pen)
        painter.drawPath(path)
    for _, colour, arrow in sorted(arrows, key=lambda arrow: arrow[0]):
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(colour)
        painter.drawPolygon(arrow)

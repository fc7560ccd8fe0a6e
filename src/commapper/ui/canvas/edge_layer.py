"""Every edge of the map drawn by one item, from a picture kept between frames (see
:mod:`picture_layer`).

Edges are plain objects (:class:`EdgeItem`), grouped by pen into one ``drawLines`` call per
group. As a Qt item each, a room map's 33,000 edges took 105 MiB and 0.8 s to build.

Highlighted edges, those of the selected nodes, are drawn live over the picture: selecting a
node costs no new picture (its lines are drawn over their plain selves, wider), and nor does
moving a selected node once the picture was drawn without its lines. When more than
:data:`LIVE_LIMIT` are (a rubber band over a room map), the picture has them, highlighted:
drawing 11,000 live took 90 ms a frame.

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

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from commapper.ui.canvas.edge_item import clip_line
from commapper.ui.canvas.picture_layer import LIVE_LIMIT, Drawing, PictureLayer

if TYPE_CHECKING:
    from commapper.ui.canvas.edge_item import EdgeItem
    from commapper.ui.canvas.scene import MapScene

# Edges grouped, or lines drawn at first, between looks at the clock.
STEP = 500
LINES_SECONDS = 0.003  # about the time one call drawing lines into a picture takes


class EdgeLayer(PictureLayer["EdgeItem"]):
    """Draws every edge of the scene."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self.setZValue(-1)
        self._lit: set[EdgeItem] = set()
        # Drawn highlighted into the picture shown, and into the next (too many to draw live).
        self._lit_in_picture: set[EdgeItem] = set()
        self._lit_in_next: set[EdgeItem] = set()
        # While nodes are dragged: only their edges are drawn, live (see MapView).
        self.only: list[EdgeItem] | None = None

    def invalidate_edge(self, edge: EdgeItem) -> None:
        """``edge`` is about to move or change its look, or just did: drawn live until a new
        picture has it, unless it was left out of the picture (called before and after a
        move)."""
        self.changed(edge, edge.bounds)

    def light(self, edge: EdgeItem) -> None:
        """``edge`` was highlighted or let go: drawn live on top, or no longer."""
        if edge.lit:
            self._lit.add(edge)
            if len(self._lit) > LIVE_LIMIT:
                self._stale = True  # a new picture has them all, highlighted
        else:
            self._lit.discard(edge)
            if edge in self.left_out or edge in self._lit_in_picture:
                # Drawn live over the picture, above lines it should lie under, or highlighted
                # in the picture: a new picture takes it back in its place, plain.
                self._stale = True
        self.update(edge.bounds)

    def left_out_now(self) -> set[EdgeItem]:
        # Without the highlighted ones, drawn over it live: moving a selected node then needs
        # no new picture. Unless there are too many: the picture has them.
        return set(self._lit) if len(self._lit) <= LIVE_LIMIT else set()

    def _lit_live(self) -> set[EdgeItem]:
        """The highlighted edges drawn live: all, unless too many; then those the picture
        lacks."""
        return self._lit if len(self._lit) <= LIVE_LIMIT else self._lit & self.left_out

    def drawing(self, rect: QRectF, left_out: set[EdgeItem]) -> Drawing:
        edges = [e for e in self.map_scene.edge_items.values() if e not in left_out]
        self._lit_in_next = self._lit - left_out
        return _drawing(self, edges, rect)

    def picture_done(self) -> None:
        self._lit_in_picture = self._lit_in_next

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        edges = self.map_scene.edge_items
        if widget is None or not painter.worldTransform().isInvertible():
            # Rendered for an image or print: no picture to keep, every edge as it is.
            _draw_all(painter, edges.values(), lit=None)
            return
        if self.only is not None:
            _draw_all(painter, self.only, lit=None)
            return
        self.paint_picture(painter, widget)
        self._lit = {edge for edge in self._lit if edge.attached}
        if self.picture is None:
            # The first, still being drawn: what changed meanwhile, alone, would be a few
            # hundred stray lines (a room map's lines routed while it opens).
            return
        # Changed since the picture was begun, or left out of it and let go since: plain, until
        # the next picture has them.
        live = [e for e in self.changed_since | self.left_out if e.attached and not e.lit]
        _draw_all(painter, live, lit=False)
        _draw_all(painter, self._lit_live(), lit=True)


def _drawing(layer: EdgeLayer, items: list[EdgeItem], rect: QRectF) -> Drawing:
    """Draw ``items`` as they are into the layer's next picture, which covers ``rect`` of the
    scene, pausing every :data:`STEP` edges, and after each call drawing lines: as many as
    take about :data:`LINES_SECONDS` (500 long wide lines, zoomed in, took 45 ms)."""
    groups, curves, arrows = yield from _grouped(items, lit=None, within=rect)
    chunk = STEP
    # Sorted by signature, whose first part is the item's z: crossings end up on top.
    for key in sorted(groups):
        pen, lines = groups[key]
        start = 0
        while start < len(lines):
            layer.painter.setPen(pen)
            began = time.perf_counter()
            layer.painter.drawLines(lines[start : start + chunk])
            took = time.perf_counter() - began
            start += chunk
            if took > 2 * LINES_SECONDS:
                chunk = max(chunk // 2, 16)
            elif took < LINES_SECONDS / 2:
                chunk = min(chunk * 2, 4 * STEP)
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
        if (
            not item.attached  # removed while a picture was drawn in slices
            or not item.visible
            or (within is not None and not within.intersects(item.bounds))
        ):
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

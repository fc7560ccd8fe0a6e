"""Where each label goes: placed greedily by importance, so that none covers another.

The order is: selected nodes, me, the communities, crossings' labels, boundary objects, people,
then ties' labels; within a kind, the better connected first. Me and the communities are the
landmarks of a map: their labels are never hidden (they move farther out, with a leader line,
when crowded) and no other label covers their discs. Everything else goes to its first free
spot, or is left out until zooming in makes room. On a room map of more than
:data:`ALWAYS_NAMED` communities, they too give way, the better connected first named: a
thousand names piled on one another name none.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commapper.model import EdgeKind, NodeKind
from commapper.ui.canvas.edge_item import clip_line, edge_label_font, edge_label_metrics
from commapper.ui.canvas.items import LEADER_KINDS, MANY_NODES

if TYPE_CHECKING:
    from commapper.ui.canvas.edge_item import EdgeItem
    from commapper.ui.canvas.items import NodeItem
    from commapper.ui.canvas.scene import MapScene

LABEL_PRIORITY = {
    NodeKind.ME: 0,
    NodeKind.COMMUNITY: 1,
    NodeKind.BOUNDARY_OBJECT: 3,
    NodeKind.PERSON: 4,
}
EDGE_LABEL_PRIORITY = {EdgeKind.CROSSING: 2, EdgeKind.TIE: 5}
LABELLED_EDGE_KINDS = frozenset(EDGE_LABEL_PRIORITY)
# Where along an edge its label may sit, the middle first.
EDGE_LABEL_STOPS = (0.5, 0.35, 0.65)
# Communities up to which every one is named, however crowded (a room map has hundreds).
ALWAYS_NAMED = 60
# Labels placed between pauses of placing_labels: 2-10 ms on 2 cores, more on a crowded map
# (the scene runs as many steps as fit in a slice).
STEP_ITEMS = 50
MOST_CELLS = 64  # a line spanning more grid cells is not kept off (see _Lines)
NEAR_SPOTS = 4  # below, above, right and left of the node: the spots without a leader line
# A landmark's label avoids crossing its own lines, unless it has more than this many.
OWN_EDGES_CHECKED = 40


@dataclass(frozen=True)
class EdgeLabelSpot:
    """An edge's label in the scene: the point it is drawn from, the angle it is turned by, where
    its left side and its top are from that point (along and across the turned line) and its
    outline."""

    centre: QPointF
    angle: float
    left: float
    top: float
    outline: QPolygonF


@dataclass
class LabelPlacement:
    """The outcome of one pass: which label sits where, and which are left out."""

    node_spots: dict[str, int] = field(default_factory=dict)
    crowded: set[str] = field(default_factory=set)
    edge_spots: dict[str, EdgeLabelSpot] = field(default_factory=dict)


class _Taken:
    """The rectangles and outlines already taken, in a grid of cells for near-linear lookups."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.grid: dict[tuple[int, int], list[tuple[QRectF, QPolygonF | None]]] = defaultdict(list)

    def _cells(self, rect: QRectF) -> Iterator[tuple[int, int]]:
        return _cells(rect, self.cell)

    def is_free(self, rect: QRectF, outline: QPolygonF | None = None) -> bool:
        """Whether ``rect`` (or the tilted ``outline`` in it) covers nothing taken."""
        return next(self._covered(rect, outline), None) is None

    def count_covered(self, rect: QRectF) -> int:
        """How many taken shapes ``rect`` would cover (slower: for the last resort only)."""
        return len({id(other) for other in self._covered(rect, None)})

    def _covered(self, rect: QRectF, outline: QPolygonF | None) -> Iterator[QRectF]:
        for key in self._cells(rect):
            for other, other_outline in self.grid.get(key, ()):
                if not other.intersects(rect):
                    continue
                if outline is not None or other_outline is not None:
                    mine = outline if outline is not None else QPolygonF(rect)
                    theirs = other_outline if other_outline is not None else QPolygonF(other)
                    if not mine.intersects(theirs):
                        continue
                yield other

    def take(self, rect: QRectF, outline: QPolygonF | None = None) -> None:
        for key in self._cells(rect):
            self.grid[key].append((rect, outline))


class _Lines:
    """The lines of a map in a grid of cells, for a label to keep off them: a line running
    under a label seems to end at that label's node."""

    def __init__(self, scene: MapScene, cell: float) -> None:
        self.cell = cell
        self.grid: dict[tuple[int, int], list[QLineF]] = defaultdict(list)
        for item in scene.edge_items.values():
            if not item.visible:
                continue
            if item.straight_line is None:  # a bent line, in four straight pieces
                curve = item.curve
                points = [curve.pointAtPercent(t / 4) for t in range(5)]
            else:
                points = [item.source.pos(), item.target.pos()]
            for start, end in itertools.pairwise(points):
                bounds = QRectF(start, end).normalized()
                # Lines across the whole map (or out to the far coordinates a file may hold)
                # would fill every cell: labels give up on keeping off those.
                if not _few_cells(bounds, cell):
                    continue
                line = QLineF(start, end)
                for key in _cells(bounds, cell):
                    self.grid[key].append(line)

    def cross(self, rect: QRectF) -> bool:
        return any(
            clip_line(line, rect) is not None
            for key in _cells(rect, self.cell)
            for line in self.grid.get(key, ())
        )


def _few_cells(rect: QRectF, cell: float) -> bool:
    """Whether ``rect`` is finite and spans at most :data:`MOST_CELLS` cells."""
    width, height = rect.width() / cell, rect.height() / cell
    return math.isfinite(width + height) and (width + 1) * (height + 1) <= MOST_CELLS


def _cells(rect: QRectF, cell: float) -> Iterator[tuple[int, int]]:
    for column in range(int(rect.left() // cell), int(rect.right() // cell) + 1):
        for row in range(int(rect.top() // cell), int(rect.bottom() // cell) + 1):
            yield column, row


def place_labels(scene: MapScene, selected: Iterable[str]) -> LabelPlacement:
    """Choose a spot for every label of ``scene`` at its current label scale."""
    steps = placing_labels(scene, selected)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            placement: LabelPlacement = done.value
            return placement


def placing_labels(
    scene: MapScene, selected: Iterable[str]
) -> Generator[None, None, LabelPlacement]:
    """:func:`place_labels` in steps: it pauses every :data:`STEP_ITEMS` labels, so that a large
    map's pass can run in slices between events; the placement is what it returns."""
    selected = set(selected)
    placement = LabelPlacement()
    taken = _Taken(160.0 * scene.label_scale)
    nodes = sorted(
        (item for item in scene.node_items.values() if item.isVisible()),
        key=lambda item: (
            item.node_id not in selected,
            LABEL_PRIORITY[item.kind],
            -len(item.edges),
            item.node_id,
        ),
    )
    yield  # the first pauses come between the steps of getting ready (60-90 ms on 10,000)
    many = len(scene.node_items) > MANY_NODES
    always_named = sum(item.kind in LEADER_KINDS for item in nodes) <= scene.always_named
    # On a small map every label keeps off every line it can; on a large one only me and the
    # communities keep off their own (all lines would cost too much, for labels mostly hidden).
    lines = None if many else _Lines(scene, taken.cell)
    chosen = sum(item.node_id in selected for item in nodes)  # they come first
    for item in nodes[:chosen]:
        _place_node_label(item, taken, placement, many, lines, always_named=True)
    yield
    for item in nodes:  # selected ones too: only their own label may cover their disc
        if item.kind in LEADER_KINDS:
            taken.take(_disc(item))
    yield
    edges = sorted(
        (
            item
            for item in scene.edge_items.values()
            if item.kind in LABELLED_EDGE_KINDS
            and item.kind not in scene.hidden_edge_labels
            and item.visible
        ),
        key=lambda item: (EDGE_LABEL_PRIORITY[item.kind], item.edge_id),
    )
    yield
    next_edge = 0
    for count, item in enumerate(nodes[chosen:], 1):
        if not count % STEP_ITEMS:
            yield
        priority = LABEL_PRIORITY[item.kind]
        while next_edge < len(edges) and EDGE_LABEL_PRIORITY[edges[next_edge].kind] < priority:
            _place_edge_label(edges[next_edge], taken, placement)
            next_edge += 1
        _place_node_label(item, taken, placement, many, lines, always_named)
    for count, edge in enumerate(edges[next_edge:], 1):
        if not count % STEP_ITEMS:
            yield
        _place_edge_label(edge, taken, placement)
    return placement


def _disc(item: NodeItem) -> QRectF:
    r, centre = item.radius, item.pos()
    return QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)


def _place_node_label(
    item: NodeItem,
    taken: _Taken,
    placement: LabelPlacement,
    many: bool,
    lines: _Lines | None,
    always_named: bool,
) -> None:
    # On a large map most people's labels are crowded out anyway, and landmarks moved far out
    # would only cover other landmarks: trying every spot would make this pass (which follows
    # every edit) several times slower for little.
    if not many:
        spots = item.label_spots()
    elif item.kind == NodeKind.PERSON:
        spots = item.label_spots(1)
    else:
        spots = item.label_spots(NEAR_SPOTS)
    if not spots or spots[0].isEmpty():
        return
    # Me always; the communities unless they are a room map's hundreds.
    landmark = item.kind in LEADER_KINDS and (always_named or item.kind == NodeKind.ME)
    at = item.pos()
    spots = [rect.translated(at) for rect in spots]
    own_lines = _own_lines(item) if landmark and lines is None else []

    def crossed(rect: QRectF) -> bool:
        if lines is not None:
            return lines.cross(rect)
        return any(clip_line(line, rect) for line in own_lines)

    first_free = None
    for index, rect in enumerate(spots):
        if not taken.is_free(rect):
            continue
        if not crossed(rect):
            spot = index
            break
        if first_free is None:
            first_free = index
    else:
        if first_free is not None:
            spot = first_free
        elif landmark and many:
            # Never hidden: where it usually is. Not marked taken: it covers others already, and
            # piling it into the grid would make each later look-up slower (quadratic on a
            # room map of thousands of communities, zoomed out).
            placement.node_spots[item.node_id] = 0
            return
        elif landmark:
            # Never hidden: where it covers the fewest labels already placed.
            spot = min(range(len(spots)), key=lambda i: (taken.count_covered(spots[i]), i))
        else:
            placement.crowded.add(item.node_id)
            return
    placement.node_spots[item.node_id] = spot
    taken.take(spots[spot])


def _own_lines(item: NodeItem) -> list[QLineF]:
    """The node's edges as straight lines, for a landmark label to keep clear of."""
    if len(item.edges) > OWN_EDGES_CHECKED:
        return []
    return [QLineF(edge.source.pos(), edge.target.pos()) for edge in item.edges]


def _place_edge_label(edge: EdgeItem, taken: _Taken, placement: LabelPlacement) -> None:
    size = edge.label_size()
    if size.isEmpty() or not edge.visible:
        return
    curve = edge.curve
    width, height = size.width(), size.height()
    candidates = []
    if curve.length() >= width + edge.source.radius + edge.target.radius:
        # Along the line, beside it rather than on it so that the line stays seen.
        for stop in EDGE_LABEL_STOPS:
            at = curve.percentAtLength(curve.length() * stop)
            angle = (-curve.angleAtPercent(at) + 90) % 180 - 90  # upright: never upside down
            candidates.append((curve.pointAtPercent(at), angle, -width / 2, -height - 1))
    # Too short to write along, or no room there: level, beside its middle, over or under it
    # and reaching either way from it.
    middle = curve.pointAtPercent(0.5)
    for left in (-width / 2, 4.0, -width - 4):
        candidates += [(middle, 0.0, left, -height - 1), (middle, 0.0, left, 1.0)]
    for centre, angle, left, top in candidates:
        turn = QTransform().translate(centre.x(), centre.y()).rotate(angle)
        outline = turn.map(QPolygonF(QRectF(left, top, width, height)))
        bounds = outline.boundingRect()
        if taken.is_free(bounds, outline):
            taken.take(bounds, outline)
            spot = EdgeLabelSpot(centre, angle, left, top, outline)
            placement.edge_spots[edge.edge_id] = spot
            return


class EdgeLabelLayer(QGraphicsItem):
    """Draws the labels of crossings and ties where the last placement put them."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self.map_scene = scene
        self.setZValue(1.5)  # over the lines, under the nodes
        self.spots: dict[str, EdgeLabelSpot] = {}
        self._bounds = QRectF()

    def set_spots(self, spots: dict[str, EdgeLabelSpot]) -> None:
        if spots.keys() == self.spots.keys() and all(
            spots[key].outline == self.spots[key].outline for key in spots
        ):
            return
        self.prepareGeometryChange()
        self.spots = spots
        bounds = QRectF()
        for spot in spots.values():
            bounds = bounds.united(spot.outline.boundingRect())
        self._bounds = bounds

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self.map_scene
        colours = scene.colours
        exposed = option.exposedRect
        metrics = edge_label_metrics()
        painter.setFont(edge_label_font())
        for edge_id, spot in self.spots.items():
            edge = scene.edge_items.get(edge_id)
            if edge is None or not spot.outline.boundingRect().intersects(exposed):
                continue
            colour = QColor(colours.crossing if edge.kind == EdgeKind.CROSSING else colours.text)
            if edge.dimmed:
                colour.setAlphaF(0.25)
            width = metrics.horizontalAdvance(edge.label_text)
            painter.save()
            painter.translate(spot.centre)
            painter.rotate(spot.angle)
            painter.scale(scene.label_scale, scene.label_scale)
            left, top = spot.left / scene.label_scale, spot.top / scene.label_scale
            box = QRectF(left, top, width + 6, metrics.height())
            painter.fillRect(box, colours.text_halo)
            painter.setPen(colour)
            # A plain string: user text is never read as markup.
            painter.drawText(QPointF(left + 3, box.top() + metrics.ascent()), edge.label_text)
            painter.restore()

"""The landscape's guides on the canvas: a faint ring for each level of my participation and a
wedge for each sector, labelled, worked out from where my communities are now.

The guides are read from the positions, not from the layout's plan: after the user drags
communities about, a ring still passes through the communities of its level, and a level none
of my communities has takes no ring.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commapper.analysis.graphs import communities_of
from commapper.model import (
    CommunityNode,
    DocumentChanged,
    Level,
    MapDocument,
    NodeKind,
)
from commapper.ui.canvas.items import MANY_NODES
from commapper.ui.canvas.scene import MapScene
from commapper.ui.canvas.view import MapView
from commapper.ui.commands import EditCommand
from commapper.ui.field_text import vocabulary_word
from commapper.ui.shell.theme import NODE_RADIUS
from commapper.ui.translations import QT_TRANSLATE_NOOP

GUIDES_Z = -10.0  # behind the edges (0) and the edge layer (-1)
# How faint the guides are: the alpha of the text colour their lines and words are drawn in.
RING_ALPHA = 0.24
RAY_ALPHA = 0.15
BAND_ALPHA = 0.035
LABEL_ALPHA = 0.6
# A level whose communities lie farther apart than this (a crowded level spread over several
# rings, or communities dragged off their ring) also shows its band.
BAND_MIN_WIDTH = 2 * NODE_RADIUS[NodeKind.COMMUNITY]
# Wedges mean something while each sector keeps to one or two stretches of the circle; past
# this many stretches the map is not arranged by sector and the rays would only be noise.
MAX_STRETCHES_PER_SECTOR = 2
# Positions beyond this distance from me make rings no screen can show whole; the guides give
# up rather than ask the painter for circles billions of pixels round.
MAX_GUIDE_RADIUS = 1e6
# A community closer to me than this (on top of me) has no direction: rings and wedges leave
# it out.
MIN_DISTANCE = 1.0
# A sector's name sits beyond its wedge's farthest community, clear of that community's label
# (this far past its disc, at label scale 1).
SECTOR_LABEL_GAP = 40.0
LABEL_STEPS = 40  # places tried on each side of a ring's top for its word
NO_SECTOR = QT_TRANSLATE_NOOP("LandscapeGuides", "no sector")

Point = tuple[float, float]


@dataclass(frozen=True)
class Ring:
    """The communities at one level of my participation: their distances from me."""

    level: Level
    radius: float  # the mean distance, where the ring is drawn
    inner: float  # the nearest
    outer: float  # the farthest


@dataclass(frozen=True)
class Wedge:
    """A stretch of the circle around me where the communities are of one sector.

    Angles are in radians as the scene has them (y grows downwards, so they run clockwise),
    ``start < end``; ``end`` may pass 2π.
    """

    sector: str | None  # as typed on the first community of the sector; None: no sector
    start: float
    end: float
    reach: float  # the distance from me of the wedge's farthest community

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


@dataclass(frozen=True)
class LandscapeShape:
    """The rings and wedges of a map, around me at ``centre``."""

    centre: Point
    rings: tuple[Ring, ...]
    wedges: tuple[Wedge, ...]
    reach: float  # the distance from me of the farthest community


def my_levels(doc: MapDocument, ego_id: str) -> dict[str, Level]:
    """My strongest level of membership in each community I belong to, as the analysis has it."""
    return communities_of(doc, ego_id)


def _sector_key(sector: str | None) -> str | None:
    text = (sector or "").strip().casefold()
    return text or None


def landscape_shape(
    doc: MapDocument, levels: dict[str, Level], communities: Iterable[str] | None = None
) -> LandscapeShape | None:
    """The rings and wedges of ``doc`` as its communities now lie around me; None without a me
    (or a me with no position, or a map too far spread to draw rings for).

    ``levels`` are my levels (:func:`my_levels`); ``communities`` the ids of the communities to
    consider (all of them when None), a list the caller can keep between edits.
    """
    ego = doc.ego
    if ego is None or ego.x is None or ego.y is None:
        return None
    cx, cy = ego.x, ego.y
    if communities is None:
        communities = [node.id for node in doc.nodes if isinstance(node, CommunityNode)]
    by_level: dict[Level, list[float]] = {}
    around: list[tuple[float, str | None, str | None, float]] = []  # angle, key, sector, distance
    reach = 0.0
    for community_id in communities:
        node = doc.node(community_id)
        if node.x is None or node.y is None or not isinstance(node, CommunityNode):
            continue
        dx, dy = node.x - cx, node.y - cy
        distance = math.hypot(dx, dy)
        if not math.isfinite(distance) or distance > MAX_GUIDE_RADIUS:
            return None
        if distance < MIN_DISTANCE:
            continue
        reach = max(reach, distance)
        if (level := levels.get(community_id)) is not None:
            by_level.setdefault(level, []).append(distance)
        sector = node.sector.strip() if node.sector and node.sector.strip() else None
        around.append((math.atan2(dy, dx), _sector_key(sector), sector, distance))
    rings = tuple(
        Ring(level, sum(distances) / len(distances), min(distances), max(distances))
        for level in Level
        if (distances := by_level.get(level))
    )
    return LandscapeShape((cx, cy), rings, _wedges(around), reach)


def _wedges(around: list[tuple[float, str | None, str | None, float]]) -> tuple[Wedge, ...]:
    """Wedges of the communities ``(angle, sector key, sector, distance)`` around me: one per
    stretch of one sector, bounded halfway between neighbours of different sectors."""
    around = sorted(around)
    keys = {key for _, key, _, _ in around}
    if len(keys) < 2:
        return ()
    names: dict[str | None, str | None] = {}
    for _, key, sector, _ in around:
        names.setdefault(key, sector)
    # Stretches of neighbours of one sector, the last joined to the first if they match.
    stretches: list[list[tuple[float, float]]] = []  # per stretch: (angle, distance) of each
    stretch_keys: list[str | None] = []
    for angle, key, _, distance in around:
        if stretch_keys and stretch_keys[-1] == key:
            stretches[-1].append((angle, distance))
        else:
            stretches.append([(angle, distance)])
            stretch_keys.append(key)
    if len(stretches) > 1 and stretch_keys[0] == stretch_keys[-1]:
        stretches[0] = [(a - 2 * math.pi, d) for a, d in stretches.pop()] + stretches[0]
        stretch_keys.pop()
    if len(stretches) > MAX_STRETCHES_PER_SECTOR * len(keys):
        return ()
    # The boundary after stretch i: halfway to the first community of the next one.
    count = len(stretches)
    boundaries = []
    for i in range(count):
        last = stretches[i][-1][0]
        first = stretches[(i + 1) % count][0][0]
        gap = (first - last) % (2 * math.pi)
        boundaries.append(last + gap / 2)
    wedges = []
    for i in range(count):
        start = boundaries[i - 1]
        end = start + (boundaries[i] - start) % (2 * math.pi)
        reach = max(distance for _, distance in stretches[i])
        wedges.append(Wedge(names[stretch_keys[i]], start, end, reach))
    return tuple(wedges)


# -- drawing ---------------------------------------------------------------------------------


_FONT: list[QFont] = []


def guide_font() -> QFont:
    """The guides' words: italic, a little smaller than a community's name."""
    if not _FONT:
        font = QFont()
        font.setPointSizeF(9.5)
        font.setItalic(True)
        _FONT.append(font)
    return _FONT[0]


@dataclass(frozen=True)
class GuideLabel:
    """A word of the guides placed on the canvas: centred on ``at``, turned by ``angle``
    degrees, with a dot of ``colour`` before it if one is given."""

    text: str
    at: QPointF
    angle: float
    colour: QColor | None = None

    def box(self, scale: float, size: tuple[float, float] | None = None) -> QRectF:
        """The word's box (with its dot) as drawn at label scale ``scale``, in scene units;
        ``size`` is its :meth:`size` if already known."""
        width, height = size or self.size()
        width, height = width * scale, height * scale
        turn = QTransform().translate(self.at.x(), self.at.y()).rotate(self.angle)
        return turn.mapRect(QRectF(-width / 2, -height / 2, width, height))

    def size(self) -> tuple[float, float]:
        """The box's width and height at label scale 1."""
        metrics = QFontMetricsF(guide_font())
        return (
            metrics.horizontalAdvance(self.text) + self.dot_room(metrics) + 6,
            metrics.height() + 2,
        )

    def dot_room(self, metrics: QFontMetricsF) -> float:
        """The room the dot takes before the word."""
        return metrics.height() if self.colour is not None else 0.0


class GuidesItem(QGraphicsItem):
    """Paints the rings, wedges and their words; never takes the mouse."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__()
        self.map_scene = scene
        self.landscape: LandscapeShape | None = None
        self.labels: list[GuideLabel] = []
        self.label_scale = 1.0
        self._bounds = QRectF()
        self.setZValue(GUIDES_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_landscape(
        self, landscape: LandscapeShape | None, labels: list[GuideLabel], label_scale: float
    ) -> None:
        self.prepareGeometryChange()
        self.landscape, self.labels, self.label_scale = landscape, labels, label_scale
        self._bounds = QRectF()
        if landscape is not None:
            cx, cy = landscape.centre
            r = ray_end(landscape) + 4
            for ring in landscape.rings:
                r = max(r, ring.outer + BAND_MIN_WIDTH / 2 + 4)
            self._bounds = QRectF(cx - r, cy - r, 2 * r, 2 * r)
            for label in labels:
                self._bounds = self._bounds.united(label.box(label_scale))
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # clicks and rubber bands go through to the map

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        landscape = self.landscape
        if landscape is None:
            return
        colours = self.map_scene.colours
        centre = QPointF(*landscape.centre)
        band = QColor(colours.text)
        band.setAlphaF(BAND_ALPHA)
        for ring in landscape.rings:
            if ring.outer - ring.inner >= BAND_MIN_WIDTH:
                path = QPainterPath()
                outer = ring.outer + BAND_MIN_WIDTH / 2
                inner = max(0.0, ring.inner - BAND_MIN_WIDTH / 2)
                path.addEllipse(centre, outer, outer)
                path.addEllipse(centre, inner, inner)
                painter.fillPath(path, band)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._pen(RAY_ALPHA))
        near, far = ray_start(landscape), ray_end(landscape)
        for wedge in landscape.wedges:
            direction = QPointF(math.cos(wedge.start), math.sin(wedge.start))
            painter.drawLine(centre + direction * near, centre + direction * far)
        painter.setPen(self._pen(RING_ALPHA))
        for ring in landscape.rings:
            painter.drawEllipse(centre, ring.radius, ring.radius)
        self._paint_labels(painter)

    def _pen(self, alpha: float) -> QPen:
        colour = QColor(self.map_scene.colours.text)
        colour.setAlphaF(alpha)
        pen = QPen(colour, 1.0)
        pen.setCosmetic(True)  # as thin on screen at any zoom
        return pen

    def _paint_labels(self, painter: QPainter) -> None:
        colours = self.map_scene.colours
        font = guide_font()
        metrics = QFontMetricsF(font)
        text_colour = QColor(colours.text)
        text_colour.setAlphaF(LABEL_ALPHA)
        painter.setFont(font)
        height = metrics.height()
        for label in self.labels:
            dot_room = label.dot_room(metrics)
            width = metrics.horizontalAdvance(label.text) + dot_room
            painter.save()
            painter.translate(label.at)
            painter.rotate(label.angle)
            painter.scale(self.label_scale, self.label_scale)
            # The ring or ray stops for its word.
            halo = QRectF(-width / 2 - 3, -height / 2 - 1, width + 6, height + 2)
            painter.fillRect(halo, colours.text_halo)
            if label.colour is not None:
                painter.setPen(QPen(colours.outline, 0.8))
                painter.setBrush(label.colour)
                painter.drawEllipse(
                    QPointF(-width / 2 + dot_room / 2, 0), height * 0.3, height * 0.3
                )
            painter.setPen(text_colour)
            # drawText with a plain string never reads markup: a sector as typed stays plain.
            painter.drawText(
                QPointF(-width / 2 + dot_room, metrics.ascent() - height / 2), label.text
            )
            painter.restore()


def ray_start(landscape: LandscapeShape) -> float:
    """How far from me the wedges' rays begin: halfway to the first ring, clear of me."""
    nearest = landscape.rings[0].inner if landscape.rings else landscape.reach
    return max(NODE_RADIUS[NodeKind.ME] + 8, nearest / 2)


def ray_end(landscape: LandscapeShape) -> float:
    """How far the rays reach: just past the farthest community."""
    return landscape.reach + NODE_RADIUS[NodeKind.COMMUNITY] + 20


class LandscapeGuides(QObject):
    """Keeps a scene's :class:`GuidesItem` in step with the map; ``action`` switches it.

    The work follows document changes on a zero-interval timer, so a burst of edits costs one
    pass, and while the guides are off nothing is worked out at all. A pass walks the edges
    only when memberships may have changed; after moves it reads my communities only.
    """

    changed = Signal()  # switched, or the rings came or went

    def __init__(self, scene: MapScene, view: MapView | None = None) -> None:
        super().__init__(scene)
        self.scene = scene
        self.item = GuidesItem(scene)
        self.item.setVisible(False)
        scene.addItem(self.item)
        self.action = QAction(self.tr("Landscape &Guides"), self)
        self.action.setCheckable(True)
        self.action.setStatusTip(
            self.tr("Faint rings for my levels of participation, and wedges for sectors")
        )
        self.action.toggled.connect(self._switched)
        self._levels: dict[str, Level] | None = None  # None: to be read again
        self._communities: list[str] = []
        self._community_set: set[str] = set()
        self._ego_id: str | None = None
        self._shown_before_layout = False  # when the last layout's result came
        self._stack_index = 0  # the undo stack's, last seen (_follow_undo)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        scene.session.document_changed.connect(self._on_document_changed)
        scene.labels_settled.connect(self._labels_settled)
        self._waiting = False  # for the labels to be placed (_labels_settled)
        if view is not None:  # the words grow as the view zooms out, as the nodes' labels do
            view.zoom_changed.connect(self._follow_label_scale)

    @property
    def shown(self) -> bool:
        """Switched on (they show when the map has a me)."""
        return self.action.isChecked()

    @property
    def landscape(self) -> LandscapeShape | None:
        """What is drawn: None while switched off or without a me."""
        return self.item.landscape if self.shown else None

    def follow_layouts(self, laid_out: SignalInstance, layout_step: SignalInstance) -> None:
        """Switch on when the map is laid out as a landscape, off for another layout: when the
        layout's result comes, not when it is asked for, so that no rings show around the old
        places meanwhile, nor after Cancel. Undoing the layout's step switches them back as
        they were before it (the rings would circle the old places), redoing as after."""
        laid_out.connect(self._laid_out)
        layout_step.connect(self._mark_step)
        stack = self.scene.session.undo_stack
        self._stack_index = stack.index()
        stack.indexChanged.connect(self._follow_undo)

    def _laid_out(self, name: str) -> None:
        self._shown_before_layout = self.shown
        self.action.setChecked(name == "landscape")

    def _mark_step(self, command: EditCommand) -> None:
        command.view_states["guides"] = (self._shown_before_layout, self.shown)

    def _follow_undo(self, index: int) -> None:
        """Steps were undone (``index`` went down) or redone (up): a layout's among them
        switches the guides as they were before or after it."""
        stack = self.scene.session.undo_stack
        before, self._stack_index = self._stack_index, index
        if index < before:
            steps, moment = range(before - 1, index - 1, -1), 0  # undone, the latest first
        else:
            steps, moment = range(before, index), 1
        for position in steps:
            command = stack.command(position)
            if isinstance(command, EditCommand) and "guides" in command.view_states:
                self.action.setChecked(bool(command.view_states["guides"][moment]))

    def _switched(self, on: bool) -> None:
        if on:
            self.refresh()
        else:
            self._timer.stop()
            self.item.setVisible(False)
        self.changed.emit()

    def _on_document_changed(self, change: DocumentChanged) -> None:
        if change.structure_changed or change.edges_changed or change.nodes_changed:
            self._levels = None
        elif not (change.nodes_moved & self._community_set or self._ego_id in change.nodes_moved):
            return  # only people and objects moved: the rings stay where they are
        if self.shown:
            self._timer.start()

    @property
    def settled(self) -> bool:
        """Whether they show what the map is now (no look at it waiting)."""
        return not self._timer.isActive() and not self._waiting

    def _labels_settled(self) -> None:
        if self._waiting:
            self._timer.start()

    def _follow_label_scale(self, _zoom: float = 0.0) -> None:
        if self.shown and self.scene.label_scale != self.item.label_scale:
            self._timer.start()

    def refresh(self) -> None:
        """Work the guides out again from the map as it is now."""
        self._timer.stop()
        self._waiting = False
        if not self.shown:
            return
        # The words keep off the nodes and their labels: once the nodes are where the map has
        # them (a large map's land in slices after a layout) and the labels placed, in an event
        # of its own (labels_settled).
        if not self.scene.labels_placed:
            self._waiting = True
            return
        doc = self.scene.doc
        ego = doc.ego
        if self._levels is None or (ego.id if ego else None) != self._ego_id:
            self._ego_id = ego.id if ego else None
            self._levels = my_levels(doc, ego.id) if ego else {}
            self._communities = [node.id for node in doc.nodes if isinstance(node, CommunityNode)]
            self._community_set = set(self._communities)
        had_rings = bool(self.item.landscape and self.item.landscape.rings)
        landscape = landscape_shape(doc, self._levels, self._communities)
        scale = self.scene.label_scale
        labels = self._place_labels(landscape, scale) if landscape is not None else []
        self.item.show_landscape(landscape, labels, scale)
        self.item.setVisible(landscape is not None)
        if had_rings != bool(landscape and landscape.rings):
            self.changed.emit()

    # -- where the words go ----------------------------------------------------------------------

    def _place_labels(self, landscape: LandscapeShape, scale: float) -> list[GuideLabel]:
        """Each ring's word on its ring, as near its top as there is room; each sector's name
        just beyond its wedge's farthest community. Room means no node, shown node label, ray
        or other word of the guides under it."""
        cx, cy = landscape.centre
        taken = self._taken(scale)
        labels = []
        rays = [wedge.start for wedge in landscape.wedges]
        metrics = QFontMetricsF(guide_font())

        def point(radius: float, angle: float) -> QPointF:
            return QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle))

        for ring in landscape.rings:
            text = vocabulary_word(ring.level)
            half_arc = (metrics.horizontalAdvance(text) / 2 + 6) * scale / ring.radius
            step = max(half_arc / 2, math.radians(2))
            steps = min(LABEL_STEPS, int(math.pi / 2 / step))
            candidates = [
                (
                    GuideLabel(text, point(ring.radius, a), math.degrees(a) + 90),
                    all(_angle_between(a, ray) > half_arc for ray in rays),
                )
                for a in _around(-math.pi / 2, step, steps)
            ]
            labels.append(_first_free(candidates, taken, scale))
        for wedge in landscape.wedges:
            name = wedge.sector if wedge.sector is not None else self.tr(NO_SECTOR)
            colour = self.scene.sector_colour(wedge.sector)
            near = wedge.reach + NODE_RADIUS[NodeKind.COMMUNITY] + SECTOR_LABEL_GAP * scale
            candidates = [
                (
                    GuideLabel(name, point(near + out * metrics.height() * scale, a), 0.0, colour),
                    True,
                )
                for out in (0, 1, 2, 3)
                for a in _around(wedge.middle, (wedge.end - wedge.start) / 8, 3)
            ]
            labels.append(_first_free(candidates, taken, scale))
        return labels

    def _taken(self, scale: float) -> _Taken:
        """Where the nodes and their shown labels are. On a large map only me and the
        communities count, which keeps this pass as short as the list of communities: the
        many people's labels hide there when zoomed out, and their dots are small."""
        taken = _Taken(160.0 * scale)
        crowded = self.scene.crowded_labels
        items = self.scene.node_items
        if len(items) <= MANY_NODES:
            nodes = list(items.values())
        else:
            landmarks = [*self._communities, *([self._ego_id] if self._ego_id else [])]
            nodes = [items[node_id] for node_id in landmarks if node_id in items]
        for item in nodes:
            pos, r = item.pos(), item.radius + 3
            taken.add(QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r), node=True)
            if item.node_id not in crowded:
                taken.add(item.label_scene_rect(), node=True)
        return taken


class _Taken:
    """Rectangles taken on the canvas, filed in a grid so that a test reads only its cells;
    and the rectangle around the nodes among them, which fitting the view shows."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.grid: dict[tuple[int, int], list[QRectF]] = defaultdict(list)
        self.nodes = QRectF()

    def _cells(self, rect: QRectF) -> list[tuple[int, int]]:
        c = self.cell
        return [
            (column, row)
            for column in range(int(rect.left() // c), int(rect.right() // c) + 1)
            for row in range(int(rect.top() // c), int(rect.bottom() // c) + 1)
        ]

    def add(self, rect: QRectF, node: bool = False) -> None:
        if not rect.isEmpty():
            for key in self._cells(rect):
                self.grid[key].append(rect)
            if node:
                self.nodes = self.nodes.united(rect)

    def free(self, rect: QRectF) -> bool:
        grid = self.grid
        return not any(
            other.intersects(rect) for key in self._cells(rect) for other in grid.get(key, ())
        )


def _first_free(
    candidates: list[tuple[GuideLabel, bool]], taken: _Taken, scale: float
) -> GuideLabel:
    """The first allowed candidate with room among the nodes (where fitting the view shows
    it), else the first with room anywhere, else the very first; its box is then taken. All
    the candidates say the same words."""
    size = candidates[0][0].size()
    boxes = [(label, label.box(scale, size)) for label, allowed in candidates if allowed]
    chosen, box = candidates[0][0], candidates[0][0].box(scale, size)
    for label, candidate_box in [
        *((label, b) for label, b in boxes if taken.nodes.contains(b)),
        *((label, b) for label, b in boxes if not taken.nodes.contains(b)),
    ]:
        if taken.free(candidate_box):
            chosen, box = label, candidate_box
            break
    taken.add(box)
    return chosen


def _around(middle: float, step: float, steps: int) -> list[float]:
    """``middle``, then one step either side of it, then two, up to ``steps`` steps."""
    angles = [middle]
    for k in range(1, steps + 1):
        angles += [middle + k * step, middle - k * step]
    return angles


def _angle_between(a: float, b: float) -> float:
    """The smaller angle between two directions, in radians."""
    return abs((a - b + math.pi) % (2 * math.pi) - math.pi)

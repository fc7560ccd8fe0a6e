"""How an edge is drawn: membership width by level, crossing as an arrow, object use dotted,
tie thin; parallel edges bend apart. The item reads the edge's look from the document, and its
ends from the two nodes' items; the edge layer draws it."""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)

from commapper.model import EdgeKind, EdgeModel, Level, MembershipEdge, TieEdge
from commapper.ui.canvas.edge_index import NO_ROW
from commapper.ui.plain_text import plain_markup
from commapper.ui.shell.theme import LEVEL_WIDTH, CanvasColours

if TYPE_CHECKING:
    from commapper.ui.canvas.items import NodeItem
    from commapper.ui.canvas.scene import MapScene

EDGE_LABEL_MAX_WIDTH = 180.0
EDGE_KINDS = {kind.value: kind for kind in EdgeKind}  # quicker than EdgeKind(text), 33,000 times
# Around an edge, in scene units: room for its pen in its bounds.
HIT_WIDTH = 6.0


@functools.cache
def edge_label_font() -> QFont:
    """Italic and a little smaller than node labels: what was learned, not who."""
    font = QFont()
    font.setPointSizeF(9.0)
    font.setItalic(True)
    return font


@functools.cache
def edge_label_metrics() -> QFontMetricsF:
    return QFontMetricsF(edge_label_font())


def clip_line(line: QLineF, rect: QRectF) -> QLineF | None:
    """The part of ``line`` inside ``rect`` (Liang and Barsky, 1984), or None if none is."""
    x0, y0, dx, dy = line.x1(), line.y1(), line.dx(), line.dy()
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x0 - rect.left()),
        (dx, rect.right() - x0),
        (-dy, y0 - rect.top()),
        (dy, rect.bottom() - y0),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return QLineF(x0 + low * dx, y0 + low * dy, x0 + high * dx, y0 + high * dy)


Look = tuple[tuple[float, ...], QPen]
FLAT_CAP = Qt.PenCapStyle.FlatCap
DASH_LINE = Qt.PenStyle.DashLine
DOT_LINE = Qt.PenStyle.DotLine


def make_look(spec: tuple[object, ...], colours: CanvasColours) -> Look:
    """The pen of edges of a kind (with its level or weight), colour, highlight and dimming,
    and its signature: z (crossings on top), colour, width, style."""
    kind, detail, own_colour, highlighted, dimmed = spec
    colour = QColor(colours.crossing if kind == EdgeKind.CROSSING else colours.edge)
    if own_colour:
        colour = QColor(str(own_colour))
    if highlighted:
        colour = QColor(colours.selection)
    if dimmed:
        colour.setAlphaF(0.15)
    pen = QPen(colour)
    # Flat ends: nodes cover them, and round caps make Qt stroke wide lines 12x slower.
    pen.setCapStyle(FLAT_CAP)
    match kind:
        case EdgeKind.MEMBERSHIP:
            assert isinstance(detail, Level)
            pen.setWidthF(LEVEL_WIDTH[detail])
            if detail == Level.TRANSACTIONAL:
                pen.setStyle(DASH_LINE)
        case EdgeKind.CROSSING:
            pen.setWidthF(2.5)
        case EdgeKind.OBJECT_USE:
            pen.setWidthF(1.8)
            pen.setStyle(DOT_LINE)
        case EdgeKind.TIE:
            assert isinstance(detail, float | int)
            pen.setWidthF(1.0 + min(detail, 4.0) * 0.4 if detail != 1 else 1.0)
    if highlighted:
        pen.setWidthF(pen.widthF() + 1.5)
    pen.setWidthF(pen.widthF() * colours.line_weight)
    z = 1.0 if kind == EdgeKind.CROSSING else 0.0
    return (z, pen.color().rgba(), pen.widthF(), pen.style().value), pen


class EdgeItem:
    """An edge of the map as the canvas draws it: its line or curve between the two nodes'
    items, its arrowhead, its look, and whether it is shown, selected or dimmed.

    Not a QGraphicsItem: the scene's one :class:`EdgeLayer` draws every edge and finds the one
    under the mouse (:meth:`MapScene.edge_at`). A room map has 33,000 edges; as Qt items they
    took 105 MiB and 0.8 s to build, and kept the scene's index busy on every move.
    """

    __slots__ = (
        "_arrow",
        "_directed",
        "_line",
        "_lit_look",
        "_look_key",
        "_path",
        "_plain_look",
        "_version",
        "attached",
        "bend",
        "bounds",
        "detour_bend",
        "dimmed",
        "edge_id",
        "ends_selected",
        "index_row",
        "kind",
        "label_text",
        "map_scene",
        "selected",
        "source",
        "target",
        "visible",
    )

    def __init__(self, scene: MapScene, edge_id: str, source: NodeItem, target: NodeItem) -> None:
        self.map_scene = scene
        self.edge_id = edge_id
        self.source, self.target = source, target
        edge = scene.doc.edge(edge_id)
        self.kind = EDGE_KINDS[edge.kind]
        self.bend = 0.0  # sideways offset of the curve's middle, in scene units
        # The bend that takes it around the discs in its way, when the scene found some.
        self.detour_bend: float | None = None
        self.dimmed = False
        self.visible = True
        self.selected = False  # the edge itself (the scene keeps it in step with the session)
        self.attached = True  # False once the scene let it go (its edge was removed)
        self.label_text = ""
        self.bounds = QRectF()  # in the scene, with room for the pen and the arrowhead
        self.index_row = NO_ROW  # its row in the scene's EdgeIndex
        self._path: QPainterPath | None = None  # the curve, when it bends
        self._arrow: QPolygonF | None = None
        self._line = QLineF()
        self._look_key: tuple[bool, int, int] | None = None
        self._plain_look: Look | None = None
        self._lit_look: Look | None = None
        self._version = 0
        self._directed = False
        # How many of the two ends are selected (kept by the nodes): cheaper than asking Qt.
        self.ends_selected = int(source.isSelected()) + int(target.isSelected())
        source.edges.add(self)
        target.edges.add(self)
        self.refresh(edge)
        if self.lit:
            scene.edge_layer.light(self)

    def detach(self) -> None:
        self.source.edges.discard(self)
        self.target.edges.discard(self)
        self.attached = False

    def refresh(self, edge: EdgeModel | None = None) -> None:
        """Read the edge again (``edge``, when the caller has it at hand)."""
        edge = edge or self.map_scene.doc.edge(self.edge_id)
        label = self.map_scene.shown_text(edge.label)
        self.label_text = ""
        if self.kind in (EdgeKind.CROSSING, EdgeKind.TIE) and label.strip():
            # One line on the map; the whole text is in the tooltip and the inspector.
            text = " ".join(label.split())
            self.label_text = edge_label_metrics().elidedText(
                text, Qt.TextElideMode.ElideRight, EDGE_LABEL_MAX_WIDTH
            )
        self._directed = bool(getattr(edge, "directed", False))
        self._version += 1
        self.update_geometry()

    def tool_tip(self) -> str:
        """What hovering over it shows: its label, as typed (never read as markup)."""
        return plain_markup(self.map_scene.shown_text(self.map_scene.doc.edge(self.edge_id).label))

    def update_geometry(self) -> None:
        """Recompute the line or curve from the two nodes' positions (cheap: runs on every drag
        step)."""
        layer = self.map_scene.edge_layer
        layer.invalidate_edge(self)  # where it was
        start, end = self.source.pos(), self.target.pos()
        line = self._line = QLineF(start, end)
        bend = self.bend if self.detour_bend is None else self.detour_bend
        if bend and line.length() > 0:
            normal = line.normalVector().unitVector()
            middle = line.center() + QPointF(normal.dx(), normal.dy()) * bend
            path = self._path = QPainterPath(start)
            path.quadTo(middle, end)
            bounds = path.controlPointRect()
        else:
            self._path = None
            bounds = QRectF(start, end).normalized()
        self._arrow = self._arrow_head(self.curve) if self._directed else None
        if self._arrow is not None:
            bounds = bounds.united(self._arrow.boundingRect())
        self.bounds = bounds.adjusted(-HIT_WIDTH, -HIT_WIDTH, HIT_WIDTH, HIT_WIDTH)
        self.map_scene.edge_index.moved(self)
        layer.invalidate_edge(self)

    def set_detour(self, bend: float | None) -> None:
        """Go around the discs in the way with ``bend`` (None: no detour)."""
        if bend != self.detour_bend:
            self.detour_bend = bend
            self.update_geometry()

    def _arrow_head(self, path: QPainterPath) -> QPolygonF | None:
        """An arrowhead touching the target's outline, pointing along the curve."""
        length = path.length()
        if length <= self.target.radius + 2:
            return None
        tip_at = path.percentAtLength(length - self.target.radius - 2)
        tip = path.pointAtPercent(tip_at)
        angle = math.radians(path.angleAtPercent(tip_at))
        size = 11.0
        back = QPointF(-math.cos(angle), math.sin(angle)) * size
        side = QPointF(-math.sin(angle), -math.cos(angle)) * (size * 0.45)
        return QPolygonF([tip, tip + back + side, tip + back - side])

    def label_size(self) -> QSizeF:
        """The size of the label on the map, in scene units; empty when there is none."""
        if not self.label_text:
            return QSizeF()
        metrics = edge_label_metrics()
        scale = self.map_scene.label_scale
        return QSizeF(
            (metrics.horizontalAdvance(self.label_text) + 6) * scale, metrics.height() * scale
        )

    @property
    def straight_line(self) -> QLineF | None:
        """The edge as a line, or None when it bends away from a parallel one."""
        return self._line if self._path is None else None

    @property
    def segment(self) -> tuple[float, float, float, float] | None:
        """The straight edge's ends (x1, y1, x2, y2), or None when it bends."""
        return self._line.toTuple() if self._path is None else None

    @property
    def curve(self) -> QPainterPath:
        """The edge as a path, bent or straight."""
        if self._path is not None:
            return self._path
        path = QPainterPath(self._line.p1())
        path.lineTo(self._line.p2())
        return path

    @property
    def arrow_head(self) -> QPolygonF | None:
        return self._arrow

    def hit_by(self, point: QPointF, reach: float) -> float | None:
        """How far ``point`` is from the edge, if within ``reach`` (scene units); else None."""
        if not self.bounds.adjusted(-reach, -reach, reach, reach).contains(point):
            return None
        if self._path is None:
            distance = _distance_to_segment(point, self._line)
        else:
            stroker = QPainterPathStroker()
            stroker.setWidth(2 * reach)
            if not stroker.createStroke(self._path).contains(point):
                return None
            distance = reach / 2  # on the curve's band: near enough, and ranked after lines on it
        return distance if distance <= reach else None

    def update(self) -> None:
        """Its look changed: redrawn."""
        self.map_scene.edge_layer.invalidate_edge(self)

    def highlight_changed(self) -> None:
        """One of its ends, or the edge itself, was selected or let go."""
        self.map_scene.edge_layer.light(self)

    @property
    def lit(self) -> bool:
        """Drawn highlighted: it or one of its ends is selected."""
        return self.ends_selected > 0 or self.selected

    def look(self, lit: bool) -> Look:
        """The pen it is drawn with, highlighted or not, and a signature equal for edges drawn
        alike (see EdgeLayer). Edges drawn alike share one pen: 33,000 edges, a few dozen."""
        key = (self.dimmed, self.map_scene.style_generation, self._version)
        if key != self._look_key:
            self._plain_look = self._lit_look = None
            self._look_key = key
        look = self._lit_look if lit else self._plain_look
        if look is None:
            edge = self.map_scene.doc.edge(self.edge_id)
            match edge:
                case MembershipEdge():
                    detail: object = edge.level
                case TieEdge():
                    detail = edge.weight
                case _:
                    detail = None
            look = self.map_scene.shared_look((self.kind, detail, edge.color, lit, self.dimmed))
            if lit:
                self._lit_look = look
            else:
                self._plain_look = look
        return look


def _distance_to_segment(point: QPointF, line: QLineF) -> float:
    dx, dy = line.dx(), line.dy()
    px, py = point.x() - line.x1(), point.y() - line.y1()
    length_squared = dx * dx + dy * dy
    t = 0.0 if length_squared == 0 else min(1.0, max(0.0, (px * dx + py * dy) / length_squared))
    return math.hypot(px - t * dx, py - t * dy)

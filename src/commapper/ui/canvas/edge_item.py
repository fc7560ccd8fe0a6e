"""How an edge is drawn: membership width by level, crossing as an arrow, object use dotted,
tie thin; parallel edges bend apart. The item reads the edge from the document when it paints."""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from commapper.model import EdgeKind, Level, MembershipEdge, TieEdge
from commapper.ui.plain_text import plain_markup
from commapper.ui.shell.theme import LEVEL_WIDTH, CanvasColours

if TYPE_CHECKING:
    from commapper.ui.canvas.items import NodeItem
    from commapper.ui.canvas.scene import MapScene

NO_BRUSH = Qt.BrushStyle.NoBrush
EDGE_LABEL_MAX_WIDTH = 180.0


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


# Not drawn with (the item paints itself): its width makes the shape a click can hit, and the
# bounds, which take in the arrowhead.
HIT_PEN = QPen(Qt.GlobalColor.transparent, 12.0)


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


class EdgeItem(QGraphicsPathItem):
    """An edge of the map: membership width by level, crossing as an arrow, object use dotted,
    tie thin. Parallel edges between one pair bend apart so each stays visible."""

    def __init__(self, scene: MapScene, edge_id: str, source: NodeItem, target: NodeItem) -> None:
        super().__init__()
        self.map_scene = scene
        self.edge_id = edge_id
        self.source, self.target = source, target
        self.kind = EdgeKind(scene.doc.edge(edge_id).kind)
        self.bend = 0.0  # sideways offset of the curve's middle, in scene units
        # The bend that takes it around the discs in its way, when the scene found some.
        self.detour_bend: float | None = None
        self.dimmed = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption  # for exposedRect
        )
        self.setZValue(0 if self.kind != EdgeKind.CROSSING else 1)
        self.setPen(HIT_PEN)
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self._line: QLineF | None = None
        self._length = 0.0
        self._looks: dict[bool, Look] = {}
        self._looks_key: tuple[bool, int, int] | None = None
        self._version = 0
        self._directed = False
        self._has_arrow = False
        # How many of the two ends are selected (kept by the nodes): cheaper than asking Qt.
        self.ends_selected = int(source.isSelected()) + int(target.isSelected())
        source.edges.add(self)
        target.edges.add(self)
        self.refresh()
        if self.lit:
            scene.edge_layer.light(self)

    def detach(self) -> None:
        self.source.edges.discard(self)
        self.target.edges.discard(self)

    def refresh(self) -> None:
        edge = self.map_scene.doc.edge(self.edge_id)
        label = self.map_scene.shown_text(edge.label)
        self.setToolTip(plain_markup(label))
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

    def update_geometry(self) -> None:
        """Recompute the path from the two nodes' positions (cheap: runs on every drag step)."""
        self.map_scene.edge_layer.invalidate_edge(self)  # where it was
        start, end = self.source.pos(), self.target.pos()
        line = QLineF(start, end)
        bend = self.bend if self.detour_bend is None else self.detour_bend
        # Straight edges are drawn as lines, much cheaper than paths when long and clipped.
        self._line = None if bend else line
        self._length = line.length()
        path = QPainterPath(start)
        if bend and line.length() > 0:
            normal = line.normalVector().unitVector()
            middle = line.center() + QPointF(normal.dx(), normal.dy()) * bend
            path.quadTo(middle, end)
        else:
            path.lineTo(end)
        self._path = path
        self._arrow = self._arrow_head(path) if self._directed else QPolygonF()
        self._has_arrow = not self._arrow.isEmpty()
        # Bounds and shape come from Qt: asked for by the scene's index many times a frame.
        self.setPath(path)
        self.map_scene.edge_layer.invalidate_edge(self)

    def set_detour(self, bend: float | None) -> None:
        """Go around the discs in the way with ``bend`` (None: no detour)."""
        if bend != self.detour_bend:
            self.detour_bend = bend
            self.update_geometry()

    def _arrow_head(self, path: QPainterPath) -> QPolygonF:
        """An arrowhead touching the target's outline, pointing along the curve."""
        length = path.length()
        if length <= self.target.radius + 2:
            return QPolygonF()
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
        return self._line

    @property
    def curve(self) -> QPainterPath:
        return self._path

    @property
    def arrow_head(self) -> QPolygonF | None:
        return self._arrow if self._has_arrow else None

    def update(self, *args: Any) -> None:
        """Repaint: here, or in the edge layer when that draws the edges."""
        super().update(*args)
        self.map_scene.edge_layer.invalidate_edge(self)

    def highlight_changed(self) -> None:
        """One of its ends, or the edge itself, was selected or let go."""
        super().update()
        self.map_scene.edge_layer.light(self)

    @property
    def lit(self) -> bool:
        """Drawn highlighted: it or one of its ends is selected."""
        return self.ends_selected > 0 or self.isSelected()

    def look(self, lit: bool) -> Look:
        """The pen it is drawn with, highlighted or not, and a signature equal for edges drawn
        alike (see EdgeLayer). Edges drawn alike share one pen: 33,000 edges, a few dozen."""
        key = (self.dimmed, self.map_scene.style_generation, self._version)
        if key != self._looks_key:
            self._looks, self._looks_key = {}, key
        if (look := self._looks.get(lit)) is None:
            edge = self.map_scene.doc.edge(self.edge_id)
            match edge:
                case MembershipEdge():
                    detail: object = edge.level
                case TieEdge():
                    detail = edge.weight
                case _:
                    detail = None
            spec = (self.kind, detail, edge.color, lit, self.dimmed)
            look = self._looks[lit] = self.map_scene.shared_look(spec)
        return look

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # The hot path of every frame: a dense map paints thousands of edges.
        pen = self.look(self.lit)[1]
        painter.setPen(pen)
        line = self._line
        if line is None:
            painter.setBrush(NO_BRUSH)
            painter.drawPath(self._path)
        elif self._length < self.map_scene.clip_beyond:
            painter.drawLine(line)
        elif (visible := clip_line(line, option.exposedRect.adjusted(-8, -8, 8, 8))) is not None:
            # Qt strokes all of a wide antialiased line even when most of it is off screen;
            # cutting it to what is exposed first makes long edges 10x cheaper.
            painter.drawLine(visible)
        if self._has_arrow:
            painter.setPen(QPen(pen.color(), 1.0))
            painter.setBrush(pen.color())
            painter.drawPolygon(self._arrow)

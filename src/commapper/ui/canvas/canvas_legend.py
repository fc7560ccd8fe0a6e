"""The legend on the canvas: a small translucent panel in a corner of the view that says what
the colours and shapes of the map mean, and what the landscape's rings are when they show.

It stays where it is on screen while the map is panned and zoomed: it is a child of the view
laid over the viewport, not an item of the scene.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from commapper.model import CommunityNode, DocumentChanged, NodeKind
from commapper.ui.canvas.guides import LandscapeGuides
from commapper.ui.canvas.items import MANY_NODES
from commapper.ui.canvas.overlays import CanvasOverlays
from commapper.ui.canvas.view import MapView
from commapper.ui.field_text import kind_word
from commapper.ui.shell.theme import NO_SECTOR_COLOUR, NODE_RADIUS, CanvasColours

SETTING = "view/canvas_legend"
MARGIN = 10  # from the viewport's corner, in pixels
PADDING = 8
ICON = 18.0  # the width of the column of swatches and shapes
COLUMN_GAP = 12
MAX_TEXT_LINES = 11.0  # a row's text is at most this many times its line's height wide
MAX_COLOUR_COLUMNS = 3
PANEL_ALPHA = 0.85
# The legend shows only when it takes at most this share of the viewport's width and height.
MAX_SHARE = 0.6
# The shapes are the canvas's, at this fraction of their size (a person no smaller than 4 px).
SHAPE_SCALE = 0.28
KINDS = (NodeKind.ME, NodeKind.COMMUNITY, NodeKind.PERSON, NodeKind.BOUNDARY_OBJECT)
# The corners of the viewport the legend may take, as (at the left, at the bottom); on a tie
# the first. Me and a community (the landmarks) under the legend count this many times a person.
CORNERS = ((True, True), (True, False), (False, False), (False, True))
LANDMARK_WEIGHT = 3.0
LANDMARKS = (NodeKind.ME, NodeKind.COMMUNITY)
# How MapView.fit_rect frames the whole map: a margin of this share of its size plus pixels,
# and no closer than this zoom.
FIT_MARGIN, FIT_MARGIN_PX, FIT_MAX_ZOOM = 0.06, 20.0, 1.5
RESIZE_TO_MOVE = 40  # pixels the viewport must grow or shrink by before the corner is rethought


@dataclass(frozen=True)
class LegendRow:
    """One line of the legend: its text after a swatch of ``colour``, the shape of ``kind``,
    the rings (when ``rings``), or nothing."""

    text: str
    colour: str = ""
    kind: NodeKind | None = None
    rings: bool = False


class CanvasLegend(QWidget):
    """What the map's colours and shapes mean, drawn over a corner of a :class:`MapView`.

    The colours come first, in as many columns as keep the legend about as low as its shapes
    column, then the shapes; a line about the landscape's rings runs under them while the
    guides show.
    """

    def __init__(
        self,
        view: MapView,
        overlays: CanvasOverlays | None = None,
        guides: LandscapeGuides | None = None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.overlays = overlays
        self.guides = guides
        self.colour_rows: list[LegendRow] = []
        self.shape_rows: list[LegendRow] = []
        self.footer_rows: list[LegendRow] = []  # under all the columns
        self.corner = CORNERS[0]
        self._corner_due = True  # the map or the viewport's size changed: look for a corner
        self.corner_fixed = False  # kept where put (the presentation leaves room for it there)
        self._sized_for = QSize()
        self.setObjectName("canvas_legend")
        self.setAccessibleName(self.tr("Legend"))
        # Clicks, drags and the wheel go through to the map beneath.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.action = QAction(self.tr("&Legend"), self)
        self.action.setCheckable(True)
        self.action.setStatusTip(self.tr("Show what the colours and shapes of the map mean"))
        self.action.setChecked(bool(QSettings().value(SETTING, True, type=bool)))
        self.action.toggled.connect(self._switched)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        view.map_scene.session.document_changed.connect(self._map_changed)
        view.map_scene.labels_settled.connect(self._labels_settled)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        if guides is not None:
            guides.changed.connect(self._timer.start)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.update)
        self.refresh()

    def follow(self, widget: QWidget) -> None:
        """Refresh whenever ``widget`` changes its children: the Analysis panel's legend, which
        is filled anew whenever the overlays change how the map is coloured."""
        widget.installEventFilter(self)

    # -- what it says ----------------------------------------------------------------------------

    @property
    def rows(self) -> list[LegendRow]:
        return [*self.colour_rows, *self.shape_rows, *self.footer_rows]

    def _map_changed(self, change: DocumentChanged | None = None) -> None:
        if change is None or self._may_move_corner(change):
            self._corner_due = True
        self._timer.start()

    def _may_move_corner(self, change: DocumentChanged) -> bool:
        """Whether ``change`` touches what :meth:`_choose_corner` counts: on a large map only
        me and the communities, so that editing its people costs no look (up to 40 ms)."""
        scene = self.view.map_scene
        if len(scene.node_items) <= MANY_NODES or change.nodes_removed:
            return True
        doc = scene.doc
        touched = change.nodes_added | change.nodes_changed | change.nodes_moved
        return any(doc.has_node(i) and doc.node(i).kind in LANDMARKS for i in touched)

    def refresh(self) -> None:
        """Read the map, the overlays and the guides again, and show what they mean."""
        self._timer.stop()
        rows = (self._colour_rows(), self._shape_rows(), self._footer_rows())
        if rows != (self.colour_rows, self.shape_rows, self.footer_rows):
            self.colour_rows, self.shape_rows, self.footer_rows = rows
            self.resize(self.sizeHint())
            self.update()
            self._corner_due = True  # a new size may fit better elsewhere
        # Once the nodes are where the map has them (a large map's land in slices after a
        # layout) and their labels placed, in an event of its own (labels_settled).
        if self._corner_due and self.view.map_scene.labels_placed:
            self._corner_due = False
            self._choose_corner()
        self._place()

    @property
    def settled(self) -> bool:
        """Whether it shows what the map is now (no look at it waiting)."""
        return not self._timer.isActive() and not self._corner_due

    def _labels_settled(self) -> None:
        if self._corner_due:
            self._timer.start()

    def _colour_rows(self) -> list[LegendRow]:
        overlays = self.overlays
        if overlays is not None and overlays.colour_by != "sector":
            return [LegendRow(text, colour) for colour, text in overlays.legend]
        doc = self.view.map_scene.doc
        communities = [node for node in doc.nodes if isinstance(node, CommunityNode)]
        # The sectors as the overlays' legend lists them: as typed, once each.
        sectors = sorted({node.sector for node in communities if node.sector})
        rows = [
            LegendRow(sector.strip(), self.view.map_scene.sector_colour(sector).name())
            for sector in sectors
            if sector.strip()
        ]
        if any(not (node.sector or "").strip() for node in communities):
            rows.append(LegendRow(self.tr("no sector"), NO_SECTOR_COLOUR))
        if overlays is not None:
            # After its sectors the overlays' legend names the marks they draw (brokers, ...).
            rows += [LegendRow(text, colour) for colour, text in overlays.legend[len(sectors) :]]
        return rows

    def _shape_rows(self) -> list[LegendRow]:
        return [LegendRow(kind_word(kind), kind=kind) for kind in KINDS]

    def _footer_rows(self) -> list[LegendRow]:
        landscape = self.guides.landscape if self.guides is not None else None
        if landscape is None or not landscape.rings:
            return []
        return [LegendRow(self.tr("rings: my level of participation"), rings=True)]

    def _columns(self) -> list[list[LegendRow]]:
        """The colour rows cut into columns no longer than the shapes' (up to three), then
        the shapes."""
        colours = self.colour_rows
        length = max(len(self.shape_rows), math.ceil(len(colours) / MAX_COLOUR_COLUMNS))
        cut = [colours[i : i + length] for i in range(0, len(colours), length)]
        return [*cut, self.shape_rows]

    # -- where it goes ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # its size follows its font
            self.resize(self.sizeHint())
            self._corner_due = True
            self._timer.start()

    def _switched(self, on: bool) -> None:
        QSettings().setValue(SETTING, on)
        self._choose_corner()
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport:
            if kind in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
                self._place()  # stays in its corner
                size, before = self._viewport.size(), self._sized_for
                change = max(
                    abs(size.width() - before.width()), abs(size.height() - before.height())
                )
                # Scroll bars coming and going as the user zooms are no reason to move.
                if change > RESIZE_TO_MOVE:
                    self._sized_for = size
                    self._map_changed()  # look again once the view has followed
        elif kind in (QEvent.Type.ChildAdded, QEvent.Type.ChildRemoved):
            self._timer.start()
        return False

    def _corner_rect(self, corner: tuple[bool, bool]) -> QRect:
        """Where the legend would be in ``corner``, in viewport coordinates."""
        room, size = self._viewport.rect(), self.sizeHint()
        left, bottom = corner
        x = MARGIN if left else room.width() - MARGIN - size.width()
        y = room.height() - MARGIN - size.height() if bottom else MARGIN
        return QRect(x, y, size.width(), size.height())

    def _fitted_area(self, rect: QRect, nodes: QRectF) -> QRectF:
        """The part of the map under ``rect`` of the viewport while the map's ``nodes`` are
        all in view (as :meth:`MapView.fit_rect` shows them), whatever the zoom is now."""
        room = QRectF(self._viewport.rect())
        if nodes.isEmpty() or room.isEmpty():
            return QRectF()
        margin = max(nodes.width(), nodes.height()) * FIT_MARGIN + FIT_MARGIN_PX
        nodes = nodes.adjusted(-margin, -margin, margin, margin)
        zoom = min(room.width() / nodes.width(), room.height() / nodes.height(), FIT_MAX_ZOOM)
        offset = QRectF(rect).translated(-room.center())
        return QRectF(
            nodes.center() + offset.topLeft() / zoom, nodes.center() + offset.bottomRight() / zoom
        )

    def _choose_corner(self) -> None:
        """Move to the corner that hides the least of the map (nodes, their labels and the
        words of the guides) with the whole map in view, if the current one hides more, as a
        chart's legend placed "best" does. Done when the map or the viewport's size changes,
        never as the map is panned or zoomed: the legend does not chase the user.

        On a large map only me and the communities count (people there are small dots whose
        labels hide when zoomed out), which keeps this as short as the list of communities.
        """
        if not self.action.isChecked() or self.corner_fixed:
            return
        scene = self.view.map_scene
        few = len(scene.node_items) <= MANY_NODES
        items = list((scene.node_items if few else scene.landmark_items).values())
        nodes = scene.extent()  # all of them: the map as the view fits it
        areas = [self._fitted_area(self._corner_rect(corner), nodes) for corner in CORNERS]
        hidden = [0.0] * len(CORNERS)
        for item in items:
            weight = LANDMARK_WEIGHT if item.kind in LANDMARKS else 1.0
            r = item.radius
            disc = QRectF(item.pos().x() - r, item.pos().y() - r, 2 * r, 2 * r)
            shown = item.node_id not in scene.crowded_labels
            label = item.label_scene_rect() if shown else QRectF()
            for index, area in enumerate(areas):
                hidden[index] += weight * (area.intersects(disc) + area.intersects(label))
        if self.guides is not None and self.guides.landscape is not None:
            scale = self.guides.item.label_scale
            for word in self.guides.item.labels:
                box = word.box(scale)
                for index, area in enumerate(areas):
                    hidden[index] += area.intersects(box)
        best = min(range(len(CORNERS)), key=lambda index: (hidden[index], index))
        if hidden[best] < hidden[CORNERS.index(self.corner)]:
            self.corner = CORNERS[best]

    def _place(self) -> None:
        """In its corner of the viewport; hidden when switched off, on an empty map, or when
        the viewport is too small to spare the room."""
        viewport = self._viewport.geometry()
        size = self.sizeHint()
        fits = (
            size.width() + 2 * MARGIN <= viewport.width() * MAX_SHARE
            and size.height() + 2 * MARGIN <= viewport.height() * MAX_SHARE
        )
        wanted = self.action.isChecked() and bool(self.view.map_scene.doc.nodes) and fits
        self.move(self._corner_rect(self.corner).topLeft() + viewport.topLeft())
        if wanted == self.isHidden():
            self.setVisible(wanted)
        if wanted:
            self.raise_()

    # -- drawing ---------------------------------------------------------------------------------

    def _text_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.9))
        return font

    def _row_height(self) -> float:
        return max(QFontMetricsF(self._text_font()).height() + 2, ICON)

    def shown_text(self, row: LegendRow) -> str:
        """What ``row`` says: a sector as typed may be long, and is cut short; the line under
        the columns is the app's own, and is shown whole."""
        if row in self.footer_rows:
            return row.text
        metrics = QFontMetricsF(self._text_font())
        most = metrics.height() * MAX_TEXT_LINES
        return metrics.elidedText(row.text, Qt.TextElideMode.ElideRight, most)

    def _column_width(self, rows: list[LegendRow]) -> float:
        metrics = QFontMetricsF(self._text_font())
        texts = (metrics.horizontalAdvance(self.shown_text(row)) for row in rows)
        return max(texts, default=0.0) + ICON + 4

    def sizeHint(self) -> QSize:
        columns = self._columns()
        width = sum(map(self._column_width, columns)) + COLUMN_GAP * (len(columns) - 1)
        width = max(width, self._column_width(self.footer_rows))
        rows = max(map(len, columns)) + len(self.footer_rows)
        height = self._row_height() * rows
        return QSize(math.ceil(width + 2 * PADDING), math.ceil(height + 2 * PADDING))

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = self.view.map_scene.colours
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        panel = QColor(colours.background)
        panel.setAlphaF(PANEL_ALPHA)
        border = QColor(colours.text)
        border.setAlphaF(0.18)
        painter.setPen(QPen(border, 1.0))
        painter.setBrush(panel)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setFont(self._text_font())
        left = float(PADDING)
        columns = self._columns()
        for column in columns:
            self._paint_rows(painter, column, left)
            left += self._column_width(column) + COLUMN_GAP
        self._paint_rows(painter, self.footer_rows, PADDING, max(map(len, columns)))
        painter.end()

    def _paint_rows(
        self, painter: QPainter, rows: list[LegendRow], left: float, first: int = 0
    ) -> None:
        colours = self.view.map_scene.colours
        metrics = QFontMetricsF(self._text_font())
        row_height = self._row_height()
        for index, row in enumerate(rows):
            top = PADDING + (first + index) * row_height
            middle = QPointF(left + ICON / 2, top + row_height / 2)
            if row.kind is not None:
                paint_shape(painter, row.kind, middle, self.view.map_scene.colours)
            elif row.rings:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for radius, alpha in ((3.5, 0.6), (7.5, 0.45)):
                    colour = QColor(colours.text)
                    colour.setAlphaF(alpha)
                    painter.setPen(QPen(colour, 1.0))
                    painter.drawEllipse(middle, radius, radius)
            elif row.colour:
                painter.setPen(QPen(colours.outline, 1.0))
                painter.setBrush(QColor(row.colour))
                painter.drawEllipse(middle, 6.0, 6.0)
            text = self.shown_text(row)
            painter.setPen(colours.text)
            baseline = top + (row_height + metrics.ascent() - metrics.descent()) / 2
            # A plain string: a sector or value as the user typed it is never read as markup.
            painter.drawText(QPointF(left + ICON + 4, baseline), text)


def paint_shape(painter: QPainter, kind: NodeKind, at: QPointF, colours: CanvasColours) -> None:
    """A node of ``kind`` as the canvas draws it, smaller; a community without a sector (the
    canvas's legend and a picture's draw the same shapes)."""
    radius = max(4.0, NODE_RADIUS[kind] * SHAPE_SCALE)
    fill = {
        NodeKind.ME: colours.me_fill,
        NodeKind.COMMUNITY: QColor(NO_SECTOR_COLOUR),
        NodeKind.PERSON: colours.person_fill,
        NodeKind.BOUNDARY_OBJECT: colours.object_fill,
    }[kind]
    painter.setPen(QPen(colours.outline, 1.0))
    painter.setBrush(fill)
    if kind == NodeKind.BOUNDARY_OBJECT:
        x, y, r = at.x(), at.y(), radius
        diamond = [QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)]
        painter.drawPolygon(QPolygonF(diamond))
        return
    painter.drawEllipse(at, radius, radius)
    if kind == NodeKind.ME:
        painter.setPen(QPen(colours.background, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(at, radius * 0.6, radius * 0.6)


def install_canvas_legend(
    view: MapView,
    overlays: CanvasOverlays | None = None,
    guides: LandscapeGuides | None = None,
    follow: QWidget | None = None,
) -> CanvasLegend:
    """A legend over ``view``, telling the overlays' colours when they colour by something other
    than sector (refreshed as ``follow``, the panel showing the overlays' legend, changes)."""
    legend = CanvasLegend(view, overlays, guides)
    if follow is not None:
        legend.follow(follow)
    return legend

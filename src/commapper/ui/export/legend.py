"""The legend of a picture of the map: what the canvas's legend says, drawn in the picture's own
theme beside the map (on paper it may not cover any of it)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from commapper.ui.canvas.canvas_legend import (
    COLUMN_GAP,
    ICON,
    MAX_COLOUR_COLUMNS,
    PADDING,
    LegendRow,
    paint_shape,
)
from commapper.ui.shell.theme import CanvasColours

LEGEND_FONT_POINTS = 9.0
# Paper has room beside the map that a corner of the canvas has not: texts are cut only beyond.
MAX_TEXT_WIDTH = 320.0


class PictureLegend:
    """Rows of the canvas's legend (colours in up to three columns, then the shapes), measured
    and drawn at the picture's scale of one unit a pixel."""

    def __init__(
        self, colour_rows: list[LegendRow], shape_rows: list[LegendRow], colours: CanvasColours
    ) -> None:
        self.colour_rows = colour_rows
        self.shape_rows = shape_rows
        self.colours = colours
        self.font = QFont()
        self.font.setPointSizeF(LEGEND_FONT_POINTS)
        self.metrics = QFontMetricsF(self.font)
        self.row_height = max(self.metrics.height() + 2, ICON)

    def columns(self) -> list[list[LegendRow]]:
        colours = self.colour_rows
        length = max(len(self.shape_rows), math.ceil(len(colours) / MAX_COLOUR_COLUMNS), 1)
        cut = [colours[i : i + length] for i in range(0, len(colours), length)]
        return [*cut, self.shape_rows]

    def _column_width(self, rows: list[LegendRow]) -> float:
        texts = (min(MAX_TEXT_WIDTH, self.metrics.horizontalAdvance(row.text)) for row in rows)
        return max(texts, default=0.0) + ICON + 4

    def size(self) -> QSizeF:
        columns = self.columns()
        width = sum(map(self._column_width, columns)) + COLUMN_GAP * (len(columns) - 1)
        height = self.row_height * max(map(len, columns))
        return QSizeF(width + 2 * PADDING, height + 2 * PADDING)

    def paint(self, painter: QPainter, at: QPointF) -> None:
        """Draw the legend with its top left corner at ``at``."""
        painter.save()
        painter.translate(at)
        border = QColor(self.colours.text)
        border.setAlphaF(0.18)
        painter.setPen(QPen(border, 1.0))
        painter.setBrush(self.colours.background)
        frame = QRectF(QPointF(0, 0), self.size()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.drawRoundedRect(frame, 6, 6)
        painter.setFont(self.font)
        left = float(PADDING)
        for column in self.columns():
            self._paint_rows(painter, column, left)
            left += self._column_width(column) + COLUMN_GAP
        painter.restore()

    def _paint_rows(self, painter: QPainter, rows: list[LegendRow], left: float) -> None:
        colours = self.colours
        for index, row in enumerate(rows):
            top = PADDING + index * self.row_height
            middle = QPointF(left + ICON / 2, top + self.row_height / 2)
            if row.kind is not None:
                paint_shape(painter, row.kind, middle, self.colours)
            elif row.colour:
                painter.setPen(QPen(colours.outline, 1.0))
                painter.setBrush(QColor(row.colour))
                painter.drawEllipse(middle, 6.0, 6.0)
            text = self.metrics.elidedText(row.text, Qt.TextElideMode.ElideRight, MAX_TEXT_WIDTH)
            painter.setPen(colours.text)
            metrics = self.metrics
            baseline = top + (self.row_height + metrics.ascent() - metrics.descent()) / 2
            # A plain string: a sector or value as the user typed it is never read as markup.
            painter.drawText(QPointF(left + ICON + 4, baseline), text)

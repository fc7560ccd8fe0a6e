"""pyqtgraph charts of the analysis: communities by sector and level, the betweenness ranking,
and brokerage roles. Horizontal bars with names on the axis, so labels never overlap."""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QWheelEvent
from PySide6.QtWidgets import QLabel

from commapper.analysis.result import Analysis, Roles
from commapper.model import LEVELS, NodeKind
from commapper.ui.field_text import short, vocabulary_word
from commapper.ui.panels.chart_data import LEVEL_COLOURS_DARK, LEVEL_COLOURS_LIGHT
from commapper.ui.panels.chart_data import sector_levels as sector_levels  # the report's
from commapper.ui.shell.theme import canvas_colours, is_dark
from commapper.ui.translations import QT_TRANSLATE_NOOP

CHART_FONT_POINTS = 11
NAME_CHARS = 20  # longer names would leave a narrow panel no room for the bars
KIND_COLOURS = {
    NodeKind.PERSON.value: "#E69F00",
    NodeKind.COMMUNITY.value: "#0072B2",
    NodeKind.BOUNDARY_OBJECT.value: "#009E73",
    NodeKind.ME.value: "#CC79A7",
}
KIND_NAMES = {
    "person": QT_TRANSLATE_NOOP("BrokerChart", "people"),
    "community": QT_TRANSLATE_NOOP("BrokerChart", "communities"),
    "boundary_object": QT_TRANSLATE_NOOP("BrokerChart", "objects"),
    "me": QT_TRANSLATE_NOOP("BrokerChart", "me"),
}
ROLE_NAMES = (
    ("liaison", QT_TRANSLATE_NOOP("RolesChart", "liaison")),
    ("representative_gatekeeper", QT_TRANSLATE_NOOP("RolesChart", "representative / gatekeeper")),
    ("itinerant", QT_TRANSLATE_NOOP("RolesChart", "itinerant")),
    ("coordinator", QT_TRANSLATE_NOOP("RolesChart", "coordinator")),
)


# pyqtgraph has no type information, so PlotWidget is Any to mypy; strict mode refuses that.
class Chart(pg.PlotWidget):  # type: ignore[misc, unused-ignore]
    """A horizontal bar chart following the theme, with readable fonts and names on the axis."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the chart does not zoom: let the wheel scroll the panel it sits in

    def __init__(self, title: str) -> None:
        super().__init__()
        # The title is a wrapped label above the chart, not pyqtgraph's: a plot title is as wide
        # as its text, and widened the plot past a narrow panel, clipping the bars and legend.
        self.heading = QLabel(title)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setContentsMargins(0, 8, 0, 0)  # apart from the chart above
        heading_font = self.heading.font()
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.setMinimumHeight(180)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.invertY(True)
        plot.showGrid(x=True, y=False, alpha=0.25)
        self.font = QFont()
        self.font.setPointSize(CHART_FONT_POINTS)
        for name in ("left", "bottom"):
            plot.getAxis(name).setStyle(tickFont=self.font, autoExpandTextSpace=True)
        plot.getAxis("bottom").setTickDensity(0.6)  # numbers that do not run into each other
        self.legend: pg.LegendItem | None = None
        self.follow_theme()

    def follow_theme(self) -> None:
        colours = canvas_colours()
        self.setBackground(colours.background)
        self.text_colour = QColor(colours.text)
        plot = self.getPlotItem()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setTextPen(self.text_colour)
            axis.setPen(QColor(colours.edge))

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        self.heading.setVisible(visible)

    def reset(self, names: list[str], name_chars: int = NAME_CHARS) -> None:
        plot = self.getPlotItem()
        plot.clear()
        if self.legend is not None:
            self.legend.scene().removeItem(self.legend) if self.legend.scene() else None
            self.legend = None
        ticks = [(i, short(name, name_chars)) for i, name in enumerate(names)]
        left = plot.getAxis("left")
        left.setTicks([ticks])
        # pyqtgraph does not widen the axis for text ticks by itself: names would be clipped.
        metrics = QFontMetrics(self.font)
        left.setWidth(int(max((metrics.horizontalAdvance(t) for _, t in ticks), default=20) + 18))
        plot.setYRange(-0.6, max(len(names), 1) - 0.4, padding=0)
        self.setMinimumHeight(90 + 28 * max(len(names), 2))

    def count_axis(self, most: float) -> None:
        """Whole numbers on the value axis, about five of them up to ``most``: counts have no
        fractions (fractional ticks of an empty chart ran together as "0.20.40.60.81.0")."""
        step = next(
            step
            for power in range(12)
            for step in (10**power, 2 * 10**power, 5 * 10**power)
            if most / step <= 5
        )
        self.getPlotItem().getAxis("bottom").setTickSpacing(major=step, minor=step)

    def add_legend(self, entries: list[tuple[str, str]]) -> None:
        self.legend = pg.LegendItem(offset=(-10, 10), labelTextColor=self.text_colour)
        self.legend.setParentItem(self.getPlotItem().vb)
        self.legend.setLabelTextSize(f"{CHART_FONT_POINTS - 1}pt")
        for colour, name in entries:
            sample = pg.BarGraphItem(x0=[0], y=[0], height=[1], width=[1], brush=colour)
            self.legend.addItem(sample, name)

    def bars(
        self, values: list[float], colours: list[str], left: list[float] | None = None
    ) -> None:
        item = pg.BarGraphItem(
            x0=left or [0.0] * len(values),
            y=list(range(len(values))),
            height=0.7,
            width=values,
            brushes=[QColor(c) for c in colours],
            pen=pg.mkPen(self.text_colour, width=0.5),
        )
        self.getPlotItem().addItem(item)


class SectorLevelChart(Chart):
    """Ego's communities by sector, each bar stacked by participation level."""

    def __init__(self) -> None:
        super().__init__(self.tr("My communities by sector and level"))

    def show_counts(self, counts: dict[str, dict[str, int]]) -> None:
        sectors = list(counts)
        self.reset(sectors)
        palette = LEVEL_COLOURS_DARK if is_dark() else LEVEL_COLOURS_LIGHT
        left = [0.0] * len(sectors)
        used = []
        for level, colour in zip(LEVELS, palette, strict=True):
            widths = [float(counts[s].get(level.value, 0)) for s in sectors]
            if any(widths):
                self.bars(widths, [colour] * len(sectors), left)
                used.append((colour, html.escape(vocabulary_word(level))))  # legends are markup
                left = [a + b for a, b in zip(left, widths, strict=True)]
        most = max(left, default=1) or 1
        # The legend takes the top right, about two fifths of a narrow panel's plot: the
        # longest bar ends before it.
        self.getPlotItem().setXRange(0, most * 1.75, padding=0)
        self.count_axis(most)
        if used:
            self.add_legend(used)


class BrokerChart(Chart):
    """The ten nodes with the highest betweenness on the map, coloured by kind."""

    TITLE = QT_TRANSLATE_NOOP("BrokerChart", "Top brokers (betweenness)")

    def __init__(self) -> None:
        super().__init__(self.tr(self.TITLE))
        # The colour key goes under the title: inside the plot it covered the names.
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # fixed words only, no user text

    def show_result(self, result: Analysis, labels: dict[str, str]) -> list[str]:
        nodes = result.brokerage.nodes
        ranked = sorted(
            (node_id for node_id in nodes if nodes[node_id].betweenness > 0),
            key=lambda node_id: (-nodes[node_id].betweenness, node_id),
        )[:10]
        self.reset([labels.get(node_id, node_id) for node_id in ranked])
        values = [nodes[node_id].betweenness for node_id in ranked]
        kinds = [nodes[node_id].kind for node_id in ranked]
        if ranked:
            self.bars(values, [KIND_COLOURS[kind] for kind in kinds])
            self.getPlotItem().setXRange(0, max(values) * 1.35, padding=0)
        key = "&nbsp;&nbsp;".join(
            f'<span style="color:{KIND_COLOURS[kind]}">■</span>'
            f"&nbsp;{html.escape(self.tr(KIND_NAMES[kind]))}"
            for kind in KIND_COLOURS
            if kind in kinds
        )
        title = html.escape(self.tr(self.TITLE))
        self.heading.setText(f"{title}<br><span style='font-weight:normal'>{key}</span>")
        return ranked


class RolesChart(Chart):
    """Gould and Fernandez brokerage roles of one actor."""

    def __init__(self) -> None:
        super().__init__(self.tr("Brokerage roles"))

    def show_roles(self, roles: Roles | None, whose: str) -> None:
        self.heading.setText(
            self.tr("Brokerage roles: {whose}").format(whose=short(whose, NAME_CHARS))
        )
        # Four fixed names, shown whole.
        self.reset([self.tr(name) for _, name in ROLE_NAMES], name_chars=40)
        if not roles:
            self.count_axis(1)
            return
        values = [float(getattr(roles, key)) for key, _ in ROLE_NAMES]
        self.bars(values, ["#56B4E9", "#009E73", "#E69F00", "#CC79A7"])
        most = max(max(values), 1)
        self.getPlotItem().setXRange(0, most * 1.1, padding=0)
        self.count_axis(most)

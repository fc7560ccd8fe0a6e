"""The room analysis in the app: the communities most shared, the participants who are the only
bridge between communities, the room's silos, the community-by-community matrix and each
participant's breadth as a chart.

It shows :func:`~commapper.workshop.room_analysis.analyse_room` of the map as it is (merges and
the facilitator's edits alike), worked out again a moment after each change; every figure and
sentence is made from the analysis' own result. The analysis runs in the room's worker thread
(a 300-participant room takes a good part of a second), so the window answers meanwhile; only
the tables and the chart are made on the GUI thread (benchmarks/bench_room_gui.py measures the
stall).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Protocol, TypeVar

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commapper.model import MapDocument, printable
from commapper.ui.field_text import short
from commapper.ui.panels.charts import NAME_CHARS, Chart
from commapper.ui.plain_text import plain_markup
from commapper.ui.session import MapSession
from commapper.ui.translations import QT_TRANSLATE_NOOP
from commapper.workshop.room_analysis import RoomAnalysis, analyse_room

DEBOUNCE_MS = 200
logger = logging.getLogger(__name__)
_T = TypeVar("_T")


class Worker(Protocol):
    """Where the analysis runs: ``work`` in a worker thread, its result to ``done`` on the GUI
    thread (:meth:`~commapper.ui.room.room_map.RoomMap.in_worker`)."""

    def __call__(self, work: Callable[[], _T], done: Callable[[_T], None]) -> None: ...


SHOWN = 10  # communities or participants named in a list before "and n more"
BRIDGES_SHOWN = 6  # participants listed as only bridges, each with up to PAIRS_SHOWN pairs
PAIRS_SHOWN = 2
MATRIX_COMMUNITIES = 12  # the most shared communities make the matrix; more do not fit a panel
BREADTH_SERIES = (
    ("n_communities", "#0072B2", QT_TRANSLATE_NOOP("BreadthChart", "communities")),
    ("n_sectors", "#E69F00", QT_TRANSLATE_NOOP("BreadthChart", "sectors")),
)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label


def _lines() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class BreadthChart(Chart):
    """Each participant's breadth side by side: how many communities and sectors they take part
    in, widest first."""

    TITLE = QT_TRANSLATE_NOOP("BreadthChart", "Each participant's breadth")

    def __init__(self) -> None:
        super().__init__(self.tr(self.TITLE))
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # fixed words only, no user text
        key = "&nbsp;&nbsp;".join(
            f'<span style="color:{colour}">■</span>&nbsp;{html.escape(self.tr(name))}'
            for _, colour, name in BREADTH_SERIES
        )
        title = html.escape(self.tr(self.TITLE))
        self.heading.setText(f"{title}<br><span style='font-weight:normal'>{key}</span>")
        self.shown: list[tuple[str, dict[str, int]]] = []

    def show_room(self, analysis: RoomAnalysis, labels: dict[str, str]) -> None:
        ranked = sorted(
            analysis.breadth.items(),
            key=lambda item: (-item[1].n_communities, -item[1].n_sectors, labels.get(item[0], "")),
        )
        self.shown = [
            (labels.get(participant, participant),
             {key: getattr(figures, key) for key, _, _ in BREADTH_SERIES})
            for participant, figures in ranked
        ]  # fmt: skip
        self.reset([name for name, _ in self.shown])
        height = 0.8 / len(BREADTH_SERIES)
        for number, (key, colour, _) in enumerate(BREADTH_SERIES):
            offset = (number - (len(BREADTH_SERIES) - 1) / 2) * height
            values = [float(figures[key]) for _, figures in self.shown]
            if values:
                self.getPlotItem().addItem(
                    pg.BarGraphItem(
                        x0=[0.0] * len(values),
                        y=[i + offset for i in range(len(values))],
                        height=height,
                        width=values,
                        brush=QColor(colour),
                        pen=pg.mkPen(self.text_colour, width=0.5),
                    )
                )
        most = max((max(figures.values()) for _, figures in self.shown), default=1) or 1
        self.getPlotItem().setXRange(0, most * 1.05, padding=0)
        self.count_axis(most)
        self.setMinimumHeight(90 + 30 * max(len(self.shown), 2))


def _analysed(doc: MapDocument) -> RoomAnalysis | None:
    """``analyse_room(doc)``, or None if it failed (logged)."""
    try:
        return analyse_room(doc)
    except Exception:
        logger.exception("analysing the room")
        return None


class RoomAnalysisView(QScrollArea):
    """The room's analysis, as a column of sections; follows ``session``'s map, analysed by
    ``worker`` (on the GUI thread when None). ``shown`` is emitted when an analysis is shown."""

    shown = Signal()

    def __init__(self, session: MapSession, worker: Worker | None = None) -> None:
        super().__init__()
        self.session = session
        self.worker = worker
        self.analysis: RoomAnalysis | None = None
        # An analysis under way in the worker, and whether the map changed since it began.
        self._running = False
        self._again = False
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.summary = _lines()
        layout.addWidget(self.summary)
        layout.addWidget(_heading(self.tr("Communities most shared")))
        self.shared = QTableWidget(0, 3)
        for column, (name, tip) in enumerate(
            (
                (self.tr("Community"), ""),
                (self.tr("Named by"), self.tr("How many participants drew it in their maps")),
                (self.tr("Members"), self.tr("How many participants belong to it on the map")),
            )
        ):
            header = QTableWidgetItem(name)
            header.setToolTip(tip)
            self.shared.setHorizontalHeaderItem(column, header)
        self._table_style(self.shared)
        self.shared.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.shared)
        layout.addWidget(_heading(self.tr("Only bridges")))
        self.bridges = _lines()
        layout.addWidget(self.bridges)
        layout.addWidget(_heading(self.tr("Silos")))
        self.silos = _lines()
        layout.addWidget(self.silos)
        layout.addWidget(_heading(self.tr("Participants spanning each pair of communities")))
        self.matrix_note = _lines()
        layout.addWidget(self.matrix_note)
        self.matrix = QTableWidget()
        self._table_style(self.matrix)
        layout.addWidget(self.matrix)
        self.chart = BreadthChart()
        layout.addWidget(self.chart.heading)
        layout.addWidget(self.chart)
        layout.addStretch(1)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.recompute)
        session.document_changed.connect(self._timer.start)
        self.recompute()

    @staticmethod
    def _table_style(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def recompute(self) -> None:
        """Analyse the map as it is now and show it (when the worker has done it). Asked while
        an analysis is under way, the map is analysed again when that one is shown."""
        self._timer.stop()
        if self._running:
            self._again = True
            return
        doc = self.session.doc.snapshot()
        if self.worker is None:
            self._landed(doc, analyse_room(doc))
            return
        self._running = True
        self.worker(lambda: _analysed(doc), lambda analysis: self._landed(doc, analysis))

    def _landed(self, doc: MapDocument, analysis: RoomAnalysis | None) -> None:
        self._running = False
        if analysis is None:  # a bug, logged: the next change tries again
            return
        self.analysis = analysis
        self._show(doc, analysis)  # the analysis of doc, named from doc: as the map was
        self.shown.emit()
        if self._again:
            self._again = False
            self.recompute()

    def _show(self, doc: MapDocument, analysis: RoomAnalysis) -> None:
        def label(node_id: str) -> str:
            node = doc.get(node_id)
            text = getattr(node, "label", "") if node is not None else ""
            return printable(text or node_id)

        def listed(ids: tuple[str, ...]) -> str:
            shown = ", ".join(label(node_id) for node_id in ids[:SHOWN])
            more = len(ids) - SHOWN
            return shown + (self.tr(" and %n more", "", more) if more > 0 else "")

        n = len(analysis.participants)
        self.summary.setText(
            self.tr("%n participant(s), {communities} communities on the room map.", "", n).format(
                communities=len(analysis.communities_most_shared)
            )
        )
        shared = analysis.communities_most_shared
        self.shared.setRowCount(len(shared))
        for row, entry in enumerate(shared):
            name = QTableWidgetItem(short(label(entry.community), 40))
            name.setToolTip(plain_markup(label(entry.community)))
            self.shared.setItem(row, 0, name)
            for column, value in ((1, entry.named_by), (2, entry.members)):
                cell = QTableWidgetItem(str(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.shared.setItem(row, column, cell)
        self.shared.resizeColumnsToContents()
        self.shared.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._fit_height(self.shared, min(len(shared), SHOWN))

        if analysis.sole_bridges:
            lines = []
            for bridge in analysis.sole_bridges[:BRIDGES_SHOWN]:
                pairs = "; ".join(
                    f"{label(a)} and {label(b)}" for a, b in bridge.pairs[:PAIRS_SHOWN]
                )
                more = len(bridge.pairs) - PAIRS_SHOWN
                lines.append(
                    "• "
                    + self.tr("{who} alone links {pairs}").format(
                        who=label(bridge.participant), pairs=pairs
                    )
                    + (self.tr(" (and %n more pairs)", "", more) if more > 0 else "")
                )
            rest = len(analysis.sole_bridges) - BRIDGES_SHOWN
            if rest > 0:
                lines.append(self.tr("… and %n more participants", "", rest))
            self.bridges.setText("\n".join(lines))
        else:
            self.bridges.setText(
                self.tr("No participant is the only bridge between two communities.")
            )

        if analysis.silos:
            lines = []
            for silo in analysis.silos[:SHOWN]:
                who = listed(silo.participants) if silo.participants else self.tr("nobody here")
                lines.append(
                    "• "
                    + self.tr("{communities} (belonging: {who})").format(
                        communities=listed(silo.communities), who=who
                    )
                )
            self.silos.setText(
                self.tr("Communities that nothing in the room links to the rest:")
                + "\n"
                + "\n".join(lines)
            )
        else:
            self.silos.setText(
                self.tr("No silos: every community is linked to the rest of the room.")
            )

        self._show_matrix(analysis, label)
        self.chart.show_room(
            analysis, {participant: label(participant) for participant in analysis.participants}
        )

    def _show_matrix(self, analysis: RoomAnalysis, label: Callable[[str], str]) -> None:
        span = analysis.span
        count = min(len(span.communities), MATRIX_COMMUNITIES)
        communities = span.communities[:count]
        rows = span.matrix()
        members = {entry.community: entry.members for entry in analysis.communities_most_shared}
        self.matrix.clear()
        self.matrix.setRowCount(count)
        self.matrix.setColumnCount(count)
        # Columns are numbered as the rows are: names across the top would not fit a panel.
        self.matrix.setHorizontalHeaderLabels([str(i + 1) for i in range(count)])
        most = max((pair.participants for pair in span.pairs), default=0)
        base = self.palette().base().color()
        accent = QColor("#0072B2")
        for i, first in enumerate(communities):
            header = QTableWidgetItem(f"{i + 1}  {short(label(first), NAME_CHARS)}")
            header.setToolTip(plain_markup(label(first)))
            self.matrix.setVerticalHeaderItem(i, header)
            for j, second in enumerate(communities):
                value = members.get(first, 0) if i == j else rows[i][j]
                cell = QTableWidgetItem(str(value) if value else "")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if i == j:
                    cell.setToolTip(
                        self.tr("{community}: {n} participant members").format(
                            community=label(first), n=value
                        )
                    )
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                elif value:
                    cell.setToolTip(
                        self.tr("{n} participants in both {first} and {second}").format(
                            n=value, first=label(first), second=label(second)
                        )
                    )
                    share = value / most if most else 0
                    mix = 0.6 * share
                    shade = QColor(
                        round(base.red() + (accent.red() - base.red()) * mix),
                        round(base.green() + (accent.green() - base.green()) * mix),
                        round(base.blue() + (accent.blue() - base.blue()) * mix),
                    )
                    cell.setBackground(shade)
                    if share > 0.6:
                        cell.setForeground(QColor("white"))
                self.matrix.setItem(i, j, cell)
        self.matrix.resizeColumnsToContents()
        self._fit_height(self.matrix, count)
        hidden = len(span.communities) - count
        note = self.tr(
            "How many participants belong to both communities of a pair; on the diagonal, how "
            "many belong to each."
        )
        if hidden > 0:
            note += " " + self.tr("The %n most shared communities.", "", count)
        self.matrix_note.setText(note)

    @staticmethod
    def _fit_height(table: QTableWidget, rows: int) -> None:
        """Tall enough for ``rows`` rows (and the scroll bar), so the page scrolls, not it."""
        height = table.horizontalHeader().height() + 4
        height += sum(table.rowHeight(row) for row in range(min(rows, table.rowCount())))
        height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(height)
        table.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if table.rowCount() > rows
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )

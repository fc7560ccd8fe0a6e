"""The analysis panel: headline figures, charts, findings, overlays, timeline and what-if."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from commapper.analysis.fallout import fallout
from commapper.analysis.result import Analysis, WhatIf
from commapper.analysis.timeline import years_in, years_of
from commapper.model import DocumentChanged
from commapper.ui.canvas.overlays import CanvasOverlays, LegendWidget
from commapper.ui.canvas.scene import MapScene
from commapper.ui.canvas.view import MapView
from commapper.ui.field_text import FIELD_WORDS, field_words, short
from commapper.ui.panels.analysis_figures import BREADTH, BROKERAGE, LEVEL_FILTERS, FiguresView
from commapper.ui.panels.analysis_worker import AnalysisRunner
from commapper.ui.panels.chart_data import sector_levels
from commapper.ui.panels.whatif_view import WhatIfView
from commapper.ui.session import MapSession
from commapper.ui.translations import QT_TRANSLATE_NOOP
from commapper.ui.wheel import scroll_past_fields

if TYPE_CHECKING:
    from commapper.ui.panels.charts import Chart

NO_ME_TEXT = QT_TRANSLATE_NOOP(
    "AnalysisPanel",
    'Personal breadth and brokerage need a "me" node: add one to see how far your own '
    "participation reaches. The figures below are for the whole map.",
)
FINDING_ROLE = Qt.ItemDataRole.UserRole
LISTED_NAME_CHARS = 40  # a name in a list of names (silos, what holds the map together)
# About the height of the three charts, held for them until they are made: the panel scrolls as
# far as it will then.
CHARTS_HEIGHT = 640


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ChartsPlace(QWidget):
    """Where the charts go. They are made when it first comes into view with a result to
    show: pyqtgraph and the charts take 30 MiB and 0.2 s or more to make, which a window whose
    charts lie below the fold (most) need not spend."""

    in_view = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(CHARTS_HEIGHT)
        self.armed = False
        self.waiting = True

    def arm(self) -> None:
        """A result is shown and the panel laid out for it: before, the place showed where the
        findings, then empty, now are."""
        self.armed = True
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Qt paints a widget only where the scroll area shows it.
        if self.armed and self.waiting:
            self.waiting = False
            self.in_view.emit()


class FindingsList(QListWidget):
    """The findings, one per row, set apart by a rule and wrapped at the panel's width; as tall
    as its rows, so that the panel scrolls rather than the list."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Findings"))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The shown finding stays readable when the map takes the focus: styled items would
        # otherwise draw it in the highlight's text colour on the pale inactive highlight.
        self.setStyleSheet(
            "QListWidget::item { padding: 5px 0px; border-bottom: 1px solid palette(midlight); }"
            "QListWidget::item:selected { color: palette(text); background: palette(midlight); }"
        )

    def fit_to_rows(self) -> None:
        # After the next layout pass: rows wrap at the width the list has then.
        QTimer.singleShot(0, self, self._fit)

    def _fit(self) -> None:
        rows = sum(self.visualItemRect(self.item(row)).height() for row in range(self.count()))
        self.setFixedHeight(max(rows, 24) + 2 * self.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_to_rows()


class AnalysisPanel(QWidget):
    """The analysis of a session's map, for a dock. Owns its :class:`AnalysisRunner`."""

    def __init__(
        self,
        session: MapSession,
        scene: MapScene,
        view: MapView,
        runner: AnalysisRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.scene, self.view = session, scene, view
        self.runner = runner or AnalysisRunner(session)
        self.runner.setParent(self)
        self.overlays = CanvasOverlays(scene)
        self.result: Analysis | None = None
        self.what_if_node: str | None = None
        self.level = "all_levels"
        self._build()
        scroll_past_fields(self)
        self.runner.finished.connect(self.show_result)
        self.runner.failed.connect(self._show_failure)
        self.runner.busy_changed.connect(self._show_busy)
        self.runner.what_if_finished.connect(self._show_what_if)
        session.selection.changed.connect(self._show_roles)
        session.document_changed.connect(self._follow_map)
        session.document_changed.connect(self._end_stale_what_if)
        self._follow_map()
        self.runner.request()

    # -- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        top = QHBoxLayout()
        self.status = _plain(self.tr("Analysing…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: no known end
        self.progress.setMaximumWidth(90)
        self.progress.setAccessibleName(self.tr("Analysis in progress"))
        self.level_filter = QComboBox()
        for key, text in LEVEL_FILTERS.items():
            self.level_filter.addItem(QCoreApplication.translate("Figures", text), key)
        self.level_filter.setToolTip(
            self.tr("Count every membership, or leave out transactional ones")
        )
        self.level_filter.currentIndexChanged.connect(self._level_changed)
        top.addWidget(self.status, 1)
        top.addWidget(self.progress)
        layout.addLayout(top)
        counted = QHBoxLayout()
        counted_label = QLabel(self.tr("&Count:"))
        counted_label.setBuddy(self.level_filter)
        counted.addWidget(counted_label)
        counted.addWidget(self.level_filter, 1)
        layout.addLayout(counted)

        self.no_me = _plain(self.tr(NO_ME_TEXT))
        self.no_me.hide()  # until a result says whether the map has a me
        layout.addWidget(self.no_me)
        self.breadth_box = QGroupBox(self.tr("Breadth: how far my participation reaches"))
        self.breadth = FiguresView(BREADTH)
        QVBoxLayout(self.breadth_box).addWidget(self.breadth)
        self.brokerage_box = QGroupBox(
            self.tr("Brokerage: where I carry practice across boundaries")
        )
        self.brokerage = FiguresView(BROKERAGE)
        QVBoxLayout(self.brokerage_box).addWidget(self.brokerage)
        whole_box = QGroupBox(self.tr("The whole map"))
        whole = QFormLayout(whole_box)
        self.silos_label, self.cut_label = _plain(), _plain()
        self.silos_label.setToolTip(
            self.tr("Communities with no connection in the community network C")
        )
        self.cut_label.setToolTip(
            self.tr("Articulation points of the map without me: cut one, it splits")
        )
        whole.addRow(self.tr("Silos"), self.silos_label)
        whole.addRow(self.tr("Holding it together"), self.cut_label)
        # The findings first: they say in plain words what the figures below measure.
        findings_box = QGroupBox(self.tr("Findings (click one to show it on the map)"))
        self.findings = FindingsList()
        self.findings.itemClicked.connect(self.show_finding)
        self.findings.itemActivated.connect(self.show_finding)
        QVBoxLayout(findings_box).addWidget(self.findings)
        layout.addWidget(findings_box)
        layout.addWidget(self.breadth_box)
        layout.addWidget(self.brokerage_box)
        layout.addWidget(whole_box)

        self.charts_box = ChartsPlace()
        # After the paint: widgets are not made while painting.
        self.charts_box.in_view.connect(self._make_charts, Qt.ConnectionType.QueuedConnection)
        self.charts: tuple[Chart, ...] = ()
        layout.addWidget(self.charts_box)
        # Charts follow the system's light or dark scheme, also when it changes while running.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._follow_theme)

        layout.addWidget(self._build_overlays())
        layout.addWidget(self._build_timeline())
        self.what_if_box = QGroupBox(self.tr("What if"))
        self.what_if_view = WhatIfView()
        self.what_if_view.dismissed.connect(self.end_what_if)
        QVBoxLayout(self.what_if_box).addWidget(self.what_if_view)
        self.what_if_box.hide()
        layout.addWidget(self.what_if_box)
        layout.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.setMinimumWidth(380)

    def _build_overlays(self) -> QGroupBox:
        box = QGroupBox(self.tr("On the map"))
        layout = QVBoxLayout(box)
        self.size_check = QCheckBox(self.tr("Size by betweenness"))
        self.broker_check = QCheckBox(self.tr("Mark top brokers"))
        self.silo_check = QCheckBox(self.tr("Mark silos"))
        self.cut_check = QCheckBox(self.tr("Mark what holds the map together"))
        self.pairs_check = QCheckBox(self.tr("Show open pairs only I bridge"))
        for check in (self.size_check, self.broker_check, self.silo_check, self.cut_check,
                      self.pairs_check):  # fmt: skip
            check.toggled.connect(self._overlays_changed)
            layout.addWidget(check)
        self.colour_combo = QComboBox()
        self.colour_combo.setAccessibleName(self.tr("Colour nodes by"))
        self.colour_combo.activated.connect(self._overlays_changed)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Colour by")))
        row.addWidget(self.colour_combo, 1)
        layout.addLayout(row)
        self.legend = LegendWidget()
        layout.addWidget(self.legend)
        self._fill_colour_choices()
        return box

    def _build_timeline(self) -> QGroupBox:
        box = QGroupBox(self.tr("Timeline"))
        layout = QVBoxLayout(box)
        self.timeline_check = QCheckBox(self.tr("Show the map as of a year"))
        self.timeline_check.toggled.connect(self._timeline_changed)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(self.tr("Year"))
        self.slider.setEnabled(False)
        self.slider.valueChanged.connect(self._timeline_changed)
        self.year_label = _plain(self.tr("Today: every membership"))
        layout.addWidget(self.timeline_check)
        layout.addWidget(self.slider)
        layout.addWidget(self.year_label)
        return box

    # -- showing results -------------------------------------------------------------------------

    def _make_charts(self) -> None:
        from commapper.ui.panels.charts import BrokerChart, RolesChart, SectorLevelChart

        self.sector_chart, self.broker_chart = SectorLevelChart(), BrokerChart()
        self.roles_chart = RolesChart()
        self.charts = (self.sector_chart, self.broker_chart, self.roles_chart)
        for chart in self.charts:
            self.charts_box.layout_.addWidget(chart.heading)
            self.charts_box.layout_.addWidget(chart)
        scroll_past_fields(self.charts_box)
        self.charts_box.setMinimumHeight(0)
        if self.result is not None:
            self._show_charts()

    def _follow_theme(self) -> None:
        for chart in self.charts:
            chart.follow_theme()
        if self.result is not None:
            self.show_result(self.result)  # bars and titles drawn again in the new colours

    def show_result(self, result: Analysis) -> None:
        self.result = result
        has_me = result.ego is not None
        self.no_me.setVisible(not has_me)
        self.breadth_box.setVisible(has_me)
        self.brokerage_box.setVisible(has_me)
        self.level_filter.setEnabled(has_me)
        self._show_figures()
        brokerage = result.brokerage
        silos = brokerage.silos_excluding_ego if has_me else brokerage.silos_strict
        self.silos_label.setText(self._names(silos) or self.tr("none"))
        self.cut_label.setText(
            self._names(brokerage.articulation_points_without_ego) or self.tr("none")
        )
        self._show_charts()
        self.findings.clear()
        for finding in result.findings:
            item = QListWidgetItem(finding.text)  # plain text: never markup
            item.setData(FINDING_ROLE, finding.nodes)
            self.findings.addItem(item)
        self.findings.fit_to_rows()
        if not self.charts:
            QTimer.singleShot(0, self, self.charts_box.arm)  # after the findings take their rows
        self.overlays.set_result(result)
        self.legend.show_entries(self.overlays.legend)
        year = self.runner.year
        self.status.setText(
            self.tr("As of {year}").format(year=year) if year is not None else self.tr("Up to date")
        )

    def _show_figures(self) -> None:
        if self.result is None or self.result.ego is None:
            return
        self.breadth.show_result(self.result, self.level)
        self.brokerage.show_result(self.result, self.level)
        self._show_sector_levels()

    def _show_charts(self) -> None:
        """The charts of the result shown, once they are made."""
        if not self.charts or self.result is None:
            return
        self.sector_chart.setVisible(self.result.ego is not None)
        self._show_sector_levels()
        # No one brokers on a map without paths between nodes: an empty chart says nothing.
        shown = self.broker_chart.show_result(self.result, self._labels())
        self.broker_chart.setVisible(bool(shown))
        self._show_roles()

    def _show_sector_levels(self) -> None:
        if not self.charts or self.result is None or self.result.ego is None:
            return
        self.sector_chart.show_counts(
            sector_levels(self.runner.snapshot(), members_only=self.level == "members_only")
        )

    def _show_roles(self) -> None:
        if self.result is None or not self.charts:
            return
        actors = self.result.brokerage.actors
        # My roles are the ones the figures above give (among my communities): selecting me
        # shows those, not my roles among the people.
        chosen = next(
            (i for i in self.session.selection.ids if i in actors and i != self.result.ego), None
        )
        if chosen is not None:
            self.roles_chart.show_roles(actors[chosen].gould_fernandez, self._label(chosen))
        elif self.result.brokerage.ego is not None:
            self.roles_chart.show_roles(self.result.brokerage.ego.gould_fernandez, self.tr("me"))
        else:
            self.roles_chart.show_roles(None, self.tr("select a person"))
        # A map without people has no roles to show.
        self.roles_chart.setVisible(bool(actors))

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        if busy:
            self.status.setText(self.tr("Analysing…"))

    def _show_failure(self, message: str) -> None:
        reason = message.strip().splitlines()[-1]
        self.status.setText(self.tr("The analysis failed: {reason}").format(reason=reason))

    def _labels(self) -> dict[str, str]:
        return {node.id: node.label or node.id for node in self.session.doc.nodes}

    def _label(self, node_id: str) -> str:
        doc = self.session.doc
        return (doc.node(node_id).label or node_id) if doc.has_node(node_id) else node_id

    def _names(self, ids: Iterable[str]) -> str:
        # Each cut short: a few long labels would otherwise fill the panel.
        return ", ".join(short(self._label(i), LISTED_NAME_CHARS) for i in ids)

    # -- user choices ----------------------------------------------------------------------------

    def _level_changed(self) -> None:
        self.level = self.level_filter.currentData()
        self._show_figures()

    def show_finding(self, item: QListWidgetItem) -> None:
        """Select a finding's nodes and bring them into view."""
        nodes = [n for n in item.data(FINDING_ROLE) if self.session.doc.has_node(n)]
        self.session.selection.set(nodes)
        self.view.frame_nodes(nodes)

    def _fill_colour_choices(self) -> None:
        current = self.colour_combo.currentData() or "sector"
        self.colour_combo.clear()
        for choice in self.overlays.colour_choices():
            # A field's name, or a custom attribute's (the user's own word, shown as it is).
            if choice == "level":
                text = self.tr("my participation level")
            else:
                text = field_words(choice) if choice in FIELD_WORDS else choice
            self.colour_combo.addItem(text, choice)
        self.colour_combo.setCurrentIndex(max(self.colour_combo.findData(current), 0))

    def _overlays_changed(self) -> None:
        overlays = self.overlays
        overlays.size_by_betweenness = self.size_check.isChecked()
        overlays.marks = {
            mark
            for mark, check in (
                ("broker", self.broker_check),
                ("silo", self.silo_check),
                ("articulation", self.cut_check),
            )
            if check.isChecked()
        }
        overlays.open_pairs = self.pairs_check.isChecked()
        overlays.colour_by = self.colour_combo.currentData() or "sector"
        overlays.apply()
        self.legend.show_entries(overlays.legend)

    def _follow_map(self, change: DocumentChanged | None = None) -> None:
        """The timeline's years and the choices of what colours the map, as the map now has
        them."""
        nodes_changed = change is None or bool(
            change.nodes_added or change.nodes_removed or change.nodes_changed
        )
        if nodes_changed and self.colour_combo.count() != len(self.overlays.colour_choices()):
            self._fill_colour_choices()  # a custom attribute came or went
        if change is not None and not (change.edges_removed or change.edges_changed):
            doc = self.session.doc
            if not any(years_of(doc.edge(i)) for i in change.edges_added if doc.has_edge(i)):
                return  # only memberships carry years (all 33,000 lines read: 20 ms)
        years = years_in(self.session.doc)
        self.years = years
        self.timeline_check.setEnabled(bool(years))
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(years) - 1, 0))
        # Keep pointing at the year shown, which may now sit at another position.
        shown = self.runner.year
        if shown is not None and years:
            self.slider.setValue(min(range(len(years)), key=lambda i: abs(years[i] - shown)))
        self.slider.blockSignals(False)
        if shown is not None and shown not in years:
            self._timeline_changed()  # that year is gone from the map: show the nearest

    def _timeline_changed(self) -> None:
        on = self.timeline_check.isChecked() and bool(self.years)
        self.slider.setEnabled(on)
        year = self.years[min(self.slider.value(), len(self.years) - 1)] if on else None
        self.set_year(year)

    def set_year(self, year: int | None) -> None:
        """Show the map and its figures as of ``year`` (None: today, every membership)."""
        self.year_label.setText(
            self.tr("Today: every membership")
            if year is None
            else self.tr("{year}: memberships held that year").format(year=year)
        )
        self.overlays.year = year
        self.overlays.apply()
        self.legend.show_entries(self.overlays.legend)
        self.runner.set_year(year)

    # -- what-if ---------------------------------------------------------------------------------

    def start_what_if(self, node_id: str) -> None:
        """Show every headline figure without ``node_id`` and fade what would drop away."""
        if not self.session.doc.has_node(node_id):
            return
        self.what_if_node = node_id
        self.overlays.what_if = fallout(self.runner.snapshot(), node_id)
        self.overlays.apply()
        self.legend.show_entries(self.overlays.legend)
        self.what_if_view.show_waiting(self._label(node_id))
        self.what_if_box.show()
        # The answer is at the bottom of a long panel: bring it into view.
        QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(self.what_if_box))
        self.runner.request_what_if(node_id)

    def _show_what_if(self, result: WhatIf) -> None:
        if result.removed == self.what_if_node:
            self.what_if_view.show_result(result)

    def _end_stale_what_if(self, _change: object = None) -> None:
        # A what-if answers for the map as it was: after an edit it would mislead.
        if self.what_if_node is not None:
            self.end_what_if()

    def end_what_if(self) -> None:
        """Dismiss the what-if: the table goes, the map is shown whole again."""
        self.what_if_node = None
        self.runner.cancel_what_if()
        self.overlays.what_if = None
        self.overlays.apply()
        self.legend.show_entries(self.overlays.legend)
        self.what_if_box.hide()

    def shutdown(self) -> None:
        """Stop the runner (call when the window closes)."""
        self.runner.shutdown()

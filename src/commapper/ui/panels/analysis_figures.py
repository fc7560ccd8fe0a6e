"""The headline figures of the analysis panel: each with a one-line meaning in Wenger's terms
and a tooltip giving its formula.

Names, meanings and formulas are marked for translation where they are defined and translated
where they are shown (context "Figures").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from commapper.analysis.result import Analysis, Breadth, EgoBrokerage
from commapper.model import LEVELS
from commapper.ui.field_text import vocabulary_word
from commapper.ui.translations import QT_TRANSLATE_NOOP

BESIDE_NAME_WIDTH = 90  # pixels: a longer value goes on a line of its own, under its name
LEVEL_FILTERS = {
    "all_levels": QT_TRANSLATE_NOOP("Figures", "All levels"),
    "members_only": QT_TRANSLATE_NOOP("Figures", "Members only (no transactional)"),
}


@dataclass(frozen=True)
class Figure:
    """One figure: where it comes from in the analysis JSON and how to read it (the texts are
    the untranslated source)."""

    name: str
    value: Callable[[Analysis, str], object]  # (result, level filter) -> value
    meaning: str
    formula: str


def _breadth_of(result: Analysis, level: str) -> Breadth:
    assert result.breadth is not None, "personal figures are shown only for a map with me"
    return result.breadth.of(level)


def _ego_of(result: Analysis) -> EgoBrokerage:
    assert result.brokerage.ego is not None, "personal figures are shown only for a map with me"
    return result.brokerage.ego


def _domains(result: Analysis, level: str) -> str:
    block = _breadth_of(result, level)
    return QCoreApplication.translate("Figures", "{count}  (Blau {blau})").format(
        count=block.n_domains, blau=figure_text(block.domain_diversity.blau)
    )


def _sectors(result: Analysis, level: str) -> str:
    block = _breadth_of(result, level)
    return QCoreApplication.translate("Figures", "{count}  (Blau {blau})").format(
        count=block.n_sectors, blau=figure_text(block.sector_diversity.blau)
    )


def _inside_outside(result: Analysis, level: str) -> str:
    block = _breadth_of(result, level)
    text = QCoreApplication.translate("Figures", "{inside} / {outside}  (share outside {share})")
    return text.format(
        inside=block.n_inside_org,
        outside=block.n_outside_org,
        share=figure_text(block.share_outside),
    )


def _roles(result: Analysis, level: str) -> str:
    roles = _ego_of(result).gould_fernandez
    text = QCoreApplication.translate(
        "Figures",
        "{liaison} liaison, {gatekeeper} repr./gatek., {itinerant} itinerant, "
        "{coordinator} coordinator",
    )
    return text.format(
        liaison=roles.liaison,
        gatekeeper=roles.representative_gatekeeper,
        itinerant=roles.itinerant,
        coordinator=roles.coordinator,
    )


def _by_level(result: Analysis, level: str) -> str:
    block = _breadth_of(result, level)
    # Strongest level first, as Wenger's trajectories run from core to the periphery.
    each_level = QCoreApplication.translate("Figures", "{count} {level}")
    counts = [
        each_level.format(count=n, level=vocabulary_word(each))
        for each in LEVELS
        if (n := block.by_level.get(each.value))
    ]
    if not counts:
        return "0"
    text = QCoreApplication.translate("Figures", "{count}  ({by_level})")
    return text.format(count=block.n_communities, by_level=", ".join(counts))


BREADTH = (
    Figure(QT_TRANSLATE_NOOP("Figures", "Communities"), _by_level,
           QT_TRANSLATE_NOOP("Figures", "The communities of practice you take part in, by how "
                                        "central you are in each."),
           QT_TRANSLATE_NOOP("Figures", "|M|: your memberships under the level filter, counted "
                                        "by level")),
    Figure(QT_TRANSLATE_NOOP("Figures", "Domains"), _domains,
           QT_TRANSLATE_NOOP("Figures", "How many different domains of knowledge your "
                                        "communities are about."),
           QT_TRANSLATE_NOOP("Figures", "distinct non-empty domains over M; Blau = 1 − Σ p_k²")),
    Figure(QT_TRANSLATE_NOOP("Figures", "Sectors"), _sectors,
           QT_TRANSLATE_NOOP("Figures", "How many walks of life (work, civic, family…) your "
                                        "participation spans."),
           QT_TRANSLATE_NOOP("Figures", "distinct non-empty sectors over M; Blau = 1 − Σ p_k²")),
    Figure(QT_TRANSLATE_NOOP("Figures", "Inside / outside my organisation"), _inside_outside,
           QT_TRANSLATE_NOOP("Figures", "Whether your learning crosses the boundary of your own "
                                        "organisation."),
           QT_TRANSLATE_NOOP("Figures", "share outside = E/(E+I); E-I = (E−I)/(E+I)")),
    Figure(QT_TRANSLATE_NOOP("Figures", "Communities within two steps"),
           lambda r, lv: _breadth_of(r, lv).reach2_communities,
           QT_TRANSLATE_NOOP("Figures", "Your communities and those they connect to: the "
                                        "landscape you can reach."),
           QT_TRANSLATE_NOOP("Figures", "|M ∪ N(M)| in C without {me}")),
    Figure(QT_TRANSLATE_NOOP("Figures", "People within reach"),
           lambda r, lv: _breadth_of(r, lv).reach_people,
           QT_TRANSLATE_NOOP("Figures", "People who share a community with you, plus your "
                                        "personal ties."),
           QT_TRANSLATE_NOOP("Figures", "actors sharing a community with me, plus tie partners")),
)  # fmt: skip

BROKERAGE = (
    Figure(QT_TRANSLATE_NOOP("Figures", "Effective size"),
           lambda r, lv: _ego_of(r).effective_size,
           QT_TRANSLATE_NOOP("Figures", "How many of your communities are not already connected "
                                        "to each other."),
           QT_TRANSLATE_NOOP("Figures", "Burt: ES = Σ_j [1 − Σ_q p_iq m_jq] on your community "
                                        "graph EG")),
    Figure(QT_TRANSLATE_NOOP("Figures", "Efficiency"), lambda r, lv: _ego_of(r).efficiency,
           QT_TRANSLATE_NOOP("Figures", "Share of your communities that each bring something the "
                                        "others do not."),
           QT_TRANSLATE_NOOP("Figures", "efficiency = ES / degree")),
    Figure(QT_TRANSLATE_NOOP("Figures", "Constraint"), lambda r, lv: _ego_of(r).constraint,
           QT_TRANSLATE_NOOP("Figures", "Low when you span boundaries; high when your communities "
                                        "all overlap."),
           QT_TRANSLATE_NOOP("Figures", "Burt: C = Σ_j (p_ij + Σ_q p_iq p_qj)²")),
    Figure(QT_TRANSLATE_NOOP("Figures", "Open pairs only I bridge"),
           lambda r, lv: len(_ego_of(r).open_pairs),
           QT_TRANSLATE_NOOP("Figures", "Pairs of your communities that nothing but you "
                                        "connects: where you broker."),
           QT_TRANSLATE_NOOP("Figures", "pairs of my communities not adjacent in C without {me}")),
    Figure(QT_TRANSLATE_NOOP("Figures", "Brokerage roles"), _roles,
           QT_TRANSLATE_NOOP("Figures", "How you carry practice across boundaries (Gould and "
                                        "Fernandez), inside vs outside your organisation."),
           QT_TRANSLATE_NOOP("Figures", "open two-step paths i–me–k; roles by the groups of i, me "
                                        "and k (partition inside_org)")),
)  # fmt: skip


def figure_text(value: object) -> str:
    """A figure as shown: two decimals, a dash when undefined."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


class FiguresView(QWidget):
    """A grid of figures: name and value on one row, the meaning below in a smaller font. A
    value too long to sit beside its name (a count with its breakdown) gets a line of its own."""

    def __init__(self, figures: tuple[Figure, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = figures
        self.values: dict[str, QLabel] = {}
        self.long_values: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(1)
        layout.setColumnStretch(1, 1)
        for row, figure in enumerate(figures):
            shown_name = QCoreApplication.translate("Figures", figure.name)
            name = QLabel(shown_name)
            value = QLabel("—")
            long_value = QLabel()
            meaning = QLabel(QCoreApplication.translate("Figures", figure.meaning))
            tooltip = self.tr("{figure}: {formula}").format(
                figure=shown_name, formula=QCoreApplication.translate("Figures", figure.formula)
            )
            for label in (name, value, long_value, meaning):
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setToolTip(tooltip)
            name.setStyleSheet("font-weight: bold")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for shown in (value, long_value):
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                shown.setAccessibleName(shown_name)
            long_value.setWordWrap(True)
            long_value.hide()
            meaning.setWordWrap(True)
            meaning.setStyleSheet("color: palette(placeholder-text)")
            layout.addWidget(name, 3 * row, 0)
            layout.addWidget(value, 3 * row, 1)
            layout.addWidget(long_value, 3 * row + 1, 0, 1, 2)
            layout.addWidget(meaning, 3 * row + 2, 0, 1, 2)
            self.values[figure.name] = value
            self.long_values[figure.name] = long_value

    def show_result(self, result: Analysis, level: str) -> None:
        for figure in self.figures:
            text = figure_text(figure.value(result, level))
            value, long_value = self.values[figure.name], self.long_values[figure.name]
            is_long = value.fontMetrics().horizontalAdvance(text) > BESIDE_NAME_WIDTH
            value.setText("" if is_long else text)
            long_value.setText(text if is_long else "")
            long_value.setVisible(is_long)

    def text_of(self, name: str) -> str:
        return self.values[name].text() or self.long_values[name].text()

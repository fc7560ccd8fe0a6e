"""The headline figures of the analysis panel: each with a one-line meaning in Wenger's terms
and a tooltip giving its formula."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from commapper.analysis.result import Analysis, Breadth, EgoBrokerage
from commapper.model import LEVELS

LEVEL_FILTERS = {"all_levels": "All levels", "members_only": "Members only (no transactional)"}


@dataclass(frozen=True)
class Figure:
    """One figure: where it comes from in the analysis JSON and how to read it."""

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
    return f"{block.n_domains}  (Blau {figure_text(block.domain_diversity.blau)})"


def _sectors(result: Analysis, level: str) -> str:
    block = _breadth_of(result, level)
    return f"{block.n_sectors}  (Blau {figure_text(block.sector_diversity.blau)})"


def _inside_outside(result: Analysis, level: str) -> str:
    block = _breadth_of(result, level)
    return (
        f"{block.n_inside_org} / {block.n_outside_org}"
        f"  (share outside {figure_text(block.share_outside)})"
    )


def _roles(result: Analysis, level: str) -> str:
    roles = _ego_of(result).gould_fernandez
    return (
        f"{roles.liaison} liaison, {roles.representative_gatekeeper} repr./gatek., "
        f"{roles.itinerant} itinerant, {roles.coordinator} coordinator"
    )


def _by_level(result: Analysis, level: str) -> str:
    block = _breadth_of(result, level)
    # Strongest level first, as Wenger's trajectories run from core to the periphery.
    counts = [f"{n} {each.value}" for each in LEVELS if (n := block.by_level.get(each.value))]
    return f"{block.n_communities}  ({', '.join(counts)})" if counts else "0"


BREADTH = (
    Figure("Communities", _by_level,
           "The communities of practice you take part in, by how central you are in each.",
           "|M|: your memberships under the level filter, counted by level"),
    Figure("Domains", _domains,
           "How many different domains of knowledge your communities are about.",
           "distinct non-empty domains over M; Blau = 1 − Σ p_k²"),
    Figure("Sectors", _sectors,
           "How many walks of life (work, civic, family…) your participation spans.",
           "distinct non-empty sectors over M; Blau = 1 − Σ p_k²"),
    Figure("Inside / outside my organisation", _inside_outside,
           "Whether your learning crosses the boundary of your own organisation.",
           "share outside = E/(E+I); E-I = (E−I)/(E+I)"),
    Figure("Communities within two steps",
           lambda r, lv: _breadth_of(r, lv).reach2_communities,
           "Your communities and those they connect to: the landscape you can reach.",
           "|M ∪ N(M)| in C without {me}"),
    Figure("People within reach", lambda r, lv: _breadth_of(r, lv).reach_people,
           "People who share a community with you, plus your personal ties.",
           "actors sharing a community with me, plus tie partners"),
)  # fmt: skip

BROKERAGE = (
    Figure("Effective size", lambda r, lv: _ego_of(r).effective_size,
           "How many of your communities are not already connected to each other.",
           "Burt: ES = Σ_j [1 − Σ_q p_iq m_jq] on your community graph EG"),
    Figure("Efficiency", lambda r, lv: _ego_of(r).efficiency,
           "Share of your communities that each bring something the others do not.",
           "efficiency = ES / degree"),
    Figure("Constraint", lambda r, lv: _ego_of(r).constraint,
           "Low when you span boundaries; high when your communities all overlap.",
           "Burt: C = Σ_j (p_ij + Σ_q p_iq p_qj)²"),
    Figure("Open pairs only I bridge", lambda r, lv: len(_ego_of(r).open_pairs),
           "Pairs of your communities that nothing but you connects: where you broker.",
           "pairs of my communities not adjacent in C without {me}"),
    Figure("Brokerage roles", _roles,
           "How you carry practice across boundaries (Gould and Fernandez), inside vs outside "
           "your organisation.",
           "open two-step paths i–me–k; roles by the groups of i, me and k (partition inside_org)"),
)  # fmt: skip


def figure_text(value: object) -> str:
    """A figure as shown: two decimals, a dash when undefined."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


class FiguresView(QWidget):
    """A grid of figures: name and value on one row, the meaning below in a smaller font."""

    def __init__(self, figures: tuple[Figure, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = figures
        self.values: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(1)
        layout.setColumnStretch(1, 1)
        for row, figure in enumerate(figures):
            name = QLabel(figure.name)
            value = QLabel("—")
            meaning = QLabel(figure.meaning)
            for label in (name, value, meaning):
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setToolTip(f"{figure.name}: {figure.formula}")
            name.setStyleSheet("font-weight: bold")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setWordWrap(True)  # long values wrap in a narrow dock instead of clipping
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(figure.name)
            meaning.setWordWrap(True)
            meaning.setStyleSheet("color: palette(placeholder-text)")
            layout.addWidget(name, 2 * row, 0)
            layout.addWidget(value, 2 * row, 1)
            layout.addWidget(meaning, 2 * row + 1, 0, 1, 2)
            self.values[figure.name] = value

    def show_result(self, result: Analysis, level: str) -> None:
        for figure in self.figures:
            self.values[figure.name].setText(figure_text(figure.value(result, level)))

    def text_of(self, name: str) -> str:
        return self.values[name].text()

"""The analysis charts: counts on whole-number axes that stay readable."""

import pytest

from commapper.analysis.result import Roles
from commapper.ui.panels.charts import RolesChart, SectorLevelChart


def tick_values(chart) -> list[float]:
    """The values the value axis labels, for the range the chart shows."""
    plot = chart.getPlotItem()
    low, high = plot.viewRange()[0]
    return [value for _, values in plot.getAxis("bottom").tickValues(low, high, 300)
            for value in values]  # fmt: skip


@pytest.mark.parametrize(
    "roles",
    [None, Roles(0, 0, 0, 0, 0), Roles(6, 18, 31, 0, 55), Roles(0, 0, 400, 3, 403)],
    ids=["none", "all zero", "tens", "hundreds"],
)
def test_role_counts_are_labelled_with_a_few_whole_numbers(qtbot, roles):
    chart = RolesChart()
    qtbot.addWidget(chart)
    chart.show_roles(roles, "me")
    values = tick_values(chart)
    # An empty chart once showed "0.20.40.60.81.0": fractions that ran together.
    assert values and all(float(value).is_integer() for value in values)
    assert len(set(values)) <= 7


def test_communities_by_sector_are_labelled_with_a_few_whole_numbers(qtbot):
    chart = SectorLevelChart()
    qtbot.addWidget(chart)
    chart.show_counts({"health": {"core": 1, "active": 30}, "hobby": {"peripheral": 2}})
    values = tick_values(chart)
    assert values and all(float(value).is_integer() for value in values)
    assert len(set(values)) <= 7

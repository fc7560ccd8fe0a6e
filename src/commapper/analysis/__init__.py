"""Breadth and brokerage of a map: derived graphs, metrics and findings. Pure; no Qt."""

from commapper.analysis.analyse import analyse, group_by_choices, result_to_json
from commapper.analysis.whatif import what_if

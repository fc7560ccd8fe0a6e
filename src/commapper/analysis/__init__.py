"""Breadth and brokerage of a map: derived graphs, metrics and findings. Pure; no Qt."""

from commapper.analysis.analyse import analyse, group_by_choices
from commapper.analysis.result import Analysis, WhatIf, to_json
from commapper.analysis.whatif import what_if

__all__ = ["Analysis", "WhatIf", "analyse", "group_by_choices", "to_json", "what_if"]

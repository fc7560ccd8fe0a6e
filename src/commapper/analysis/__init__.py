"""Breadth and brokerage of a map: derived graphs, metrics and findings. Pure; no Qt.

The names below load on first use: the window reads results and runs the analysis in another
process, and importing it all (numpy, scipy, igraph) would add a second to every launch.

Import ``analyse`` from ``commapper.analysis.analyse``, not from here: once that module is
imported, Python sets it as this package's attribute ``analyse``, and ``from commapper.analysis
import analyse`` would then give the module, not the function. :func:`call` is not fooled.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from commapper.analysis.analyse import analyse, group_by_choices
    from commapper.analysis.result import Analysis, WhatIf, to_json
    from commapper.analysis.whatif import what_if

_HOMES = {
    "analyse": "commapper.analysis.analyse",
    "group_by_choices": "commapper.analysis.analyse",
    "Analysis": "commapper.analysis.result",
    "WhatIf": "commapper.analysis.result",
    "to_json": "commapper.analysis.result",
    "what_if": "commapper.analysis.whatif",
}


def __getattr__(name: str) -> Any:
    if (home := _HOMES.get(name)) is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    # Kept, and over the submodule of the same name ("analyse") that importing it set here.
    globals()[name] = value
    return value


def call(name: str, /, *args: Any, **kwargs: Any) -> Any:
    """Call the function of this package named ``name`` ("analyse", "what_if"): the window
    hands this to the analysis process, and so needs not import the analysis itself."""
    return __getattr__(name)(*args, **kwargs)


__all__ = ["Analysis", "WhatIf", "analyse", "call", "group_by_choices", "to_json", "what_if"]

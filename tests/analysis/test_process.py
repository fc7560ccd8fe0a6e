"""The analysis process imports no Qt: it would hold 165 MiB for nothing."""

from __future__ import annotations

import sys
from functools import partial

from commapper.analysis.analyse import analyse
from commapper.analysis.process import run_in_process
from commapper.analysis.result import to_json
from commapper.io import load_map
from commapper.resources import DEFAULT_EXAMPLE


def qt_modules_loaded() -> list[str]:
    """In the process it runs in: the Qt modules loaded there."""
    return sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "pyqtgraph"))


def test_the_analysis_process_analyses_without_loading_qt():
    doc = load_map(DEFAULT_EXAMPLE)
    result = run_in_process(partial(analyse, doc))
    assert to_json(result) == to_json(analyse(doc))
    assert run_in_process(qt_modules_loaded) == []

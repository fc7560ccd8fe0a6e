"""Work for tests to run in a process (imported there by this name, so free of Qt and pytest)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Collection

from commapper.model import MapDocument


def report_until_stopped(
    report: Callable[[int, int], None], done: int = 3, total: int = 10
) -> None:
    """Tell ``report`` that ``done`` of ``total`` steps are done, again and again, until it raises
    (the app stopped listening)."""
    while True:
        report(done, total)
        time.sleep(0.005)


def layout_until_stopped(
    doc: MapDocument,
    *,
    pinned: Collection[str] = (),
    progress: Callable[[int, int], None],
) -> dict[str, tuple[float, float]]:
    """A layout that places 3 of the map's nodes and never gets further: it ends when stopped."""
    report_until_stopped(progress, 3, len(doc.nodes))
    return {}


def layout_that_crashes(
    doc: MapDocument,
    *,
    pinned: Collection[str] = (),
    progress: Callable[[int, int], None],
) -> dict[str, tuple[float, float]]:
    """A layout whose process dies under it, as on running out of memory."""
    os._exit(3)

"""How far long work on the GUI thread has got, for whoever waits on it, and the wish to stop it.

Building the items of a large map takes the GUI thread for seconds. The work calls
:func:`report_progress` every so often; whoever started it (opening a file, with a progress
dialog) listens with :func:`progress_to`, keeps the dialog answering, and raises
:class:`Cancelled` out of the report when the user pressed Cancel. Without a listener a report
costs one check.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

ProgressListener = Callable[[int, int], None]  # (done, total); may raise Cancelled

_listeners: list[ProgressListener] = []


class Cancelled(Exception):
    """The user cancelled the work in progress; what it made so far is to be thrown away."""


def report_progress(done: int, total: int) -> None:
    """Say that ``done`` of ``total`` steps of the current work are done.

    Raises
    ------
    Cancelled
        If the user cancelled the work: stop, leaving what was made to be discarded.
    """
    if _listeners:
        _listeners[-1](done, total)


@contextlib.contextmanager
def progress_to(listener: ProgressListener) -> Iterator[None]:
    """Send the progress reported inside the ``with`` block to ``listener`` (innermost wins)."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)

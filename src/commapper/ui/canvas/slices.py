"""The canvas's whole-map passes, run in slices between events, one slice at a time.

On a room map, placing the labels, resizing them after a zoom and drawing the pictures of the
edges and of the nodes take 0.1-1 s each. Each runs as a generator, a step at a time, and pauses
once its slice of :data:`SLICE_SECONDS` is spent, so that the window answers events in between.
They share one timer: with a 0-ms timer each, Qt fired every one that was due in the same pass of
its event loop, and three passes' slices ran back to back, 40-90 ms without an answer to events.
Now a slice runs one pass, or several that are quick, and the next slice begins with the next.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Hashable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

# The longest a slice runs before the window answers events again.
SLICE_SECONDS = 0.012

Result = TypeVar("Result")


class Unfinished:
    """What :func:`run_steps` gives for steps not yet done."""


UNFINISHED = Unfinished()


def run_steps(steps: Generator[None, None, Result], deadline: float | None) -> Result | Unfinished:
    """Run ``steps`` (a generator pausing between steps) for one step at least, then until
    ``deadline`` (``time.perf_counter()``; None: to the end): what it returns once it is done,
    else :data:`UNFINISHED`."""
    try:
        next(steps)
        while deadline is None or time.perf_counter() < deadline:
            next(steps)
    except StopIteration as done:
        return done.value
    return UNFINISHED


# Runs a pass until a deadline (a ``time.perf_counter()`` reading), at least one step; whether
# the pass is done.
SliceOfPass = Callable[[float], bool]


class Slices(QObject):
    """The passes under way on one scene, each known by a key, taken in turn a slice at a
    time."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._passes: dict[Hashable, SliceOfPass] = {}  # in the order they run next
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_a_slice)

    def start(self, key: Hashable, run: SliceOfPass) -> None:
        """Run ``run`` in slices until it is done, in place of any pass under ``key``."""
        self._passes.pop(key, None)
        self._passes[key] = run
        if not self._timer.isActive():
            self._timer.start()

    def start_steps(
        self,
        key: Hashable,
        steps: Generator[None, None, Result],
        finish: Callable[[Result], None] | None = None,
    ) -> None:
        """Run ``steps`` in slices in place of any pass under ``key``, then give ``finish`` what
        they return."""
        self.start(key, _StepsPass(self._passes, key, steps, finish))

    def stop(self, key: Hashable) -> None:
        self._passes.pop(key, None)
        if not self._passes:
            self._timer.stop()

    def running(self, key: Hashable) -> bool:
        return key in self._passes

    def _run_a_slice(self) -> None:
        deadline = time.perf_counter() + SLICE_SECONDS
        for key in list(self._passes):
            run = self._passes.get(key)
            if run is None:
                continue  # stopped by a pass run before it
            done = run(deadline)
            if self._passes.get(key) is run:  # not stopped or started anew meanwhile
                del self._passes[key]
                if not done:
                    self._passes[key] = run  # to the back: the next slice begins with another
            if time.perf_counter() >= deadline:
                break
        if not self._passes:
            self._timer.stop()
        else:
            # Due again from now: Qt counts a repeating timer's next turn from when it began
            # firing timers, which put the next slice before other timers due meanwhile (two
            # slices and a paint between them, 36 ms without an answer to a 5 ms timer).
            self._timer.start()


class _StepsPass(Generic[Result]):
    """A pass of :meth:`Slices.start_steps`: its steps, a slice at a time, and then its finish.

    An object and not a closure: a closure that knows itself is a cycle, which outlives it until
    the collector comes, and a large map's window freezes what is alive now and then, garbage
    too (``MapScene._keep_what_was_made``), with the steps and all they hold.
    """

    def __init__(
        self,
        passes: dict[Hashable, SliceOfPass],
        key: Hashable,
        steps: Generator[None, None, Result],
        finish: Callable[[Result], None] | None,
    ) -> None:
        self.passes = passes
        self.key = key
        self.steps = steps
        self.finish = finish

    def __call__(self, deadline: float) -> bool:
        result = run_steps(self.steps, deadline)
        if isinstance(result, Unfinished):
            return False
        if self.passes.get(self.key) is not self:
            return True  # stopped or started anew during the slice: what it made is stale
        del self.passes[self.key]  # no longer running while it finishes
        if self.finish is not None:
            self.finish(result)
        return True

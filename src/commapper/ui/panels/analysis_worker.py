"""Analysis off the GUI thread: debounced after edits, on a snapshot, newest result only.

The analysis runs in a separate process, driven from a worker thread: igraph's betweenness holds
Python's global lock for over a second on a 2,000-node map, which a thread alone would let stall
the GUI (benchmarks/bench_gui_stall.py). The thread only waits on the process; the map goes to
it and the result comes back pickled at a pace that leaves the window Python's lock (see
``start_in_process``), and a result superseded meanwhile is not unpickled at all.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from commapper.analysis import call
from commapper.analysis.process import Stopped, run_in_process
from commapper.analysis.result import Analysis
from commapper.analysis.timeline import as_of
from commapper.model import MapDocument
from commapper.ui.session import MapSession


class _Relay(QObject):
    """Carries a job's outcome from the worker thread back to the GUI thread (queued)."""

    done = Signal(int, object)
    error = Signal(int, str)


class _Job(QRunnable):
    def __init__(
        self,
        generation: int,
        work: Callable[[], object],
        relay: _Relay,
        is_current: Callable[[int], bool],
        in_process: bool,
    ) -> None:
        super().__init__()
        self.in_process = in_process
        self.generation = generation
        self.work = work
        self.relay = relay
        self.is_current = is_current

    def _wanted(self) -> bool:
        return self.is_current(self.generation)

    def run(self) -> None:
        if not self._wanted():
            return  # superseded before it started: not worth the time
        try:
            if self.in_process:
                result = run_in_process(self.work, wanted=self._wanted)
            else:
                result = self.work()
        except Stopped:
            return  # superseded while it ran: its result was not even unpickled
        except Exception:  # a bug in the analysis: report it, never kill the thread
            self.relay.error.emit(self.generation, traceback.format_exc(limit=3))
            return
        self.relay.done.emit(self.generation, result)


class AnalysisRunner(QObject):
    """Re-runs :func:`analyse` on a snapshot of ``session.doc`` whenever the map changes.

    Edits are debounced by ``debounce_ms``; each request gets a new generation and only the
    newest generation's result is delivered (``finished``), so a superseded run never shows.
    ``group_by`` and ``year`` (the timeline: the map as of that year, None for today) are
    options; setting one re-runs. What-ifs run on the same worker (``what_if_finished``).
    """

    started = Signal()
    finished = Signal(object)  # an Analysis
    failed = Signal(str)
    busy_changed = Signal(bool)
    what_if_finished = Signal(object)  # a WhatIf

    def __init__(
        self, session: MapSession, debounce_ms: int = 400, in_process: bool = True
    ) -> None:
        super().__init__()
        self.session = session
        # False runs the analysis in the worker thread itself: simpler, but see the module note.
        self.in_process = in_process
        self.group_by: str | None = None
        self.year: int | None = None
        self.result: Analysis | None = None
        self._generation = 0
        self._what_if_generation = 0
        self._busy = False
        # One worker: two cores are shared with the GUI, and only the newest run matters.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._deliver)
        self._relay.error.connect(self._report_failure)
        self._what_if_relay = _Relay()
        self._what_if_relay.done.connect(self._deliver_what_if)
        self._what_if_relay.error.connect(self._report_what_if_failure)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.request)
        session.document_changed.connect(self._on_document_changed)

    def set_debounce_ms(self, milliseconds: int) -> None:
        """How long to wait after an edit before analysing (edits in between restart it)."""
        self._debounce.setInterval(milliseconds)

    @property
    def busy(self) -> bool:
        """Whether a run is pending or under way (for a progress indication)."""
        return self._busy

    @property
    def generation(self) -> int:
        return self._generation

    def set_group_by(self, group_by: str | None) -> None:
        if group_by != self.group_by:
            self.group_by = group_by
            self.request()

    def set_year(self, year: int | None) -> None:
        if year != self.year:
            self.year = year
            self.request()

    def snapshot(self) -> MapDocument:
        """The document the next run analyses: a copy, as of ``year`` when one is set."""
        doc = self.session.doc.snapshot()
        return doc if self.year is None else as_of(doc, self.year)

    def request(self) -> int:
        """Analyse the map now (on the worker); returns the run's generation."""
        self._debounce.stop()
        self._generation += 1
        doc, group_by = self.snapshot(), self.group_by
        self._set_busy(True)
        self.started.emit()
        self._pool.start(
            _Job(
                self._generation,
                partial(call, "analyse", doc, group_by=group_by),
                self._relay,
                self._is_current,
                self.in_process,
            )
        )
        return self._generation

    def request_what_if(self, node_id: str) -> None:
        """Compute ``what_if`` for ``node_id`` on the worker; ``what_if_finished`` brings it."""
        self._what_if_generation += 1
        doc, group_by = self.snapshot(), self.group_by
        self._pool.start(
            _Job(
                self._what_if_generation,
                partial(call, "what_if", doc, node_id, group_by=group_by),
                self._what_if_relay,
                lambda generation: generation == self._what_if_generation,
                self.in_process,
            )
        )

    def cancel_what_if(self) -> None:
        self._what_if_generation += 1

    def shutdown(self) -> None:
        """Drop every pending delivery and wait for the worker to finish (on close)."""
        self._debounce.stop()
        self._generation += 1
        self._what_if_generation += 1
        self._pool.waitForDone()

    def _is_current(self, generation: int) -> bool:
        return generation == self._generation

    def _on_document_changed(self, _change: object = None) -> None:
        self._set_busy(True)
        self._debounce.start()

    def _deliver(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # superseded: a newer run is on its way
        assert isinstance(result, Analysis)
        self.result = result
        self._set_busy(False)
        self.finished.emit(result)

    def _deliver_what_if(self, generation: int, result: object) -> None:
        if generation == self._what_if_generation:
            self.what_if_finished.emit(result)

    def _report_failure(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return  # a newer run is on its way; this one no longer matters
        self._set_busy(False)
        self.failed.emit(message)

    def _report_what_if_failure(self, generation: int, message: str) -> None:
        if generation == self._what_if_generation:
            self.failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

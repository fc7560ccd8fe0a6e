"""Where the analysis runs: one shared process, spawned on first use, that imports no Qt.

A process and not only a thread, because igraph and numpy hold Python's global lock for long
stretches on large maps, which would stall the window. The process is started with "spawn" (forking
a process that runs Qt threads is unsafe), and everything it imports is below the ui layer, so it
does not load Qt (165 MiB) for nothing. The layouts of large maps run the same way, in a process of
their own, and tell the app how far they have got through a :class:`ProgressLine`.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from typing import cast

from commapper.pacing import dumps_paced, loads_paced

_process_pools: dict[str, ProcessPoolExecutor] = {}
_process_pool_lock = threading.Lock()  # every window's worker thread shares the processes
# How often work in a process tells the app how far it has got, in seconds.
_REPORT_EVERY = 0.05


def _exit_with_parent() -> None:
    """In the analysis process: end when the app ends, even if it crashed (no orphans)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def start_in_process(
    work: Callable[[], object],
    pool: str = "analysis",
    wanted: Callable[[], bool] | None = None,
) -> Future[object]:
    """Start a picklable callable in the process named ``pool``, without waiting for it.

    Each name has one process, spawned on first use and shared by every window; work waits for
    the work before it in the same process, so the layouts have their own and never wait behind
    an analysis. "spawn" because forking a process that runs Qt threads is unsafe. A crashed
    process is replaced at the next call.

    The work and its result are pickled and unpickled here by the pool's courier thread, paced
    (:mod:`commapper.pacing`): left to the executor's threads, a room map's 30 ms of pickling
    and its analysis's 30-90 ms of unpickling ran at full speed beside the window's thread,
    which was then half as fast. Work no longer ``wanted`` when its turn comes is not sent, and
    a result no longer wanted when it comes is not unpickled: the future raises
    :class:`Stopped`. ``wanted`` is called on the courier thread: it must be quick, and touch
    no Qt object.
    """
    outcome: Future[object] = Future()
    with _process_pool_lock:
        errands = _errands.get(pool)
        if errands is None:
            errands = _errands[pool] = queue.SimpleQueue()
            threading.Thread(
                target=_courier, args=(pool, errands), name=f"{pool} courier", daemon=True
            ).start()
    errands.put((work, wanted, outcome))
    return outcome


def run_in_process(
    work: Callable[[], object],
    pool: str = "analysis",
    wanted: Callable[[], bool] | None = None,
) -> object:
    """Run a picklable callable in the process named ``pool`` and wait for its result (see
    :func:`start_in_process`)."""
    return start_in_process(work, pool, wanted).result()


_Errand = tuple[Callable[[], object], Callable[[], bool] | None, Future[object]]
_errands: dict[str, queue.SimpleQueue[_Errand]] = {}  # each pool's, for its courier


def _courier(pool: str, errands: queue.SimpleQueue[_Errand]) -> None:
    """The thread that takes the work of ``pool`` to its process and the results back, one at
    a time, in the order given."""
    while True:
        work, wanted, outcome = errands.get()
        _carry(work, pool, wanted, outcome)
        del work, wanted, outcome  # not kept while the next is awaited


def _carry(
    work: Callable[[], object],
    pool: str,
    wanted: Callable[[], bool] | None,
    outcome: Future[object],
) -> None:
    """``work`` to its process and its result back, into ``outcome``."""
    if not outcome.set_running_or_notify_cancel():
        return
    try:
        result = _round_trip(work, pool, wanted)
    except BaseException as error:  # the caller's to handle, as if the work ran where it waits
        outcome.set_exception(error)
        # The error's traceback holds this frame: without the future in it, they are not a
        # cycle, which would wait for the collector (and a large map's window freezes what is
        # alive now and then, garbage too: ui/canvas/scene.py).
        del outcome
    else:
        outcome.set_result(result)


def _round_trip(work: Callable[[], object], pool: str, wanted: Callable[[], bool] | None) -> object:
    if wanted is not None and not wanted():
        raise Stopped  # dropped while it waited its turn
    # The executor's own pickler, which sends a progress line's connection as a handle.
    reply = _submit(pool, partial(_run_pickled, dumps_paced(work, ForkingPickler))).result()
    if wanted is not None and not wanted():
        raise Stopped
    return loads_paced(cast(bytes, reply))


def _submit(pool: str, work: Callable[[], object]) -> Future[object]:
    with _process_pool_lock:
        executor = _process_pools.get(pool)
        if executor is not None:
            try:
                return executor.submit(work)
            except BrokenProcessPool:  # it crashed: a new one takes its place
                pass
        executor = _process_pools[pool] = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_exit_with_parent,
        )
        return executor.submit(work)


def _run_pickled(pickled: bytes) -> bytes:
    """In the process: the pickled work run, and its result pickled (for
    :func:`_round_trip`)."""
    work = pickle.loads(pickled)
    return pickle.dumps(work(), pickle.HIGHEST_PROTOCOL)


class Stopped(Exception):
    """The app stopped listening to work in a process: its result is no longer wanted."""


class ProgressReport:
    """The work's end of a :class:`ProgressLine`: a progress callback, ``report(done, total)``,
    handed to the work inside its callable. It tells the app now and then (every 50 ms at most),
    and raises :class:`Stopped` once the app has stopped listening."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._next = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now < self._next and done < total:
            return
        self._next = now + _REPORT_EVERY
        try:
            # The app never writes: the line is readable only once the app has closed its end.
            if self._connection.poll():
                raise Stopped
            self._connection.send((done, total))
        except OSError as error:
            raise Stopped from error


class ProgressLine:
    """How far work in a process has got, told to the app, and the app's wish to stop it.

    Made in the app; :attr:`report` goes to the work, which calls it as it goes. The app reads
    :meth:`latest`, and :meth:`close` stops listening: the work's next report raises
    :class:`Stopped`, so it ends early.
    """

    def __init__(self) -> None:
        self._here, there = multiprocessing.get_context("spawn").Pipe()
        self.report = ProgressReport(there)

    def latest(self) -> tuple[int, int] | None:
        """The last ``(done, total)`` the work reported since the previous call, or None."""
        latest: tuple[int, int] | None = None
        try:
            while self._here.poll():
                latest = self._here.recv()
        except (EOFError, OSError):  # the work ended and its end of the line went with it
            pass
        return latest

    def listening(self) -> bool:
        """Whether the app still listens: the work's result is still wanted."""
        return not self._here.closed

    def close(self) -> None:
        """Stop listening: the work, if it still runs, stops at its next report. (The work's end
        here closes when the line is dropped: it may still be on its way to the process.)"""
        self._here.close()

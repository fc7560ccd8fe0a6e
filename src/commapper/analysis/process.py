"""Where the analysis runs: one shared process, spawned on first use, that imports no Qt.

A process and not only a thread, because igraph and numpy hold Python's global lock for long
stretches on large maps, which would stall the window. The process is started with "spawn" (forking
a process that runs Qt threads is unsafe), and everything it imports is below the ui layer, so it
does not load Qt (165 MiB) for nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

_process_pool: ProcessPoolExecutor | None = None
_process_pool_lock = threading.Lock()  # every window's worker thread shares the one process


def _exit_with_parent() -> None:
    """In the analysis process: end when the app ends, even if it crashed (no orphans)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def run_in_process(work: Callable[[], object]) -> object:
    """Run a picklable callable in the shared analysis process and wait for its result.

    One process serves every window; "spawn" because forking a process that runs Qt threads is
    unsafe. A crashed process is replaced at the next call.
    """
    global _process_pool
    with _process_pool_lock:
        if _process_pool is None:
            _process_pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent,
            )
        pool = _process_pool
    try:
        return pool.submit(work).result()
    except BrokenProcessPool:
        with _process_pool_lock:
            if _process_pool is pool:
                _process_pool = None
        raise

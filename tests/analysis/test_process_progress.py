"""Work in a process tells the app how far it has got, and stops when the app stops listening."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from functools import partial

import pytest

from commapper.analysis.process import ProgressLine, Stopped, run_in_process, start_in_process
from tests.analysis.process_jobs import report_until_stopped


def count_to(total, report):
    for done in range(total + 1):
        report(done, total)
    return total


def test_the_last_report_always_arrives_and_the_result_after_it():
    line = ProgressLine()
    assert run_in_process(partial(count_to, 100_000, line.report), pool="test") == 100_000
    assert line.latest() == (100_000, 100_000)
    assert line.latest() is None  # nothing new since
    line.close()


def test_closing_the_line_stops_the_work():
    line = ProgressLine()
    future = start_in_process(partial(report_until_stopped, line.report), pool="test")
    while (latest := line.latest()) is None:  # the process is starting
        assert not future.done()
        time.sleep(0.01)
    assert latest == (3, 10)
    line.close()
    with pytest.raises(Stopped):
        future.result(timeout=60)
    # The process is free for the next work.
    assert run_in_process(partial(count_to, 5, ProgressLine().report), pool="test") == 5


def test_a_result_no_longer_wanted_is_not_unpickled():
    asked = []

    def wanted() -> bool:
        asked.append(True)
        return False

    line = ProgressLine()  # kept open: the work stops if nobody listens
    future = start_in_process(partial(count_to, 5, line.report), "test", wanted)
    with pytest.raises(Stopped):
        future.result(timeout=60)
    assert asked == [True]  # asked once, when the result came
    assert run_in_process(partial(count_to, 5, line.report), "test", line.listening) == 5
    line.close()
    assert not line.listening()


def test_a_run_that_stops_leaves_no_cycle_for_the_collector():
    """A large map's window freezes what is alive now and then (gc.freeze), cyclic garbage
    too: a stopped run's future, and the map pickled for it, must go as soon as dropped."""
    line = ProgressLine()
    gc.disable()
    try:
        future = start_in_process(partial(count_to, 5, line.report), "test", lambda: False)
        with pytest.raises(Stopped):
            future.result(timeout=60)
        for thread in threading.enumerate():
            if thread.name == "test courier":
                thread.join(timeout=60)
        gone = weakref.ref(future)
        del future
        assert gone() is None
    finally:
        gc.enable()
        line.close()

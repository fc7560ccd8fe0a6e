"""Work in a process tells the app how far it has got, and stops when the app stops listening."""

from __future__ import annotations

import gc
import time
import weakref
from functools import partial

import pytest

from commapper.analysis import process
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


def test_a_result_no_longer_wanted_is_not_unpickled(monkeypatch):
    unpickled = []
    real_loads = process.loads_paced
    monkeypatch.setattr(
        process, "loads_paced", lambda data: unpickled.append(len(data)) or real_loads(data)
    )
    asked = []

    def wanted() -> bool:
        asked.append(True)
        return len(asked) == 1  # wanted when sent, not when it comes back

    line = ProgressLine()  # kept open: the work stops if nobody listens
    future = start_in_process(partial(count_to, 5, line.report), "test", wanted)
    with pytest.raises(Stopped):
        future.result(timeout=60)
    assert asked == [True, True]  # when its turn came, and when its result came
    assert unpickled == []
    assert run_in_process(partial(count_to, 5, line.report), "test", line.listening) == 5
    assert len(unpickled) == 1
    line.close()
    assert not line.listening()


def test_work_no_longer_wanted_when_its_turn_comes_is_not_sent(monkeypatch):
    sent = []
    real_submit = process._submit
    monkeypatch.setattr(
        process, "_submit", lambda pool, work: sent.append(pool) or real_submit(pool, work)
    )
    future = start_in_process(partial(count_to, 5, ProgressLine().report), "test", lambda: False)
    with pytest.raises(Stopped):
        future.result(timeout=60)
    assert sent == []


def test_a_run_that_stops_leaves_no_cycle_for_the_collector():
    """A large map's window freezes what is alive now and then (gc.freeze), cyclic garbage
    too: a stopped run's future, and the map pickled for it, must go as soon as dropped."""
    line = ProgressLine()
    gc.disable()
    try:
        calls = []
        future = start_in_process(
            partial(count_to, 5, line.report), "test", lambda: calls.append(1) or len(calls) < 2
        )
        with pytest.raises(Stopped):
            future.result(timeout=60)
        # The courier has moved on once it has carried the next.
        assert run_in_process(partial(count_to, 5, line.report), "test") == 5
        gone = weakref.ref(future)
        del future
        assert gone() is None
    finally:
        gc.enable()
        line.close()

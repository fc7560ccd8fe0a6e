"""The canvas's whole-map passes share one slice between events (see slices.py)."""

from __future__ import annotations

import gc
import time
import weakref

from PySide6.QtCore import QObject

from commapper.ui.canvas import slices
from commapper.ui.canvas.slices import Slices, Unfinished, run_steps


def counting(name, steps, log):
    """A pass of ``steps`` steps, noting each step it takes in ``log``."""

    def pass_():
        for step in range(steps):
            log.append((name, step))
            yield
        return name

    return pass_()


def slice_of(generator):
    return lambda deadline: not isinstance(run_steps(generator, deadline), Unfinished)


def test_passes_take_turns_a_slice_each_and_each_runs_to_its_end(qtbot, monkeypatch):
    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)  # a step a slice
    log, timer_turns = [], []
    owner = QObject()
    runner = Slices(owner)
    runner._timer.timeout.connect(lambda: timer_turns.append(len(log)))
    runner.start("labels", slice_of(counting("labels", 3, log)))
    runner.start("edges", slice_of(counting("edges", 2, log)))
    qtbot.waitUntil(lambda: not runner.running("labels") and not runner.running("edges"))
    # One pass's step a turn of the event loop, the passes in turn, each to its end.
    assert log == [("labels", 0), ("edges", 0), ("labels", 1), ("edges", 1), ("labels", 2)]
    before_each = [0, *timer_turns[:-1]]
    steps_a_turn = [after - before for before, after in zip(before_each, timer_turns, strict=True)]
    assert max(steps_a_turn) == 1
    assert not runner._timer.isActive()


def test_a_pass_started_again_replaces_the_one_under_way_and_a_stopped_one_ends(qtbot):
    log = []
    owner = QObject()
    runner = Slices(owner)
    runner.start("labels", slice_of(counting("old", 1000, log)))
    runner.start("labels", slice_of(counting("new", 2, log)))
    runner.start("edges", slice_of(counting("edges", 10**9, log)))
    runner.stop("edges")
    qtbot.waitUntil(lambda: not runner.running("labels"))
    assert log == [("new", 0), ("new", 1)]
    assert not runner._timer.isActive()


def test_run_steps_runs_one_step_at_least_and_gives_the_value_once_done():
    log = []
    steps = counting("pass", 3, log)
    assert isinstance(run_steps(steps, deadline=0.0), Unfinished)  # past: one step only
    assert log == [("pass", 0)]
    assert run_steps(steps, deadline=None) == "pass"
    assert len(log) == 3


def test_steps_in_slices_finish_with_their_result_unless_stopped_meanwhile(qtbot, monkeypatch):
    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)  # a step a slice
    owner = QObject()
    runner = Slices(owner)
    log, finished = [], []
    runner.start_steps("labels", counting("labels", 3, log), finished.append)
    qtbot.waitUntil(lambda: not runner.running("labels"))
    assert finished == ["labels"]

    def stopped_in_its_last_step():
        runner.stop("edges")  # as an edit made meanwhile would: what it made is stale
        return "stale"
        yield  # a pass of one step

    runner.start_steps("edges", stopped_in_its_last_step(), finished.append)
    runner.start_steps("labels", counting("again", 2, log), finished.append)
    qtbot.waitUntil(lambda: not runner.running("labels"))
    assert finished == ["labels", "again"]


def test_a_timer_due_meanwhile_gets_its_turn_between_any_two_slices(qtbot):
    """Each slice is followed by every other timer due: the next slice's turn is counted from
    when the last one ended. (Counted from when Qt began firing timers, two slices, and a paint
    between them, sometimes came before a 5 ms timer: 36 ms without an answer, not 24.)"""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QWidget

    events = []

    class Slow(QWidget):
        def paintEvent(self, event):
            busy(0.008)

    def busy(seconds):
        began = time.perf_counter()
        while time.perf_counter() - began < seconds:
            pass

    widget = Slow()
    qtbot.addWidget(widget)
    widget.show()

    def steps():
        for _ in range(150):
            busy(0.004)
            widget.update()
            events.append("step")
            yield

    owner = QObject()
    runner = Slices(owner)
    other = QTimer(owner)
    other.setTimerType(Qt.TimerType.PreciseTimer)
    other.setInterval(5)
    other.timeout.connect(lambda: events.append("tick"))
    other.start()
    runner.start_steps("steps", steps())
    qtbot.waitUntil(lambda: not runner.running("steps"), timeout=20_000)
    slices_in_a_row = "".join("s" if e == "step" else "t" for e in events).split("t")
    steps_per_slice = max(len(run) for run in slices_in_a_row)
    assert steps_per_slice <= slices.SLICE_SECONDS / 0.004 + 1


def test_a_pass_done_stopped_or_replaced_is_freed_at_once_not_left_to_the_collector(qtbot):
    """A large map's window freezes what is alive now and then, garbage in cycles too
    (MapScene._keep_what_was_made): a pass and all its steps hold must go when it ends."""
    owner = QObject()
    runner = Slices(owner)
    log: list = []
    gc.disable()
    try:
        done = counting("done", 2, log)
        replaced = counting("replaced", 10**9, log)
        stopped = counting("stopped", 10**9, log)
        passes = [weakref.ref(steps) for steps in (done, replaced, stopped)]
        runner.start_steps("labels", done, log.append)
        runner.start_steps("edges", replaced)
        runner.start_steps("nodes", stopped)
        del done, replaced, stopped
        runner.start_steps("edges", counting("new", 1, log))
        runner.stop("nodes")
        qtbot.waitUntil(lambda: not runner.running("labels") and not runner.running("edges"))
        assert [steps() for steps in passes] == [None, None, None]
    finally:
        gc.enable()

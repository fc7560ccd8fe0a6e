"""Work on a thread beside the window's pauses once it has done a piece's worth, in proportion,
and what it pickles comes back the same."""

from __future__ import annotations

import time

import pytest

from benchmarks.generate import generate_map
from commapper import pacing
from commapper.analysis.analyse import analyse
from commapper.analysis.result import to_json
from commapper.pacing import PAUSE_PER_WORK, Pacer, dumps_paced, loads_paced


@pytest.fixture
def pauses(monkeypatch) -> list[float]:
    """The pauses taken, each still taken (the real sleep), in seconds; a pause is due after a
    tenth of the usual work, so that a fast machine pauses in these small pieces too."""
    monkeypatch.setattr(pacing, "WORK_A_PIECE", pacing.WORK_A_PIECE / 10)
    taken: list[float] = []
    sleep = time.sleep

    def noted_sleep(seconds: float) -> None:
        taken.append(seconds)
        sleep(seconds)

    monkeypatch.setattr(time, "sleep", noted_sleep)
    return taken


def work_for(seconds: float) -> None:
    """The thread's own work (not waiting) for ``seconds``."""
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass


def test_a_pause_comes_after_a_piece_of_work_and_lasts_in_proportion(pauses):
    piece = pacing.WORK_A_PIECE
    pacer = Pacer()
    work_for(piece / 4)
    pacer.pause_if_due()
    assert pauses == []  # not yet a piece's worth
    work_for(piece * 3)
    pacer.pause_if_due()
    assert len(pauses) == 1
    assert pauses[0] >= PAUSE_PER_WORK * piece * 3
    pacer.pause_if_due()
    assert len(pauses) == 1  # the pause itself is not work


def test_a_map_pickled_paced_pauses_between_its_pieces_and_comes_back_equal(pauses):
    doc = generate_map(2500)
    pickled = dumps_paced(doc)
    assert len(pauses) > 2
    copy = loads_paced(pickled)
    assert copy.content() == doc.content()


def test_an_analysis_unpickled_paced_pauses_and_comes_back_equal(pauses):
    result = analyse(generate_map(1500))
    pickled = dumps_paced(result)
    pauses.clear()
    assert to_json(loads_paced(pickled)) == to_json(result)
    assert len(pauses) > 1


def test_something_small_is_pickled_without_a_pause(pauses):
    assert loads_paced(dumps_paced({"a": [1, 2, 3]})) == {"a": [1, 2, 3]}
    assert pauses == []

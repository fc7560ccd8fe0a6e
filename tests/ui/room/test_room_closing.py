"""A room map's window closed while the room is at work: the folder is no longer watched, the
worker thread ends, and a merge still running is dropped without touching the deleted window.

A real window on a real folder; the merge is real and large enough to be running at the close."""

from __future__ import annotations

import logging
import random
import threading

from commapper.io import save_map
from tests.ui.room.test_room_map import write
from tests.workshop.test_merge import participant


def room_threads():
    return [t for t in threading.enumerate() if t.name.startswith("commapper-room")]


def test_closing_the_window_during_a_merge_stops_the_room_cleanly(
    qtbot, tmp_path, commapper_app, caplog, capfd
):
    from commapper.ui.room.actions import open_room
    from commapper.ui.room.room_dock import RoomPanel

    chance = random.Random(14)
    pool = [f"Community {number}" for number in range(300)]
    for number in range(150):
        write(tmp_path, f"Participant{number}", *chance.sample(pool, 12))
    window = open_room(commapper_app, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    room = window.findChild(RoomPanel).room
    changes = []
    room.changed.connect(lambda: changes.append(True))

    # A new participant's file: read and merged in the worker thread, as the window closes.
    save_map(participant("Late", ["Community 1", "Choir"]).document, tmp_path / "late.commap")
    assert room.watcher.look()
    assert room_threads()
    window.session.undo_stack.setClean()
    at_deletion = []
    window.destroyed.connect(lambda: at_deletion.append(len(changes)))
    window.close()
    qtbot.waitUntil(lambda: bool(at_deletion), timeout=5000)
    for thread in room_threads():
        thread.join(timeout=30)  # the merge finishes (with nowhere to go), then the thread ends
    assert room_threads() == []  # the pool's thread ended with the window
    qtbot.wait(100)  # a merge delivered now would reach deleted objects
    assert at_deletion == [len(changes)]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "Traceback" not in capfd.readouterr().err

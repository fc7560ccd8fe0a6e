"""The room map merges in its worker thread: a decision returns at once and lands as one undo
step, changes asked in a row land in turn, and the facilitator's edits and undos meanwhile are
kept. Each ends as the map a fresh merge of the files and the alias file gives.

Real files, real windows, waiting on the room's signals."""

from __future__ import annotations

from commapper.model import UpdateItem
from tests.ui.room.test_room_decisions import content, fresh_merge
from tests.ui.room.test_room_map import WAIT_MS, labels, node_named, write


def spelt_two_ways(folder):
    write(folder, "Ana", "Python meetup", "Chess club", "Choir")
    write(folder, "Bo", "Pyton meetup", "Chess clubs", "Choir")


def suggestion(panel, label):
    return next(s for s in panel.matches.suggestions if label in s.labels)


def settled(qtbot, room):
    """Wait until the room has merged all it was asked to."""
    qtbot.waitUntil(lambda: not room.busy, timeout=WAIT_MS)


def test_a_decision_returns_at_once_and_lands_as_one_undo_step(qtbot, tmp_path, open_room_window):
    folder = tmp_path / "room"
    folder.mkdir()
    spelt_two_ways(folder)
    window, panel = open_room_window(folder)
    session, room = window.session, panel.room
    steps, before = session.undo_stack.count(), content(session.doc)
    working = []
    room.working.connect(working.append)
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        panel.matches.accept(suggestion(panel, "Python meetup"))
        # Merged in the worker: nothing has changed yet, and the window goes on.
        assert room.busy and content(session.doc) == before
        assert session.undo_stack.count() == steps
    assert session.undo_stack.count() == steps + 1
    assert "Pyton meetup" not in labels(session.doc)
    settled(qtbot, room)
    assert working == [True, False]


def test_changes_asked_in_a_row_land_in_turn_each_one_step(qtbot, tmp_path, open_room_window):
    folder = tmp_path / "room"
    folder.mkdir()
    spelt_two_ways(folder)
    window, panel = open_room_window(folder)
    session, room = window.session, panel.room
    steps = session.undo_stack.count()
    python, chess = suggestion(panel, "Python meetup"), suggestion(panel, "Chess club")
    panel.matches.accept(python)
    panel.matches.reject(chess)  # before the accept has landed
    settled(qtbot, room)
    assert session.undo_stack.count() == steps + 2
    assert room.room.decisions.accepted == {python.match}
    assert room.room.decisions.rejected == {chess.match}
    assert content(session.doc) == content(fresh_merge(folder, tmp_path))
    session.undo_stack.undo()
    assert room.room.decisions.rejected == frozenset()
    assert room.room.decisions.accepted == {python.match}


def test_the_facilitators_edit_meanwhile_is_kept_and_stays_their_own_step(
    qtbot, tmp_path, open_room_window
):
    folder = tmp_path / "room"
    folder.mkdir()
    spelt_two_ways(folder)
    window, panel = open_room_window(folder)
    session, room = window.session, panel.room
    choir = node_named(session.doc, "Choir").id
    panel.matches.accept(suggestion(panel, "Python meetup"))
    session.edit(UpdateItem(choir, {"label": "Community choir"}), "Rename")
    settled(qtbot, room)
    assert "Community choir" in labels(session.doc)
    assert "Pyton meetup" not in labels(session.doc)
    assert session.undo_stack.undoText().startswith("Accept match")
    session.undo_stack.undo()
    assert {"Python meetup", "Pyton meetup", "Community choir"} <= set(labels(session.doc))
    session.undo_stack.undo()
    assert "Choir" in labels(session.doc)


def test_a_step_undone_meanwhile_leaves_the_change_asked_on_the_room_as_undone(
    qtbot, tmp_path, open_room_window
):
    folder = tmp_path / "room"
    folder.mkdir()
    spelt_two_ways(folder)
    window, panel = open_room_window(folder)
    session, room = window.session, panel.room
    python, chess = suggestion(panel, "Python meetup"), suggestion(panel, "Chess club")
    panel.matches.accept(python)
    settled(qtbot, room)
    panel.matches.accept(chess)
    session.undo_stack.undo()  # the Python accept, while the Chess one is being merged
    settled(qtbot, room)
    assert room.room.decisions.accepted == {chess.match}
    assert {"Python meetup", "Pyton meetup"} <= set(labels(session.doc))
    assert "Chess clubs" not in labels(session.doc)
    assert content(session.doc) == content(fresh_merge(folder, tmp_path))

"""The facilitator's decisions in the app give the room map a fresh merge gives: accepting,
rejecting and undoing bring the map in the window to what ``commapper merge --aliases`` makes of
the same files and the ``aliases.json`` the app wrote, item for item.

Real files, the real command in a subprocess, waiting on the room's signal."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

from commapper.io import load_map
from tests.ui.room.test_room_map import WAIT_MS, labels, write


def content(doc):
    """The room map's nodes and edges, field by field, without places (the app places nodes;
    a merge leaves them unplaced)."""
    unplaced = {"x", "y"}
    return {
        item.id: {k: v for k, v in dataclasses.asdict(item).items() if k not in unplaced}
        for item in (*doc.nodes, *doc.edges)
    }


def fresh_merge(folder, tmp_path):
    """The room map ``commapper merge --aliases`` writes from the folder's maps and alias file."""
    out = tmp_path / "out" / "room.commap"
    out.parent.mkdir(exist_ok=True)
    files = sorted(str(path) for path in folder.glob("*.commap"))
    aliases = folder / "aliases.json"
    command = [sys.executable, "-m", "commapper.cli", "merge", *files, "-o", str(out)]
    if aliases.exists():
        command += ["--aliases", str(aliases)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return load_map(out)


def test_accepting_rejecting_and_undoing_give_the_map_a_fresh_merge_gives(
    qtbot, tmp_path, open_room_window
):
    folder = tmp_path / "room"
    folder.mkdir()
    # The spelling most participants used is not the one the accepted match is shown as.
    write(folder, "Ana", "LIBRARY UX NETWORK", "Chess club", people=["Bo"])
    write(folder, "Bo", "Librry UX network", "Chess clubs")
    write(folder, "Cy", "Librry UX network", "Choir")
    window, panel = open_room_window(folder)
    session, matches, room = window.session, panel.matches, panel.room
    assert content(session.doc) == content(fresh_merge(folder, tmp_path))

    library = next(s for s in matches.suggestions if "LIBRARY UX NETWORK" in s.labels)
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        matches.accept(library)
    assert "Librry UX network" not in labels(session.doc)
    assert "LIBRARY UX NETWORK" in labels(session.doc)
    assert content(session.doc) == content(fresh_merge(folder, tmp_path))

    # Merge Again keeps it so.
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        room.merge_again()
    assert content(session.doc) == content(fresh_merge(folder, tmp_path))

    chess = next(s for s in matches.suggestions if "Chess club" in s.labels)
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        matches.reject(chess)
    assert content(session.doc) == content(fresh_merge(folder, tmp_path))
    assert matches.suggestions == []

    # Undo, redo and Undo Decision: each leaves the map a fresh merge of the alias file written.
    for step in (session.undo_stack.undo, session.undo_stack.undo, session.undo_stack.redo):
        with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
            step()
        assert content(session.doc) == content(fresh_merge(folder, tmp_path))
    accepted = next(m for m in matches.decided if m in room.room.decisions.accepted)
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        room.undecide(accepted)
    assert {"LIBRARY UX NETWORK", "Librry UX network"} <= set(labels(session.doc))
    assert content(session.doc) == content(fresh_merge(folder, tmp_path))


def test_the_aliases_table_shows_an_accepted_match_at_once_and_not_once_undone(
    qtbot, tmp_path, open_room_window
):
    write(tmp_path, "Ana", "Python meetup", "Open data circle")
    write(tmp_path, "Bo", "Pyton meetup", "ODC")
    window, panel = open_room_window(tmp_path)
    session, room, tree = window.session, panel.room, panel.aliases.tree
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        panel.aliases.add_group("Open data circle", ("ODC",), "community")
    assert tree.topLevelItemCount() == 1
    python = next(s for s in panel.matches.suggestions if "Python meetup" in s.labels)
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        panel.matches.accept(python)
    # As aliases.json holds it: a group of the two spellings, after the facilitator's own.
    assert tree.topLevelItemCount() == 2
    row = tree.topLevelItem(1)
    assert (row.text(0), row.child(0).text(0)) == ("Python meetup", "Pyton meetup")
    assert row.text(1) == "community, accepted match"
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        session.undo_stack.undo()
    assert tree.topLevelItemCount() == 1
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        session.undo_stack.redo()
    assert tree.topLevelItemCount() == 2

    # Removing the row undoes the decision: the two are suggested again.
    steps = session.undo_stack.count()
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        panel.aliases.remove_group(1)
    assert tree.topLevelItemCount() == 1
    assert session.undo_stack.count() == steps + 1
    assert room.room.decisions.accepted == frozenset()
    assert {"Python meetup", "Pyton meetup"} <= set(labels(session.doc))
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        session.undo_stack.undo()
    assert tree.topLevelItemCount() == 2

    # A third spelling makes the accepted match a group of the table's own, in one step.
    with qtbot.waitSignal(room.changed, timeout=WAIT_MS):
        panel.aliases.add_spelling(1, "Python Meet-up group")
    assert room.room.decisions.accepted == frozenset()
    assert room.room.aliases.same[1].also == ("Pyton meetup", "Python Meet-up group")
    assert tree.topLevelItem(1).text(1) == "community"
    assert session.undo_stack.count() == steps + 1
    assert "Pyton meetup" not in labels(session.doc)

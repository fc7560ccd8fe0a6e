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

"""The room map window: a folder of participants' maps merged, watched, reviewed and analysed.

Real files in a temporary folder, the real folder watcher, waiting on the room's signal."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from commapper.io import load_map, save_map
from commapper.model import CommunityNode, InsertItems, MoveNodes, UpdateItem
from commapper.workshop.alias_file import load_aliases
from commapper.workshop.provenance import ROOM_COUNT
from commapper.workshop.room_analysis import analyse_room
from tests.workshop.test_merge import participant

WAIT_MS = 5000  # the room answers within 2 s; a loaded test machine gets some slack


def write(folder, name, *communities, people=()):
    path = folder / f"{name.lower()}.commap"
    save_map(participant(name, communities, people).document, path)
    return path


@pytest.fixture
def folder(tmp_path):
    room = tmp_path / "Tuesday workshop"
    room.mkdir()
    write(room, "Ana", "Choir", "Chess club", people=["Bo"])
    write(room, "Bo", "choir", "Nurses")
    return room


def labels(doc, kind="community"):
    return sorted(node.label for node in doc.nodes if node.kind == kind)


def node_named(doc, label):
    (node,) = [node for node in doc.nodes if node.label == label]
    return node


def test_a_folder_opens_as_an_unsaved_room_map_that_saves_as_a_normal_map(
    folder, open_room_window, tmp_path
):
    window, panel = open_room_window(folder)
    doc = window.session.doc
    assert doc.title == "Tuesday workshop"
    assert "Tuesday workshop" in window.windowTitle()
    assert labels(doc) == ["Chess club", "Choir", "Nurses"]
    assert labels(doc, "person") == ["Ana", "Bo"]
    assert all(node.x is not None for node in doc.nodes)  # placed, ready to look at
    assert window.session.is_modified and window.session.path is None
    assert panel.participants.tree.topLevelItemCount() == 2
    window.session.save(tmp_path / "room.commap")
    assert load_map(tmp_path / "room.commap").content() == doc.content()


def test_the_watched_folder_picks_up_a_new_a_changed_and_a_deleted_file(
    qtbot, folder, open_room_window
):
    window, panel = open_room_window(folder)
    doc = window.session.doc
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        write(folder, "Cy", "Nurses", "Go club")
    assert labels(doc) == ["Chess club", "Choir", "Go club", "Nurses"]
    assert doc.node("c:nurses").attributes[ROOM_COUNT] == 2
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        write(folder, "Ana", "Choir", "Chess club", "Book club", people=["Bo"])  # a rename over
    assert "Book club" in labels(doc)
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        (folder / "cy.commap").unlink()
    assert labels(doc) == ["Book club", "Chess club", "Choir", "Nurses"]
    assert labels(doc, "person") == ["Ana", "Bo"]
    # Each change from the folder is an undo step, named after the file.
    texts = [window.session.undo_stack.text(i) for i in range(window.session.undo_stack.count())]
    assert texts == [f"Room: {name} changed" for name in ("cy.commap", "ana.commap", "cy.commap")]


def test_a_broken_file_is_listed_with_its_problem_and_the_rest_merged(
    qtbot, folder, open_room_window
):
    window, panel = open_room_window(folder)
    (folder / "dee.commap").write_text('{"format": "commapper-map", "nodes": [', "utf-8")
    write(folder, "Cy", "Go club")
    tree = panel.participants.tree
    # The two files may come in one look at the folder or two.
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 4, timeout=WAIT_MS)
    rows = {item.text(0): item for item in map(tree.topLevelItem, range(4))}
    broken = rows["dee (dee.commap)"]
    assert broken.text(1) == "not read"
    assert "ends too early" in broken.child(0).text(0)
    assert rows["Cy (cy.commap)"].text(1) == "merged"
    assert "Go club" in labels(window.session.doc)
    assert "1 file could not be read and is left out." in panel.participants.summary.text()


def test_accept_reject_and_undo_are_undo_steps_that_change_the_map(
    qtbot, tmp_path, open_room_window
):
    write(tmp_path, "Ana", "Python meetup", "Chess club")
    write(tmp_path, "Bo", "Pyton meetup", "Chess clubs")
    window, panel = open_room_window(tmp_path)
    session, matches = window.session, panel.matches
    doc = session.doc
    assert sorted(s.labels for s in matches.suggestions) == [
        ("Chess club", "Chess clubs"),
        ("Python meetup", "Pyton meetup"),
    ]
    assert matches.suggested_tree.topLevelItemCount() == 2
    python = next(s for s in matches.suggestions if "Python meetup" in s.labels)
    steps = session.undo_stack.count()
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        matches.accept(python)
    assert session.undo_stack.count() == steps + 1
    assert "Pyton meetup" not in labels(doc) and "Python meetup" in labels(doc)
    assert node_named(doc, "Python meetup").attributes[ROOM_COUNT] == 2
    assert matches.suggested_tree.topLevelItemCount() == 1
    assert matches.decided_tree.topLevelItem(0).text(1) == "same"
    session.undo_stack.undo()
    assert {"Pyton meetup", "Python meetup"} <= set(labels(doc))
    assert matches.suggested_tree.topLevelItemCount() == 2
    assert matches.decided_tree.topLevelItemCount() == 0
    session.undo_stack.redo()
    assert "Pyton meetup" not in labels(doc)

    chess = next(s for s in matches.suggestions if "Chess club" in s.labels)
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        matches.reject(chess)
    assert session.undo_stack.count() == steps + 2
    assert {"Chess club", "Chess clubs"} <= set(labels(doc))  # two things, as they were
    assert matches.suggested_tree.topLevelItemCount() == 0
    decided = {matches.decided_tree.topLevelItem(i).text(1) for i in range(2)}
    assert decided == {"same", "different"}
    # Undo Decision on the accepted match: one more step, the two spellings apart again.
    accepted = next(m for m in matches.decided if "python meetup" in (m.first, m.second))
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        panel.room.undecide(accepted)
    assert session.undo_stack.count() == steps + 3
    assert {"Pyton meetup", "Python meetup"} <= set(labels(doc))
    assert [s.labels for s in matches.suggestions] == [("Python meetup", "Pyton meetup")]
    session.undo_stack.undo()
    assert "Pyton meetup" not in labels(doc)


def test_an_alias_merges_two_spellings_and_is_written_for_commapper_merge(
    qtbot, tmp_path, open_room_window
):
    write(tmp_path, "Ana", "Open data circle", "Choir")
    write(tmp_path, "Bo", "ODC")
    window, panel = open_room_window(tmp_path)
    doc, aliases = window.session.doc, panel.aliases
    assert {"Open data circle", "ODC"} <= set(labels(doc))
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        aliases.add_group("Open data circle", (), "community")
    assert {"Open data circle", "ODC"} <= set(labels(doc))  # a group of one spelling: no change
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        aliases.add_spelling(0, "ODC")
    assert "ODC" not in labels(doc)
    assert node_named(doc, "Open data circle").attributes[ROOM_COUNT] == 2
    assert aliases.tree.topLevelItem(0).child(0).text(0) == "ODC"
    written = load_aliases(tmp_path / "aliases.json")
    assert written.same[0].label == "Open data circle" and written.same[0].also == ("ODC",)
    # The command gives the same room from the same files and the alias file.
    out = tmp_path / "out" / "room.commap"
    out.parent.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "commapper.cli", "merge", str(tmp_path / "ana.commap"),
         str(tmp_path / "bo.commap"), "--aliases", str(tmp_path / "aliases.json"), "-o", str(out)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    merged = load_map(out)
    assert labels(merged) == labels(doc)
    assert {e.id for e in merged.edges} == {e.id for e in doc.edges}
    # Removing the spelling is one undo step too, and written.
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        aliases.remove_spelling(0, "ODC")
    assert {"Open data circle", "ODC"} <= set(labels(doc))
    assert load_aliases(tmp_path / "aliases.json").same[0].also == ()
    window.session.undo_stack.undo()
    assert "ODC" not in labels(doc)
    assert load_aliases(tmp_path / "aliases.json").same[0].also == ("ODC",)


def test_an_aliases_file_in_the_folder_is_used_from_the_start(tmp_path, open_room_window):
    write(tmp_path, "Ana", "Open data circle")
    write(tmp_path, "Bo", "ODC")
    (tmp_path / "aliases.json").write_text(
        json.dumps({"format": "commapper-aliases", "version": 1,
                    "same": [{"label": "Open data circle", "also": ["ODC"]}]}),
        "utf-8",
    )  # fmt: skip
    window, _ = open_room_window(tmp_path)
    assert labels(window.session.doc) == ["Open data circle"]


def test_the_analysis_panel_shows_what_analyse_room_says(qtbot, tmp_path, open_room_window):
    write(tmp_path, "Ana", "Choir", "Nurses", "Chess club")
    write(tmp_path, "Bo", "Choir", "Nurses")
    write(tmp_path, "Cy", "Choir", "Go club")
    write(tmp_path, "Dee", "Knitting circle")
    window, panel = open_room_window(tmp_path)
    view = panel.analysis
    qtbot.waitUntil(lambda: view.analysis is not None, timeout=WAIT_MS)  # in the worker thread
    analysis = analyse_room(window.session.doc)
    doc = window.session.doc
    shared = [
        (view.shared.item(row, 0).text(), int(view.shared.item(row, 1).text()),
         int(view.shared.item(row, 2).text()))
        for row in range(view.shared.rowCount())
    ]  # fmt: skip
    assert shared == [
        (doc.node(e.community).label, e.named_by, e.members)
        for e in analysis.communities_most_shared
    ]
    assert shared[0] == ("Choir", 3, 3)
    # Cy alone links Choir and Go club; Ana alone links Choir and Chess club, and Nurses with
    # Chess club.
    bridges = view.bridges.text()
    for bridge in analysis.sole_bridges:
        assert doc.node(bridge.participant).label in bridges
    assert "Cy alone links Choir and Go club" in bridges
    assert "Knitting circle (belonging: Dee)" in view.silos.text()
    matrix = analysis.span.matrix()
    for i, first in enumerate(analysis.span.communities):
        for j, _ in enumerate(analysis.span.communities):
            shown = view.matrix.item(i, j).text()
            if i == j:
                members = {e.community: e.members for e in analysis.communities_most_shared}
                assert shown == str(members[first] or "")
            else:
                assert shown == (str(matrix[i][j]) if matrix[i][j] else "")
    assert view.matrix.item(0, 1).text() == "2"  # Choir and Nurses: Ana and Bo
    breadth = {doc.node(p).label: b.n_communities for p, b in analysis.breadth.items()}
    assert {name: figures["n_communities"] for name, figures in view.chart.shown} == breadth
    # A facilitator's edit reaches it too, after the pause.
    choir = node_named(doc, "Choir")
    window.session.edit(UpdateItem(choir.id, {"label": "Community choir"}), "Rename")
    qtbot.waitUntil(lambda: view.shared.item(0, 0).text() == "Community choir", timeout=WAIT_MS)


def test_nodes_that_stay_keep_their_places_and_the_facilitators_edits_survive(
    qtbot, folder, open_room_window
):
    window, panel = open_room_window(folder)
    session = window.session
    doc = session.doc
    session.edit(MoveNodes({"c:choir": (12.0, 34.0)}), "Move")
    session.edit(UpdateItem("c:nurses", {"label": "Nurse educators", "sector": "health"}), "Edit")
    session.edit(
        InsertItems(
            nodes=((len(doc.nodes), CommunityNode(id="mine", label="Facilitators", x=0, y=0)),)
        ),
        "Add",
    )
    places = {node.id: (node.x, node.y) for node in doc.nodes}
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        write(folder, "Cy", "Nurses", "Choir", "Go club")
    for node_id, place in places.items():
        assert (doc.node(node_id).x, doc.node(node_id).y) == place
    nurses = doc.node("c:nurses")
    assert (nurses.label, nurses.sector) == ("Nurse educators", "health")
    assert nurses.attributes[ROOM_COUNT] == 2  # who named it still follows the files
    assert doc.has_node("mine") and doc.has_node("c:go-club")
    # Undoing the file's step leaves the facilitator's edits as they were.
    session.undo_stack.undo()
    assert not doc.has_node("c:go-club") and doc.node("c:nurses").label == "Nurse educators"
    session.undo_stack.undo()  # and the facilitator's own step is theirs to undo
    assert not doc.has_node("mine")


def test_the_panel_says_who_named_the_selected_node(folder, open_room_window):
    window, panel = open_room_window(folder)
    window.session.selection.set(["c:choir"])
    assert panel.named_by.text() == "Choir: named by 2 people (Ana, Bo)"
    window.session.selection.set(["c:nurses"])
    assert panel.named_by.text() == "Nurses: named by 1 person (Bo)"


def test_a_folder_step_undone_comes_back_with_merge_again(qtbot, folder, open_room_window):
    window, panel = open_room_window(folder)
    doc = window.session.doc
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        write(folder, "Cy", "Go club")
    window.session.undo_stack.undo()
    assert not doc.has_node("c:go-club")  # off the map until the next merge
    assert window.session.undo_stack.canRedo()
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        panel.room.merge_again()  # the files on disk are what the room holds
    assert doc.has_node("c:go-club") and doc.has_node("p:cy")
    assert window.session.undo_stack.undoText() == "Room: merged again"


def test_the_room_map_saved_into_its_folder_is_left_out(qtbot, folder, open_room_window):
    window, panel = open_room_window(folder)

    def content() -> dict:  # saving stamps the time it was modified: the rest must not change
        return {
            key: value for key, value in window.session.doc.content().items() if key != "modified"
        }

    before = content()
    steps = window.session.undo_stack.count()
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        window.session.save(folder / "room.commap")
    assert content() == before  # not merged into itself
    assert window.session.undo_stack.count() == steps
    tree = panel.participants.tree
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1) for i in range(3)}
    assert rows["room.commap"] == "left out: a room map, not a participant's"


def test_an_empty_folder_opens_and_fills_as_maps_arrive(qtbot, tmp_path, open_room_window):
    window, panel = open_room_window(tmp_path)
    assert window.session.doc.nodes == []
    assert "No maps in the folder" in panel.participants.summary.text()
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        write(tmp_path, "Ana", "Choir")
    assert labels(window.session.doc) == ["Choir"]
    assert all(node.x is not None for node in window.session.doc.nodes)


def test_an_aliases_file_edited_by_hand_is_read_again(qtbot, tmp_path, open_room_window):
    write(tmp_path, "Ana", "Open data circle")
    write(tmp_path, "Bo", "ODC")
    window, panel = open_room_window(tmp_path)
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        (tmp_path / "aliases.json").write_text(
            json.dumps({"format": "commapper-aliases", "version": 1,
                        "same": [{"label": "Open data circle", "also": ["ODC"]}]}),
            "utf-8",
        )  # fmt: skip
    assert labels(window.session.doc) == ["Open data circle"]
    assert panel.aliases.tree.topLevelItem(0).text(0) == "Open data circle"
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        (tmp_path / "aliases.json").write_text("{not json", "utf-8")
    assert "aliases.json: " in panel.participants.summary.text()
    assert labels(window.session.doc) == ["Open data circle"]  # the last good table holds

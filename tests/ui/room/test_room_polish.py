"""What a first-time facilitator sees: an empty room's canvas, the Participants list in the
folder's order with its problems readable whole, and a New Alias Group dialog wide enough.

Real windows on real folders, offscreen."""

from __future__ import annotations

from commapper.ui.room.aliases_page import AliasGroupDialog
from tests.ui.room.test_room_map import WAIT_MS, write


def test_an_empty_room_says_it_waits_for_the_participants_maps(qtbot, tmp_path, open_room_window):
    folder = tmp_path / "Tuesday workshop"
    folder.mkdir()
    window, _ = open_room_window(folder)
    hint = window.view.empty_hint
    assert hint.startswith("Waiting for participants' maps in Tuesday workshop.")
    assert "Ctrl+4" not in hint
    # A personal map's window still says how to begin one.
    personal = window.app.new_window()
    qtbot.addWidget(personal)
    assert "Start with yourself" in personal.view.empty_hint


def test_participants_are_listed_in_the_folders_order_whenever_they_came(
    qtbot, tmp_path, open_room_window
):
    write(tmp_path, "Bo", "Choir")
    write(tmp_path, "Cy", "Choir")
    _, panel = open_room_window(tmp_path)
    tree = panel.participants.tree
    with qtbot.waitSignal(panel.room.changed, timeout=WAIT_MS):
        write(tmp_path, "Ana", "Choir")
    shown = [tree.topLevelItem(row).text(0) for row in range(tree.topLevelItemCount())]
    assert shown == ["Ana (ana.commap)", "Bo (bo.commap)", "Cy (cy.commap)"]


def test_a_files_problem_is_shown_whole_and_wrapped_in_a_narrow_panel(
    qtbot, tmp_path, open_room_window
):
    write(tmp_path, "Ana", "Choir")
    broken = tmp_path / "broken.commap"
    broken.write_text(
        '{"format": "commapper-map", "schema_version": 1, "edges": [],'
        ' "nodes": [{"id": "a", "kind": "community", "label": "x", "colour_of_the_day": 1}]}',
        "utf-8",
    )
    _, panel = open_room_window(tmp_path)
    tree = panel.participants.tree
    tree.resize(260, 300)
    (row,) = [tree.topLevelItem(i) for i in range(2) if tree.topLevelItem(i).childCount()]
    problem = row.child(0)
    assert problem.text(0) == (
        "nodes[0].colour_of_the_day: is not a field Commapper knows (unknown key)"
    )
    line = tree.fontMetrics().height()
    qtbot.waitUntil(lambda: tree.visualItemRect(problem).height() >= 2 * line, timeout=WAIT_MS)


def test_the_new_alias_group_dialog_shows_its_placeholders_whole(qtbot):
    dialog = AliasGroupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for field in (dialog.label, dialog.spelling):
        text = field.fontMetrics().horizontalAdvance(field.placeholderText())
        assert field.width() > text + 20

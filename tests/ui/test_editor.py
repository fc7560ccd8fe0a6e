"""The editor driven as a user drives it: real widgets, real mouse and key events, real files."""

from __future__ import annotations

from gestures import drag, send_mouse
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from commapper.io import load_map
from commapper.model import NodeKind, UpdateItem
from commapper.resources import DEFAULT_EXAMPLE


def node_point(window, node_id: str) -> QPoint:
    return window.view.mapFromScene(window.scene.node_items[node_id].scenePos())


def test_a_map_made_by_gestures_saves_and_reopens_the_same(make_window, qtbot, tmp_path):
    window = make_window(None)
    actions = window.actions_
    actions.add_node[NodeKind.ME].trigger()
    qtbot.keyClicks(window.view._rename_editor, "Robin")
    qtbot.keyClick(window.view._rename_editor, Qt.Key.Key_Return)
    actions.add_node[NodeKind.COMMUNITY].trigger()
    qtbot.keyClicks(window.view._rename_editor, "Choir")
    qtbot.keyClick(window.view._rename_editor, Qt.Key.Key_Return)
    doc = window.session.doc
    assert [node.label for node in doc.nodes] == ["Robin", "Choir"]
    community = doc.nodes[1].id
    # Shift+drag from me to the community connects them with a membership.
    drag(window.view, node_point(window, "me"), node_point(window, community),
         Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert [(e.kind, e.source, e.target) for e in doc.edges] == [("membership", "me", community)]
    assert window.isWindowModified()
    target = tmp_path / "robin.commap"
    assert window.files._save_to(target)
    assert not window.isWindowModified()
    assert load_map(target).content()["nodes"] == doc.content()["nodes"]
    assert load_map(target).content()["edges"] == doc.content()["edges"]


def test_adding_and_naming_a_node_is_one_undo_step(make_window, qtbot):
    window = make_window()
    doc = window.session.doc
    before = doc.content()
    node_id = window.actions_.add(NodeKind.PERSON)
    editor = window.view._rename_editor
    editor.selectAll()
    qtbot.keyClicks(editor, "Lena")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.node(node_id).label == "Lena"
    assert window.session.undo_stack.count() == 1
    window.undo_action.trigger()
    assert doc.content() == before
    window.redo_action.trigger()
    assert doc.node(node_id).label == "Lena"
    # Renaming it later is a step of its own.
    window.session.selection.set([node_id])
    window.actions_.rename.trigger()
    window.view._rename_editor.setText("Lena K.")
    window.view.finish_rename(commit=True)
    assert window.session.undo_stack.count() == 2


def test_dragging_a_node_is_one_undo_step(make_window):
    window = make_window()
    doc = window.session.doc
    before = doc.content()
    node_id = "c1"
    start = node_point(window, node_id)
    drag(window.view, start, start + QPoint(80, 40))
    moved = doc.node(node_id)
    assert (moved.x, moved.y) != (before["nodes"][1]["x"], before["nodes"][1]["y"])
    assert window.session.undo_stack.count() == 1
    window.undo_action.trigger()
    assert doc.content() == before
    assert window.scene.node_items[node_id].pos() == QPointF(
        doc.node(node_id).x, doc.node(node_id).y
    )


def test_deleting_the_dragged_node_mid_drag_brings_the_map_back_at_once(make_window):
    """While a node is dragged the still items are hidden behind a photo of them; a drag that
    ends without a release (the node deleted under the held button) must show them again."""
    window = make_window()
    viewport, left = window.view.viewport(), Qt.MouseButton.LeftButton
    start = node_point(window, "c1")
    send_mouse(viewport, QEvent.Type.MouseButtonPress, start, left)
    for step in range(1, 4):
        send_mouse(viewport, QEvent.Type.MouseMove, start + QPoint(20 * step, 0), left)
    still = window.scene.node_items["c2"]
    assert not still.isVisible()  # in the photo while the drag runs
    window.actions_.delete.trigger()  # the Delete key, with the button still down
    assert "c1" not in window.scene.node_items
    assert still.isVisible()


def test_delete_key_deletes_the_selection_and_undo_restores_it(make_window, qtbot):
    window = make_window()
    doc = window.session.doc
    before = doc.content()
    window.session.selection.set(["c1"])
    assert window.scene.node_items["c1"].isSelected()
    # The offscreen platform does not always activate windows, so match the key to the action
    # as Qt's shortcut map would, then trigger it.
    assert QKeySequence(Qt.Key.Key_Delete) in window.actions_.delete.shortcuts()
    window.actions_.delete.trigger()
    assert not doc.has_node("c1") and "c1" not in window.scene.node_items
    assert all("c1" not in (edge.source, edge.target) for edge in doc.edges)
    window.undo_action.trigger()
    assert doc.content() == before
    assert len(window.scene.edge_items) == len(doc.edges)


def test_unsaved_mark_follows_the_undo_stack(make_window):
    window = make_window()
    assert not window.isWindowModified()
    window.session.selection.set(["p1"])
    window.view.nudge(10, 0)
    assert window.isWindowModified() and "*" not in window.windowTitle().replace("[*]", "")
    window.undo_action.trigger()
    assert not window.isWindowModified()


def test_arrow_nudges_merge_and_tab_walks_the_nodes(make_window, qtbot):
    window = make_window()
    doc = window.session.doc
    first = doc.nodes[0]
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.session.selection.ids == (first.id,)
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert doc.node(first.id).x == first.x + 30
    assert window.session.undo_stack.count() == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.session.selection.ids == (doc.nodes[1].id,)


def test_rename_in_place_with_f2_and_escape_cancels(make_window, qtbot):
    window = make_window()
    window.session.selection.set(["c2"])
    old = window.session.doc.node("c2").label
    window.actions_.rename.trigger()
    qtbot.keyClicks(window.view._rename_editor, "zzz")
    qtbot.keyClick(window.view._rename_editor, Qt.Key.Key_Escape)
    assert window.session.doc.node("c2").label == old
    window.actions_.rename.trigger()
    window.view._rename_editor.setText("Hospital IT and data")
    qtbot.keyClick(window.view._rename_editor, Qt.Key.Key_Return)
    assert window.session.doc.node("c2").label == "Hospital IT and data"


def test_copy_paste_between_windows_and_duplicate(make_window):
    source = make_window()
    other = make_window(None)
    source.session.selection.set(["c1", "c2", "p1"])
    source.actions_.copy.trigger()
    other.actions_.paste.trigger()
    pasted = other.session.doc
    assert sorted(node.label for node in pasted.nodes) == sorted(
        source.session.doc.node(i).label for i in ("c1", "c2", "p1")
    )
    # The edges among the copied nodes came along, joined to the pasted copies.
    assert pasted.edges and all(pasted.has_node(e.source) for e in pasted.edges)
    count = len(source.session.doc.nodes)
    source.actions_.duplicate.trigger()
    assert len(source.session.doc.nodes) == count + 3
    assert len(set(source.session.selection.ids) & {"c1", "c2", "p1"}) == 0


def test_landscape_layout_animates_into_one_undo_step_and_keeps_pins(make_window):
    window = make_window()
    doc = window.session.doc
    window.session.selection.set(["c3"])
    window.actions_.pin.trigger()
    pinned_at = (doc.node("c3").x, doc.node("c3").y)
    steps = window.session.undo_stack.count()
    window.actions_.landscape.trigger()
    window.actions_.finish_animation()
    assert window.session.undo_stack.count() == steps + 1
    assert (doc.node("c3").x, doc.node("c3").y) == pinned_at
    assert (doc.ego.x, doc.ego.y) == (0.0, 0.0) or doc.ego.id in {"me"}
    before_layout = window.session.undo_stack.index()
    window.undo_action.trigger()
    assert window.session.undo_stack.index() == before_layout - 1


def close_next_message_box(read) -> list[str]:
    """Accept the message box that the next call opens, keeping what ``read`` takes from it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    seen = []

    def close():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(read(box))
            box.accept()

    QTimer.singleShot(0, close)
    return seen


def test_open_path_shows_a_broken_file_as_a_message_not_a_crash(make_window, tmp_path, qtbot):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(None, show_welcome=True)
    broken = tmp_path / "broken.commap"
    broken.write_text('{"format": "commapper-map", "schema_version": 1, "nodes": [{"id": 3}]}')
    seen = close_next_message_box(QMessageBox.informativeText)
    assert window.files.open_path(broken) is None
    assert seen and "nodes[0]" in seen[0]
    assert window.stack.currentWidget() is window.welcome


def test_opening_into_a_pristine_window_reuses_it(make_window):
    window = make_window(None, show_welcome=True)
    assert not window.save_action.isEnabled()  # no map to save on the welcome screen
    assert window.windowTitle() == "Commapper"
    assert window.files.open_path(DEFAULT_EXAMPLE) is window
    assert window.save_action.isEnabled()
    assert window.stack.currentWidget() is window.view
    assert len(window.scene.node_items) == len(window.session.doc.nodes) > 10
    assert not window.isWindowModified()
    assert window.session.undo_stack.count() == 0


def test_an_example_opens_as_an_untitled_copy_that_saving_never_overwrites(make_window, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    original = DEFAULT_EXAMPLE.read_bytes()
    window = make_window(None, show_welcome=True)
    window.files.open_path(DEFAULT_EXAMPLE)
    session = window.session
    assert session.path is None and session.display_name == session.doc.title
    assert (
        window.windowTitle().count(session.doc.title) == 1
        and DEFAULT_EXAMPLE not in window.app.recent.paths()
    )
    session.edit(UpdateItem("c1", {"label": "Educators"}), "Rename")
    target = tmp_path / "my landscape.commap"

    def choose_target():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(target))
        dialog.accept()

    QTimer.singleShot(0, choose_target)
    assert window.files.save()
    assert session.path == target and load_map(target).node("c1").label == "Educators"
    assert DEFAULT_EXAMPLE.read_bytes() == original


def test_right_click_menus_offer_node_and_canvas_commands(make_window):
    window = make_window()
    node_menu = window.actions_.context_menu(QPointF(0, 0), "c1")
    texts = [action.text() for action in node_menu.actions()]
    assert {"Rename", "Delete", "Pin Selected"} <= set(texts)
    canvas_menu = window.actions_.context_menu(QPointF(500, 500), "")
    add_here = next(a for a in canvas_menu.actions() if a.text() == "Add Person Here")
    add_here.trigger()
    added = window.session.doc.nodes[-1]
    assert added.kind == NodeKind.PERSON and (added.x, added.y) == (500.0, 500.0)


def test_recovery_is_offered_after_a_crash_and_restores_the_map(make_window, qtbot):
    import subprocess
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from commapper.ui.app import offer_recovery

    window = make_window(None, show_welcome=True)
    store = window.app.recovery_store
    crash = (
        "import os\n"
        "from commapper.ui.app import create_application\n"
        "app = create_application()\n"
        "from commapper.io import load_map\n"
        "from commapper.model import UpdateItem\n"
        "from commapper.resources import DEFAULT_EXAMPLE\n"
        "from commapper.ui.files.recovery import Autosaver, RecoveryStore\n"
        "from commapper.ui.session import MapSession\n"
        "session = MapSession(load_map(DEFAULT_EXAMPLE), DEFAULT_EXAMPLE)\n"
        "session.edit(UpdateItem('c1', {'label': 'Changed before the crash'}), 'Rename')\n"
        f"Autosaver(session, RecoveryStore({str(store.folder)!r})).autosave_now()\n"
        "os._exit(1)\n"
    )
    subprocess.run([sys.executable, "-c", crash], check=False, timeout=60,
                   env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip

    def press_recover():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            next(b for b in box.buttons() if b.text() == "Recover").click()

    QTimer.singleShot(0, press_recover)
    offer_recovery(window)
    assert window.session.doc.node("c1").label == "Changed before the crash"
    assert window.isWindowModified()
    assert window.session.path == DEFAULT_EXAMPLE
    assert store.pending() == []


def test_labels_that_would_overlap_give_way_to_the_more_important_one(make_window, qtbot):
    from commapper.model import MoveNodes

    window = make_window()
    scene, doc = window.scene, window.session.doc
    # Two people in the same place, away from the rest: one label moves aside.
    window.session.edit(MoveNodes({"p1": (5000, 5000), "p2": (5000, 5000)}), "Move")
    scene.declutter_labels()
    spots = {scene.node_items[p].label_spot for p in ("p1", "p2")}
    assert 0 in spots and len(spots) == 2 and not {"p1", "p2"} & scene.crowded_labels
    rects = [scene.node_items[p].label_scene_rect() for p in ("p1", "p2")]
    assert not rects[0].intersects(rects[1])
    # On top of a community neither fits: its label and its disc come first.
    spot = (doc.node("c1").x, doc.node("c1").y)
    window.session.edit(MoveNodes({"p1": spot, "p2": spot}), "Move")
    scene.declutter_labels()
    assert "c1" not in scene.crowded_labels
    assert {"p1", "p2"} <= scene.crowded_labels
    window.session.selection.set(["p1"])  # a selected node's label always shows
    scene.declutter_labels()
    assert "p1" not in scene.crowded_labels


def test_enter_after_naming_keeps_the_named_node_selected(make_window, qtbot):
    window = make_window(None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the focus chain only runs in an active window
    node_id = window.actions_.add(NodeKind.COMMUNITY)
    window.actions_.add(NodeKind.COMMUNITY)  # a second node the focus could wander to
    window.session.selection.set([node_id])
    window.actions_.rename.trigger()
    assert window.view._rename_editor.hasFocus()
    qtbot.keyClicks(window.view._rename_editor, "Choir")
    qtbot.keyClick(window.view._rename_editor, Qt.Key.Key_Return)
    assert window.session.doc.node(node_id).label == "Choir"
    assert window.session.selection.ids == (node_id,)


def test_new_nodes_get_room_of_their_own(make_window):
    window = make_window(None)
    ids = [window.actions_.add(NodeKind.COMMUNITY) for _ in range(6)]
    window.view.finish_rename(commit=False)
    spots = [(window.session.doc.node(i).x, window.session.doc.node(i).y) for i in ids]
    for index, (x, y) in enumerate(spots):
        for other_x, other_y in spots[index + 1 :]:
            assert abs(x - other_x) >= 170 or abs(y - other_y) >= 110


def test_the_welcome_screen_offers_no_map_editing(make_window):
    window = make_window(None, show_welcome=True)
    assert not window.actions_.add_node[NodeKind.COMMUNITY].isEnabled()
    window.actions_.add_node[NodeKind.COMMUNITY].trigger()
    assert window.session.doc.nodes == []
    window.files.new_map()  # the welcome screen's New Map
    assert window.actions_.add_node[NodeKind.COMMUNITY].isEnabled()


def test_the_rename_box_follows_its_node_when_the_view_scrolls(make_window):
    window = make_window()
    window.view.set_zoom(1.5)
    window.session.selection.set(["c1"])
    window.actions_.rename.trigger()
    editor = window.view._rename_editor
    window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar().value() + 60)
    item = window.scene.node_items["c1"]
    below = window.view.mapFromScene(item.scenePos() + QPointF(0, item.radius + 4))
    assert abs(editor.x() + editor.width() / 2 - below.x()) <= 2
    window.view.finish_rename(commit=False)


def test_a_layout_that_moves_nothing_adds_no_undo_step(make_window):
    window = make_window()
    window.actions_.landscape.trigger()
    window.actions_.finish_animation()
    steps = window.session.undo_stack.count()
    window.actions_.landscape.trigger()  # the map is already laid out this way
    window.actions_.finish_animation()
    assert window.session.undo_stack.count() == steps


def test_deleting_a_node_while_a_layout_animates_keeps_map_and_canvas_in_step(make_window):
    window = make_window()
    window.actions_.landscape.trigger()
    window.session.selection.set(["c1"])
    window.actions_.delete_selection()
    window.actions_.finish_animation()
    doc = window.session.doc
    assert not doc.has_node("c1")
    for node in doc.nodes:
        assert window.scene.node_items[node.id].pos() == QPointF(node.x, node.y)


def test_labels_in_tooltips_stay_plain_text(make_window):
    from commapper.model import UpdateItem

    window = make_window()
    window.session.edit(UpdateItem("c1", {"label": "<b>Bold</b> & co"}), "Rename")
    tip = window.scene.node_items["c1"].toolTip()
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in tip


def test_the_shortcut_list_is_sorted_by_task_and_names_undo_plainly(make_window):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    window.session.edit(UpdateItem("c1", {"label": "Educators"}), "Change label")
    seen = close_next_message_box(QMessageBox.text)
    window.show_shortcuts()
    listed = seen[0].split("\n\n")[0].splitlines()
    tasks = [line[17:] for line in listed]
    assert "Undo" in tasks and not any("Change label" in task for task in tasks)
    assert tasks == sorted(tasks)


def test_adding_me_is_offered_only_while_the_map_has_none(make_window):
    window = make_window()  # the example map has a me
    add_me = window.actions_.add_node[NodeKind.ME]

    def add_me_here():
        menu = window.actions_.context_menu(QPointF(500, 500), "")
        return next(a for a in menu.actions() if a.text() == "Add Me Here")

    assert not add_me.isEnabled() and not add_me_here().isEnabled()
    window.session.selection.set(["me"])
    window.actions_.delete_selection()
    assert add_me.isEnabled() and add_me_here().isEnabled()
    window.session.undo_stack.undo()
    assert not add_me.isEnabled()


def test_a_community_i_belong_to_is_added_with_my_membership_in_one_step(make_window, qtbot):
    window = make_window()
    doc = window.session.doc
    before = doc.content()
    add = window.actions_.add_my_community
    assert add.shortcut().toString() == "Ctrl+Shift+M"
    assert any(add in menu.actions() for menu in window.menuBar().findChildren(QMenu))
    add.trigger()
    editor = window.view._rename_editor
    editor.selectAll()
    qtbot.keyClicks(editor, "Book club")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    community = doc.nodes[-1]
    assert (community.kind, community.label) == (NodeKind.COMMUNITY, "Book club")
    membership = doc.edges[-1]
    assert (membership.kind, membership.source, membership.target) == (
        "membership", "me", community.id)  # fmt: skip
    assert window.session.undo_stack.count() == 1
    assert window.session.undo_stack.undoText() == "Add a community I belong to"
    window.undo_action.trigger()
    assert doc.content() == before


def test_a_community_i_belong_to_needs_a_me(make_window):
    window = make_window()
    window.session.selection.set(["me"])
    window.actions_.delete_selection()
    assert not window.actions_.add_my_community.isEnabled()
    window.session.undo_stack.undo()
    assert window.actions_.add_my_community.isEnabled()

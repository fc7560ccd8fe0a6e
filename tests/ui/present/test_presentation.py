"""The presentation (F5): a second scene of the editor's map, full screen, that follows every
edit, steps through the saved views, lights a node's neighbourhood, and hides names without
touching the file."""

from __future__ import annotations

import itertools
import json

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest

from commapper.io import load_map
from commapper.model import (
    CommunityNode,
    CrossingEdge,
    InsertItems,
    MapDocument,
    MembershipEdge,
    MeNode,
    NodeKind,
    PersonNode,
    TieEdge,
    UpdateItem,
    UpdateMap,
    View,
    Viewport,
)
from commapper.ui.shell.theme import PROJECTOR, PROJECTOR_DARK
from tests.gestures import send_mouse


def small_map(me: str = "Sam", educators: str = "Nurse educators") -> MapDocument:
    doc = MapDocument.new()
    nodes = [
        MeNode(id="me", label=me, x=0, y=0),
        CommunityNode(id="c1", label=educators, x=200, y=0, sector="health"),
        CommunityNode(id="c2", label="Hospital IT", x=-200, y=0, sector="work"),
        PersonNode(id="p1", label="Ana Lopez", x=100, y=150),
        PersonNode(id="p2", label="Priya Shah", x=-100, y=150),
    ]
    edges = [
        MembershipEdge(id="m1", source="me", target="c1", level="core"),
        MembershipEdge(id="m2", source="me", target="c2", level="active"),
        MembershipEdge(id="m3", source="p1", target="c1", level="active"),
        MembershipEdge(id="m4", source="p2", target="c2", level="active"),
        TieEdge(id="t1", source="p1", target="p2", label="Ana's mentor"),
    ]
    doc.nodes.extend(nodes)
    doc.edges.extend(edges)
    doc.reindex()
    return doc


@pytest.fixture
def presenting(window_on, qtbot):
    window = window_on(small_map())
    presentation = window.present()
    assert presentation is not None
    qtbot.waitExposed(presentation)
    yield window, presentation
    if window.presentation is not None:
        window.presentation.close()


def insert_node(doc: MapDocument, node) -> InsertItems:
    return InsertItems(nodes=((len(doc.nodes), node),))


def settle(qtbot, ms: int = 60) -> None:
    qtbot.wait(ms)


def labels(scene) -> dict[str, str]:
    """Each node's label as drawn (its lines joined)."""
    return {node_id: " ".join(item._label_lines) for node_id, item in scene.node_items.items()}


def test_f5_presents_full_screen_without_editing_chrome(window_on, qtbot):
    window = window_on(small_map())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts only run in an active window
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    presentation = window.presentation
    assert presentation is not None
    qtbot.waitExposed(presentation)
    assert presentation.isFullScreen()
    assert presentation.view.isInteractive() is False
    assert presentation.scene is not window.scene
    assert presentation.scene.session is window.session
    QTest.keyClick(presentation.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.presentation is None)


def test_every_edit_shows_on_the_projection_at_once(presenting, qtbot):
    window, presentation = presenting
    session = window.session
    session.edit(UpdateItem("c1", {"label": "Clinical educators"}), "rename")
    session.edit(
        insert_node(session.doc, CommunityNode(id="c3", label="Choir", x=0, y=-200)), "add"
    )
    window.view.map_scene.select_ids(["c2"])
    window.view.nudge(30, 0)
    settle(qtbot)
    editor, projected = window.scene, presentation.scene
    assert (
        set(projected.node_items)
        == set(editor.node_items)
        == {node.id for node in session.doc.nodes}
    )
    assert set(projected.edge_items) == set(editor.edge_items)
    for node_id, item in editor.node_items.items():
        assert projected.node_items[node_id].pos() == item.pos()
    assert labels(projected)["c1"] == "Clinical educators"
    assert projected.node_items["c2"].pos().x() == -170
    # The editor's selection is not shown to the room.
    assert not projected.selectedItems()


def test_projector_theme_and_dark_variant_leave_the_editor_alone(presenting, qtbot):
    window, presentation = presenting
    editor_colours = window.scene.colours
    assert presentation.scene.colours is PROJECTOR
    QTest.keyClick(presentation.view, Qt.Key.Key_D)
    assert presentation.scene.colours is PROJECTOR_DARK
    assert window.scene.colours is editor_colours
    QTest.keyClick(presentation.view, Qt.Key.Key_D)
    assert presentation.scene.colours is PROJECTOR


def test_labels_keep_their_size_on_screen_whatever_the_zoom(presenting, qtbot):
    _window, presentation = presenting
    view = presentation.view
    on_screen = []
    for zoom in (0.3, 1.0, 2.5):
        view.set_zoom(zoom)
        on_screen.append(presentation.scene.label_scale * view.zoom)
    assert max(on_screen) == pytest.approx(min(on_screen), rel=0.06)
    # Larger than the editor's labels at 100%.
    assert min(on_screen) > 1.4


def test_hidden_names_show_participants_and_leave_the_map_alone(presenting, qtbot, tmp_path):
    window, presentation = presenting
    before = window.session.doc.model_dump()
    QTest.keyClick(presentation.view, Qt.Key.Key_N)
    assert presentation.names_hidden
    shown = labels(presentation.scene)
    assert shown["p1"] == "Participant 1" and shown["p2"] == "Participant 2"
    assert shown["me"] == "Me"
    assert shown["c1"] == "Nurse educators"  # communities keep their names
    settle(qtbot)
    # A tie's label may name people: it is not shown either.
    assert "t1" not in presentation.scene.edge_labels.spots
    # The editor and the file keep the names.
    assert labels(window.scene)["p1"] == "Ana Lopez"
    assert window.session.doc.model_dump() == before
    path = tmp_path / "kept.commap"
    window.session.save(path)
    assert "Ana Lopez" in path.read_text(encoding="utf-8")
    # The numbers stay with the people for the session, also for someone added later.
    session = window.session
    session.edit(insert_node(session.doc, PersonNode(id="p0", label="Zed", x=0, y=300)), "add")
    assert labels(presentation.scene)["p0"] == "Participant 3"
    QTest.keyClick(presentation.view, Qt.Key.Key_N)
    assert labels(presentation.scene)["p1"] == "Ana Lopez"


def test_a_click_lights_a_node_and_its_neighbours(presenting, qtbot):
    _window, presentation = presenting
    view = presentation.view
    settle(qtbot)
    at = view.mapFromScene(presentation.scene.node_items["p1"].pos())
    left = Qt.MouseButton.LeftButton
    send_mouse(view.viewport(), QEvent.Type.MouseButtonPress, at, left)
    send_mouse(view.viewport(), QEvent.Type.MouseButtonRelease, at, Qt.MouseButton.NoButton)
    dimmed = {node_id for node_id, item in presentation.scene.node_items.items() if item.dimmed}
    assert presentation.spotlit == "p1"
    assert dimmed == {"me", "c2"}  # p1's neighbours are c1 and p2
    lit_edges = {e for e, item in presentation.scene.edge_items.items() if not item.dimmed}
    assert lit_edges == {"m3", "t1"}
    # Nothing is moved or selected by the click.
    assert presentation.scene.node_items["p1"].pos().x() == 100
    assert not presentation.scene.selectedItems()
    corner = QPoint(3, 3)
    send_mouse(view.viewport(), QEvent.Type.MouseButtonPress, corner, left)
    assert not any(item.dimmed for item in presentation.scene.node_items.values())


def views_map() -> MapDocument:
    doc = small_map()
    views = [
        View(name="Communities", kinds=["me", "community"], viewport=Viewport(
            x=-250, y=-100, width=500, height=200)),
        View(name="Ana", nodes=["p1", "c1", "me"], highlighted=["p1"], overlay="brokers"),
    ]  # fmt: skip
    doc.views = views
    doc.reindex()
    return doc


def test_page_down_steps_through_the_saved_views(window_on, qtbot):
    window = window_on(views_map())
    presentation = window.present()
    qtbot.waitExposed(presentation)
    scene = presentation.scene

    def shown() -> set[str]:
        return {node_id for node_id, item in scene.node_items.items() if item.isVisible()}

    assert presentation.step == 0
    assert shown() == {"me", "c1", "c2"}
    assert {e for e, item in scene.edge_items.items() if item.visible} == {"m1", "m2"}
    visible = presentation.view.shown_rect()
    assert visible.contains(-240, -90) and visible.contains(240, 90)
    QTest.keyClick(presentation.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: presentation.step_done)
    assert presentation.step == 1
    assert shown() == {"p1", "c1", "me"}
    assert [item.node_id for item in scene.selectedItems()] == ["p1"]
    assert presentation.overlays.marks == {"broker"}
    QTest.keyClick(presentation.view, Qt.Key.Key_PageDown)  # the last step: the whole map
    assert presentation.step == 2
    assert shown() == set(scene.node_items)
    QTest.keyClick(presentation.view, Qt.Key.Key_PageDown)  # stays there
    assert presentation.step == 2
    QTest.keyClick(presentation.view, Qt.Key.Key_PageUp)
    assert presentation.step == 1
    # A node added while a view shows only some nodes is not revealed by it.
    session = window.session
    session.edit(insert_node(session.doc, PersonNode(id="p9", label="New", x=0, y=400)), "add")
    assert not scene.node_items["p9"].isVisible()
    assert window.scene.node_items["p9"].isVisible()
    QTest.keyClick(presentation.view, Qt.Key.Key_Home)
    assert presentation.step == 0


def test_views_made_renamed_moved_and_deleted_are_undo_steps_saved_in_the_file(
    window_on, qtbot, tmp_path
):
    window = window_on(small_map())
    panel, session = window.views, window.session
    window.scene.select_ids(["c1"])
    panel.add_from_screen()
    panel.add_from_screen()
    views = session.doc.views
    assert [view.name for view in views] == ["View 1", "View 2"]
    assert views[0].highlighted == ["c1"]
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert views[0].viewport.width == pytest.approx(shown.width(), abs=0.2)
    steps = session.undo_stack.count()

    panel.list.item(1).setText("Who bridges")  # as an in-place rename does
    assert session.doc.views[1].name == "Who bridges"
    panel.list.setCurrentRow(1)
    panel.up_button.click()
    assert [view.name for view in session.doc.views] == ["Who bridges", "View 1"]
    panel.list.setCurrentRow(0)
    panel.kind_checks[next(iter(panel.kind_checks))].setChecked(False)  # no "me"
    assert "me" not in session.doc.views[0].kinds
    panel.list.setCurrentRow(1)
    panel.delete_button.click()
    assert [view.name for view in session.doc.views] == ["Who bridges"]
    assert session.undo_stack.count() == steps + 4  # one step each

    path = tmp_path / "views.commap"
    session.save(path)
    assert load_map(path).views == session.doc.views
    saved = json.loads(path.read_text(encoding="utf-8"))["views"]
    assert saved[0]["name"] == "Who bridges"

    for _ in range(4):
        session.undo_stack.undo()
    assert [view.name for view in session.doc.views] == ["View 1", "View 2"]
    assert panel.list.count() == 2


def test_a_view_named_in_the_panel_refuses_an_empty_name(window_on, qtbot):
    window = window_on(views_map())
    panel = window.views
    panel.list.item(0).setText("   ")
    assert window.session.doc.views[0].name == "Communities"
    assert panel.list.item(0).text() == "Communities"


def test_present_from_a_view_starts_there_and_the_editor_can_go_to_it(window_on, qtbot):
    window = window_on(views_map())
    window.views.list.setCurrentRow(1)
    window.views.present_button.click()
    presentation = window.presentation
    qtbot.waitExposed(presentation)
    assert presentation.step == 1
    presentation.close()
    window.views.list.setCurrentRow(0)
    window.views.go_button.click()
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(-250, -100) and shown.contains(250, 100)


def test_views_of_a_file_edited_elsewhere_are_followed(presenting, qtbot):
    window, presentation = presenting
    session = window.session
    session.edit(UpdateMap({"views": [View(name="Only me", nodes=["me"])]}), "views")
    assert window.views.list.count() == 1
    presentation.go_to(0, animate=False)
    assert [n for n, item in presentation.scene.node_items.items() if item.isVisible()] == ["me"]
    session.undo_stack.undo()
    assert presentation.steps == [None]
    QTest.keyClick(presentation.view, Qt.Key.Key_PageDown)  # a step that is gone: still fine
    assert presentation.step == 0


def test_the_bundled_example_presents_its_views(make_window, qtbot):
    window = make_window()
    presentation = window.present()
    qtbot.waitExposed(presentation)
    names = [view.name for view in window.session.doc.views]
    assert names  # the example carries saved views
    for _ in names:
        QTest.keyClick(presentation.view, Qt.Key.Key_PageDown)
    assert presentation.steps[presentation.step] is None
    assert all(item.isVisible() for item in presentation.scene.node_items.values())


def test_names_start_hidden_on_a_room_map(window_on, qtbot):
    from commapper.workshop.room import ParticipantFile, Room, merge_room

    room = Room()
    for name, community in (("Ana", "Open data circle"), ("Ben", "open-data circle")):
        doc = small_map(me=name, educators=community)
        room = room.with_file(ParticipantFile(path=f"{name}.commap", document=doc))
    window = window_on(merge_room(room).document)
    presentation = window.present()
    qtbot.waitExposed(presentation)
    assert presentation.names_hidden
    shown = " ".join(labels(presentation.scene).values())
    assert "Ana" not in shown and "Ben" not in shown
    assert "Participant 1" in shown


def test_the_editor_goes_on_after_the_presentation_ends(presenting, qtbot):
    window, presentation = presenting
    presentation.close()
    qtbot.waitUntil(lambda: window.presentation is None)
    qtbot.wait(50)  # its deletion, deferred by Qt
    session = window.session
    session.edit(UpdateItem("c1", {"label": "After"}), "rename")
    window.analysis.runner.request()
    with qtbot.waitSignal(window.analysis.runner.finished, timeout=20000):
        pass
    assert labels(window.scene)["c1"] == "After"


def test_the_command_line_can_open_a_map_presenting(commapper_app, qtbot, monkeypatch):
    """`commapper FILE --present`, as the command line runs it."""
    import sys
    import threading

    from PySide6.QtCore import QTimer

    from commapper.resources import DEFAULT_EXAMPLE
    from commapper.ui.app import run_app
    from commapper.ui.shell.diagnostics import log

    # run_app installs the app's exception hook and log file; the next test gets its own.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(log, "handlers", list(log.handlers))
    seen = []

    def look_and_close():
        for window in list(commapper_app.windows):
            seen.append(window.presentation is not None and window.presentation.isFullScreen())
            window.session.undo_stack.setClean()
            window.close()

    QTimer.singleShot(500, look_and_close)
    assert run_app(str(DEFAULT_EXAMPLE), commapper_app, present=True) == 0
    assert seen == [True]


def test_present_without_a_file_is_a_usage_error():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "commapper.cli", "--present"], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "--present needs a map file" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_projection_follows_edits_to_the_view_it_shows(window_on, qtbot):
    window = window_on(views_map())
    presentation = window.present()
    qtbot.waitExposed(presentation)
    session = window.session
    assert presentation.step == 0
    window.views.list.setCurrentRow(0)
    window.views.kind_checks[NodeKind.PERSON].setChecked(True)  # now shows people too
    shown = {n for n, item in presentation.scene.node_items.items() if item.isVisible()}
    assert {"p1", "p2"} <= shown
    window.views.delete_button.click()  # the view on show goes: the next one takes its place
    assert presentation.steps[0].name == "Ana"
    assert {n for n, item in presentation.scene.node_items.items() if item.isVisible()} == {
        "p1", "c1", "me"
    }  # fmt: skip
    session.undo_stack.undo()
    assert presentation.steps[0].name == "Communities"


def test_a_view_name_too_long_is_refused_with_a_message(window_on, qtbot):
    window = window_on(views_map())
    refused = []
    window.session.edit_refused.connect(refused.append)
    window.views.list.item(0).setText("x" * 600)
    assert window.session.doc.views[0].name == "Communities"
    assert refused and "name" in refused[0]


def test_a_crowded_room_map_is_framed_whole_with_no_label_over_another(window_on, qtbot):
    """Room maps have dozens of communities: on the projection their names give way to one
    another instead of piling up, and the frame takes in the labels shown."""
    from benchmarks.generate import generate_map

    window = window_on(generate_map(300, seed=3))
    presentation = window.present()
    qtbot.waitExposed(presentation)
    scene = presentation.scene
    qtbot.waitUntil(lambda: scene.labels_placed)
    qtbot.wait(100)
    shown = [
        item.label_scene_rect()
        for item in scene.node_items.values()
        if item.kind in (NodeKind.ME, NodeKind.COMMUNITY)
        and item.node_id not in scene.crowded_labels
        and not item.label_scene_rect().isEmpty()
    ]
    assert shown
    for one, other in itertools.combinations(shown, 2):
        assert not one.adjusted(2, 2, -2, -2).intersects(other)
    frame = presentation.view.shown_rect()
    assert all(frame.contains(rect) for rect in shown)


def test_hidden_names_are_taken_out_of_every_label_and_the_caption(window_on, qtbot):
    doc = views_map()
    doc.nodes[1] = CommunityNode(id="c1", label="Ana Lopez's reading group", x=200, y=0)
    doc.edges.append(CrossingEdge(id="x1", source="c1", target="c2", label="met Priya Shah"))
    doc.views = [View(name="Where Ana Lopez works", nodes=["p1", "c1", "me"])]
    doc.reindex()
    window = window_on(doc)
    presentation = window.present()
    qtbot.waitExposed(presentation)
    QTest.keyClick(presentation.view, Qt.Key.Key_N)
    shown = labels(presentation.scene)
    assert shown["c1"] == "Participant 1's reading group"
    assert presentation.scene.edge_items["x1"].label_text == "met Participant 2"
    presentation.go_to(0, animate=False)
    assert (
        "Ana" not in presentation.caption.text() and "Participant 1" in presentation.caption.text()
    )
    # A person renamed in the editor is taken out under the new name.
    window.session.edit(UpdateItem("p1", {"label": "Ana Maria Lopez"}), "rename")
    window.session.edit(UpdateItem("c2", {"label": "Ana Maria Lopez's team"}), "rename")
    assert labels(presentation.scene)["c2"] == "Participant 1's team"


def test_on_a_room_map_only_participants_are_participants(window_on, qtbot):
    from commapper.workshop.room import ParticipantFile, Room, merge_room

    room = Room()
    for name in ("Ana", "Ben"):
        room = room.with_file(ParticipantFile(path=f"{name}.commap", document=small_map(me=name)))
    window = window_on(merge_room(room).document)
    presentation = window.present()
    qtbot.waitExposed(presentation)
    shown = set(labels(presentation.scene).values())
    assert {"Participant 1", "Participant 2"} <= shown  # Ana and Ben
    assert {"Person 1", "Person 2"} <= shown  # the people they named

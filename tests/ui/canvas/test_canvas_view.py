"""The canvas view fits, zooms and frames maps whose nodes sit anywhere a float reaches."""

import json
import math

import pytest
from gestures import drag
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from strategies import HUGE, at

from commapper.model import MapDocument, NodeKind, PersonNode, TieEdge
from commapper.resources import DEFAULT_EXAMPLE
from commapper.ui.canvas.view import MIN_ZOOM


def spread_map(*points):
    doc = MapDocument.new()
    doc.nodes = [
        at(PersonNode(id=f"p{i}", label=f"Person {i}"), x, y) for i, (x, y) in enumerate(points)
    ]
    doc.edges = [
        TieEdge(id=f"t{i}", source=f"p{i}", target=f"p{i + 1}") for i in range(len(points) - 1)
    ]
    doc.reindex()
    return doc


MAPS = {
    "at +-1e308": [(1e308, 1e308), (-1e308, -1e308)],
    "largest floats": [(HUGE, -HUGE), (-HUGE, HUGE), (0.0, 0.0)],
    "at 1e21 and the origin": [(1e21, 1e21), (0.0, 0.0)],
    "at +-1e9": [(1e9, 1e9), (-1e9, -1e9)],
    "a tiny cluster far from another": [(1e9, -1e9), (1e9 + 1e-3, -1e9), (-1e9, 1e9)],
    "one node": [(-1e9, 1e9)],
    "all on one spot": [(3.0, 3.0)] * 6,
}


def assert_usable(view):
    """A zoom Qt can invert: clicks still map to places on the map."""
    assert math.isfinite(view.zoom) and view.zoom > 1e-12
    _, invertible = view.transform().inverted()
    assert invertible


@pytest.mark.parametrize("name", list(MAPS))
def test_fit_zoom_and_frame_work_wherever_the_nodes_are(window_on, qtbot, name):
    window = window_on(spread_map(*MAPS[name]))
    view = window.view
    qtbot.wait(10)  # the second fit, once the docks have their room
    assert_usable(view)
    view.zoom_in()
    view.zoom_out()
    view.fit_to_window()
    fitted = view.zoom
    view.zoom_out()
    assert view.zoom <= fitted  # zooming out of a fit below MIN_ZOOM does not jump in
    for _ in range(60):
        view.zoom_in()
    for _ in range(120):
        view.zoom_out()
    assert_usable(view)
    view.frame_nodes(["p0"])
    view.walk_nodes()
    view.fit_to_window()
    assert_usable(view)
    window.grab()  # paints every item at that zoom


def test_a_map_spread_to_the_edge_of_files_is_shown_whole(window_on):
    window = window_on(spread_map((1e9, 1e9), (-1e9, -1e9)))
    view = window.view
    view.fit_to_window()
    room = view.viewport().rect()
    for point in ((1e9, 1e9), (-1e9, -1e9)):
        assert room.contains(view.mapFromScene(QPointF(*point)))
    assert view.zoom < MIN_ZOOM
    assert window.zoom_label.text() == "<1%"


def test_a_wildly_large_wheel_turn_zooms_by_a_few_steps(window_on):
    window = window_on(spread_map((0.0, 0.0), (100.0, 0.0)))
    view = window.view
    centre = QPointF(view.viewport().rect().center())
    for delta in (2**31 - 1, -(2**31)):
        event = QWheelEvent(
            centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())), QPoint(),
            QPoint(0, delta), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(view.viewport(), event)
        assert_usable(view)


def test_a_file_at_the_edge_of_the_coordinates_opens_with_its_unplaced_nodes_placed(
    make_window, tmp_path
):
    data = json.loads(DEFAULT_EXAMPLE.read_text(encoding="utf-8"))
    nodes = data["nodes"]
    nodes[0].update(x=1e9, y=1e9)
    nodes[1].update(x=-1e9, y=-1e9)
    for node in nodes[2:]:
        node.pop("x", None)
        node.pop("y", None)
    path = tmp_path / "edges.commap"
    path.write_text(json.dumps(data), encoding="utf-8")
    window = make_window(path)
    positions = [(node.x, node.y) for node in window.session.doc.nodes]
    assert all(value is not None and abs(value) <= 1e9 for point in positions for value in point)
    assert_usable(window.view)


def test_a_node_dragged_past_the_edge_of_the_coordinates_stops_at_it(window_on):
    window = window_on(spread_map((1e9 - 20, 0.0), (0.0, 0.0)))
    view, item = window.view, window.scene.node_items["p0"]
    view.set_zoom(1.0)
    view.centerOn(item)
    start = view.mapFromScene(item.scenePos())
    drag(view, start, start + QPoint(150, 0))
    node = window.session.doc.node("p0")
    assert node.x == 1e9 and window.session.undo_stack.count() == 1
    assert item.pos() == QPointF(node.x, node.y)  # the canvas shows where the map has it
    drag(
        view, view.mapFromScene(item.scenePos()), view.mapFromScene(item.scenePos()) + QPoint(90, 0)
    )
    assert item.pos() == QPointF(1e9, node.y) and window.statusBar().currentMessage() == ""


def test_a_double_click_past_the_edge_adds_the_node_at_the_edge(window_on):
    window = window_on(spread_map((1e9, 1e9), (-1e9, -1e9)))
    node_id = window.actions_.add(NodeKind.COMMUNITY, QPointF(1.5e9, -3e9))
    node = window.session.doc.node(node_id)
    assert (node.x, node.y) == (1e9, -1e9)


def test_a_node_added_out_of_sight_is_shown_without_losing_the_view(make_window):
    from commapper.model import NodeKind

    window = make_window()
    view = window.view
    view.set_zoom(6.0)
    view.centerOn(window.scene.node_items["c1"])
    before = view.mapToScene(view.viewport().rect()).boundingRect()
    node_id = window.actions_.add(NodeKind.PERSON)
    view.finish_rename(commit=True)
    assert not before.contains(window.scene.node_items[node_id].pos())  # no room in view
    after = view.mapToScene(view.viewport().rect()).boundingRect()
    assert after.contains(window.scene.node_items[node_id].sceneBoundingRect())
    assert after.contains(before.center())  # still where the user was working


def test_a_turn_of_the_wheel_zooms_at_once_and_settles_the_labels_when_it_rests(
    window_on, wheel_down, qtbot
):
    from commapper.ui.canvas.view import label_scale_at

    window = window_on(spread_map((0.0, 0.0), (100.0, 0.0)))
    view, scene = window.view, window.scene
    view.set_zoom(0.5)
    before = scene.label_scale
    for _ in range(3):
        wheel_down(view.viewport())
    assert view.zoom == pytest.approx(0.5 / 1.2**3, rel=0.05)  # the view follows each notch
    assert scene.zoom_in_motion and scene.label_scale == before  # the labels wait
    window.grab()  # a frame drawn mid-turn
    qtbot.waitUntil(lambda: not scene.zoom_in_motion, timeout=2000)
    assert scene.label_scale == pytest.approx(label_scale_at(view.zoom)) != before


def test_nodes_added_one_after_another_each_land_in_a_free_spot_nearest_the_middle(make_window):
    from commapper.model import NodeKind
    from commapper.ui.shell.edit_actions import NEW_NODE_ROOM

    window = make_window()
    view, doc = window.view, window.session.doc
    middle = view.mapToScene(view.viewport().rect().center())
    added = []
    for _ in range(6):
        added.append(window.actions_.add(NodeKind.PERSON))
        view.finish_rename(commit=True)
    room_x, room_y = NEW_NODE_ROOM.x(), NEW_NODE_ROOM.y()
    for node_id in added:
        node = doc.node(node_id)
        others = [n for n in doc.nodes if n.id != node_id]
        # No other node within a node's room of it ...
        assert all(abs(n.x - node.x) >= room_x or abs(n.y - node.y) >= room_y for n in others)
        # ... and on the loose grid around the middle.
        steps = ((node.x - middle.x()) / room_x, (node.y - middle.y()) / room_y)
        assert all(abs(step - round(step)) < 1e-6 for step in steps)
    # The first is as near the middle as a free spot of the grid lets it be: every spot of a
    # nearer ring around the middle, and of its ring nearer, has a node within its room.
    first = doc.node(added[0])
    before = [n for n in doc.nodes if n.id not in added]

    def weighted(dx, dy):
        return abs(dx) * room_x + abs(dy) * room_y

    first_steps = (round((first.x - middle.x()) / room_x), round((first.y - middle.y()) / room_y))
    reach = max(map(abs, first_steps))
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            ring = max(abs(dx), abs(dy))
            if ring < reach or weighted(dx, dy) < weighted(*first_steps):
                x, y = middle.x() + dx * room_x, middle.y() + dy * room_y
                assert any(abs(n.x - x) < room_x and abs(n.y - y) < room_y for n in before)


def test_the_scroll_room_takes_in_nodes_moved_out_of_it_and_lets_go_of_many_deleted(
    window_on, qtbot
):
    """Nodes moved or come beyond the room are taken in without measuring the whole map;
    many deleted, the room is measured again and shrinks."""
    from benchmarks.generate import generate_map
    from commapper.model import MoveNodes, RemoveItems

    window = window_on(generate_map(300))
    scene, session = window.scene, window.session
    qtbot.waitUntil(lambda: scene.labels_placed)
    room = scene.sceneRect()
    far = {node.id: (node.x + 20_000.0, node.y) for node in session.doc.nodes[:3]}
    session.edit(MoveNodes(far), "Far away")
    qtbot.waitUntil(lambda: scene.labels_placed)
    assert scene.sceneRect().contains(scene.nodes_rect(list(far)))
    assert scene.sceneRect().contains(room)  # the rest is still in it
    for item in scene.node_items.values():  # (its labels may since have moved about)
        assert scene.extent().contains(item.pos())
    gone = set(far) | {node.id for node in session.doc.nodes[23:]}
    session.edit(RemoveItems(frozenset(gone)), "Delete most")
    qtbot.waitUntil(lambda: scene.labels_placed)
    assert scene.sceneRect().contains(scene.nodes_rect())
    assert scene.extent() == scene.nodes_rect()  # measured again
    assert scene.sceneRect().width() < 2 * room.width()  # not the 40,000 it took the far nodes

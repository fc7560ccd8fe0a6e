"""Edges are drawn by one layer, not by an item each: the scene finds the edge under the mouse
itself. A click takes an edge, Ctrl+click adds one, a click on empty canvas lets go, hovering
shows the edge's label, a double-click on an edge adds no node, and a rubber band takes the
lines among the nodes it took."""

from __future__ import annotations

import pytest
from gestures import drag, send_mouse
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from commapper.ui.canvas.items import NodeItem

LEFT, NO_BUTTON = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
CTRL = Qt.KeyboardModifier.ControlModifier


def click(view, point: QPoint, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    viewport = view.viewport()
    send_mouse(viewport, QEvent.Type.MouseButtonPress, point, LEFT, modifiers)
    send_mouse(viewport, QEvent.Type.MouseButtonRelease, point, NO_BUTTON, modifiers)
    QApplication.processEvents()


def point_on(window, edge_id: str) -> QPoint:
    """A point of the viewport on the edge, where no node and no other edge is near."""
    view, scene = window.view, window.scene
    edge = scene.edge_items[edge_id]
    for step in range(30, 71, 5):
        point = view.mapFromScene(edge.curve.pointAtPercent(step / 100))
        at = view.mapToScene(point)
        if view.node_item_at(point) is None and scene.edge_at(at) is edge:
            return point
    pytest.skip(f"{edge_id} has no clear point in this window")


def empty_point(window) -> QPoint:
    view, scene = window.view, window.scene
    for x in range(5, view.viewport().width(), 20):
        point = QPoint(x, 5)
        if view.node_item_at(point) is None and scene.edge_at(view.mapToScene(point)) is None:
            return point
    raise AssertionError("no empty point along the top of the canvas")


@pytest.fixture
def window(make_window):
    window = make_window()
    window.view.fit_to_window()
    QApplication.processEvents()
    return window


def test_a_click_on_an_edge_selects_it_and_ctrl_click_adds_another(window):
    session, scene = window.session, window.scene
    click(window.view, point_on(window, "e34"))
    assert list(session.selection.ids) == ["e34"]
    assert scene.edge_items["e34"].selected and scene.edge_items["e34"].lit
    assert not scene.selectedItems()
    click(window.view, point_on(window, "e42"), CTRL)
    assert set(session.selection.ids) == {"e34", "e42"}
    click(window.view, point_on(window, "e34"), CTRL)  # Ctrl+click again takes it out
    assert list(session.selection.ids) == ["e42"]
    click(window.view, empty_point(window))
    assert not session.selection.ids
    assert not any(edge.selected for edge in scene.edge_items.values())


def test_a_click_on_a_node_lets_the_selected_edge_go(window):
    session, scene = window.session, window.scene
    session.selection.set(["e34"])
    node = scene.node_items["c1"]
    click(window.view, window.view.mapFromScene(node.scenePos()))
    assert list(session.selection.ids) == ["c1"]
    assert not scene.edge_items["e34"].selected


def test_hovering_an_edge_shows_its_label_as_typed(window):
    view, edge = window.view, window.scene.edge_items["e42"]
    point = point_on(window, "e42")
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible()
    assert QToolTip.text() == edge.tool_tip()
    assert "former colleagues" in edge.tool_tip()
    QToolTip.hideText()


def test_a_double_click_on_an_edge_adds_no_node(window):
    view, session = window.view, window.session
    nodes = len(session.doc.nodes)
    point = point_on(window, "e34")
    send_mouse(view.viewport(), QEvent.Type.MouseButtonDblClick, point, LEFT)
    QApplication.processEvents()
    assert len(session.doc.nodes) == nodes


def test_a_rubber_band_takes_the_lines_among_the_nodes_it_took(window):
    view, scene, session = window.view, window.scene, window.session
    corner = empty_point(window)
    drag(view, corner, view.viewport().rect().center())
    QApplication.processEvents()
    taken = {item for item in scene.selectedItems() if isinstance(item, NodeItem)}
    assert taken
    among = {edge.edge_id for node in taken for edge in node.edges
             if edge.source in taken and edge.target in taken}  # fmt: skip
    assert among, "the band should take some lines"
    selected = set(session.selection.ids)
    assert selected == {node.node_id for node in taken} | among
    assert {edge.edge_id for edge in scene.edge_items.values() if edge.selected} == among


def test_the_edge_found_under_a_point_is_the_nearest_one_looked_at_one_by_one(window_on):
    """edge_at measures all straight edges at once: the same answer as each edge's own test."""
    import random

    from PySide6.QtCore import QPointF

    from benchmarks.generate import generate_map
    from commapper.model import MoveNodes, RemoveItems

    window = window_on(generate_map(300, seed=5))
    scene, session = window.scene, window.session
    zoom = window.view.transform().m11()
    reach = 6.0 / zoom
    chance = random.Random(7)

    def edges_found() -> int:
        rect = scene.nodes_rect()
        found = 0
        for _ in range(300):
            point = QPointF(chance.uniform(rect.left(), rect.right()),
                            chance.uniform(rect.top(), rect.bottom()))  # fmt: skip
            hits = [(edge, edge.hit_by(point, reach)) for edge in scene.edge_items.values()]
            hits = [(edge, distance) for edge, distance in hits if distance is not None]
            expected = min(hits, key=lambda hit: (-float(hit[0].kind == "crossing"), hit[1]),
                           default=(None, None))[0]  # fmt: skip
            edge = scene.edge_at(point)
            assert edge is None or scene.edge_items.get(edge.edge_id) is edge
            found += edge is not None
            if edge is not expected:  # two edges as near: either will do
                assert edge is not None and expected is not None
                assert edge.hit_by(point, reach) == pytest.approx(expected.hit_by(point, reach))
        return found

    assert edges_found() > 30
    # Then a few nodes moved (their edges' rows written again), then every node (all gathered).
    for nodes in (session.doc.nodes[:6], session.doc.nodes):
        moves = {node.id: (node.x + chance.uniform(-200, 200), node.y) for node in nodes}
        session.edit(MoveNodes(moves), "Move")
        assert edges_found() > 30
    # Then a few lines came (rows added) and a few went (rows blanked), then most went (every
    # row gathered anew).
    people = [node.id for node in session.doc.nodes if node.kind == "person"]
    communities = [node.id for node in session.doc.nodes if node.kind == "community"]
    for person, community in zip(people[:5], communities[-5:], strict=True):
        assert scene.connect_nodes(person, community)
    session.edit(RemoveItems(frozenset(people[5:10])), "Remove a few")
    assert edges_found() > 30
    session.edit(RemoveItems(frozenset(people[: len(people) * 2 // 3])), "Remove most")
    assert edges_found() > 10


def test_lines_removed_or_moved_while_the_edges_are_gathered_are_found_where_they_are(window_on):
    """After every line moved, the edges' rows are gathered anew a step at a time between
    events: a line removed meanwhile is never found, and one moved meanwhile is found where it
    went."""
    from PySide6.QtCore import QPointF

    from benchmarks.generate import generate_map
    from commapper.model import MoveNodes, RemoveItems

    window = window_on(generate_map(300, seed=5))
    scene, session = window.scene, window.session
    everything = {node.id: (node.x + 300.0, node.y) for node in session.doc.nodes}
    session.edit(MoveNodes(everything), "Move everything")
    steps = scene.edge_index.gathering()
    assert steps is not None
    next(steps)
    straight = [edge for edge in scene.edge_items.values() if edge.segment is not None]
    gone, stays = straight[0], next(e for e in straight[1:] if e.source.kind == "person")
    session.edit(RemoveItems(frozenset({gone.edge_id})), "Remove a line")
    person = stays.source
    session.edit(MoveNodes({person.node_id: (50_000.0, 50_000.0)}), "Far away")

    def middle(edge):
        x1, y1, x2, y2 = edge.segment
        return QPointF((x1 + x2) / 2, (y1 + y2) / 2)

    assert scene.edge_at(middle(gone)) is not gone
    assert scene.edge_at(middle(stays)) in person.edges

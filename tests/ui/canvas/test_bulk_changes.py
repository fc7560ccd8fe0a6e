"""A change of many nodes at once (a layout, its undo, a paste) is followed in one sweep: the
scene's index is built again once, and an edge between two moved nodes is drawn again once; on a
large map, a move of many nodes is followed a slice at a time, between events. What the user
sees must be as if each had moved alone."""

import pytest
from PySide6.QtCore import QPointF, Qt

from benchmarks.generate import generate_map
from commapper.model import MoveNodes
from commapper.ui.canvas import slices
from commapper.ui.canvas.items import NodeItem
from commapper.ui.canvas.node_layer import PICTURE_NODES
from commapper.ui.canvas.scene import BULK_CHANGE, MOVE_STEP


@pytest.mark.parametrize("n_nodes", [PICTURE_NODES - 100, PICTURE_NODES + 100])
def test_a_move_of_every_node_is_followed_by_every_line_and_the_index(
    window_on, qtbot, monkeypatch, n_nodes
):
    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)  # a step a slice
    window = window_on(generate_map(n_nodes))
    scene, session = window.scene, window.session
    doc = session.doc
    assert len(doc.nodes) > BULK_CHANGE
    target = {node.id: (node.x + 137.0, node.y - 51.0) for node in doc.nodes}
    session.edit(MoveNodes(target), "Move everything")
    for _ in range(2):  # the move, then its undo
        # A large map's nodes follow in slices (MOVE_STEP nodes each here), a small one's at once.
        assert len(scene.moves_due) == (len(doc.nodes) if n_nodes > PICTURE_NODES else 0)
        qtbot.waitUntil(lambda: not scene.moves_due and scene.labels_placed)
        for node_id, item in scene.node_items.items():
            node = doc.node(node_id)
            assert (item.x(), item.y()) == (node.x, node.y)
            found = scene.items(QPointF(node.x, node.y))
            assert any(isinstance(i, NodeItem) and i.node_id == node_id for i in found)
        for edge in scene.edge_items.values():
            line = edge.curve
            start, end = line.pointAtPercent(0.0), line.pointAtPercent(1.0)
            assert (start.x(), start.y()) == (edge.source.x(), edge.source.y())
            assert (end.x(), end.y()) == (edge.target.x(), edge.target.y())
        assert scene.edges_to_update is None
        session.undo_stack.undo()


def test_a_click_while_a_layout_lands_finds_every_node_where_the_map_has_it(window_on, qtbot):
    window = window_on(generate_map(PICTURE_NODES + 100))
    scene, session = window.scene, window.session
    target = {node.id: (node.x + 300.0, node.y) for node in session.doc.nodes}
    session.edit(MoveNodes(target), "Layout")
    assert len(scene.moves_due) > MOVE_STEP
    zoom, selected = window.view.zoom, session.selection.ids
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton)
    assert not scene.moves_due
    for node_id, item in scene.node_items.items():
        assert (item.x(), item.y()) == target[node_id]
    # The press landed the nodes and did no more: nothing taken, the view left as it was.
    assert session.selection.ids == selected and window.view.zoom == zoom


def test_a_group_moved_together_draws_each_line_among_it_once_where_its_ends_are(window_on):
    window = window_on(generate_map(200))
    scene, session = window.scene, window.session
    group = [edge.source for edge in session.doc.edges[:20]]
    group += [edge.target for edge in session.doc.edges[:20]]
    moves = {
        node_id: (session.doc.node(node_id).x + 40.0, session.doc.node(node_id).y)
        for node_id in group
    }
    assert 1 < len(moves) <= BULK_CHANGE
    session.edit(MoveNodes(moves), "Nudge")
    assert scene.edges_to_update is None
    for edge in scene.edge_items.values():
        line = edge.curve
        start, end = line.pointAtPercent(0.0), line.pointAtPercent(1.0)
        assert (start.x(), start.y()) == (edge.source.x(), edge.source.y())
        assert (end.x(), end.y()) == (edge.target.x(), edge.target.y())


def test_the_nodes_rect_is_the_union_of_the_items_bounds_as_qt_gives_them(window_on, qtbot):
    from PySide6.QtCore import QRectF

    window = window_on(generate_map(300))
    scene, session = window.scene, window.session
    moves = {node.id: (node.x * 1.5, node.y - 20.0) for node in session.doc.nodes[:50]}
    session.edit(MoveNodes(moves), "Spread")
    scene.set_label_scale(scene.label_scale * 3)  # labels grow: the bounds change
    qtbot.waitUntil(lambda: scene.labels_placed)
    union = QRectF()
    for item in scene.node_items.values():
        union = union.united(item.sceneBoundingRect())
    assert scene.nodes_rect() == union
    some = list(scene.node_items)[:7]
    union = QRectF()
    for node_id in some:
        union = union.united(scene.node_items[node_id].sceneBoundingRect())
    assert scene.nodes_rect(some) == union

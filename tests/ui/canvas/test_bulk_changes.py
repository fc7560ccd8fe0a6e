"""A change of many nodes at once (a layout, its undo, a paste) is followed in one sweep: the
scene's index is built again once, and an edge between two moved nodes is drawn again once.
What the user sees must be as if each had moved alone."""

from PySide6.QtCore import QPointF

from benchmarks.generate import generate_map
from commapper.model import MoveNodes
from commapper.ui.canvas.items import NodeItem
from commapper.ui.canvas.scene import BULK_CHANGE


def test_a_move_of_every_node_is_followed_by_every_line_and_the_index(window_on):
    window = window_on(generate_map(600))
    scene, session = window.scene, window.session
    doc = session.doc
    assert len(doc.nodes) > BULK_CHANGE
    target = {node.id: (node.x + 137.0, node.y - 51.0) for node in doc.nodes}
    session.edit(MoveNodes(target), "Move everything")
    for _ in range(2):  # the move, then its undo
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

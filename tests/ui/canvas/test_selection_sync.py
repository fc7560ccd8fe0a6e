"""A selection set from outside the canvas (Tab, the table, a finding) reaches the scene in one
pass: after a rubber band took hundreds of items, selecting one node froze a 10,000-node map
for 15-55 s while Qt announced each item let go, one by one."""

from gestures import send_mouse
from PySide6.QtCore import QEvent, QPoint, Qt

from benchmarks.generate import generate_map
from commapper.ui.canvas.items import NodeItem


def test_selecting_one_node_after_many_announces_the_change_once(window_on):
    window = window_on(generate_map(300))
    scene, session = window.scene, window.session
    many = [*list(scene.node_items)[:120], *list(scene.edge_items)[:200]]
    session.selection.set(many)
    assert {item.node_id for item in scene.selectedItems()} == set(many[:120])
    announced = []
    scene.selectionChanged.connect(lambda: announced.append(1))
    chosen = many[60]  # a node
    session.selection.set([chosen])
    assert len(announced) <= 1
    assert [item.node_id for item in scene.selectedItems()] == [chosen]
    assert list(session.selection.ids) == [chosen]
    # Highlighted edges are exactly those of the chosen node.
    lit = {edge.edge_id for edge in scene.edge_items.values() if edge.lit}
    assert lit == {edge.edge_id for edge in scene.node_items[chosen].edges}
    assert {edge.edge_id for edge in scene.edge_layer._lit} <= lit


def test_a_rubber_band_tells_the_session_what_it_took_when_it_is_let_go(window_on):
    window = window_on(generate_map(300))
    view, scene, session = window.view, window.scene, window.session
    view.fit_to_window()
    viewport, left = view.viewport(), Qt.MouseButton.LeftButton
    corner, middle = QPoint(3, 3), viewport.rect().center()
    assert not any(isinstance(item, NodeItem) for item in view.items(corner))
    send_mouse(viewport, QEvent.Type.MouseButtonPress, corner, left)
    for step in range(1, 6):
        send_mouse(viewport, QEvent.Type.MouseMove, corner + (middle - corner) * step / 5, left)
    taken = {item.node_id for item in scene.selectedItems() if isinstance(item, NodeItem)}
    assert taken and not session.selection.ids  # shown on the canvas, not yet told
    send_mouse(viewport, QEvent.Type.MouseButtonRelease, middle, Qt.MouseButton.NoButton)
    told = {item_id for item_id in session.selection.ids if item_id in scene.node_items}
    assert told == taken

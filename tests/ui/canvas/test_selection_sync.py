"""A selection set from outside the canvas (Tab, the table, a finding) reaches the scene in one
pass: after a rubber band took hundreds of items, selecting one node froze a 10,000-node map
for 15-55 s while Qt announced each item let go, one by one."""

from benchmarks.generate import generate_map


def test_selecting_one_node_after_many_announces_the_change_once(window_on):
    window = window_on(generate_map(300))
    scene, session = window.scene, window.session
    many = [*list(scene.node_items)[:120], *list(scene.edge_items)[:200]]
    for item_id in many:  # as a rubber band selects: in the scene
        (scene.node_items.get(item_id) or scene.edge_items[item_id]).setSelected(True)
    assert set(session.selection.ids) == set(many)
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

"""Labels on the canvas: communities always named, people's labels give way first and come
back when zoomed in, crossings' and ties' labels along their lines, lines around discs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLineF
from six_communities import COMMUNITIES, six_community_map

from commapper.model import MoveNodes, UpdateItem
from commapper.ui.canvas.edge_item import clip_line


def _laid_out(window, layout):
    window.actions_.apply_layout(layout)
    window.actions_.finish_animation()
    window.view.fit_to_window()
    window.scene.router.route()
    window.scene.declutter_labels()


def _landmarks(scene):
    return [item for item in scene.node_items.values() if item.node_id in {"me", *COMMUNITIES}]


@pytest.mark.parametrize("layouts", [["force"], ["landscape"], ["landscape", "force", "force"]])
def test_every_community_is_named_after_each_layout(window_on, layouts):
    window = window_on(six_community_map())
    scene = window.scene
    for layout in layouts:
        _laid_out(window, layout)
        assert not scene.crowded_labels & {"me", *COMMUNITIES}
        for zoom in (window.view.zoom, 0.05, 4.0):
            window.view.set_zoom(zoom)
            scene.declutter_labels()
            assert not scene.crowded_labels & {"me", *COMMUNITIES}, zoom
            # Named, and legibly: no two landmarks' labels on top of each other where they fit.
            rects = [item.label_scene_rect() for item in _landmarks(scene)]
            assert all(not rect.isEmpty() for rect in rects)


def test_communities_piled_in_one_spot_are_all_named(window_on):
    window = window_on(six_community_map())
    scene = window.scene
    window.session.edit(MoveNodes({c: (10.0 * i, 0.0) for i, c in enumerate(COMMUNITIES)}), "Pile")
    scene.declutter_labels()
    assert not scene.crowded_labels & set(COMMUNITIES)
    # Moved out, with a line back to the node, rather than hidden.
    assert any(scene.node_items[c].label_spot >= 4 for c in COMMUNITIES)


def test_a_landmark_label_keeps_off_its_own_lines(window_on):
    window = window_on(six_community_map())
    scene = window.scene
    # A person straight below a community: the membership line runs where its label would go.
    window.session.edit(
        MoveNodes({"c3": (0.0, 0.0), "p2": (0.0, 200.0), "me": (-600, -600)}), "Put"
    )
    for far, community in enumerate(c for c in COMMUNITIES if c != "c3"):
        window.session.edit(MoveNodes({community: (2000.0 + 300 * far, 2000.0)}), "Away")
    scene.declutter_labels()
    item = scene.node_items["c3"]
    line = QLineF(item.pos(), scene.node_items["p2"].pos())
    assert item.label_spot != 0
    assert clip_line(line, item.label_scene_rect()) is None


def test_people_labels_hidden_when_crowded_come_back_when_zoomed_in(window_on):
    from commapper.model import PersonNode

    doc = six_community_map()
    crowd = [f"q{i}" for i in range(6)]
    # Six people a few steps apart: each label has four places, and at 70% they all overlap.
    doc.nodes += [PersonNode(id=q, label=f"Person {q}", x=3000.0 + 6 * i, y=3000.0 + 4 * (i % 2))
                  for i, q in enumerate(crowd)]  # fmt: skip
    doc.reindex()
    window = window_on(doc)
    scene, view = window.scene, window.view
    view.set_zoom(0.7)
    scene.declutter_labels()
    assert scene.crowded_labels & set(crowd)
    view.set_zoom(8.0)
    scene.declutter_labels()
    assert not scene.crowded_labels & set(crowd)


def test_crossing_and_tie_labels_are_drawn_along_their_lines(window_on):
    window = window_on(six_community_map())
    scene = window.scene
    _laid_out(window, "landscape")
    spots = scene.edge_labels.spots
    assert {"x1", "x2", "t1"} <= set(spots)
    for edge_id in ("x1", "x2"):
        item, spot = scene.edge_items[edge_id], spots[edge_id]
        line = item.curve
        # Turned with the line (kept upright) and near its middle.
        assert abs((spot.angle - -line.angleAtPercent(0.5) + 90) % 180 - 90) < 20
        assert QLineF(spot.centre, line.pointAtPercent(0.5)).length() < line.length() * 0.2
    # Decluttered: no edge label over another, nor over a community's disc or label.
    outlines = [spot.outline for spot in spots.values()]
    for i, first in enumerate(outlines):
        for second in outlines[i + 1 :]:
            assert not first.intersects(second)
        for item in _landmarks(scene):
            assert not first.boundingRect().intersects(item.label_scene_rect())
    # The label follows an edit of the text; an empty text has none.
    window.session.edit(UpdateItem("x1", {"label": ""}), "Clear")
    scene.declutter_labels()
    assert "x1" not in scene.edge_labels.spots
    assert "membership" not in {scene.edge_items[e].kind.value for e in scene.edge_labels.spots}


def test_a_crossing_goes_around_a_community_in_its_way(window_on):
    window = window_on(six_community_map())
    scene = window.scene
    away = {node.id: (5000.0 + 100 * i, 5000.0) for i, node in enumerate(window.session.doc.nodes)}
    window.session.edit(MoveNodes(away), "Away")
    # c4 right on the line of the crossing from c3 to c2.
    window.session.edit(MoveNodes({"c3": (0, 0), "c2": (600, 0), "c4": (300, 5)}), "Line up")
    scene.router.route()
    crossing = scene.edge_items["x2"]
    assert crossing.detour_bend is not None
    disc = scene.node_items["c4"]
    path = crossing.curve
    nearest = min(QLineF(path.pointAtPercent(t / 100), disc.pos()).length() for t in range(101))
    assert nearest > disc.radius
    window.session.edit(MoveNodes({"c4": (300, 400)}), "Out of the way")
    scene.router.route()
    assert crossing.detour_bend is None


def test_a_large_maps_label_pass_runs_in_slices_and_starts_again_after_an_edit(
    window_on, qtbot, monkeypatch
):
    from benchmarks.generate import generate_map
    from commapper.model import RemoveItems
    from commapper.ui.canvas import scene as scene_module
    from commapper.ui.canvas import slices as slices_module

    monkeypatch.setattr(slices_module, "SLICE_SECONDS", 0.0)  # a step a slice, however quick
    window = window_on(generate_map(600, seed=3))
    scene, session = window.scene, window.session
    qtbot.waitUntil(lambda: settled(scene))
    steps, removed = [], []
    victim = next(n.id for n in session.doc.nodes if n.kind == "person")
    placing = scene_module.placing_labels

    def placing_then_remove(*args):
        placement = placing(*args)
        while True:
            try:
                next(placement)
            except StopIteration as done:
                return done.value
            steps.append(1)
            # After the pass's first step: the node goes, the pass begun is dropped (what it
            # would place is stale), and a new one places what is left.
            if not removed:
                removed.append(victim)
                session.edit(RemoveItems(frozenset({victim})), "Remove")
            yield

    monkeypatch.setattr(scene_module, "placing_labels", placing_then_remove)
    session.edit(UpdateItem(victim, {"label": "Renamed"}), "Rename")
    qtbot.waitUntil(lambda: bool(removed) and settled(scene))
    assert len(steps) > 2  # no one long stall: several slices between events
    expected = place_labels_now(scene)
    assert scene.crowded_labels == expected.crowded
    assert victim not in scene.node_items


def settled(scene):
    """No label pass running, nor about to."""
    return scene.labels_placed


def place_labels_now(scene):
    from commapper.ui.canvas.labels import place_labels

    return place_labels(scene, scene.session.selection.ids)


def test_lines_are_routed_again_after_a_move_of_a_person_or_of_a_community(window_on, qtbot):
    from commapper.layout.routing import CLEARANCE

    window = window_on(six_community_map())
    scene, session = window.scene, window.session
    away = {node.id: (5000.0 + 300 * i, 5000.0) for i, node in enumerate(session.doc.nodes)}
    session.edit(MoveNodes({**away, "c3": (0.0, 0.0), "c4": (300.0, 0.0)}), "Apart")
    qtbot.waitUntil(lambda: not scene.router.stale)
    membership = next(e for e in scene.edge_items.values()
                      if {e.source.node_id, e.target.node_id} == {"p2", "c3"})  # fmt: skip
    assert membership.detour_bend is None
    # Ben moves past c4: his line to c3 now runs through c4's disc, and goes around it.
    session.edit(MoveNodes({"p2": (600.0, 4.0)}), "Move Ben")
    qtbot.waitUntil(lambda: membership.detour_bend is not None)
    # c4 moves away: the lines bent are looked at again, Ben's goes straight.
    session.edit(MoveNodes({"c4": (300.0, 900.0)}), "Move c4")
    qtbot.waitUntil(lambda: membership.detour_bend is None)
    # c4 comes back onto Ben's line, not its own: the lines passing by are looked at too;
    # and beside it, just off the line but nearer than a line may pass a disc.
    session.edit(MoveNodes({"c4": (300.0, 0.0)}), "Move c4 back")
    qtbot.waitUntil(lambda: membership.detour_bend is not None)
    session.edit(MoveNodes({"c4": (300.0, 900.0)}), "Move c4 away")
    qtbot.waitUntil(lambda: membership.detour_bend is None)
    beside = scene.node_items["c4"].radius + CLEARANCE / 2 + 2.0  # Ben's line climbs 2 by x=300
    session.edit(MoveNodes({"c4": (300.0, beside)}), "Move c4 beside the line")
    qtbot.waitUntil(lambda: membership.detour_bend is not None)


def test_a_line_that_comes_goes_around_a_disc_and_a_person_who_comes_reroutes_nothing(
    window_on, qtbot
):
    from commapper.model import InsertItems, MembershipEdge, PersonNode

    window = window_on(six_community_map())
    scene, session = window.scene, window.session
    away = {node.id: (5000.0 + 300 * i, 5000.0) for i, node in enumerate(session.doc.nodes)}
    session.edit(MoveNodes({**away, "c3": (0.0, 0.0), "c4": (300.0, 0.0)}), "Apart")
    qtbot.waitUntil(lambda: not scene.router.stale)
    # A person past c4, on their own: nothing to route.
    newcomer = PersonNode(id="p9", label="Nia", x=600.0, y=4.0)
    session.edit(InsertItems(nodes=((len(session.doc.nodes), newcomer),)), "Add Nia")
    assert scene.router.moved == set() and not scene.router.lines_due
    # Her line to c3 comes: it runs through c4's disc, and goes around it.
    line = MembershipEdge(id="m9", source="p9", target="c3", level="core")
    session.edit(InsertItems(edges=((len(session.doc.edges), line),)), "Nia joins c3")
    qtbot.waitUntil(lambda: scene.edge_items["m9"].detour_bend is not None)


def test_a_room_maps_communities_give_way_rather_than_pile_up(window_on, qtbot):
    from benchmarks.generate import generate_map
    from commapper.ui.canvas.labels import ALWAYS_NAMED

    window = window_on(generate_map(2000, seed=3))
    scene = window.scene
    window.view.fit_to_window()
    qtbot.waitUntil(lambda: scene.labels_placed)  # resized for the zoom, in slices
    communities = [item for item in scene.node_items.values() if item.kind == "community"]
    assert len(communities) > ALWAYS_NAMED
    placement = place_labels_now(scene)
    named = [item for item in communities if item.node_id not in placement.crowded]
    assert "me" not in placement.crowded
    assert 0 < len(named) < len(communities)
    rects = [
        item.label_spots()[placement.node_spots[item.node_id]].translated(item.pos())
        for item in named
    ]
    for i, first in enumerate(rects):
        assert not any(first.intersects(second) for second in rects[i + 1 :])
    # The better connected are named first.
    best = max(communities, key=lambda item: len(item.edges))
    assert best in named


def test_a_large_maps_labels_take_their_new_size_in_slices_then_are_placed(
    window_on, qtbot, monkeypatch
):
    from benchmarks.generate import generate_map
    from commapper.ui.canvas import slices as slices_module

    monkeypatch.setattr(slices_module, "SLICE_SECONDS", 0.0)
    window = window_on(generate_map(600, seed=3))
    scene = window.scene
    qtbot.waitUntil(lambda: settled(scene))
    scene.set_label_scale(scene.label_scale * 2)
    assert not settled(scene), "a slice of one step should not resize every label"
    qtbot.waitUntil(lambda: settled(scene))
    before = {i: item.label_scene_rect() for i, item in scene.node_items.items()}
    for item in scene.node_items.values():
        item.label_scale_changed()  # as if done at once: nothing changes
    assert {i: item.label_scene_rect() for i, item in scene.node_items.items()} == before
    assert scene.crowded_labels == place_labels_now(scene).crowded


@pytest.mark.parametrize("n_nodes", [120, 2000])
def test_lines_routed_after_each_move_are_as_every_line_routed_at_once(window_on, qtbot, n_nodes):
    """Only the lines a move may change are routed again (those of what moved, and those
    whose curve reaches a disc where it went or where it was): the same bends as routing every
    line. On the larger map only crossings are routed."""
    import random

    from benchmarks.generate import generate_map

    window = window_on(generate_map(n_nodes, seed=4))
    scene, session = window.scene, window.session
    qtbot.waitUntil(lambda: not scene.router.stale)
    chance = random.Random(n_nodes)
    communities = [n.id for n in session.doc.nodes if n.kind == "community"]
    people = [n.id for n in session.doc.nodes if n.kind == "person"]
    for _ in range(12):
        moved = chance.sample(communities, 2) + chance.sample(people, 3)
        moves = {}
        for node_id in moved:
            # Far, or onto another community's spot (into the lines around it).
            node, there = session.doc.node(node_id), session.doc.node(chance.choice(communities))
            x, y = (there.x, there.y) if chance.random() < 0.5 else (node.x + 400, node.y - 300)
            moves[node_id] = (x + chance.uniform(-20, 20), y + chance.uniform(-20, 20))
        session.edit(MoveNodes(moves), "Move")
        qtbot.waitUntil(lambda: not scene.router.stale)
    bends = {edge_id: edge.detour_bend for edge_id, edge in scene.edge_items.items()}
    assert any(bend is not None for bend in bends.values())
    scene.router.route()
    assert bends == {edge_id: edge.detour_bend for edge_id, edge in scene.edge_items.items()}


def test_a_large_maps_lines_are_routed_in_slices_after_a_layout_and_the_labels_wait(
    window_on, qtbot, monkeypatch
):
    """Routing every line of a room map at once took 80-90 ms after a layout: it runs in
    slices, the labels are placed after it, and the lines end as routed all at once."""
    from benchmarks.generate import generate_map
    from commapper.ui.canvas import line_routing, slices
    from commapper.ui.canvas.node_layer import PICTURE_NODES

    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)  # a step a slice
    monkeypatch.setattr(line_routing, "ROUTE_STEP", 5)
    window = window_on(generate_map(PICTURE_NODES + 100, seed=2))
    scene, session = window.scene, window.session
    qtbot.waitUntil(lambda: scene.labels_placed)
    crossings = [edge for edge in scene.edge_items.values() if edge.kind == "crossing"]
    assert len(crossings) > 10
    spread = {
        n.id: (n.x * 0.7 + 40.0, n.y * 0.8) for n in session.doc.nodes if n.kind == "community"
    }
    session.edit(MoveNodes(spread), "Every community")
    qtbot.waitUntil(lambda: scene.router.running)
    assert not scene.labels_placed and scene.settling()
    qtbot.waitUntil(lambda: scene.labels_placed)
    assert not scene.router.stale and not scene.settling()
    bends = {edge_id: edge.detour_bend for edge_id, edge in scene.edge_items.items()}
    scene.router.route()
    assert bends == {edge_id: edge.detour_bend for edge_id, edge in scene.edge_items.items()}


def test_a_line_bent_around_a_community_goes_straight_once_it_is_dragged_away(window_on, qtbot):
    """A drag moves the community before the edit says so: the lines bent around where it was
    are looked at again all the same."""
    from gestures import drag
    from PySide6.QtCore import QPoint

    from commapper.model import CommunityNode, MapDocument, PersonNode, TieEdge

    doc = MapDocument.new()
    doc.nodes = [
        PersonNode(id="a", label="Ana", x=-300.0, y=0.0),
        PersonNode(id="b", label="Ben", x=300.0, y=0.0),
        CommunityNode(id="c", label="Choir", x=0.0, y=0.0),
    ]
    doc.edges = [TieEdge(id="t", source="a", target="b")]
    doc.reindex()
    window = window_on(doc)
    scene, view = window.scene, window.view
    qtbot.waitUntil(lambda: not scene.router.stale)
    tie = scene.edge_items["t"]
    assert tie.detour_bend is not None  # around the choir, in its way
    start = view.mapFromScene(scene.node_items["c"].scenePos())
    drag(view, start, start + QPoint(0, 150))
    assert window.session.doc.node("c").y > 100
    qtbot.waitUntil(lambda: not scene.router.stale)
    assert tie.detour_bend is None

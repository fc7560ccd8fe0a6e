"""The landscape's guides: after the Landscape layout, a ring per level of my participation
through the communities at that level, and a wedge per sector, each labelled; switchable."""

import math

import pytest
from PySide6.QtCore import QPointF, QRectF

from commapper.analysis.graphs import merge_edges
from commapper.model import (
    CommunityNode,
    Level,
    MapDocument,
    MembershipEdge,
    MeNode,
    MoveNodes,
    RemoveItems,
)
from commapper.ui.canvas.guides import LandscapeShape, landscape_shape, my_levels
from commapper.ui.field_text import vocabulary_word


def laid_out(window, qtbot):
    """``window`` after the user's Landscape layout, its guides worked out."""
    window.actions_.landscape.trigger()
    window.actions_.finish_animation()
    qtbot.waitUntil(lambda: window.guides.settled)
    return window


def distances_by_level(doc: MapDocument) -> dict[Level, list[float]]:
    """How far from me each of my communities is, by my level in it, read by the analysis's
    own route (merged memberships), not the guides'."""
    ego = doc.ego
    by_level: dict[Level, list[float]] = {}
    for community, level in merge_edges(doc).communities_of(ego.id).items():
        node = doc.node(community)
        by_level.setdefault(level, []).append(math.dist((node.x, node.y), (ego.x, ego.y)))
    return by_level


def test_the_landscape_layout_shows_a_ring_through_each_level_of_my_communities(make_window, qtbot):
    window = laid_out(make_window(), qtbot)
    guides = window.guides
    assert guides.action.isChecked() and guides.item.isVisible()
    assert guides.item.zValue() < window.scene.edge_layer.zValue()
    expected = distances_by_level(window.session.doc)
    rings = guides.landscape.rings
    assert [ring.level for ring in rings] == [level for level in Level if level in expected]
    for ring in rings:
        for distance in expected[ring.level]:
            assert ring.radius == pytest.approx(distance, abs=1.0)
    # Core innermost, as the layout puts them.
    assert [ring.radius for ring in rings] == sorted(ring.radius for ring in rings)


def test_each_ring_is_labelled_with_its_level_on_the_ring(make_window, qtbot):
    window = laid_out(make_window(), qtbot)
    guides = window.guides
    landscape = guides.landscape
    ring_labels = guides.item.labels[: len(landscape.rings)]
    assert [label.text for label in ring_labels] == [
        vocabulary_word(ring.level) for ring in landscape.rings
    ]
    centre = QPointF(*landscape.centre)
    for label, ring in zip(ring_labels, landscape.rings, strict=True):
        at = label.at - centre
        assert math.hypot(at.x(), at.y()) == pytest.approx(ring.radius, abs=0.5)
        assert at.y() < 0  # on the upper half, where the words read upright


def test_the_words_of_the_guides_keep_off_the_nodes_of_the_example(make_window, qtbot):
    window = laid_out(make_window(), qtbot)
    scale = window.scene.label_scale
    boxes = [label.box(scale) for label in window.guides.item.labels]
    for item in window.scene.node_items.values():
        r, at = item.radius, item.pos()
        disc = QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r)
        assert not any(box.intersects(disc) for box in boxes), item.node_id
    for i, box in enumerate(boxes):
        assert not any(box.intersects(other) for other in boxes[i + 1 :])


def test_after_a_layout_of_a_large_map_the_words_are_placed_once_the_labels_are(
    window_on, qtbot, monkeypatch
):
    """A large map's nodes land in slices, then their labels are placed: the words of the
    guides are placed (kept off the nodes and labels) after that, not also around where the
    nodes were (in the same event as a slice of the landing, 8 ms at 2,000 nodes)."""
    from benchmarks.generate import generate_map
    from commapper.ui.canvas import slices
    from commapper.ui.canvas.node_layer import PICTURE_NODES

    monkeypatch.setattr(slices, "SLICE_SECONDS", 0.0)  # a step a slice
    window = window_on(generate_map(PICTURE_NODES + 100, seed=4))
    guides, scene = window.guides, window.scene
    seen = []  # where the landmarks were each time the words were placed, and if labels were
    place_labels = guides._place_labels

    def placing(*args):
        spots = {i: (item.pos().x(), item.pos().y()) for i, item in scene.landmark_items.items()}
        seen.append((spots, scene.labels_placed))
        return place_labels(*args)

    monkeypatch.setattr(guides, "_place_labels", placing)
    window.actions_.landscape.trigger()
    qtbot.waitUntil(lambda: guides.shown, timeout=20_000)  # worked out off the GUI thread
    window.actions_.finish_animation()
    qtbot.waitUntil(lambda: not scene.moves_due and guides.settled)
    doc = window.session.doc
    assert seen[-1][0] == {i: (doc.node(i).x, doc.node(i).y) for i in scene.landmark_items}
    assert all(labels_placed for _, labels_placed in seen)


def test_a_wedge_per_sector_labelled_with_its_sector(make_window, qtbot):
    window = laid_out(make_window(), qtbot)
    doc = window.session.doc
    landscape = window.guides.landscape
    sectors = {node.sector for node in doc.nodes if isinstance(node, CommunityNode)}
    # The landscape layout keeps each sector to one wedge.
    assert sorted(wedge.sector for wedge in landscape.wedges) == sorted(sectors)
    texts = [label.text for label in window.guides.item.labels[len(landscape.rings) :]]
    assert sorted(texts) == sorted(sectors)
    ego = doc.ego
    for wedge in landscape.wedges:
        for node in doc.nodes:
            if isinstance(node, CommunityNode) and node.sector == wedge.sector:
                angle = math.atan2(node.y - ego.y, node.x - ego.x)
                # Within the wedge, going round from its start.
                assert (angle - wedge.start) % (2 * math.pi) < wedge.end - wedge.start


def test_the_view_menu_action_hides_and_shows_the_guides(make_window, qtbot):
    window = laid_out(make_window(), qtbot)
    guides = window.guides
    assert guides.action in window.docks_menu.actions()
    guides.action.trigger()
    assert not guides.action.isChecked() and not guides.item.isVisible()
    assert guides.landscape is None
    guides.action.trigger()
    assert guides.item.isVisible() and guides.landscape.rings


def test_the_guides_are_off_until_a_landscape_layout_and_off_again_after_another_layout(
    make_window, qtbot
):
    window = make_window()
    assert not window.guides.action.isChecked() and not window.guides.item.isVisible()
    laid_out(window, qtbot)
    window.actions_.force.trigger()
    window.actions_.finish_animation()
    assert not window.guides.action.isChecked() and not window.guides.item.isVisible()


def test_undoing_a_layout_switches_the_guides_back_as_they_were_and_redoing_as_after(
    make_window, qtbot
):
    """The rings circle the places a landscape layout gave: its undo takes them away with it
    (and brings back those a force-directed layout's undo had taken), the History panel's jumps
    included; guides switched on by hand before a layout stay on when it is undone."""
    window = make_window()
    guides, stack = window.guides, window.session.undo_stack

    def force_directed():
        window.actions_.force.trigger()
        window.actions_.finish_animation()

    laid_out(window, qtbot)
    force_directed()
    assert not guides.shown
    stack.undo()  # the force-directed layout: the landscape's rings again
    assert guides.shown
    qtbot.waitUntil(lambda: guides.settled)  # once the labels are placed
    assert guides.item.isVisible()
    stack.undo()  # the landscape layout
    assert not guides.shown and not guides.item.isVisible()
    stack.redo()
    assert guides.shown
    stack.setIndex(stack.count())  # both redone at once
    assert not guides.shown
    stack.setIndex(0)
    assert not guides.shown
    stack.setIndex(stack.count())
    guides.action.setChecked(True)  # by hand, then a landscape layout, then its undo
    laid_out(window, qtbot)
    stack.undo()
    assert guides.shown


def test_the_rings_follow_communities_dragged_off_them_and_go_with_their_level(make_window, qtbot):
    window = laid_out(make_window(), qtbot)
    doc, guides = window.session.doc, window.guides
    core = [c for c, level in my_levels(doc, doc.ego.id).items() if level == Level.CORE]
    assert len(core) == 1
    node = doc.node(core[0])
    window.session.edit(MoveNodes.tidied({node.id: (node.x * 2, node.y * 2)}), "Move")
    qtbot.waitUntil(lambda: guides.settled)
    ring = guides.landscape.rings[0]
    assert ring.level == Level.CORE
    assert ring.radius == pytest.approx(distances_by_level(doc)[Level.CORE][0], abs=1.0)
    # My only core membership goes: so does the core ring.
    edge = next(
        e
        for e in doc.edges
        if isinstance(e, MembershipEdge) and e.source == doc.ego.id and e.target == node.id
    )
    window.session.edit(RemoveItems(frozenset([edge.id])), "Delete")
    qtbot.waitUntil(lambda: guides.settled)
    assert Level.CORE not in {ring.level for ring in guides.landscape.rings}


def test_no_me_no_guides(make_window, qtbot):
    window = laid_out(make_window(), qtbot)
    doc, guides = window.session.doc, window.guides
    window.session.edit(RemoveItems(frozenset([doc.ego.id])), "Delete me")
    qtbot.waitUntil(lambda: guides.settled)
    assert guides.action.isChecked()  # still switched on, for when there is a me again
    assert not guides.item.isVisible() and guides.landscape is None
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: guides.settled)
    assert guides.item.isVisible() and guides.landscape.rings


def test_a_map_without_me_shows_no_guides_when_switched_on(window_on):
    doc = MapDocument.new()
    doc.nodes = [CommunityNode(id="c1", label="A", sector="work", x=100.0, y=0.0)]
    doc.reindex()
    window = window_on(doc)
    window.guides.action.setChecked(True)
    assert not window.guides.item.isVisible()


def test_the_guides_take_no_clicks(make_window, qtbot):
    window = laid_out(make_window(), qtbot)
    landscape = window.guides.landscape
    ring = landscape.rings[-1]
    on_ring = QPointF(landscape.centre[0], landscape.centre[1] + ring.radius)
    assert window.guides.item not in window.scene.items(on_ring)


# -- the shape, from positions --------------------------------------------------------------------


def around_me(*communities: tuple[str, str | None, float, float]) -> MapDocument:
    """A map with me at (0, 0) and a core membership in each (id, sector, angle°, distance)."""
    doc = MapDocument.new()
    doc.nodes = [MeNode(id="me", x=0.0, y=0.0)]
    doc.edges = []
    for index, (node_id, sector, degrees, distance) in enumerate(communities):
        angle = math.radians(degrees)
        x, y = distance * math.cos(angle), distance * math.sin(angle)
        doc.nodes.append(CommunityNode(id=node_id, sector=sector, x=x, y=y))
        doc.edges.append(
            MembershipEdge(id=f"e{index}", source="me", target=node_id, level=Level.CORE)
        )
    doc.reindex()
    return doc


def shape_of(doc: MapDocument) -> LandscapeShape:
    shape = landscape_shape(doc, my_levels(doc, "me"))
    assert shape is not None
    return shape


def test_wedges_are_bounded_halfway_between_neighbours_of_different_sectors():
    doc = around_me(
        ("a", "work", 0, 200), ("b", "work", 40, 300), ("c", "family", 100, 200),
        ("d", "family", 180, 250), ("e", None, 260, 200),
    )  # fmt: skip
    shape = shape_of(doc)
    starts = sorted(round(math.degrees(w.start) % 360) for w in shape.wedges)
    assert starts == [70, 220, 310]
    by_sector = {wedge.sector: wedge for wedge in shape.wedges}
    assert set(by_sector) == {"work", "family", None}
    assert by_sector["work"].reach == pytest.approx(300)
    assert math.degrees(by_sector["family"].middle) % 360 == pytest.approx(145)
    assert shape.reach == pytest.approx(300)
    ring = shape.rings[0]
    assert (ring.inner, ring.outer) == (pytest.approx(200), pytest.approx(300))
    assert ring.radius == pytest.approx((200 * 3 + 300 + 250) / 5)


def test_sectors_spelt_differently_share_a_wedge_and_one_sector_has_none():
    shape = shape_of(around_me(("a", "Work", 0, 200), ("b", "work ", 90, 200)))
    assert shape.wedges == ()


def test_sectors_scattered_around_me_draw_no_wedges():
    doc = around_me(*[(f"c{i}", ("work", "family")[i % 2], i * 36, 200) for i in range(10)])
    assert shape_of(doc).wedges == ()


def test_a_level_none_of_my_communities_has_takes_no_ring():
    doc = around_me(("a", "work", 0, 200))
    doc.edges = [
        MembershipEdge(id="e0", source="me", target="a", level=Level.CORE),
        MembershipEdge(id="e1", source="me", target="a", level=Level.PERIPHERAL),
    ]
    doc.reindex()
    assert [ring.level for ring in shape_of(doc).rings] == [Level.CORE]  # the strongest


def test_a_map_spread_beyond_what_a_screen_can_draw_has_no_guides():
    doc = around_me(("a", "work", 0, 1e9))
    assert landscape_shape(doc, my_levels(doc, "me")) is None

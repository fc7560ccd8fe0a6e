"""Layouts: every node placed, finite, apart, pinned nodes kept, reproducible, rings by level."""

import dataclasses
import doctest
import importlib
import itertools
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.spatial import cKDTree
from strategies import HUGE, at, documents

import commapper.layout.force as force_module
from benchmarks.generate import generate_map
from commapper.io import load_map
from commapper.layout import force_layout, landscape_layout, pinned_nodes, place_unplaced
from commapper.layout.common import NODE_SPACING
from commapper.model import (
    PINNED_TAG,
    CommunityNode,
    MapDocument,
    MembershipEdge,
    MeNode,
    MoveNodes,
    PersonNode,
    TieEdge,
    apply_edit,
)
from commapper.model.items import is_coordinate

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "examples").glob("*.commap"))
LAYOUTS = [landscape_layout, force_layout]


def make_doc(nodes, edges=()):
    doc = MapDocument.new()
    doc.nodes, doc.edges = list(nodes), list(edges)
    doc.reindex()
    return doc


def with_tag(doc, node_ids, tag=PINNED_TAG):
    doc.nodes = [
        dataclasses.replace(node, tags=(*node.tags, tag)) if node.id in node_ids else node
        for node in doc.nodes
    ]
    doc.reindex()
    return doc


def unplace(doc, node_ids):
    doc.nodes = [
        dataclasses.replace(node, x=None, y=None) if node.id in node_ids else node
        for node in doc.nodes
    ]
    doc.reindex()
    return doc


def closest_pair(points):
    points = list(points)
    return min(
        (math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1 :]),
        default=math.inf,
    )


def test_doctests():
    for name in ("common", "force", "landscape", "placement", "spacing"):
        module = importlib.import_module(f"commapper.layout.{name}")
        assert doctest.testmod(module).failed == 0, name


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_example_maps_every_node_placed_finite_and_apart(path, layout):
    doc = load_map(path)
    positions = layout(doc)
    assert set(positions) == {node.id for node in doc.nodes}
    assert all(math.isfinite(v) for point in positions.values() for v in point)
    assert closest_pair(positions.values()) >= NODE_SPACING - 0.2


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("size", [30, 300])
def test_generated_maps_every_node_placed_and_reproducible(layout, size):
    doc = generate_map(size, seed=3)
    positions = layout(doc)
    assert set(positions) == {node.id for node in doc.nodes}
    assert all(math.isfinite(v) for point in positions.values() for v in point)
    assert layout(doc) == positions


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pinned_nodes_keep_their_place_and_are_left_out(layout):
    doc = load_map(EXAMPLES[-1])
    pinned = {"c1", "p3", "o2"}
    with_tag(doc, pinned)
    assert pinned_nodes(doc) == pinned
    positions = layout(doc, pinned=pinned_nodes(doc))
    assert set(positions) == {node.id for node in doc.nodes} - pinned
    kept = {node_id: (doc.node(node_id).x, doc.node(node_id).y) for node_id in pinned}
    assert closest_pair([*positions.values(), *kept.values()]) >= NODE_SPACING - 0.2


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_pinned_node_without_a_position_is_placed(layout):
    doc = unplace(load_map(EXAMPLES[-1]), {"c2"})
    assert "c2" in layout(doc, pinned={"c2"})


@pytest.mark.parametrize("layout", LAYOUTS)
def test_all_pinned_gives_nothing_to_move(layout):
    doc = load_map(EXAMPLES[-1])
    assert layout(doc, pinned={node.id for node in doc.nodes}) == {}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_empty_map_and_one_node(layout):
    assert layout(MapDocument.new()) == {}
    positions = layout(make_doc([PersonNode(id="p1")]))
    assert list(positions) == ["p1"]
    assert all(math.isfinite(v) for v in positions["p1"])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_nodes_without_edges_are_placed_apart(layout):
    doc = make_doc([PersonNode(id=f"p{i}") for i in range(12)])
    positions = layout(doc)
    assert len(positions) == 12
    assert closest_pair(positions.values()) >= NODE_SPACING - 0.2


def test_landscape_puts_me_at_the_centre_and_core_inside_peripheral():
    doc = load_map(EXAMPLES[-1])
    positions = landscape_layout(doc)
    assert positions[doc.ego.id] == (0.0, 0.0)
    levels = {
        edge.target: edge.level
        for edge in doc.edges
        if edge.kind == "membership" and edge.source == doc.ego.id
    }
    radius = {node_id: math.dist(positions[node_id], (0, 0)) for node_id in levels}
    order = ["core", "active", "occasional", "peripheral", "transactional"]
    for inner, outer in itertools.pairwise(order):
        inside = [radius[c] for c, level in levels.items() if level == inner]
        outside = [radius[c] for c, level in levels.items() if level == outer]
        if inside and outside:
            assert max(inside) < min(outside)


def test_landscape_rings_by_level_on_a_generated_map():
    doc = generate_map(500, seed=2)
    positions = landscape_layout(doc)
    assert positions["me"] == (0.0, 0.0)
    levels = {}
    for edge in doc.edges:
        if edge.kind == "membership" and edge.source == "me":
            levels[edge.target] = min(levels.get(edge.target, 9), edge.level.strength * -1 + 9)
    members = set(levels)
    strangers = [c.id for c in doc.nodes if c.kind == "community" and c.id not in members]
    farthest_member = max(math.dist(positions[c], (0, 0)) for c in members)
    nearest_stranger = min(math.dist(positions[c], (0, 0)) for c in strangers)
    assert farthest_member < nearest_stranger


def test_landscape_without_me_puts_communities_around_one_centre():
    doc = make_doc(
        [CommunityNode(id=f"c{i}", sector=["work", "hobby", None][i % 3]) for i in range(9)]
    )
    positions = landscape_layout(doc)
    radii = {round(math.dist(point, (0, 0))) for point in positions.values()}
    assert len(radii) == 1
    assert closest_pair(positions.values()) >= NODE_SPACING - 0.2


def test_landscape_keeps_a_pinned_me_as_the_centre():
    doc = make_doc(
        [MeNode(id="me", x=500, y=500, tags=(PINNED_TAG,)), CommunityNode(id="c1")],
        [MembershipEdge(id="e1", source="me", target="c1", level="core")],
    )
    positions = landscape_layout(doc, pinned=pinned_nodes(doc))
    assert math.dist(positions["c1"], (500, 500)) == pytest.approx(180, abs=0.2)


def test_force_layout_seed_changes_only_with_seed():
    doc = unplace(generate_map(60, seed=4), {node.id for node in generate_map(60, seed=4).nodes})
    assert force_layout(doc, seed=1) == force_layout(doc, seed=1)
    assert force_layout(doc, seed=1) != force_layout(doc, seed=2)


def test_force_layout_keeps_components_together():
    people = [PersonNode(id=f"p{i}") for i in range(40)]
    doc = make_doc(people)
    positions = force_layout(doc)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    # 40 lone nodes: a compact cloud, not scattered over thousands of pixels.
    assert max(xs) - min(xs) < 40 * NODE_SPACING / 2
    assert max(ys) - min(ys) < 40 * NODE_SPACING / 2


def test_force_layout_on_a_map_larger_than_the_simulation_limit(monkeypatch):
    monkeypatch.setattr(force_module, "FORCE_NODE_LIMIT", 100)
    doc = generate_map(400, seed=5)
    positions = force_layout(doc)
    assert set(positions) == {node.id for node in doc.nodes}


def test_place_unplaced_leaves_placed_nodes_and_places_the_rest_apart():
    doc = load_map(EXAMPLES[-1])
    missing = {"c3", "p1", "p6", "o4", "c12"}
    unplace(doc, missing)
    positions = place_unplaced(doc)
    assert set(positions) == missing
    placed = [(node.x, node.y) for node in doc.nodes if node.id not in missing]
    assert closest_pair([*placed, *positions.values()]) >= NODE_SPACING - 0.2
    assert place_unplaced(doc) == positions


def test_place_unplaced_puts_a_node_near_its_placed_neighbour():
    doc = load_map(EXAMPLES[-1])
    unplace(doc, {"p6"})
    positions = place_unplaced(doc)
    nearest = min(
        math.dist(positions["p6"], (doc.node(other).x, doc.node(other).y))
        for other in ("me", "c8", "c9")
    )
    assert nearest < 3 * NODE_SPACING


def test_place_unplaced_with_nothing_placed_is_the_landscape():
    doc = load_map(EXAMPLES[-1])
    unplace(doc, {node.id for node in doc.nodes})
    assert place_unplaced(doc) == landscape_layout(doc)


def test_place_unplaced_with_everything_placed_moves_nothing():
    assert place_unplaced(load_map(EXAMPLES[0])) == {}


def test_place_unplaced_generated_map_half_missing():
    doc = generate_map(300, seed=6)
    missing = {node.id for node in doc.nodes[::2]}
    unplace(doc, missing)
    positions = place_unplaced(doc)
    assert set(positions) == missing
    assert len(set(positions.values())) == len(positions)


def nearest_gap(points):
    """The least distance between two of many points (a k-d tree; closest_pair is quadratic)."""
    distances, _ = cKDTree(np.array(list(points))).query(np.array(list(points)), k=2)
    return float(distances[:, 1].min())


@pytest.mark.parametrize("layout", [landscape_layout, place_unplaced])
def test_a_generated_2000_node_map_opened_without_positions_is_placed_apart(layout):
    # What opening a generated benchmark map does when only ``me`` has a position.
    doc = generate_map(2000, seed=7)
    unplace(doc, {node.id for node in doc.nodes if node.id != "me"})
    positions = layout(doc)
    assert len(positions) == (2000 if layout is landscape_layout else 1999)
    assert all(math.isfinite(v) for point in positions.values() for v in point)
    everything = {"me": (0.0, 0.0), **positions}
    assert everything["me"] == (0.0, 0.0)
    assert nearest_gap(everything.values()) >= NODE_SPACING - 0.2


# -- any finite coordinates ------------------------------------------------------------------------


def extreme_maps():
    """Maps with positions at the edge of what files may hold (±1e9) and far beyond it."""
    cluster = [PersonNode(id=f"a{i}", x=1e9 - i * 1e-3, y=-1e9) for i in range(20)]
    other = [PersonNode(id=f"b{i}", x=-1e9, y=1e9 - i * 1e-3) for i in range(20)]
    return {
        "beside 1e21": make_doc([at(PersonNode(id="far"), 1e21, 0.0), PersonNode(id="new")]),
        "tied to 1e21": make_doc(
            [at(PersonNode(id="far"), 1e21, 1e21), PersonNode(id="new")],
            [TieEdge(id="t", source="far", target="new")],
        ),
        "at +-1e308": make_doc(
            [
                at(PersonNode(id="p"), 1e308, 1e308),
                at(PersonNode(id="q"), -1e308, -1e308),
                PersonNode(id="new"),
            ]
        ),
        "largest floats": make_doc(
            [
                at(MeNode(id="me"), HUGE, -HUGE),
                at(CommunityNode(id="c"), -HUGE, HUGE),
                CommunityNode(id="new_c"),
                PersonNode(id="new"),
            ],
            [
                MembershipEdge(id="m1", source="me", target="c", level="core"),
                MembershipEdge(id="m2", source="new", target="c", level="active"),
            ],
        ),
        "at +-1e9": make_doc(
            [
                PersonNode(id="p", x=1e9, y=-1e9),
                PersonNode(id="q", x=-1e9, y=1e9),
                PersonNode(id="new"),
                PersonNode(id="new2"),
            ],
            [TieEdge(id="t", source="p", target="new")],
        ),
        "all on one spot": make_doc(
            [PersonNode(id=f"p{i}", x=5.0, y=5.0) for i in range(30)]
            + [PersonNode(id=f"new{i}") for i in range(5)],
            [TieEdge(id=f"t{i}", source=f"p{i}", target=f"new{i}") for i in range(5)],
        ),
        "one node": make_doc([PersonNode(id="new")]),
        "one placed node": make_doc([PersonNode(id="p", x=-1e9, y=-1e9), PersonNode(id="new")]),
        "tiny clusters far apart": make_doc(
            [*cluster, *other, PersonNode(id="new_a"), PersonNode(id="new_b")],
            [
                TieEdge(id="ta", source="a3", target="new_a"),
                TieEdge(id="tb", source="b7", target="new_b"),
            ],
        ),
    }


def all_placed(doc):
    return {node.id for node in doc.nodes if node.x is not None and node.y is not None}


LAYOUT_CALLS = {
    "place_unplaced": place_unplaced,
    "landscape": lambda doc: landscape_layout(doc, pinned=all_placed(doc)),
    "force": lambda doc: force_layout(doc, pinned=all_placed(doc)),
    "landscape, nothing pinned": landscape_layout,
    "force, nothing pinned": force_layout,
}


def placed_finite(doc, positions, pinned):
    """Every node placed but the pinned, where a map may hold it (finite, within ±1e9)."""
    expected = {node.id for node in doc.nodes} - pinned
    return set(positions) == expected and all(
        is_coordinate(v) for point in positions.values() for v in point
    )


@pytest.mark.parametrize("name", list(extreme_maps()))
@pytest.mark.parametrize("call", list(LAYOUT_CALLS))
def test_layouts_place_every_node_finite_whatever_the_coordinates(name, call):
    doc = extreme_maps()[name]
    positions = LAYOUT_CALLS[call](doc)
    pinned = all_placed(doc) if call in ("place_unplaced", "landscape", "force") else set()
    assert placed_finite(doc, positions, pinned)


@pytest.mark.parametrize("name", ["at +-1e9", "all on one spot", "tiny clusters far apart"])
def test_place_unplaced_keeps_new_nodes_apart_at_the_edge_of_files(name):
    doc = extreme_maps()[name]
    positions = place_unplaced(doc)
    placed = [(node.x, node.y) for node in doc.nodes if node.id not in positions]
    # The nodes placed before may crowd one spot; each new one keeps its distance from all.
    for node_id, point in positions.items():
        others = [*placed, *(other for key, other in positions.items() if key != node_id)]
        assert min(math.dist(point, other) for other in others) >= NODE_SPACING - 0.2


@pytest.mark.parametrize("name", ["at +-1e9", "one placed node", "tiny clusters far apart"])
def test_a_map_at_the_edge_of_files_takes_the_positions_it_is_given(name):
    # Opening a file applies place_unplaced as one move: the map must accept every position.
    doc = extreme_maps()[name]
    positions = place_unplaced(doc)
    apply_edit(doc, MoveNodes.tidied(positions))
    assert all(node.x is not None for node in doc.nodes)
    for layout in LAYOUTS:
        apply_edit(doc, MoveNodes.tidied(layout(doc, pinned={"p", "a0", "b0"})))


def test_a_new_node_goes_beside_its_neighbour_in_a_tiny_far_cluster():
    doc = extreme_maps()["tiny clusters far apart"]
    positions = place_unplaced(doc)
    assert math.dist(positions["new_a"], (1e9, -1e9)) < 3 * NODE_SPACING
    assert math.dist(positions["new_b"], (-1e9, 1e9)) < 3 * NODE_SPACING


finite_or_none = st.none() | st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def documents_anywhere(draw):
    """A valid document whose positions are any finite floats, or missing."""
    doc = draw(documents(max_nodes=8, max_edges=10))
    doc.nodes = [at(node, draw(finite_or_none), draw(finite_or_none)) for node in doc.nodes]
    doc.reindex()
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents_anywhere(), call=st.sampled_from(list(LAYOUT_CALLS)))
def test_layouts_never_fail_for_any_finite_coordinates(doc, call):
    positions = LAYOUT_CALLS[call](doc)
    pinned = all_placed(doc) if call in ("place_unplaced", "landscape", "force") else set()
    assert placed_finite(doc, positions, pinned)

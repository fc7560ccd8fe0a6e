"""Lines joining the same two nodes bend apart, evenly on both sides of the straight line, so
that none hides another: as a map opens, and as lines between them come and go."""

import pytest

from commapper.model import (
    CommunityNode,
    CrossingEdge,
    InsertItems,
    MapDocument,
    MeNode,
    RemoveItems,
)
from commapper.ui.canvas.scene import PARALLEL_EDGE_SPACING, MapScene
from commapper.ui.session import MapSession


def two_communities(crossings: int) -> MapDocument:
    """Me far off, and two communities joined by ``crossings`` crossings, every other one drawn
    the other way."""
    doc = MapDocument.new()
    doc.nodes = [
        MeNode(id="me", x=0.0, y=-600.0),
        CommunityNode(id="c1", x=-200.0, y=0.0),
        CommunityNode(id="c2", x=200.0, y=0.0),
    ]
    doc.edges = [crossing(i) for i in range(crossings)]
    doc.reindex()
    return doc


def crossing(i: int) -> CrossingEdge:
    ends = ("c1", "c2") if i % 2 == 0 else ("c2", "c1")
    return CrossingEdge(id=f"x{i}", source=ends[0], target=ends[1])


def offsets(scene: MapScene) -> list[float]:
    """How far each line's middle lies from the straight line c1-c2 (both lie on y = 0), below
    it positive: measured on the curves drawn, not on their bends."""
    return sorted(edge.curve.pointAtPercent(0.5).y() for edge in scene.edge_items.values())


def spread(count: int) -> list[float]:
    """Where ``count`` lines' middles lie, spread evenly: a curve's middle is half way to its
    control point."""
    return [(i - (count - 1) / 2) * PARALLEL_EDGE_SPACING / 2 for i in range(count)]


@pytest.mark.parametrize("count", [1, 2, 3])
def test_the_lines_between_two_nodes_are_spread_evenly_as_the_map_opens(count):
    scene = MapScene(MapSession(two_communities(count)))
    assert offsets(scene) == pytest.approx(spread(count))


def test_lines_coming_and_going_between_two_nodes_are_spread_again_and_undone():
    session = MapSession(two_communities(2))
    scene = MapScene(session)
    opened = offsets(scene)
    session.edit(InsertItems(edges=((2, crossing(2)),)), "Connect")
    assert offsets(scene) == pytest.approx(spread(3))
    session.edit(RemoveItems(frozenset({"x0"})), "Remove one")
    assert offsets(scene) == pytest.approx(spread(2))
    session.edit(RemoveItems(frozenset({"x1"})), "Remove another")
    assert offsets(scene) == pytest.approx([0.0])
    assert scene.edge_items["x2"].straight_line is not None
    for _ in range(3):
        session.undo_stack.undo()
    assert offsets(scene) == pytest.approx(opened)

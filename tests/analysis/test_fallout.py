"""What a what-if greys out: the nodes that lose every path to me without the removed node."""

from commapper.analysis.fallout import fallout, removed_with
from commapper.model import (
    CommunityNode,
    CrossingEdge,
    MapDocument,
    MembershipEdge,
    MeNode,
    PersonNode,
)


def chain_map(with_me: bool = True) -> MapDocument:
    # me - c1 - ana - c2 - bo ; c1 -> c3 crossing carried only by ana
    doc = MapDocument.new()
    doc.nodes = [
        *([MeNode(id="me")] if with_me else []),
        CommunityNode(id="c1"),
        CommunityNode(id="c2"),
        CommunityNode(id="c3"),
        PersonNode(id="ana"),
        PersonNode(id="bo"),
    ]
    doc.edges = [
        *([MembershipEdge(id="m0", source="me", target="c1", level="core")] if with_me else []),
        MembershipEdge(id="m1", source="ana", target="c1", level="active"),
        MembershipEdge(id="m2", source="ana", target="c2", level="active"),
        MembershipEdge(id="m3", source="bo", target="c2", level="active"),
        CrossingEdge(id="x1", source="c1", target="c3", via=("ana",)),
    ]
    doc.reindex()
    return doc


def test_without_a_broker_what_lies_beyond_it_drops_away():
    lost = fallout(chain_map(), "ana")
    assert lost["nodes"] == ["ana", "bo", "c2", "c3"]
    assert lost["edges"] == ["m1", "m2", "m3", "x1"]
    assert removed_with(chain_map(), "ana") == ["ana", "m1", "m2", "x1"]


def test_a_leaf_takes_only_itself_and_its_edges():
    assert fallout(chain_map(), "bo") == {"nodes": ["bo"], "edges": ["m3"]}


def test_without_me_the_largest_remaining_piece_stays():
    lost = fallout(chain_map(with_me=False), "c2")
    # ana, c1 and c3 stay together (3 nodes); bo is cut off.
    assert lost == {"nodes": ["bo", "c2"], "edges": ["m2", "m3"]}


def test_an_unknown_node_drops_nothing():
    assert fallout(chain_map(), "nobody") == {"nodes": [], "edges": []}

"""SimpleGraph answers as networkx does, and C without X read from C is the C built without X."""

import networkx as nx
import pytest

from benchmarks.generate import generate_map
from commapper.analysis.graphs import (
    community_network,
    linked_communities,
    map_graph,
    merge_edges,
    without_connectors,
)
from commapper.analysis.simple_graph import SimpleGraph, component_of, connected_components


def both(seed: int) -> tuple[SimpleGraph, nx.Graph]:
    reference = nx.gnm_random_graph(40, 45, seed=seed)
    reference.add_nodes_from(range(40, 44))  # a few isolated nodes
    graph = SimpleGraph(reference)
    graph.add_edges_from(reference.edges())
    return graph, reference


@pytest.mark.parametrize("seed", range(5))
def test_a_simple_graph_reads_as_the_networkx_graph_it_copies(seed):
    graph, reference = both(seed)
    assert list(graph) == list(reference) and len(graph) == len(reference)
    assert list(graph.edges()) == list(reference.edges())  # the same order, edge for edge
    assert graph.number_of_edges() == reference.number_of_edges()
    for node in reference:
        assert set(graph[node]) == set(reference[node])
    assert all(graph.has_edge(v, u) for u, v in reference.edges())
    assert not graph.has_edge(0, 0) and 99 not in graph


@pytest.mark.parametrize("seed", range(5))
def test_components_are_networkx_components(seed):
    graph, reference = both(seed)
    assert list(connected_components(graph)) == list(nx.connected_components(reference))
    within = set(range(0, 44, 2))
    assert sorted(map(sorted, connected_components(graph, within))) == sorted(
        map(sorted, nx.connected_components(reference.subgraph(within)))
    )
    assert component_of(graph, 0) == nx.node_connected_component(reference, 0)


def test_an_edge_is_one_dict_seen_from_both_ends_and_loops_are_refused():
    graph = SimpleGraph(["a", "b"])
    graph.add_edge("a", "b", connectors={"p1"})
    graph.add_edge("b", "a", weight=2)
    assert graph["a"]["b"] is graph["b"]["a"]
    assert list(graph.edges(data=True)) == [("a", "b", {"connectors": {"p1"}, "weight": 2})]
    with pytest.raises(ValueError, match="no loops"):
        graph.add_edge("a", "a")


@pytest.mark.parametrize("size", [60, 300])
def test_c_without_x_read_from_c_is_c_built_without_x(size):
    doc = generate_map(size, seed=size)
    merged = merge_edges(doc)
    communities = community_network(merged)
    actors = sorted(merged.actors)
    for left_out in ({"me"}, {"me", actors[1]}, set(actors[::3])):
        built = community_network(merged, without=left_out)
        read = without_connectors(communities, left_out)
        assert list(read) == list(built)
        assert {frozenset(pair) for pair in read.edges()} == {
            frozenset(pair) for pair in built.edges()
        }
        for community in communities:
            mine = [community]
            assert linked_communities(communities, mine, left_out) == set(built[community])


def test_the_map_graph_holds_every_node_and_edge():
    doc = generate_map(120)
    graph = map_graph(doc)
    assert list(graph) == [node.id for node in doc.nodes]
    assert {frozenset(pair) for pair in graph.edges()} == {
        frozenset((edge.source, edge.target)) for edge in doc.edges
    }

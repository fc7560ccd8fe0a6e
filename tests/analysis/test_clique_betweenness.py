"""Betweenness taken through cliques equals Brandes' on the whole graph (networkx, igraph)."""

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from benchmarks.generate import generate_map
from commapper.analysis.brokerage import betweenness_of_edges
from commapper.analysis.clique_betweenness import clique_betweenness
from commapper.analysis.graphs import actor_matrices, merge_edges


def clique_union(seed: int, n: int = 60, groups: int = 9, ties: int = 40):
    """Overlapping cliques, random ties (some inside cliques), isolates and a second
    component: the adjacency, the incidence and the networkx graph."""
    rng = np.random.default_rng(seed)
    incidence = (rng.random((n, groups)) < 0.12).astype(float)
    incidence[-3:] = 0  # isolates, unless a tie reaches them
    graph = nx.Graph()
    graph.add_nodes_from(range(n + 4))
    for column in incidence.T:
        members = np.flatnonzero(column).tolist()
        graph.add_edges_from((a, b) for a in members for b in members if a < b)
    for a, b in rng.integers(0, n, (ties, 2)).tolist():
        if a != b:
            graph.add_edge(a, b)
    graph.add_edges_from([(n, n + 1), (n + 1, n + 2), (n + 2, n + 3), (n, n + 2)])
    incidence = np.vstack([incidence, np.zeros((4, groups))])
    incidence[[n, n + 1, n + 2], 0] = 0  # the second component: no clique column
    adjacency = nx.to_scipy_sparse_array(graph, nodelist=range(n + 4))
    return adjacency, sp.csr_matrix(incidence), graph


def as_array(values: dict) -> np.ndarray:
    return np.array([values[node] for node in sorted(values)])


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("block", [1, 7, 128])
def test_equals_networkx_on_unions_of_cliques(seed, block):
    adjacency, incidence, graph = clique_union(seed)
    expected = as_array(nx.betweenness_centrality(graph))
    got = clique_betweenness(adjacency, incidence, block=block)
    assert got == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_any_incidence_gives_the_same_figures(seed):
    adjacency, incidence, graph = clique_union(seed)
    expected = as_array(nx.betweenness_centrality(graph))
    empty = sp.csr_matrix((adjacency.shape[0], 0))
    assert clique_betweenness(adjacency, empty) == pytest.approx(expected, abs=1e-12)
    doubled = sp.hstack([incidence, incidence])  # each pair shares its cliques twice
    assert clique_betweenness(adjacency, doubled) == pytest.approx(expected, abs=1e-12)


def test_single_precision_is_close():
    adjacency, incidence, graph = clique_union(1, n=120, groups=12)
    expected = as_array(nx.betweenness_centrality(graph))
    got = clique_betweenness(adjacency, incidence, dtype=np.float32)
    assert got == pytest.approx(expected, rel=1e-5, abs=1e-9)


@pytest.mark.parametrize("size", [300, 1000])
def test_equals_igraph_on_the_actor_network_of_a_generated_map(size):
    actors = actor_matrices(merge_edges(generate_map(size)))
    expected = betweenness_of_edges(len(actors.actors), actors.edges())
    got = clique_betweenness(actors.weights, actors.memberships)
    assert got == pytest.approx(expected, abs=1e-12)


def test_small_graphs_are_zero():
    assert clique_betweenness(sp.csr_matrix((2, 2)), sp.csr_matrix((2, 1))).tolist() == [0, 0]
    path = nx.to_scipy_sparse_array(nx.path_graph(3))
    assert clique_betweenness(path, sp.csr_matrix((3, 0))).tolist() == [0.0, 1.0, 0.0]


def test_a_clique_of_non_adjacent_nodes_is_refused():
    path = nx.to_scipy_sparse_array(nx.path_graph(3))
    with pytest.raises(ValueError, match="not adjacent"):
        clique_betweenness(path, sp.csr_matrix(np.ones((3, 1))))


def test_a_long_search_is_refused_within_a_step_budget():
    path = nx.to_scipy_sparse_array(nx.path_graph(200))
    no_cliques = sp.csr_matrix((200, 0))
    assert clique_betweenness(path, no_cliques, max_steps=1e6) is None
    expected = as_array(nx.betweenness_centrality(nx.path_graph(200)))
    assert clique_betweenness(path, no_cliques, max_steps=1e8) == pytest.approx(expected)


@pytest.mark.parametrize("seed", range(4))
def test_components_and_eccentricity_are_networkx_s(seed):
    from commapper.analysis.clique_betweenness import _component_sizes, _eccentricity

    adjacency, incidence, graph = clique_union(seed)
    pattern = sp.csr_matrix(adjacency, dtype=float)
    uncovered = pattern - pattern.multiply(sp.csr_matrix(incidence @ incidence.T) > 0)
    sizes = _component_sizes(sp.csr_matrix(incidence), sp.csr_matrix(uncovered))
    for component in nx.connected_components(graph):
        assert {int(sizes[node]) for node in component} == {len(component)}
    for node in (0, 5, len(graph) - 1):
        reached = nx.single_source_shortest_path_length(graph, node)
        assert _eccentricity(pattern, node) == max(reached.values())

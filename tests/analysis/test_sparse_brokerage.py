"""The sparse Burt and Gould-Fernandez measures agree with the networkx-graph ones."""

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from benchmarks.generate import generate_map
from commapper.analysis.analyse import _actor_partition
from commapper.analysis.brokerage import burt_measures, gould_fernandez
from commapper.analysis.graphs import actor_matrices, actor_network, merge_edges
from commapper.analysis.sparse_brokerage import burt_measures_sparse, gould_fernandez_sparse

MEASURES = ("degree", "effective_size", "efficiency", "constraint", "hierarchy")


def clique_union_graph(seed: int, n: int = 50, groups: int = 8):
    """Overlapping cliques (communities) plus weighted random ties and an isolate."""
    rng = np.random.default_rng(seed)
    incidence = (rng.random((n, groups)) < 0.15).astype(float)
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    for column in incidence.T:
        members = np.flatnonzero(column)
        graph.add_edges_from(
            (int(a), int(b), {"weight": 1.0}) for a in members for b in members if a < b
        )
    for a, b in rng.integers(0, n, (n, 2)):
        if a != b:
            graph.add_edge(int(a), int(b), weight=float(rng.integers(1, 4)))
    return graph, sp.csr_matrix(incidence)


def assert_same_burt(expected, got):
    for node, values in expected.items():
        for measure in MEASURES:
            if values[measure] is None:
                assert got[node][measure] is None
            else:
                assert got[node][measure] == pytest.approx(values[measure], abs=1e-9)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("through_incidence", [True, False])
def test_burt_agrees_with_the_graph_version(seed, through_incidence):
    graph, incidence = clique_union_graph(seed)
    nodes = list(graph)
    weights = nx.to_scipy_sparse_array(graph, nodelist=nodes, weight="weight")
    got = burt_measures_sparse(nodes, weights, incidence if through_incidence else None)
    assert_same_burt(burt_measures(graph, weight="weight"), got)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("through_incidence", [True, False])
def test_gould_fernandez_agrees_with_the_graph_version(seed, through_incidence):
    graph, incidence = clique_union_graph(seed)
    nodes = list(graph)
    groups = {node: node % 5 for node in nodes}
    adjacency = nx.to_scipy_sparse_array(graph, nodelist=nodes)
    got = gould_fernandez_sparse(
        nodes, adjacency, [groups[node] for node in nodes], incidence if through_incidence else None
    )
    assert got == gould_fernandez(graph, groups)


def test_gould_fernandez_agrees_on_a_graph_without_cliques():
    graph = nx.gnp_random_graph(40, 0.2, seed=9)
    groups = [node % 3 for node in graph]
    got = gould_fernandez_sparse(list(graph), nx.to_scipy_sparse_array(graph), groups)
    assert got == gould_fernandez(graph, dict(enumerate(groups)))


def test_actor_matrices_hold_the_actor_network():
    doc = generate_map(400, seed=3)
    merged = merge_edges(doc)
    matrices = actor_matrices(merged)
    graph = actor_network(merged)
    expected = nx.to_scipy_sparse_array(graph, nodelist=matrices.actors, weight="weight")
    assert abs(expected - matrices.weights).max() == 0
    assert len(matrices.edges()) == graph.number_of_edges()


def test_actor_measures_of_a_generated_map_agree():
    doc = generate_map(300, seed=2)
    merged = merge_edges(doc)
    matrices = actor_matrices(merged)
    graph = actor_network(merged)
    groups = _actor_partition(doc, merged, None)
    got = burt_measures_sparse(matrices.actors, matrices.weights, matrices.memberships)
    assert_same_burt(burt_measures(graph, weight="weight"), got)
    roles = gould_fernandez_sparse(
        matrices.actors,
        matrices.weights,
        [groups[actor] for actor in matrices.actors],
        matrices.memberships,
    )
    assert roles == gould_fernandez(graph, groups)

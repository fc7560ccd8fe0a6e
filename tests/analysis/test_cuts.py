"""Articulation points and bridges from igraph equal networkx's."""

import networkx as nx
import pytest

from commapper.analysis.cuts import cut_structure


def networkx_cuts(graph, without):
    reduced = graph.copy()
    if without is not None:
        reduced.remove_node(without)
    return (
        sorted(nx.articulation_points(graph)),
        sorted(tuple(sorted(pair)) for pair in nx.bridges(graph)),
        sorted(nx.articulation_points(reduced)),
    )


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("without", [None, 0, 7])
def test_equals_networkx_on_random_sparse_graphs(seed, without):
    graph = nx.gnm_random_graph(60, 70, seed=seed)
    graph = nx.relabel_nodes(graph, {node: f"n{node}" for node in graph})
    graph.add_node("alone")
    name = None if without is None else f"n{without}"
    assert cut_structure(graph, name) == networkx_cuts(graph, name)


def test_a_star_falls_apart_without_its_centre():
    star = nx.star_graph(4)
    assert cut_structure(star, 0) == ([0], [(0, 1), (0, 2), (0, 3), (0, 4)], [])


def test_empty_graph():
    assert cut_structure(nx.Graph()) == ([], [], [])

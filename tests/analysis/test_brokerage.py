"""Brokerage measures reproduce independent tools (networkx, igraph, R sna) to 1e-6."""

import networkx as nx
import pytest
from reference_values import REFERENCE

from commapper.analysis.brokerage import (
    burt_measures,
    ei_index,
    gould_fernandez,
    normalised_betweenness,
    open_pairs,
)


def reference_graph(name: str) -> nx.Graph:
    data = REFERENCE[name]
    graph = nx.DiGraph() if data["directed"] else nx.Graph()
    graph.add_edges_from(data["edges"])
    return graph


@pytest.mark.parametrize("name", list(REFERENCE))
def test_betweenness(name):
    expected = REFERENCE[name]["betweenness_normalized"]
    assert normalised_betweenness(reference_graph(name)) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize("name", list(REFERENCE))
@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("constraint", "constraint"),
        ("effective_size", "effective_size_burt"),
        ("efficiency", "efficiency"),
        ("hierarchy", "hierarchy_burt"),
    ],
)
def test_burt_measures(name, ours, theirs):
    measures = burt_measures(reference_graph(name))
    got = {node: values[ours] for node, values in measures.items()}
    assert got == pytest.approx(REFERENCE[name][theirs], abs=1e-6)


def test_gould_fernandez_directed_counts_ordered_pairs_like_sna():
    data = REFERENCE["gf6_directed"]
    assert (
        gould_fernandez(reference_graph("gf6_directed"), data["groups"])
        == (data["gould_fernandez_ordered"])
    )


def test_gould_fernandez_undirected_counts_unordered_pairs():
    data = REFERENCE["gf10_undirected"]
    assert (
        gould_fernandez(reference_graph("gf10_undirected"), data["groups"])
        == (data["gould_fernandez_unordered"])
    )


@pytest.mark.parametrize("name", ["gf6_directed", "gf10_undirected"])
def test_ei_index(name):
    data = REFERENCE[name]
    graph = reference_graph(name).to_undirected()
    result = ei_index(graph, data["groups"])
    expected = data["ei_index"]
    assert result["ei"] == pytest.approx(expected["EI_whole"])
    assert result["ei_baseline"] == pytest.approx(expected["EI_all_possible_ties"])
    assert result["group_ei"] == pytest.approx(
        {group: values["EI"] for group, values in expected["per_group"].items()}
    )


def test_cut_structure_of_the_florentine_families():
    graph = reference_graph("florentine")
    assert sorted(nx.articulation_points(graph)) == REFERENCE["florentine"]["articulation_points"]
    assert (
        sorted(sorted(bridge) for bridge in nx.bridges(graph))
        == (REFERENCE["florentine"]["bridges"])
    )


def test_weights_change_constraint_but_not_who_is_a_neighbour():
    graph = nx.Graph()
    graph.add_edge("i", "a", weight=3.0)
    graph.add_edge("i", "b", weight=1.0)
    weighted = burt_measures(graph, weight="weight")["i"]
    # p_ia = 3/4, p_ib = 1/4, no indirect paths: C = 9/16 + 1/16.
    assert weighted["constraint"] == pytest.approx(10 / 16)
    assert weighted["effective_size"] == pytest.approx(2.0)


def test_degree_zero_and_one():
    graph = nx.Graph([("a", "b")])
    graph.add_node("alone")
    measures = burt_measures(graph)
    assert measures["alone"]["constraint"] is None and measures["alone"]["degree"] == 0
    assert measures["a"] == {
        "degree": 1, "effective_size": 1.0, "efficiency": 1.0, "constraint": 1.0, "hierarchy": 1.0
    }  # fmt: skip


def test_open_pairs_of_a_star_centre():
    assert open_pairs(nx.star_graph(3), 0) == [(1, 2), (1, 3), (2, 3)]


def test_self_loops_do_not_count():
    graph = nx.Graph([("a", "b"), ("a", "c"), ("a", "a")])
    assert burt_measures(graph)["a"]["effective_size"] == pytest.approx(2.0)


def test_matrix_and_neighbour_walks_agree_on_a_weighted_random_graph():
    from commapper.analysis.brokerage import _burt_by_neighbours, _burt_dense, _tie_strengths

    graph = nx.gnp_random_graph(60, 0.15, seed=3)
    for number, (u, v) in enumerate(graph.edges()):
        graph.edges[u, v]["weight"] = 1 + number % 4
    graph.add_node("isolate")
    strengths = _tie_strengths(graph, "weight")
    dense, walked = _burt_dense(strengths), _burt_by_neighbours(strengths)
    for node in graph:
        for measure in ("constraint", "effective_size", "efficiency", "hierarchy"):
            if walked[node][measure] is None:
                assert dense[node][measure] is None
            else:
                assert dense[node][measure] == pytest.approx(walked[node][measure], abs=1e-9)


def test_matrix_and_set_role_counts_agree_on_a_random_graph():
    from commapper.analysis.brokerage import _undirected_role_counts, _undirected_roles_dense

    graph = nx.gnp_random_graph(50, 0.2, seed=5)
    groups = {node: node % 4 for node in graph}
    dense = _undirected_roles_dense(graph, groups)
    for node in graph:
        assert dense[node] == _undirected_role_counts(graph, node, groups)


def test_sampled_betweenness_with_every_source_is_exact():
    graph = nx.gnp_random_graph(80, 0.08, seed=2)
    exact = nx.betweenness_centrality(graph)
    assert normalised_betweenness(graph, sources=80) == pytest.approx(exact, abs=1e-9)


def test_sampled_betweenness_is_seeded_and_close_to_exact():
    graph = nx.barabasi_albert_graph(400, 2, seed=4)
    exact = nx.betweenness_centrality(graph)
    first = normalised_betweenness(graph, sources=200, seed=1)
    assert first == normalised_betweenness(graph, sources=200, seed=1)
    top = max(exact, key=exact.get)
    assert first[top] == pytest.approx(exact[top], rel=0.15)
    assert max(first, key=first.get) == top


def test_betweenness_is_exact_within_the_budget():
    from commapper.analysis.brokerage import betweenness_method, betweenness_sources

    assert betweenness_sources(1000, 3500) is None
    sources = betweenness_sources(10_000, 33_000)
    assert 0 < sources < 10_000
    assert betweenness_method(10_000, sources) == f"sampled {sources} of 10000 sources"
    assert betweenness_method(10, None) == "exact"

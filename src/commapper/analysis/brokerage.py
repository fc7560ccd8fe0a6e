"""Brokerage measures on one-mode graphs: betweenness, Burt's structural holes, Gould-Fernandez.

Pure functions of a networkx graph that return dicts keyed by node, in the manner of networkx.
Burt's measures are written from the formulas (DESIGN.md 5.4) rather than taken from networkx,
whose ``effective_size`` is wrong for weighted or directed graphs when called for all nodes, and
which has no hierarchy.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from itertools import combinations

import networkx as nx

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


def normalised_betweenness(graph: nx.Graph) -> dict[Hashable, float]:
    """Brandes betweenness, normalised by 2/((n-1)(n-2)) (undirected) or 1/((n-1)(n-2))
    (directed); 0 for every node when n <= 2.

    Examples
    --------
    >>> normalised_betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}

    References
    ----------
    Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25(2).
    """
    if graph.number_of_nodes() <= 2:
        return dict.fromkeys(graph, 0.0)
    return nx.betweenness_centrality(graph, normalized=True)


def _tie_strengths(graph: nx.Graph, weight: str | None) -> dict[Hashable, dict[Hashable, float]]:
    """a_ij + a_ji for every pair of neighbours: the symmetric strength of their relation."""
    strengths: dict[Hashable, dict[Hashable, float]] = {node: {} for node in graph}
    for source, target, data in graph.edges(data=True):
        if source == target:
            continue  # Burt's measures ignore self-loops, unlike networkx's
        value = float(data.get(weight, 1.0)) if weight else 1.0
        if not graph.is_directed():
            value *= 2  # a_ij + a_ji with a_ij = a_ji
        strengths[source][target] = strengths[source].get(target, 0.0) + value
        strengths[target][source] = strengths[target].get(source, 0.0) + value
    return strengths


def burt_measures(graph: nx.Graph, weight: str | None = None) -> dict[Hashable, dict]:
    """Burt's degree, effective size, efficiency, constraint and hierarchy of every node.

    With N(i) the neighbours of i and a_ij the tie from i to j (1, or its weight):
    p_ij = (a_ij + a_ji) / sum_k (a_ik + a_ki);
    constraint C_i = sum_j (p_ij + sum_{q != i,j} p_iq p_qj)^2;
    effective size ES_i = sum_j [1 - sum_{q != j} p_iq m_jq], m_jq = (a_jq + a_qj) / max_k
    (a_jk + a_kj); efficiency ES_i / d_i; hierarchy H_i = sum_j r_j ln r_j / (N ln N) with
    r_j = c_ij / (C_i / N) and N = d_i. Degree 0: every measure None. Degree 1: all 1.

    Examples
    --------
    >>> burt_measures(nx.star_graph(3))[0]["effective_size"]
    3.0

    References
    ----------
    Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard UP.
    """
    strengths = _tie_strengths(graph, weight)
    largest = {node: max(row.values(), default=0.0) for node, row in strengths.items()}
    totals = {node: sum(row.values()) for node, row in strengths.items()}
    results = {}
    for node, row in strengths.items():
        degree = len(row)
        if degree == 0:
            results[node] = dict.fromkeys(
                ("degree", "effective_size", "efficiency", "constraint", "hierarchy"), None
            ) | {"degree": 0}
            continue
        if degree == 1:
            results[node] = {
                "degree": 1, "effective_size": 1.0, "efficiency": 1.0,
                "constraint": 1.0, "hierarchy": 1.0,
            }  # fmt: skip
            continue
        share = {other: value / totals[node] for other, value in row.items()}
        redundancy, local_constraints = 0.0, []
        for alter in row:
            alter_row = strengths[alter]
            shared = [q for q in alter_row if q in share and q != alter]
            indirect = sum(share[q] * strengths[q][alter] / totals[q] for q in shared)
            local_constraints.append((share[alter] + indirect) ** 2)
            redundancy += sum(share[q] * alter_row[q] / largest[alter] for q in shared)
        effective_size = degree - redundancy
        constraint = sum(local_constraints)
        mean = constraint / degree
        ratios = [value / mean for value in local_constraints]
        hierarchy = sum(r * math.log(r) for r in ratios if r > 0) / (degree * math.log(degree))
        results[node] = {
            "degree": degree,
            "effective_size": effective_size,
            "efficiency": effective_size / degree,
            "constraint": constraint,
            "hierarchy": hierarchy,
        }
    return results


def open_pairs(graph: nx.Graph, node: Hashable) -> list[tuple]:
    """Pairs of ``node``'s neighbours that are not tied to each other: its structural holes."""
    neighbours = sorted(set(nx.all_neighbors(graph, node)) - {node}, key=str)
    return [
        (first, second)
        for first, second in combinations(neighbours, 2)
        if not (graph.has_edge(first, second) or graph.has_edge(second, first))
    ]


def gould_fernandez(graph: nx.Graph, groups: Mapping[Hashable, Hashable]) -> dict[Hashable, dict]:
    """Gould-Fernandez brokerage roles of every node, under the partition ``groups``.

    Node v brokers i -> v -> k when i != k, both differ from v, and there is no tie i -> k.
    Coordinator: g(i) = g(v) = g(k); itinerant: g(i) = g(k) != g(v); representative:
    g(i) = g(v) != g(k); gatekeeper: g(i) != g(v) = g(k); liaison: all differ. Directed graphs
    count ordered pairs (as R sna's ``brokerage`` raw counts). Undirected graphs count
    unordered pairs, and representative and gatekeeper merge into
    ``representative_gatekeeper`` (sna would report twice these counts).

    References
    ----------
    Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    brokerage in transaction networks. Sociological Methodology 19, 89-126.
    """
    directed = graph.is_directed()
    results = {}
    for broker in graph:
        counts = dict.fromkeys(ROLES, 0)
        if directed:
            pairs = [
                (source, target)
                for source in graph.predecessors(broker)
                for target in graph.successors(broker)
                if source != target and broker not in (source, target)
                and not graph.has_edge(source, target)
            ]  # fmt: skip
        else:
            pairs = open_pairs(graph, broker)
        for source, target in pairs:
            counts[_role(groups[source], groups[broker], groups[target])] += 1
        if directed:
            results[broker] = counts | {"total": sum(counts.values())}
        else:
            merged = counts["representative"] + counts["gatekeeper"]
            results[broker] = {
                "coordinator": counts["coordinator"],
                "itinerant": counts["itinerant"],
                "representative_gatekeeper": merged,
                "liaison": counts["liaison"],
                "total": sum(counts.values()),
            }
    return results


def _role(source_group: Hashable, broker_group: Hashable, target_group: Hashable) -> str:
    if source_group == broker_group == target_group:
        return "coordinator"
    if source_group == target_group:
        return "itinerant"
    if source_group == broker_group:
        return "representative"
    if broker_group == target_group:
        return "gatekeeper"
    return "liaison"


def ei_index(graph: nx.Graph, groups: Mapping[Hashable, Hashable]) -> dict:
    """Krackhardt and Stern's E-I index (EL - IL)/(EL + IL): whole network, per group, and the
    baseline of a complete graph on the same groups; None where there is nothing to count.

    References
    ----------
    Krackhardt, D. and Stern, R. N. (1988). Informal networks and organizational crises: an
    experimental simulation. Social Psychology Quarterly 51(2), 123-140.
    """
    external = internal = 0
    per_group: dict[Hashable, list[int]] = {group: [0, 0] for group in set(groups.values())}
    for source, target in graph.edges():
        if source == target:
            continue
        if groups[source] == groups[target]:
            internal += 1
            per_group[groups[source]][1] += 1
        else:
            external += 1
            per_group[groups[source]][0] += 1
            per_group[groups[target]][0] += 1
    sizes: dict[Hashable, int] = {}
    for node in graph:
        sizes[groups[node]] = sizes.get(groups[node], 0) + 1
    n = graph.number_of_nodes()
    possible_internal = sum(size * (size - 1) // 2 for size in sizes.values())
    possible_external = n * (n - 1) // 2 - possible_internal
    return {
        "ei": _ratio(external - internal, external + internal),
        "group_ei": {
            group: _ratio(e - i, e + i) for group, (e, i) in sorted(per_group.items(), key=str)
        },
        "ei_baseline": _ratio(
            possible_external - possible_internal, possible_external + possible_internal
        ),
        "external_ties": external,
        "internal_ties": internal,
    }


def _ratio(numerator: float, denominator: float) -> float | None:
    return None if denominator == 0 else numerator / denominator

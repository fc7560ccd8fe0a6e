"""Brokerage measures on one-mode graphs: betweenness, Burt's structural holes, Gould-Fernandez.

Pure functions of a graph (a :class:`~commapper.analysis.simple_graph.SimpleGraph` or a networkx
graph) that return dicts keyed by node, in the manner of networkx.
Burt's measures are written from the formulas (docs/analysis.md) rather than taken from networkx,
whose ``effective_size`` is wrong for weighted or directed graphs when called for all nodes, and
which has no hierarchy.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from itertools import combinations
from typing import Any, TypeAlias, TypedDict, TypeVar

import igraph
import numpy as np
import numpy.typing as npt

from commapper.analysis.simple_graph import AnyGraph, SimpleGraph

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")

# A node of a graph, where the type is known from an argument (the keys of ``groups``...).
_Node = TypeVar("_Node", bound=Hashable)
Floats: TypeAlias = npt.NDArray[np.float64]


class BurtFigures(TypedDict):
    """One node's Burt measures (:func:`burt_measures`); None where undefined (degree 0)."""

    degree: int
    effective_size: float | None
    efficiency: float | None
    constraint: float | None
    hierarchy: float | None


class RoleCounts(TypedDict):
    """One broker's Gould-Fernandez roles in an undirected graph (:func:`gould_fernandez`)."""

    coordinator: int
    itinerant: int
    representative_gatekeeper: int
    liaison: int
    total: int


class EIFigures(TypedDict):
    """The E-I index of a graph under a partition (:func:`ei_index`)."""

    ei: float | None
    group_ei: dict[Hashable, float | None]
    ei_baseline: float | None
    external_ties: int
    internal_ties: int


# Exact Brandes up to this much work, counted as BFS sources x (edges + 10 x nodes): about 2 s
# on the 2-core machine of the bars; beyond it the sources are a sample that fits the budget.
BETWEENNESS_BUDGET = 3.3e8


def betweenness_sources(
    n_nodes: int, n_edges: int, budget: float = BETWEENNESS_BUDGET
) -> int | None:
    """How many BFS sources betweenness can afford: None when all (exact), else a sample size.

    Examples
    --------
    >>> betweenness_sources(1000, 3500) is None
    True
    >>> betweenness_sources(10_000, 33_000)
    2481
    """
    per_source = n_edges + 10 * n_nodes
    if n_nodes * per_source <= budget:
        return None
    return max(1, min(n_nodes, int(budget // per_source)))


def betweenness_method(n_nodes: int, sources: int | None) -> str:
    """How betweenness was computed, for the report: ``exact`` or ``sampled K of N sources``."""
    return "exact" if sources is None else f"sampled {sources} of {n_nodes} sources"


def normalised_betweenness(
    graph: AnyGraph, *, sources: int | None = None, seed: int = 0
) -> dict[Hashable, float]:
    """Brandes betweenness, normalised by 2/((n-1)(n-2)) (undirected) or 1/((n-1)(n-2))
    (directed); 0 for every node when n <= 2.

    With ``sources`` set below n, an estimate: the dependencies of that many BFS sources, drawn
    at random without replacement (from ``seed``, so the same graph gives the same figures),
    scaled by n / sources (Brandes and Pich 2007).

    Examples
    --------
    >>> import networkx as nx
    >>> normalised_betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}

    References
    ----------
    Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25(2).
    Brandes, U. and Pich, C. (2007). Centrality estimation in large networks. Int. J.
    Bifurcation and Chaos 17(7), 2303-2318.
    """
    nodes = list(graph)
    index = {node: position for position, node in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in graph.edges() if u != v]
    values = betweenness_of_edges(
        len(nodes), edges, directed=graph.is_directed(), sources=sources, seed=seed
    )
    return {node: float(value) for node, value in zip(nodes, values, strict=True)}


def betweenness_of_edges(
    n_nodes: int,
    edges: Sequence[tuple[int, int]] | npt.NDArray[np.integer[Any]],
    *,
    directed: bool = False,
    sources: int | None = None,
    seed: int = 0,
) -> Floats:
    """:func:`normalised_betweenness` of the graph on nodes 0..n-1 with these edges; an array
    of edges must already be simple (no loops or repeats), as :meth:`ActorMatrices.edges` is."""
    if n_nodes <= 2:
        return np.zeros(n_nodes)
    # igraph's Brandes runs in C, tens of times faster than networkx on maps of thousands of
    # nodes; the tests cross-check it against networkx and R on reference graphs.
    if isinstance(edges, np.ndarray):
        pairs = list(zip(edges[:, 0].tolist(), edges[:, 1].tolist(), strict=True))
        fast = igraph.Graph(n=n_nodes, edges=pairs, directed=directed)
    else:
        fast = igraph.Graph(n=n_nodes, edges=edges, directed=directed)
        fast.simplify(multiple=True, loops=True)
    scale = (1 if directed else 2) / ((n_nodes - 1) * (n_nodes - 2))
    if sources is None or sources >= n_nodes:
        return np.array(fast.betweenness(directed=directed)) * scale
    drawn = np.sort(np.random.default_rng(seed).choice(n_nodes, size=sources, replace=False))
    partial = fast.betweenness(directed=directed, sources=drawn.tolist())
    return np.array(partial) * (n_nodes / sources) * scale


def _tie_strengths(graph: AnyGraph, weight: str | None) -> dict[Hashable, dict[Hashable, float]]:
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


def burt_measures(graph: AnyGraph, weight: str | None = None) -> dict[Hashable, BurtFigures]:
    """Burt's degree, effective size, efficiency, constraint and hierarchy of every node.

    With N(i) the neighbours of i and a_ij the tie from i to j (1, or its weight):
    p_ij = (a_ij + a_ji) / sum_k (a_ik + a_ki);
    constraint C_i = sum_j (p_ij + sum_{q != i,j} p_iq p_qj)^2;
    effective size ES_i = sum_j [1 - sum_{q != j} p_iq m_jq], m_jq = (a_jq + a_qj) / max_k
    (a_jk + a_kj); efficiency ES_i / d_i; hierarchy H_i = sum_j r_j ln r_j / (N ln N) with
    r_j = c_ij / (C_i / N) and N = d_i. Degree 0: every measure None. Degree 1: all 1.

    Examples
    --------
    >>> import networkx as nx
    >>> burt_measures(nx.star_graph(3))[0]["effective_size"]
    3.0

    References
    ----------
    Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard UP.
    """
    strengths = _tie_strengths(graph, weight)
    if 2 < len(strengths) <= DENSE_LIMIT:
        return _burt_dense(strengths)
    return _burt_by_neighbours(strengths)


# Up to this many nodes the matrices fit comfortably in memory (2,500^2 doubles: 50 MB each).
DENSE_LIMIT = 2500
_NO_NEIGHBOURS = BurtFigures(
    degree=0, effective_size=None, efficiency=None, constraint=None, hierarchy=None
)
_ONE_NEIGHBOUR = BurtFigures(
    degree=1, effective_size=1.0, efficiency=1.0, constraint=1.0, hierarchy=1.0
)


def burt_figures(
    degree: int, redundancy: float, constraint: float, ratio_log_sum: float
) -> BurtFigures:
    """One node's Burt figures from its degree, the summed redundancy of its alters, its
    constraint and the sum of r ln r over its local constraint ratios (docs/analysis.md).

    Degree 0 gives nulls and degree 1 gives ones, by convention; the other arguments are then
    not read.
    """
    if degree <= 1:
        return (_ONE_NEIGHBOUR if degree == 1 else _NO_NEIGHBOURS).copy()
    effective_size = float(degree - redundancy)
    return {
        "degree": degree,
        "effective_size": effective_size,
        "efficiency": effective_size / degree,
        "constraint": float(constraint),
        "hierarchy": float(ratio_log_sum / (degree * math.log(degree))),
    }


def _burt_dense(
    strengths: dict[Hashable, dict[Hashable, float]],
) -> dict[Hashable, BurtFigures]:
    """Burt's measures with matrix products: I = P P gives the indirect p_iq p_qj, and
    (P M^T)_ij the redundancy sum_q p_iq m_jq, both kept only where i and j are tied."""
    nodes = list(strengths)
    index = {node: position for position, node in enumerate(nodes)}
    tie = np.zeros((len(nodes), len(nodes)))
    for node, row in strengths.items():
        for other, value in row.items():
            tie[index[node], index[other]] = value
    linked = tie > 0
    degree = linked.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.nan_to_num(tie / tie.sum(axis=1, keepdims=True))
        marginal = np.nan_to_num(tie / tie.max(axis=1, keepdims=True))
    local = np.where(linked, (share + share @ share) ** 2, 0.0)
    redundancy = np.where(linked, share @ marginal.T, 0.0).sum(axis=1)
    results: dict[Hashable, BurtFigures] = {}
    for position, node in enumerate(nodes):
        d = int(degree[position])
        if d <= 1:
            results[node] = burt_figures(d, 0.0, 0.0, 0.0)
            continue
        constraints = local[position][linked[position]]
        constraint = float(constraints.sum())
        ratios = constraints / (constraint / d)
        ratios = ratios[ratios > 0]
        ratio_log_sum = (ratios * np.log(ratios)).sum()
        results[node] = burt_figures(d, redundancy[position], constraint, ratio_log_sum)
    return results


def _burt_by_neighbours(
    strengths: dict[Hashable, dict[Hashable, float]],
) -> dict[Hashable, BurtFigures]:
    """Burt's measures by walking each node's neighbours: for graphs too large for matrices."""
    largest = {node: max(row.values(), default=0.0) for node, row in strengths.items()}
    totals = {node: sum(row.values()) for node, row in strengths.items()}
    results: dict[Hashable, BurtFigures] = {}
    for node, row in strengths.items():
        degree = len(row)
        if degree <= 1:
            results[node] = burt_figures(degree, 0.0, 0.0, 0.0)
            continue
        share = {other: value / totals[node] for other, value in row.items()}
        redundancy, local_constraints = 0.0, []
        for alter in row:
            alter_row = strengths[alter]
            shared = [q for q in alter_row if q in share and q != alter]
            indirect = sum(share[q] * strengths[q][alter] / totals[q] for q in shared)
            local_constraints.append((share[alter] + indirect) ** 2)
            redundancy += sum(share[q] * alter_row[q] / largest[alter] for q in shared)
        constraint = sum(local_constraints)
        mean = constraint / degree
        ratios = [value / mean for value in local_constraints]
        ratio_log_sum = sum(r * math.log(r) for r in ratios if r > 0)
        results[node] = burt_figures(degree, redundancy, constraint, ratio_log_sum)
    return results


def open_pairs(graph: AnyGraph, node: _Node) -> list[tuple[_Node, _Node]]:
    """Pairs of ``node``'s neighbours that are not tied to each other: its structural holes."""
    if isinstance(graph, SimpleGraph) or not graph.is_directed():
        around = set(graph[node])
    else:
        around = set(graph.predecessors(node)) | set(graph.successors(node))
    neighbours = sorted(around - {node}, key=str)
    return [
        (first, second)
        for first, second in combinations(neighbours, 2)
        if not (graph.has_edge(first, second) or graph.has_edge(second, first))
    ]


def gould_fernandez(
    graph: AnyGraph, groups: Mapping[_Node, Hashable]
) -> Mapping[_Node, RoleCounts | dict[str, int]]:
    """Gould-Fernandez brokerage roles of every node, under the partition ``groups``.

    Node v brokers i -> v -> k when i != k, both differ from v, and there is no tie i -> k.
    Coordinator: g(i) = g(v) = g(k); itinerant: g(i) = g(k) != g(v); representative:
    g(i) = g(v) != g(k); gatekeeper: g(i) != g(v) = g(k); liaison: all differ. Directed graphs
    count ordered pairs (as R sna's ``brokerage`` raw counts). Undirected graphs count
    unordered pairs, and representative and gatekeeper merge into
    ``representative_gatekeeper`` (sna would report twice these counts): a
    :class:`RoleCounts` for each node.

    References
    ----------
    Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    brokerage in transaction networks. Sociological Methodology 19, 89-126.
    """
    if isinstance(graph, SimpleGraph) or not graph.is_directed():
        if 2 < graph.number_of_nodes() <= DENSE_LIMIT:
            return _undirected_roles_dense(graph, groups)
        return {broker: _undirected_role_counts(graph, broker, groups) for broker in graph}
    results: dict[_Node, RoleCounts | dict[str, int]] = {}
    for broker in graph:
        counts = dict.fromkeys(ROLES, 0)
        pairs = [
            (source, target)
            for source in graph.predecessors(broker)
            for target in graph.successors(broker)
            if source != target and broker not in (source, target)
            and not graph.has_edge(source, target)
        ]  # fmt: skip
        for source, target in pairs:
            counts[_role(groups[source], groups[broker], groups[target])] += 1
        results[broker] = counts | {"total": sum(counts.values())}
    return results


def _undirected_roles_dense(
    graph: AnyGraph, groups: Mapping[_Node, Hashable]
) -> dict[_Node, RoleCounts]:
    """Undirected role counts of every node at once, as quadratic forms on the matrix of open
    (distinct, untied) pairs: for broker v with neighbour indicator a, sum_ik a_i open_ik a_k
    counts its open pairs twice; restricting a to v's group, or open to same-group pairs,
    separates the roles."""
    nodes: list[_Node] = list(graph)
    index = {node: position for position, node in enumerate(nodes)}
    linked = np.zeros((len(nodes), len(nodes)))
    for source, target in graph.edges():
        if source != target:
            linked[index[source], index[target]] = linked[index[target], index[source]] = 1.0
    labels = {group: number for number, group in enumerate({groups[node] for node in nodes})}
    group_of = np.array([labels[groups[node]] for node in nodes])
    same_group = (group_of[:, None] == group_of[None, :]).astype(float)
    open_pair = 1.0 - linked - np.eye(len(nodes))
    inside = linked * same_group  # neighbours in the broker's own group
    outside = linked - inside

    def pairs(left: Floats, middle: Floats, right: Floats) -> Floats:
        counts: Floats = ((left @ middle) * right).sum(axis=1)
        return counts

    total = pairs(linked, open_pair, linked) / 2
    coordinator = pairs(inside, open_pair, inside) / 2
    itinerant = pairs(outside, open_pair * same_group, outside) / 2
    representative_gatekeeper = pairs(inside, open_pair, outside)
    return role_counts(nodes, coordinator, itinerant, representative_gatekeeper, total)


def role_counts(
    nodes: Sequence[_Node],
    coordinator: Floats,
    itinerant: Floats,
    representative_gatekeeper: Floats,
    total: Floats,
) -> dict[_Node, RoleCounts]:
    """Gould-Fernandez counts per node from per-position arrays; liaison is what remains."""
    results: dict[_Node, RoleCounts] = {}
    for position, node in enumerate(nodes):
        coordinators = round(coordinator[position])
        itinerants = round(itinerant[position])
        across = round(representative_gatekeeper[position])
        paths = round(total[position])
        results[node] = RoleCounts(
            coordinator=coordinators,
            itinerant=itinerants,
            representative_gatekeeper=across,
            liaison=paths - coordinators - itinerants - across,
            total=paths,
        )
    return results


def _undirected_role_counts(
    graph: AnyGraph, broker: _Node, groups: Mapping[_Node, Hashable]
) -> RoleCounts:
    """Role counts over unordered open pairs of ``broker``'s neighbours, by set arithmetic:
    for each neighbour, count the non-adjacent neighbours in its group and in the broker's."""
    neighbours = set(graph[broker]) - {broker}
    by_group: dict[Hashable, set[_Node]] = {}
    for node in neighbours:
        by_group.setdefault(groups[node], set()).add(node)
    own = by_group.get(groups[broker], set())
    ordered = dict.fromkeys(ROLES, 0)  # each open pair is seen twice, once from each end
    for node in neighbours:
        unlinked = neighbours - set(graph[node]) - {node}
        same_as_node = len(by_group[groups[node]] & unlinked)
        same_as_broker = len(own & unlinked)
        if groups[node] == groups[broker]:
            ordered["coordinator"] += same_as_node
            ordered["representative"] += len(unlinked) - same_as_node
        else:
            ordered["itinerant"] += same_as_node
            ordered["gatekeeper"] += same_as_broker
            ordered["liaison"] += len(unlinked) - same_as_node - same_as_broker
    # A representative pair seen from its in-group end is a gatekeeper pair from the other.
    coordinators = ordered["coordinator"] // 2
    itinerants = ordered["itinerant"] // 2
    across = (ordered["representative"] + ordered["gatekeeper"]) // 2
    liaisons = ordered["liaison"] // 2
    return RoleCounts(
        coordinator=coordinators,
        itinerant=itinerants,
        representative_gatekeeper=across,
        liaison=liaisons,
        total=coordinators + itinerants + across + liaisons,
    )


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


def ei_index(graph: AnyGraph, groups: Mapping[_Node, Hashable]) -> EIFigures:
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

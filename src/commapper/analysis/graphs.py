"""The graphs a map is analysed on (docs/analysis.md): G_map, C, C without X, EG and A.

All pure: a document in, a :class:`~commapper.analysis.simple_graph.SimpleGraph` out (A as
sparse matrices). Duplicate edges of one kind between the same pair are merged first
(membership keeps the strongest level and the union of modes; a tie keeps the largest weight; a
crossing keeps the union of its ``via``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np

from commapper.analysis.simple_graph import SimpleGraph
from commapper.model import (
    ACTOR_KINDS,
    CrossingEdge,
    Level,
    MapDocument,
    MembershipEdge,
    NodeKind,
    ObjectUseEdge,
    TieEdge,
)

if TYPE_CHECKING:
    import networkx as nx
    import scipy.sparse as sp


@dataclass
class MergedMaps:
    """The map's edges with duplicates merged, indexed the way the analysis needs them."""

    # node id -> its kind, as the node holds it: the text of a NodeKind, equal to the member
    kinds: dict[str, str]
    # actor id -> community id -> (strongest level, modes)
    memberships: dict[str, dict[str, tuple[Level, frozenset[str]]]] = field(default_factory=dict)
    # community id -> boundary objects used by it
    object_uses: dict[str, set[str]] = field(default_factory=dict)
    # (community, community) as in the file -> union of via
    crossings: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # (source, target) -> (largest weight, directed)
    ties: dict[tuple[str, str], tuple[float, bool]] = field(default_factory=dict)

    @property
    def actors(self) -> list[str]:
        return [node_id for node_id, kind in self.kinds.items() if kind in ACTOR_KINDS]

    @property
    def communities(self) -> list[str]:
        return [node_id for node_id, kind in self.kinds.items() if kind == NodeKind.COMMUNITY]

    def add_membership(self, edge: MembershipEdge) -> None:
        """Count a membership: the strongest level and every mode of an actor's memberships of
        one community."""
        levels = self.memberships.setdefault(edge.source, {})
        modes = frozenset(mode.value for mode in edge.modes)
        if edge.target in levels:
            old_level, old_modes = levels[edge.target]
            strongest = max(old_level, edge.level, key=lambda level: level.strength)
            levels[edge.target] = (strongest, old_modes | modes)
        else:
            levels[edge.target] = (edge.level, modes)

    def communities_of(self, actor: str, *, members_only: bool = False) -> dict[str, Level]:
        """The communities ``actor`` belongs to, with the level; transactional ones dropped
        when ``members_only``."""
        return {
            community: level
            for community, (level, _) in self.memberships.get(actor, {}).items()
            if not (members_only and level == Level.TRANSACTIONAL)
        }


def communities_of(doc: MapDocument, actor: str, *, members_only: bool = False) -> dict[str, Level]:
    """``merge_edges(doc).communities_of(actor, ...)``, reading only the actor's memberships
    (what the window needs after each analysis: merging all of a room map's edges took 70 ms)."""
    merged = MergedMaps(kinds={})
    for edge in doc.edges:
        if edge.source == actor and isinstance(edge, MembershipEdge):
            merged.add_membership(edge)
    return merged.communities_of(actor, members_only=members_only)


def merge_edges(doc: MapDocument) -> MergedMaps:
    """Merge duplicate edges of one kind between the same pair (docs/analysis.md)."""
    merged = MergedMaps(kinds={node.id: node.kind for node in doc.nodes})
    for edge in doc.edges:
        match edge:
            case MembershipEdge():
                merged.add_membership(edge)
            case ObjectUseEdge():
                merged.object_uses.setdefault(edge.target, set()).add(edge.source)
            case CrossingEdge():
                merged.crossings.setdefault((edge.source, edge.target), set()).update(edge.via)
            case TieEdge():
                key = (edge.source, edge.target)
                if not edge.directed:
                    key = (min(key), max(key))
                old_weight, _ = merged.ties.get(key, (0.0, edge.directed))
                merged.ties[key] = (max(old_weight, edge.weight), edge.directed)
    return merged


def map_graph(doc: MapDocument) -> SimpleGraph[str]:
    """G_map: every node and every edge, undirected and simple (a map has no loops)."""
    graph = SimpleGraph(node.id for node in doc.nodes)
    graph.add_edges_from(
        (edge.source, edge.target) for edge in doc.edges if edge.source != edge.target
    )
    return graph


def community_network(merged: MergedMaps, without: Iterable[str] = ()) -> SimpleGraph[str]:
    """C (or C without X): communities, joined when some connector links them.

    A connector is an actor with a membership (any level) in both, a boundary object used by
    both, or a crossing between them (its ``via`` nodes, or the crossing itself when ``via`` is
    empty). Actors in ``without`` do not count, and a crossing whose ``via`` lies entirely in
    ``without`` is dropped. Each edge carries ``connectors``: the ids that link the pair.
    """
    excluded = set(without)
    graph = SimpleGraph(merged.communities)

    def connect(first: str, second: str, connector: str) -> None:
        if first == second:
            return
        if graph.has_edge(first, second):
            graph[first][second]["connectors"].add(connector)
        else:
            graph.add_edge(first, second, connectors={connector})

    for actor, levels in merged.memberships.items():
        if actor not in excluded:
            for first, second in combinations(sorted(levels), 2):
                connect(first, second, actor)
    by_object: dict[str, list[str]] = {}
    for community, objects in merged.object_uses.items():
        for obj in objects:
            by_object.setdefault(obj, []).append(community)
    for obj, communities in by_object.items():
        for first, second in combinations(sorted(communities), 2):
            connect(first, second, obj)
    for (source, target), via in merged.crossings.items():
        if not via:
            connect(source, target, f"crossing:{source}->{target}")
        elif not via <= excluded:
            for connector in sorted(via - excluded):
                connect(source, target, connector)
    return graph


def without_connectors(
    network: SimpleGraph[str], left_out: Iterable[str | None]
) -> SimpleGraph[str]:
    """C without X read from C itself: an edge stays when some connector of it is not in X.
    That is the graph :func:`community_network` builds with ``without=X``, since X holds actors
    and a crossing's connectors are its ``via``, or the crossing itself when ``via`` is empty.
    The edges kept carry C's sets of connectors."""
    excluded = set(left_out)
    graph = SimpleGraph(network)
    for first, second, data in network.edges(data=True):
        if not data["connectors"] <= excluded:
            graph.add_edge(first, second, connectors=data["connectors"])
    return graph


def linked_communities(
    network: SimpleGraph[str], communities: Iterable[str], left_out: Iterable[str | None]
) -> set[str]:
    """The communities joined to any of ``communities`` in C without X (``left_out``), read
    from C itself (``network``) without building C without X."""
    excluded = set(left_out)
    return {
        other
        for community in communities
        for other, data in network[community].items()
        if not data["connectors"] <= excluded
    }


def ego_community_graph(
    communities: SimpleGraph[str], merged: MergedMaps, ego: str
) -> SimpleGraph[str]:
    """EG: C without {ego} (from C, ``communities``), plus ego joined to each of ego's
    communities (any level)."""
    graph = without_connectors(communities, {ego})
    graph.add_node(ego)
    graph.add_edges_from((ego, community) for community in merged.communities_of(ego))
    return graph


def actor_network(merged: MergedMaps) -> nx.Graph:
    """A as a networkx graph: ``me`` and persons; joined by ties (weight kept) and by sharing a
    community. The analysis holds A as :class:`ActorMatrices`; this is A for cross-checks."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(merged.actors)
    for (source, target), (weight, _) in merged.ties.items():
        if source != target:
            old = graph.edges[source, target]["weight"] if graph.has_edge(source, target) else 0
            graph.add_edge(source, target, weight=max(old, weight))
    members: dict[str, list[str]] = {}
    for actor, levels in merged.memberships.items():
        for community in levels:
            members.setdefault(community, []).append(actor)
    for group in members.values():
        for first, second in combinations(sorted(group), 2):
            if not graph.has_edge(first, second):
                graph.add_edge(first, second, weight=1.0)
    return graph


@dataclass(frozen=True)
class ActorMatrices:
    """A as sparse matrices, for maps whose actor network is too large for networkx: a
    popular community is a clique, and 8,600 actors can share 1.6 million ties."""

    actors: list[str]
    communities: list[str]
    # actors x actors, symmetric, zero diagonal: the tie weight (the largest of a pair's ties),
    # or 1 for actors who only share a community
    weights: sp.csr_matrix
    # actors x communities: 1 where the actor is a member (any level)
    memberships: sp.csr_matrix

    def edges(self) -> np.ndarray:
        """Each tie once, as rows of two actor positions (the smaller first)."""
        import scipy.sparse as sp  # here: the window reads merged maps without scipy

        upper = sp.triu(self.weights, k=1).tocoo()
        return np.column_stack([upper.row, upper.col])


def actor_matrices(merged: MergedMaps) -> ActorMatrices:
    """A as :class:`ActorMatrices`; the same ties and weights as :func:`actor_network`."""
    import scipy.sparse as sp  # here: the window reads merged maps without scipy

    actors, communities = merged.actors, merged.communities
    actor_index = {actor: position for position, actor in enumerate(actors)}
    community_index = {community: position for position, community in enumerate(communities)}
    pairs = [
        (actor_index[actor], community_index[community])
        for actor, levels in merged.memberships.items()
        for community in levels
    ]
    rows, cols = zip(*pairs, strict=True) if pairs else ((), ())
    memberships = sp.csr_matrix(
        (np.ones(len(pairs)), (rows, cols)), shape=(len(actors), len(communities))
    )
    sharing = sp.csr_matrix(memberships @ memberships.T)
    sharing.setdiag(0)
    sharing.eliminate_zeros()
    sharing.data[:] = 1.0
    strongest: dict[tuple[int, int], float] = {}
    for (source, target), (weight, _) in merged.ties.items():
        if source != target:
            ends = (actor_index[source], actor_index[target])
            pair = (min(ends), max(ends))
            strongest[pair] = max(strongest.get(pair, 0.0), weight)
    tie_rows = [first for first, _ in strongest] + [second for _, second in strongest]
    tie_cols = [second for _, second in strongest] + [first for first, _ in strongest]
    tie_weights = list(strongest.values()) * 2
    ties = sp.csr_matrix((tie_weights, (tie_rows, tie_cols)), shape=sharing.shape)
    # A tie's weight replaces the 1 of sharing a community, as in actor_network.
    tied = ties.copy()
    tied.data[:] = 1.0
    weights = sp.csr_matrix(sharing - sharing.multiply(tied) + ties)
    weights.eliminate_zeros()
    weights.sort_indices()
    return ActorMatrices(actors, communities, weights, memberships)

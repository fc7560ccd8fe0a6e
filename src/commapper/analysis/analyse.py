"""The whole analysis of a map as plain data: what ``commapper analyse --json`` prints."""

from __future__ import annotations

import json
from collections.abc import Hashable
from typing import cast

import numpy as np
import numpy.typing as npt

from commapper.analysis.breadth import breadth, community_reach
from commapper.analysis.brokerage import (
    betweenness_method,
    betweenness_of_edges,
    betweenness_sources,
    burt_measures,
    ei_index,
    gould_fernandez,
    normalised_betweenness,
    open_pairs,
)
from commapper.analysis.clique_betweenness import clique_betweenness
from commapper.analysis.cuts import cut_structure
from commapper.analysis.findings import findings
from commapper.analysis.graphs import (
    ActorMatrices,
    MergedMaps,
    actor_matrices,
    community_network,
    ego_community_graph,
    map_graph,
    merge_edges,
    without_connectors,
)
from commapper.analysis.result import (
    ActorBrokerage,
    Analysis,
    BreadthByFilter,
    Brokerage,
    EgoBrokerage,
    EIIndex,
    MapCounts,
    NodeBrokerage,
    Roles,
)
from commapper.analysis.simple_graph import SimpleGraph
from commapper.analysis.sparse_brokerage import burt_measures_sparse, gould_fernandez_sparse
from commapper.model import CommunityNode, MapDocument, MeNode, NodeKind, PersonNode, field_names

# Actor networks beyond this many actors take their betweenness in single precision, which
# halves its time there, to a relative error of about 1e-6 (docs/analysis.md).
DOUBLE_PRECISION_ACTORS = 4000
# Searches through the communities up to this many steps (about 4 s; 6.5e9 on the 10,000-node
# benchmark map); beyond, A's betweenness is taken by igraph, sampled to its budget.
CLIQUE_STEPS_BUDGET = 1.5e10


def analyse(doc: MapDocument, *, group_by: str | None = None) -> Analysis:
    """Breadth and brokerage of a map; :func:`~commapper.analysis.result.to_json` gives the
    JSON object of ``analyse --json`` (docs/analysis.md).

    ``group_by`` names a node field (``org``...) or a custom attribute that partitions the
    actors for Gould-Fernandez roles and the E-I index of the actor network; by default actors
    are grouped by their home community (strongest membership, ties to the smallest id).
    Undefined values are None, never NaN; pairs are sorted, lists sorted by id.
    """
    merged = merge_edges(doc)
    ego = doc.ego.id if doc.ego else None
    full_map = map_graph(doc)
    communities = community_network(merged)
    without_ego = without_connectors(communities, {ego}) if ego else communities
    actors = actor_matrices(merged)
    # Exact betweenness where it fits the time budget, else sampled sources (docs/analysis.md);
    # on A always exact, its searches taken through the community cliques.
    map_sources = betweenness_sources(full_map.number_of_nodes(), full_map.number_of_edges())
    community_sources = betweenness_sources(
        communities.number_of_nodes(), communities.number_of_edges()
    )
    # Every graph here is made from the map: its nodes are the map's ids.
    betweenness = cast("dict[str, float]", normalised_betweenness(full_map, sources=map_sources))
    actor_betweenness, actor_method = _actor_betweenness(actors)
    articulation_points, bridges, articulation_without_ego = cast(
        "tuple[list[str], list[tuple[str, str]], list[str]]", cut_structure(full_map, ego)
    )
    articulation = set(articulation_points)
    actor_groups = _actor_partition(doc, merged, group_by)
    ego_brokerage = None if ego is None else _ego_brokerage(doc, merged, communities, ego)

    brokerage = Brokerage(
        nodes={
            node.id: NodeBrokerage(node.kind, betweenness[node.id], node.id in articulation)
            for node in sorted(doc.nodes, key=lambda node: node.id)
        },
        ego=ego_brokerage,
        actors=_actor_brokerage(merged, actors, communities, actor_groups, ego),
        articulation_points=tuple(articulation_points),
        articulation_points_without_ego=tuple(articulation_without_ego),
        bridges=tuple(bridges),
        silos_strict=_silos(communities),
        silos_excluding_ego=_silos(without_ego),
        actor_betweenness=_sorted_dict(
            dict(zip(actors.actors, actor_betweenness.tolist(), strict=True))
        ),
        community_betweenness=_sorted_dict(
            cast("dict[str, float]", normalised_betweenness(communities, sources=community_sources))
        ),
        betweenness_method={
            "map": betweenness_method(full_map.number_of_nodes(), map_sources),
            "actors": actor_method,
            "communities": betweenness_method(communities.number_of_nodes(), community_sources),
        },
    )
    found = findings(
        doc,
        merged,
        full_map,
        communities,
        betweenness,
        open_pairs=list(ego_brokerage.open_pairs) if ego_brokerage else [],
        estimated=map_sources is not None,
    )
    return Analysis(
        map=MapCounts(
            title=doc.title,
            n_nodes=len(doc.nodes),
            n_edges=len(doc.edges),
            by_kind={kind.value: sum(n.kind == kind for n in doc.nodes) for kind in NodeKind},
        ),
        ego=ego,
        breadth=None
        if ego is None
        else BreadthByFilter(
            all_levels=breadth(doc, merged, communities, ego),
            members_only=breadth(doc, merged, communities, ego, members_only=True),
        ),
        brokerage=brokerage,
        community_network=_ei_index("sector", communities, _sector_partition(doc, communities)),
        actor_network=None
        if group_by is None
        else _ei_index(group_by, _edge_graph(actors.actors, actors.edges()), actor_groups),
        findings=tuple(found),
    )


def _actor_betweenness(actors: ActorMatrices) -> tuple[npt.NDArray[np.float64], str]:
    """A's betweenness and how it was taken: exact through the communities, unless that
    search would be too long (A made of long paths rather than cliques), then by igraph."""
    n = len(actors.actors)
    single = n > DOUBLE_PRECISION_ACTORS
    values = clique_betweenness(
        actors.weights,
        actors.memberships,
        dtype=np.float32 if single else np.float64,
        max_steps=CLIQUE_STEPS_BUDGET,
    )
    if values is not None:
        return values, "exact (single precision)" if single else "exact"
    edges = actors.edges()
    sources = betweenness_sources(n, len(edges))
    return betweenness_of_edges(n, edges, sources=sources), betweenness_method(n, sources)


def _ego_brokerage(
    doc: MapDocument, merged: MergedMaps, communities: SimpleGraph[str], ego: str
) -> EgoBrokerage:
    graph = ego_community_graph(communities, merged, ego)
    measures = burt_measures(graph)[ego]
    groups = {ego: "inside"} | {
        community: _org_group(doc, community) for community in graph if community != ego
    }
    pairs = sorted(tuple(sorted(pair)) for pair in open_pairs(graph, ego))
    return EgoBrokerage(
        **measures,
        open_pairs=tuple((first, second) for first, second in pairs),
        gould_fernandez=Roles(**gould_fernandez(graph, groups)[ego], partition="inside_org"),
    )


def _org_group(doc: MapDocument, community: str) -> str:
    node = doc.node(community)
    inside = node.inside_org if isinstance(node, CommunityNode) else None
    if inside is None:
        return f"unknown:{community}"  # an unknown value is a group of its own
    return "inside" if inside else "outside"


def _actor_brokerage(
    merged: MergedMaps,
    actors: ActorMatrices,
    communities: SimpleGraph[str],
    groups: dict[str, Hashable],
    ego: str | None,
) -> dict[str, ActorBrokerage]:
    # A is held as sparse matrices: a popular community makes a clique of thousands of ties.
    measures = burt_measures_sparse(actors.actors, actors.weights, actors.memberships)
    roles = gould_fernandez_sparse(
        actors.actors,
        actors.weights,
        [groups[actor] for actor in actors.actors],
        actors.memberships,
    )
    return {
        actor: ActorBrokerage(
            **measures[actor],
            community_reach=community_reach(communities, merged, actor, ego),
            gould_fernandez=Roles(**roles[actor]),
        )
        for actor in sorted(actors.actors)
    }


def _edge_graph(nodes: list[str], edges: np.ndarray) -> SimpleGraph[str]:
    graph = SimpleGraph(nodes)
    graph.add_edges_from((nodes[first], nodes[second]) for first, second in edges.tolist())
    return graph


def group_by_choices(doc: MapDocument) -> set[str]:
    """What actors can usefully be grouped by (``--group-by``): their organisation, colour and
    custom attributes, where some actor has a value."""
    choices: set[str] = set()
    for node in doc.nodes:
        if isinstance(node, MeNode | PersonNode):
            values = {**node.attributes, "org": node.org, "color": node.color}
            choices.update(name for name, value in values.items() if value not in ("", None))
    return choices


def _actor_partition(
    doc: MapDocument, merged: MergedMaps, group_by: str | None
) -> dict[str, Hashable]:
    """Each actor's group: the ``group_by`` value, or its home community by default."""
    groups: dict[str, Hashable] = {}
    for actor in merged.actors:
        value: object
        if group_by is None:
            levels = merged.communities_of(actor)
            value = min(levels, key=lambda c: (-levels[c].strength, c)) if levels else None
        else:
            node = doc.node(actor)
            value = getattr(node, group_by, None) if group_by in field_names(type(node)) else None
            if value is None:
                value = node.attributes.get(group_by)
        groups[actor] = ("own", actor) if value is None or value == "" else _group_key(value)
    return groups


def _group_key(value: object) -> tuple[str, str, object]:
    """A group by value, keeping its JSON type: ``true``, ``1`` and ``"1"`` are three groups
    (in Python ``True == 1``, so the value alone would join them); 1 and 1.0 are one number."""
    if isinstance(value, bool):
        return ("value", "boolean", value)
    if isinstance(value, int | float):
        return ("value", "number", value)
    return ("value", "text", value)


def _sector_partition(doc: MapDocument, communities: SimpleGraph[str]) -> dict[str, Hashable]:
    return {
        community: _sector(doc, community) or f"(no sector: {community})"
        for community in communities
    }


def _sector(doc: MapDocument, community: str) -> str | None:
    node = doc.node(community)
    return node.sector if isinstance(node, CommunityNode) else None


def _ei_index(partition: str, graph: SimpleGraph[str], groups: dict[str, Hashable]) -> EIIndex:
    block = ei_index(graph, groups)
    return EIIndex(
        partition=partition,
        ei=block["ei"],
        group_ei={_group_label(group): value for group, value in block["group_ei"].items()},
        ei_baseline=block["ei_baseline"],
        external_ties=block["external_ties"],
        internal_ties=block["internal_ties"],
    )


def _group_label(group: Hashable) -> str:
    """How a group is named in ``group_ei``: text as it is, unless it reads as a number, true,
    false or null, which are written as JSON (``1``, ``true``) and such text quoted (``"1"``)."""
    if not isinstance(group, tuple):
        return str(group)
    if group[0] == "own":
        return f"(own group: {group[1]})"
    _, json_type, value = group
    if json_type == "text" and not _reads_as_json_scalar(str(value)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _reads_as_json_scalar(text: str) -> bool:
    try:
        return not isinstance(json.loads(text), str | list | dict)
    except ValueError:
        return False


def _silos(network: SimpleGraph[str]) -> tuple[str, ...]:
    if network.number_of_nodes() < 2:
        return ()
    return tuple(sorted(node for node in network if not network[node]))


def _sorted_dict(values: dict[str, float]) -> dict[str, float]:
    return {key: values[key] for key in sorted(values)}

"""What drops away with a node: the part of the map a what-if greys out.

Removing node X (with its edges, and any crossing whose ``via`` is X alone, as in
:func:`commapper.analysis.whatif.what_if`) leaves G_map without X. With a ``me`` node, a node
*drops away* when it has no path left to me in that graph: I would lose touch with it. Without
``me`` (or when X is me), the reference is the largest connected piece of what remained of X's
own component (ties broken by the smallest id), and a node of X's component outside that piece
drops away. An edge drops away when it is removed with X or touches a node that drops away.
"""

from __future__ import annotations

from commapper.analysis.graphs import map_graph
from commapper.analysis.simple_graph import SimpleGraph, component_of, connected_components
from commapper.model import CrossingEdge, MapDocument


def removed_with(doc: MapDocument, node_id: str) -> list[str]:
    """The ids a what-if removes: the node, its edges, and crossings only it carried."""
    edges = [
        edge.id
        for edge in doc.edges
        if node_id in (edge.source, edge.target)
        or (isinstance(edge, CrossingEdge) and edge.via and set(edge.via) == {node_id})
    ]
    return [node_id, *edges]


def fallout(doc: MapDocument, node_id: str) -> dict[str, list[str]]:
    """The nodes and edges that drop away without ``node_id`` (the module says how).

    Returns ``{"nodes": [...], "edges": [...]}``, sorted; ``node_id`` itself is in ``nodes``.

    Examples
    --------
    >>> from commapper.model import MapDocument
    >>> fallout(MapDocument.new(), "x")
    {'nodes': [], 'edges': []}
    """
    if not doc.has_node(node_id):
        return {"nodes": [], "edges": []}
    removed = set(removed_with(doc, node_id))
    component = component_of(map_graph(doc), node_id)
    graph = SimpleGraph(node.id for node in doc.nodes if node.id != node_id)
    graph.add_edges_from(
        (edge.source, edge.target)
        for edge in doc.edges
        if edge.id not in removed and edge.source != edge.target
    )
    ego = doc.ego.id if doc.ego else None
    if ego is not None and ego != node_id:
        kept = component_of(graph, ego)
    else:
        pieces = connected_components(graph, within=component - {node_id})
        kept = min(pieces, key=lambda piece: (-len(piece), min(piece)), default=set())
        kept |= set(graph) - component
    lost = {node_id} | (set(graph) - kept)
    edges = [
        edge.id
        for edge in doc.edges
        if edge.id in removed or edge.source in lost or edge.target in lost
    ]
    return {"nodes": sorted(lost), "edges": sorted(edges)}

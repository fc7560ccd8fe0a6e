"""Cut structure of a graph: its articulation points and bridges, with or without one node."""

from __future__ import annotations

from collections.abc import Hashable

import igraph
import networkx as nx


def cut_structure(
    graph: nx.Graph, without: Hashable | None = None
) -> tuple[list[Hashable], list[tuple[Hashable, Hashable]], list[Hashable]]:
    """The articulation points and bridges of an undirected graph, and its articulation
    points once ``without`` is removed (the same as the first when ``without`` is None).

    Hopcroft and Tarjan's depth-first search, in igraph's C: networkx's takes about a second
    on a 10,000-node map, and removing a node from a copy of it another half.

    Returns
    -------
    tuple
        Articulation points, bridges (each pair sorted), articulation points without
        ``without``; every list sorted.

    Examples
    --------
    >>> cut_structure(nx.path_graph(4), without=1)
    ([1, 2], [(0, 1), (1, 2), (2, 3)], [])

    References
    ----------
    Hopcroft, J. and Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
    manipulation. Communications of the ACM 16(6), 372-378.
    """
    nodes = list(graph)
    index = {node: position for position, node in enumerate(nodes)}
    fast = igraph.Graph(
        n=len(nodes), edges=[(index[u], index[v]) for u, v in graph.edges() if u != v]
    )
    articulation = sorted(nodes[position] for position in fast.articulation_points())
    bridges = sorted(
        tuple(sorted((nodes[fast.es[edge].source], nodes[fast.es[edge].target])))
        for edge in fast.bridges()
    )
    if without is None:
        return articulation, bridges, articulation
    fast.delete_vertices([index[without]])
    remaining = [node for node in nodes if node != without]
    return articulation, bridges, sorted(remaining[p] for p in fast.articulation_points())

"""Cut structure of a graph: its articulation points and bridges, with or without one node."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from commapper.analysis.simple_graph import AnyGraph, connected_components


def cut_structure(
    graph: AnyGraph, without: Hashable | None = None
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
    >>> import networkx as nx
    >>> cut_structure(nx.path_graph(4), without=1)
    ([1, 2], [(0, 1), (1, 2), (2, 3)], [])

    References
    ----------
    Hopcroft, J. and Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
    manipulation. Communications of the ACM 16(6), 372-378.
    """
    import igraph  # here: the window imports this module for its results, and igraph is slow

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


_Node = TypeVar("_Node", bound=Hashable)


class Separations(Generic[_Node]):
    """What removing each single node cuts off, found in one depth-first search per component.

    Generic in the type of the graph's nodes, which a caller may state (``Separations[str]``):
    networkx graphs do not carry it.

    With a ``root``, only the root's component is searched, and what a node cuts off is what it
    separates from the root. Without one, it is what it separates from the largest part left of
    its component (ties to the part the search meets first).

    A child c of v in the search tree hangs from v alone when low(c) >= disc(v) (Hopcroft and
    Tarjan); the search lists each subtree as one run of its order, so a part is held as a range.

    Examples
    --------
    >>> import networkx as nx
    >>> separations = Separations(nx.path_graph(5), root=0)
    >>> separations.sizes(lambda node: node == 4)
    {1: (3, 1), 2: (2, 1), 3: (1, 1)}
    >>> sorted(separations.cut_off(2))
    [3, 4]
    """

    def __init__(self, graph: AnyGraph, root: _Node | None = None) -> None:
        self._order: list[_Node] = []
        # node -> the ranges of the search order that removing it cuts off
        self._cut: dict[_Node, list[tuple[int, int]]] = {}
        if root is not None:
            self._search(graph, root, rooted=True)
        else:
            for component in connected_components(graph):
                if len(component) > 2:
                    self._search(graph, min(component, key=str), rooted=False)

    def sizes(self, counted: Callable[[_Node], bool]) -> dict[_Node, tuple[int, int]]:
        """For each node that cuts something off: how many nodes, and how many of them
        ``counted`` picks."""
        picked = [0]
        for node in self._order:
            picked.append(picked[-1] + counted(node))
        return {
            node: (
                sum(end - start for start, end in ranges),
                sum(picked[end] - picked[start] for start, end in ranges),
            )
            for node, ranges in self._cut.items()
        }

    def cut_off(self, node: _Node) -> set[_Node]:
        """The nodes that removing ``node`` cuts off (empty when it cuts off nothing)."""
        return {self._order[i] for start, end in self._cut.get(node, ()) for i in range(start, end)}

    def _search(self, graph: AnyGraph, start: _Node, *, rooted: bool) -> None:
        first = len(self._order)
        disc = {start: first}
        low = {start: first}
        parent: dict[_Node, _Node] = {}
        children: dict[_Node, list[_Node]] = {start: []}
        self._order.append(start)
        stack = [(start, iter(graph[start]))]
        while stack:
            node, neighbours = stack[-1]
            for neighbour in neighbours:
                if neighbour not in disc:
                    disc[neighbour] = low[neighbour] = len(self._order)
                    self._order.append(neighbour)
                    parent[neighbour] = node
                    children[neighbour] = []
                    children[node].append(neighbour)
                    stack.append((neighbour, iter(graph[neighbour])))
                    break
                if neighbour != parent.get(node):
                    low[node] = min(low[node], disc[neighbour])
            else:
                stack.pop()
                if node in parent:
                    low[parent[node]] = min(low[parent[node]], low[node])
        end = len(self._order)
        size = dict.fromkeys(disc, 1)
        for position in range(end - 1, first, -1):
            node = self._order[position]
            size[parent[node]] += size[node]
        for node, kids in children.items():
            if node == start:
                hanging = kids if len(kids) > 1 else []
                if rooted:
                    continue  # the root is what things are cut off from
            else:
                hanging = [kid for kid in kids if low[kid] >= disc[node]]
            if not hanging:
                continue
            parts = [(disc[kid], disc[kid] + size[kid]) for kid in hanging]
            if not rooted:
                parts = self._all_but_largest(parts, first, end, disc[node], node == start)
            self._cut[node] = parts

    @staticmethod
    def _all_but_largest(
        parts: list[tuple[int, int]], first: int, end: int, position: int, is_start: bool
    ) -> list[tuple[int, int]]:
        """Every piece but the largest, which stays: the pieces are the hanging subtrees and,
        but for the search's start, the part above the node (the rest of the component: its
        range without the node and the subtrees). Ties go to the piece met first."""
        sizes = [stop - begin for begin, stop in parts]
        above = (end - first) - 1 - sum(sizes)
        if not is_start and above >= max(sizes):
            return parts
        largest = sizes.index(max(sizes))
        kept = parts[:largest] + parts[largest + 1 :]
        cursor = first
        for begin, stop in sorted([*parts, (position, position + 1)]):
            if cursor < begin:
                kept.append((cursor, begin))
            cursor = stop
        if cursor < end:
            kept.append((cursor, end))
        return kept

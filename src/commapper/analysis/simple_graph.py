"""The undirected graphs a map is analysed on, held as a dict of neighbour dicts, without networkx.

Importing networkx takes longer than ``commapper analyse`` spends on a 1,000-node map's
betweenness, and the analysis asks only a few things of a graph. :class:`SimpleGraph` answers
them in the words networkx uses (``graph[node]``, ``graph.edges(data=True)``,
``graph.number_of_nodes()``...), so the analysis functions take a networkx graph as well, and the
tests hold them to networkx's own algorithms.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, TypeVar, overload

if TYPE_CHECKING:
    import networkx as nx

#: What the analysis functions take: a :class:`SimpleGraph`, or a networkx graph (untyped).
AnyGraph: TypeAlias = "SimpleGraph[Any] | nx.Graph"

EdgeData: TypeAlias = dict[str, Any]
_Node = TypeVar("_Node", bound=Hashable)


class SimpleGraph(Generic[_Node]):
    """An undirected graph without loops or parallel edges; an edge holds a dict of data, the
    same dict seen from either end.

    Nodes and edges are met in the order they were added, as in networkx, so the figures
    computed from one do not depend on which of the two holds the graph.

    Examples
    --------
    >>> graph = SimpleGraph(["a", "b", "c"])
    >>> graph.add_edge("a", "b", connectors={"p1"})
    >>> sorted(graph["a"]), graph.number_of_edges(), list(graph.edges())
    (['b'], 1, [('a', 'b')])
    """

    __slots__ = ("_adjacency",)

    def __init__(self, nodes: Iterable[_Node] = ()) -> None:
        self._adjacency: dict[_Node, dict[_Node, EdgeData]] = {node: {} for node in nodes}

    def __iter__(self) -> Iterator[_Node]:
        return iter(self._adjacency)

    def __len__(self) -> int:
        return len(self._adjacency)

    def __contains__(self, node: object) -> bool:
        return node in self._adjacency

    def __getitem__(self, node: _Node) -> Mapping[_Node, EdgeData]:
        """The neighbours of ``node``, each with the data of the edge to it."""
        return self._adjacency[node]

    def is_directed(self) -> bool:
        return False

    def number_of_nodes(self) -> int:
        return len(self._adjacency)

    def number_of_edges(self) -> int:
        return sum(map(len, self._adjacency.values())) // 2

    def add_node(self, node: _Node) -> None:
        self._adjacency.setdefault(node, {})

    def add_edge(self, first: _Node, second: _Node, **data: Any) -> None:
        """Join two nodes (added if new); on an edge already there, ``data`` updates its dict."""
        if first == second:
            raise ValueError(f"a simple graph has no loops: {first!r}")
        neighbours = self._adjacency.setdefault(first, {})
        if second in neighbours:
            neighbours[second].update(data)
            return
        neighbours[second] = self._adjacency.setdefault(second, {})[first] = data

    def add_edges_from(self, pairs: Iterable[tuple[_Node, _Node]]) -> None:
        for first, second in pairs:
            self.add_edge(first, second)

    def has_edge(self, first: _Node, second: _Node) -> bool:
        return second in self._adjacency.get(first, {})

    @overload
    def edges(self, data: Literal[False] = False) -> Iterator[tuple[_Node, _Node]]: ...

    @overload
    def edges(self, data: Literal[True]) -> Iterator[tuple[_Node, _Node, EdgeData]]: ...

    def edges(
        self, data: bool = False
    ) -> Iterator[tuple[_Node, _Node]] | Iterator[tuple[_Node, _Node, EdgeData]]:
        """Each edge once, from the end added first (as networkx gives them)."""
        return self._edges_with_data() if data else self._edge_pairs()

    def _edge_pairs(self) -> Iterator[tuple[_Node, _Node]]:
        seen: set[_Node] = set()
        for node, neighbours in self._adjacency.items():
            for other in neighbours:
                if other not in seen:
                    yield node, other
            seen.add(node)

    def _edges_with_data(self) -> Iterator[tuple[_Node, _Node, EdgeData]]:
        seen: set[_Node] = set()
        for node, neighbours in self._adjacency.items():
            for other, data in neighbours.items():
                if other not in seen:
                    yield node, other, data
            seen.add(node)


def connected_components(
    graph: SimpleGraph[_Node] | nx.Graph, within: Collection[_Node] | None = None
) -> Iterator[set[_Node]]:
    """The node sets of the connected components of ``graph``, or of its subgraph on the nodes
    ``within``; in the order of their first nodes in the graph.

    Examples
    --------
    >>> graph = SimpleGraph("abcd")
    >>> graph.add_edges_from([("a", "b"), ("b", "c")])
    >>> [sorted(part) for part in connected_components(graph)]
    [['a', 'b', 'c'], ['d']]
    >>> [sorted(part) for part in connected_components(graph, within="acd")]
    [['a'], ['c'], ['d']]
    """
    seen: set[_Node] = set()
    for node in graph:
        if node not in seen and (within is None or node in within):
            component = component_of(graph, node, within)
            seen |= component
            yield component


def component_of(
    graph: SimpleGraph[_Node] | nx.Graph, node: _Node, within: Collection[_Node] | None = None
) -> set[_Node]:
    """The nodes ``node`` reaches in ``graph`` (in its subgraph on ``within``), itself included."""
    reached = {node}
    front = [node]
    while front:
        step = []
        for current in front:
            for neighbour in graph[current]:
                if neighbour not in reached and (within is None or neighbour in within):
                    reached.add(neighbour)
                    step.append(neighbour)
        front = step
    return reached

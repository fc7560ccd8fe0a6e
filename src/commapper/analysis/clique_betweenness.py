"""Exact betweenness of a graph made mostly of cliques, such as the actor network A.

A joins everyone who shares a community, so it is a union of cliques: 8,600 actors of a
10,000-node map have 1.6 million ties, and Brandes' algorithm, which visits every tie once per
source, would take minutes. Here the breadth-first searches run through the cliques instead:
with B the actors x communities incidence, A = B Bᵀ + X off the diagonal, where X is sparse (the
ties between actors who share no community, and -(k-1) for a pair that shares k communities,
so that each tie of A counts once). A step of the search from a set of nodes is then a product
with B, with Bᵀ and with X: about 110,000 entries on that map instead of 3.2 million. Many
sources are searched at once, as the columns of dense blocks.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import igraph
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from commapper.analysis.factored import off_diagonal

# Sources searched at once: a row of each n x k block of this many bytes kept the blocks in
# cache best on the benchmark maps (64 sources in single precision, 32 in double).
_ROW_BYTES = 256

# Path counts and dependencies, in the precision asked for (single or double).
Counts: TypeAlias = npt.NDArray[np.floating[Any]]


def clique_betweenness(
    adjacency: sp.spmatrix,
    incidence: sp.spmatrix,
    *,
    dtype: type[np.floating[Any]] = np.float64,
    block: int | None = None,
    max_steps: float | None = None,
) -> npt.NDArray[np.float64] | None:
    """Brandes betweenness of every node of an undirected graph, normalised by
    2/((n-1)(n-2)) (0 when n <= 2), with the searches taken through its cliques.

    Exact: every node is a source, and the path counts sigma and dependencies delta are
    those of Brandes (2001), level by level. With F the path counts of the nodes at distance
    d from each source (one column per source, 0 elsewhere), those at distance d + 1 are the
    unvisited nodes where A F > 0, with counts (A F); going back, the dependency of a node u at
    distance d is sigma_u (A w)_u, with w_v = (1 + delta_v) / sigma_v on distance d + 1.
    A F is computed as B (Bᵀ F) + X F, which tells exactly which nodes are neighbours because
    B Bᵀ + max(X, 0) has no negative term.

    Parameters
    ----------
    adjacency : scipy.sparse matrix
        n x n, symmetric; any stored non-zero off the diagonal is an edge (weights are not
        used: the graph is unweighted).
    incidence : scipy.sparse matrix
        n x c; any stored non-zero puts the node in clique c. Every pair of nodes sharing a
        clique must be adjacent. Any such incidence gives the same figures (an empty one
        too); one whose cliques hold most edges makes them fast.
    dtype : numpy dtype
        Of the path counts and dependencies: float64 agrees with igraph to about 1e-12;
        float32 halves the time on large graphs, to a relative error of about 1e-6.
    block : int, optional
        Sources searched at once; by default as many as 256 bytes a row hold.
    max_steps : float, optional
        Give up (return None) when the searches would take more than this many steps:
        sources x (2 e + 1) x (2 nnz(B) + nnz(X) + n), e the eccentricity of the node of
        highest degree. Every step of the search is a product over the whole graph, so a graph
        of long paths costs far more than one of cliques. About 3e-10 s a step in single
        precision, 5e-10 s in double, on the 2-core machine of the bars.

    Returns
    -------
    numpy.ndarray or None
        The normalised betweenness of each node, in the order of the rows; None when the
        search would exceed ``max_steps``.

    Raises
    ------
    ValueError
        When two nodes share a clique of ``incidence`` but are not adjacent.

    Examples
    --------
    >>> import numpy as np
    >>> triangles = np.array([[1.0, 0], [1, 0], [1, 1], [0, 1], [0, 1]])  # two, sharing node 2
    >>> bowtie = sp.csr_matrix(triangles @ triangles.T)
    >>> clique_betweenness(bowtie, triangles).round(3).tolist()
    [0.0, 0.0, 0.667, 0.0, 0.0]

    References
    ----------
    Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25(2),
    163-177.
    """
    pattern = _pattern(adjacency)
    n: int = pattern.shape[0]
    if n <= 2:
        return np.zeros(n)
    members = sp.csr_matrix(incidence, dtype=np.float64, copy=True)
    members.data[:] = 1.0
    members.sum_duplicates()
    members.data[:] = 1.0
    rest = sp.csr_matrix(pattern - members @ members.T)
    rest.setdiag(0)  # a node's own entry never joins two distances: see _dependencies
    rest.eliminate_zeros()
    if (rest - rest.multiply(pattern)).nnz:
        raise ValueError("two nodes share a clique of the incidence but are not adjacent")
    positive = rest.multiply(rest > 0).tocsr()
    negative = rest.multiply(rest < 0).tocsr()
    products = _Products(
        sp.csr_matrix(members, dtype=dtype),
        sp.csr_matrix(members.T, dtype=dtype),
        positive.astype(dtype),
        negative.astype(dtype),
        rest.astype(dtype),
    )
    if max_steps is not None and _steps(pattern, members, rest) > max_steps:
        return None
    component_size = _component_sizes(members, positive)
    total = np.zeros(n)
    block = block or _ROW_BYTES // np.dtype(dtype).itemsize
    for start in range(0, n, block):
        sources = np.arange(start, min(n, start + block))
        levels = _levels(pattern, products, sources, component_size[sources], dtype)
        total += _dependencies(products, levels)
    return total / 2 * (2 / ((n - 1) * (n - 2)))


def _pattern(adjacency: sp.spmatrix) -> sp.csr_matrix:
    pattern = off_diagonal(abs(sp.csr_matrix(adjacency)))  # weights of opposite sign never cancel
    pattern.data[:] = 1.0
    return pattern


def _steps(pattern: sp.csr_matrix, members: sp.csr_matrix, rest: sp.csr_matrix) -> float:
    """The work of the searches: see ``max_steps`` in :func:`clique_betweenness`."""
    n: int = pattern.shape[0]
    hub = int(np.argmax(np.diff(pattern.indptr)))
    entries: int = 2 * members.nnz + rest.nnz + n
    return n * (2 * _eccentricity(pattern, hub) + 1) * entries


def _eccentricity(pattern: sp.csr_matrix, node: int) -> int:
    """How many steps a breadth-first search from ``node`` takes to reach its whole component."""
    reached = np.zeros(pattern.shape[0], dtype=bool)
    reached[node] = True
    front = reached.astype(float)
    depth = 0
    while True:
        step = (pattern @ front > 0) & ~reached
        if not step.any():
            return depth
        reached |= step
        front = step.astype(float)
        depth += 1


def _component_sizes(members: sp.csr_matrix, ties: sp.csr_matrix) -> npt.NDArray[np.intp]:
    """The size of each node's connected component, in the graph whose edges are the pairs that
    share a clique of ``members`` and the pairs ``ties`` stores.

    Found by igraph in the small graph of the nodes and the cliques, each node joined to its
    cliques and to its ties: nodes are connected there exactly when they are in the graph, and
    it has a few edges a node where the graph has one per pair in a clique. (scipy's csgraph
    would do it on the graph itself, but importing it, with the scipy.linalg it brings, adds a
    tenth of a second to every ``commapper analyse``.)
    """
    n, cliques = members.shape
    belongs = members.tocoo()
    tied = sp.triu(ties, k=1).tocoo()
    edges = np.concatenate(
        [
            np.column_stack([belongs.row, n + belongs.col]),
            np.column_stack([tied.row, tied.col]),
        ]
    )
    graph = igraph.Graph(n=n + cliques, edges=edges.tolist())
    component = np.array(graph.connected_components().membership[:n], dtype=np.intp)
    sizes: npt.NDArray[np.intp] = np.bincount(component)[component]
    return sizes


class _Products:
    """A F through the cliques: B (Bᵀ F) + X F, or only its non-negative part."""

    def __init__(
        self,
        members: sp.csr_matrix,
        members_transposed: sp.csr_matrix,
        positive: sp.csr_matrix,
        negative: sp.csr_matrix,
        rest: sp.csr_matrix,
    ) -> None:
        self.members, self.members_transposed = members, members_transposed
        self.positive, self.negative, self.rest = positive, negative, rest

    def through_cliques(self, front: Counts) -> Counts:
        product: Counts = self.members @ (self.members_transposed @ front)
        return product

    def adjacency(self, values: Counts) -> Counts:
        product: Counts = self.through_cliques(values) + self.rest @ values
        return product


def _levels(
    pattern: sp.csr_matrix,
    products: _Products,
    sources: npt.NDArray[np.intp],
    reachable: npt.NDArray[np.intp],
    dtype: type[np.floating[Any]],
) -> list[Counts]:
    """The path counts sigma of the nodes at distance 1, 2, ... from each source (a column
    each, 0 off that distance): the forward half of Brandes' algorithm."""
    columns = np.arange(len(sources))
    front: Counts = np.ascontiguousarray(pattern[sources].toarray().T, dtype=dtype)  # distance 1
    unvisited = front == 0
    unvisited[sources, columns] = False
    found = len(sources) + np.count_nonzero(front)
    levels = [front]
    while found < reachable.sum():
        counts = products.through_cliques(front)
        counts += products.positive @ front
        new = counts > 0  # a non-negative sum: positive exactly at the neighbours
        new &= unvisited
        unvisited ^= new
        found += np.count_nonzero(new)
        counts += products.negative @ front
        counts *= new
        front = counts
        levels.append(front)
    return levels


def _dependencies(products: _Products, levels: list[Counts]) -> npt.NDArray[np.float64]:
    """Each node's dependencies summed over the sources of ``levels``: the backward half.

    A node's own entry of X is left out: w is non-zero on distance d + 1 only, and A w is read
    on distance d only, so the diagonal never contributes.
    """
    n = levels[0].shape[0]
    total = np.zeros(n)
    through = None  # A w of the distance beyond this one
    for depth in range(len(levels) - 1, 0, -1):
        counts = levels[depth]
        on_level = counts > 0
        inverse = np.divide(1, counts, out=np.zeros_like(counts), where=on_level)
        if through is None:
            weights = inverse  # the farthest nodes depend on nobody: w = 1 / sigma
        else:
            weights = through  # w = 1 / sigma + (A w'), on this distance only
            weights *= on_level
            weights += inverse
        through = products.adjacency(weights)
        total += np.einsum("ij,ij->i", levels[depth - 1], through)  # delta = sigma (A w)
    return total

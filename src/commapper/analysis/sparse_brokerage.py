"""Burt's measures and Gould-Fernandez roles of a large undirected graph held as sparse matrices.

The same formulas as :mod:`commapper.analysis.brokerage` (docs/analysis.md), written as products
read on the graph's ties; the products go through :class:`~commapper.analysis.factored.Factored`
so that the actor network's community cliques never have to be multiplied tie by tie.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

import numpy as np
import scipy.sparse as sp

from commapper.analysis.brokerage import BurtFigures, RoleCounts, burt_figures, role_counts
from commapper.analysis.factored import (
    Factored,
    off_diagonal,
    products_on_pattern,
    reverse_entries,
)

_Node = TypeVar("_Node", bound=Hashable)


def _canonical(matrix: sp.spmatrix) -> sp.csr_matrix:
    return off_diagonal(matrix)  # Burt's measures and brokerage ignore self-loops


def burt_measures_sparse(
    nodes: Sequence[_Node], strengths: sp.spmatrix, incidence: sp.spmatrix | None = None
) -> dict[_Node, BurtFigures]:
    """Burt's degree, effective size, efficiency, constraint and hierarchy of every node.

    Parameters
    ----------
    nodes : sequence
        The node of each row.
    strengths : scipy.sparse matrix
        Symmetric, a_ij + a_ji (up to a common factor, which the measures do not see) for every
        tied pair; the diagonal is ignored.
    incidence : scipy.sparse matrix, optional
        nodes x groups; products go through it (see :class:`Factored`). Any incidence gives
        the same figures: a good one (the communities whose cliques make most ties) makes
        them fast.

    Returns
    -------
    dict
        As :func:`commapper.analysis.brokerage.burt_measures`.

    Examples
    --------
    >>> import numpy as np
    >>> star = sp.csr_matrix(np.array([[0.0, 1, 1, 1], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]]))
    >>> burt_measures_sparse("abcd", star)["a"]["effective_size"]
    3.0

    References
    ----------
    Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard UP.
    """
    weights = _canonical(strengths)
    n = weights.shape[0]
    if incidence is None:
        incidence = sp.csr_matrix((n, 0))
    factored = Factored.of(weights, incidence)
    degree = np.diff(weights.indptr)
    rows = np.repeat(np.arange(n), degree)
    cols = weights.indices
    total = np.asarray(weights.sum(axis=1)).ravel()
    largest = np.zeros(n)
    has_ties = degree > 0
    largest[has_ties] = np.maximum.reduceat(weights.data, weights.indptr[:-1][has_ties])
    inverse_total = np.divide(1.0, total, out=np.zeros(n), where=total > 0)

    share = weights.data * inverse_total[rows]
    # sum_q p_iq p_qj = (W diag(1/s) W)_ij / s_i; sum_q p_iq m_jq = (W W)_ij / (s_i max_j)
    through_shares, through_ties = products_on_pattern(
        [(factored, inverse_total), (factored, None)], factored, weights
    )
    local = (share + through_shares * inverse_total[rows]) ** 2
    redundancy_terms = through_ties * inverse_total[rows]
    redundancy_terms /= np.where(largest[cols] > 0, largest[cols], 1.0)
    constraint = np.bincount(rows, local, minlength=n)
    redundancy = np.bincount(rows, redundancy_terms, minlength=n)
    mean = np.divide(constraint, degree, out=np.zeros(n), where=degree > 0)
    ratios = np.divide(local, mean[rows], out=np.zeros_like(local), where=mean[rows] > 0)
    positive = ratios > 0
    ratio_terms = np.zeros_like(ratios)
    ratio_terms[positive] = ratios[positive] * np.log(ratios[positive])
    ratio_sum = np.bincount(rows, ratio_terms, minlength=n)

    results: dict[_Node, BurtFigures] = {}
    for position, node in enumerate(nodes):
        results[node] = burt_figures(
            int(degree[position]), redundancy[position], constraint[position], ratio_sum[position]
        )
    return results


def gould_fernandez_sparse(
    nodes: Sequence[_Node],
    adjacency: sp.spmatrix,
    groups: Sequence[Hashable],
    incidence: sp.spmatrix | None = None,
) -> dict[_Node, RoleCounts]:
    """Undirected Gould-Fernandez role counts of every node, over unordered open pairs.

    For broker v with neighbours N(v), split into N_in (v's group) and N_out: the open pairs
    number C(d, 2) minus the ties among N(v); coordinator pairs lie in N_in, representative or
    gatekeeper pairs join N_in to N_out, itinerant pairs lie in one group of N_out, liaison
    pairs are the rest. The ties among such sets are counted with (A A), (In A) and (A In) read
    on v's ties, In being A restricted to same-group pairs.

    Parameters
    ----------
    nodes : sequence
        The node of each row.
    adjacency : scipy.sparse matrix
        Symmetric; any stored non-zero off the diagonal is a tie.
    groups : sequence
        The group of each node.
    incidence : scipy.sparse matrix, optional
        As in :func:`burt_measures_sparse`: it only changes the speed.

    Returns
    -------
    dict
        As :func:`commapper.analysis.brokerage.gould_fernandez` on an undirected graph.

    References
    ----------
    Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    brokerage in transaction networks. Sociological Methodology 19, 89-126.
    """
    linked = _canonical(adjacency)
    linked.data[:] = 1.0
    n = linked.shape[0]
    incidence = sp.csr_matrix((n, 0)) if incidence is None else sp.coo_matrix(incidence)
    labels = {group: number for number, group in enumerate(dict.fromkeys(groups))}
    group_of = np.array([labels[group] for group in groups], dtype=np.int64)
    degree = np.diff(linked.indptr)
    rows = np.repeat(np.arange(n), degree)
    cols = linked.indices
    same = group_of[rows] == group_of[cols]

    everyone = Factored.of(linked, incidence)
    # In = A o [g_i = g_j] = B' B'ᵀ + X o [g_i = g_j], B' splitting each column by group.
    split = sp.coo_matrix(incidence)
    keys = split.col.astype(np.int64) * len(labels) + group_of[split.row]
    _, split_column = np.unique(keys, return_inverse=True)
    split_incidence = sp.csr_matrix(
        (split.data, (split.row, split_column.ravel())),
        shape=(n, int(split_column.max()) + 1 if split.nnz else 0),
    )
    inside = linked.multiply(sp.csr_matrix((same.astype(float), cols, linked.indptr), (n, n)))
    in_group = Factored.of(inside, split_incidence)

    ties_among, inside_then_all = products_on_pattern(  # (A A)_vi and (In A)_vi
        [(everyone, None), (in_group, None)], everyone, linked
    )
    all_then_inside = inside_then_all[reverse_entries(linked)]  # (A In)_vi = (In A)_iv

    d_in = np.bincount(rows, same, minlength=n)
    d_out = degree - d_in
    per_group = sp.csr_matrix((np.ones(len(rows)), (rows, group_of[cols])), (n, len(labels)))
    per_group.sum_duplicates()
    squares_by_group = np.asarray(per_group.multiply(per_group).sum(axis=1)).ravel()

    total = (degree**2 - degree - np.bincount(rows, ties_among, minlength=n)) / 2
    coordinator = (d_in**2 - d_in - np.bincount(rows, inside_then_all * same, minlength=n)) / 2
    representative_gatekeeper = d_in * d_out - np.bincount(
        rows, inside_then_all * ~same, minlength=n
    )
    itinerant = (
        squares_by_group - d_in**2 - np.bincount(rows, all_then_inside * ~same, minlength=n) - d_out
    ) / 2
    return role_counts(nodes, coordinator, itinerant, representative_gatekeeper, total)

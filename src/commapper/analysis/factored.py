"""Symmetric matrices held as B Bᵀ + X through a membership incidence B, and their products
read only on the entries of an edge set.

The actor network A joins everyone who shares a community, so a popular community becomes a
clique: 8,600 actors of a 10,000-node map have 1.6 million ties. Products such as A A, which
Burt's measures and Gould-Fernandez roles need on every tie, cost sum_q degree(q)^2 when
taken on A itself, but little when taken through B (actors x communities, a few entries a row)
plus the sparse correction X (ties, pairs that share several communities, the diagonal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

# Products are read this many terms at a time (a few arrays of this length are held).
_BLOCK_ENTRIES = 1_000_000

Floats: TypeAlias = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Factored:
    """A symmetric n x n matrix equal to ``incidence @ incidence.T + rest``.

    ``incidence`` is n x c (an actor's communities), ``rest`` is n x n and sparse.
    """

    incidence: sp.csr_matrix
    rest: sp.csr_matrix

    @classmethod
    def of(cls, matrix: sp.spmatrix, incidence: sp.spmatrix) -> Factored:
        """Factor ``matrix`` through ``incidence``: ``rest`` is whatever B Bᵀ does not give.

        Examples
        --------
        >>> import numpy as np
        >>> incidence = sp.csr_matrix(np.array([[1.0], [1.0], [0.0]]))
        >>> clique = sp.csr_matrix(np.array([[0.0, 1, 0], [1, 0, 0], [0, 0, 0]]))
        >>> Factored.of(clique, incidence).rest.toarray()
        array([[-1.,  0.,  0.],
               [ 0., -1.,  0.],
               [ 0.,  0.,  0.]])
        """
        incidence = sp.csr_matrix(incidence, dtype=float)
        rest = sp.csr_matrix(matrix, dtype=float) - incidence @ incidence.T
        rest = sp.csr_matrix(rest)
        rest.eliminate_zeros()
        return cls(incidence, rest)

    def toarray(self) -> Floats:
        """The whole matrix, dense: for tests on small graphs."""
        dense: Floats = (self.incidence @ self.incidence.T + self.rest).toarray()
        return dense


def product_on_pattern(
    left: Factored,
    right: Factored,
    pattern: sp.csr_matrix,
    scale: Floats | None = None,
) -> Floats:
    """The entries of ``left @ diag(scale) @ right`` where ``pattern`` stores an entry.

    With L = B1 B1ᵀ + X1 and R = B2 B2ᵀ + X2, L S R = (L S B2) B2ᵀ + B1 (B1ᵀ S X2) + X1 S X2:
    the first term is read as sum_c (L S B2)_ic (B2)_jc over j's few communities, the other two
    are sparse. Nothing of the size of L S R, or of a row of it per entry, is ever formed.

    Parameters
    ----------
    left, right : Factored
        The two n x n matrices.
    pattern : scipy.sparse.csr_matrix
        n x n, canonical (sorted indices, no duplicates); only where it stores entries is the
        product read.
    scale : numpy.ndarray, optional
        The diagonal between the two factors; ones when omitted.

    Returns
    -------
    numpy.ndarray
        One value per stored entry of ``pattern``, in its order (``pattern.data``'s).

    Examples
    --------
    >>> import numpy as np
    >>> triangle = sp.csr_matrix(np.ones((3, 3)) - np.eye(3))
    >>> matrix = Factored.of(triangle, sp.csr_matrix(np.ones((3, 1))))
    >>> product_on_pattern(matrix, matrix, triangle)  # one common neighbour per tie
    array([1., 1., 1., 1., 1., 1.])
    """
    return products_on_pattern([(left, scale)], right, pattern)[0]


def products_on_pattern(
    lefts: list[tuple[Factored, Floats | None]], right: Factored, pattern: sp.csr_matrix
) -> list[Floats]:
    """:func:`product_on_pattern` for several (left, scale) with one right factor and pattern,
    sharing the work that depends only on those two.

    (L S R)_ij = sum_c (L S B2)_ic (B2)_jc + sum_c (X2 S B1)_jc (B1)_ic + (X1 S X2)_ij: the
    middle term, B1 (B1ᵀ S X2), would have a row as long as a community's neighbourhood, so it
    is read from entry (j, i) instead, through i's few communities.
    """
    n = pattern.shape[0]
    reverse = reverse_entries(pattern)
    right_incidence = sp.csr_matrix(right.incidence)
    firsts, seconds, sparse_parts = [], [], []
    for left, scale in lefts:
        diagonal = sp.diags(np.ones(n) if scale is None else scale)
        left_incidence = sp.csr_matrix(left.incidence)
        core = sp.csr_matrix(left_incidence.T @ diagonal @ right_incidence)
        firsts.append(
            [(left_incidence, core), (sp.csr_matrix(left.rest @ diagonal), right_incidence)]
        )
        seconds.append(
            (left_incidence, [(sp.csr_matrix(right.rest @ diagonal @ left_incidence), None)])
        )
        sparse_parts.append(sp.csr_matrix(left.rest @ diagonal @ right.rest))
    # A middle term through the right factor's own incidence joins the first reading: the
    # indexing of the pattern's entries, most of the work, is then done once for both.
    shared = [left.incidence is right.incidence for left, _ in lefts]
    readings = _through_incidence(
        firsts + [second for (_, second), same in zip(seconds, shared, strict=True) if same],
        right_incidence,
        pattern,
    )
    results, shared_seconds = readings[: len(firsts)], iter(readings[len(firsts) :])
    for result, (left_incidence, second), rests, same in zip(
        results, seconds, sparse_parts, shared, strict=True
    ):
        if same:
            result += next(shared_seconds)[reverse]
        else:
            result += _through_incidence([second], left_incidence, pattern)[0][reverse]
        result += _read_on_pattern(rests, pattern)
    return results


def _through_incidence(
    row_matrices: list[list[tuple[sp.csr_matrix, sp.csr_matrix | None]]],
    incidence: sp.csr_matrix,
    pattern: sp.csr_matrix,
) -> list[Floats]:
    """For each Y = sum of the products a @ b (b None: a alone), n x c: the entries of
    Y @ incidence.T where ``pattern`` stores one, read as sum_c Y_ic incidence_jc over the
    few communities c of j, a block of rows of Y at a time."""
    n = pattern.shape[0]
    incidence = sp.csr_matrix(incidence)
    incidence.sort_indices()
    results = [np.zeros(pattern.nnz) for _ in row_matrices]
    indptr, indices = pattern.indptr, pattern.indices
    reads = np.diff(incidence.indptr)[indices]  # terms per entry: j's communities
    reads_before = np.concatenate([[0], np.cumsum(reads)])
    row_reads = reads_before[indptr]
    start = 0
    while start < n:
        stop = int(np.searchsorted(row_reads, row_reads[start] + _BLOCK_ENTRIES, side="right"))
        stop = min(n, max(stop - 1, start + 1))
        first, last = indptr[start], indptr[stop]
        if row_reads[stop] == row_reads[start]:
            start = stop
            continue
        counts = reads[first:last]
        term_entry = np.repeat(np.arange(last - first), counts)
        offsets = np.arange(len(term_entry)) - np.repeat(
            reads_before[first:last] - reads_before[first], counts
        )
        term_slot = np.repeat(incidence.indptr[indices[first:last]], counts) + offsets
        term_column = incidence.indices[term_slot]
        term_weight = incidence.data[term_slot]
        entry_rows = np.repeat(np.arange(stop - start), np.diff(indptr[start : stop + 1]))
        term_row = entry_rows[term_entry]
        for result, parts in zip(results, row_matrices, strict=True):
            rows = sum(
                (a[start:stop] if b is None else a[start:stop] @ b for a, b in parts),
                start=sp.csr_matrix((stop - start, incidence.shape[1])),
            ).toarray()
            result[first:last] = np.bincount(
                term_entry, rows[term_row, term_column] * term_weight, minlength=last - first
            )
        start = stop
    return results


def _read_on_pattern(matrix: sp.csr_matrix, pattern: sp.csr_matrix) -> Floats:
    """The entries of a sparse ``matrix`` where ``pattern`` stores one (0 elsewhere)."""
    n = pattern.shape[1]
    rows = np.repeat(np.arange(pattern.shape[0], dtype=np.int64), np.diff(pattern.indptr))
    keys = rows * n + pattern.indices
    part = sp.coo_matrix(sp.csr_matrix(matrix))  # canonical: duplicates summed
    part_keys = part.row.astype(np.int64) * n + part.col
    position = np.searchsorted(keys, part_keys)
    found = position < len(keys)
    found[found] = keys[position[found]] == part_keys[found]
    values = np.zeros(pattern.nnz)
    values[position[found]] = part.data[found]
    return values


def off_diagonal(matrix: sp.spmatrix) -> sp.csr_matrix:
    """A float copy of ``matrix`` in canonical CSR form (duplicates summed, indices sorted)
    without its diagonal or stored zeros.

    scipy's ``setdiag(0)`` converts a CSR matrix that stores no diagonal through COO, a
    quarter of a second on the actor network's 3.2 million entries; a mask does it at once.

    Examples
    --------
    >>> import numpy as np
    >>> off_diagonal(sp.csr_matrix(np.array([[1.0, 2], [0, 3]]))).toarray()
    array([[0., 2.],
           [0., 0.]])
    """
    matrix = sp.csr_matrix(matrix, dtype=float, copy=True)
    matrix.sum_duplicates()
    n = matrix.shape[0]
    rows = np.repeat(np.arange(n), np.diff(matrix.indptr))
    keep = (matrix.indices != rows) & (matrix.data != 0)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows[keep], minlength=n))])
    return sp.csr_matrix((matrix.data[keep], matrix.indices[keep], indptr), shape=matrix.shape)


def reverse_entries(pattern: sp.csr_matrix) -> npt.NDArray[np.int64]:
    """For a symmetric ``pattern``, the position of entry (j, i) for each stored entry (i, j).

    Examples
    --------
    >>> import numpy as np
    >>> reverse_entries(sp.csr_matrix(np.array([[0.0, 1, 1], [1, 0, 0], [1, 0, 0]])))
    array([2, 3, 0, 1])
    """
    # Positions count from 1 so that none is a zero a conversion could drop.
    positions = sp.csr_matrix(
        (np.arange(1, pattern.nnz + 1, dtype=float), pattern.indices, pattern.indptr),
        shape=pattern.shape,
    )
    transposed = positions.T.tocsr()
    transposed.sort_indices()
    positions_of_reverse: npt.NDArray[np.int64] = transposed.data.astype(np.int64) - 1
    return positions_of_reverse

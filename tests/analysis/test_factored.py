"""Products of factored matrices read on a pattern equal the dense products."""

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from commapper.analysis.factored import (
    Factored,
    product_on_pattern,
    products_on_pattern,
    reverse_entries,
)


def random_clique_union(seed: int, n: int = 40, groups: int = 6):
    """A symmetric weighted matrix made of overlapping cliques plus random ties."""
    rng = np.random.default_rng(seed)
    incidence = (rng.random((n, groups)) < 0.2).astype(float)
    matrix = (incidence @ incidence.T > 0).astype(float)
    extra = np.triu(rng.random((n, n)) < 0.05, 1)
    weights = rng.integers(1, 4, (n, n)).astype(float)
    matrix = np.where(extra | extra.T, np.triu(weights, 1) + np.triu(weights, 1).T, matrix)
    np.fill_diagonal(matrix, 0)
    return sp.csr_matrix(matrix), sp.csr_matrix(incidence)


@pytest.mark.parametrize("seed", range(5))
def test_product_on_pattern_equals_the_dense_product(seed):
    matrix, incidence = random_clique_union(seed)
    other, other_incidence = random_clique_union(seed + 100)
    left, right = Factored.of(matrix, incidence), Factored.of(other, other_incidence)
    assert np.allclose(left.toarray(), matrix.toarray())
    scale = np.random.default_rng(seed).random(matrix.shape[0])
    dense = matrix.toarray() @ np.diag(scale) @ other.toarray()
    pattern = sp.csr_matrix(matrix + other)
    pattern.sort_indices()
    rows = np.repeat(np.arange(pattern.shape[0]), np.diff(pattern.indptr))
    got = product_on_pattern(left, right, pattern, scale)
    assert got == pytest.approx(dense[rows, pattern.indices], abs=1e-9)


def test_several_products_share_the_right_factor():
    matrix, incidence = random_clique_union(7)
    factored = Factored.of(matrix, incidence)
    unfactored = Factored.of(matrix, sp.csr_matrix((matrix.shape[0], 0)))
    first, second = products_on_pattern([(factored, None), (unfactored, None)], factored, matrix)
    assert first == pytest.approx(second, abs=1e-9)


def test_reverse_entries_pairs_each_entry_with_its_mirror():
    pattern = sp.csr_matrix(nx.to_scipy_sparse_array(nx.gnp_random_graph(30, 0.2, seed=1)))
    pattern.sort_indices()
    rows = np.repeat(np.arange(30), np.diff(pattern.indptr))
    reverse = reverse_entries(pattern)
    assert (rows[reverse] == pattern.indices).all()
    assert (pattern.indices[reverse] == rows).all()

"""The layouts' progress callback: real counts from (0, total) to (total, total), the same layout
as without it, and a callback that raises stops the layout."""

import itertools

import pytest

import commapper.layout.force as force_module
from benchmarks.generate import generate_map
from commapper.layout import force_layout, landscape_layout, pinned_nodes, place_unplaced
from commapper.layout.placement import place_beside_neighbours
from commapper.model import PINNED_TAG, MoveNodes, UpdateItem, apply_edit

LAYOUTS = [landscape_layout, force_layout]


class Enough(Exception):
    pass


def reports_of(layout, doc, **options):
    reports = []
    result = layout(doc, progress=lambda done, total: reports.append((done, total)), **options)
    return result, reports


def pinned_map(size, every):
    """A generated map with every ``every``-th node pinned."""
    doc = generate_map(size)
    for node in doc.nodes[::every]:
        apply_edit(doc, UpdateItem(node.id, {"tags": (*node.tags, PINNED_TAG)}))
    return doc


@pytest.mark.parametrize("layout", LAYOUTS)
def test_progress_counts_up_to_its_total_and_changes_nothing(layout):
    doc = pinned_map(150, every=7)
    result, reports = reports_of(layout, doc, pinned=pinned_nodes(doc))
    assert result == layout(doc, pinned=pinned_nodes(doc))
    totals = {total for _, total in reports}
    assert len(totals) == 1
    (total,) = totals
    assert reports[0] == (0, total) and reports[-1] == (total, total)
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(reports))
    # One step a node placed (the force layout spaces them out in one more at the end).
    assert total == len(result) + (layout is force_layout)


def test_the_force_layout_counts_the_nodes_placed_beside_the_simulated_ones(monkeypatch):
    monkeypatch.setattr(force_module, "FORCE_NODE_LIMIT", 40)
    doc = generate_map(150)
    result, reports = reports_of(force_layout, doc)
    assert result == force_layout(doc)
    total = len(result) + 1
    done = [d for d, _ in reports]
    # The simulation is 40 steps at once; then the others one by one, then the spacing.
    assert done[0] == 0 and 40 in done and done[-1] == total
    after = done[done.index(40) :]
    assert after == sorted(after) and set(range(40, total - 1)) <= set(after)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_callback_that_raises_stops_the_layout(layout, monkeypatch):
    monkeypatch.setattr(force_module, "FORCE_NODE_LIMIT", 40)
    doc = generate_map(150)
    calls = []

    def stop_at_the_fifth(done, total):
        calls.append(done)
        if len(calls) == 5:
            raise Enough

    with pytest.raises(Enough):
        layout(doc, progress=stop_at_the_fifth)
    assert len(calls) == 5


def test_placing_beside_neighbours_reports_every_node():
    doc = generate_map(60)
    unplaced = [node.id for node in doc.nodes[1:]]
    apply_edit(doc, MoveNodes({node_id: (None, None) for node_id in unplaced}))
    reports = []
    placed = place_beside_neighbours(
        unplaced,
        {"me": (0.0, 0.0)},
        {node_id: [] for node_id in unplaced},
        origin=(0.0, 0.0),
        progress=lambda done, total: reports.append((done, total)),
    )
    # Nobody is tied to a placed node here: every one goes around the outside, one at a time.
    assert set(placed) == set(unplaced)
    assert reports == [(done, len(unplaced)) for done in range(len(unplaced) + 1)]
    assert place_unplaced(doc).keys() == set(unplaced)

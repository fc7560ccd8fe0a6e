"""Lines around discs: a detour clears every disc it was asked to, or the line is left as it
was; checked on the drawn curve, sampled finely, not on the formula the router uses."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from commapper.layout.routing import MAX_BEND_PER_LENGTH, detour

coordinate = st.floats(-500, 500, allow_nan=False)
# A line from start to end with its bend, and discs (x, y, radius) about it.
a_line_and_discs = given(
    start=st.tuples(coordinate, coordinate),
    end=st.tuples(coordinate, coordinate),
    discs=st.lists(st.tuples(coordinate, coordinate, st.sampled_from([24.0, 30.0])), max_size=6),
    bend=st.sampled_from([0.0, 9.0, -9.0]),
)


def _curve(start, end, bend, steps=400):
    """Points of the quadratic curve the canvas draws for ``bend``."""
    (ax, ay), (bx, by) = start, end
    length = math.hypot(bx - ax, by - ay)
    nx, ny = (by - ay) / length, -(bx - ax) / length
    cx, cy = (ax + bx) / 2 + nx * bend, (ay + by) / 2 + ny * bend
    t = np.linspace(0, 1, steps)
    x = (1 - t) ** 2 * ax + 2 * t * (1 - t) * cx + t**2 * bx
    y = (1 - t) ** 2 * ay + 2 * t * (1 - t) * cy + t**2 * by
    return x, y


@settings(max_examples=200, deadline=None)
@a_line_and_discs
def test_a_detour_clears_the_discs_or_leaves_the_line_alone(start, end, discs, bend):
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    # Discs on the nodes' own ends are theirs: the router is only given the others.
    discs = [d for d in discs
             if min(math.dist(d[:2], start), math.dist(d[:2], end)) > d[2] + 60]  # fmt: skip
    result = detour(start, end, np.array(discs, dtype=float).reshape(-1, 3), bend)
    if length < 1 or result == bend:
        return
    assert abs(result) <= MAX_BEND_PER_LENGTH * length + 1e-9
    x, y = _curve(start, end, result)
    for cx, cy, radius in discs:
        assert np.min(np.hypot(x - cx, y - cy)) > radius * 0.9


def test_a_disc_in_the_way_is_gone_around_on_the_nearer_side():
    # Just below the middle of a line going right (y grows downwards): the normal (dy, -dx)
    # points up, so going up, away from the disc, is a positive bend, and the shorter way.
    result = detour((0, 0), (400, 0), np.array([[200.0, 10.0, 30.0]]))
    assert result > 0
    x, y = _curve((0, 0), (400, 0), result)
    assert np.min(np.hypot(x - 200, y - 10)) > 30


def test_with_nothing_in_the_way_the_line_keeps_its_bend():
    assert detour((0, 0), (400, 0), np.array([[200.0, 300.0, 30.0]]), 9.0) == 9.0
    assert detour((0, 0), (0, 0), np.array([[0.0, 0.0, 30.0]]), 0.0) == 0.0


@settings(max_examples=200, deadline=None)
@a_line_and_discs
def test_the_discs_of_a_lines_own_ends_are_never_in_its_way(start, end, discs, bend):
    own = [(*start, 30.0), (*end, 30.0)]
    with_own = np.array(discs + own, dtype=float).reshape(-1, 3)
    without = np.array(discs, dtype=float).reshape(-1, 3)
    assert detour(start, end, with_own, bend) == detour(start, end, without, bend)

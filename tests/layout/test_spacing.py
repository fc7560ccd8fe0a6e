"""Free spots and separation: apart where floats allow, never an error for any finite point."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commapper.layout.spacing import FreeSpots, separate

MIN_DISTANCE = 80.0
# Any finite float a map could hold, and the extremes a file may hold (±1e9) with a few
# points that crowd one spot.
anywhere = st.floats(allow_nan=False, allow_infinity=False)
points_anywhere = st.tuples(anywhere, anywhere)
within_files = st.floats(-1e9, 1e9) | st.sampled_from([-1e9, 1e9, 0.0, 0.5])
points_within_files = st.tuples(within_files, within_files)


def finite(point):
    return all(math.isfinite(v) for v in point)


def gap(point, others):
    return min((math.dist(point, other) for other in others), default=math.inf)


@pytest.mark.parametrize(
    "taken, wanted",
    [
        ([(1e21, 0.0)], (0.0, 0.0)),
        ([(1e21, 0.0)], (1e21, 0.0)),
        ([(1e308, 1e308), (-1e308, -1e308)], (0.0, 0.0)),
        ([(1e308, 1e308), (-1e308, -1e308)], (1e308, 1e308)),
        ([(1.7976931348623157e308, -1.7976931348623157e308)], (1.7e308, -1.7e308)),
        # Cell numbers whose product overflows a 64-bit integer.
        ([(-1e12, -1e12), (1e12, 1e12)], (0.0, 0.0)),
        ([(-1e9, -1e9), (1e9, 1e9)], (1e9, 1e9)),
    ],
)
def test_far_points_are_no_error(taken, wanted):
    spots = FreeSpots(MIN_DISTANCE, taken)
    spot = spots.take(wanted)
    assert finite(spot)
    if all(abs(v) <= 1e12 for v in (*wanted, *(v for point in taken for v in point))):
        assert gap(spot, taken) >= MIN_DISTANCE - 1e-3


def test_a_spot_too_far_to_keep_apart_is_given_back_as_it_is():
    # At 1e21 a float's step is 131072 px: no spiral of 80 px steps can leave the point.
    spots = FreeSpots(MIN_DISTANCE, [(1e21, 1e21)])
    assert spots.take((1e21, 1e21)) == (1e21, 1e21)


def test_a_crowd_on_one_spot_beside_a_far_point():
    crowd = [(1e9 + i * 1e-3, -1e9) for i in range(50)]
    spots = FreeSpots(MIN_DISTANCE, [*crowd, (-1e9, 1e9)], width=130.0)
    spot = spots.take((1e9, -1e9))
    assert MIN_DISTANCE - 1e-3 <= gap(spot, crowd) < 3 * MIN_DISTANCE


@settings(max_examples=300, deadline=None)
@given(
    taken=st.lists(points_anywhere, max_size=8),
    wanted=st.lists(points_anywhere, min_size=1, max_size=4),
)
def test_take_never_fails_and_gives_a_finite_spot(taken, wanted):
    spots = FreeSpots(MIN_DISTANCE, taken, width=130.0)
    for point in wanted:
        assert finite(spots.take(point))


@settings(max_examples=200, deadline=None)
@given(
    taken=st.lists(points_within_files, max_size=8),
    wanted=st.lists(points_within_files, min_size=1, max_size=4),
)
def test_within_files_limits_every_spot_taken_is_free(taken, wanted):
    spots = FreeSpots(MIN_DISTANCE, taken)
    for point in wanted:
        spot = spots.take(point)
        assert gap(spot, taken) >= MIN_DISTANCE - 1e-3
        taken.append(spot)


@settings(max_examples=300, deadline=None)
@given(
    points=st.lists(points_anywhere, max_size=10),
    movable=st.lists(st.booleans(), min_size=10, max_size=10),
)
def test_separate_never_fails_and_keeps_fixed_points(points, movable):
    movable = movable[: len(points)]
    apart = separate(points, movable, MIN_DISTANCE)
    assert len(apart) == len(points)
    assert all(finite(point) for point in apart)
    for point, old, moves in zip(apart, points, movable, strict=True):
        if not moves:
            assert point == old


def test_separate_splits_a_crowd_at_the_edge_of_files_and_leaves_far_points():
    crowd = [(1e9, 1e9)] * 6
    far = [(1e308, -1e308), (-1e308, 1e308)]
    apart = separate([*crowd, *far], [True] * 8, MIN_DISTANCE)
    assert apart[6:] == far
    moved = np.array(apart[:6])
    distances = np.hypot(*(moved[:, None, :] - moved[None, :, :]).transpose(2, 0, 1))
    assert distances[~np.eye(6, dtype=bool)].min() >= MIN_DISTANCE - 1


def test_spots_stay_within_the_limit_even_when_wanted_beyond_it():
    crowd = [(1e9 - i * 10.0, 1e9) for i in range(10)]
    spots = FreeSpots(MIN_DISTANCE, crowd, width=130.0, limit=1e9)
    for wanted in [(1e9 + 80, 1e9 + 80), (1.5e9, 0.0), (1e21, -1e21), (1e9, 1e9)]:
        spot = spots.take(wanted)
        assert all(abs(v) <= 1e9 for v in spot)
        assert gap(spot, crowd) >= MIN_DISTANCE - 1e-3
        crowd.append(spot)


@settings(max_examples=200, deadline=None)
@given(
    taken=st.lists(points_within_files, max_size=8),
    wanted=st.lists(points_anywhere, min_size=1, max_size=4),
)
def test_with_a_limit_every_spot_is_within_it_and_free(taken, wanted):
    spots = FreeSpots(MIN_DISTANCE, taken, width=130.0, limit=1e9)
    for point in wanted:
        spot = spots.take(point)
        assert all(abs(v) <= 1e9 for v in spot)
        assert gap(spot, taken) >= MIN_DISTANCE - 1e-3
        taken.append(spot)

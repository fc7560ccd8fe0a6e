"""Lines that go around the discs in their way: a line drawn through another community's disc
seems to end there, and under it the line disappears.

An edge is drawn as a quadratic curve from one node to the other whose control point lies
``bend`` to the side of the middle (see the canvas's edge item); here is how far to bend it so
that it clears every disc between its ends.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

CLEARANCE = 8.0  # between a line going around a disc and the disc's rim
MIDDLE_PART = (0.05, 0.95)  # of the line, where discs may be in its way
MAX_BEND_PER_LENGTH = 0.7  # a detour wider than this looks like a different connection
ROUNDS = 4  # going around one disc may lead into another: a few rounds settle it


def detour(
    start: tuple[float, float],
    end: tuple[float, float],
    discs: NDArray[np.float64],
    bend: float = 0.0,
) -> float:
    """The bend that takes the curve from ``start`` to ``end`` around ``discs`` (rows of x, y,
    radius), as close to ``bend`` (its bend without obstacles) as will do.

    The side is +1 along the line's normal (dy, -dx) / length, as Qt's ``QLineF.normalVector``.
    When no bend within :data:`MAX_BEND_PER_LENGTH` of the length clears them all, ``bend`` is
    kept: a straight line through a disc is better than a loop around the map.

    >>> discs = np.array([[50.0, 0.0, 10.0]])
    >>> round(detour((0, 0), (100, 0), discs), 1)
    36.0
    >>> detour((0, 0), (100, 0), np.array([[50.0, 40.0, 10.0]]))
    0.0
    """
    ax, ay = start
    dx, dy = end[0] - ax, end[1] - ay
    length = math.hypot(dx, dy)
    if not 0 < length < math.inf or len(discs) == 0:
        return bend  # nothing to go around, or positions too far apart to reckon with
    ux, uy, nx, ny = dx / length, dy / length, dy / length, -dx / length
    along = ((discs[:, 0] - ax) * ux + (discs[:, 1] - ay) * uy) / length
    side = (discs[:, 0] - ax) * nx + (discs[:, 1] - ay) * ny
    reach = discs[:, 2] + CLEARANCE
    # Discs beside the middle part of the line only: the ends are the nodes' own.
    near = (along > MIDDLE_PART[0]) & (along < MIDDLE_PART[1])
    along, side, reach = along[near], side[near], reach[near]
    if len(along) == 0:
        return bend
    limit = MAX_BEND_PER_LENGTH * length
    current = bend
    in_the_way = np.zeros(len(along), dtype=bool)
    for _ in range(ROUNDS):
        hit = _hits(current, along, side, reach)
        if not hit.any():
            return current
        in_the_way |= hit
        width = 2 * along[in_the_way] * (1 - along[in_the_way])
        # Past every disc in the way on one side, or on the other.
        left = float(np.max((side[in_the_way] + reach[in_the_way]) / width))
        right = float(np.min((side[in_the_way] - reach[in_the_way]) / width))
        options = [b for b in (left, right) if abs(b) <= limit]
        if not options:
            return bend
        current = min(options, key=lambda b: abs(b - bend))
    return current if not _hits(current, along, side, reach).any() else bend


def _hits(
    bend: float,
    along: NDArray[np.float64],
    side: NDArray[np.float64],
    reach: NDArray[np.float64],
) -> NDArray[np.bool_]:
    """Which discs the curve with ``bend`` passes through (checked where it passes them)."""
    offset = 2 * along * (1 - along) * bend
    result: NDArray[np.bool_] = np.abs(side - offset) < reach
    return result

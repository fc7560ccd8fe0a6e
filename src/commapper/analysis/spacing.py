"""Keeping nodes apart on the canvas: free spots near a wanted point, and pushing overlaps apart.

Both use a spatial hash with cells as wide as the minimum distance, so a query looks at nine cells
whatever the size of the map. Pure; no Qt.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

Point = tuple[float, float]

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
# Spiral spots this many minimum distances times sqrt(step) out: dense enough to miss no gap.
_SPIRAL_PITCH = 0.35


class FreeSpots:
    """Points kept at least ``min_distance`` apart; finds the nearest free spot to a wanted one.

    Parameters
    ----------
    min_distance : float
        The smallest distance allowed between two points, in pixels.
    points : iterable of (float, float), optional
        Points already taken.
    width : float, optional
        The smallest horizontal distance allowed between two points side by side, when it
        differs from ``min_distance``: each point then keeps an ellipse clear (labels are wide).

    Examples
    --------
    >>> spots = FreeSpots(80.0, [(0.0, 0.0)])
    >>> spots.is_free(spots.take((10.0, 0.0)))
    False
    """

    def __init__(
        self, min_distance: float, points: Iterable[Point] = (), *, width: float | None = None
    ) -> None:
        self.min_distance = float(min_distance)
        # Distances are measured after squeezing x by this factor: a label is wider than tall.
        self._squeeze = self.min_distance / width if width else 1.0
        self._cells: defaultdict[tuple[int, int], list[Point]] = defaultdict(list)
        self._spiral_steps: dict[tuple[int, int, int], int] = {}
        for point in points:
            self.add(point)

    def _cell(self, point: Point) -> tuple[int, int]:
        return math.floor(point[0] / self.min_distance), math.floor(point[1] / self.min_distance)

    def add(self, point: Point) -> None:
        """Mark ``point`` as taken, even if it is too close to another."""
        squeezed = (point[0] * self._squeeze, point[1])
        self._cells[self._cell(squeezed)].append(squeezed)

    def is_free(self, point: Point) -> bool:
        """Whether ``point`` is at least the minimum distance from every taken point."""
        # A hair under the minimum, so that points placed exactly one step apart count as free.
        limit = (self.min_distance - 1e-6) ** 2
        point = (point[0] * self._squeeze, point[1])
        column, row = self._cell(point)
        for dc in (-1, 0, 1):
            for dr in (-1, 0, 1):
                for other in self._cells.get((column + dc, row + dr), ()):
                    if (other[0] - point[0]) ** 2 + (other[1] - point[1]) ** 2 < limit:
                        return False
        return True

    def nearest_free(self, wanted: Point, direction: Point = (1.0, 0.0)) -> Point:
        """A free spot near ``wanted``, found along a sunflower spiral around it.

        The spiral starts in ``direction`` (from ``wanted``) and winds outwards by the golden
        angle, covering the plane evenly; the first free spot on it is the answer, so ties are
        broken the same way every time and towards where the caller prefers.
        """
        if self.is_free(wanted):
            return wanted
        start = math.atan2(direction[1], direction[0]) if direction != (0.0, 0.0) else 0.0
        # Spots are only ever taken, so spiral steps found taken stay taken: nodes wanting
        # nearby spots (the members of a big community) share a spiral and resume where the last
        # one stopped, instead of each searching the whole crowd again. Sharing means the spiral
        # winds round a grid point near ``wanted``, from one of eight directions.
        grid = 2 * self.min_distance
        sector = round(start / (math.pi / 4)) % 8
        key = (round(wanted[0] / grid), round(wanted[1] / grid), sector)
        wanted = (key[0] * grid, key[1] * grid)
        start = sector * math.pi / 4
        step = self._spiral_steps.get(key, 0)
        while True:
            radius = _SPIRAL_PITCH * self.min_distance * math.sqrt(step)
            angle = start + step * _GOLDEN_ANGLE
            point = (
                wanted[0] + radius * math.cos(angle) / self._squeeze,
                wanted[1] + radius * math.sin(angle),
            )
            if self.is_free(point):
                self._spiral_steps[key] = step
                return point
            step += 1

    def take(self, wanted: Point, direction: Point = (1.0, 0.0)) -> Point:
        """Find the free spot nearest to ``wanted``, mark it taken and return it."""
        point = self.nearest_free(wanted, direction)
        self.add(point)
        return point


def separate(
    points: list[Point],
    movable: list[bool],
    min_distance: float,
    *,
    sweeps: int = 30,
) -> list[Point]:
    """Push apart points closer than ``min_distance``; points not ``movable`` stay put.

    Each sweep moves both points of every close pair half the missing distance apart (the whole
    of it when one cannot move), until no pair is too close or ``sweeps`` run out. Points on the
    same spot are split along a direction that depends only on their indices.

    Parameters
    ----------
    points : list of (float, float)
        Positions, in pixels.
    movable : list of bool
        Whether each point may move.
    min_distance : float
        The distance every pair should keep.
    sweeps : int
        The most passes over the close pairs.

    Returns
    -------
    list of (float, float)
        The new positions, in the order given.

    Examples
    --------
    >>> [(round(x), round(y)) for x, y in separate([(0.0, 0.0), (10.0, 0.0)], [False, True], 80.0)]
    [(0, 0), (80, 0)]
    """
    xs = [float(x) for x, _ in points]
    ys = [float(y) for _, y in points]
    limit = min_distance * min_distance
    for _ in range(sweeps):
        cells: defaultdict[tuple[int, int], list[int]] = defaultdict(list)
        for index in range(len(xs)):
            cells[
                math.floor(xs[index] / min_distance), math.floor(ys[index] / min_distance)
            ].append(index)
        moved = False
        for (column, row), members in cells.items():
            # Half of the neighbouring cells, so each pair of cells is visited once.
            neighbours = [
                other
                for offset in ((1, 0), (-1, 1), (0, 1), (1, 1))
                for other in cells.get((column + offset[0], row + offset[1]), ())
            ]
            for position, i in enumerate(members):
                for j in (*members[position + 1 :], *neighbours):
                    if not (movable[i] or movable[j]):
                        continue
                    dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                    squared = dx * dx + dy * dy
                    if squared >= limit:
                        continue
                    if squared < 1e-12:
                        angle = (i * 7 + j * 13) % 360 * math.pi / 180
                        dx, dy, distance = math.cos(angle), math.sin(angle), 0.0
                    else:
                        distance = math.sqrt(squared)
                        dx, dy = dx / distance, dy / distance
                    missing = min_distance - distance + 1e-3
                    share_i = 0.0 if not movable[i] else (1.0 if not movable[j] else 0.5)
                    share_j = 1.0 - share_i
                    xs[i] -= dx * missing * share_i
                    ys[i] -= dy * missing * share_i
                    xs[j] += dx * missing * share_j
                    ys[j] += dy * missing * share_j
                    moved = True
        if not moved:
            break
    return list(zip(xs, ys, strict=True))

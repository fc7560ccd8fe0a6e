"""Keeping nodes apart on the canvas: free spots near a wanted point, and pushing overlaps apart.

:class:`FreeSpots` keeps the taken points in a numpy grid whose cells are too small to hold two
points that keep the minimum distance, and tries a whole stretch of its search spiral at once, so
a search in a crowd of thousands costs a handful of numpy operations rather than a Python loop per
spot tried. :func:`separate` finds the close pairs with a k-d tree. Pure; no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

Point = tuple[float, float]

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
# Spiral spots this many minimum distances times sqrt(step) out: dense enough to miss no gap.
_SPIRAL_PITCH = 0.35
# Spiral steps tried together: the first batch, and the largest one when a search runs long.
_FIRST_BATCH = 64
_LAST_BATCH = 8192
# The grid grows to cover new points, up to this many cells; points beyond it (a node dragged
# far away) are kept in a plain list instead.
_MAX_CELLS = 1 << 20
# Each grid cell is split into this many pixels a side in a raster of the spots known taken.
_FINE = 4
# A point more than this many minimum distances from the origin is far: there a float's steps
# are too coarse, and cell numbers too large, to keep points apart, so far points stay as they
# are. (At 80 px that is about 9e13 px, steps of 1/64 px.)
_FAR = 2.0**40
# Cell and pixel numbers of far points are clipped to this, well beyond the grid's reach.
_FAR_NUMBER = 2.0**50
# Offsets of the cells within the minimum distance of a point's cell (cells are a little under
# min_distance / sqrt(2) wide, so two cells away can still be too close).
_NEAR = np.array([(dr, dc) for dr in range(-2, 3) for dc in range(-2, 3)], dtype=np.intp)


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
    limit : float, optional
        Spots found lie within ``limit`` of the origin along x and along y; a spot wanted
        beyond it is looked for from the nearest point within it.

    Examples
    --------
    >>> spots = FreeSpots(80.0, [(0.0, 0.0)])
    >>> spots.is_free(spots.take((10.0, 0.0)))
    False
    """

    def __init__(
        self,
        min_distance: float,
        points: Iterable[Point] = (),
        *,
        width: float | None = None,
        limit: float | None = None,
    ) -> None:
        self.min_distance = float(min_distance)
        self.limit = math.inf if limit is None else float(limit)
        # Distances are measured after squeezing x by this factor: a label is wider than tall.
        self._squeeze = self.min_distance / width if width else 1.0
        # A hair under the minimum, so that points placed exactly one step apart count as free.
        self._limit = (self.min_distance - 1e-6) ** 2
        # Two free points are at least ``_limit`` apart, more than a cell's diagonal.
        self._cell = 0.999 * self.min_distance / math.sqrt(2)
        # grid[row, column, slot] holds the squeezed (x, y) of a taken point, NaN where empty;
        # a second slot appears only when points were added too close together.
        self._grid = np.full((0, 0, 1, 2), np.nan)
        # blocked[row, column] is True for a pixel whose every point is too close to a taken
        # one: in the middle of a crowd one look-up rules a spot out, with no distances.
        self._pixel = self._cell / _FINE
        self._blocked = np.zeros((0, 0), dtype=bool)
        # The raster's own limit, a little under the true one to allow for rounding.
        self._stamp_limit = (self.min_distance - 1e-3) ** 2
        self._first = (0, 0)  # the (row, column) of the cell grid[0, 0]
        # Points off the grid: too far from the others for it to cover, or far from the origin.
        self._outside = np.empty((0, 2))
        self._reach = _FAR * self.min_distance
        self._spiral_steps: dict[tuple[int, int, int], int] = {}
        self._spirals: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        squeezed = np.array([(x * self._squeeze, y) for x, y in points], dtype=float)
        if len(squeezed):
            self._add_many(squeezed.reshape(-1, 2))

    # -- the grid --

    def _is_near(self, squeezed: np.ndarray) -> np.ndarray:
        """Whether each squeezed point is within reach of the grid (NaN never is)."""
        near: np.ndarray = np.all(np.abs(squeezed) <= self._reach, axis=-1)
        return near

    def _cells(self, squeezed: np.ndarray) -> np.ndarray:
        """The (row, column) of the cell of each squeezed point, as absolute cell numbers."""
        # Clipped so that a far point still gets a cell number (off the grid).
        cells = np.nan_to_num(
            np.clip(np.floor(squeezed[..., ::-1] / self._cell), -_FAR_NUMBER, _FAR_NUMBER)
        )
        numbers: np.ndarray = cells.astype(np.int64)
        return numbers

    def _cover(self, low: np.ndarray, high: np.ndarray) -> bool:
        """Grow the grid to hold cells ``low`` to ``high`` (inclusive); False when too big."""
        rows, columns = self._grid.shape[:2]
        first = np.array(self._first)
        last = first + np.array([rows - 1, columns - 1])
        if rows and np.all(low >= first) and np.all(high <= last):
            return True
        if rows:
            low, high = np.minimum(low, first), np.maximum(high, last)
            # Grow by half again in every direction, so growing often stays cheap.
            margin = (high - low) // 2 + 2
        else:
            margin = np.array([4, 4])
        low, high = low - margin, high + margin
        shape = high - low + 1
        if int(shape[0]) * int(shape[1]) > _MAX_CELLS:  # Python ints: numpy's would overflow
            return False
        grid = np.full((int(shape[0]), int(shape[1]), self._grid.shape[2], 2), np.nan)
        blocked = np.zeros((int(shape[0]) * _FINE, int(shape[1]) * _FINE), dtype=bool)
        if rows:
            top, left = first - low
            grid[top : top + rows, left : left + columns] = self._grid
            blocked[top * _FINE : (top + rows) * _FINE, left * _FINE : (left + columns) * _FINE] = (
                self._blocked
            )
        self._grid, self._blocked, self._first = grid, blocked, (int(low[0]), int(low[1]))
        return True

    def _add_many(self, squeezed: np.ndarray) -> None:
        near = self._is_near(squeezed)
        if not near.all():
            self._outside = np.vstack([self._outside, squeezed[~near]])
            squeezed = squeezed[near]
            if not len(squeezed):
                return
        cells = self._cells(squeezed)
        if not self._cover(cells.min(axis=0), cells.max(axis=0)):
            for point in squeezed:
                self._add_one(point)
            return
        for point, cell in zip(squeezed, cells, strict=True):
            self._store(point, int(cell[0]) - self._first[0], int(cell[1]) - self._first[1])

    def _add_one(self, point: np.ndarray) -> None:
        row, column = (int(v) for v in self._cells(point))
        if self._is_near(point) and self._cover(np.array([row, column]), np.array([row, column])):
            self._store(point, row - self._first[0], column - self._first[1])
        else:
            self._outside = np.vstack([self._outside, point])

    def _store(self, point: np.ndarray, row: int, column: int) -> None:
        slots = self._grid[row, column, :, 0]
        empty = np.flatnonzero(np.isnan(slots))
        if not len(empty):
            extra = np.full((*self._grid.shape[:2], 1, 2), np.nan)
            self._grid = np.concatenate([self._grid, extra], axis=2)
            empty = np.array([self._grid.shape[2] - 1])
        self._grid[row, column, empty[0]] = point
        self._stamp(point)

    def _stamp(self, point: np.ndarray) -> None:
        """Block the raster pixels that lie wholly within the minimum distance of ``point``."""
        reach = self.min_distance / self._pixel
        x, y = point / self._pixel
        top = self._first[0] * _FINE
        left = self._first[1] * _FINE
        rows = np.arange(max(math.floor(y - reach), top), math.floor(y + reach) + 1)
        columns = np.arange(max(math.floor(x - reach), left), math.floor(x + reach) + 1)
        rows = rows[rows < top + self._blocked.shape[0]]
        columns = columns[columns < left + self._blocked.shape[1]]
        # A pixel's farthest corner decides: a disc holds a square when it holds its corners.
        far_y = np.maximum(np.abs(rows - y), np.abs(rows + 1 - y)) * self._pixel
        far_x = np.maximum(np.abs(columns - x), np.abs(columns + 1 - x)) * self._pixel
        inside = far_y[:, None] ** 2 + far_x[None, :] ** 2 < self._stamp_limit
        if len(rows) and len(columns):
            first_row, first_column = rows[0] - top, columns[0] - left
            self._blocked[
                first_row : first_row + len(rows), first_column : first_column + len(columns)
            ] |= inside

    def _pixels(self, squeezed: np.ndarray) -> np.ndarray:
        """The absolute (row, column) raster pixel of each squeezed point."""
        pixels = np.nan_to_num(
            np.clip(np.floor(squeezed[:, ::-1] / self._pixel), -_FAR_NUMBER, _FAR_NUMBER)
        )
        numbers: np.ndarray = pixels.astype(np.int64)
        return numbers

    def _unsure(self, pixels: np.ndarray) -> np.ndarray:
        """Indices of the points in ``pixels`` that the raster of blocked pixels leaves in doubt."""
        rows, columns = self._blocked.shape
        if not rows:
            return np.arange(len(pixels))
        row = pixels[:, 0] - self._first[0] * _FINE
        column = pixels[:, 1] - self._first[1] * _FINE
        on_raster = (row >= 0) & (row < rows) & (column >= 0) & (column < columns)
        blocked = self._blocked[np.where(on_raster, row, 0), np.where(on_raster, column, 0)]
        return np.flatnonzero(~(blocked & on_raster))

    def _first_free(self, squeezed: np.ndarray, pixels: np.ndarray | None = None) -> int:
        """The index of the first free point of an (n, 2) array of squeezed points, or -1.

        ``pixels`` are the points' raster pixels when the caller knows them.
        """
        unsure = self._unsure(self._pixels(squeezed) if pixels is None else pixels)
        if self.limit < math.inf:
            within = np.abs(squeezed[unsure]) <= (self.limit * self._squeeze, self.limit)
            unsure = unsure[within.all(axis=1)]
        # Distances are dearer than the raster: measure a few candidates at a time, in order.
        start, chunk = 0, 8
        while start < len(unsure):
            indices = unsure[start : start + chunk]
            free = self._measured_free(squeezed[indices])
            if free.any():
                return int(indices[np.argmax(free)])
            start, chunk = start + chunk, 4 * chunk
        return -1

    def _measured_free(self, squeezed: np.ndarray) -> np.ndarray:
        """Whether each squeezed point is free, from the distances to the taken points near it."""
        free = np.ones(len(squeezed), dtype=bool)
        rows, columns = self._grid.shape[:2]
        if rows:
            near = self._cells(squeezed)[:, None, :] + _NEAR[None, :, :] - self._first
            inside = (
                (near[..., 0] >= 0)
                & (near[..., 0] < rows)
                & (near[..., 1] >= 0)
                & (near[..., 1] < columns)
            )
            near_rows = np.where(inside, near[..., 0], 0)
            near_columns = np.where(inside, near[..., 1], 0)
            others = self._grid[near_rows, near_columns]  # (n, 25, slots, 2)
            with np.errstate(over="ignore", invalid="ignore"):  # far apart: inf, still not close
                squared = ((others - squeezed[:, None, None, :]) ** 2).sum(axis=-1)
            # NaN (empty slots) compares False, so it never blocks a spot.
            close = (squared < self._limit) & inside[..., None]
            free &= ~close.any(axis=(1, 2))
        if len(self._outside):
            with np.errstate(over="ignore", invalid="ignore"):
                squared = ((self._outside[None, :, :] - squeezed[:, None, :]) ** 2).sum(axis=-1)
            free &= ~(squared < self._limit).any(axis=1)
        return free

    # -- the public face --

    def add(self, point: Point) -> None:
        """Mark ``point`` as taken, even if it is too close to another."""
        self._add_one(np.array([point[0] * self._squeeze, point[1]], dtype=float))

    def is_free(self, point: Point) -> bool:
        """Whether ``point`` is within the limit and the minimum distance from every taken
        point."""
        squeezed = np.array([[point[0] * self._squeeze, point[1]]], dtype=float)
        return self._first_free(squeezed) == 0

    def _spiral(self, sector: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """The first ``stop`` steps of the spiral starting towards ``sector``, from a pixel corner.

        Returns their squeezed offsets and the offsets of their raster pixels, (row, column).
        """
        cached = self._spirals.get((sector, stop))
        if cached is None:
            steps = np.arange(stop, dtype=float)
            radius = _SPIRAL_PITCH * self.min_distance * np.sqrt(steps)
            angle = sector * math.pi / 4 + steps * _GOLDEN_ANGLE
            offsets = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
            cached = offsets, np.floor(offsets[:, ::-1] / self._pixel).astype(np.int64)
            self._spirals[sector, stop] = cached
        return cached

    def nearest_free(self, wanted: Point, direction: Point = (1.0, 0.0)) -> Point:
        """A free spot near ``wanted``, found along a sunflower spiral around it.

        The spiral starts in ``direction`` (from ``wanted``) and winds outwards by the golden
        angle, covering the plane evenly; the first free spot on it is the answer, so ties are
        broken the same way every time and towards where the caller prefers. A spot wanted too
        far from the origin for floats to keep points apart there (about 2**40 minimum
        distances) is given back as it is.
        """
        wanted = (
            min(max(wanted[0], -self.limit), self.limit),
            min(max(wanted[1], -self.limit), self.limit),
        )
        if self.is_free(wanted) or not self._is_near(np.array(wanted) * (self._squeeze, 1.0)):
            return wanted
        start = math.atan2(direction[1], direction[0])
        # Spots are only ever taken, so spiral steps found taken stay taken: nodes wanting
        # nearby spots (the members of a big community) share a spiral and resume where the last
        # one stopped, instead of each searching the whole crowd again. Sharing means the spiral
        # winds round a grid point near ``wanted`` (moved onto the raster's pixel corners), from
        # one of eight directions.
        grid = 2 * self.min_distance
        sector = round(start / (math.pi / 4)) % 8 if math.isfinite(start) else 0
        key = (round(wanted[0] / grid), round(wanted[1] / grid), sector)
        corner = np.array(
            [round(key[1] * grid / self._pixel), round(key[0] * grid * self._squeeze / self._pixel)]
        )
        centre = corner[::-1] * self._pixel
        step = self._spiral_steps.get(key, 0)
        batch = _FIRST_BATCH
        while True:
            # Whole stretches of the spiral at once; the tables are cached by length, so
            # rounding the stretch up to a power of two keeps them few.
            stop = step + batch
            offsets, pixel_offsets = self._spiral(sector, 1 << (stop - 1).bit_length())
            candidates = centre + offsets[step:stop]
            found = self._first_free(candidates, corner + pixel_offsets[step:stop])
            if found >= 0:
                self._spiral_steps[key] = step + found
                x, y = candidates[found]
                # Unsqueezing may step a hair past the limit.
                x = min(max(float(x) / self._squeeze, -self.limit), self.limit)
                return x, float(y)
            step = stop
            batch = min(4 * batch, _LAST_BATCH)

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
    same spot are split along a direction that depends only on their indices. Points too far from
    the origin for floats to keep them apart (about 2**40 times ``min_distance``) stay put.

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
    reach = _FAR * min_distance
    near = np.flatnonzero(
        [abs(x) <= reach and abs(y) <= reach for x, y in zip(xs, ys, strict=True)]
    )
    if len(near) < 2:
        return list(zip(xs, ys, strict=True))
    limit = min_distance * min_distance
    fixed = ~np.asarray(movable, dtype=bool)
    for _ in range(sweeps):
        # The pairs that may be too close, found in C; a little wider than the minimum so that
        # pairs brought close earlier in the same sweep are caught too. Sorted, for determinism.
        from scipy.spatial import cKDTree  # here: it costs a second at the window's launch

        tree = cKDTree(np.column_stack([[xs[k] for k in near], [ys[k] for k in near]]))
        pairs = near[tree.query_pairs(1.25 * min_distance, output_type="ndarray")]
        pairs = pairs[~(fixed[pairs[:, 0]] & fixed[pairs[:, 1]])]
        pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
        moved = False
        for i, j in pairs.tolist():
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

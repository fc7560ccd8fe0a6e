"""Every edge's box and ends as rows of numpy arrays, to ask about many edges at once.

Which edges a click lands near (:meth:`EdgeIndex.near_point`), and which lines discs moving to
or from some spots may now be in the way of, or no longer (:meth:`EdgeIndex.near_spots`). A room
map has 33,000 edges: asked one by one in Python, a click took 80 ms and finding the lines near
a nudged community 20-40 ms. An edge that came, moved or changed shape is written again when
next asked; a removed one's row is blanked (NaN, which no comparison takes). Once many rows are
due or blank (the map was built, a layout moved every line), every row is gathered anew: between
events, in steps (70 ms at once at 33,000 edges), or when next asked if sooner.
"""

from __future__ import annotations

import math
from collections.abc import Generator, Sequence
from typing import TYPE_CHECKING, cast

import numpy as np

from commapper.model import EdgeKind

if TYPE_CHECKING:
    from commapper.ui.canvas.edge_item import EdgeItem

NO_ROW = -1  # an edge's row before it is written
# A removed edge's row, and a bent edge's ends (it is measured by its curve).
NOWHERE = (math.nan,) * 4
SPOTS_AT_ONCE = 16  # spots compared with the lines in one go (near_spots)
GATHER_STEP = 2_000  # edges gathered between looks at the clock (about 4 ms)


def distances_to_segments(x: float, y: float, segments: np.ndarray) -> np.ndarray:
    """How far (x, y) is from each segment (x1, y1, x2, y2); NaN where a segment is NaN."""
    x1, y1, x2, y2 = segments.T
    dx, dy = x2 - x1, y2 - y1
    length_squared = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(length_squared > 0, ((x - x1) * dx + (y - y1) * dy) / length_squared, 0.0)
    t = np.clip(t, 0.0, 1.0)
    return np.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


Box = tuple[float, float, float, float]


def _rows_of(edges: Sequence[EdgeItem]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The edges' boxes, ends and whether each is a crossing, as arrays."""
    boxes = np.array([cast(Box, edge.bounds.getCoords()) for edge in edges], dtype=float)
    ends = np.array([edge.segment or NOWHERE for edge in edges], dtype=float)
    crossings = np.array([edge.kind == EdgeKind.CROSSING for edge in edges], dtype=bool)
    return boxes.reshape(-1, 4), ends.reshape(-1, 4), crossings


class EdgeIndex:
    """The scene's edges as arrays, by row: each edge knows its row (``EdgeItem.index_row``)."""

    def __init__(self) -> None:
        self._edges: list[EdgeItem | None] = []  # None where removed
        self._boxes = np.empty((0, 4))  # left, top, right, bottom, with room for the pen
        self._ends = np.empty((0, 4))  # x1, y1, x2, y2 of a straight edge; NaN if bent
        self._crossings = np.zeros(0, dtype=bool)
        self._due: set[EdgeItem] = set()  # came, moved or changed shape since written
        self._blank = 0  # rows of removed edges
        self._gathering: Generator[None, None, None] | None = None  # every row, in steps

    def moved(self, edge: EdgeItem) -> None:
        """``edge`` came, moved or changed shape: its row is due."""
        self._due.add(edge)

    def removed(self, edge: EdgeItem) -> None:
        self._due.discard(edge)
        row, edge.index_row = edge.index_row, NO_ROW
        if row != NO_ROW:
            self._edges[row] = None
            self._boxes[row] = self._ends[row] = NOWHERE
            self._blank += 1

    @property
    def _behind(self) -> bool:
        """Whether so many rows are due or blank that every row is better gathered anew."""
        return len(self._due) > len(self._edges) // 8 or self._blank > len(self._edges) // 4

    def gathering(self) -> Generator[None, None, None] | None:
        """When every row is better gathered anew (after the map was built, or a layout moved
        every line): the steps that do it, to be run between events; else None."""
        if self._gathering is None and self._behind:
            self._gathering = self._gather_steps()
        return self._gathering

    def _gather_steps(self) -> Generator[None, None, None]:
        """Every row gathered anew, :data:`GATHER_STEP` edges a step. What moves meanwhile is
        due again after; what is removed meanwhile is blanked."""
        due, self._due = self._due, set()
        edges = [edge for edge in self._edges if edge is not None]
        edges += [edge for edge in due if edge.index_row == NO_ROW and edge.attached]
        parts = []
        try:
            for first in range(0, len(edges), GATHER_STEP):
                yield
                parts.append(_rows_of(edges[first : first + GATHER_STEP]))
        except BaseException:  # stopped or failed: the rows it took are due again
            self._due |= due
            raise
        finally:
            self._gathering = None
        parts = parts or [_rows_of([])]
        boxes, ends, crossings = (np.concatenate(arrays) for arrays in zip(*parts, strict=True))
        self._edges, self._boxes, self._ends, self._crossings = [], boxes, ends, crossings
        self._blank = 0
        for row, edge in enumerate(edges):
            if edge.attached:
                edge.index_row = row
                self._edges.append(edge)
            else:  # removed while the rows were gathered
                self._edges.append(None)
                boxes[row] = ends[row] = NOWHERE
                self._blank += 1

    def _write(self) -> None:
        """Write the rows due (all anew, once many are due or blank)."""
        if (steps := self.gathering()) is not None:
            for _ in steps:  # to its end
                pass
        due, self._due = self._due, set()
        new = []
        for edge in due:
            if not edge.attached:
                continue
            if edge.index_row == NO_ROW:
                new.append(edge)
            else:
                self._boxes[edge.index_row] = cast(Box, edge.bounds.getCoords())
                self._ends[edge.index_row] = edge.segment or NOWHERE
        if new:
            for row, edge in enumerate(new, len(self._edges)):
                edge.index_row = row
            self._edges.extend(new)
            boxes, ends, crossings = _rows_of(new)
            self._boxes = np.concatenate((self._boxes, boxes))
            self._ends = np.concatenate((self._ends, ends))
            self._crossings = np.concatenate((self._crossings, crossings))

    def near_point(self, x: float, y: float, reach: float) -> list[tuple[EdgeItem, float]]:
        """The edges whose box comes within ``reach`` of (x, y), each with how far its line is
        (NaN when it bends: measure its curve)."""
        self._write()
        boxes = self._boxes
        near = np.flatnonzero(
            (boxes[:, 0] - reach <= x)
            & (x <= boxes[:, 2] + reach)
            & (boxes[:, 1] - reach <= y)
            & (y <= boxes[:, 3] + reach)
        )
        distances = distances_to_segments(x, y, self._ends[near])
        return [
            (edge, distance)
            for row, distance in zip(near.tolist(), distances.tolist(), strict=True)
            if (edge := self._edges[row]) is not None
        ]

    def near_spots(
        self, spots: Sequence[tuple[float, float, float]], crossings_only: bool
    ) -> set[EdgeItem]:
        """The edges (or only the crossings) whose box reaches one of these ``spots`` (x, y,
        reach): a line bent around a disc has the disc in its box."""
        if not spots:
            return set()
        self._write()
        boxes = self._boxes
        x, y, reach = np.array(spots, dtype=float).reshape(-1, 3).T
        # First the lines reaching the box around every spot: few, but for the long ones.
        candidates = np.flatnonzero(
            (boxes[:, 0] <= (x + reach).max())
            & (boxes[:, 2] >= (x - reach).min())
            & (boxes[:, 1] <= (y + reach).max())
            & (boxes[:, 3] >= (y - reach).min())
        )
        if crossings_only:
            candidates = candidates[self._crossings[candidates]]
        box, near = boxes[candidates], np.zeros(len(candidates), dtype=bool)
        for first in range(0, len(spots), SPOTS_AT_ONCE):
            some = slice(first, first + SPOTS_AT_ONCE)
            near |= (
                (box[:, 0:1] - reach[some] <= x[some])
                & (x[some] <= box[:, 2:3] + reach[some])
                & (box[:, 1:2] - reach[some] <= y[some])
                & (y[some] <= box[:, 3:4] + reach[some])
            ).any(axis=1)
        return {edge for row in candidates[near].tolist() if (edge := self._edges[row]) is not None}

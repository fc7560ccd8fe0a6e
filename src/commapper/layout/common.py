"""What the layouts share: spacing, pinned nodes, and positions a map may hold."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Collection

from commapper.layout.spacing import Point
from commapper.model import PINNED_TAG, MapDocument
from commapper.model.items import MAX_COORDINATE

NODE_SPACING = 80.0
"""The least distance between the centres of two nodes a layout places, in pixels."""
LABEL_SPACING = 130.0
"""The least horizontal distance between two nodes side by side, so their labels do not touch."""
RING_SPACING = 140.0
"""Distance along a ring between neighbouring communities: room for a label about 120 px wide."""
FIRST_RING = 180.0
"""Radius of the innermost ring of communities around ``me``."""
RING_GAP = 170.0
"""Radial distance between the rings of two participation levels: room for people between."""
SUB_RING_GAP = 100.0
"""Radial distance between the rings one crowded level is spread over."""
FORCE_SPACING = 100.0
"""Median distance from each node to its nearest neighbour after :func:`force_layout`."""
FORCE_NODE_LIMIT = 2500
"""The most nodes the force simulation moves; the rest are placed next to their neighbours."""

Progress = Callable[[int, int], None]
"""A layout's progress callback, told ``(done, total)`` as the layout goes: the steps done so far of
all it has to do (a step is a node placed; the force layout's simulation is as many steps as the
nodes it moves, and spacing them out at the end one more). It is told (0, total) first and
(total, total) last, and ``done`` never decreases.

It may raise to stop the layout: the exception comes out of the layout function, which then returns
nothing. A callback that raises is how a layout is cancelled.
"""


class StepCount:
    """Counts the steps of a layout and tells ``progress`` of each one (the callback chooses how
    often to pass it on: a call costs a few tenths of a microsecond, a step tens of them)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0
        if progress is not None:
            progress(0, total)

    def step(self, count: int = 1) -> None:
        if count > 0 and self.done < self.total:
            self.done = min(self.total, self.done + count)
            if self.progress is not None:
                self.progress(self.done, self.total)

    def finish(self) -> None:
        self.step(self.total - self.done)


# igraph draws its random numbers from one process-wide generator; the lock keeps two layouts
# running on different threads from sharing it, so each stays reproducible from its seed.
IGRAPH_RANDOM = threading.Lock()


def pinned_nodes(doc: MapDocument) -> set[str]:
    """The ids of the nodes whose tags contain :data:`PINNED_TAG`.

    Parameters
    ----------
    doc : MapDocument
        The map.

    Returns
    -------
    set of str
        Ids of the pinned nodes.

    Examples
    --------
    >>> from commapper.model import MapDocument, PersonNode
    >>> doc = MapDocument.new()
    >>> doc.nodes = [PersonNode(id="p1", tags=("pinned",)), PersonNode(id="p2")]
    >>> doc.reindex()
    >>> pinned_nodes(doc)
    {'p1'}
    """
    return {node.id for node in doc.nodes if PINNED_TAG in node.tags}


def placed_positions(doc: MapDocument) -> dict[str, Point]:
    """The nodes that have a position, and where they are.

    A position beyond MAX_COORDINATE, which no file or edit gives but a document built in memory
    may hold, is read as on that edge: sums and distances of positions then stay finite.
    """
    return {
        node.id: (within_limit(node.x), within_limit(node.y))
        for node in doc.nodes
        if node.x is not None and node.y is not None
    }


def within_limit(value: float) -> float:
    return min(max(value, -MAX_COORDINATE), MAX_COORDINATE)


def kept_positions(doc: MapDocument, pinned: Collection[str]) -> dict[str, Point]:
    """The pinned nodes that have a position: they stay where they are."""
    placed = placed_positions(doc)
    return {node_id: placed[node_id] for node_id in pinned if node_id in placed}


def neighbours_of(doc: MapDocument) -> dict[str, list[str]]:
    """Every node's neighbours through edges of any kind, without repeats, in file order."""
    neighbours: dict[str, dict[str, None]] = {node.id: {} for node in doc.nodes}
    for edge in doc.edges:
        neighbours[edge.source][edge.target] = None
        neighbours[edge.target][edge.source] = None
    return {node_id: list(others) for node_id, others in neighbours.items()}


def rounded(point: Point) -> Point:
    """``point`` to a tenth of a pixel, as files keep it, and within the positions a map holds."""
    return within_limit(round(point[0], 1)), within_limit(round(point[1], 1))


def unit_vector(dx: float, dy: float, fallback: Point) -> Point:
    length = math.hypot(dx, dy)
    return (dx / length, dy / length) if length > 1e-9 else fallback


def golden_direction(index: int) -> Point:
    """A direction that differs for each index and spreads evenly around the circle."""
    angle = index * math.pi * (3 - math.sqrt(5))
    return math.cos(angle), math.sin(angle)

"""First placement: nodes without a position go beside their neighbours, apart from the rest."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import numpy as np

from commapper.layout.common import (
    LABEL_SPACING,
    NODE_SPACING,
    Progress,
    StepCount,
    golden_direction,
    neighbours_of,
    placed_positions,
    rounded,
    unit_vector,
)
from commapper.layout.landscape import landscape_layout
from commapper.layout.spacing import FreeSpots, Point
from commapper.model import MapDocument
from commapper.model.items import MAX_COORDINATE


def place_beside_neighbours(
    todo: Iterable[str],
    positions: dict[str, Point],
    neighbours: dict[str, list[str]],
    *,
    origin: Point,
    fallback: Callable[[], dict[str, Point]] | None = None,
    progress: Progress | None = None,
) -> dict[str, Point]:
    """Place ``todo`` nodes beside their positioned neighbours, wave after wave, at free spots.

    Each goes a little outside (seen from ``origin``) the mean of its neighbours that have a
    position. Nodes that never get a positioned neighbour go to their position in what
    ``fallback()`` returns (called only when there are such nodes), or around the outside.
    ``progress`` is told ``(done, total)`` nodes placed as they are.
    """
    spots = FreeSpots(NODE_SPACING, positions.values(), width=LABEL_SPACING, limit=MAX_COORDINATE)
    known = dict(positions)
    placed: dict[str, Point] = {}
    waiting = list(todo)
    steps = StepCount(progress, len(waiting))
    while waiting:
        # One wave sees only the nodes placed before it, so the order within it does not matter.
        wave = {
            node_id: [known[other] for other in neighbours[node_id] if other in known]
            for node_id in waiting
        }
        ready = [node_id for node_id in waiting if wave[node_id]]
        if not ready:
            break
        for node_id in ready:
            around = wave[node_id]
            mean = (
                sum(point[0] for point in around) / len(around),
                sum(point[1] for point in around) / len(around),
            )
            outward = unit_vector(
                mean[0] - origin[0], mean[1] - origin[1], golden_direction(len(placed))
            )
            wanted = (mean[0] + outward[0] * NODE_SPACING, mean[1] + outward[1] * NODE_SPACING)
            known[node_id] = placed[node_id] = spots.take(wanted, outward)
            steps.step()
        waiting = [node_id for node_id in waiting if node_id not in placed]
    outermost = max((math.dist(point, origin) for point in known.values()), default=0.0)
    fallback_positions = fallback() if fallback is not None and waiting else {}
    for number, node_id in enumerate(waiting):
        direction = golden_direction(number)
        if node_id in fallback_positions:
            wanted = fallback_positions[node_id]
        else:
            wanted = (
                origin[0] + direction[0] * (outermost + NODE_SPACING),
                origin[1] + direction[1] * (outermost + NODE_SPACING),
            )
        placed[node_id] = spots.take(wanted, direction)
        steps.step()
    steps.finish()
    return placed


def place_unplaced(doc: MapDocument) -> dict[str, tuple[float, float]]:
    """Positions for the nodes that have none yet (``x`` or ``y`` missing), as on opening a file.

    A node goes just outside its placed neighbours, in waves outwards from the placed part of the
    map; a node with no path to a placed one goes where :func:`landscape_layout` would put it
    (with the placed nodes held still). When no node is placed, that is the whole landscape.
    Each new node takes the nearest spot at least :data:`NODE_SPACING` from every other node.
    Placed nodes are not moved and are not in the result.

    Parameters
    ----------
    doc : MapDocument
        The map.

    Returns
    -------
    dict of str to (float, float)
        Position of every node that had none, in pixels.

    Examples
    --------
    >>> from commapper.model import CommunityNode, MapDocument, MeNode, MembershipEdge
    >>> doc = MapDocument.new()
    >>> doc.nodes = [MeNode(id="me", x=0, y=0), CommunityNode(id="c1")]
    >>> doc.edges = [MembershipEdge(id="e1", source="me", target="c1", level="core")]
    >>> doc.reindex()
    >>> list(place_unplaced(doc))
    ['c1']
    """
    placed = placed_positions(doc)
    todo = [node.id for node in doc.nodes if node.id not in placed]
    if not todo:
        return {}
    if not placed:
        return landscape_layout(doc)
    origin_array = np.array(list(placed.values())).mean(axis=0)
    origin = (float(origin_array[0]), float(origin_array[1]))
    new = place_beside_neighbours(
        todo,
        placed,
        neighbours_of(doc),
        origin=origin,
        fallback=lambda: landscape_layout(doc, pinned=placed.keys()),
    )
    return {node_id: rounded(new[node_id]) for node_id in todo}

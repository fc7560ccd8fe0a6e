"""Force-directed layout for any map (Fruchterman and Reingold, in igraph), spaced for labels."""

from __future__ import annotations

import math
import random
from collections.abc import Collection

import numpy as np

from commapper.layout.common import (
    FORCE_NODE_LIMIT,
    FORCE_SPACING,
    IGRAPH_RANDOM,
    NODE_SPACING,
    Progress,
    StepCount,
    kept_positions,
    neighbours_of,
    placed_positions,
    rounded,
)
from commapper.layout.placement import place_beside_neighbours
from commapper.layout.spacing import separate
from commapper.model import MapDocument
from commapper.model.items import MAX_COORDINATE


def _nearest_distances(points: np.ndarray) -> np.ndarray:
    """Each point's distance to its nearest other point (in blocks, to bound the memory)."""
    nearest = np.full(len(points), np.inf)
    for start in range(0, len(points), 512):
        block = points[start : start + 512]
        squared = ((block[:, None, :] - points[None, :, :]) ** 2).sum(axis=-1)
        squared[np.arange(len(block)), np.arange(start, start + len(block))] = np.inf
        nearest[start : start + len(block)] = np.sqrt(squared.min(axis=1))
    return nearest


def _fruchterman_reingold(
    n: int,
    edges: list[tuple[int, int]],
    start: np.ndarray,
    fixed: np.ndarray,
    seed: int,
    iterations: int,
    bounds: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """igraph's exact Fruchterman-Reingold, holding ``fixed`` vertices still by their bounds
    and the others between the (x, y) corners ``bounds``.

    Components are tied loosely to a hidden hub so that they do not drift apart.
    """
    import igraph  # a third of a second to load: not at the app's launch, only when laying out

    graph = igraph.Graph(n=n, edges=edges)
    components = graph.connected_components()
    start = start.copy()
    low = np.tile(bounds[0], (n, 1))
    high = np.tile(bounds[1], (n, 1))
    low[fixed] = high[fixed] = start[fixed]
    if len(components) > 1:
        degrees = graph.degree()
        hub = n
        graph.add_vertex()
        graph.add_edges(
            [(hub, max(members, key=lambda v: (degrees[v], -v))) for members in components]
        )
        start = np.vstack([start, start.mean(axis=0)])
        low = np.vstack([low, bounds[0]])
        high = np.vstack([high, bounds[1]])
    with IGRAPH_RANDOM:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            layout = graph.layout_fruchterman_reingold(
                niter=iterations,
                seed=start.tolist(),
                minx=low[:, 0].tolist(), maxx=high[:, 0].tolist(),
                miny=low[:, 1].tolist(), maxy=high[:, 1].tolist(),
                grid="nogrid",
            )  # fmt: skip
        finally:
            igraph.set_random_number_generator(random)
    return np.array(layout.coords, dtype=float)[:n]


def force_layout(
    doc: MapDocument,
    *,
    pinned: Collection[str] = (),
    seed: int = 1,
    iterations: int | None = None,
    progress: Progress | None = None,
) -> dict[str, tuple[float, float]]:
    """Lay any map out by Fruchterman-Reingold forces: linked nodes near, all nodes apart.

    Starts from the current positions where there are some; pinned nodes with a position hold
    still and the others arrange around them. Separate groups are held together loosely rather
    than drifting apart. The result is scaled so that a node's nearest neighbour is typically
    :data:`FORCE_SPACING` px away, then any pair closer than :data:`NODE_SPACING` is pushed apart.
    On maps larger than :data:`FORCE_NODE_LIMIT` nodes, the best-connected nodes are simulated and
    the rest are placed next to their neighbours. The same map and seed give the same layout.

    Parameters
    ----------
    doc : MapDocument
        The map.
    pinned : collection of str
        Ids of nodes that keep their positions, usually ``pinned_nodes(doc)``. A pinned node
        without a position is placed like any other.
    seed : int
        Seed of the random start for nodes without a position and of the simulation.
    iterations : int or None
        Simulation steps; None chooses by size (500 for small maps, fewer for large ones, so
        2,000 nodes take well under a second).
    progress : callable or None
        Told ``(done, total)`` as the layout goes: the simulation counts as many steps as the
        nodes it moves, every node placed beside its neighbours afterwards one, and spacing them
        out one. It may raise to stop the layout (see :data:`~commapper.layout.common.Progress`).

    Returns
    -------
    dict of str to (float, float)
        Position of every node except pinned nodes that have a position, in pixels.

    Examples
    --------
    >>> from commapper.model import MapDocument, PersonNode, TieEdge
    >>> doc = MapDocument.new()
    >>> doc.nodes = [PersonNode(id="a"), PersonNode(id="b")]
    >>> doc.edges = [TieEdge(id="e1", source="a", target="b")]
    >>> doc.reindex()
    >>> positions = force_layout(doc)
    >>> sorted(positions), round(math.dist(positions["a"], positions["b"]))
    (['a', 'b'], 100)

    References
    ----------
    .. [1] Fruchterman, T. M. J. and Reingold, E. M. (1991). Graph drawing by force-directed
       placement. *Software: Practice and Experience* 21 (11), 1129-1164.
    """
    kept = kept_positions(doc, pinned)
    ids = [node.id for node in doc.nodes]
    if len(kept) == len(ids):
        return {}
    steps = StepCount(progress, len(ids) - len(kept) + 1)
    neighbours = neighbours_of(doc)
    placed = placed_positions(doc)
    # The simulated nodes: all of them on ordinary maps; on huge ones the pinned and the
    # best-connected, the rest placed beside their neighbours afterwards.
    if len(ids) <= FORCE_NODE_LIMIT:
        simulated = ids
    else:
        by_degree = sorted(
            (node_id for node_id in ids if node_id not in kept),
            key=lambda node_id: -len(neighbours[node_id]),
        )
        chosen = set(kept) | set(by_degree[: max(0, FORCE_NODE_LIMIT - len(kept))])
        simulated = [node_id for node_id in ids if node_id in chosen]
    index = {node_id: i for i, node_id in enumerate(simulated)}
    n = len(simulated)
    edges = sorted(
        {
            (min(index[a], index[b]), max(index[a], index[b]))
            for a in simulated
            for b in neighbours[a]
            if b in index
        }
    )
    # Work in the simulation's own units: nearest neighbours end up about half a unit apart.
    scale = 2 * FORCE_SPACING
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    start = rng.uniform(-side / 2, side / 2, size=(n, 2))
    known = [node_id for node_id in simulated if node_id in placed]
    if known:
        origin = np.array([placed[node_id] for node_id in known]).mean(axis=0)
        for node_id in known:
            start[index[node_id]] = (np.array(placed[node_id]) - origin) / scale
        # A node without a position starts beside its placed neighbours when it has some.
        for node_id in simulated:
            around = [placed[other] for other in neighbours[node_id] if other in placed]
            if node_id not in placed and around:
                start[index[node_id]] = (np.mean(around, axis=0) - origin) / scale
                start[index[node_id]] += rng.uniform(-0.25, 0.25, size=2)
    else:
        origin = np.zeros(2)
    fixed = np.array([node_id in kept for node_id in simulated], dtype=bool)
    if iterations is None:
        iterations = int(min(500, max(30, 1.2e8 / max(n, 1) ** 2)))
    # Where the positions a map may hold are, in the simulation's units.
    bounds = ((-MAX_COORDINATE - origin) / scale, (MAX_COORDINATE - origin) / scale)
    coords = _fruchterman_reingold(n, edges, start, fixed, seed, iterations, bounds)
    steps.step(n - int(fixed.sum()))
    if kept:
        points = coords * scale + origin
    else:
        # Nothing holds the scale: set it so neighbours sit FORCE_SPACING apart, in place.
        spread = float(np.median(_nearest_distances(coords))) if n > 1 else 0.0
        factor = FORCE_SPACING / spread if spread > 1e-9 else scale
        points = (coords - coords.mean(axis=0)) * factor + origin
        # Rescaled, it may reach past the edge of those positions: moved back as a whole.
        low, high = points.min(axis=0), points.max(axis=0)
        points = points + np.clip(0.0, -MAX_COORDINATE - low, MAX_COORDINATE - high)
    positions = {
        node_id: (float(x), float(y)) for node_id, (x, y) in zip(simulated, points, strict=True)
    }
    positions.update(kept)
    rest = [node_id for node_id in ids if node_id not in index]
    simulated_steps = steps.done
    positions.update(
        place_beside_neighbours(
            rest,
            positions,
            neighbours,
            origin=tuple(origin),
            progress=lambda done, _total: steps.step(simulated_steps + done - steps.done),
        )
    )
    order = list(positions)
    apart = separate(
        [positions[node_id] for node_id in order],
        [node_id not in kept for node_id in order],
        NODE_SPACING,
    )
    steps.finish()
    return {
        node_id: rounded(point)
        for node_id, point in zip(order, apart, strict=True)
        if node_id not in kept
    }

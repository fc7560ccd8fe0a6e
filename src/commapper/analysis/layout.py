"""Where to put the nodes of a map: the landscape of practice, force-directed, and first placement.

Every function is pure: a document in, a dict of node id -> (x, y) in canvas pixels out; the
editor applies the result as one undoable move. Distances suit a canvas where a community is
about 60 px wide and a label about 120 px: nodes end up at least :data:`NODE_SPACING` apart.

Pinned nodes (:data:`PINNED_TAG` in their tags, see :func:`pinned_nodes`) that already have a
position keep it and are left out of the result; every other node is in it. Every position given
is one a map may hold: within :data:`~commapper.model.items.MAX_COORDINATE` of the origin along
x and y.
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Callable, Collection, Iterable

import igraph
import numpy as np

from commapper.analysis.spacing import FreeSpots, Point, separate
from commapper.model import EdgeKind, Level, MapDocument, NodeKind
from commapper.model.items import MAX_COORDINATE

PINNED_TAG = "pinned"
"""A node whose ``tags`` hold this word keeps its position when a layout runs."""

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

# igraph draws its random numbers from one process-wide generator; the lock keeps two layouts
# running on different threads from sharing it, so each stays reproducible from its seed.
_IGRAPH_RANDOM = threading.Lock()


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


def _placed(doc: MapDocument) -> dict[str, Point]:
    """The nodes that have a position, and where they are.

    A position beyond MAX_COORDINATE, which no file or edit gives but a document built in memory
    may hold, is read as on that edge: sums and distances of positions then stay finite.
    """
    return {
        node.id: (_within_limit(node.x), _within_limit(node.y))
        for node in doc.nodes
        if node.x is not None and node.y is not None
    }


def _within_limit(value: float) -> float:
    return min(max(value, -MAX_COORDINATE), MAX_COORDINATE)


def _kept(doc: MapDocument, pinned: Collection[str]) -> dict[str, Point]:
    """The pinned nodes that have a position: they stay where they are."""
    placed = _placed(doc)
    return {node_id: placed[node_id] for node_id in pinned if node_id in placed}


def _neighbours(doc: MapDocument) -> dict[str, list[str]]:
    """Every node's neighbours through edges of any kind, without repeats, in file order."""
    neighbours: dict[str, dict[str, None]] = {node.id: {} for node in doc.nodes}
    for edge in doc.edges:
        neighbours[edge.source][edge.target] = None
        neighbours[edge.target][edge.source] = None
    return {node_id: list(others) for node_id, others in neighbours.items()}


def _rounded(point: Point) -> Point:
    """``point`` to a tenth of a pixel, as files keep it, and within the positions a map holds."""
    return _within_limit(round(point[0], 1)), _within_limit(round(point[1], 1))


def _unit(dx: float, dy: float, fallback: Point) -> Point:
    length = math.hypot(dx, dy)
    return (dx / length, dy / length) if length > 1e-9 else fallback


def _golden_direction(index: int) -> Point:
    """A direction that differs for each index and spreads evenly around the circle."""
    angle = index * math.pi * (3 - math.sqrt(5))
    return math.cos(angle), math.sin(angle)


# -- landscape of practice ------------------------------------------------------------------------

LEVEL_RINGS: dict[Level, int] = {level: index for index, level in enumerate(Level)}
"""Which ring each of my participation levels puts a community on, counting from the centre."""


def _sector_key(sector: str | None) -> str | None:
    text = (sector or "").strip().casefold()
    return text or None


def _spread_counts(count: int, capacities: list[float]) -> list[int]:
    """Split ``count`` nodes over rings in proportion to their room, none over its room."""
    room = [math.floor(capacity) for capacity in capacities]
    total = sum(capacities)
    shares = [min(room[j], math.floor(count * capacities[j] / total)) for j in range(len(room))]
    j = 0
    while sum(shares) < count:
        if shares[j] < room[j]:
            shares[j] += 1
        j = (j + 1) % len(shares)
    return shares


def _band(
    counts: dict[str | None, int], wedges: dict[str | None, float], inner: float
) -> tuple[list[float], float]:
    """Radii of the rings one level needs so every sector's communities fit in its wedge.

    Returns the radii and the outer edge of the band. More rings are used only when that keeps
    the band's outer edge closer to the centre than one big ring would.
    """
    best: tuple[list[float], float] | None = None
    for rings in range(1, 64):
        start = inner
        for sector, count in counts.items():
            # Sum over rings of (start + j * gap) * wedge / spacing must reach count.
            needed = (count * RING_SPACING / wedges[sector]) - SUB_RING_GAP * rings * (
                rings - 1
            ) / 2
            start = max(start, needed / rings)

        def room(radius: float, rings: int = rings) -> dict[str | None, float]:
            return {
                sector: sum(
                    math.floor((radius + j * SUB_RING_GAP) * wedges[sector] / RING_SPACING)
                    for j in range(rings)
                )
                for sector in counts
            }

        while any(room(start)[sector] < count for sector, count in counts.items()):
            start += 5.0
        radii = [start + j * SUB_RING_GAP for j in range(rings)]
        if best is not None and radii[-1] >= best[1]:
            break
        best = (radii, radii[-1])
    assert best is not None
    return best


def _ring_positions(
    doc: MapDocument, communities: list[str], band_of: dict[str, int], centre: Point
) -> dict[str, Point]:
    """Positions of communities on rings by band and in wedges by sector.

    Two arrangements are tried. Spread: every community has its own angle, each sector's
    bands interleaved within its wedge, so a small map uses the whole circle. Packed: each band
    shares its sector's wedge evenly, over a few rings if crowded, which keeps a map with
    hundreds of communities compact. Spread is kept unless it is much larger.
    """
    sectors: dict[str, str | None] = {
        node_id: _sector_key(getattr(doc.node(node_id), "sector", None)) for node_id in communities
    }
    totals: dict[str | None, int] = {}
    for sector in sectors.values():
        totals[sector] = totals.get(sector, 0) + 1
    order = sorted(totals, key=lambda sector: (sector is None, sector or ""))
    wedges = {sector: 2 * math.pi * totals[sector] / len(communities) for sector in order}
    wedge_start: dict[str | None, float] = {}
    angle = -math.pi / 2  # the first wedge starts at the top of the canvas
    for sector in order:
        wedge_start[sector] = angle
        angle += wedges[sector]

    def sort_key(node_id: str) -> tuple[str, str]:
        return doc.node(node_id).label.casefold(), node_id

    bands = sorted(set(band_of.values()))
    ordered = sorted(communities, key=sort_key)

    # Spread: one angle per community, the bands of a sector taken in turn.
    angles: dict[str, float] = {}
    slot = 0
    for sector in order:
        lists = [[c for c in ordered if sectors[c] == sector and band_of[c] == b] for b in bands]
        for rank in range(max(map(len, lists))):
            for members in lists:
                if rank < len(members):
                    angles[members[rank]] = -math.pi / 2 + (slot + 0.5) * 2 * math.pi / len(
                        communities
                    )
                    slot += 1
    spread: dict[str, Point] = {}
    inner = FIRST_RING
    spread_outer = 0.0
    for band in bands:
        members = sorted((c for c in communities if band_of[c] == band), key=angles.__getitem__)
        radius = inner
        for first, second in zip(members, [*members[1:], members[0]], strict=True):
            gap = (angles[second] - angles[first]) % (2 * math.pi)
            if first != second and gap > 0:
                chord_per_radius = 2 * math.sin(min(gap, 2 * math.pi - gap) / 2)
                radius = max(radius, RING_SPACING / chord_per_radius)
        for c in members:
            spread[c] = (
                centre[0] + radius * math.cos(angles[c]),
                centre[1] + radius * math.sin(angles[c]),
            )
        spread_outer = radius
        inner = radius + RING_GAP

    # Packed: each band shares its sector's wedge, on as few rings as keep the band compact.
    packed: dict[str, Point] = {}
    inner = FIRST_RING
    packed_outer = 0.0
    for band in bands:
        members = [c for c in ordered if band_of[c] == band]
        by_sector = {sector: [c for c in members if sectors[c] == sector] for sector in order}
        by_sector = {sector: ids for sector, ids in by_sector.items() if ids}
        radii, packed_outer = _band({s: len(ids) for s, ids in by_sector.items()}, wedges, inner)
        for sector, ids in by_sector.items():
            capacities = [radius * wedges[sector] / RING_SPACING for radius in radii]
            shares = _spread_counts(len(ids), capacities)
            queue = iter(ids)
            for radius, share in zip(radii, shares, strict=True):
                for place in range(share):
                    theta = wedge_start[sector] + (place + 0.5) * wedges[sector] / share
                    packed[next(queue)] = (
                        centre[0] + radius * math.cos(theta),
                        centre[1] + radius * math.sin(theta),
                    )
        inner = packed_outer + RING_GAP
    return spread if spread_outer <= 1.25 * packed_outer else packed


def _ego_levels(doc: MapDocument, ego_id: str) -> dict[str, Level]:
    """My strongest level of membership in each community I belong to."""
    levels: dict[str, Level] = {}
    for edge in doc.edges:
        if edge.kind == EdgeKind.MEMBERSHIP and edge.source == ego_id:
            old = levels.get(edge.target)
            if old is None or edge.level.strength > old.strength:
                levels[edge.target] = edge.level
    return levels


def _anchors(doc: MapDocument) -> dict[str, list[str]]:
    """The communities each person or boundary object connects: memberships, uses, crossings."""
    anchors: dict[str, dict[str, None]] = {}
    for edge in doc.edges:
        if edge.kind in (EdgeKind.MEMBERSHIP, EdgeKind.OBJECT_USE):
            anchors.setdefault(edge.source, {})[edge.target] = None
        elif edge.kind == EdgeKind.CROSSING:
            for carrier in edge.via:
                anchors.setdefault(carrier, {}).update({edge.source: None, edge.target: None})
    return {node_id: list(communities) for node_id, communities in anchors.items()}


def landscape_layout(
    doc: MapDocument, *, pinned: Collection[str] = ()
) -> dict[str, tuple[float, float]]:
    """Lay a map out as Wenger's landscape of practice, seen from ``me``.

    ``me`` is at the centre, (0, 0), or stays where it is when pinned. Communities sit on rings
    by my participation level in them (my strongest membership: core innermost, then active,
    occasional, peripheral, transactional; communities I do not belong to outermost; empty levels
    take no ring). Around the centre, each sector gets a wedge proportional to its number of
    communities, in alphabetical order clockwise from the top, communities without a sector last;
    within a wedge communities are in label order. A level with too many communities for one
    ring is spread over a few. Without ``me``, all communities share one band of rings.

    People and boundary objects go just outside the mean position of the communities they
    connect (memberships, object uses, crossings they carried), otherwise next to the people and
    ``me`` they are tied to, otherwise on the outside; each takes the nearest free spot so no two
    nodes are closer than :data:`NODE_SPACING`.

    Parameters
    ----------
    doc : MapDocument
        The map.
    pinned : collection of str
        Ids of nodes that keep their positions, usually ``pinned_nodes(doc)``. A pinned node
        without a position is placed like any other.

    Returns
    -------
    dict of str to (float, float)
        Position of every node except pinned nodes that have a position, in pixels.

    Examples
    --------
    >>> from commapper.model import CommunityNode, MapDocument, MeNode, MembershipEdge
    >>> doc = MapDocument.new()
    >>> doc.nodes = [MeNode(id="me"), CommunityNode(id="c1")]
    >>> doc.edges = [MembershipEdge(id="e1", source="me", target="c1", level="core")]
    >>> doc.reindex()
    >>> landscape_layout(doc)
    {'me': (0.0, 0.0), 'c1': (0.0, 180.0)}

    References
    ----------
    .. [1] Wenger-Trayner, E., Fenton-O'Creevy, M., Hutchinson, S., Kubiak, C. and
       Wenger-Trayner, B. (eds.) (2015). *Learning in Landscapes of Practice*. Routledge.
    """
    kept = _kept(doc, pinned)
    ego = doc.ego
    centre: Point = (0.0, 0.0)
    if ego is not None and ego.id in kept:
        centre = kept[ego.id]
    spots = FreeSpots(NODE_SPACING, kept.values(), width=LABEL_SPACING, limit=MAX_COORDINATE)
    result: dict[str, Point] = {}
    if ego is not None and ego.id not in kept:
        result[ego.id] = spots.take(centre)

    communities = [
        node.id for node in doc.nodes if node.kind == NodeKind.COMMUNITY and node.id not in kept
    ]
    if communities:
        levels = _ego_levels(doc, ego.id) if ego is not None else {}
        band_of = {
            community: LEVEL_RINGS[levels[community]] if community in levels else len(LEVEL_RINGS)
            for community in communities
        }
        for community, point in _ring_positions(doc, communities, band_of, centre).items():
            outward = _unit(point[0] - centre[0], point[1] - centre[1], (0.0, -1.0))
            result[community] = spots.take(point, outward)

    positions = {**kept, **result}
    anchors = _anchors(doc)
    neighbours = _neighbours(doc)
    others = [
        node.id
        for node in doc.nodes
        if node.kind in (NodeKind.PERSON, NodeKind.BOUNDARY_OBJECT) and node.id not in kept
    ]
    outermost = (
        max((math.dist(point, centre) for point in positions.values()), default=0.0) + RING_GAP
    )

    def put_near(node_id: str, around: list[str]) -> None:
        xs = [positions[other][0] for other in around]
        ys = [positions[other][1] for other in around]
        mean = (sum(xs) / len(xs), sum(ys) / len(ys))
        outward = _unit(
            mean[0] - centre[0], mean[1] - centre[1], _unit(
                positions[around[0]][0] - centre[0], positions[around[0]][1] - centre[1],
                _golden_direction(len(positions)),
            )
        )  # fmt: skip
        push = RING_GAP / 2
        wanted = (mean[0] + outward[0] * push, mean[1] + outward[1] * push)
        positions[node_id] = result[node_id] = spots.take(wanted, outward)

    waiting = []
    for node_id in others:
        around = [c for c in anchors.get(node_id, ()) if c in positions]
        if around:
            put_near(node_id, around)
        else:
            waiting.append(node_id)
    # People tied only to people: place them next to those already placed, wave after wave.
    while waiting:
        still = []
        for node_id in waiting:
            around = [other for other in neighbours[node_id] if other in positions]
            if around:
                put_near(node_id, around)
            else:
                still.append(node_id)
        if len(still) == len(waiting):
            break
        waiting = still
    for index, node_id in enumerate(waiting):
        direction = _golden_direction(index)
        wanted = (centre[0] + direction[0] * outermost, centre[1] + direction[1] * outermost)
        result[node_id] = spots.take(wanted, direction)
    return {node_id: _rounded(point) for node_id, point in result.items()}


# -- force-directed -------------------------------------------------------------------------------


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
    with _IGRAPH_RANDOM:
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
    kept = _kept(doc, pinned)
    ids = [node.id for node in doc.nodes]
    if len(kept) == len(ids):
        return {}
    neighbours = _neighbours(doc)
    placed = _placed(doc)
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
    positions.update(_beside_neighbours(rest, positions, neighbours, origin=tuple(origin)))
    order = list(positions)
    apart = separate(
        [positions[node_id] for node_id in order],
        [node_id not in kept for node_id in order],
        NODE_SPACING,
    )
    return {
        node_id: _rounded(point)
        for node_id, point in zip(order, apart, strict=True)
        if node_id not in kept
    }


def _beside_neighbours(
    todo: Iterable[str],
    positions: dict[str, Point],
    neighbours: dict[str, list[str]],
    *,
    origin: Point,
    fallback: Callable[[], dict[str, Point]] | None = None,
) -> dict[str, Point]:
    """Place ``todo`` nodes beside their positioned neighbours, wave after wave, at free spots.

    Each goes a little outside (seen from ``origin``) the mean of its neighbours that have a
    position. Nodes that never get a positioned neighbour go to their position in what
    ``fallback()`` returns (called only when there are such nodes), or around the outside.
    """
    spots = FreeSpots(NODE_SPACING, positions.values(), width=LABEL_SPACING, limit=MAX_COORDINATE)
    known = dict(positions)
    placed: dict[str, Point] = {}
    waiting = list(todo)
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
            outward = _unit(
                mean[0] - origin[0], mean[1] - origin[1], _golden_direction(len(placed))
            )
            wanted = (mean[0] + outward[0] * NODE_SPACING, mean[1] + outward[1] * NODE_SPACING)
            known[node_id] = placed[node_id] = spots.take(wanted, outward)
        waiting = [node_id for node_id in waiting if node_id not in placed]
    outermost = max((math.dist(point, origin) for point in known.values()), default=0.0)
    fallback_positions = fallback() if fallback is not None and waiting else {}
    for number, node_id in enumerate(waiting):
        direction = _golden_direction(number)
        if node_id in fallback_positions:
            wanted = fallback_positions[node_id]
        else:
            wanted = (
                origin[0] + direction[0] * (outermost + NODE_SPACING),
                origin[1] + direction[1] * (outermost + NODE_SPACING),
            )
        placed[node_id] = spots.take(wanted, direction)
    return placed


# -- first placement ------------------------------------------------------------------------------


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
    placed = _placed(doc)
    todo = [node.id for node in doc.nodes if node.id not in placed]
    if not todo:
        return {}
    if not placed:
        return landscape_layout(doc)
    origin_array = np.array(list(placed.values())).mean(axis=0)
    origin = (float(origin_array[0]), float(origin_array[1]))
    new = _beside_neighbours(
        todo,
        placed,
        _neighbours(doc),
        origin=origin,
        fallback=lambda: landscape_layout(doc, pinned=placed.keys()),
    )
    return {node_id: _rounded(new[node_id]) for node_id in todo}

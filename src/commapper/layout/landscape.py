"""The landscape of practice: me at the centre, communities on rings by my participation level
and in wedges by sector, people and objects near what they connect."""

from __future__ import annotations

import math
from collections.abc import Collection

from commapper.layout.common import (
    FIRST_RING,
    LABEL_SPACING,
    NODE_SPACING,
    RING_GAP,
    RING_SPACING,
    SUB_RING_GAP,
    Progress,
    StepCount,
    golden_direction,
    kept_positions,
    neighbours_of,
    rounded,
    unit_vector,
)
from commapper.layout.spacing import FreeSpots, Point
from commapper.model import (
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    Level,
    MapDocument,
    MembershipEdge,
    ObjectUseEdge,
    PersonNode,
)
from commapper.model.items import MAX_COORDINATE

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
        if isinstance(edge, MembershipEdge) and edge.source == ego_id:
            old = levels.get(edge.target)
            if old is None or edge.level.strength > old.strength:
                levels[edge.target] = edge.level
    return levels


def _anchors(doc: MapDocument) -> dict[str, list[str]]:
    """The communities each person or boundary object connects: memberships, uses, crossings."""
    anchors: dict[str, dict[str, None]] = {}
    for edge in doc.edges:
        if isinstance(edge, MembershipEdge | ObjectUseEdge):
            anchors.setdefault(edge.source, {})[edge.target] = None
        elif isinstance(edge, CrossingEdge):
            for carrier in edge.via:
                anchors.setdefault(carrier, {}).update({edge.source: None, edge.target: None})
    return {node_id: list(communities) for node_id, communities in anchors.items()}


def landscape_layout(
    doc: MapDocument, *, pinned: Collection[str] = (), progress: Progress | None = None
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
    progress : callable or None
        Told ``(done, total)`` nodes placed as the layout goes; it may raise to stop the layout
        (see :data:`~commapper.layout.common.Progress`).

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
    kept = kept_positions(doc, pinned)
    steps = StepCount(progress, len(doc.nodes) - len(kept))
    ego = doc.ego
    centre: Point = (0.0, 0.0)
    if ego is not None and ego.id in kept:
        centre = kept[ego.id]
    spots = FreeSpots(NODE_SPACING, kept.values(), width=LABEL_SPACING, limit=MAX_COORDINATE)
    result: dict[str, Point] = {}
    if ego is not None and ego.id not in kept:
        result[ego.id] = spots.take(centre)
        steps.step()

    communities = [
        node.id for node in doc.nodes if isinstance(node, CommunityNode) and node.id not in kept
    ]
    if communities:
        levels = _ego_levels(doc, ego.id) if ego is not None else {}
        band_of = {
            community: LEVEL_RINGS[levels[community]] if community in levels else len(LEVEL_RINGS)
            for community in communities
        }
        for community, point in _ring_positions(doc, communities, band_of, centre).items():
            outward = unit_vector(point[0] - centre[0], point[1] - centre[1], (0.0, -1.0))
            result[community] = spots.take(point, outward)
            steps.step()

    positions = {**kept, **result}
    anchors = _anchors(doc)
    neighbours = neighbours_of(doc)
    others = [
        node.id
        for node in doc.nodes
        if isinstance(node, PersonNode | BoundaryObjectNode) and node.id not in kept
    ]
    outermost = (
        max((math.dist(point, centre) for point in positions.values()), default=0.0) + RING_GAP
    )

    def put_near(node_id: str, around: list[str]) -> None:
        xs = [positions[other][0] for other in around]
        ys = [positions[other][1] for other in around]
        mean = (sum(xs) / len(xs), sum(ys) / len(ys))
        outward = unit_vector(
            mean[0] - centre[0], mean[1] - centre[1], unit_vector(
                positions[around[0]][0] - centre[0], positions[around[0]][1] - centre[1],
                golden_direction(len(positions)),
            )
        )  # fmt: skip
        push = RING_GAP / 2
        wanted = (mean[0] + outward[0] * push, mean[1] + outward[1] * push)
        positions[node_id] = result[node_id] = spots.take(wanted, outward)
        steps.step()

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
        direction = golden_direction(index)
        wanted = (centre[0] + direction[0] * outermost, centre[1] + direction[1] * outermost)
        result[node_id] = spots.take(wanted, direction)
        steps.step()
    steps.finish()
    return {node_id: rounded(point) for node_id, point in result.items()}

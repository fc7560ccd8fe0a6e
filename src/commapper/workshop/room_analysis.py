"""What a room map says about the room (docs/workshop.md, docs/analysis.md): pure functions.

A room map is recognised by its participants (person nodes marked ``room:participant``, which
:func:`~commapper.workshop.merge.merge_maps` sets). :func:`analyse_room` reads, on the
community network C of :mod:`commapper.analysis` (communities joined by shared members, shared
boundary objects and crossings):

- the communities most shared: named by how many participants, and how many belong to each;
- the participants who are the only bridge between two communities (nothing else in the room,
  no other person, object or crossing, links the pair);
- the room's silos: groups of communities that nothing links to the rest of the room;
- the span matrix: for each pair of communities, how many participants belong to both;
- each participant's breadth, side by side (:func:`commapper.analysis.breadth.breadth`).

:func:`room_to_json` gives the ``"room"`` object of ``commapper analyse --json``;
:func:`room_report` the section of the readable report.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from commapper.analysis.breadth import breadth
from commapper.analysis.graphs import community_network, merge_edges
from commapper.analysis.result import Breadth
from commapper.analysis.simple_graph import SimpleGraph, connected_components
from commapper.model import CommunityNode, MapDocument, printable
from commapper.workshop.provenance import ROOM_COUNT, ROOM_PARTICIPANT


@dataclass(frozen=True)
class SharedCommunity:
    """A community and how many participants named it in their maps (``named_by``) and how many
    belong to it in the room map (``members``: participants with a membership, any level)."""

    community: str
    named_by: int
    members: int


@dataclass(frozen=True)
class SoleBridge:
    """A participant who alone links each of ``pairs`` of communities: no other participant,
    person, boundary object or crossing joins them."""

    participant: str
    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RoomSilo:
    """Communities that nothing in the room links to the rest of it, and the participants who
    belong to them."""

    communities: tuple[str, ...]
    participants: tuple[str, ...]


@dataclass(frozen=True)
class SpanPair:
    """Two communities and how many participants belong to both."""

    first: str
    second: str
    participants: int


@dataclass(frozen=True)
class SpanMatrix:
    """How many participants span each pair of communities: the pairs spanned by anyone, most
    spanned first; ``communities`` orders the rows and columns of :meth:`matrix` (most shared
    first)."""

    communities: tuple[str, ...]
    pairs: tuple[SpanPair, ...]

    def matrix(self) -> list[list[int]]:
        """The full community-by-community matrix, in the order of ``communities``; the
        diagonal is 0 (a community with itself is no pair: its participant members are in
        :attr:`RoomAnalysis.communities_most_shared`)."""
        index = {community: i for i, community in enumerate(self.communities)}
        rows = [[0] * len(index) for _ in index]
        for pair in self.pairs:
            i, j = index[pair.first], index[pair.second]
            rows[i][j] = rows[j][i] = pair.participants
        return rows


@dataclass(frozen=True)
class RoomAnalysis:
    participants: tuple[str, ...]
    communities_most_shared: tuple[SharedCommunity, ...]
    sole_bridges: tuple[SoleBridge, ...]
    silos: tuple[RoomSilo, ...]
    span: SpanMatrix
    breadth: dict[str, Breadth]


def room_participants(doc: MapDocument) -> list[str]:
    """The ids of the participants' person nodes, in the map's order; empty when the map is
    not a room map."""
    return [node.id for node in doc.nodes if node.attributes.get(ROOM_PARTICIPANT) is True]


def is_room_map(doc: MapDocument) -> bool:
    """Whether ``doc`` is a room map: it has participants (:func:`room_participants`, the one
    test of a room map, which the app, ``commapper merge`` and ``analyse`` all use)."""
    return bool(room_participants(doc))


def analyse_room(doc: MapDocument) -> RoomAnalysis:
    """The room's shared communities, sole bridges, silos, span matrix and breadths.

    Examples
    --------
    >>> from commapper.workshop.merge import Participant, merge_maps
    >>> from commapper.model import MeNode, CommunityNode, MembershipEdge
    >>> def mine(name, *communities):
    ...     doc = MapDocument.new()
    ...     doc.nodes = [MeNode(id="me", label=name)] + [
    ...         CommunityNode(id=f"c{i}", label=c) for i, c in enumerate(communities)]
    ...     doc.edges = [MembershipEdge(id=f"e{i}", source="me", target=f"c{i}", level="core")
    ...                  for i in range(len(communities))]
    ...     doc.reindex()
    ...     return Participant(name, name, doc)
    >>> maps = [mine("Ana", "Choir", "Nurses"), mine("Bo", "Choir"), mine("Cy", "Chess")]
    >>> room = merge_maps(maps)
    >>> result = analyse_room(room.document)
    >>> [(s.community, s.named_by) for s in result.communities_most_shared]
    [('c:choir', 2), ('c:nurses', 1), ('c:chess', 1)]
    >>> result.sole_bridges[0]
    SoleBridge(participant='p:ana', pairs=(('c:choir', 'c:nurses'),))
    >>> result.silos[0].communities
    ('c:chess',)
    """
    participants = room_participants(doc)
    merged = merge_edges(doc)
    network = community_network(merged)
    communities = [node for node in doc.nodes if isinstance(node, CommunityNode)]
    mine = {participant: sorted(merged.communities_of(participant)) for participant in participants}
    members = Counter(community for held in mine.values() for community in held)
    shared = sorted(
        (
            SharedCommunity(node.id, _count(node.attributes.get(ROOM_COUNT)), members[node.id])
            for node in communities
        ),
        key=lambda entry: (-entry.named_by, -entry.members),
    )
    order = {entry.community: rank for rank, entry in enumerate(shared)}
    spans: Counter[tuple[str, str]] = Counter()
    for held in mine.values():
        spans.update(combinations(sorted(held, key=order.__getitem__), 2))
    span = SpanMatrix(
        communities=tuple(entry.community for entry in shared),
        pairs=tuple(
            SpanPair(first, second, count)
            for (first, second), count in sorted(
                spans.items(), key=lambda item: (-item[1], order[item[0][0]], order[item[0][1]])
            )
        ),
    )
    return RoomAnalysis(
        participants=tuple(participants),
        communities_most_shared=tuple(shared),
        sole_bridges=_sole_bridges(network, set(participants)),
        silos=_silos(network, mine),
        span=span,
        breadth={
            participant: breadth(doc, merged, network, participant) for participant in participants
        },
    )


def _count(value: object) -> int:
    # A room map edited by hand may hold anything in room:count; a community is named once.
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 1


def _sole_bridges(network: SimpleGraph[str], participants: set[str]) -> tuple[SoleBridge, ...]:
    pairs: dict[str, list[tuple[str, str]]] = {}
    for first, second, data in network.edges(data=True):
        connectors = data["connectors"]
        if len(connectors) == 1:
            (connector,) = connectors
            if connector in participants:
                pairs.setdefault(connector, []).append((min(first, second), max(first, second)))
    return tuple(
        SoleBridge(participant, tuple(sorted(held)))
        for participant, held in sorted(pairs.items(), key=lambda item: (-len(item[1]), item[0]))
    )


def _silos(network: SimpleGraph[str], mine: dict[str, list[str]]) -> tuple[RoomSilo, ...]:
    """The components of C other than the one largest: when two or more are largest, none is
    the room's main part, and all are silos."""
    if network.number_of_nodes() < 2:
        return ()
    parts: list[set[str]] = sorted(
        connected_components(network), key=lambda part: (-len(part), min(part))
    )
    if len(parts) == 1:
        return ()
    if len(parts[0]) > len(parts[1]):
        parts = parts[1:]
    return tuple(
        RoomSilo(
            communities=tuple(sorted(part)),
            participants=tuple(
                participant for participant, held in mine.items() if not part.isdisjoint(held)
            ),
        )
        for part in parts
    )


# -- JSON and words -------------------------------------------------------------------------------


def room_to_json(analysis: RoomAnalysis) -> dict[str, Any]:
    """The ``"room"`` object of ``commapper analyse --json`` (docs/analysis.md)."""
    data = dataclasses.asdict(analysis)
    data["span"]["pairs"] = [
        [pair.first, pair.second, pair.participants] for pair in analysis.span.pairs
    ]
    return data


def room_report(doc: MapDocument, analysis: RoomAnalysis, *, top: int = 10) -> str:
    """The room in plain words, after the map's own report: Wenger's landscape of practice as
    a room sees it."""

    def label(node_id: str) -> str:
        return printable(doc.node(node_id).label or node_id)

    def listed(ids: tuple[str, ...] | list[str]) -> str:
        shown = ", ".join(label(node_id) for node_id in ids[:top])
        return shown + (f" and {len(ids) - top} more" if len(ids) > top else "")

    n = len(analysis.participants)
    lines = ["", f"The room: {n} participant{'' if n == 1 else 's'}"]
    lines.append("  Communities most shared (named by / members among the participants):")
    for entry in analysis.communities_most_shared[:top]:
        lines.append(f"    {entry.named_by:>4} / {entry.members:<4} {label(entry.community)}")
    if analysis.sole_bridges:
        lines.append("  Only bridges: each is the one link in the room between these communities")
        for bridge in analysis.sole_bridges[:top]:
            pairs = "; ".join(f"{label(a)} and {label(b)}" for a, b in bridge.pairs[:3])
            rest = len(bridge.pairs) - 3
            more = f" (and {rest} more pair{'' if rest == 1 else 's'})" if rest > 0 else ""
            lines.append(f"    {label(bridge.participant)}: {pairs}{more}")
    else:
        lines.append("  No participant is the only bridge between two communities.")
    if analysis.silos:
        lines.append("  Silos: communities nothing in the room links to the rest")
        for silo in analysis.silos[:top]:
            who = listed(silo.participants) if silo.participants else "no participant"
            lines.append(f"    {listed(silo.communities)} (belonging: {who})")
    else:
        lines.append("  No silos: every community is linked to the rest of the room.")
    if analysis.span.pairs:
        lines.append("  Communities spanned together (participants in both):")
        for pair in analysis.span.pairs[:top]:
            lines.append(
                f"    {pair.participants:>4}  {label(pair.first)} and {label(pair.second)}"
            )
    lines.append("  Each participant's breadth, broadest first:")
    lines.append("    communities  domains  sectors  within two steps")
    order = {participant: index for index, participant in enumerate(analysis.participants)}
    ranked = sorted(
        analysis.breadth.items(), key=lambda item: (-item[1].n_communities, order[item[0]])
    )
    for participant, figures in ranked:
        lines.append(
            f"    {figures.n_communities:>11}  {figures.n_domains:>7}  {figures.n_sectors:>7}  "
            f"{figures.reach2_communities:>16}  {label(participant)}"
        )
    return "\n".join(lines) + "\n"

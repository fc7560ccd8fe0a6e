"""Room analysis: each claim checked on generated rooms by an independent route.

The checks read the room map's edges directly (who belongs to what, which objects are used
where, which crossings go via whom) and the inputs' own truth (who named what), and compute
components with networkx, never through the analysis's community network C.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from itertools import combinations

import networkx as nx
from hypothesis import HealthCheck, given, settings

from commapper.analysis.analyse import analyse
from commapper.analysis.result import to_json
from commapper.workshop.merge import merge_maps
from commapper.workshop.provenance import item_sources
from commapper.workshop.room_analysis import (
    analyse_room,
    is_room_map,
    room_participants,
    room_report,
    room_to_json,
)
from tests.workshop.rooms import COMMUNITIES, rooms
from tests.workshop.test_merge import canonical as canonical_label

ROOM_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def memberships_read_directly(doc, actor):
    return {edge.target for edge in doc.edges if edge.kind == "membership" and edge.source == actor}


def connectors_read_directly(doc):
    """(community, community) -> what links them: actors in both, objects used by both, and a
    crossing's via (or the crossing itself when it names nobody)."""
    communities = [node.id for node in doc.nodes if node.kind == "community"]
    holders: dict[str, set[str]] = {}  # actor or object -> its communities
    for edge in doc.edges:
        if edge.kind in ("membership", "object_use"):
            holders.setdefault(edge.source, set()).add(edge.target)
    links: dict[frozenset, set[str]] = {}
    for first, second in combinations(communities, 2):
        pair = frozenset((first, second))
        links[pair] = {who for who, held in holders.items() if first in held and second in held}
    for edge in doc.edges:
        if edge.kind == "crossing":
            pair = frozenset((edge.source, edge.target))
            links[pair] |= set(edge.via) if edge.via else {f"crossing {edge.id}"}
    return {pair: who for pair, who in links.items() if who}


@given(rooms())
@ROOM_SETTINGS
def test_room_claims_hold_by_another_route(room):
    merged = merge_maps(room.participants)
    doc = merged.document
    assert is_room_map(doc)
    result = analyse_room(doc)
    participants = [merged.participants[p.source] for p in room.participants]
    assert list(result.participants) == participants == room_participants(doc)

    # Most shared: named by as many participants as named it in their maps; members read off
    # the membership edges of the participants' person nodes.
    named = Counter(label for held in room.communities for label in held)
    for entry in result.communities_most_shared:
        label = doc.node(entry.community).label
        canonical = canonical_label(label, COMMUNITIES)
        assert entry.named_by == named[canonical]
        assert entry.members == sum(
            entry.community in memberships_read_directly(doc, p) for p in participants
        )
    ranks = [(-e.named_by, -e.members) for e in result.communities_most_shared]
    assert ranks == sorted(ranks)
    assert len(result.communities_most_shared) == len(named)

    # The span matrix: participants in both, for every pair, zero where nobody spans it.
    held = {p: memberships_read_directly(doc, p) for p in participants}
    matrix = result.span.matrix()
    order = list(result.span.communities)
    for first, second in combinations(order, 2):
        spanning = sum(first in mine and second in mine for mine in held.values())
        assert matrix[order.index(first)][order.index(second)] == spanning
    assert all(pair.participants > 0 for pair in result.span.pairs)

    # Sole bridges: a participant is the one thing linking each pair named, and every pair
    # that a participant alone links is named.
    links = connectors_read_directly(doc)
    sole = {
        (pair, next(iter(who)))
        for pair, who in links.items()
        if len(who) == 1 and next(iter(who)) in participants
    }
    claimed = {
        (frozenset(pair), bridge.participant)
        for bridge in result.sole_bridges
        for pair in bridge.pairs
    }
    assert claimed == sole

    # Silos: the parts of the room nothing links, but the one largest.
    graph = nx.Graph()
    graph.add_nodes_from(order)
    graph.add_edges_from(tuple(pair) for pair in links)
    parts = sorted(nx.connected_components(graph), key=len, reverse=True)
    silo_parts = [set(silo.communities) for silo in result.silos]
    if len(order) < 2 or len(parts) == 1:
        assert silo_parts == []
    else:
        largest_unique = len(parts[0]) > len(parts[1])
        expected = parts[1:] if largest_unique else parts
        assert sorted(map(sorted, silo_parts)) == sorted(map(sorted, expected))
        for silo in result.silos:
            assert set(silo.participants) == {
                p for p in participants if held[p] & set(silo.communities)
            }

    # Breadth side by side: each participant's own communities.
    for p in participants:
        assert result.breadth[p].n_communities == len(held[p])


@given(rooms(min_participants=2))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_room_json_and_report_are_complete(room):
    merged = merge_maps(room.participants)
    result = analyse_room(merged.document)
    data = json.loads(json.dumps(room_to_json(result)))
    assert set(data) == {
        "participants", "communities_most_shared", "sole_bridges", "silos", "span", "breadth"
    }  # fmt: skip
    assert set(data["breadth"]) == set(result.participants)
    for first, second, count in data["span"]["pairs"]:
        assert second in data["span"]["communities"]
        assert count >= 1 and first in data["span"]["communities"]
    report = room_report(merged.document, result)
    for participant in result.participants:
        assert merged.document.node(participant).label in report
    # The room map is an ordinary map: the whole analysis runs on it too.
    assert to_json(analyse(merged.document))["ego"] is None


def test_an_ordinary_map_is_not_a_room_map():
    from commapper.io import load_map
    from commapper.resources import DEFAULT_EXAMPLE

    assert not is_room_map(load_map(DEFAULT_EXAMPLE))


def test_the_provenance_of_a_room_map_names_its_participants():
    from tests.workshop.test_merge import participant

    merged = merge_maps([participant("Ana", ["Choir"]), participant("Bo", ["Choir"])])
    (choir,) = [node for node in merged.document.nodes if node.kind == "community"]
    assert item_sources(choir) == room_participants(merged.document)


@ROOM_SETTINGS
@given(rooms())
def test_a_room_map_is_a_map_with_participants_and_nothing_else(room):
    """One test of a room map: is_room_map says so exactly when room_participants names some,
    however the marks were left (merged, taken off all but one, the last one not true)."""
    doc = merge_maps(room.participants).document
    assert is_room_map(doc) == bool(room_participants(doc)) == bool(room.participants)

    def marked(node, mark):
        attributes = {k: v for k, v in node.attributes.items() if k != "room:participant"}
        if mark is not None:
            attributes["room:participant"] = mark
        return dataclasses.replace(node, attributes=attributes)

    first, *others = room_participants(doc)
    doc.nodes = [marked(node, None) if node.id in others else node for node in doc.nodes]
    doc.reindex()
    assert is_room_map(doc) and room_participants(doc) == [first]
    doc.nodes = [marked(node, "yes") if node.id == first else node for node in doc.nodes]
    doc.reindex()
    assert not is_room_map(doc) and room_participants(doc) == []

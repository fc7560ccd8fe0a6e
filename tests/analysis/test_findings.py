"""Findings: every sentence true of the map, checked by an independent route.

The checks read the document's edges directly (who belongs to what, which crossings go via
whom) and recompute components and betweenness with networkx, never through the analysis's own
graphs C, EG or its cut search.
"""

from __future__ import annotations

import re
from itertools import combinations

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commapper.analysis.analyse import analyse
from commapper.analysis.findings import (
    MAX_FINDINGS,
    MAX_OPEN_PAIRS_NAMED,
    HoldsTogether,
    OnlyLink,
    OnlyLinkCount,
    Silo,
    SoleLink,
    TopBroker,
)
from commapper.model import (
    LEVELS,
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    MapDocument,
    MembershipEdge,
    MeNode,
    ObjectUseEdge,
    PersonNode,
    TieEdge,
)

# -- maps ---------------------------------------------------------------------------------------


def build(nodes, edges) -> MapDocument:
    doc = MapDocument.new("test")
    doc.nodes, doc.edges = list(nodes), list(edges)
    doc.reindex()
    return doc


@st.composite
def landscapes(draw) -> MapDocument:
    """Maps with and without me: memberships, crossings with and without via, boundary
    objects, ties, isolated nodes and parts that do not touch."""
    has_me = draw(st.booleans())
    communities = [f"c{i}" for i in range(draw(st.integers(0, 7)))]
    people = [f"p{i}" for i in range(draw(st.integers(0, 6)))]
    objects = [f"o{i}" for i in range(draw(st.integers(0, 3)))]
    actors = (["me"] if has_me else []) + people
    nodes = [MeNode(id="me", label="Me")] if has_me else []
    nodes += [CommunityNode(id=c, label=c.upper()) for c in communities]
    nodes += [PersonNode(id=p, label=p.upper()) for p in people]
    nodes += [BoundaryObjectNode(id=o, label=o.upper()) for o in objects]
    edges = []

    def pairs(first, second, most):
        if not first or not second:
            return []
        chosen = draw(st.lists(st.tuples(st.sampled_from(first), st.sampled_from(second)),
                               max_size=most, unique=True))  # fmt: skip
        return [(a, b) for a, b in chosen if a != b]

    for actor, community in pairs(actors, communities, 14):
        level = draw(st.sampled_from(LEVELS))
        edges.append(MembershipEdge(id=f"m{len(edges)}", source=actor, target=community,
                                    level=level))  # fmt: skip
    if has_me and communities:  # me in several communities, as in a real landscape
        for community in draw(st.lists(st.sampled_from(communities), max_size=4, unique=True)):
            edges.append(MembershipEdge(id=f"m{len(edges)}", source="me", target=community,
                                        level="active"))  # fmt: skip
    for source, target in pairs(communities, communities, 4):
        brokers = actors + objects
        via = draw(st.lists(st.sampled_from(brokers), max_size=2, unique=True)) if brokers else []
        edges.append(CrossingEdge(id=f"x{len(edges)}", source=source, target=target, via=via))
    for obj, community in pairs(objects, communities, 5):
        edges.append(ObjectUseEdge(id=f"u{len(edges)}", source=obj, target=community))
    for first, second in pairs(actors, actors, 5):
        edges.append(TieEdge(id=f"t{len(edges)}", source=first, target=second))
    return build(nodes, edges)


# -- the map read directly ------------------------------------------------------------------------


def kinds(doc: MapDocument) -> dict[str, str]:
    return {node.id: node.kind for node in doc.nodes}


def direct_links(doc: MapDocument, first: str, second: str) -> set[str]:
    """Who or what links two communities directly: members of both, boundary objects used by
    both, and the crossings between them (through their via, or the crossing itself)."""
    belongs: dict[str, set[str]] = {}
    for edge in doc.edges:
        if edge.kind in ("membership", "object_use"):
            belongs.setdefault(edge.source, set()).add(edge.target)
    links = {node for node, joined in belongs.items() if {first, second} <= joined}
    for edge in doc.edges:
        if edge.kind == "crossing" and {edge.source, edge.target} == {first, second}:
            links |= set(edge.via) or {f"crossing {edge.id}"}
    return links


def member_of(doc: MapDocument, actor: str) -> set[str]:
    return {e.target for e in doc.edges if e.kind == "membership" and e.source == actor}


def whole_map(doc: MapDocument) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(node.id for node in doc.nodes)
    graph.add_edges_from((edge.source, edge.target) for edge in doc.edges)
    return graph


def community_ids(doc: MapDocument) -> list[str]:
    return sorted(node.id for node in doc.nodes if node.kind == "community")


# -- each claim held to the map -----------------------------------------------------------------


def check_only_link(doc: MapDocument, claim: OnlyLink) -> None:
    first, second = claim.communities
    assert claim.you == "me" and {first, second} <= member_of(doc, "me")
    assert direct_links(doc, first, second) == {"me"}


def check_only_link_count(doc: MapDocument, claim: OnlyLinkCount) -> None:
    mine = sorted(member_of(doc, "me"))
    pairs = [pair for pair in combinations(mine, 2) if direct_links(doc, *pair) == {"me"}]
    assert claim.n_pairs == len(pairs) > MAX_OPEN_PAIRS_NAMED
    assert set(claim.communities) == {community for pair in pairs for community in pair}


def check_silo(doc: MapDocument, claim: Silo) -> None:
    others = [c for c in community_ids(doc) if c != claim.community]
    assert others, "a map's only community is not a silo"
    links = {other: direct_links(doc, claim.community, other) for other in others}
    assert all(linked <= {"me"} for linked in links.values())
    assert list(claim.linked_by_you) == sorted(o for o, linked in links.items() if linked)
    if claim.linked_by_you:
        assert claim.you == "me"


def check_sole_link(doc: MapDocument, claim: SoleLink) -> None:
    assert kinds(doc)[claim.connector] in ("person", "boundary_object")
    expected = {claim.connector} | ({"me"} if claim.you else set())
    every_pair = combinations(community_ids(doc), 2)
    assert list(claim.pairs) == [p for p in every_pair if direct_links(doc, *p) == expected]


def check_top_broker(doc: MapDocument, claim: TopBroker) -> None:
    graph = whole_map(doc)
    scores = nx.betweenness_centrality(graph, normalized=True)
    candidates = {n: s for n, s in scores.items() if kinds(doc)[n] in ("person", "boundary_object")}
    best = max(candidates.values())
    assert claim.betweenness == pytest.approx(best) and best > 0
    assert set(claim.brokers) == {n for n, s in candidates.items() if s == pytest.approx(best)}
    assert not claim.estimated
    if doc.ego is None:
        assert claim.you is None
    else:
        assert claim.your_betweenness == pytest.approx(scores["me"])
        text = claim.sentence(str)
        if scores["me"] > best + 1e-9:
            assert "after you" in text
        elif scores["me"] < best - 1e-9:
            assert "ahead of you" in text
    touched = {n for b in claim.brokers for n in graph[b] if kinds(doc)[n] == "community"}
    assert set(claim.communities) == touched


def check_holds_together(doc: MapDocument, claim: HoldsTogether) -> None:
    graph = whole_map(doc)
    without = graph.copy()
    without.remove_node(claim.node)
    if doc.ego is not None:
        assert claim.you == "me"
        reached_before = nx.node_connected_component(graph, "me")
        reached_after = nx.node_connected_component(without, "me")
        assert set(claim.cut_off) == reached_before - reached_after - {claim.node}
    else:
        assert claim.you is None
        component = nx.node_connected_component(graph, claim.node) - {claim.node}
        pieces = [piece for piece in nx.connected_components(without) if piece <= component]
        kept = component - set(claim.cut_off)
        assert kept in pieces and len(kept) == max(len(piece) for piece in pieces)
    node_kinds = [kinds(doc)[n] for n in claim.cut_off]
    assert claim.communities == tuple(n for n in claim.cut_off if kinds(doc)[n] == "community")
    assert claim.n_people == node_kinds.count("person")
    assert claim.n_objects == node_kinds.count("boundary_object")
    assert len(claim.cut_off) >= 2 or claim.communities, "one dangling node is not a finding"


CHECKS = {
    OnlyLink: check_only_link,
    OnlyLinkCount: check_only_link_count,
    Silo: check_silo,
    SoleLink: check_sole_link,
    TopBroker: check_top_broker,
    HoldsTogether: check_holds_together,
}


def placeholder(node_id: str) -> str:
    return f"<{node_id}>"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(landscapes())
def test_every_finding_is_true_of_the_map(doc):
    result = analyse(doc)
    found = result.findings
    assert len(found) <= MAX_FINDINGS
    weights = [finding.claim.weight() for finding in found]
    assert weights == sorted(weights, reverse=True), "the most important first"
    for finding in found:
        CHECKS[type(finding.claim)](doc, finding.claim)
        # The words come from the claim, and say "you" only where me takes part in it.
        assert finding.text == finding.claim.sentence(lambda i: doc.node(i).label or i)
        words = re.findall(r"\b[Yy]ou(?:rs)?\b", finding.claim.sentence(placeholder))
        assert not words or finding.claim.you == "me"
        assert set(finding.nodes) <= {node.id for node in doc.nodes}


# -- the four sentences that were false ------------------------------------------------------------


def texts(doc: MapDocument) -> list[str]:
    return [finding.text for finding in analyse(doc).findings]


def choir_apart_from_a_link() -> MapDocument:
    """I belong to Choir only; Ana alone links Nurses and IT, which I do not belong to."""
    return build(
        [MeNode(id="me"), CommunityNode(id="c1", label="Choir"),
         CommunityNode(id="c2", label="Nurses"), CommunityNode(id="c3", label="IT"),
         PersonNode(id="p1", label="Ana")],
        [MembershipEdge(id="m1", source="me", target="c1", level="core"),
         MembershipEdge(id="m2", source="p1", target="c2", level="core"),
         MembershipEdge(id="m3", source="p1", target="c3", level="core")],
    )  # fmt: skip


def test_a_link_between_communities_you_do_not_belong_to_does_not_mention_you():
    doc = choir_apart_from_a_link()
    assert "Ana is the only link between Nurses and IT." in texts(doc)
    assert not any("link" in text and "Ana" in text and "you" in text for text in texts(doc))


def test_the_strongest_broker_is_not_after_you_when_you_rank_lower():
    # Ana stands between two groups of people; me hangs off one community.
    doc = build(
        [MeNode(id="me"), CommunityNode(id="c1", label="Nurses"),
         CommunityNode(id="c2", label="IT"), PersonNode(id="p1", label="Ana"),
         PersonNode(id="p2", label="Ben"), PersonNode(id="p3", label="Cy")],
        [MembershipEdge(id="m1", source="me", target="c1", level="core"),
         MembershipEdge(id="m2", source="p1", target="c1", level="core"),
         MembershipEdge(id="m3", source="p1", target="c2", level="core"),
         MembershipEdge(id="m4", source="p2", target="c2", level="core"),
         TieEdge(id="t1", source="p2", target="p3")],
    )  # fmt: skip
    result = analyse(doc)
    nodes = result.brokerage.nodes
    assert nodes["me"].betweenness < nodes["p1"].betweenness
    [top] = [text for text in texts(doc) if "strongest broker" in text]
    assert "ahead of you" in top and "after you" not in top


def test_nothing_is_cut_off_from_you_when_you_still_connect_it():
    # Without me, Ana would hold c1 and c2 together, but I belong to both; Ben dangles from Ana.
    doc = build(
        [MeNode(id="me"), CommunityNode(id="c1", label="Nurses"),
         CommunityNode(id="c2", label="IT"), PersonNode(id="p1", label="Ana"),
         PersonNode(id="p2", label="Ben")],
        [MembershipEdge(id="m1", source="me", target="c1", level="core"),
         MembershipEdge(id="m2", source="me", target="c2", level="core"),
         MembershipEdge(id="m3", source="p1", target="c1", level="core"),
         MembershipEdge(id="m4", source="p1", target="c2", level="core"),
         TieEdge(id="t1", source="p1", target="p2")],
    )  # fmt: skip
    assert analyse(doc).brokerage.articulation_points_without_ego == ("p1",)
    assert not [text for text in texts(doc) if "cut off" in text]


def test_what_is_cut_off_from_you_is_counted():
    doc = build(
        [MeNode(id="me"), CommunityNode(id="c1", label="Nurses"),
         CommunityNode(id="c2", label="IT"), PersonNode(id="p1", label="Ana"),
         PersonNode(id="p2", label="Ben"), PersonNode(id="p3", label="Cy")],
        [MembershipEdge(id="m1", source="me", target="c1", level="core"),
         MembershipEdge(id="m3", source="p1", target="c1", level="core"),
         MembershipEdge(id="m4", source="p1", target="c2", level="core"),
         MembershipEdge(id="m5", source="p2", target="c2", level="core"),
         MembershipEdge(id="m6", source="p3", target="c2", level="core")],
    )  # fmt: skip
    assert "Without Ana, IT and two people would be cut off from you." in texts(doc)


def test_a_community_linked_to_nothing_is_not_linked_by_you():
    # Nothing links Choir to another community, me included.
    doc = choir_apart_from_a_link()
    assert "Choir is a silo: nothing links it to another community." in texts(doc)
    assert not any("Choir" in text and "you" in text for text in texts(doc))


def test_a_map_with_one_community_has_no_silo():
    doc = build([MeNode(id="me"), CommunityNode(id="c1", label="Choir")],
                [MembershipEdge(id="m1", source="me", target="c1", level="core")])  # fmt: skip
    assert not [text for text in texts(doc) if "silo" in text]


def test_findings_in_json_carry_their_claim():
    from commapper.analysis import to_json

    doc = build(
        [MeNode(id="me"), CommunityNode(id="c1", label="Choir"),
         CommunityNode(id="c2", label="Nurses")],
        [MembershipEdge(id="m1", source="me", target="c1", level="core"),
         MembershipEdge(id="m2", source="me", target="c2", level="core")],
    )  # fmt: skip
    [finding] = [f for f in to_json(analyse(doc))["findings"] if f["code"] == "only_link"]
    assert finding == {
        "code": "only_link",
        "text": "You are the only direct link between Choir and Nurses.",
        "nodes": ["c1", "c2", "me"],
        "claim": {"you": "me", "communities": ["c1", "c2"]},
    }

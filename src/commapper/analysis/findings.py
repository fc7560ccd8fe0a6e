"""Findings in plain words (docs/analysis.md): each holds its claim as data, and its sentence is
made from that claim alone, so that a test can hold every sentence to the map.

A claim names its nodes by id and carries its numbers. "You" appears in a sentence only where
``me`` takes part in what is claimed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from commapper.analysis.cuts import Separations
from commapper.analysis.graphs import MergedMaps
from commapper.analysis.simple_graph import SimpleGraph
from commapper.model import MapDocument, NodeKind

# At most this many findings, the most important first. In one finding, at most this many pairs
# of communities are named (the rest counted), and this many nodes of one kind.
MAX_FINDINGS = 12
MAX_PAIRS_NAMED = 2
MAX_NAMED = 3
# Up to this many of your own open pairs, each is a finding; beyond, one finding counts them.
MAX_OPEN_PAIRS_NAMED = 3
# Betweenness values this close count as a tie for the top.
TIE_TOLERANCE = 1e-9

Name = Callable[[str], str]


def _listed(words: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _names(name: Name, ids: Iterable[str]) -> str:
    return _listed([name(node_id) for node_id in ids])


def _pairs_text(name: Name, pairs: tuple[tuple[str, str], ...], repeat: str) -> str:
    """ "A and B", or "A and B, {repeat}A and C, and 4 more pairs of communities"."""
    named = [_names(name, pair) for pair in pairs[:MAX_PAIRS_NAMED]]
    rest = len(pairs) - len(named)
    if rest:
        named.append(f"{rest} more {'pair' if rest == 1 else 'pairs'} of communities")
    elif len(named) > 1:
        named[-1] = repeat + named[-1]
    if len(named) == 1:
        return named[0]
    return f", {repeat}".join(named[:-1]) + ", and " + named[-1]


def _counted(number: int, one: str, many: str) -> str:
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return f"{words[number] if number < len(words) else number} {one if number == 1 else many}"


def _figure(value: float, other: float | None = None) -> str:
    """Two decimals, or three when two would make ``value`` and ``other`` look equal."""
    if other is not None and value != other and f"{value:.2f}" == f"{other:.2f}":
        return f"{value:.3f}"
    return f"{value:.2f}"


# -- claims ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class OnlyLink:
    """``you`` belong to both communities, and nothing else links them directly: no one else
    belongs to both, no boundary object is used by both, no crossing joins them except through
    you (an open pair, a structural hole only you span)."""

    code: ClassVar[str] = "only_link"
    you: str
    communities: tuple[str, str]

    def sentence(self, name: Name) -> str:
        return f"You are the only direct link between {_names(name, self.communities)}."

    def nodes(self) -> tuple[str, ...]:
        return (self.you, *self.communities)

    def weight(self) -> tuple[int, int]:
        return 2, 1


@dataclass(frozen=True)
class OnlyLinkCount:
    """``n_pairs`` pairs of your communities are linked directly by you alone (too many to
    name each); ``communities`` are the communities of those pairs."""

    code: ClassVar[str] = "only_link_count"
    you: str
    n_pairs: int
    communities: tuple[str, ...]

    def sentence(self, name: Name) -> str:
        return f"You are the only direct link between {self.n_pairs} pairs of your communities."

    def nodes(self) -> tuple[str, ...]:
        return (self.you, *self.communities)

    def weight(self) -> tuple[int, int]:
        return len(self.communities), self.n_pairs


@dataclass(frozen=True)
class Silo:
    """A community no connector links to another community (``linked_by_you`` empty), or
    one that only ``you`` link to others: to exactly the communities of ``linked_by_you``."""

    code: ClassVar[str] = "silo"
    community: str
    you: str | None
    linked_by_you: tuple[str, ...]

    def sentence(self, name: Name) -> str:
        if not self.linked_by_you:
            return f"{name(self.community)} is a silo: nothing links it to another community."
        others = "another community" if len(self.linked_by_you) == 1 else (
            f"other communities ({len(self.linked_by_you)} of them)"
        )  # fmt: skip
        return f"{name(self.community)} is a silo: you are its only link to {others}."

    def nodes(self) -> tuple[str, ...]:
        if self.you is not None and self.linked_by_you:
            return self.community, self.you
        return (self.community,)

    def weight(self) -> tuple[int, int]:
        return 1 + len(self.linked_by_you), 0


@dataclass(frozen=True)
class SoleLink:
    """``connector`` (a person or boundary object) is the only direct link between each of
    ``pairs`` of communities; with ``you`` set, the only one besides you."""

    code: ClassVar[str] = "sole_link"
    connector: str
    pairs: tuple[tuple[str, str], ...]
    you: str | None = None

    def sentence(self, name: Name) -> str:
        if self.you is not None:
            return f"Only you and {name(self.connector)} link {_pairs_text(name, self.pairs, '')}."
        pairs = _pairs_text(name, self.pairs, "between ")
        return f"{name(self.connector)} is the only link between {pairs}."

    def communities(self) -> tuple[str, ...]:
        return tuple(sorted({community for pair in self.pairs for community in pair}))

    def nodes(self) -> tuple[str, ...]:
        you = () if self.you is None else (self.you,)
        return (self.connector, *you, *self.communities())

    def weight(self) -> tuple[int, int]:
        return len(self.communities()), len(self.pairs)


@dataclass(frozen=True)
class TopBroker:
    """``brokers`` share the highest betweenness on the whole map among people and boundary
    objects (``you`` are not among them); ``your_betweenness`` is yours, for comparison."""

    code: ClassVar[str] = "top_broker"
    brokers: tuple[str, ...]
    betweenness: float
    estimated: bool
    communities: tuple[str, ...]  # the communities the brokers touch
    you: str | None = None
    your_betweenness: float | None = None

    def sentence(self, name: Name) -> str:
        who = _names(name, self.brokers)
        if len(self.brokers) == 1:
            subject = f"{who} is the strongest broker"
        else:
            subject = f"{who} are the strongest brokers"
        about = "about " if self.estimated else ""
        figure = f"betweenness {about}{_figure(self.betweenness, self.your_betweenness)}"
        if len(self.brokers) > 1:
            figure += " each"
        text = f"{subject} among the people and boundary objects"
        if self.you is None or self.your_betweenness is None:
            return f"{text} ({figure})."
        yours = _figure(self.your_betweenness, self.betweenness)
        if self.your_betweenness > self.betweenness:
            return f"{text}, after you ({figure}; yours {yours})."
        if self.your_betweenness < self.betweenness:
            return f"{text}, ahead of you ({figure}; yours {yours})."
        return f"{text}, level with you ({figure}, as yours)."

    def nodes(self) -> tuple[str, ...]:
        return self.brokers

    def weight(self) -> tuple[int, int]:
        return len(self.communities), 0


@dataclass(frozen=True)
class HoldsTogether:
    """Removing ``node`` from the whole map (G_map) cuts ``cut_off`` off from ``you``; on a map
    without me, from the largest part that is left of its component."""

    code: ClassVar[str] = "holds_together"
    node: str
    cut_off: tuple[str, ...]
    communities: tuple[str, ...]  # the communities among cut_off
    n_people: int  # people among cut_off
    n_objects: int  # boundary objects among cut_off
    you: str | None

    def sentence(self, name: Name) -> str:
        whom = "you" if self.you is not None else "the rest of the map"
        if len(self.communities) > MAX_NAMED:
            parts = [_counted(len(self.communities), "community", "communities")]
        else:
            parts = [name(community) for community in self.communities]
        if self.n_people:
            parts.append(_counted(self.n_people, "person", "people"))
        if self.n_objects:
            parts.append(_counted(self.n_objects, "boundary object", "boundary objects"))
        return f"Without {name(self.node)}, {_listed(parts)} would be cut off from {whom}."

    def nodes(self) -> tuple[str, ...]:
        return (self.node, *self.communities)

    def weight(self) -> tuple[int, int]:
        return len(self.communities), len(self.cut_off)


Claim = OnlyLink | OnlyLinkCount | Silo | SoleLink | TopBroker | HoldsTogether
# Ties in importance are ordered by kind, in this order.
CLAIM_ORDER = (HoldsTogether, SoleLink, OnlyLink, OnlyLinkCount, Silo, TopBroker)


@dataclass(frozen=True)
class Finding:
    """One thing that stands out in a map: its claim, and the sentence made from it."""

    claim: Claim
    text: str

    @property
    def code(self) -> str:
        return self.claim.code

    @property
    def nodes(self) -> list[str]:
        """The ids the finding is about, sorted: what clicking it selects."""
        return sorted(set(self.claim.nodes()))


# -- finding them ------------------------------------------------------------------------------


def findings(
    doc: MapDocument,
    merged: MergedMaps,
    full_map: SimpleGraph[str],
    communities: SimpleGraph[str],
    betweenness: dict[str, float],
    *,
    open_pairs: Sequence[tuple[str, str]],
    estimated: bool,
) -> list[Finding]:
    """What stands out in the map, the most important first (what more communities, then more
    nodes, depend on), at most :data:`MAX_FINDINGS`.

    ``communities`` is C with its ``connectors`` on each edge; ``open_pairs`` are ego's.
    """
    ego = doc.ego.id if doc.ego else None
    claims: list[Claim] = []
    if ego is not None:
        claims += _only_links(ego, open_pairs)
    claims += _silos(communities, ego)
    claims += _sole_links(communities, merged, ego)
    top = _top_broker(full_map, merged.kinds, betweenness, ego, estimated=estimated)
    if top is not None:
        claims.append(top)
    claims += _holds_together(full_map, merged.kinds, ego)

    def name(node_id: str) -> str:
        return doc.node(node_id).label or node_id

    def importance(claim: Claim) -> tuple[int, int, int]:
        communities_count, nodes_count = claim.weight()
        return -communities_count, -nodes_count, CLAIM_ORDER.index(type(claim))

    ranked = sorted(claims, key=importance)[:MAX_FINDINGS]
    return [Finding(claim, claim.sentence(name)) for claim in ranked]


def _only_links(ego: str, open_pairs: Sequence[tuple[str, str]]) -> list[Claim]:
    if len(open_pairs) <= MAX_OPEN_PAIRS_NAMED:
        return [OnlyLink(ego, (first, second)) for first, second in open_pairs]
    communities = tuple(sorted({community for pair in open_pairs for community in pair}))
    return [OnlyLinkCount(ego, len(open_pairs), communities)]


def _silos(communities: SimpleGraph[str], ego: str | None) -> list[Silo]:
    """Communities that nothing links to another, or that only ego links (a map's only
    community is not a silo)."""
    if communities.number_of_nodes() < 2:
        return []
    silos = []
    for community in sorted(communities):
        linked_by_others = False
        linked_by_you = []
        for other, data in communities[community].items():
            if data["connectors"] - {ego}:
                linked_by_others = True
                break
            linked_by_you.append(other)
        if not linked_by_others:
            silos.append(Silo(community, ego, tuple(sorted(linked_by_you))))
    return silos


def _sole_links(
    communities: SimpleGraph[str], merged: MergedMaps, ego: str | None
) -> list[SoleLink]:
    """People and boundary objects that alone link pairs of communities (or alone with you)."""
    alone: dict[str, list[tuple[str, str]]] = {}
    with_you: dict[str, list[tuple[str, str]]] = {}
    for first, second, data in communities.edges(data=True):
        others = data["connectors"] - {ego}
        if len(others) != 1:
            continue
        (connector,) = others
        if merged.kinds.get(connector) not in (NodeKind.PERSON, NodeKind.BOUNDARY_OBJECT):
            continue  # a crossing with no named broker links on its own
        pair = (min(first, second), max(first, second))
        (with_you if ego in data["connectors"] else alone).setdefault(connector, []).append(pair)
    claims = [SoleLink(node, tuple(sorted(pairs))) for node, pairs in alone.items()]
    claims += [SoleLink(node, tuple(sorted(pairs)), ego) for node, pairs in with_you.items()]
    return sorted(claims, key=lambda claim: (claim.connector, claim.you is not None))


def _top_broker(
    full_map: SimpleGraph[str],
    kinds: dict[str, str],
    betweenness: dict[str, float],
    ego: str | None,
    *,
    estimated: bool,
) -> TopBroker | None:
    scores = {
        node: betweenness[node]
        for node in full_map
        if kinds[node] in (NodeKind.PERSON, NodeKind.BOUNDARY_OBJECT)
    }
    if not scores or max(scores.values()) <= 0:
        return None
    best = max(scores.values())
    brokers = tuple(sorted(n for n, s in scores.items() if best - s <= TIE_TOLERANCE * best))
    if len(brokers) > MAX_NAMED:
        return None  # many level at the top: no one stands out
    touched = {
        neighbour
        for broker in brokers
        for neighbour in full_map[broker]
        if kinds[neighbour] == NodeKind.COMMUNITY
    }
    yours = None if ego is None else betweenness[ego]
    if yours is not None and abs(yours - best) <= TIE_TOLERANCE * best:
        yours = best
    return TopBroker(brokers, best, estimated, tuple(sorted(touched)), ego, yours)


def _holds_together(
    full_map: SimpleGraph[str], kinds: dict[str, str], ego: str | None
) -> list[HoldsTogether]:
    """People and boundary objects whose removal cuts something off from me (or, without me,
    from the largest part left), unless all it cuts off is one person or object; only the most
    important are spelt out node by node."""
    separations = Separations[str](full_map, ego)  # G_map's nodes are the map's ids
    sizes = separations.sizes(lambda node: kinds[node] == NodeKind.COMMUNITY)
    candidates = sorted(
        (
            (-n_communities, -n_nodes, node)
            for node, (n_nodes, n_communities) in sizes.items()
            if kinds[node] in (NodeKind.PERSON, NodeKind.BOUNDARY_OBJECT)
            and (n_nodes >= 2 or n_communities)
        ),
    )[:MAX_FINDINGS]
    claims = []
    for _, _, node in candidates:
        cut_off = separations.cut_off(node)
        by_kind = Counter(kinds[n] for n in cut_off)
        communities = tuple(sorted(n for n in cut_off if kinds[n] == NodeKind.COMMUNITY))
        claims.append(
            HoldsTogether(
                node,
                tuple(sorted(cut_off)),
                communities,
                by_kind[NodeKind.PERSON],
                by_kind[NodeKind.BOUNDARY_OBJECT],
                ego,
            )
        )
    return claims

"""Breadth of participation (docs/analysis.md): how many, how diverse, how far one's communities
reach.

Wenger's *expansiveness*: a landscape of practice is broad when it spans many communities, in
different domains and sectors, inside and outside one's organisation.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable

from commapper.analysis.graphs import MergedMaps, linked_communities
from commapper.analysis.result import Breadth, Diversity
from commapper.analysis.simple_graph import SimpleGraph
from commapper.model import LEVELS, CommunityNode, MapDocument, Mode


def diversity(values: Iterable[Hashable]) -> Diversity:
    """Heterogeneity of observed categories: Blau, IQV, Shannon entropy and evenness.

    With p_k the share of category k and K the number of observed categories:
    Blau = 1 - sum p_k^2; IQV = Blau * K / (K - 1); Shannon H = -sum p_k ln p_k; evenness
    J = H / ln K. No observations: every index None. One category: every index 0.

    Examples
    --------
    >>> diversity(["health", "health", "hobby", "work"]).K
    3

    References
    ----------
    Blau, P. M. (1977). Inequality and Heterogeneity. Free Press. Agresti, A. and Agresti,
    B. F. (1978). Statistical analysis of qualitative variation. Sociological Methodology 9.
    """
    counts = Counter(values)
    n, k = sum(counts.values()), len(counts)
    if n == 0:
        return Diversity(n=0, K=0, blau=None, iqv=None, shannon=None, evenness=None)
    if k == 1:
        return Diversity(n=n, K=1, blau=0.0, iqv=0.0, shannon=0.0, evenness=0.0)
    shares = [count / n for count in counts.values()]
    blau = 1 - sum(p * p for p in shares)
    shannon = -sum(p * math.log(p) for p in shares)
    return Diversity(
        n=n, K=k, blau=blau, iqv=blau * k / (k - 1), shannon=shannon, evenness=shannon / math.log(k)
    )


def breadth(
    doc: MapDocument,
    merged: MergedMaps,
    communities: SimpleGraph[str],
    actor: str,
    *,
    members_only: bool = False,
) -> Breadth:
    """Breadth figures of ``actor`` (ego or any actor) under one level filter.

    ``members_only`` leaves out transactional memberships (Wenger: passing encounters are not
    membership). Reach is counted in C (``communities``) without the actor and without ego.
    """
    mine = merged.communities_of(actor, members_only=members_only)
    # A membership's target is a community; the check only tells the type checker so.
    nodes = [node for node in map(doc.node, mine) if isinstance(node, CommunityNode)]
    modes = Counter(mode for community in mine for mode in merged.memberships[actor][community][1])
    domains = [node.domain for node in nodes if node.domain]
    sectors = [node.sector for node in nodes if node.sector]
    inside = sum(node.inside_org is True for node in nodes)
    outside = sum(node.inside_org is False for node in nodes)
    ego = doc.ego.id if doc.ego else actor
    neighbours = linked_communities(communities, mine, {actor, ego})
    people = {
        other
        for other, levels in merged.memberships.items()
        if other != actor and not set(levels).isdisjoint(mine)
    }
    people |= {end for pair in merged.ties for end in pair if actor in pair}
    people.discard(actor)
    return Breadth(
        n_communities=len(mine),
        by_level={level.value: sum(lvl == level for lvl in mine.values()) for level in LEVELS},
        by_mode={mode.value: modes.get(mode.value, 0) for mode in Mode},
        n_domains=len(set(domains)),
        domain_diversity=diversity(domains),
        n_missing_domain=len(mine) - len(domains),
        n_sectors=len(set(sectors)),
        sector_diversity=diversity(sectors),
        n_missing_sector=len(mine) - len(sectors),
        n_inside_org=inside,
        n_outside_org=outside,
        n_unknown_org=len(mine) - inside - outside,
        share_outside=None if inside + outside == 0 else outside / (inside + outside),
        ei_org=None if inside + outside == 0 else (outside - inside) / (inside + outside),
        reach2_communities=len(set(mine) | neighbours),
        reach2_communities_beyond_own=len(neighbours - set(mine)),
        reach_people=len(people),
    )


def community_reach(
    network: SimpleGraph[str], merged: MergedMaps, actor: str, ego: str | None
) -> int:
    """How many communities an actor's communities touch in C without the actor and ego, their
    own included: the breadth reach of ``reach2_communities``, for any actor.

    ``network`` is C itself. Ego is left out because ``me`` belongs to every community of an ego
    map: counted, it would give every actor the same reach.
    """
    mine = set(merged.communities_of(actor))
    return len(mine | linked_communities(network, mine, {actor, ego}))

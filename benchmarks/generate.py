"""Synthetic room-like maps of N nodes, for benchmarks: reproducible from a seed.

About 10% communities, 4% boundary objects, one ``me``, the rest people; every person belongs
to one to four communities (popular communities draw more members), has a few ties, and
communities are joined by crossings and shared boundary objects.

    python benchmarks/generate.py 10000 -o /tmp/map-10k.commap
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

from commapper.io import save_map
from commapper.model import (
    LEVELS,
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    MapDocument,
    Means,
    MembershipEdge,
    MeNode,
    Mode,
    ObjectUseEdge,
    PersonNode,
    Stage,
    TieEdge,
)
from commapper.model.items import SECTOR_SUGGESTIONS

DOMAINS = ("software", "nursing", "teaching", "research", "music", "policy", "design", "law")
ORGS = ("Acme", "City Council", "University", "Hospital", None)


def generate_map(n_nodes: int, seed: int = 1) -> MapDocument:
    """A valid map with ``n_nodes`` nodes and about 3.5 edges per node."""
    rng = random.Random(seed)
    n_communities = max(1, n_nodes // 10)
    n_objects = max(0, n_nodes * 4 // 100)
    n_people = max(0, n_nodes - 1 - n_communities - n_objects)
    side = 60 * math.sqrt(n_nodes)

    def place() -> dict[str, float]:
        return {"x": round(rng.uniform(-side, side), 1), "y": round(rng.uniform(-side, side), 1)}

    nodes: list = [MeNode(id="me", label="Me", org="Acme", x=0.0, y=0.0)]
    communities = [f"c{i}" for i in range(1, n_communities + 1)]
    for community_id in communities:
        nodes.append(
            CommunityNode(
                id=community_id,
                label=f"Community {community_id[1:]}",
                domain=rng.choice(DOMAINS),
                sector=rng.choice(SECTOR_SUGGESTIONS),
                inside_org=rng.choice((True, False, None)),
                stage=rng.choice(list(Stage)),
                **place(),
            )
        )
    people = [f"p{i}" for i in range(1, n_people + 1)]
    for person_id in people:
        nodes.append(
            PersonNode(
                id=person_id, label=f"Person {person_id[1:]}", org=rng.choice(ORGS), **place()
            )
        )
    objects = [f"o{i}" for i in range(1, n_objects + 1)]
    for object_id in objects:
        nodes.append(BoundaryObjectNode(id=object_id, label=f"Object {object_id[1:]}", **place()))

    edges: list = []

    def next_id() -> str:
        return f"e{len(edges) + 1}"

    # Popular communities draw more members: a Zipf-like weight.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(n_communities)]
    members: dict[str, list[str]] = {community_id: [] for community_id in communities}
    for actor_id in ["me", *people]:
        count = min(n_communities, 12 if actor_id == "me" else rng.choice((1, 1, 2, 2, 3, 4)))
        chosen = set()
        while len(chosen) < count:
            chosen.add(rng.choices(communities, weights)[0])
        for community_id in sorted(chosen):
            members[community_id].append(actor_id)
            edges.append(
                MembershipEdge(
                    id=next_id(), source=actor_id, target=community_id, level=rng.choice(LEVELS),
                    modes=rng.sample(list(Mode), rng.randint(0, 2)),
                    since=str(rng.randint(2000, 2025)),
                )
            )  # fmt: skip
    for person_id in people:
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
            other = rng.choice(people)
            if other != person_id:
                edges.append(
                    TieEdge(id=next_id(), source=person_id, target=other,
                            weight=float(rng.randint(1, 3)))
                )  # fmt: skip
    for object_id in objects:
        for community_id in rng.sample(communities, min(len(communities), rng.randint(2, 3))):
            edges.append(ObjectUseEdge(id=next_id(), source=object_id, target=community_id))
    for _ in range(n_communities // 2):
        source, target = rng.sample(communities, 2) if n_communities > 1 else (None, None)
        if source is None:
            break
        brokers = members[source][:1] if members[source] and rng.random() < 0.5 else []
        edges.append(
            CrossingEdge(id=next_id(), source=source, target=target,
                         means=Means.BROKER if brokers else Means.ENCOUNTER, via=brokers)
        )  # fmt: skip

    doc = MapDocument.new(f"Generated map of {n_nodes} nodes (seed {seed})")
    doc.nodes, doc.edges = nodes, edges
    doc.reindex()
    return doc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_nodes", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    save_map(generate_map(options.n_nodes, options.seed), options.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A first-time user's map: me, six communities with long names, people and an object between
them, and crossings; the map the label and layout tests are run on."""

from __future__ import annotations

from commapper.model import (
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    Level,
    MapDocument,
    MembershipEdge,
    MeNode,
    ObjectUseEdge,
    PersonNode,
    TieEdge,
)

COMMUNITIES = {
    "c1": ("Data science team", "tech", Level.CORE),
    "c2": ("Hospital IT", "health", Level.ACTIVE),
    "c3": ("Open source maintainers", "tech", Level.PERIPHERAL),
    "c4": ("Parents of the primary school", "family", Level.ACTIVE),
    "c5": ("Sunday football club", "leisure", Level.PERIPHERAL),
    "c6": ("Regional statistics society", "research", Level.TRANSACTIONAL),
}


def six_community_map() -> MapDocument:
    doc = MapDocument.new("Six communities")
    doc.nodes.append(MeNode(id="me", label="Me", x=0, y=0))
    for index, (node_id, (label, sector, level)) in enumerate(COMMUNITIES.items()):
        doc.nodes.append(CommunityNode(id=node_id, label=label, sector=sector, x=index * 20, y=0))
        doc.edges.append(MembershipEdge(id=f"m{index}", source="me", target=node_id, level=level))
    people = {"p1": ("Ana", ["c1", "c2"]), "p2": ("Ben", ["c3"]), "p3": ("Chiara", ["c4", "c5"])}
    for node_id, (label, communities) in people.items():
        doc.nodes.append(PersonNode(id=node_id, label=label))
        for community in communities:
            doc.edges.append(
                MembershipEdge(
                    id=f"{node_id}{community}", source=node_id, target=community, level=Level.ACTIVE
                )
            )
    doc.nodes.append(BoundaryObjectNode(id="b1", label="Shared dashboard"))
    doc.edges.append(ObjectUseEdge(id="u1", source="b1", target="c1"))
    doc.edges.append(ObjectUseEdge(id="u2", source="b1", target="c2"))
    doc.edges.append(CrossingEdge(id="x1", source="c1", target="c6", label="Survey weighting"))
    doc.edges.append(CrossingEdge(id="x2", source="c3", target="c2", label="How to triage bugs"))
    doc.edges.append(TieEdge(id="t1", source="me", target="p1", label="Mentor"))
    doc.reindex()
    return doc

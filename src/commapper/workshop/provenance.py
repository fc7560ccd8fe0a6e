"""Who brought what to a room map: the attributes every merged item carries, read back, and
one participant's contribution taken out again.

Every node and edge of a room map (:func:`~commapper.workshop.merge.merge_maps`) holds, among
its custom attributes (docs/file-format.md):

- ``room:from``: the ids of the person nodes of the participants who brought it, separated by
  spaces, in the room's order (ids have no spaces);
- ``room:count``: how many they are, so that "named by 7 people" needs no parsing;
- ``room:participant``: ``true`` on each participant's own person node.

A participant is named by the id of their person node, so that with names hidden
(``--anonymise``) provenance names nobody either.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from commapper.model import CrossingEdge, EdgeModel, MapDocument, NodeModel

ROOM_FROM = "room:from"
"""Attribute: the ids of the participants' person nodes that brought an item, space-separated."""
ROOM_COUNT = "room:count"
"""Attribute: how many participants brought an item."""
ROOM_PARTICIPANT = "room:participant"
"""Attribute: true on a participant's own person node."""
ROOM_PREFIX = "room:"


def item_sources(item: NodeModel | EdgeModel) -> list[str]:
    """The ids of the participants' person nodes that brought ``item`` (``room:from``)."""
    value = item.attributes.get(ROOM_FROM)
    return value.split() if isinstance(value, str) else []


def without_participant(doc: MapDocument, person_id: str) -> MapDocument:
    """The room map without what only the participant ``person_id`` brought: items only they
    brought go, and so do edges whose ends went and ``via`` entries that went; the rest no
    longer counts them in ``room:from`` and ``room:count``. Their person node stays when others
    named them too, as a person who is no longer a participant.

    Fields that were chosen by a majority (a sector, a label) are not chosen again: merge the
    rest of the room again for that (:func:`~commapper.workshop.merge.merge_maps`).
    """

    def kept_attributes(item: NodeModel | EdgeModel) -> dict[str, Any] | None:
        sources = item_sources(item)
        if person_id not in sources:
            return dict(item.attributes)
        rest = [source for source in sources if source != person_id]
        if not rest:
            return None
        attributes = dict(item.attributes)
        attributes[ROOM_FROM] = " ".join(rest)
        attributes[ROOM_COUNT] = len(rest)
        if item.id == person_id:
            attributes.pop(ROOM_PARTICIPANT, None)
        return attributes

    nodes: list[NodeModel] = []
    for node in doc.nodes:
        attributes = kept_attributes(node)
        if attributes is not None:
            nodes.append(dataclasses.replace(node, attributes=attributes))
    kept_ids = {node.id for node in nodes}
    edges: list[EdgeModel] = []
    for edge in doc.edges:
        attributes = kept_attributes(edge)
        if attributes is None or edge.source not in kept_ids or edge.target not in kept_ids:
            continue
        if isinstance(edge, CrossingEdge):
            via = tuple(node_id for node_id in edge.via if node_id in kept_ids)
            edges.append(dataclasses.replace(edge, attributes=attributes, via=via))
        else:
            edges.append(dataclasses.replace(edge, attributes=attributes))
    result = doc.snapshot()
    result.nodes, result.edges = nodes, edges
    result.views = [
        view.model_copy(
            update={
                "nodes": None if view.nodes is None else [n for n in view.nodes if n in kept_ids],
                "highlighted": [n for n in view.highlighted if n in kept_ids],
            }
        )
        for view in doc.views
    ]
    result.reindex()
    return result

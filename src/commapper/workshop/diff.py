"""A room map brought up to date with a new merge, keeping what the facilitator did: the one
edit that does it, worked out three ways.

When a participant's file changes, or the facilitator accepts a suggestion, the room is merged
again (:func:`~commapper.workshop.room.merge_room`). The map in the window is not simply
replaced by that merge: the facilitator may have moved nodes, renamed a community, written a
note, added a node or deleted one since. :func:`room_update` compares three documents:

- ``base``: the merge the map was last brought up to date with;
- ``merged``: the new merge;
- ``current``: the map as it is in the window now (the base plus the facilitator's edits);

and returns the smallest edit that carries the change from ``base`` to ``merged`` over to
``current`` (a :class:`~commapper.model.Batch` of removals, insertions, field updates and the
places of new nodes), or None when there is nothing to carry. The rule, field by field:

- An item the new merge brings (not in ``base``) is added; a new node goes beside the nodes it
  is joined to (:func:`~commapper.layout.place_unplaced`), and nodes already on the map never
  move.
- An item the new merge no longer has (in ``base``, not in ``merged``) is removed: no
  participant's file names it any more.
- A field that changed between ``base`` and ``merged`` takes the merged value only where the
  facilitator has not changed it (``current`` still holds the ``base`` value); a field the
  facilitator edited keeps the facilitator's value. Custom attributes count one by one, so
  provenance (``room:from``, ``room:count``) follows the files even on a node whose other
  attributes the facilitator edited.
- An item the facilitator deleted stays deleted while the files go on naming it; one they
  added stays.
- The map's title and description follow the same rule; its saved views are the facilitator's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from commapper.layout import place_unplaced
from commapper.model import (
    Batch,
    CrossingEdge,
    EdgeModel,
    Edit,
    InsertItems,
    MapDocument,
    MoveNodes,
    NodeModel,
    RemoveItems,
    UpdateItem,
    UpdateMap,
    apply_edit,
)
from commapper.model.items import field_names

# Fields a merge never sets on an item that is on the map already: its identity, and its place
# (participants drew their maps apart, so a merge has no place to give).
_NOT_MERGED = frozenset({"id", "kind", "x", "y"})
_MAP_FIELDS = ("title", "description")

_Item = TypeVar("_Item", NodeModel, EdgeModel)


def room_update(current: MapDocument, base: MapDocument | None, merged: MapDocument) -> Edit | None:
    """The edit that brings ``current`` from ``base`` to ``merged`` (see the module's docstring),
    or None when the two merges differ in nothing ``current`` still shows. With ``base`` None,
    ``current`` is taken as the facilitator's own and every item of ``merged`` is added.

    Examples
    --------
    >>> from commapper.model import CommunityNode, apply_edit
    >>> def room(*labels):
    ...     doc = MapDocument.new()
    ...     doc.nodes = [CommunityNode(id=f"c{i}", label=label, x=i * 100.0, y=0.0)
    ...                  for i, label in enumerate(labels)]
    ...     doc.reindex()
    ...     return doc
    >>> base, current = room("Choir", "Chess"), room("Choir", "Chess club")  # a rename
    >>> _ = apply_edit(current, room_update(current, base, room("Choir", "Chess", "Nurses")))
    >>> [node.label for node in current.nodes]
    ['Choir', 'Chess club', 'Nurses']
    """
    before = base if base is not None else MapDocument.new()
    removals = _gone(before.nodes, merged, current) | _gone(before.edges, merged, current)
    removed_nodes = {item_id for item_id in removals if current.has_node(item_id)}
    kept_nodes = {node.id for node in current.nodes if node.id not in removed_nodes}

    new_nodes = [
        node for node in merged.nodes if not before.has_node(node.id) and node.id not in current
    ]
    kept_nodes.update(node.id for node in new_nodes)
    new_edges = [
        _without_missing_via(edge, kept_nodes)
        for edge in merged.edges
        if not before.has_edge(edge.id)
        and edge.id not in current
        and edge.source in kept_nodes
        and edge.target in kept_nodes
    ]
    updates = [
        update
        for item in (*merged.nodes, *merged.edges)
        if item.id not in removals
        and (update := _update(item, before.get(item.id), current.get(item.id), kept_nodes))
    ]
    map_changes = {
        name: getattr(merged, name)
        for name in _MAP_FIELDS
        if getattr(merged, name) != getattr(before, name)
        and getattr(current, name) == getattr(before, name)
    }

    edits: list[Edit] = []
    if removals:
        edits.append(RemoveItems(frozenset(removals)))
    if new_nodes or new_edges:
        # After the removals: the lists are shorter by then.
        n_nodes = len(current.nodes) - len(removed_nodes)
        n_edges = len(current.edges) - sum(
            edge.id in removals or edge.source in removed_nodes or edge.target in removed_nodes
            for edge in current.edges
        )
        edits.append(
            InsertItems(
                nodes=tuple(enumerate(new_nodes, start=n_nodes)),
                edges=tuple(enumerate(new_edges, start=n_edges)),
            )
        )
    edits.extend(updates)
    if map_changes:
        edits.append(UpdateMap(map_changes))
    if not edits:
        return None
    return _with_new_nodes_placed(current, Batch(tuple(edits)), {node.id for node in new_nodes})


def _gone(
    items: Iterable[NodeModel | EdgeModel], merged: MapDocument, current: MapDocument
) -> set[str]:
    """The ids of ``base``'s items that the new merge has no more and the map still has."""
    return {item.id for item in items if item.id not in merged and item.id in current}


def _update(
    merged: NodeModel | EdgeModel,
    base: NodeModel | EdgeModel | None,
    current: NodeModel | EdgeModel | None,
    kept_nodes: set[str],
) -> UpdateItem | None:
    """The fields of ``current`` that follow ``merged``: those the merge changed and the
    facilitator did not (all of them when the item was not in the base: it is the merge's)."""
    if current is None or type(current) is not type(merged):
        return None  # deleted by the facilitator, or their own item of another kind
    changes: dict[str, Any] = {}
    for name in field_names(type(merged)) - _NOT_MERGED:
        new = getattr(merged, name)
        old = getattr(base, name) if base is not None else getattr(current, name)
        now = getattr(current, name)
        if name == "attributes":
            new = _attributes(new, old if base is not None else {}, now)
        elif name == "via":
            new = tuple(node_id for node_id in new if node_id in kept_nodes)
            old = tuple(node_id for node_id in old if node_id in kept_nodes)
            if now != old:
                continue
        elif new == old or (base is not None and now != old):
            continue
        if new != now:
            changes[name] = new
    return UpdateItem(merged.id, changes) if changes else None


def _attributes(
    merged: Mapping[str, Any], base: Mapping[str, Any], current: Mapping[str, Any]
) -> dict[str, Any]:
    """The attributes three ways, one by one: each that the merge changed (or took out) and the
    facilitator did not follows the merge; the rest stay as the facilitator has them."""
    result = dict(current)
    for name in {*merged, *base}:
        if merged.get(name, _MISSING) == base.get(name, _MISSING):
            continue
        if current.get(name, _MISSING) != base.get(name, _MISSING):
            continue
        if name in merged:
            result[name] = merged[name]
        else:
            result.pop(name, None)
    return result


_MISSING = object()


def _without_missing_via(edge: EdgeModel, nodes: set[str]) -> EdgeModel:
    """A crossing without the ``via`` entries the facilitator deleted from the map."""
    if isinstance(edge, CrossingEdge) and any(node_id not in nodes for node_id in edge.via):
        return dataclasses.replace(edge, via=tuple(n for n in edge.via if n in nodes))
    return edge


def _with_new_nodes_placed(current: MapDocument, batch: Batch, new: set[str]) -> Batch:
    """``batch`` with a place for each new node, beside its neighbours on the map as it will be
    (worked out on a copy; the map is not touched)."""
    if not new:
        return batch
    trial = current.snapshot()
    apply_edit(trial, batch)
    positions = {
        node_id: place for node_id, place in place_unplaced(trial).items() if node_id in new
    }
    if not positions:
        return batch
    return Batch((*batch.edits, MoveNodes.tidied(positions)))

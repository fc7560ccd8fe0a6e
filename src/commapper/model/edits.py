"""Edits of a map document: small values that apply themselves and return their inverse.

Every change to a document goes through :func:`apply_edit`, which checks the edit against the
rules of the file format, applies it, announces one :class:`DocumentChanged` and returns the edit
that undoes it exactly (the same items at the same positions). An undo stack therefore needs only
to keep the pair (edit, inverse).

>>> from commapper.model import MapDocument, CommunityNode, add_node, apply_edit
>>> doc = MapDocument.new("Mine")
>>> undo = add_node(doc, CommunityNode(id="c1", label="Choir"))
>>> doc.node("c1").label
'Choir'
>>> _ = apply_edit(doc, undo)
>>> doc.has_node("c1")
False
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import ValidationError

from commapper.model.document import MapDocument, moved_to, reference_problems
from commapper.model.events import DocumentChanged
from commapper.model.items import (
    COORDINATE_RANGE,
    EDGE_ENDPOINT_WORDS,
    EDGE_ENDPOINTS,
    CrossingEdge,
    EdgeKind,
    EdgeModel,
    MeNode,
    NodeModel,
    View,
    field_names,
    is_coordinate,
)
from commapper.model.problems import problems_from_validation, quoted_id


class EditError(ValueError):
    """An edit that would break a rule of the map; the message says which, in plain words."""


class Edit:
    """Base of all edits. Subclasses are frozen dataclasses."""


@dataclass(frozen=True)
class InsertItems(Edit):
    """Insert nodes and edges at the given list positions (ascending), nodes first."""

    nodes: tuple[tuple[int, NodeModel], ...] = ()
    edges: tuple[tuple[int, EdgeModel], ...] = ()


@dataclass(frozen=True)
class RemoveItems(Edit):
    """Remove nodes and edges by id. A removed node takes its edges and its mentions with it."""

    ids: frozenset[str]


@dataclass(frozen=True)
class UpdateItem(Edit):
    """Set fields of one node or edge (not its id or kind)."""

    item_id: str
    changes: Mapping[str, Any]


@dataclass(frozen=True)
class MoveNodes(Edit):
    """Place nodes at new coordinates; None means "not placed"."""

    positions: Mapping[str, tuple[float | None, float | None]]

    @classmethod
    def tidied(cls, positions: Mapping[str, tuple[float, float]]) -> MoveNodes:
        """A move to positions the app worked out (a drag, a layout), rounded (see
        :func:`tidy_positions`). Its undo still moves back to the exact positions that were
        there."""
        return cls(tidy_positions(positions))


def tidy_positions(positions: Mapping[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Positions the app worked out, rounded to a tenth of a unit: finer steps cannot be seen
    and would only fill the file with digits."""
    return {node_id: (round(x, 1), round(y, 1)) for node_id, (x, y) in positions.items()}


@dataclass(frozen=True)
class UpdateMap(Edit):
    """Set fields of the map itself: title, description, created, modified or views."""

    changes: Mapping[str, Any]


@dataclass(frozen=True)
class Batch(Edit):
    """Several edits applied in order as one; used for macros and for cascades."""

    edits: tuple[Edit, ...]


MAP_FIELDS = frozenset({"title", "description", "created", "modified", "views"})


@dataclass
class _Changes:
    """Ids touched while applying an edit, merged into one event at the end."""

    sets: dict[str, set[str]] = field(
        default_factory=lambda: {name: set() for name in DocumentChanged.__dataclass_fields__}
    )

    def event(self) -> DocumentChanged:
        return DocumentChanged(**{name: frozenset(ids) for name, ids in self.sets.items()})

    def __bool__(self) -> bool:
        return any(self.sets.values())


def apply_edit(doc: MapDocument, edit: Edit) -> Edit:
    """Apply ``edit`` to ``doc``, announce the change, and return the edit that undoes it.

    Raises
    ------
    EditError
        If the edit would break a rule of the map; the document is then unchanged.
    """
    changes = _Changes()
    inverse = _apply(doc, edit, changes)
    if changes:
        doc.emit(changes.event())
    return inverse


def _apply(doc: MapDocument, edit: Edit, changes: _Changes) -> Edit:
    match edit:
        case InsertItems():
            return _insert(doc, edit, changes)
        case RemoveItems():
            return _remove(doc, edit, changes)
        case UpdateItem():
            return _update(doc, edit, changes)
        case MoveNodes():
            return _move(doc, edit, changes)
        case UpdateMap():
            return _update_map(doc, edit, changes)
        case Batch():
            return _batch(doc, edit, changes)
    raise TypeError(f"not an edit: {edit!r}")


def _batch(doc: MapDocument, edit: Batch, changes: _Changes) -> Batch:
    inverses: list[Edit] = []
    try:
        for part in edit.edits:
            inverses.append(_apply(doc, part, changes))
    except EditError:
        # Leave the document as it was: undo the parts already applied.
        for inverse in reversed(inverses):
            _apply(doc, inverse, _Changes())
        raise
    return Batch(tuple(reversed(inverses)))


def _insert(doc: MapDocument, edit: InsertItems, changes: _Changes) -> RemoveItems:
    new_ids = [node.id for _, node in edit.nodes] + [edge.id for _, edge in edit.edges]
    if len(set(new_ids)) != len(new_ids):
        raise EditError("the items to add share an id")
    for item_id in new_ids:
        if item_id in doc:
            raise EditError(f'the id "{item_id}" is already in use')
    new_kinds = {node.id: node.kind for _, node in edit.nodes}
    if sum(isinstance(node, MeNode) for _, node in edit.nodes) + (doc.ego is not None) > 1:
        raise EditError('a map has at most one "me" node')
    for _, edge in edit.edges:
        _check_endpoints(doc, edge, new_kinds)
    for index, node in sorted(edit.nodes, key=lambda pair: pair[0]):
        doc.nodes.insert(index, node)
        doc._nodes_by_id[node.id] = node
    for index, edge in sorted(edit.edges, key=lambda pair: pair[0]):
        doc.edges.insert(index, edge)
        doc._edges_by_id[edge.id] = edge
    changes.sets["nodes_added"].update(new_kinds)
    changes.sets["edges_added"].update(edge.id for _, edge in edit.edges)
    return RemoveItems(frozenset(new_ids))


def _remove(doc: MapDocument, edit: RemoveItems, changes: _Changes) -> Edit:
    unknown = [item_id for item_id in edit.ids if item_id not in doc]
    if unknown:
        raise EditError(f'no node or edge with id "{sorted(unknown)[0]}"')
    node_ids = {item_id for item_id in edit.ids if doc.has_node(item_id)}
    edge_ids = {item_id for item_id in edit.ids if doc.has_edge(item_id)}
    edge_ids.update(edge.id for edge in doc.edges_of(node_ids))

    # Mentions of removed nodes elsewhere (a crossing's via, a saved view) go too, undoably.
    cleanups: list[Edit] = []
    for edge in doc.edges:
        if isinstance(edge, CrossingEdge) and edge.id not in edge_ids:
            kept = [via for via in edge.via if via not in node_ids]
            if len(kept) != len(edge.via):
                cleanups.append(UpdateItem(edge.id, {"via": kept}))
    if node_ids and any(_view_mentions(view, node_ids) for view in doc.views):
        views = [_view_without(view, node_ids) for view in doc.views]
        cleanups.append(UpdateMap({"views": views}))
    undo_cleanups = [_apply(doc, cleanup, changes) for cleanup in cleanups]

    removed_nodes = tuple((i, n) for i, n in enumerate(doc.nodes) if n.id in node_ids)
    removed_edges = tuple((i, e) for i, e in enumerate(doc.edges) if e.id in edge_ids)
    doc.nodes[:] = [node for node in doc.nodes if node.id not in node_ids]
    doc.edges[:] = [edge for edge in doc.edges if edge.id not in edge_ids]
    for node_id in node_ids:
        del doc._nodes_by_id[node_id]
    for edge_id in edge_ids:
        del doc._edges_by_id[edge_id]
    changes.sets["nodes_removed"].update(node_ids)
    changes.sets["edges_removed"].update(edge_ids)

    restore = InsertItems(nodes=removed_nodes, edges=removed_edges)
    if not undo_cleanups:
        return restore
    return Batch((restore, *reversed(undo_cleanups)))


def _view_mentions(view: View, node_ids: set[str]) -> bool:
    return bool(node_ids & {*(view.nodes or ()), *view.highlighted})


def _view_without(view: View, node_ids: set[str]) -> View:
    return view.model_copy(
        update={
            "nodes": None if view.nodes is None else [n for n in view.nodes if n not in node_ids],
            "highlighted": [n for n in view.highlighted if n not in node_ids],
        }
    )


def _update(doc: MapDocument, edit: UpdateItem, changes: _Changes) -> UpdateItem:
    item = doc.get(edit.item_id)
    if item is None:
        raise EditError(f'no node or edge with id "{edit.item_id}"')
    for name in edit.changes:
        if name in ("id", "kind"):
            raise EditError(f"the {name} of an item cannot be changed; add a new one instead")
        if name not in field_names(type(item)):
            raise EditError(f'a {item.kind} has no field "{name}"')
    old_values = {name: getattr(item, name) for name in edit.changes}
    if isinstance(item, NodeModel):
        node = _replaced(item, edit.changes)
        doc.nodes[doc.nodes.index(item)] = node
        doc._nodes_by_id[item.id] = node
        changes.sets["nodes_changed"].add(item.id)
    else:
        edge = _replaced(item, edit.changes)
        _check_endpoints(doc, edge, {})
        doc.edges[doc.edges.index(item)] = edge
        doc._edges_by_id[item.id] = edge
        changes.sets["edges_changed"].add(item.id)
    return UpdateItem(item.id, old_values)


_ItemT = TypeVar("_ItemT", bound=NodeModel | EdgeModel)


def _replaced(item: _ItemT, changes: Mapping[str, Any]) -> _ItemT:
    """``item`` with fields changed, validated."""
    try:
        return dataclasses.replace(item, **changes)
    except ValidationError as error:
        raise EditError(_first_error(error)) from None


def _move(doc: MapDocument, edit: MoveNodes, changes: _Changes) -> MoveNodes:
    nodes, nodes_by_id = doc.nodes, doc._nodes_by_id  # once: pydantic's lookup costs 2 µs
    old_positions = {}
    for node_id, (x, y) in edit.positions.items():
        if (node := nodes_by_id.get(node_id)) is None:
            raise EditError(f"no node with id {quoted_id(node_id)}")
        if (x is not None and not is_coordinate(x)) or (y is not None and not is_coordinate(y)):
            raise EditError(f"a position must be a number {COORDINATE_RANGE}")
        old_positions[node_id] = (node.x, node.y)
    index_of = {node.id: index for index, node in enumerate(nodes)}
    for node_id, (x, y) in edit.positions.items():
        moved = moved_to(
            nodes_by_id[node_id], None if x is None else float(x), None if y is None else float(y)
        )
        nodes[index_of[node_id]] = moved
        nodes_by_id[node_id] = moved
    changes.sets["nodes_moved"].update(edit.positions)
    return MoveNodes(old_positions)


def _update_map(doc: MapDocument, edit: UpdateMap, changes: _Changes) -> UpdateMap:
    unknown = set(edit.changes) - MAP_FIELDS
    if unknown:
        raise EditError(f'a map has no field "{sorted(unknown)[0]}"')
    old_values = {name: getattr(doc, name) for name in edit.changes}
    try:
        checked = MapDocument.model_validate(
            {"format": doc.format, "schema_version": doc.schema_version, **edit.changes}
        )
    except ValidationError as error:
        raise EditError(_first_error(error)) from None
    if "views" in edit.changes:
        missing = [
            problem for problem in reference_problems(_with_views(doc, checked.views))
            if problem.path.startswith("views")
        ]  # fmt: skip
        if missing:
            raise EditError(str(missing[0]))
    for name in edit.changes:
        setattr(doc, name, getattr(checked, name))
    changes.sets["map_fields"].update(edit.changes)
    return UpdateMap(old_values)


def _with_views(doc: MapDocument, views: list[View]) -> MapDocument:
    probe = MapDocument.model_construct(
        format=doc.format, schema_version=doc.schema_version, nodes=doc.nodes, edges=[], views=views
    )
    probe.reindex()
    return probe


def _check_endpoints(doc: MapDocument, edge: EdgeModel, new_kinds: Mapping[str, str]) -> None:
    edge_kind = EdgeKind(edge.kind)
    sources, targets = EDGE_ENDPOINTS[edge_kind]
    for end, allowed in (("source", sources), ("target", targets)):
        node_id = getattr(edge, end)
        kind = new_kinds.get(node_id) or (doc.node(node_id).kind if doc.has_node(node_id) else None)
        if kind is None:
            raise EditError(f"no node with id {quoted_id(node_id)}")
        if kind not in allowed:
            raise EditError(f"{EDGE_ENDPOINT_WORDS[edge_kind]}, not from or to a {kind}")
    if edge.source == edge.target:
        raise EditError("an edge cannot join a node to itself")
    if isinstance(edge, CrossingEdge):
        for via_id in edge.via:
            if via_id not in new_kinds and not doc.has_node(via_id):
                raise EditError(f"no node with id {quoted_id(via_id)}")


def _first_error(error: ValidationError) -> str:
    return str(problems_from_validation(error)[0])


# -- the common gestures, as one-liners that return the undo ------------------------------------


def add_node(doc: MapDocument, node: NodeModel) -> Edit:
    """Append a node; returns the edit that removes it."""
    return apply_edit(doc, InsertItems(nodes=((len(doc.nodes), node),)))


def add_edge(doc: MapDocument, edge: EdgeModel) -> Edit:
    """Append an edge; returns the edit that removes it."""
    return apply_edit(doc, InsertItems(edges=((len(doc.edges), edge),)))


def remove_items(doc: MapDocument, ids: Iterable[str]) -> Edit:
    """Remove nodes (with their edges) and edges; returns the edit that restores them."""
    return apply_edit(doc, RemoveItems(frozenset(ids)))


def update_item(doc: MapDocument, item_id: str, **changes: Any) -> Edit:
    """Set fields of a node or edge; returns the edit that restores the old values."""
    return apply_edit(doc, UpdateItem(item_id, changes))


def move_nodes(
    doc: MapDocument, positions: Mapping[str, tuple[float | None, float | None]]
) -> Edit:
    """Move nodes; returns the edit that moves them back."""
    return apply_edit(doc, MoveNodes(dict(positions)))

"""Pieces of a map on the clipboard: copy some nodes and edges out, paste them into any map.

A fragment is JSON text (``{"format": "commapper-fragment", "nodes": [...], "edges": [...]}``)
so it travels between windows and processes. Pasting never trusts it: every item is validated
like a map file's, and a fragment that is not one pastes nothing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any

from pydantic import TypeAdapter, ValidationError

from commapper.io.commap import items_to_data
from commapper.model import (
    NODE_ID_PREFIX,
    CrossingEdge,
    Edge,
    InsertItems,
    MapDocument,
    MeNode,
    Node,
    NodeKind,
    PersonNode,
)
from commapper.model.items import MAX_COORDINATE

FRAGMENT_FORMAT = "commapper-fragment"
MIME_TYPE = "application/x-commapper-fragment"
_NODES = TypeAdapter(list[Node])
_EDGES = TypeAdapter(list[Edge])


class FragmentError(ValueError):
    """Clipboard content that is not a piece of a map."""


def fragment_json(doc: MapDocument, ids: Iterable[str]) -> str:
    """The chosen nodes, the edges among them and the chosen edges whose ends are chosen too."""
    wanted = set(ids)
    nodes = [node for node in doc.nodes if node.id in wanted]
    node_ids = {node.id for node in nodes}
    edges = [edge for edge in doc.edges if edge.source in node_ids and edge.target in node_ids]
    nodes_data, edges_data = items_to_data(nodes, edges)  # only those: a room map is 43,000
    return json.dumps(
        {"format": FRAGMENT_FORMAT, "nodes": nodes_data, "edges": edges_data}, ensure_ascii=False
    )


def _shifted(value: float, by: float) -> float:
    """``value`` moved by ``by``, or the other way where that would leave the positions a map
    may hold (a copy of a node at the edge lands beside it, inside)."""
    moved = value + by
    if abs(moved) > MAX_COORDINATE:
        moved = value - by
    return min(max(moved, -MAX_COORDINATE), MAX_COORDINATE)


def paste_edit(
    doc: MapDocument, text: str, offset: tuple[float, float] = (30.0, 30.0)
) -> InsertItems:
    """The edit that adds a fragment's items to ``doc`` with fresh ids, shifted by ``offset``.

    A pasted ``me`` becomes a person when the map already has a ``me``; a crossing's ``via``
    keeps only the nodes pasted with it.

    Raises
    ------
    FragmentError
        If ``text`` is not a fragment.
    """
    try:
        data: Any = json.loads(text)
    except (ValueError, RecursionError):
        raise FragmentError("the clipboard does not hold map items") from None
    if not isinstance(data, dict) or data.get("format") != FRAGMENT_FORMAT:
        raise FragmentError("the clipboard does not hold map items")
    try:
        nodes = _NODES.validate_python(data.get("nodes", []))
        edges = _EDGES.validate_python(data.get("edges", []))
    except ValidationError as error:
        raise FragmentError(
            f"the copied items are not valid ({error.error_count()} problems)"
        ) from None

    taken = {node.id for node in doc.nodes} | {edge.id for edge in doc.edges}
    new_ids: dict[str, str] = {}
    has_me = doc.ego is not None
    new_nodes = []
    for node in nodes:
        if isinstance(node, MeNode) and has_me:
            node = PersonNode(**{**dataclasses.asdict(node), "kind": NodeKind.PERSON})
        has_me = has_me or isinstance(node, MeNode)
        new_id = _fresh_id(NODE_ID_PREFIX[NodeKind(node.kind)], node.id, taken)
        new_ids[node.id] = new_id
        x = None if node.x is None else _shifted(node.x, offset[0])
        y = None if node.y is None else _shifted(node.y, offset[1])
        new_nodes.append(dataclasses.replace(node, id=new_id, x=x, y=y))
    new_edges = []
    for edge in edges:
        if edge.source not in new_ids or edge.target not in new_ids:
            continue
        update: dict[str, Any] = {
            "id": _fresh_id("e", edge.id, taken),
            "source": new_ids[edge.source],
            "target": new_ids[edge.target],
        }
        if isinstance(edge, CrossingEdge):
            update["via"] = tuple(new_ids[via] for via in edge.via if via in new_ids)
        new_edges.append(dataclasses.replace(edge, **update))
    return InsertItems(
        nodes=tuple(enumerate(new_nodes, start=len(doc.nodes))),
        edges=tuple(enumerate(new_edges, start=len(doc.edges))),
    )


def _fresh_id(prefix: str, wanted: str, taken: set[str]) -> str:
    """``wanted`` if free, else the prefix with the next free number; marks it taken."""
    if wanted not in taken:
        taken.add(wanted)
        return wanted
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    taken.add(f"{prefix}{number}")
    return f"{prefix}{number}"

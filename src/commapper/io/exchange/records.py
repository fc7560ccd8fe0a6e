"""A map's nodes and edges as flat records of named values: what every exchange format writes.

Each format lays the records out in its own way (GraphML keys, GEXF attributes, CSV columns,
Kumu JSON keys), but all of them name values the same way: a field of the file format under its
own name (``label``, ``level``), and a custom attribute under its name, unless that name could
be taken for a field, in which case it is written ``attribute:NAME`` (see ``attribute_column``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from commapper.io.commap import map_to_data
from commapper.model import MapDocument

# The fields of nodes and of edges other than id, kind, source, target and attributes, in the
# order formats write them.
NODE_FIELDS = ("label", "x", "y", "org", "domain", "sector", "inside_org", "stage", "notes",
               "tags", "color")  # fmt: skip
EDGE_FIELDS = ("label", "level", "modes", "since", "until", "means", "via", "directed", "weight",
               "notes", "tags", "color")  # fmt: skip
LIST_FIELDS = frozenset({"tags", "modes", "via"})
NUMBER_FIELDS = frozenset({"x", "y", "weight"})
BOOLEAN_FIELDS = frozenset({"inside_org", "directed"})

ATTRIBUTE_PREFIX = "attribute:"
# Names a custom attribute may not be written under as they are: the fields, and the column
# names other tools give a meaning (Gephi's Id, Source, Target, Type; Kumu's Description, From,
# To, Direction). Compared without case, as those tools compare them.
_RESERVED = frozenset(
    name.lower()
    for name in (
        *NODE_FIELDS,
        *EDGE_FIELDS,
        "id",
        "kind",
        "source",
        "target",
        "type",
        "description",
        "from",
        "to",
        "direction",
        "attributes",
        "_id",
    )
)


def attribute_column(name: str) -> str:
    """The name a custom attribute is written under: its own, unless a field or a column that
    other tools read could be taken for it (or it begins with the prefix itself)."""
    if name.lower() in _RESERVED or name.startswith(ATTRIBUTE_PREFIX):
        return ATTRIBUTE_PREFIX + name
    return name


def column_attribute(column: str) -> str | None:
    """The custom attribute that ``column`` holds if it was written with the prefix, else None."""
    return column[len(ATTRIBUTE_PREFIX) :] if column.startswith(ATTRIBUTE_PREFIX) else None


@dataclass(frozen=True)
class FlatItem:
    """A node or edge as written: its fields (those not at their default; an edge's direction
    always, since formats have a direction of their own to fall back on) and custom attributes."""

    id: str
    kind: str
    fields: dict[str, Any]
    attributes: dict[str, Any]
    source: str = ""
    target: str = ""


@dataclass(frozen=True)
class FlatMap:
    """A whole map as written by the exchange formats."""

    title: str
    description: str
    created: str
    modified: str
    views: list[Any]
    nodes: list[FlatItem]
    edges: list[FlatItem]


def flat_map(doc: MapDocument) -> FlatMap:
    """``doc`` as flat records, values as the .commap file holds them (lists stay lists)."""
    data = map_to_data(doc)
    nodes = [_flat(item, NODE_FIELDS) for item in data["nodes"]]
    edges = []
    for edge, item in zip(doc.edges, data["edges"], strict=True):
        if hasattr(edge, "directed"):
            item["directed"] = edge.directed
        edges.append(_flat(item, EDGE_FIELDS))
    return FlatMap(
        title=data["title"],
        description=data["description"],
        created=data["created"],
        modified=data["modified"],
        views=data["views"],
        nodes=nodes,
        edges=edges,
    )


def _flat(item: dict[str, Any], names: tuple[str, ...]) -> FlatItem:
    return FlatItem(
        id=item["id"],
        kind=item["kind"],
        fields={name: item[name] for name in names if name in item},
        attributes=dict(item.get("attributes", {})),
        source=item.get("source", ""),
        target=item.get("target", ""),
    )


def value_type(values: list[Any]) -> str:
    """The one type all ``values`` of a custom attribute share ("string", "boolean", "long",
    "double"), or "json" when they are of several or include null: each is then written as JSON
    text, which keeps 1, 1.0, "1", true and null apart."""
    types = {type(value) for value in values}
    if len(types) != 1:
        return "json"
    (only,) = types
    if only is int:
        return "long" if all(-(2**63) <= value < 2**63 for value in values) else "json"
    return {str: "string", bool: "boolean", float: "double"}.get(only, "json")


def value_text(value: Any, kind: str) -> str:
    """A value as text in a column of ``kind`` (see :func:`value_type`)."""
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return str(value)


def list_text(values: list[str]) -> str:
    """A list field (tags, modes, via) as JSON text, which keeps any text of a tag exactly."""
    return json.dumps(values, ensure_ascii=False)

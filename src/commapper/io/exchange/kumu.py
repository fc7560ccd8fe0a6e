"""Kumu JSON ("blueprints"): ``elements`` and ``connections``, both ways.

Written as Kumu imports them: an element's ``type`` is its kind, its notes are its
``description``, ``tags`` a list, and every other field and custom attribute a key of its own; a
connection goes ``from`` and ``to`` element ids, with a ``type`` (its kind) and a
``direction``. The map's title, dates and saved views go in a ``commapper`` object that Kumu
passes over. Read: blueprints, and Kumu's own exports (``_id`` and ``attributes``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from commapper.io.errors import MapFileError
from commapper.io.exchange.building import ReadEdge, ReadGraph, ReadNode, check_counts
from commapper.io.exchange.json_text import parse_json
from commapper.io.exchange.records import FlatItem, attribute_column, flat_map
from commapper.model import MapDocument

# Kumu's words for fields this map names otherwise.
_KUMU_NAMES = {"notes": "description", "kind": "type"}
_OUR_NAMES = {"description": "notes", "type": "kind"}


def write_kumu(doc: MapDocument) -> bytes:
    """``doc`` as a Kumu blueprint (UTF-8 JSON)."""
    flat = flat_map(doc)
    blueprint = {
        "elements": [_element(node) for node in flat.nodes],
        "connections": [_connection(edge) for edge in flat.edges],
        "commapper": {
            "title": flat.title,
            "description": flat.description,
            "created": flat.created,
            "modified": flat.modified,
            "views": flat.views,
        },
    }
    text = json.dumps(blueprint, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def _element(item: FlatItem) -> dict[str, Any]:
    element: dict[str, Any] = {"id": item.id, "type": item.kind}
    for name, value in item.fields.items():
        element[_KUMU_NAMES.get(name, name)] = value
    element.update((attribute_column(name), value) for name, value in item.attributes.items())
    return element


def _connection(item: FlatItem) -> dict[str, Any]:
    connection: dict[str, Any] = {"id": item.id, "from": item.source, "to": item.target,
                                  "type": item.kind}  # fmt: skip
    directed = item.fields.get("directed", True)
    connection["direction"] = "directed" if directed else "undirected"
    for name, value in item.fields.items():
        if name != "directed":
            connection[_KUMU_NAMES.get(name, name)] = value
    connection.update((attribute_column(name), value) for name, value in item.attributes.items())
    return connection


# -- reading -------------------------------------------------------------------------------------


def read_kumu(data: bytes, path: Path | None) -> ReadGraph:
    """The graph in a Kumu blueprint, for :func:`building.build_document`."""
    blueprint = parse_json(data, path)
    if not isinstance(blueprint, dict) or not isinstance(blueprint.get("elements", []), list):
        raise MapFileError.single(
            path, 'this is not Kumu JSON: it needs an object with a list of "elements"'
        )
    elements = blueprint.get("elements", [])
    connections = blueprint.get("connections", [])
    if not isinstance(connections, list):
        raise MapFileError.single(path, '"connections" must be a list', "connections")
    if "elements" not in blueprint and "connections" not in blueprint:
        raise MapFileError.single(
            path, 'this is not Kumu JSON: it has neither "elements" nor "connections"'
        )
    check_counts(path, len(elements), len(connections))
    read = ReadGraph()
    _read_own(blueprint.get("commapper"), read)
    by_label: dict[str, str] = {}
    keys: set[str] = set()
    for index, raw in enumerate(elements):
        where = f"elements[{index}]"
        values = _values(raw, path, where)
        key = values.pop("id", None) if "id" in values else values.pop("_id", None)
        label = values.get("label")
        if key is None:
            key = label
        if not isinstance(key, str | int) or isinstance(key, bool) or key == "":
            raise MapFileError.single(path, "an element needs an id or a label", where)
        key = str(key)
        keys.add(key)
        if isinstance(label, str):
            by_label.setdefault(label, key)
        read.nodes.append(ReadNode(key, _ours(values), f"element {key!r}"))
    for index, raw in enumerate(connections):
        where = f"connections[{index}]"
        values = _values(raw, path, where)
        key = values.pop("id", None) if "id" in values else values.pop("_id", None)
        ends = []
        for end in ("from", "to"):
            given = values.pop(end, None)
            if not isinstance(given, str | int) or isinstance(given, bool):
                raise MapFileError.single(path, f'a connection needs "{end}"', where)
            given = str(given)
            if given not in keys:
                # Kumu makes an element for a name that no element has; so does this.
                if given not in by_label:
                    read.nodes.append(ReadNode(given, {"label": given}, f"element {given!r}"))
                    by_label[given] = given
                    keys.add(given)
                given = by_label[given]
            ends.append(given)
        direction = values.pop("direction", None)
        directed = None if direction is None else str(direction).lower() == "directed"
        read.edges.append(
            ReadEdge(None if key is None else str(key), ends[0], ends[1], _ours(values), where,
                     directed)
        )  # fmt: skip
    return read


def _values(raw: Any, path: Path | None, where: str) -> dict[str, Any]:
    """The keys of an element or connection; Kumu's exports put most under ``attributes``."""
    if not isinstance(raw, dict):
        raise MapFileError.single(path, "must be an object", where)
    values = {key: value for key, value in raw.items() if key != "attributes"}
    nested = raw.get("attributes")
    if isinstance(nested, dict):
        for key, value in nested.items():
            # Kumu's exports say "element type" and "connection type" for the type.
            values.setdefault("type" if key in ("element type", "connection type") else key, value)
    return values


def _ours(values: dict[str, Any]) -> dict[str, Any]:
    """Kumu's keys under this map's names."""
    named: dict[str, Any] = {}
    for key, value in values.items():
        named[_OUR_NAMES.get(key.lower(), key)] = value
    return named


def _read_own(own: Any, read: ReadGraph) -> None:
    if not isinstance(own, dict):
        return
    for name in ("title", "description"):
        if isinstance(own.get(name), str):
            setattr(read, name, own[name])
    for name in ("created", "modified"):
        if isinstance(own.get(name), str):
            setattr(read, name, own[name])
    read.views = own.get("views")

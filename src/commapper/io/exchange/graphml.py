"""GraphML, for Gephi, yEd, Cytoscape and networkx: every field of a map, both ways.

Written: one ``<key>`` per field and per custom attribute, typed (``double`` for positions,
``boolean``, ``long``...), a ``kind`` on every node and edge, lists (tags, modes, via) as JSON
text, and the map's title, dates and saved views as data of the graph. Read: any GraphML, ours
exactly, another tool's through :mod:`commapper.io.exchange.building` (yEd's node labels and
positions included).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from commapper.io.errors import MapFileError
from commapper.io.exchange.building import ReadEdge, ReadGraph, ReadNode, check_counts
from commapper.io.exchange.records import (
    BOOLEAN_FIELDS,
    EDGE_FIELDS,
    LIST_FIELDS,
    NODE_FIELDS,
    NUMBER_FIELDS,
    FlatItem,
    attribute_column,
    flat_map,
    list_text,
    value_text,
    value_type,
)
from commapper.io.exchange.xml import (
    Element,
    XmlWriter,
    child,
    children,
    local_name,
    parse_xml,
    plain_text,
    text_of,
)
from commapper.model import MapDocument

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
# A key whose id starts so holds each value as JSON text (see records.value_type).
JSON_KEY_PREFIX = "json-"
_GRAPH_FIELDS = ("title", "description", "created", "modified")


def write_graphml(doc: MapDocument) -> bytes:
    """``doc`` as GraphML bytes (UTF-8)."""
    flat = flat_map(doc)
    out = XmlWriter()
    out.open(
        "graphml",
        {"xmlns": NAMESPACE, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
         "xsi:schemaLocation": f"{NAMESPACE} {_SCHEMA}"},
    )  # fmt: skip
    keys = _Keys(out)
    for name in _GRAPH_FIELDS:
        keys.declare("graph", name, "string")
    keys.declare("graph", "views", "json")
    node_keys = keys.declare_items("node", flat.nodes, NODE_FIELDS)
    edge_keys = keys.declare_items("edge", flat.edges, EDGE_FIELDS)
    out.open("graph", {"id": "G", "edgedefault": "directed"})
    for name in _GRAPH_FIELDS:
        out.leaf("data", {"key": keys.id_of("graph", name)}, getattr(flat, name))
    views = json.dumps(flat.views, ensure_ascii=False)
    out.leaf("data", {"key": keys.id_of("graph", "views")}, views)
    for node in flat.nodes:
        out.open("node", {"id": node.id})
        _item_data(out, node, node_keys)
        out.close()
    for edge in flat.edges:
        out.open("edge", {"id": edge.id, "source": edge.source, "target": edge.target})
        _item_data(out, edge, edge_keys)
        out.close()
    out.close()
    out.close()
    return out.to_bytes()


class _Keys:
    """The ``<key>`` declarations, each with an id and a type, for graph, nodes and edges."""

    def __init__(self, out: XmlWriter):
        self.out = out
        self.ids: dict[tuple[str, str], tuple[str, str]] = {}  # (for, name) -> (id, type)

    def declare(self, domain: str, name: str, kind: str) -> None:
        key_id = f"{JSON_KEY_PREFIX if kind == 'json' else ''}d{len(self.ids)}"
        self.ids[domain, name] = key_id, kind
        self.out.leaf(
            "key",
            {"id": key_id, "for": domain, "attr.name": name,
             "attr.type": "string" if kind == "json" else kind},
        )  # fmt: skip

    def id_of(self, domain: str, name: str) -> str:
        return self.ids[domain, name][0]

    def declare_items(
        self, domain: str, items: list[FlatItem], field_order: tuple[str, ...]
    ) -> dict[str, tuple[str, str]]:
        """Keys for the kind, the fields used and the custom attributes of ``items``; returns
        the column name of each with its key id and type."""
        self.declare(domain, "kind", "string")
        columns: dict[str, tuple[str, str]] = {"kind": self.ids[domain, "kind"]}
        used = {name for item in items for name in item.fields}
        for name in field_order:
            if name in used:
                self.declare(domain, name, _field_type(name))
                columns[name] = self.ids[domain, name]
        values: dict[str, list[Any]] = {}
        for item in items:
            for name, value in item.attributes.items():
                values.setdefault(attribute_column(name), []).append(value)
        for column, found in values.items():
            self.declare(domain, column, value_type(found))
            columns[column] = self.ids[domain, column]
        return columns


def _field_type(name: str) -> str:
    if name in NUMBER_FIELDS:
        return "double"
    return "boolean" if name in BOOLEAN_FIELDS else "string"


def _item_data(out: XmlWriter, item: FlatItem, columns: dict[str, tuple[str, str]]) -> None:
    out.leaf("data", {"key": columns["kind"][0]}, item.kind)
    for name, value in item.fields.items():
        key_id, kind = columns[name]
        text = list_text(value) if name in LIST_FIELDS else value_text(value, kind)
        out.leaf("data", {"key": key_id}, text)
    for name, value in item.attributes.items():
        key_id, kind = columns[attribute_column(name)]
        out.leaf("data", {"key": key_id}, value_text(value, kind))


# -- reading -------------------------------------------------------------------------------------


def read_graphml(data: bytes, path: Path | None) -> ReadGraph:
    """The graph in GraphML ``data``, for :func:`building.build_document`."""
    root = parse_xml(data, path, "a GraphML graph")
    if local_name(root) != "graphml":
        raise MapFileError.single(
            path, f"this is not a GraphML file (it is XML whose root is <{local_name(root)}>)"
        )
    graphs = children(root, "graph")
    if not graphs:
        raise MapFileError.single(path, "the GraphML file holds no <graph>")
    graph = graphs[0]
    read = ReadGraph()
    if len(graphs) > 1:
        read.notes.append(f"the file holds {len(graphs)} graphs; only the first was read")
    keys = _read_keys(root)
    found: dict[str, list[Element]] = {"node": [], "edge": [], "hyperedge": []}
    for element in graph.iter():
        found.get(local_name(element), []).append(element)
    node_elements, edge_elements = found["node"], found["edge"]
    check_counts(path, len(node_elements), len(edge_elements))
    if found["hyperedge"]:
        read.notes.append("hyperedges (edges with more than two ends) were left out")
    graph_values = _values(graph, keys, "graph")
    for name in _GRAPH_FIELDS:
        value = graph_values.get(name)
        if isinstance(value, str):
            setattr(read, name, value)
    read.views = graph_values.get("views")
    default_directed = graph.get("edgedefault", "directed") != "undirected"
    for number, element in enumerate(node_elements):
        key = element.get("id")
        where = f"node {number + 1}"
        if key is None:
            raise MapFileError.single(path, "a node has no id", where)
        read.nodes.append(
            ReadNode(plain_text(key), _values(element, keys, "node"), f"node {key!r}")
        )
    for number, element in enumerate(edge_elements):
        source, target = element.get("source"), element.get("target")
        key = element.get("id")
        where = f"edge {key!r}" if key is not None else f"edge {number + 1}"
        if source is None or target is None:
            raise MapFileError.single(path, "an edge needs a source and a target", where)
        flag = element.get("directed")
        directed = default_directed if flag is None else flag == "true"
        read.edges.append(
            ReadEdge(
                None if key is None else plain_text(key), plain_text(source), plain_text(target),
                _values(element, keys, "edge"), where, directed,
            )
        )  # fmt: skip
    return read


class _Key:
    def __init__(self, element: Element):
        self.id = element.get("id", "")
        self.domain = element.get("for", "all")
        name = element.get("attr.name")
        self.name = plain_text(self.id if name is None else name)
        self.type = element.get("attr.type", "string")
        self.yfiles = element.get("yfiles.type")
        self.json = self.id.startswith(JSON_KEY_PREFIX)
        default = child(element, "default")
        self.default = None if default is None else text_of(default)


def _read_keys(root: Element) -> dict[str, _Key]:
    return {key.id: key for key in map(_Key, children(root, "key"))}


def _values(element: Element, keys: dict[str, _Key], domain: str) -> dict[str, Any]:
    """The data of a node, an edge or the graph by name, typed as their keys say; defaults of
    keys for what has none of its own; yEd's label and position where no field gives them."""
    values: dict[str, Any] = {}
    for key in keys.values():
        if key.default is not None and key.domain in (domain, "all") and not key.yfiles:
            values[key.name] = _typed(key, key.default)
    for data in children(element, "data"):
        key_id = data.get("key", "")
        # Data of a key never declared is read as text under the key's id, as networkx does.
        key = keys.get(key_id) or _Key(Element("key", {"id": key_id}))
        if key.yfiles == "nodegraphics":
            for name, value in _yed_graphics(data).items():
                values.setdefault(name, value)
        elif key.yfiles is None:
            values[key.name] = _typed(key, text_of(data))
    return values


def _typed(key: _Key, text: str) -> Any:
    """A data value as its key types it; a value that is not what its type says stays text."""
    try:
        if key.json:
            return json.loads(text)
        if key.type == "boolean":
            lowered = text.strip().lower()
            return {"true": True, "false": False, "1": True, "0": False}.get(lowered, text)
        if key.type in ("int", "long"):
            return int(text)
        if key.type in ("float", "double"):
            return float(text)
    except (ValueError, RecursionError):
        return text
    return text


def _yed_graphics(data: Element) -> dict[str, Any]:
    """A yEd node's label and the centre of its box, from its ``y:ShapeNode`` (or kin)."""
    found: dict[str, Any] = {}
    for element in data.iter():
        name = local_name(element)
        if name == "NodeLabel" and "label" not in found:
            found["label"] = text_of(element).strip()
        elif name == "Geometry" and "x" not in found:
            try:
                box = [float(element.get(side, "0")) for side in ("x", "y", "width", "height")]
            except ValueError:
                continue
            found["x"], found["y"] = box[0] + box[2] / 2, box[1] + box[3] / 2
    return found

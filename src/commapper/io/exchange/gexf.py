"""GEXF 1.2, Gephi's own format: every field of a map, both ways.

Written: labels and edge weights where GEXF has them; positions and colours as ``viz`` data, so
that Gephi draws the map as Commapper placed it (y up, as Gephi counts it); every field and
custom attribute as a typed ``attvalue``; the map's title, dates and views in a ``commapper:map``
element of the ``meta`` that other tools pass over. Read: any static GEXF.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from commapper import __version__
from commapper.io.errors import MapFileError
from commapper.io.exchange.building import ReadEdge, ReadGraph, ReadNode, check_counts
from commapper.io.exchange.records import (
    BOOLEAN_FIELDS,
    EDGE_FIELDS,
    LIST_FIELDS,
    NODE_FIELDS,
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

NAMESPACE = "http://www.gexf.net/1.2draft"
VIZ_NAMESPACE = "http://www.gexf.net/1.2draft/viz"
OWN_NAMESPACE = "https://commapper.org/ns/gexf/1"
JSON_ATTRIBUTE_PREFIX = "json-"
# Held by GEXF itself rather than as attvalues.
_NATIVE = frozenset({"label", "x", "y", "weight"})


def write_gexf(doc: MapDocument) -> bytes:
    """``doc`` as GEXF 1.2 bytes (UTF-8)."""
    flat = flat_map(doc)
    out = XmlWriter()
    out.open(
        "gexf",
        {"xmlns": NAMESPACE, "xmlns:viz": VIZ_NAMESPACE, "xmlns:commapper": OWN_NAMESPACE,
         "version": "1.2"},
    )  # fmt: skip
    out.open("meta", {"lastmodifieddate": flat.modified[:10]})
    out.leaf("creator", text=f"Commapper {__version__}")
    out.leaf("description", text=flat.description)
    own = {"title": flat.title, "created": flat.created, "modified": flat.modified}
    out.open("commapper:map", own)
    out.leaf("commapper:views", text=json.dumps(flat.views, ensure_ascii=False))
    out.close()
    out.close()
    out.open("graph", {"defaultedgetype": "directed", "mode": "static"})
    node_columns = _declare(out, "node", flat.nodes, NODE_FIELDS)
    edge_columns = _declare(out, "edge", flat.edges, EDGE_FIELDS)
    out.open("nodes")
    for node in flat.nodes:
        out.open("node", {"id": node.id, "label": node.fields.get("label", "")})
        _attvalues(out, node, node_columns)
        if "x" in node.fields and "y" in node.fields:
            # Gephi counts y upwards, the map downwards; -0.0 keeps a y of 0.0 exact.
            position = {"x": repr(float(node.fields["x"])), "y": repr(-float(node.fields["y"])),
                        "z": "0.0"}  # fmt: skip
            out.leaf("viz:position", position)
        if node.fields.get("color"):
            out.leaf("viz:color", _rgb(node.fields["color"]))
        out.close()
    out.close()
    out.open("edges")
    for edge in flat.edges:
        attributes = {"id": edge.id, "source": edge.source, "target": edge.target}
        if "label" in edge.fields:
            attributes["label"] = edge.fields["label"]
        if "weight" in edge.fields:
            attributes["weight"] = repr(float(edge.fields["weight"]))
        out.open("edge", attributes)
        _attvalues(out, edge, edge_columns)
        out.close()
    out.close()
    out.close()
    out.close()
    return out.to_bytes()


def _declare(
    out: XmlWriter, domain: str, items: list[FlatItem], field_order: tuple[str, ...]
) -> dict[str, tuple[str, str]]:
    """An ``<attributes>`` block for the kind, the fields and the custom attributes used by
    ``items``; returns each column's attribute id and type."""
    out.open("attributes", {"class": domain, "mode": "static"})
    columns: dict[str, tuple[str, str]] = {}

    def declare(name: str, kind: str) -> None:
        attribute_id = f"{JSON_ATTRIBUTE_PREFIX if kind == 'json' else ''}{domain[0]}{len(columns)}"
        columns[name] = attribute_id, kind
        out.leaf("attribute", {"id": attribute_id, "title": name,
                               "type": "string" if kind == "json" else kind})  # fmt: skip

    declare("kind", "string")
    used = {name for item in items for name in item.fields}
    for name in field_order:
        if name in used and (name not in _NATIVE or (name in ("x", "y") and _half_placed(items))):
            declare(name, _FIELD_TYPES.get(name, "string"))
    values: dict[str, list[Any]] = {}
    for item in items:
        for name, value in item.attributes.items():
            values.setdefault(attribute_column(name), []).append(value)
    for column, found in values.items():
        declare(column, value_type(found))
    out.close()
    return columns


_FIELD_TYPES = {"x": "double", "y": "double", **dict.fromkeys(BOOLEAN_FIELDS, "boolean")}


def _half_placed(items: list[FlatItem]) -> bool:
    """Whether a node has an x but no y or the other way round: viz:position needs both."""
    return any(("x" in item.fields) != ("y" in item.fields) for item in items)


def _attvalues(out: XmlWriter, item: FlatItem, columns: dict[str, tuple[str, str]]) -> None:
    out.open("attvalues")

    def value(column: str, text: str) -> None:
        out.leaf("attvalue", {"for": columns[column][0], "value": text})

    value("kind", item.kind)
    placed = "x" in item.fields and "y" in item.fields
    for name, field_value in item.fields.items():
        if name in ("x", "y") and not placed:
            value(name, value_text(field_value, "double"))
        elif name not in _NATIVE:
            kind = columns[name][1]
            value(
                name,
                list_text(field_value) if name in LIST_FIELDS else value_text(field_value, kind),
            )
    for name, attribute in item.attributes.items():
        column = attribute_column(name)
        value(column, value_text(attribute, columns[column][1]))
    out.close()


def _rgb(color: str) -> dict[str, str]:
    return {channel: str(int(color[1 + 2 * i : 3 + 2 * i], 16)) for i, channel in enumerate("rgb")}


# -- reading -------------------------------------------------------------------------------------


def read_gexf(data: bytes, path: Path | None) -> ReadGraph:
    """The graph in GEXF ``data``, for :func:`building.build_document`."""
    root = parse_xml(data, path, "a GEXF graph")
    if local_name(root) != "gexf":
        raise MapFileError.single(
            path, f"this is not a GEXF file (it is XML whose root is <{local_name(root)}>)"
        )
    graph = child(root, "graph")
    if graph is None:
        raise MapFileError.single(path, "the GEXF file holds no <graph>")
    read = ReadGraph()
    _read_meta(child(root, "meta"), read)
    declared: dict[str, dict[str, tuple[str, str, str | None]]] = {"node": {}, "edge": {}}
    for block in children(graph, "attributes"):
        domain = block.get("class", "node")
        for attribute in children(block, "attribute"):
            attribute_id = attribute.get("id", "")
            default = child(attribute, "default")
            declared.setdefault(domain, {})[attribute_id] = (
                plain_text(attribute.get("title", attribute_id)),
                attribute.get("type", "string"),
                None if default is None else text_of(default),
            )
    found: dict[str, list[Element]] = {"node": [], "edge": []}
    for element in graph.iter():
        found.get(local_name(element), []).append(element)
    node_elements, edge_elements = found["node"], found["edge"]
    check_counts(path, len(node_elements), len(edge_elements))
    default_directed = graph.get("defaultedgetype", "undirected") != "undirected"
    for number, element in enumerate(node_elements):
        key = element.get("id")
        if key is None:
            raise MapFileError.single(path, "a node has no id", f"node {number + 1}")
        values = _values(element, declared["node"])
        if element.get("label") is not None:
            values.setdefault("label", plain_text(element.get("label", "")))
        values.update(_viz(element, values))
        read.nodes.append(ReadNode(plain_text(key), values, f"node {key!r}"))
    for number, element in enumerate(edge_elements):
        key = element.get("id")
        source, target = element.get("source"), element.get("target")
        where = f"edge {key!r}" if key is not None else f"edge {number + 1}"
        if source is None or target is None:
            raise MapFileError.single(path, "an edge needs a source and a target", where)
        values = _values(element, declared["edge"])
        for name in ("label", "weight"):
            if element.get(name) is not None:
                values.setdefault(name, plain_text(element.get(name, "")))
        kind = element.get("type")
        directed = default_directed if kind is None else kind != "undirected"
        read.edges.append(
            ReadEdge(
                None if key is None else plain_text(key), plain_text(source), plain_text(target),
                values, where, directed,
            )
        )  # fmt: skip
    return read


def _read_meta(meta: Element | None, read: ReadGraph) -> None:
    if meta is None:
        return
    description = child(meta, "description")
    if description is not None:
        read.description = text_of(description)
    own = child(meta, "map")
    if own is None:
        return
    read.title = plain_text(own.get("title", ""))
    read.created, read.modified = own.get("created"), own.get("modified")
    views = child(own, "views")
    if views is not None:
        try:
            read.views = json.loads(text_of(views))
        except (ValueError, RecursionError):
            read.notes.append("the saved views could not be read, and were left out")


def _values(element: Element, declared: dict[str, tuple[str, str, str | None]]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for title, kind, default in declared.values():
        if default is not None:
            values[title] = _typed(kind, default, json_text=False)
    for block in children(element, "attvalues"):
        for attvalue in children(block, "attvalue"):
            attribute_id = attvalue.get("for") or attvalue.get("id") or ""
            title, kind, _ = declared.get(attribute_id, (attribute_id, "string", None))
            text = plain_text(attvalue.get("value", ""))
            values[title] = _typed(
                kind, text, json_text=attribute_id.startswith(JSON_ATTRIBUTE_PREFIX)
            )
    return values


def _typed(kind: str, text: str, *, json_text: bool) -> Any:
    try:
        if json_text:
            return json.loads(text)
        if kind == "boolean":
            return {"true": True, "false": False, "1": True, "0": False}.get(text.strip(), text)
        if kind in ("integer", "long"):
            return int(text)
        if kind in ("float", "double"):
            return float(text)
    except (ValueError, RecursionError):
        return text
    return text


def _viz(element: Element, values: dict[str, Any]) -> dict[str, Any]:
    """The position and colour that Gephi's ``viz`` data give, where no attvalue gives them."""
    found: dict[str, Any] = {}
    position = child(element, "position")
    if position is not None:
        try:
            found["x"] = float(position.get("x", "0"))
            found["y"] = -float(position.get("y", "0"))
        except ValueError:
            pass
    color = child(element, "color")
    if color is not None and "color" not in values:
        try:
            red, green, blue = (int(color.get(channel, "")) for channel in "rgb")
        except ValueError:
            return found
        if all(0 <= channel <= 255 for channel in (red, green, blue)):
            found["color"] = f"#{red:02x}{green:02x}{blue:02x}"
    return found

"""Records read from another tool's file made into a map, trusting nothing in them.

Every reader (GraphML, GEXF, CSV, Kumu) hands over the nodes and edges it found, each with the
values it found under their names. A Commapper export names its kinds and fields, and comes back
exactly; anything else is taken as well as it can be: a node without a kind is a person, an edge
without one is a tie (or whatever kind its ends call for), a value that fits no field is kept as
a custom attribute, and an id the map cannot use is replaced, the original kept as the
attribute ``original_id``. What was changed on the way is said in ``Imported.notes``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import StringConstraints, TypeAdapter, ValidationError

from commapper.io.errors import MapFileError
from commapper.io.exchange.records import (
    BOOLEAN_FIELDS,
    LIST_FIELDS,
    NUMBER_FIELDS,
    column_attribute,
)
from commapper.model import (
    EDGE_ENDPOINTS,
    NODE_CLASSES,
    NODE_ID_PREFIX,
    Edge,
    EdgeKind,
    MapDocument,
    Node,
    NodeKind,
    Problem,
    View,
    field_names,
    is_valid_id,
    problems_from_validation,
    quoted,
    reference_problems,
)
from commapper.model.items import (
    EDGE_CLASSES,
    MAX_EDGES,
    MAX_LABEL_CHARS,
    MAX_NODES,
    MAX_NOTES_CHARS,
    Timestamp,
    edge_kinds_between,
)

ORIGINAL_ID = "original_id"
"""The custom attribute that keeps an id from another tool which the map could not use."""

_NODE = TypeAdapter(Node)
_EDGE = TypeAdapter(Edge)
_VIEWS = TypeAdapter(list[View])
_TIMESTAMP = TypeAdapter(Timestamp)
_NOT_FIELDS = frozenset({"id", "kind", "source", "target", "attributes"})
_OWN_FIELDS = {
    item_class: field_names(item_class) - _NOT_FIELDS
    for item_class in (*NODE_CLASSES.values(), *EDGE_CLASSES.values())
}
_NODE_KINDS = {kind.value: kind for kind in NodeKind}
_EDGE_KINDS = {kind.value: kind for kind in EdgeKind}
_TRUE, _FALSE = {"true", "yes", "1"}, {"false", "no", "0"}
# An edge whose kind was worked out from its ends has no participation level to read.
_DEFAULT_LEVEL = "active"


@dataclass
class ReadNode:
    """A node as a reader found it: its id in the file, and its values by column name."""

    key: str
    values: dict[str, Any]
    where: str


@dataclass
class ReadEdge:
    """An edge as a reader found it. ``directed`` is what the file says of its direction
    outside its values (a graph's default, an edge's own flag), or None when it says nothing."""

    key: str | None
    source: str
    target: str
    values: dict[str, Any]
    where: str
    directed: bool | None = None


@dataclass
class ReadGraph:
    """What a reader found in a file, before it is made into a map."""

    nodes: list[ReadNode] = field(default_factory=list)
    edges: list[ReadEdge] = field(default_factory=list)
    title: str = ""
    description: str = ""
    created: str | None = None
    modified: str | None = None
    views: Any = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Imported:
    """A map read from another tool's file, and what was changed to make it one."""

    document: MapDocument
    notes: tuple[str, ...] = ()


def check_counts(path: Any, nodes: int, edges: int) -> None:
    """Refuse a file with more nodes or edges than a map may hold, before building any."""
    for count, limit, what in ((nodes, MAX_NODES, "nodes"), (edges, MAX_EDGES, "edges")):
        if count > limit:
            raise MapFileError.single(
                path, f"the file has {count:,} {what}; a map may hold at most {limit:,}"
            )


def build_document(graph: ReadGraph, path: Any) -> Imported:
    """The map ``graph`` describes.

    Raises
    ------
    MapFileError
        If the graph cannot be a map even so: two nodes with one id, an edge to a node that is
        not there, a value beyond the limits of the format.
    """
    check_counts(path, len(graph.nodes), len(graph.edges))
    builder = _Builder(path)
    nodes = [builder.node(read) for read in graph.nodes]
    edges = [edge for read in graph.edges if (edge := builder.edge(read)) is not None]
    doc = MapDocument.new(_clipped(graph.title, MAX_LABEL_CHARS, builder, "the title"))
    doc.description = _clipped(graph.description, MAX_NOTES_CHARS, builder, "the description")
    for name in ("created", "modified"):
        given = getattr(graph, name)
        if given is not None:
            try:
                setattr(doc, name, _TIMESTAMP.validate_python(given))
            except ValidationError:
                builder.note(f"the {name} date was not a date and time, and was left out")
    doc.nodes, doc.edges = nodes, edges
    doc.reindex()
    doc.views = builder.views(graph.views, doc)
    problems = reference_problems(doc)
    if problems:  # nothing above should let one through; said plainly all the same
        raise MapFileError(path, problems)
    return Imported(doc, (*graph.notes, *builder.notes()))


_WHOLE_TEXT = TypeAdapter(Annotated[str, StringConstraints(max_length=MAX_NOTES_CHARS)])


def _clipped(text: Any, limit: int, builder: _Builder, what: str) -> str:
    """The title or description, cut to ``limit``; "" if it is not whole text (JSON's escapes
    can make half of a surrogate pair, which no file can hold)."""
    if isinstance(text, str) and len(text) > limit:
        builder.note(f"{what} was longer than {limit:,} characters and was cut short")
        text = text[:limit]
    try:
        return _WHOLE_TEXT.validate_python(text)
    except ValidationError:
        builder.note(f"{what} was not text that a map can hold, and was left out")
        return ""


class _Builder:
    """Turns read nodes and edges into model items one at a time, remembering the ids given."""

    def __init__(self, path: Any):
        self.path = path
        self.used: set[str] = set()
        self.node_ids: dict[str, str] = {}  # id in the file -> id in the map
        self.kinds: dict[str, NodeKind] = {}  # id in the map -> kind
        self.has_me = False
        self.counters: Counter[str] = Counter()
        self._notes: dict[str, list[str]] = {}

    # -- notes -----------------------------------------------------------------------------------

    def note(self, message: str, where: str = "") -> None:
        self._notes.setdefault(message, []).append(where)

    def notes(self) -> list[str]:
        lines = []
        for message, places in self._notes.items():
            named = [place for place in places if place]
            if not named:
                lines.append(message)
            elif len(named) == 1:
                lines.append(f"{named[0]}: {message}")
            else:
                lines.append(f"{message} ({len(named):,} items, the first {named[0]})")
        return lines

    # -- ids -------------------------------------------------------------------------------------

    def fresh_id(self, prefix: str) -> str:
        while True:
            self.counters[prefix] += 1
            candidate = f"{prefix}{self.counters[prefix]}"
            if candidate not in self.used:
                return candidate

    def _id_for(self, key: str | None, prefix: str, attributes: dict[str, Any]) -> str:
        if key is not None and is_valid_id(key) and key not in self.used:
            chosen = key
        else:
            chosen = self.fresh_id(prefix)
            if key is not None and key != "":
                attributes.setdefault(ORIGINAL_ID, key)
        self.used.add(chosen)
        return chosen

    # -- nodes -----------------------------------------------------------------------------------

    def node(self, read: ReadNode) -> Any:
        if read.key in self.node_ids:
            raise MapFileError.single(
                self.path,
                f"two nodes have the id {quoted(read.key)}; each needs its own",
                read.where,
            )
        values = dict(read.values)
        attributes: dict[str, Any] = {}
        given_kind = values.pop("kind", None)
        kind = _NODE_KINDS.get(_kind_word(given_kind))
        # Another tool's node often has no label but an id that is its name; a node of a
        # Commapper map with no label has none.
        named_by_id = kind is None
        if kind is None:
            kind = NodeKind.PERSON
            if given_kind is not None:
                attributes["kind"] = attribute_value(given_kind)
        if kind is NodeKind.ME:
            if self.has_me:
                kind = NodeKind.PERSON
                self.note("a map has one me; another node marked me was made a person", read.where)
            self.has_me = True
        item_class = NODE_CLASSES[kind]
        fields = self._fields(values, _OWN_FIELDS[item_class], attributes, read.where)
        if named_by_id and "label" not in fields and "label" not in values:
            fields["label"] = read.key[:MAX_LABEL_CHARS]
        node_id = self._id_for(read.key, NODE_ID_PREFIX[kind], attributes)
        self.node_ids[read.key] = node_id
        self.kinds[node_id] = kind
        item = {"id": node_id, "kind": kind.value, **fields, "attributes": attributes}
        return self._validated(_NODE, item, fields, attributes, read.where)

    # -- edges -----------------------------------------------------------------------------------

    def edge(self, read: ReadEdge) -> Any:
        ends = []
        for key in (read.source, read.target):
            if key not in self.node_ids:
                raise MapFileError.single(
                    self.path, f"the edge joins {quoted(key)}, which is no node in the file",
                    read.where,
                )  # fmt: skip
            ends.append(self.node_ids[key])
        source, target = ends
        if source == target:
            self.note("an edge from a node to itself was left out (a map has none)", read.where)
            return None
        values = dict(read.values)
        attributes: dict[str, Any] = {}
        given_kind = values.pop("kind", None)
        chosen = self._edge_kind(given_kind, source, target)
        if chosen is None:
            self.note(
                "no kind of edge joins the kinds of its two nodes, so it was left out", read.where
            )
            return None
        kind, swapped = chosen
        if swapped:
            source, target = target, source
        if given_kind is not None and _kind_word(given_kind) != kind.value:
            attributes["kind"] = attribute_value(given_kind)
        item_class = EDGE_CLASSES[kind]
        fields = self._fields(values, _OWN_FIELDS[item_class], attributes, read.where)
        directed_by_file = "directed" not in fields and read.directed is not None
        if "directed" in _OWN_FIELDS[item_class] and directed_by_file:
            fields["directed"] = read.directed
        if kind is EdgeKind.MEMBERSHIP and "level" not in fields:
            fields["level"] = _DEFAULT_LEVEL
            self.note(
                f"a membership without a level was given the level {_DEFAULT_LEVEL}", read.where
            )
        if "via" in fields:
            fields["via"] = self._via(fields["via"], read.where)
        edge_id = self._id_for(read.key, "e", attributes)
        item = {"id": edge_id, "kind": kind.value, "source": source, "target": target, **fields,
                "attributes": attributes}  # fmt: skip
        return self._validated(_EDGE, item, fields, attributes, read.where)

    def _edge_kind(self, given: Any, source: str, target: str) -> tuple[EdgeKind, bool] | None:
        """The kind of an edge between these nodes, and whether its ends must be swapped."""
        ends = self.kinds[source], self.kinds[target]
        kind = _EDGE_KINDS.get(_kind_word(given))
        if kind is not None:
            sources, targets = EDGE_ENDPOINTS[kind]
            if ends[0] in sources and ends[1] in targets:
                return kind, False
            if ends[1] in sources and ends[0] in targets:
                return kind, True
        for swapped, (first, second) in ((False, ends), (True, ends[::-1])):
            fitting = edge_kinds_between(first, second)
            if fitting:
                return fitting[0], swapped
        return None

    def _via(self, keys: list[str], where: str) -> list[str]:
        via = []
        for key in keys:
            node_id = self.node_ids.get(key)
            if node_id is not None and self.kinds[node_id] != NodeKind.COMMUNITY:
                via.append(node_id)
            else:
                self.note(
                    f"a crossing named {quoted(key)} as its carrier, which is no person or "
                    "boundary object in the file; it was left out",
                    where,
                )
        return via

    # -- fields ----------------------------------------------------------------------------------

    def _fields(
        self, values: dict[str, Any], own: frozenset[str], attributes: dict[str, Any], where: str
    ) -> dict[str, Any]:
        """The values that fill fields of the item; the rest go to ``attributes``."""
        fields: dict[str, Any] = {}
        by_lower = {name.lower(): name for name in own}
        for column, value in values.items():
            name = column_attribute(column)
            if name is not None:
                attributes[name] = attribute_value(value)
                continue
            field_name = column if column in own else by_lower.get(column.lower())
            if field_name is None:
                attributes[column] = attribute_value(value)
                continue
            if value is None:
                continue
            converted = _field_value(field_name, value)
            if converted is _UNFIT:
                attributes[column] = attribute_value(value)
                self.note(
                    f"a value of {quoted(column)} does not fit that field, so it was kept as a "
                    "custom attribute",
                    where,
                )
            else:
                fields[field_name] = converted
        return fields

    def _validated(
        self,
        adapter: TypeAdapter[Any],
        item: dict[str, Any],
        fields: dict[str, Any],
        attributes: dict[str, Any],
        where: str,
    ) -> Any:
        """The model item, with fields the model refuses moved to custom attributes once."""
        try:
            return adapter.validate_python(item)
        except ValidationError as error:
            refused = {
                detail["loc"][1]
                for detail in error.errors(include_url=False)
                if len(detail["loc"]) >= 2 and detail["loc"][1] in fields
            }
            # Text too long for its field is too long for an attribute too; a level is required.
            too_long = any(d["type"] == "string_too_long" for d in error.errors(include_url=False))
            if not refused or too_long or "level" in refused:
                raise self._error(error, where) from None
        for name in sorted(refused):
            attributes.setdefault(name, attribute_value(item.pop(name)))
            self.note(
                f"a value of {quoted(name)} is not one a map allows there, so it was kept as a "
                "custom attribute",
                where,
            )
        try:
            return adapter.validate_python(item)
        except ValidationError as error:
            raise self._error(error, where) from None

    def _error(self, error: ValidationError, where: str) -> MapFileError:
        problems = []
        for problem in problems_from_validation(error):
            # An item checked alone is checked as its kind: that comes first in the path.
            path = re.sub(rf"^({'|'.join(_NODE_KINDS | _EDGE_KINDS)})\.?", "", problem.path)
            problems.append(Problem(f"{where}.{path}" if path else where, problem.message))
        return MapFileError(self.path, problems)

    # -- views -----------------------------------------------------------------------------------

    def views(self, given: Any, doc: MapDocument) -> list[View]:
        if given is None:
            return []
        try:
            views = _VIEWS.validate_python(given)
        except ValidationError:
            self.note("the saved views could not be read, and were left out")
            return []
        kept = []
        for view in views:
            named = [*(view.nodes or ()), *view.highlighted]
            if all(doc.has_node(node_id) for node_id in named):
                kept.append(view)
            else:
                self.note(f"the saved view {quoted(view.name)} names nodes not in the file")
        return kept


def _kind_word(given: Any) -> str:
    """A kind as another tool may write it ("Boundary object", "Person") in this map's words."""
    return given.strip().lower().replace(" ", "_") if isinstance(given, str) else ""


class _Unfit:
    """A value that does not fit the field it is named for."""


_UNFIT: Any = _Unfit()


def _field_value(name: str, value: Any) -> Any:
    """``value`` as the field ``name`` holds it (text from a table made a number, a list...),
    or ``_UNFIT``. The model checks what is left (ranges, patterns)."""
    if name in NUMBER_FIELDS:
        if isinstance(value, str):
            try:
                value = float(value.strip())
            except ValueError:
                return _UNFIT
        if isinstance(value, bool) or not isinstance(value, int | float):
            return _UNFIT
        return float(value) if math.isfinite(value) else _UNFIT
    if name in BOOLEAN_FIELDS:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        return True if text in _TRUE else False if text in _FALSE else _UNFIT
    if name in LIST_FIELDS:
        return _list_value(value)
    if isinstance(value, bool | list | dict):
        return _UNFIT
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _list_value(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except ValueError:
                return _UNFIT
        else:
            return [part.strip() for part in text.split("|") if part.strip()]
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return value
    return _UNFIT


def attribute_value(value: Any) -> Any:
    """``value`` as a custom attribute can hold it: text, a number, true or false, or null; a
    list or an object from another tool becomes JSON text, a number beyond a double text."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    return json.dumps(value, ensure_ascii=False, default=str)

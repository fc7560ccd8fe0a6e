"""The map document: the one source of truth that every view observes."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import pickle
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from itertools import chain, compress
from operator import attrgetter, countOf, eq
from typing import Annotated, Any, Literal, NamedTuple, TypeVar, cast

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from commapper.model.events import DocumentChanged
from commapper.model.items import (
    ACTOR_KINDS,
    EDGE_ENDPOINT_WORDS,
    EDGE_ENDPOINTS,
    MAX_EDGES,
    MAX_NODES,
    CrossingEdge,
    Edge,
    EdgeKind,
    EdgeModel,
    Label,
    MeNode,
    Node,
    NodeKind,
    NodeModel,
    Notes,
    Timestamp,
    View,
    is_valid_id,
)
from commapper.model.problems import Problem, quoted_id

_ID = attrgetter("id")
FORMAT_NAME = "commapper-map"
SCHEMA_VERSION = 1


def utc_now() -> datetime:
    """The current time in UTC, to the second, as written in ``created`` and ``modified``."""
    return datetime.now(UTC).replace(microsecond=0)


def _not_true_or_false(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("must be a whole number such as 1")
    return value


class MapDocument(BaseModel):
    """A learning-community map: nodes, edges and saved views, with change events.

    Nodes and edges are immutable values kept in file order; edits replace them through
    :func:`commapper.model.edits.apply_edit`, which announces each change to subscribers.
    """

    # Strings read from a file are cached by key only: values are mostly unique ids and labels,
    # so caching them costs a lookup each and saves nothing (about 10% of a load).
    model_config = ConfigDict(extra="forbid", validate_assignment=False, cache_strings="keys")

    format: Literal["commapper-map"]
    # True equals 1 in Python, and pydantic would take it; JSON and the schema do not.
    schema_version: Annotated[Literal[1], BeforeValidator(_not_true_or_false)]
    title: Label = ""
    description: Notes = ""
    created: Timestamp = Field(default_factory=utc_now)
    modified: Timestamp = Field(default_factory=utc_now)
    nodes: list[Node] = Field(default_factory=list, max_length=MAX_NODES)
    edges: list[Edge] = Field(default_factory=list, max_length=MAX_EDGES)
    views: list[View] = Field(default_factory=list)

    _nodes_by_id: dict[str, NodeModel] = PrivateAttr(default_factory=dict)
    _edges_by_id: dict[str, EdgeModel] = PrivateAttr(default_factory=dict)
    # Each entry returns the listener, or None once a weakly held one has gone.
    _listeners: list[Callable[[], Callable[[DocumentChanged], None] | None]] = PrivateAttr(
        default_factory=list
    )

    def model_post_init(self, context: object, /) -> None:
        self.reindex()

    @classmethod
    def new(cls, title: str = "") -> MapDocument:
        """An empty map with a title."""
        return cls(format=FORMAT_NAME, schema_version=SCHEMA_VERSION, title=title)

    # -- lookups -------------------------------------------------------------------------------

    def reindex(self) -> None:
        """Rebuild the id lookups after the node or edge lists were replaced wholesale."""
        self._nodes_by_id = dict(zip(map(_ID, self.nodes), self.nodes, strict=True))
        self._edges_by_id = dict(zip(map(_ID, self.edges), self.edges, strict=True))

    # The lookups below read pydantic's store of private attributes directly: going through
    # attribute access costs 25 times as much (1.8 µs against 0.07 µs a lookup), and the canvas
    # and the analysis look items up by the hundred thousand.

    def node(self, node_id: str) -> NodeModel:
        nodes: dict[str, NodeModel] = self.__pydantic_private__["_nodes_by_id"]  # type: ignore[index]
        return nodes[node_id]

    def edge(self, edge_id: str) -> EdgeModel:
        edges: dict[str, EdgeModel] = self.__pydantic_private__["_edges_by_id"]  # type: ignore[index]
        return edges[edge_id]

    def get(self, item_id: str) -> NodeModel | EdgeModel | None:
        """The node or edge with this id, or None."""
        private = self.__pydantic_private__
        nodes: dict[str, NodeModel] = private["_nodes_by_id"]  # type: ignore[index]
        edges: dict[str, EdgeModel] = private["_edges_by_id"]  # type: ignore[index]
        return nodes.get(item_id) or edges.get(item_id)

    def has_node(self, node_id: str) -> bool:
        return node_id in self.__pydantic_private__["_nodes_by_id"]  # type: ignore[index]

    def has_edge(self, edge_id: str) -> bool:
        return edge_id in self.__pydantic_private__["_edges_by_id"]  # type: ignore[index]

    def __contains__(self, item_id: object) -> bool:
        private = self.__pydantic_private__
        return item_id in private["_nodes_by_id"] or item_id in private["_edges_by_id"]  # type: ignore[index]

    @property
    def ego(self) -> MeNode | None:
        """The ``me`` node, if the map has one."""
        return next((node for node in self.nodes if isinstance(node, MeNode)), None)

    def edges_of(self, node_ids: Iterable[str]) -> Iterator[EdgeModel]:
        """The edges that touch any of the given nodes, in file order."""
        wanted = set(node_ids)
        return (edge for edge in self.edges if edge.source in wanted or edge.target in wanted)

    def new_id(self, prefix: str) -> str:
        """A fresh id such as ``c7``: the prefix and one more than the largest number in use."""
        # By the ids' text, not a pattern: 43,000 ids matched one by one took 15 ms a new node.
        start = len(prefix)
        numbers = [
            int(item_id[start:])
            for ids in (self._nodes_by_id, self._edges_by_id)
            for item_id in ids
            if item_id.startswith(prefix) and item_id[start:].isdecimal()
        ]
        return f"{prefix}{max(numbers, default=0) + 1}"

    # -- change events ---------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[DocumentChanged], None]) -> None:
        """Call ``listener`` after every change to the document.

        A bound method is held weakly: a document does not keep its views alive, so a closed
        view and its undo history are freed as soon as nothing else uses them.
        """
        if inspect.ismethod(listener):
            self._listeners.append(weakref.WeakMethod(listener))
        else:
            self._listeners.append(lambda: listener)

    def unsubscribe(self, listener: Callable[[DocumentChanged], None]) -> None:
        self._listeners[:] = [ref for ref in self._listeners if ref() not in (None, listener)]

    def emit(self, change: DocumentChanged) -> None:
        for ref in list(self._listeners):
            listener = ref()
            if listener is None:
                self._listeners.remove(ref)
            else:
                listener(change)

    # -- comparison and copies -----------------------------------------------------------------

    def content(self) -> dict[str, Any]:
        """The document as plain JSON data, for comparisons and snapshots."""
        return self.model_dump(mode="json")

    def __reduce__(self) -> tuple[Any, ...]:
        # Every analysis run sends the whole map to the analysis process, pickled in the
        # window's process beside its thread. Items go as tuples of their values, which pickle
        # writes without a Python call per item (an edge 1 µs instead of 4.5), a run at a
        # time (so a paced pickler pauses between runs: see commapper/pacing.py), and the id
        # lookups are built again there instead of sent.
        header = {name: getattr(self, name) for name in _HEADER_FIELDS}
        return _unpickle_document, (header, _in_runs(self.nodes), _in_runs(self.edges))

    def snapshot(self) -> MapDocument:
        """An independent copy without subscribers, safe to hand to another thread."""
        copy = MapDocument.model_construct(
            **{name: getattr(self, name) for name in type(self).model_fields}
        )
        copy.nodes = list(self.nodes)
        copy.edges = list(self.edges)
        copy.views = list(self.views)
        copy._listeners = []
        copy.reindex()
        return copy


_HEADER_FIELDS = ("format", "schema_version", "title", "description", "created", "modified",
                  "views")  # fmt: skip
# A map's items are reduced to value tuples this many at a time (about 0.5 ms of a pickler's
# work), as the pickler comes to them.
ITEMS_A_RUN = 500


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(cls))


@functools.cache
def values_of(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """An object of the dataclass ``cls`` (an item, an analysis value) as the tuple of its field
    values, in field order: made once per class."""
    return attrgetter(*_field_names(cls))


NodeT = TypeVar("NodeT")


@functools.cache
def _slot_setters(cls: type) -> tuple[tuple[Callable[[Any, Any], None], ...], int, int]:
    """Setters of the slotted dataclass ``cls``'s fields, in field order (its slots' own,
    which a frozen class's ``__setattr__`` does not stop), and where x and y are among them."""
    names = _field_names(cls)
    setters = tuple(getattr(cls, name).__set__ for name in names)
    return setters, names.index("x"), names.index("y")


def moved_to(node: NodeT, x: float | None, y: float | None) -> NodeT:
    """``node`` at (``x``, ``y``), made without checking its fields again: they were checked
    when it was made, and the position by the caller. ``dataclasses.replace`` checks them all,
    10 µs a node, and a layout moves 10,000 (this takes 1.2 µs)."""
    cls: type = type(node)
    setters, x_at, y_at = _slot_setters(cls)
    values = list(values_of(cls)(node))
    values[x_at], values[y_at] = x, y
    moved: Any = object.__new__(cls)
    for set_slot, value in zip(setters, values, strict=True):
        set_slot(moved, value)
    return cast("NodeT", moved)


def _in_runs(items: list[Any]) -> list[_ItemRun]:
    return [
        _ItemRun(items[first : first + ITEMS_A_RUN]) for first in range(0, len(items), ITEMS_A_RUN)
    ]


class _ItemRun:
    """A run of items, reduced to their classes and value tuples only when a pickler comes to it,
    so that a pickler writing to a paced file pauses between runs, not only after the map."""

    __slots__ = ("items",)

    def __init__(self, items: list[Any]) -> None:
        self.items = items

    def __reduce__(self) -> tuple[Any, ...]:
        classes: dict[type, int] = {}
        kinds = bytearray()
        rows = []
        for item in self.items:
            cls: type = type(item)
            kinds.append(classes.setdefault(cls, len(classes)))
            rows.append(values_of(cls)(item))
        # Pickled on their own: the pickler of the whole map would remember every tuple and
        # string in them, which takes half as long again.
        return _unpickle_run, (
            tuple(classes),
            bytes(kinds),
            pickle.dumps(rows, pickle.HIGHEST_PROTOCOL),
        )


def _unpickle_run(classes: tuple[type, ...], kinds: bytes, rows: bytes) -> list[Any]:
    """Items from a :class:`_ItemRun`, made without checking again: they were checked when made."""
    items: list[Any] = []
    for index, values in zip(kinds, pickle.loads(rows), strict=True):
        cls = classes[index]
        item: Any = object.__new__(cls)
        for name, value in zip(_field_names(cls), values, strict=True):
            object.__setattr__(item, name, value)
        items.append(item)
    return items


def _unpickle_document(
    header: dict[str, Any], nodes: list[list[Any]], edges: list[list[Any]]
) -> MapDocument:
    doc = MapDocument.model_construct(
        **header, nodes=list(chain.from_iterable(nodes)), edges=list(chain.from_iterable(edges))
    )
    doc.reindex()
    return doc


def reference_problems(doc: MapDocument) -> list[Problem]:
    """Check the rules that span items: unique ids, edges whose ends exist and fit, one ``me``.

    Returns every problem found, each with the JSON path where it occurs; empty when the map is
    consistent. Field-level rules (id syntax, dates, limits) are checked by the pydantic models.
    Written for speed: it runs on every load, so paths are only built for items with a problem.
    """
    problems: list[Problem] = []
    nodes_by_id = doc._nodes_by_id
    edges_by_id = doc._edges_by_id
    if (
        len(nodes_by_id) != len(doc.nodes)
        or len(edges_by_id) != len(doc.edges)
        # Two key views: isdisjoint then walks the smaller, not every edge id.
        or (not nodes_by_id.keys().isdisjoint(edges_by_id.keys()))
    ):
        problems.extend(
            _duplicate_id_problems(
                (f"{name}[{index}]", item.id)
                for name, items in (("nodes", doc.nodes), ("edges", doc.edges))
                for index, item in enumerate(items)
            )
        )
    kinds = dict(zip(nodes_by_id, map(_KIND, nodes_by_id.values()), strict=True))
    # Without duplicate ids the index holds every node, so "me" nodes are counted there.
    if len(kinds) != len(doc.nodes) or countOf(kinds.values(), NodeKind.ME) > 1:
        problems.extend(
            _more_than_one_me(
                [f"nodes[{i}]" for i, node in enumerate(doc.nodes) if isinstance(node, MeNode)]
            )
        )
    if not _edges_fit_quickly(doc.edges, kinds):
        for index, edge in enumerate(doc.edges):
            problems.extend(_endpoint_problems(edge, f"edges[{index}]", kinds))
    for index, view in enumerate(doc.views):
        for field in ("nodes", "highlighted"):
            for position, node_id in enumerate(getattr(view, field) or []):
                if node_id not in kinds:
                    problems.append(_no_node(f"views[{index}].{field}[{position}]", node_id))
    return problems


_KIND = attrgetter("kind")
_ENDS = attrgetter("kind", "source", "target")
_VIA = attrgetter("via")
_ALLOWED_SIGNATURES = frozenset(
    (edge_kind, source_kind, target_kind)
    for edge_kind, (sources, targets) in EDGE_ENDPOINTS.items()
    for source_kind in sources
    for target_kind in targets
)
_VIA_KINDS = ACTOR_KINDS | {NodeKind.BOUNDARY_OBJECT}


def _edges_fit_quickly(edges: list[EdgeModel], kinds: dict[str, str]) -> bool:
    """Whether every edge's ends exist, fit its kind and differ, and every via exists.

    Iterates in C (map, zip, set) rather than a Python loop: it runs on every load of maps with
    tens of thousands of edges. Each edge is visited once for its three fields, as fetching from
    objects scattered in memory costs more than the checks. A False answer sends the caller to the
    slow loop that explains.
    """
    if not edges:
        return True
    edge_kinds, sources, targets = zip(*map(_ENDS, edges), strict=True)
    signatures = set(zip(edge_kinds, map(kinds.get, sources), map(kinds.get, targets), strict=True))
    if not signatures <= _ALLOWED_SIGNATURES or any(map(eq, sources, targets)):
        return False
    crossings = compress(edges, map(EdgeKind.CROSSING.__eq__, edge_kinds))
    via_kinds = set(map(kinds.get, chain.from_iterable(map(_VIA, crossings))))
    return via_kinds <= _VIA_KINDS


def raw_reference_problems(raw: Mapping[str, Any]) -> list[Problem]:
    """The rules of :func:`reference_problems`, checked over a file's parsed JSON whose fields are
    wrong too, so that one look at a file lists every problem it has, not only the first kind.

    An item, or an end of an edge, that cannot be read (not an object, an id that is not text, an
    unknown kind) is skipped: the field checks report it.
    """
    nodes = _objects(raw.get("nodes"))
    edges = _objects(raw.get("edges"))
    problems = _duplicate_id_problems(
        (f"{name}[{index}]", item["id"])
        for name, items in (("nodes", nodes), ("edges", edges))
        for index, item in items
        if isinstance(item.get("id"), str)
    )
    kinds = {
        item["id"]: item["kind"]
        for _, item in nodes
        if isinstance(item.get("id"), str) and _text(item.get("kind")) in _NODE_KINDS
    }
    problems.extend(
        _more_than_one_me([f"nodes[{i}]" for i, item in nodes if item.get("kind") == NodeKind.ME])
    )
    for index, item in edges:
        if _text(item.get("kind")) in EDGE_ENDPOINTS:
            ends = _RawEdge(
                EdgeKind(item["kind"]),
                _text(item.get("source")),
                _text(item.get("target")),
                _list(item.get("via")),
            )
            problems.extend(_endpoint_problems(ends, f"edges[{index}]", kinds))
    for index, view in _objects(raw.get("views")):
        for field in ("nodes", "highlighted"):
            problems.extend(
                _no_node(f"views[{index}].{field}[{position}]", node_id)
                for position, node_id in enumerate(_list(view.get(field)))
                if isinstance(node_id, str) and node_id not in kinds
            )
    return problems


class _RawEdge(NamedTuple):
    """What the reference checks read of an edge, from JSON; an end that is not text is None."""

    kind: EdgeKind
    source: str | None
    target: str | None
    via: list[Any]


_NODE_KINDS = frozenset(NodeKind)


def _objects(items: Any) -> list[tuple[int, dict[str, Any]]]:
    """The JSON objects in a list from a file, with their positions in it."""
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _duplicate_id_problems(ids: Iterable[tuple[str, str]]) -> list[Problem]:
    """A problem for each (path, id) whose id an earlier one has."""
    problems = []
    first_seen: dict[str, str] = {}
    for path, item_id in ids:
        if item_id in first_seen:
            problems.append(
                Problem(
                    f"{path}.id",
                    f"the id {quoted_id(item_id)} is already used by {first_seen[item_id]}",
                )
            )
        else:
            first_seen[item_id] = path
    return problems


def _more_than_one_me(me_paths: list[str]) -> list[Problem]:
    return [
        Problem(f"{path}.kind", f'a map has at most one "me" node; {me_paths[0]} is one')
        for path in me_paths[1:]
    ]


def _endpoint_problems(
    edge: EdgeModel | _RawEdge, path: str, kinds: dict[str, str]
) -> list[Problem]:
    problems: list[Problem] = []
    edge_kind = EdgeKind(edge.kind)
    sources, targets = EDGE_ENDPOINTS[edge_kind]
    for end, allowed in (("source", sources), ("target", targets)):
        node_id = getattr(edge, end)
        if node_id is None:
            continue  # an end that is not text, which the field checks report
        kind = kinds.get(node_id)
        if kind is None:
            problems.append(_no_node(f"{path}.{end}", node_id))
        elif kind not in allowed:
            problems.append(
                Problem(
                    f"{path}.{end}",
                    f'"{node_id}" is a {kind} node, but {EDGE_ENDPOINT_WORDS[edge_kind]}',
                )
            )
    if edge.source is not None and edge.source == edge.target:
        problems.append(Problem(f"{path}.target", "an edge cannot join a node to itself"))
    if isinstance(edge, CrossingEdge | _RawEdge) and edge.kind == EdgeKind.CROSSING:
        for position, via_id in enumerate(edge.via):
            if not isinstance(via_id, str):
                continue
            kind = kinds.get(via_id)
            if kind is None:
                problems.append(_no_node(f"{path}.via[{position}]", via_id))
            elif kind not in _VIA_KINDS:
                problems.append(
                    Problem(
                        f"{path}.via[{position}]",
                        f'"{via_id}" is a {kind}; a crossing goes via people, me or '
                        "boundary objects",
                    )
                )
    return problems


def _no_node(path: str, node_id: str) -> Problem:
    return Problem(path, f"no node with id {quoted_id(node_id)}")


__all__ = [
    "FORMAT_NAME",
    "SCHEMA_VERSION",
    "MapDocument",
    "Problem",
    "is_valid_id",
    "raw_reference_problems",
    "reference_problems",
    "utc_now",
]

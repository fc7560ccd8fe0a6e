"""The nodes, edges and saved views of a map, validated by pydantic (docs/file-format.md)."""

from __future__ import annotations

import dataclasses
import math
import re
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal, NoReturn, TypeAlias, TypeVar, cast, dataclass_transform

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    PlainSerializer,
    Strict,
    StrictBool,
    StringConstraints,
    WithJsonSchema,
)
from pydantic.dataclasses import dataclass
from pydantic_core import core_schema

# Limits of the file format (docs/file-format.md); each is checked with its own clear message.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_NODES = 200_000
MAX_EDGES = 1_000_000
MAX_LABEL_CHARS = 500
MAX_NOTES_CHARS = 100_000
MAX_TAG_CHARS = 200
MAX_ID_CHARS = 64
# Positions are in map units (a node is about 30 wide). A billion units is far more room than any
# map uses, and keeps every sum and product of positions (spacing, fitting the view) finite.
MAX_COORDINATE = 1e9
COORDINATE_RANGE = f"between {-MAX_COORDINATE:,.0f} and {MAX_COORDINATE:,.0f}"

ID_PATTERN = r"^[A-Za-z0-9_.:\-]{1,64}$"
# YYYY, YYYY-MM or a real calendar day YYYY-MM-DD, leap years included. A pattern rather than a
# Python validator because pydantic checks it in Rust: loading 20,000 dates stays fast.
_CALENDAR_DAY = (
    r"(\d{4}-((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)"
    r"|02-(0[1-9]|1\d|2[0-8]))"
    r"|(\d{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)"
)
DATE_PATTERN = rf"^(\d{{4}}(-(0[1-9]|1[0-2]))?|{_CALENDAR_DAY})$"
# ``created`` and ``modified``: a real day and time, seconds and time zone optional (RFC 3339 as
# Commapper writes it, 2026-11-23T10:30:00Z). Year 0 is no year Python can hold.
TIMESTAMP_PATTERN = (
    rf"^(?!0000){_CALENDAR_DAY}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?"
    r"(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$"
)
COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"


# The one-line text fields with a length limit (the map's title too), for editors that stop
# typing at the limit rather than have the edit refused.
TEXT_LIMITS: dict[str, int] = dict.fromkeys(
    ("title", "label", "domain", "sector", "org"), MAX_LABEL_CHARS
)

PINNED_TAG = "pinned"
"""A node whose ``tags`` hold this word keeps its position when a layout runs."""

ItemId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
# An edge's ends and a crossing's via: each must name an existing node, which the cross-item check
# on every load verifies, so the pattern is only stated in the schema, not matched a second time
# (tens of thousands of matches in a large map).
NodeRef = Annotated[str, WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
Label = Annotated[str, StringConstraints(max_length=MAX_LABEL_CHARS)]
Notes = Annotated[str, StringConstraints(max_length=MAX_NOTES_CHARS)]
Tag = Annotated[str, StringConstraints(max_length=MAX_TAG_CHARS)]
Color = Annotated[str, StringConstraints(pattern=COLOR_PATTERN)]
PartialDate = Annotated[str, StringConstraints(pattern=DATE_PATTERN)]


_TIMESTAMP = re.compile(TIMESTAMP_PATTERN)


def _timestamp_text(value: Any) -> Any:
    """Let through only what the schema allows: text in the one form (pydantic alone would also
    take a number of seconds, or "2026-11-23" as midnight), or a datetime the app made."""
    if isinstance(value, datetime) or (isinstance(value, str) and _TIMESTAMP.fullmatch(value)):
        return value
    raise ValueError("must be a date and time written like 2026-11-23T10:30:00Z")


Timestamp = Annotated[
    datetime,
    BeforeValidator(_timestamp_text),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": TIMESTAMP_PATTERN}),
]


def _json_number(value: float) -> float | int:
    # 120.0 is written 120, as people write it; beyond 2**53 a float is not a whole number anyway.
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


# Whole numbers are written without ".0"; they read back as the same float.
_WRITTEN_COMPACTLY = PlainSerializer(_json_number, when_used="json")
# Numbers are Strict: JSON text such as "12.5" is not a number, as the JSON Schema says.
Coordinate = Annotated[
    float,
    Strict(),
    Field(ge=-MAX_COORDINATE, le=MAX_COORDINATE, allow_inf_nan=False),
    _WRITTEN_COMPACTLY,
]
PositiveNumber = Annotated[float, Strict(), Field(gt=0, allow_inf_nan=False), _WRITTEN_COMPACTLY]
# The width or height of a saved view: at most the whole coordinate range.
Extent = Annotated[
    float, Strict(), Field(gt=0, le=2 * MAX_COORDINATE, allow_inf_nan=False), _WRITTEN_COMPACTLY
]
# Custom attributes: the user's own columns, as in Kumu. Scalars only, so files stay flat.
# A constrained name, unlike a plain str, is checked to be whole text: half a surrogate pair from
# a \ud800 escape could not be written back. The bound is as loose as for the values.
AttributeName = Annotated[str, StringConstraints(max_length=MAX_NOTES_CHARS)]
AttributeValue: TypeAlias = (
    Annotated[str, StringConstraints(max_length=MAX_NOTES_CHARS)]
    | bool
    | int
    | Annotated[float, Field(allow_inf_nan=False)]
    | None
)


class _NoAttributes(dict[str, AttributeValue]):
    """The ``attributes`` of every item that has none: one shared empty dict that cannot change.

    A 10,000-node map holds some 40,000 items, and a default factory called for each costs a
    tenth of loading it. Hashable, so that pydantic shares it instead of copying it per item.
    """

    __slots__ = ()

    # dict declares itself unhashable (__hash__ = None); this one never changes, so it may hash.
    def __hash__(self) -> int:  # type: ignore[override]
        return 0

    def _refuse_change(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("items are immutable values: replace an item to change its attributes")

    __setitem__ = __delitem__ = __ior__ = _refuse_change
    clear = pop = popitem = setdefault = update = _refuse_change

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # Lets pydantic write the default into the JSON Schema as {}.
        return core_schema.dict_schema()


NO_ATTRIBUTES = _NoAttributes()
# Validation copies a dict, so an item changed with dataclasses.replace would get an ordinary,
# writable empty dict; this keeps it the shared one. Runs only for items that have the key.
Attributes = Annotated[
    dict[AttributeName, AttributeValue], AfterValidator(lambda given: given or NO_ATTRIBUTES)
]


def is_coordinate(value: float) -> bool:
    """Whether ``value`` may be a node's x or y: finite and within ``MAX_COORDINATE`` of 0."""
    return math.isfinite(value) and abs(value) <= MAX_COORDINATE


def is_valid_id(text: str) -> bool:
    """Whether ``text`` may be used as a node or edge id."""
    return re.fullmatch(ID_PATTERN, text) is not None


class NodeKind(StrEnum):
    ME = "me"
    COMMUNITY = "community"
    PERSON = "person"
    BOUNDARY_OBJECT = "boundary_object"


class EdgeKind(StrEnum):
    MEMBERSHIP = "membership"
    CROSSING = "crossing"
    OBJECT_USE = "object_use"
    TIE = "tie"


class Level(StrEnum):
    """Participation level, strongest first (Wenger's trajectories from core to transactional)."""

    CORE = "core"
    ACTIVE = "active"
    OCCASIONAL = "occasional"
    PERIPHERAL = "peripheral"
    TRANSACTIONAL = "transactional"

    @property
    def strength(self) -> int:
        """5 for core down to 1 for transactional: larger is stronger."""
        return len(LEVELS) - LEVELS.index(self)


LEVELS: tuple[Level, ...] = tuple(Level)


class Mode(StrEnum):
    """Wenger's modes of belonging."""

    ENGAGEMENT = "engagement"
    IMAGINATION = "imagination"
    ALIGNMENT = "alignment"


class Stage(StrEnum):
    """Stages of development of a community of practice."""

    POTENTIAL = "potential"
    COALESCING = "coalescing"
    ACTIVE = "active"
    DISPERSED = "dispersed"
    MEMORABLE = "memorable"


class Means(StrEnum):
    """How a boundary was crossed."""

    BROKER = "broker"
    BOUNDARY_OBJECT = "boundary_object"
    ENCOUNTER = "encounter"
    PRACTICE = "practice"


SECTOR_SUGGESTIONS: tuple[str, ...] = (
    "work", "civic", "education", "family", "hobby", "online", "health", "academia",
)  # fmt: skip

ACTOR_KINDS = frozenset({NodeKind.ME, NodeKind.PERSON})

# How new ids start, by kind: "c7" is a community, "p3" a person (see MapDocument.new_id).
NODE_ID_PREFIX: dict[NodeKind, str] = {
    NodeKind.ME: "me",
    NodeKind.COMMUNITY: "c",
    NodeKind.PERSON: "p",
    NodeKind.BOUNDARY_OBJECT: "o",
}


# Nodes and edges are pydantic dataclasses with slots rather than BaseModels: a 10,000-node map
# holds some 40,000 of them, which then take 15 MiB instead of 58 and load in 2.5x the time of
# json.loads instead of 3.2x (benchmarks/bench_io.py). Keyword-only, so that required fields may
# follow fields with defaults.
def _kind_required(schema: dict[str, Any]) -> None:
    """In Python ``kind`` has a default (each class knows its own), but in a file it is required:
    it says which class the item is. The schema says so too."""
    required = schema.setdefault("required", [])
    if "kind" in schema.get("properties", {}) and "kind" not in required:
        required.append("kind")


_make_item_dataclass = dataclass(
    frozen=True,
    slots=True,
    kw_only=True,
    config=ConfigDict(extra="forbid", json_schema_extra=_kind_required),
)
_Class = TypeVar("_Class")


# Declared a dataclass transform so that type checkers see the fields, the keyword-only
# constructor and dataclasses.replace; a decorator made by a call and stored in a variable hides
# all of them.
@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(Field,))
def _item_dataclass(cls: type[_Class]) -> type[_Class]:
    return cast("type[_Class]", _make_item_dataclass(cls))


@_item_dataclass
class _Item:
    """Fields every node and edge has. Items are immutable values: edits replace them, with
    ``dataclasses.replace`` (which validates the changes)."""

    id: ItemId
    notes: Notes = ""
    tags: tuple[Tag, ...] = ()
    color: Color | None = None
    attributes: Attributes = NO_ATTRIBUTES


@_item_dataclass
class _Node(_Item):
    """A node; each subclass fixes ``kind``.

    ``kind`` is a plain string literal rather than a NodeKind member because pydantic matches a
    string literal in Rust without a Python lookup per item (5% of loading a large map).
    NodeKind is a StrEnum, so ``node.kind == NodeKind.ME`` holds and either is the same dict key.
    Code that reads a kind's own fields narrows by class (``isinstance(node, CommunityNode)`` or
    ``match``), which type checkers follow, rather than by comparing ``kind``.
    """

    label: Label = ""
    # None means "not placed yet": the app places such nodes when it opens the map.
    x: Coordinate | None = None
    y: Coordinate | None = None


@_item_dataclass
class MeNode(_Node):
    kind: Literal["me"] = "me"
    org: Label | None = None


@_item_dataclass
class PersonNode(_Node):
    kind: Literal["person"] = "person"
    org: Label | None = None


@_item_dataclass
class CommunityNode(_Node):
    kind: Literal["community"] = "community"
    domain: Label | None = None
    sector: Label | None = None
    inside_org: StrictBool | None = None
    stage: Stage | None = None


@_item_dataclass
class BoundaryObjectNode(_Node):
    kind: Literal["boundary_object"] = "boundary_object"


Node = Annotated[
    MeNode | CommunityNode | PersonNode | BoundaryObjectNode, Field(discriminator="kind")
]
NODE_CLASSES: dict[NodeKind, type[_Node]] = {
    NodeKind.ME: MeNode,
    NodeKind.COMMUNITY: CommunityNode,
    NodeKind.PERSON: PersonNode,
    NodeKind.BOUNDARY_OBJECT: BoundaryObjectNode,
}


@_item_dataclass
class _Edge(_Item):
    """An edge; each subclass fixes ``kind``, a plain string as for nodes (see _Node)."""

    source: NodeRef
    target: NodeRef
    label: Label = ""


@_item_dataclass
class MembershipEdge(_Edge):
    kind: Literal["membership"] = "membership"
    level: Level
    modes: tuple[Mode, ...] = ()
    since: PartialDate | None = None
    until: PartialDate | None = None


@_item_dataclass
class CrossingEdge(_Edge):
    kind: Literal["crossing"] = "crossing"
    means: Means = Means.ENCOUNTER
    via: tuple[NodeRef, ...] = ()
    directed: StrictBool = True


@_item_dataclass
class ObjectUseEdge(_Edge):
    kind: Literal["object_use"] = "object_use"


@_item_dataclass
class TieEdge(_Edge):
    kind: Literal["tie"] = "tie"
    directed: StrictBool = False
    weight: PositiveNumber = 1.0


Edge = Annotated[
    MembershipEdge | CrossingEdge | ObjectUseEdge | TieEdge, Field(discriminator="kind")
]
EDGE_CLASSES: dict[EdgeKind, type[_Edge]] = {
    EdgeKind.MEMBERSHIP: MembershipEdge,
    EdgeKind.CROSSING: CrossingEdge,
    EdgeKind.OBJECT_USE: ObjectUseEdge,
    EdgeKind.TIE: TieEdge,
}

# Which node kinds each edge kind may join: (allowed sources, allowed targets).
EDGE_ENDPOINTS: dict[EdgeKind, tuple[frozenset[NodeKind], frozenset[NodeKind]]] = {
    EdgeKind.MEMBERSHIP: (ACTOR_KINDS, frozenset({NodeKind.COMMUNITY})),
    EdgeKind.OBJECT_USE: (frozenset({NodeKind.BOUNDARY_OBJECT}), frozenset({NodeKind.COMMUNITY})),
    EdgeKind.CROSSING: (frozenset({NodeKind.COMMUNITY}), frozenset({NodeKind.COMMUNITY})),
    EdgeKind.TIE: (ACTOR_KINDS, ACTOR_KINDS),
}
EDGE_ENDPOINT_WORDS: dict[EdgeKind, str] = {
    EdgeKind.MEMBERSHIP: "a membership goes from me or a person to a community",
    EdgeKind.OBJECT_USE: "an object_use goes from a boundary object to a community",
    EdgeKind.CROSSING: "a crossing goes from a community to a community",
    EdgeKind.TIE: "a tie joins two actors (me or people)",
}


# A dict rather than functools.cache, whose signature asks for a Hashable argument: mypy judges
# an item class by the __hash__ of its instances and finds the class itself unhashable.
_FIELD_NAMES: dict[type, frozenset[str]] = {}


def field_names(item_class: type) -> frozenset[str]:
    """The names of the fields of a node or edge class."""
    names = _FIELD_NAMES.get(item_class)
    if names is None:
        names = frozenset(field.name for field in dataclasses.fields(item_class))
        _FIELD_NAMES[item_class] = names
    return names


def edge_kinds_between(source: NodeKind, target: NodeKind) -> list[EdgeKind]:
    """The edge kinds that may go from a node of kind ``source`` to one of kind ``target``."""
    return [
        kind
        for kind, (sources, targets) in EDGE_ENDPOINTS.items()
        if source in sources and target in targets
    ]


class Viewport(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    x: Coordinate
    y: Coordinate
    width: Extent
    height: Extent


class View(BaseModel):
    """A facilitator's saved view: what to show, what to highlight, and where to look."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Label
    # None shows every node; a list limits the view to those node ids.
    nodes: list[ItemId] | None = None
    # None shows every kind; a list limits the view to those node kinds.
    kinds: list[NodeKind] | None = None
    highlighted: list[ItemId] = []
    overlay: Label | None = None
    viewport: Viewport | None = None
    notes: Notes = ""


NodeModel: TypeAlias = MeNode | CommunityNode | PersonNode | BoundaryObjectNode
EdgeModel: TypeAlias = MembershipEdge | CrossingEdge | ObjectUseEdge | TieEdge

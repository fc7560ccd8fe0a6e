"""How matched items of several maps become one item of the room map: the rules for each field,
and for duplicate edges the rules of the file format (docs/analysis.md, "Duplicate edges").

- A field takes the value most participants gave, the first of equals; values that are not
  there (null, empty text) do not count.
- Tags are united, notes joined (left out when names are hidden), custom attributes each take
  their most common value, and ``room:from`` / ``room:count`` say who brought the item.
- A membership keeps the strongest level, every mode, the earliest ``since`` and the latest
  ``until`` (none when any is open); a crossing every ``via``; a tie its largest weight.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from commapper.model import (
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    EdgeModel,
    Means,
    MembershipEdge,
    MeNode,
    Mode,
    NodeModel,
    ObjectUseEdge,
    PersonNode,
    TieEdge,
)
from commapper.model.items import LEVELS, MAX_LABEL_CHARS, MAX_NOTES_CHARS, MAX_TAG_CHARS
from commapper.workshop.matching import MatchKind
from commapper.workshop.provenance import ROOM_COUNT, ROOM_FROM, ROOM_PARTICIPANT, ROOM_PREFIX

_T = TypeVar("_T")
Scrub = Callable[[str], str]
"""Takes people's names out of a text (:class:`~commapper.workshop.anonymise.NameScrubber`)."""


def most_common(values: Iterable[_T]) -> _T | None:
    """The value given most often, the first of equals; None when there is none. Values are
    counted with their type: True and 1 are two values, as in JSON.

    >>> most_common(["health", "civic", "civic", "health"])
    'health'
    """
    counts: Counter[tuple[str, Any]] = Counter((type(value).__name__, value) for value in values)
    if not counts:
        return None
    value: _T = counts.most_common(1)[0][0][1]
    return value


def common_fields(
    items: Sequence[NodeModel | EdgeModel], sources: Sequence[str], scrub: Scrub | None
) -> dict[str, Any]:
    """``notes``, ``tags``, ``color`` and ``attributes`` of matched items, with provenance:
    ``sources`` are the person ids of the participants who brought them."""
    tags = list(dict.fromkeys(tag for item in items for tag in item.tags))
    notes = "\n\n".join(dict.fromkeys(item.notes for item in items if item.notes))
    attributes: dict[str, Any] = {}
    for name in dict.fromkeys(name for item in items for name in item.attributes):
        if not name.startswith(ROOM_PREFIX):  # the provenance of a room map merged again
            attributes[name] = most_common(
                item.attributes[name] for item in items if name in item.attributes
            )
    if scrub is not None:
        tags = list(dict.fromkeys(scrub(tag)[:MAX_TAG_CHARS] for tag in tags))
        notes = ""
        attributes = {
            scrub(name)[:MAX_NOTES_CHARS]: (
                scrub(value)[:MAX_NOTES_CHARS] if isinstance(value, str) else value
            )
            for name, value in attributes.items()
        }
    attributes[ROOM_FROM] = " ".join(sources)
    attributes[ROOM_COUNT] = len(sources)
    return {
        "notes": notes[:MAX_NOTES_CHARS],
        "tags": tuple(tags),
        "color": most_common(item.color for item in items if item.color),
        "attributes": attributes,
    }


def _text(value: str | None, scrub: Scrub | None) -> str | None:
    if value is None or scrub is None:
        return value
    return scrub(value)[:MAX_LABEL_CHARS]


def merged_node(
    kind: MatchKind,
    nodes: Sequence[NodeModel],
    *,
    node_id: str,
    label: str,
    sources: Sequence[str],
    participant: bool,
    scrub: Scrub | None,
    position: tuple[float | None, float | None] = (None, None),
) -> NodeModel:
    """One node of the room map for ``nodes`` (of one matching kind) of several maps. A
    person's ``label`` is used as given (a pseudonym when names are hidden); another label
    has names taken out by ``scrub``."""
    common = common_fields(nodes, sources, scrub)
    if participant:
        common["attributes"][ROOM_PARTICIPANT] = True
    x, y = position
    if kind == "person":
        actors = [node for node in nodes if isinstance(node, MeNode | PersonNode)]
        org = most_common(node.org for node in actors if node.org)
        return PersonNode(id=node_id, label=label, x=x, y=y, org=_text(org, scrub), **common)
    shown = _text(label, scrub) or ""
    if kind == "community":
        communities = [node for node in nodes if isinstance(node, CommunityNode)]
        return CommunityNode(
            id=node_id,
            label=shown,
            x=x,
            y=y,
            domain=_text(most_common(n.domain for n in communities if n.domain), scrub),
            sector=_text(most_common(n.sector for n in communities if n.sector), scrub),
            inside_org=most_common(n.inside_org for n in communities if n.inside_org is not None),
            stage=most_common(n.stage for n in communities if n.stage is not None),
            **common,
        )
    return BoundaryObjectNode(id=node_id, label=shown, x=x, y=y, **common)


def merged_edge(
    edges: Sequence[EdgeModel],
    *,
    edge_id: str,
    source: str,
    target: str,
    sources: Sequence[str],
    via: tuple[str, ...],
    scrub: Scrub | None,
) -> EdgeModel:
    """One edge of the room map for ``edges``: duplicates of one kind between the same two
    nodes of the room map (and of one ``directed``), from several maps. ``via`` is the union
    of a crossing's ``via``, as ids of the room map."""
    label = most_common(edge.label for edge in edges if edge.label) or ""
    fields: dict[str, Any] = {
        "id": edge_id,
        "source": source,
        "target": target,
        "label": _text(label, scrub),
        **common_fields(edges, sources, scrub),
    }
    first = edges[0]
    if isinstance(first, MembershipEdge):
        memberships = [edge for edge in edges if isinstance(edge, MembershipEdge)]
        modes = {mode for edge in memberships for mode in edge.modes}
        starts = [edge.since for edge in memberships if edge.since]
        ends = [edge.until for edge in memberships]
        return MembershipEdge(
            level=min((edge.level for edge in memberships), key=LEVELS.index),
            modes=tuple(mode for mode in Mode if mode in modes),
            since=min(starts) if starts else None,
            until=None if None in ends else max(end for end in ends if end),
            **fields,
        )
    if isinstance(first, CrossingEdge):
        crossings = [edge for edge in edges if isinstance(edge, CrossingEdge)]
        return CrossingEdge(
            means=most_common(edge.means for edge in crossings) or Means.ENCOUNTER,
            via=via,
            directed=first.directed,
            **fields,
        )
    if isinstance(first, TieEdge):
        weight = max(edge.weight for edge in edges if isinstance(edge, TieEdge))
        return TieEdge(directed=first.directed, weight=weight, **fields)
    return ObjectUseEdge(**fields)

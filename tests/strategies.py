"""Hypothesis strategies that build valid map documents, shared by model, io and ui tests."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from commapper.model import (
    LEVELS,
    BoundaryObjectNode,
    CommunityNode,
    CrossingEdge,
    MapDocument,
    Means,
    MembershipEdge,
    MeNode,
    Mode,
    ObjectUseEdge,
    PersonNode,
    Stage,
    TieEdge,
    View,
)

ID_ALPHABET = string.ascii_letters + string.digits + "_-.:"
ids = st.text(ID_ALPHABET, min_size=1, max_size=12)
texts = st.text(max_size=30)  # any Unicode, including quotes, newlines and emoji
optional_texts = st.none() | texts
coordinates = st.none() | st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
colors = st.none() | st.from_regex(r"\A#[0-9a-f]{6}\Z")
attribute_values = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | texts
    | st.floats(allow_nan=False, allow_infinity=False)
)
attributes = st.dictionaries(texts, attribute_values, max_size=3)
dates = st.none() | st.dates().map(
    lambda day: st.sampled_from(
        [f"{day.year:04d}", f"{day.year:04d}-{day.month:02d}", day.isoformat()]
    )
).flatmap(lambda choice: choice)


def _common(draw) -> dict:
    return {
        "notes": draw(texts),
        "tags": draw(st.lists(texts, max_size=2)),
        "color": draw(colors),
        "attributes": draw(attributes),
    }


@st.composite
def documents(draw, max_nodes: int = 12, max_edges: int = 20) -> MapDocument:
    """A valid document: unique ids, edges that fit their ends, at most one ``me``."""
    n_nodes = draw(st.integers(0, max_nodes))
    node_ids = draw(st.lists(ids, min_size=n_nodes, max_size=n_nodes, unique=True))
    nodes, by_kind = [], {"actor": [], "community": [], "object": []}
    has_me = False
    for node_id in node_ids:
        kind = draw(st.sampled_from(["me", "person", "community", "object"]))
        if kind == "me" and has_me:
            kind = "person"
        place = {"label": draw(texts), "x": draw(coordinates), "y": draw(coordinates)}
        if kind in ("me", "person"):
            has_me = has_me or kind == "me"
            node_class = MeNode if kind == "me" else PersonNode
            nodes.append(node_class(id=node_id, org=draw(optional_texts), **place, **_common(draw)))
            by_kind["actor"].append(node_id)
        elif kind == "community":
            nodes.append(
                CommunityNode(
                    id=node_id, domain=draw(optional_texts), sector=draw(optional_texts),
                    inside_org=draw(st.none() | st.booleans()),
                    stage=draw(st.none() | st.sampled_from(list(Stage))), **place, **_common(draw),
                )
            )  # fmt: skip
            by_kind["community"].append(node_id)
        else:
            nodes.append(BoundaryObjectNode(id=node_id, **place, **_common(draw)))
            by_kind["object"].append(node_id)

    edges = []
    used = set(node_ids)
    for _ in range(draw(st.integers(0, max_edges))):
        edge_id = draw(ids.filter(lambda candidate: candidate not in used))
        kind = draw(st.sampled_from(["membership", "crossing", "object_use", "tie"]))
        ends = {
            "membership": ("actor", "community"),
            "crossing": ("community", "community"),
            "object_use": ("object", "community"),
            "tie": ("actor", "actor"),
        }[kind]
        if not by_kind[ends[0]] or not by_kind[ends[1]]:
            continue
        source = draw(st.sampled_from(by_kind[ends[0]]))
        target = draw(st.sampled_from(by_kind[ends[1]]))
        if source == target:
            continue
        used.add(edge_id)
        common = {"id": edge_id, "source": source, "target": target, "label": draw(texts)}
        common.update(_common(draw))
        if kind == "membership":
            edges.append(
                MembershipEdge(
                    level=draw(st.sampled_from(LEVELS)),
                    modes=draw(st.lists(st.sampled_from(list(Mode)), unique=True)),
                    since=draw(dates), until=draw(dates), **common,
                )
            )  # fmt: skip
        elif kind == "crossing":
            brokers = by_kind["actor"] + by_kind["object"]
            via = draw(st.lists(st.sampled_from(brokers), max_size=2)) if brokers else []
            edges.append(
                CrossingEdge(
                    means=draw(st.sampled_from(list(Means))), via=via,
                    directed=draw(st.booleans()), **common,
                )
            )  # fmt: skip
        elif kind == "object_use":
            edges.append(ObjectUseEdge(**common))
        else:
            edges.append(
                TieEdge(directed=draw(st.booleans()), weight=draw(st.floats(0.01, 100)), **common)
            )
    views = []
    if node_ids and draw(st.booleans()):
        views.append(
            View(
                name=draw(texts),
                nodes=draw(st.none() | st.lists(st.sampled_from(node_ids), max_size=3)),
                highlighted=draw(st.lists(st.sampled_from(node_ids), max_size=2)),
            )
        )
    doc = MapDocument.new(draw(texts))
    doc.description = draw(texts)
    doc.nodes, doc.edges, doc.views = nodes, edges, views
    doc.reindex()
    return doc


# The largest float: positions far beyond the ±1e9 that files and edits may hold.
HUGE = 1.7976931348623157e308


def at(node, x, y):
    """``node`` at (x, y), even beyond the ±1e9 that files and edits may hold: what is tested
    must not depend on that check (the model's own validation is stepped around)."""
    object.__setattr__(node, "x", x)
    object.__setattr__(node, "y", y)
    return node

"""Findings in plain words, each naming its nodes (DESIGN.md 5.5)."""

from __future__ import annotations

import networkx as nx

from commapper.analysis.graphs import MergedMaps
from commapper.model import MapDocument, NodeKind

MAX_PAIRS_NAMED = 5


def _names(doc: MapDocument, ids: list[str]) -> str:
    labels = [doc.node(node_id).label or node_id for node_id in ids]
    if len(labels) <= 2:
        return " and ".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _count(number: int) -> str:
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return words[number] if number < len(words) else str(number)


def findings(
    doc: MapDocument, merged: MergedMaps, result: dict, without_ego: nx.Graph
) -> list[dict]:
    """What stands out in the map, most important first; each names its nodes."""
    found: list[dict] = []

    def add(code: str, text: str, nodes: list[str]) -> None:
        found.append({"code": code, "text": text, "nodes": sorted(nodes)})

    ego = result["ego"]
    brokerage = result["brokerage"]
    if ego is not None:
        pairs = brokerage["ego"]["open_pairs"]
        for first, second in pairs[:MAX_PAIRS_NAMED]:
            add("only_bridge", f"You are the only bridge between {_names(doc, [first, second])}.",
                [ego, first, second])  # fmt: skip
        if len(pairs) > MAX_PAIRS_NAMED:
            add("only_bridge_more",
                f"You bridge {len(pairs)} pairs of your communities that nothing else connects.",
                [ego])  # fmt: skip
        for silo in brokerage["silos_excluding_ego"]:
            if merged.communities_of(ego).get(silo) is not None:
                label = _names(doc, [silo])
                add("silo", f"{label} is a silo: nothing but you connects it to the rest.",
                    [silo, ego])  # fmt: skip
    else:
        for silo in brokerage["silos_strict"]:
            add("silo", f"{_names(doc, [silo])} is a silo: nothing connects it to the others.",
                [silo])  # fmt: skip

    # Who or what alone connects communities: the pairs whose only connector it is.
    sole: dict[str, set[str]] = {}
    for first, second, data in without_ego.edges(data=True):
        if len(data["connectors"]) == 1:
            (connector,) = data["connectors"]
            if connector in merged.kinds:
                sole.setdefault(connector, set()).update((first, second))
    for connector, communities in sorted(sole.items(), key=lambda item: (-len(item[1]), item[0])):
        kind = merged.kinds[connector]
        if kind == NodeKind.ME:
            continue
        # Counted without me: I may connect the same communities, and my own findings say so.
        others = "nobody else but you" if ego is not None else "nobody else"
        add("sole_connector",
            f"{_names(doc, [connector])} connects {_count(len(communities))} communities "
            f"{others} connects: " + _names(doc, sorted(communities)) + ".",
            [connector, *communities])  # fmt: skip

    ranked = sorted(
        (
            (values["betweenness"], node_id)
            for node_id, values in brokerage["nodes"].items()
            if node_id != ego and values["kind"] != NodeKind.COMMUNITY.value
        ),
        reverse=True,
    )
    if ranked and ranked[0][0] > 0:
        score, node_id = ranked[0]
        after_you = " after you" if ego is not None else ""
        add("top_broker",
            f"{_names(doc, [node_id])} is the strongest broker among the people and boundary "
            f"objects{after_you} "
            f"(betweenness {score:.2f}).", [node_id])  # fmt: skip
    for node_id in brokerage["articulation_points_without_ego"]:
        if merged.kinds.get(node_id) in (NodeKind.PERSON, NodeKind.BOUNDARY_OBJECT):
            add("holds_together",
                f"Without {_names(doc, [node_id])}, part of the map would be cut off.",
                [node_id])  # fmt: skip
    return found

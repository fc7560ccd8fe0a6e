"""What-if: "Where would I be without this experience?" — the headline figures with and without
one node (Wenger's question about one's trajectory)."""

from __future__ import annotations

from commapper.analysis.analyse import analyse
from commapper.analysis.result import Analysis, FigureChange, WhatIf
from commapper.model import CrossingEdge, MapDocument, remove_items


def headline_figures(result: Analysis) -> dict[str, float | int | None]:
    """The figures a person looks at first, taken from an :func:`analyse` result."""
    figures: dict[str, float | int | None] = {
        "nodes": result.map.n_nodes,
        "edges": result.map.n_edges,
        "silos connected to nothing": len(result.brokerage.silos_strict),
    }
    if result.breadth is not None and result.brokerage.ego is not None:
        everything = result.breadth.all_levels
        ego = result.brokerage.ego
        figures |= {
            "communities": everything.n_communities,
            "communities, transactional left out": result.breadth.members_only.n_communities,
            "domains": everything.n_domains,
            "sectors": everything.n_sectors,
            "sector diversity (Blau)": everything.sector_diversity.blau,
            "share outside my organisation": everything.share_outside,
            "communities within two steps": everything.reach2_communities,
            "people within reach": everything.reach_people,
            "effective size": ego.effective_size,
            "constraint": ego.constraint,
            "open pairs only I bridge": len(ego.open_pairs),
            "silos only I connect": len(result.brokerage.silos_excluding_ego),
        }
    return figures


def what_if(doc: MapDocument, node_id: str, *, group_by: str | None = None) -> WhatIf:
    """Every headline figure before and after removing ``node_id`` (and its edges).

    The document itself is not changed: the removal happens on a snapshot.
    """
    before = analyse(doc, group_by=group_by)
    reduced = doc.snapshot()
    # As in "C without X": a crossing carried only by the removed node goes with it.
    carried_only_by_it = [
        edge.id
        for edge in doc.edges
        if isinstance(edge, CrossingEdge) and edge.via and set(edge.via) == {node_id}
    ]
    remove_items(reduced, [node_id, *carried_only_by_it])
    after = analyse(reduced, group_by=group_by)
    old, new = headline_figures(before), headline_figures(after)
    return WhatIf(
        removed=node_id,
        label=doc.node(node_id).label,
        figures=tuple(
            FigureChange(name, old[name], new.get(name), _change(old[name], new.get(name)))
            for name in old
        ),
        after=after,
    )


def _change(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before

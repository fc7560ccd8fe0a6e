"""The readable report of ``commapper analyse``: the figures and findings in plain words."""

from __future__ import annotations

from collections.abc import Iterable

from commapper.analysis.result import Analysis, WhatIf
from commapper.model import MapDocument, printable


def _number(value: float | int | None) -> str:
    if value is None:
        return "n/a"
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def _label(doc: MapDocument, node_id: str) -> str:
    """A node's label (or id) as one safe line of a terminal."""
    return printable(doc.node(node_id).label or node_id)


def counted(number: int, one: str, many: str) -> str:
    """``number`` with the right form of its noun: "1 community", "3 communities"."""
    return f"{number} {one if number == 1 else many}"


def text_report(doc: MapDocument, result: Analysis) -> str:
    """A report for a person: breadth, brokerage, then what stands out."""
    lines = [printable(doc.title or "Untitled map"), ""]
    counts = result.map.by_kind
    lines.append(
        f"{counted(result.map.n_nodes, 'node', 'nodes')} "
        f"({counted(counts['community'], 'community', 'communities')}, "
        f"{counted(counts['person'], 'person', 'people')}, "
        f"{counted(counts['boundary_object'], 'boundary object', 'boundary objects')}), "
        f"{counted(result.map.n_edges, 'edge', 'edges')}"
    )
    if result.breadth is not None and result.brokerage.ego is not None:
        every, members = result.breadth.all_levels, result.breadth.members_only
        levels = ", ".join(f"{n} {level}" for level, n in every.by_level.items() if n)
        lines += [
            "",
            "Breadth: how expansive your participation is",
            f"  communities           {every.n_communities} ({levels}); "
            f"{members.n_communities} as a member (transactional left out)",
            f"  domains               {every.n_domains}  (diversity, Blau "
            f"{_number(every.domain_diversity.blau)})",
            f"  sectors               {every.n_sectors}  (diversity, Blau "
            f"{_number(every.sector_diversity.blau)})",
            f"  outside your org      {every.n_outside_org} of "
            f"{every.n_inside_org + every.n_outside_org} known "
            f"(E-I {_number(every.ei_org)})",
            f"  within two steps      {every.reach2_communities} communities, "
            f"{every.reach2_communities_beyond_own} beyond your own",
            f"  people within reach   {every.reach_people}",
        ]
        ego = result.brokerage.ego
        roles = ego.gould_fernandez
        lines += [
            "",
            "Brokerage: what you bridge",
            f"  effective size        {_number(ego.effective_size)} of {ego.degree} "
            f"communities are non-redundant (efficiency {_number(ego.efficiency)})",
            f"  constraint            {_number(ego.constraint)} (lower: more brokerage "
            "opportunity)",
            f"  open pairs            {len(ego.open_pairs)} pairs of your communities only "
            "you connect",
            f"  roles                 {roles.coordinator} coordinator, {roles.itinerant} "
            f"itinerant, {roles.representative_gatekeeper} representative/gatekeeper, "
            f"{roles.liaison} liaison",
        ]
    brokers = sorted(
        ((values.betweenness, node_id) for node_id, values in result.brokerage.nodes.items()),
        reverse=True,
    )[:5]
    lines += ["", "Top brokers (betweenness on the whole map)"]
    lines += [f"  {_label(doc, node_id):<30} {score:.3f}" for score, node_id in brokers]

    def names(ids: Iterable[str]) -> str:
        return ", ".join(_label(doc, i) for i in ids) if ids else "none"

    lines += ["", f"Silos, connected to nothing: {names(result.brokerage.silos_strict)}"]
    if result.ego is not None:
        lines.append(f"Silos but for me: {names(result.brokerage.silos_excluding_ego)}")
    if result.findings:
        lines += ["", "What stands out"]
        lines += [f"  - {printable(finding.text)}" for finding in result.findings]
    return "\n".join(lines) + "\n"


def what_if_report(doc: MapDocument, comparison: WhatIf) -> str:
    """Before and after removing one node, figure by figure."""
    label = printable(comparison.label or comparison.removed)
    lines = [f"Where would you be without {label}?", ""]
    width = max(len("figure"), *(len(row.figure) for row in comparison.figures))
    lines.append(f"  {'figure':<{width}} {'before':>8} {'after':>8} {'change':>8}")
    for row in comparison.figures:
        change = row.change
        shown = "" if change in (0, None) else f"{change:+.2f}".rstrip("0").rstrip(".")
        lines.append(
            f"  {row.figure:<{width}} {_number(row.before):>8} {_number(row.after):>8} {shown:>8}"
        )
    return "\n".join(lines) + "\n"

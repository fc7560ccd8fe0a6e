"""The analysis of a map as typed, frozen values (read by attribute), and the one function that
turns them into the JSON of ``commapper analyse --json`` (docs/analysis.md).

Field order is the JSON's key order. Undefined numbers are None (JSON null), never NaN.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from commapper.analysis.findings import Finding
from commapper.model.document import values_of

SCHEMA = "commapper-analysis"
VERSION = 1


class Rebuilt:
    """Pickled as its class and its values in order, rebuilt by calling the class.

    The window receives each analysis from its process, unpickled on a thread beside the
    window's (paced: analysis/process.py). Without a dict of field names for each of its
    thousands of values, the analysis of a 2,000-node map unpickles in 5 ms instead of 31, and
    of a 10,000-node map in 83 ms instead of 100 (1.0 MiB instead of 1.7).
    """

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        cls: type = type(self)
        return cls, values_of(cls)(self)


@dataclass(frozen=True)
class Diversity(Rebuilt):
    """Heterogeneity of observed categories (see :func:`~commapper.analysis.breadth.diversity`)."""

    n: int
    K: int
    blau: float | None
    iqv: float | None
    shannon: float | None
    evenness: float | None


@dataclass(frozen=True)
class Breadth(Rebuilt):
    """How expansive one actor's participation is, under one level filter."""

    n_communities: int
    by_level: dict[str, int]
    by_mode: dict[str, int]
    n_domains: int
    domain_diversity: Diversity
    n_missing_domain: int
    n_sectors: int
    sector_diversity: Diversity
    n_missing_sector: int
    n_inside_org: int
    n_outside_org: int
    n_unknown_org: int
    share_outside: float | None
    ei_org: float | None
    reach2_communities: int
    reach2_communities_beyond_own: int
    reach_people: int


@dataclass(frozen=True)
class BreadthByFilter(Rebuilt):
    """Breadth with every membership, and with transactional ones left out."""

    all_levels: Breadth
    members_only: Breadth

    def of(self, level_filter: str) -> Breadth:
        """``"all_levels"`` or ``"members_only"``."""
        return self.all_levels if level_filter == "all_levels" else self.members_only


@dataclass(frozen=True)
class MapCounts(Rebuilt):
    title: str
    n_nodes: int
    n_edges: int
    by_kind: dict[str, int]


@dataclass(frozen=True)
class NodeBrokerage(Rebuilt):
    kind: str
    betweenness: float
    articulation_point: bool


@dataclass(frozen=True)
class Roles(Rebuilt):
    """Gould-Fernandez brokerage roles: counts of the open two-step paths one broker mediates.
    ``partition`` names the grouping where the JSON states it (ego's roles)."""

    coordinator: int
    itinerant: int
    representative_gatekeeper: int
    liaison: int
    total: int
    partition: str | None = None


@dataclass(frozen=True)
class EgoBrokerage(Rebuilt):
    """Burt's measures of ego on EG, its open pairs and its roles."""

    degree: int
    effective_size: float | None
    efficiency: float | None
    constraint: float | None
    hierarchy: float | None
    open_pairs: tuple[tuple[str, str], ...]
    gould_fernandez: Roles


@dataclass(frozen=True)
class ActorBrokerage(Rebuilt):
    """Burt's measures of one actor on A, its community reach and its roles."""

    degree: int
    effective_size: float | None
    efficiency: float | None
    constraint: float | None
    hierarchy: float | None
    community_reach: int
    gould_fernandez: Roles


@dataclass(frozen=True)
class Brokerage(Rebuilt):
    nodes: dict[str, NodeBrokerage]
    ego: EgoBrokerage | None
    actors: dict[str, ActorBrokerage]
    articulation_points: tuple[str, ...]
    articulation_points_without_ego: tuple[str, ...]
    bridges: tuple[tuple[str, str], ...]
    silos_strict: tuple[str, ...]
    silos_excluding_ego: tuple[str, ...]
    actor_betweenness: dict[str, float]
    community_betweenness: dict[str, float]
    betweenness_method: dict[str, str]


@dataclass(frozen=True)
class EIIndex(Rebuilt):
    """Krackhardt and Stern's E-I index of a network under a partition."""

    partition: str
    ei: float | None
    group_ei: dict[str, float | None]
    ei_baseline: float | None
    external_ties: int
    internal_ties: int


@dataclass(frozen=True)
class Analysis(Rebuilt):
    """Everything ``commapper analyse`` reports about one map."""

    map: MapCounts
    ego: str | None
    breadth: BreadthByFilter | None
    brokerage: Brokerage
    community_network: EIIndex
    actor_network: EIIndex | None  # only when actors are grouped by an attribute
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class FigureChange(Rebuilt):
    """One headline figure before and after a what-if removal."""

    figure: str
    before: float | None
    after: float | None
    change: float | None


@dataclass(frozen=True)
class WhatIf(Rebuilt):
    """Where would I be without this node: the headline figures with and without it."""

    removed: str
    label: str | None
    figures: tuple[FigureChange, ...]
    after: Analysis


def to_json(value: Analysis | WhatIf) -> dict[str, Any]:
    """The JSON data of ``analyse --json`` (or of ``--without``): tuples become lists, findings
    carry their claim, and ``actor_network`` and a role's ``partition`` appear only when set."""
    data: dict[str, Any] = _plain(value)
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, Finding):
        return {"code": value.code, "text": value.text, "nodes": value.nodes,
                "claim": _plain(value.claim)}  # fmt: skip
    if isinstance(value, Roles):
        counts = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        partition = counts.pop("partition")
        return counts if partition is None else {"partition": partition, **counts}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, Analysis):
            if value.actor_network is None:
                del data["actor_network"]
            return {"schema": SCHEMA, "version": VERSION, **data}
        return data
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value

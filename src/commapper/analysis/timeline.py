"""The map as of a year: memberships dated by ``since`` / ``until`` (identity as a trajectory).

Dates are partial (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and are read at the grain of a year:
"2019-05" counts as in 2019, both as a start and as an end. A membership is *in* year Y when
its ``since`` year is Y or earlier (or it has no ``since``) and its ``until`` year is Y or later
(or it has no ``until``). So ``since: "2019-05"`` is in 2019, and ``until: "2021-02"`` is still
in 2021 but not in 2022.
"""

from __future__ import annotations

from commapper.model import MapDocument, MembershipEdge


def date_year(date: str) -> int:
    """The year of a partial date: ``"2019-05"`` -> 2019."""
    return int(date[:4])


def years_in(doc: MapDocument) -> list[int]:
    """Every year named by a membership's ``since`` or ``until``, sorted, without repeats.

    Examples
    --------
    >>> from commapper.model import MapDocument
    >>> years_in(MapDocument.new())
    []
    """
    years: set[int] = set()
    for edge in doc.edges:  # 33,000 on a room map: the others are not looked into
        if isinstance(edge, MembershipEdge):
            years.update(years_of(edge))
    return sorted(years)


def years_of(edge: object) -> list[int]:
    """The years an edge names: a membership's ``since`` and ``until``."""
    if not isinstance(edge, MembershipEdge):
        return []
    return [date_year(when) for when in (edge.since, edge.until) if when]


def membership_in_year(edge: MembershipEdge, year: int) -> bool:
    """Whether a membership edge holds in ``year`` (see the module's rule for partial dates)."""
    if edge.since and date_year(edge.since) > year:
        return False
    return not (edge.until and date_year(edge.until) < year)


def memberships_outside(doc: MapDocument, year: int) -> list[str]:
    """The ids of the memberships that do not hold in ``year``, in file order."""
    return [
        edge.id
        for edge in doc.edges
        if isinstance(edge, MembershipEdge) and not membership_in_year(edge, year)
    ]


def as_of(doc: MapDocument, year: int) -> MapDocument:
    """A snapshot of the map in ``year``: memberships outside the year removed, all else kept.

    Nodes stay (a community you left is still on the map, only no longer yours); other edge
    kinds carry no dates and stay. The document itself is not changed.
    """
    outside = set(memberships_outside(doc, year))
    copy = doc.snapshot()
    copy.edges = [edge for edge in copy.edges if edge.id not in outside]
    copy.reindex()
    return copy

"""What the charts show, worked out without drawing them: the analysis panel and the canvas
need these at once, and pyqtgraph (loaded by ``charts``) only when the first result comes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from commapper.analysis.graphs import communities_of
from commapper.model import CommunityNode, MapDocument

# Levels from core (darkest) to transactional (lightest): one hue, so the stack reads as an order.
LEVEL_COLOURS_LIGHT = ("#08306b", "#2171b5", "#6baed6", "#b8d7ee", "#e4eef8")
LEVEL_COLOURS_DARK = ("#deebf7", "#9ecae1", "#4292c6", "#2166ac", "#123a66")


def sector_levels(doc: MapDocument, members_only: bool = False) -> dict[str, dict[str, int]]:
    """Ego's communities counted by sector, then by level: ``{sector: {level: n}}``."""
    if doc.ego is None:
        return {}
    counts: dict[str, dict[str, int]] = {}
    no_sector = QCoreApplication.translate("SectorLevelChart", "(no sector)")
    for community, level in communities_of(doc, doc.ego.id, members_only=members_only).items():
        node = doc.node(community)
        sector = (node.sector if isinstance(node, CommunityNode) else None) or no_sector
        by_level = counts.setdefault(sector, {})
        by_level[level.value] = by_level.get(level.value, 0) + 1
    return dict(sorted(counts.items()))

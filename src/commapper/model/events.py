"""Change events a document announces, so that views can redraw only what changed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentChanged:
    """What one edit changed, by id. ``map_fields`` names changed title, description or views."""

    nodes_added: frozenset[str] = frozenset()
    nodes_removed: frozenset[str] = frozenset()
    nodes_changed: frozenset[str] = frozenset()
    nodes_moved: frozenset[str] = frozenset()
    edges_added: frozenset[str] = frozenset()
    edges_removed: frozenset[str] = frozenset()
    edges_changed: frozenset[str] = frozenset()
    map_fields: frozenset[str] = frozenset()

    @property
    def structure_changed(self) -> bool:
        """Whether nodes or edges came or went (the graph's shape changed)."""
        return bool(
            self.nodes_added or self.nodes_removed or self.edges_added or self.edges_removed
        )

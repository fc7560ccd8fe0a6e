"""The ids selected in one window, shared by the canvas, the inspector and the tables."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Selected node and edge ids, in the order they were selected.

    Every view that shows a selection reads it from here and writes it here, so selecting in
    the table selects on the canvas and shows in the inspector. Views that echo a change back
    cause no loop: setting the same ids again announces nothing.
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._ids: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        return self._ids

    def set(self, ids: Iterable[str]) -> None:
        new_ids = tuple(dict.fromkeys(ids))
        if new_ids != self._ids:
            self._ids = new_ids
            self.changed.emit()

    def clear(self) -> None:
        self.set(())

    def discard(self, gone: Iterable[str]) -> None:
        """Forget ids that no longer exist (their items were removed)."""
        gone = set(gone)
        if gone & set(self._ids):
            self.set(item_id for item_id in self._ids if item_id not in gone)

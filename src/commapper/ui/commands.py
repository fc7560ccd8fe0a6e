"""Undo commands: each wraps one pure model edit and the inverse that ``apply_edit`` returned."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtGui import QUndoCommand

from commapper.model import (
    Batch,
    Edit,
    InsertItems,
    MapDocument,
    MoveNodes,
    UpdateItem,
    apply_edit,
)

# Qt merges only commands that share an id; ours also compare a key (which item, which fields).
MERGEABLE = 1


def touched_ids(edit: Edit) -> frozenset[str] | None:
    """The items a field edit or move changes; None for edits that never merge."""
    match edit:
        case UpdateItem():
            return frozenset({edit.item_id})
        case MoveNodes():
            return frozenset(edit.positions)
        case Batch():
            ids: set[str] = set()
            for part in edit.edits:
                touched = touched_ids(part)
                if touched is None:
                    return None
                ids |= touched
            return frozenset(ids)
    return None


class EditCommand(QUndoCommand):
    """One user gesture as an undo step.

    The edit is applied before the command is pushed (so a refused edit never reaches the
    stack), hence the first ``redo`` that ``QUndoStack.push`` calls does nothing.

    ``merge_key`` lets consecutive commands of one gesture collapse into one step: typing in a
    field (the key names the item and fields) or nudging a selection with the arrow keys.
    """

    def __init__(
        self,
        doc: MapDocument,
        edit: Edit,
        inverse: Edit,
        text: str,
        merge_key: Hashable | None = None,
    ) -> None:
        super().__init__(text)
        self.doc, self.edit, self.inverse = doc, edit, inverse
        self.merge_key = merge_key
        # What the step switched in the window, as it was before and after (the landscape's
        # guides, switched by a layout), set back as it is undone and redone.
        self.view_states: dict[str, tuple[object, object]] = {}
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.inverse = apply_edit(self.doc, self.edit)

    def undo(self) -> None:
        self.edit = apply_edit(self.doc, self.inverse)

    def id(self) -> int:
        return MERGEABLE if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        if isinstance(self.edit, InsertItems) and isinstance(other.edit, UpdateItem):
            # A node named right after it was added: redo inserts it as it is now, and undo
            # still removes it.
            inserted = tuple((index, self.doc.node(node.id)) for index, node in self.edit.nodes)
            self.edit = InsertItems(nodes=inserted, edges=self.edit.edges)
            return True
        # Only edits of exactly the same items collapse: our inverse must restore all of them.
        if touched_ids(other.edit) != touched_ids(self.edit):
            return False
        # Both touch the same fields of the same items: undoing restores our old values, redoing
        # sets the newest ones.
        self.edit = other.edit
        return True

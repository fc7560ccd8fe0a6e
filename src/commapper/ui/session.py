"""One open map: its document, its file and its undo stack, announced to views as Qt signals."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from commapper.io import MapFileError, load_map, save_map
from commapper.model import (
    Batch,
    DocumentChanged,
    Edit,
    EditError,
    InsertItems,
    MapDocument,
    RemoveItems,
    UpdateMap,
    apply_edit,
    printable,
    utc_now,
)
from commapper.ui.commands import EditCommand
from commapper.ui.selection import Selection


class MapSession(QObject):
    """The document of one window, the file it came from, and every edit made to it.

    Views subscribe to ``document_changed``; they never keep their own copy of the data. All
    user edits go through :meth:`edit`, which makes them undoable.
    """

    document_changed = Signal(object)  # DocumentChanged
    file_state_changed = Signal()  # the path, the title or the unsaved mark changed
    edit_refused = Signal(str)  # an edit broke a rule of the map; the text says which

    def __init__(self, doc: MapDocument | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.doc = doc if doc is not None else MapDocument.new()
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.selection = Selection()
        self.undo_stack.cleanChanged.connect(self.file_state_changed)
        # A dying undo stack announces that it is clean; by then this session's Python half may
        # be gone, and PySide would crash delivering it. Silence the stack first.
        stack = self.undo_stack
        self.destroyed.connect(lambda: stack.blockSignals(True))
        self.doc.subscribe(self._announce)

    def _announce(self, change: DocumentChanged) -> None:
        self.selection.discard(change.nodes_removed | change.edges_removed)
        self.document_changed.emit(change)
        if "title" in change.map_fields:
            self.file_state_changed.emit()

    # -- editing ---------------------------------------------------------------------------------

    def edit(self, edit: Edit, text: str, merge_key: Hashable | None = None) -> bool:
        """Apply ``edit`` as one undo step labelled ``text``; False (and a message) if refused.

        The label may quote the user's text ("Delete <label>"); it is shown on one line (in
        the History and the Edit menu), so control characters in it are made visible.
        """
        try:
            inverse = apply_edit(self.doc, edit)
        except EditError as error:
            self.edit_refused.emit(str(error))
            return False
        self.undo_stack.push(EditCommand(self.doc, edit, inverse, printable(text), merge_key))
        return True

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else (self.doc.title.strip() or self.tr("Untitled"))

    # -- files -----------------------------------------------------------------------------------

    def save(self, path: Path | None = None, *, replace_read_only: bool = False) -> None:
        """Save to ``path`` (or the current file) atomically and mark the document clean.

        Raises
        ------
        ReadOnlyFileError
            If the file is read-only and ``replace_read_only`` is False (ask the user first).
        MapFileError
            If the file could not be written; the previous file is then intact and the document
            stays marked unsaved.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("an untitled map needs a path to be saved to")
        previous_modified = self.doc.modified
        # A file stamp, not an edit: it is not undoable and no view shows it.
        self.doc.modified = utc_now()
        try:
            save_map(self.doc, target, replace_read_only=replace_read_only)
        except MapFileError:
            self.doc.modified = previous_modified
            raise
        self.path = target
        self.undo_stack.setClean()
        self.file_state_changed.emit()

    def replace_content(self, source: MapDocument, path: Path | None) -> None:
        """Show ``source`` in this session (open into an empty window, revert, recover).

        The edit history is dropped: after this the document is what the file holds.
        """
        self.undo_stack.clear()
        replace = Batch(
            (
                RemoveItems(frozenset(item.id for item in (*self.doc.nodes, *self.doc.edges))),
                InsertItems(
                    nodes=tuple(enumerate(source.nodes)), edges=tuple(enumerate(source.edges))
                ),
                UpdateMap(
                    {
                        "title": source.title,
                        "description": source.description,
                        "created": source.created,
                        "modified": source.modified,
                        "views": source.views,
                    }
                ),
            )
        )
        apply_edit(self.doc, replace)
        self.path = path
        self.undo_stack.setClean()
        self.file_state_changed.emit()

    def revert(self) -> None:
        """Reload the file from disk, dropping unsaved changes.

        Raises
        ------
        MapFileError
            If the file can no longer be read; the document is then unchanged.
        """
        if self.path is None:
            return
        self.replace_content(load_map(self.path), self.path)

"""The file commands of a window: new, open, save, revert, recent files, changes on disk, drops.

A mixin of :class:`commapper.ui.shell.main_window.MainWindow`, kept apart because files are one idea
and laying out a window is another. It uses the window's ``session``, ``watcher``, ``recent``
and ``show_map``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from commapper import APP_NAME
from commapper.io import FILE_SUFFIX, MapFileError, ReadOnlyFileError, load_map, resolved
from commapper.layout import place_unplaced
from commapper.model import MapDocument, MoveNodes, apply_edit, printable
from commapper.resources import is_example
from commapper.ui.plain_text import plain_markup
from commapper.ui.session import MapSession

if TYPE_CHECKING:
    from commapper.ui.shell.main_window import MainWindow

FILE_FILTER = f"Commapper maps (*{FILE_SUFFIX});;All files (*)"


def open_document(path: Path) -> MapDocument:
    """Load a map for editing, placing any nodes the file left without coordinates.

    Raises
    ------
    MapFileError
        If the file cannot be read; its lines say why.
    """
    doc = load_map(path)
    positions = place_unplaced(doc)
    if positions:
        apply_edit(doc, MoveNodes.tidied(positions))
    return doc


class FileCommands:
    """New, Open, Save, Save As, Revert, Open Recent, drops, and the file changing on disk."""

    # -- files -----------------------------------------------------------------------------------

    def new_map(self) -> None:
        if self.is_pristine:
            self.show_map()
            return
        window = type(self)()
        window.move(self.pos() + QPoint(40, 40))  # beside this one, not hidden under it
        window.show()

    def open_map(self) -> None:
        start = str(self.session.path.parent) if self.session.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Open Map", start, FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> MainWindow | None:
        """Open a map: in this window when it is pristine, else in a new one (or the one that
        already shows it)."""
        path = resolved(path)  # a link that leads back to itself is refused below, not here
        for window in type(self).windows:
            if window.session.path is not None and resolved(window.session.path) == path:
                window.raise_()
                window.activateWindow()
                return window
        try:
            doc = open_document(path)
        except MapFileError as error:
            self.show_file_error(f"Cannot open {path.name}", error)
            type(self).recent.remove(path)
            return None
        # A bundled example opens as an untitled copy: saving asks where, and never overwrites it.
        file = None if is_example(path) else path
        if self.is_pristine:
            self.session.replace_content(doc, file)
            if file is not None:
                self.watcher.watch(file)
            window = self
        else:
            window = type(self)(MapSession(doc, file))  # which watches its file itself
            window.show()
        if file is not None:
            type(self).recent.add(file)
        window.show_map()
        return window

    def show_file_error(self, heading: str, error: MapFileError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, heading, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        # The problems quote values from the file: shown as typed, never as markup.
        box.setInformativeText(plain_markup("\n".join(error.lines())))
        box.exec()

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        suggested = self.session.path or Path.home() / (
            (self.session.doc.title.strip() or "My landscape") + FILE_SUFFIX
        )
        name, _ = QFileDialog.getSaveFileName(self, "Save Map As", str(suggested), FILE_FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix != FILE_SUFFIX:
            path = path.with_name(path.name + FILE_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path, replace_read_only: bool = False) -> bool:
        same_file = path == self.session.path
        try:
            self.session.save(path, replace_read_only=replace_read_only)
        except ReadOnlyFileError:
            answer = self.ask(
                f"{printable(path.name)} is read-only. Save anyway?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            return answer == QMessageBox.StandardButton.Save and self._save_to(path, True)
        except MapFileError as error:
            self.show_file_error("The map was not saved", error)
            return False
        if same_file:
            self.watcher.note_own_save()
        else:
            self.watcher.watch(path)
        type(self).recent.add(path)
        self.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def revert(self) -> None:
        if self.session.path is None:
            return
        answer = self.ask(
            f"Discard your changes and reload {self.session.display_name}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.session.revert()
        except MapFileError as error:
            self.show_file_error("Cannot reload the map", error)

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False means the user chose to stay."""
        if not self.session.is_modified:
            return True
        answer = self.ask(
            f"Save the changes to {self.session.display_name} before closing?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask(self, question: str, buttons, default) -> QMessageBox.StandardButton:
        """A question with the file's name in it, shown as plain text (never as markup)."""
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, question, buttons, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(default)
        return QMessageBox.StandardButton(box.exec())

    # -- recent files ----------------------------------------------------------------------------

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = type(self).recent.paths()
        for path in paths:
            self.recent_menu.addAction(path.name, lambda p=path: self.open_path(p))
        if not paths:
            self.recent_menu.addAction("No recent maps").setEnabled(False)

    def _file_changed_on_disk(self, path: Path) -> None:
        if not path.exists():
            self.statusBar().showMessage(
                f"{path.name} was moved or deleted by another program; save to keep this map.",
                15000,
            )
            self.session.undo_stack.resetClean()
            return
        if self.session.is_modified:
            text = (
                f"{path.name} was changed by another program. Reload it and lose your "
                "unsaved changes, or keep editing (saving will replace the other version)?"
            )
        else:
            text = f"{path.name} was changed by another program. Reload it?"
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        reload_button = box.addButton("Reload", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep Mine", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is reload_button:
            try:
                self.session.revert()
            except MapFileError as error:
                self.show_file_error("Cannot reload the map", error)

    # -- drag and drop ---------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(Path(url.toLocalFile()))
        event.acceptProposedAction()

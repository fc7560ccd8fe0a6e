"""The file commands of a window: new, open, save, revert, the file changing on disk.

A part of :class:`commapper.ui.shell.main_window.MainWindow` (its ``files``), kept apart because
files are one idea and laying out a window is another. It uses the window's ``session``,
``watcher`` and ``show_map``, and the application's windows and recent files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from commapper import APP_NAME
from commapper.io import FILE_SUFFIX, MapFileError, ReadOnlyFileError, load_map, resolved
from commapper.layout import place_unplaced
from commapper.model import MapDocument, MoveNodes, apply_edit, printable
from commapper.resources import is_example
from commapper.ui.files.opening import SHOW_PROGRESS_AFTER, MapOpening
from commapper.ui.message_box import plain_box
from commapper.ui.progress import Cancelled
from commapper.ui.session import MapSession
from commapper.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from commapper.ui.shell.application import CommapperApp
    from commapper.ui.shell.main_window import MainWindow

FILE_FILTER = QT_TRANSLATE_NOOP("FileCommands", "Commapper maps (*{suffix});;All files (*)")
# At most this many nodes and edges are opened into a pristine window itself (see _show).
REUSE_WINDOW_UP_TO = 2_000


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


class FileCommands(QObject):
    """New, Open, Save, Save As, Revert and the file changing on disk, for one window.

    Made by the window, which it is a child of; a new map opens in a new window of ``app``.
    """

    def __init__(self, window: MainWindow, app: CommapperApp) -> None:
        super().__init__(window)
        self.window = window
        self.app = app
        # Seconds an open may take before it shows a progress dialog (tests shorten it).
        self.progress_after = SHOW_PROGRESS_AFTER
        window.watcher.changed_on_disk.connect(self._file_changed_on_disk)

    @property
    def session(self) -> MapSession:
        """The window's session (replaced when a file opens into a pristine window)."""
        return self.window.session

    # -- files -----------------------------------------------------------------------------------

    def new_map(self) -> None:
        if self.window.is_pristine:
            self.window.show_map()
            return
        window = self.app.new_window()
        window.move(self.window.pos() + QPoint(40, 40))  # beside this one, not hidden under it
        window.show()

    def open_map(self) -> None:
        start = str(self.session.path.parent) if self.session.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open Map"), start, self._file_filter()
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> MainWindow | None:
        """Open a map: in this window when it is pristine, else in a new one (or the one that
        already shows it). An open that takes a while shows its progress; None if it was
        cancelled or failed, with everything as it was."""
        path = resolved(path)  # a link that leads back to itself is refused below, not here
        showing = self.app.window_showing(path)
        if showing is not None:
            showing.raise_()
            showing.activateWindow()
            return showing
        opening = MapOpening(self.window, path, self.progress_after)
        try:
            doc = opening.read(open_document)
            # A bundled example opens as an untitled copy: saving asks where, and never
            # overwrites it.
            return self._show(doc, None if is_example(path) else path, opening)
        except Cancelled:
            return None
        except MapFileError as error:
            opening.finish()  # the message takes its place
            self.show_file_error(self.tr("Cannot open {file}").format(file=path.name), error)
            self.app.recent.remove(path)
            return None
        finally:
            opening.finish()

    def _show(self, doc: MapDocument, file: Path | None, opening: MapOpening) -> MainWindow:
        """Show ``doc`` (read from ``file``) in this window if it is pristine, else in a new one.

        A large map is built in a new window even then, which takes the pristine one's place:
        only a new window's canvas is built in steps that can be cancelled.

        Raises
        ------
        Cancelled
            If the user cancelled while the new window was made; nothing is left of it.
        """
        pristine = self.window.is_pristine
        if pristine and len(doc.nodes) + len(doc.edges) <= REUSE_WINDOW_UP_TO:
            self.session.replace_content(doc, file)
            if file is not None:
                self.window.watcher.watch(file)
            window = self.window
            window.show_map()
        else:
            # A new window watches its file itself, and shows its map already; its view fits
            # the map again as the window shows (fitting a large map once more cost seconds).
            window = opening.build(lambda: self.app.new_window(MapSession(doc, file)))
            if pristine:  # the new window takes its place
                window.restoreGeometry(self.window.saveGeometry())
            opening.finish()
            window.show()
            if pristine:
                self.window.close()
        if file is not None:
            self.app.recent.add(file)
        return window

    def show_file_error(self, heading: str, error: MapFileError) -> None:
        # The problems quote values from the file: shown as typed, never as markup.
        detail = "\n".join(error.lines())
        plain_box(QMessageBox.Icon.Warning, APP_NAME, heading, detail, self.window).exec()

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        suggested = self.session.path or Path.home() / (
            (self.session.doc.title.strip() or self.tr("My landscape")) + FILE_SUFFIX
        )
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save Map As"), str(suggested), self._file_filter()
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix != FILE_SUFFIX:
            path = path.with_name(path.name + FILE_SUFFIX)
        return self._save_to(path)

    def _file_filter(self) -> str:
        return self.tr(FILE_FILTER).format(suffix=FILE_SUFFIX)

    def _save_to(self, path: Path, replace_read_only: bool = False) -> bool:
        same_file = path == self.session.path
        try:
            self.session.save(path, replace_read_only=replace_read_only)
        except ReadOnlyFileError:
            answer = self.ask(
                self.tr("{file} is read-only. Save anyway?").format(file=printable(path.name)),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            return answer == QMessageBox.StandardButton.Save and self._save_to(path, True)
        except MapFileError as error:
            self.show_file_error(self.tr("The map was not saved"), error)
            return False
        if same_file:
            self.window.watcher.note_own_save()
        else:
            self.window.watcher.watch(path)
        self.app.recent.add(path)
        self.window.statusBar().showMessage(self.tr("Saved {file}").format(file=path.name), 4000)
        return True

    def revert(self) -> None:
        if self.session.path is None:
            return
        answer = self.ask(
            self.tr("Discard your changes and reload {file}?").format(
                file=self.session.display_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.session.revert()
        except MapFileError as error:
            self.show_file_error(self.tr("Cannot reload the map"), error)

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False means the user chose to stay."""
        if not self.session.is_modified:
            return True
        answer = self.ask(
            self.tr("Save the changes to {file} before closing?").format(
                file=self.session.display_name
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def ask(
        self,
        question: str,
        buttons: QMessageBox.StandardButton,
        default: QMessageBox.StandardButton,
    ) -> QMessageBox.StandardButton:
        """A question with the file's name in it, shown as plain text (never as markup)."""
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, question, buttons, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(default)
        return QMessageBox.StandardButton(box.exec())

    # -- the file changing on disk ---------------------------------------------------------------

    def _file_changed_on_disk(self, path: Path) -> None:
        if not path.exists():
            text = self.tr("{file} was moved or deleted by another program; save to keep this map.")
            self.window.statusBar().showMessage(text.format(file=path.name), 15000)
            self.session.undo_stack.resetClean()
            return
        if self.session.is_modified:
            text = self.tr(
                "{file} was changed by another program. Reload it and lose your unsaved changes, "
                "or keep editing (saving will replace the other version)?"
            )
        else:
            text = self.tr("{file} was changed by another program. Reload it?")
        text = text.format(file=path.name)
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, text, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep Mine"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is reload_button:
            try:
                self.session.revert()
            except MapFileError as error:
                self.show_file_error(self.tr("Cannot reload the map"), error)

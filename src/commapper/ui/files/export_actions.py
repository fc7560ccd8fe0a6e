"""The File menu's ways to take a map elsewhere and to bring another tool's graph in: Export…
(pictures and other tools' formats), Print…, Print Preview…, Export Report…, Import… and Share a
Copy….

A part of the main window (its ``exports``), made by :func:`add_export_actions`. Each action asks
for what it needs in a dialog, then calls a method that does the work with no dialog
(:meth:`ExportActions.export_to`, :meth:`ExportActions.import_from`...), which is what tests and
other code call. Errors (a folder that cannot be written, a broken or hostile file) are shown
in a message naming the file; nothing of the map is lost by them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
)

from commapper import APP_NAME
from commapper.io import FILE_SUFFIX, MapFileError
from commapper.layout import place_unplaced
from commapper.model import MapDocument, MoveNodes, apply_edit, printable
from commapper.ui.export.choices import ExportError, OverlayChoice
from commapper.ui.export.dialogs import (
    PictureOptions,
    PictureOptionsDialog,
    ShareDialog,
    default_page,
)
from commapper.ui.export.picture import PICTURE_FORMATS, SCREEN_DPI, MapPicture, export_picture
from commapper.ui.message_box import plain_box
from commapper.ui.session import MapSession
from commapper.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from commapper.ui.shell.main_window import MainWindow

# The formats File > Export offers, with their file-dialog filters (translated where shown).
PICTURE_FILTERS = {
    "png": QT_TRANSLATE_NOOP("ExportActions", "PNG image (*.png)"),
    "svg": QT_TRANSLATE_NOOP("ExportActions", "SVG drawing (*.svg)"),
    "pdf": QT_TRANSLATE_NOOP("ExportActions", "PDF document (*.pdf)"),
}
DATA_FILTERS = {
    "graphml": QT_TRANSLATE_NOOP("ExportActions", "GraphML: Gephi, yEd, Cytoscape (*.graphml)"),
    "gexf": QT_TRANSLATE_NOOP("ExportActions", "GEXF: Gephi (*.gexf)"),
    "csv": QT_TRANSLATE_NOOP("ExportActions", "CSV: a nodes file and an edges file (*.csv)"),
    "kumu": QT_TRANSLATE_NOOP("ExportActions", "Kumu JSON (*.json)"),
}


class ExportActions(QObject):
    """Export, print, report, import and share for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.export_action = self._action(
            self.tr("&Export…"),
            self.export_map,
            self.tr("Save the map as a picture or for another tool"),
        )
        self.export_action.setShortcut("Ctrl+Shift+E")  # Ctrl+E is Connect Mode
        self.print_action = self._action(
            self.tr("&Print…"), self.print_map, self.tr("Print the map")
        )
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.preview_action = self._action(
            self.tr("Print Pre&view…"), self.preview_map, self.tr("See the printed page first")
        )
        self.report_action = self._action(
            self.tr("Export &Report…"),
            self.export_report,
            self.tr("A PDF report: the map, its figures and charts, and what stands out"),
        )
        self.import_action = self._action(
            self.tr("&Import…"),
            self.import_map,
            self.tr("Open a GraphML, GEXF, CSV or Kumu file as a new map"),
        )
        self.share_action = self._action(
            self.tr("S&hare a Copy…"),
            self.share_copy,
            self.tr("Save a copy to share: whole, with pseudonyms for people, or without people"),
        )
        # The welcome screen shows no map: nothing to export, print or share (Import stays).
        window.stack.currentChanged.connect(self._follow_screen)
        self._follow_screen()

    def _follow_screen(self) -> None:
        showing_map = self.window.stack.currentWidget() is not self.window.welcome
        for action in self.actions:
            if action is not self.import_action:
                action.setEnabled(showing_map)

    def _action(self, text: str, slot: object, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    @property
    def actions(self) -> list[QAction]:
        return [
            self.import_action,
            self.export_action,
            self.share_action,
            self.report_action,
            self.preview_action,
            self.print_action,
        ]

    @property
    def doc(self) -> MapDocument:
        return self.window.session.doc

    def _suggested(self, suffix: str, extra: str = "") -> str:
        """A file name beside the map's own, after its title."""
        session = self.window.session
        folder = session.path.parent if session.path is not None else Path.home()
        stem = session.path.stem if session.path is not None else ""
        stem = stem or self.doc.title.strip() or self.tr("My landscape")
        for bad in '/\\:*?"<>|':
            stem = stem.replace(bad, " ")
        return str(folder / f"{stem}{extra}{suffix}")

    def _overlay_choice(self) -> OverlayChoice:
        return OverlayChoice.of(self.window.analysis.overlays)

    def _picture(self, theme: str) -> MapPicture:
        """The map as the canvas shows it (its overlays), in ``theme``."""
        return MapPicture(
            self.doc,
            theme=theme,
            overlays=self._overlay_choice(),
            result=self.window.analysis.overlays.result,
        )

    # -- export ----------------------------------------------------------------------------------

    def export_map(self) -> None:
        filters = {**PICTURE_FILTERS, **DATA_FILTERS}
        shown = [self.tr(text) for text in filters.values()]
        name, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Map"), self._suggested(".png"), ";;".join(shown)
        )
        if not name:
            return
        fmt = list(filters)[shown.index(chosen)] if chosen in shown else ""
        path = Path(name)
        fmt = _format_of(path) or fmt or "png"
        path = _with_suffix(path, fmt)
        options = PictureOptions()
        if fmt in PICTURE_FORMATS:
            dialog = PictureOptionsDialog(fmt, self.names_hidden_at_first(), self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        self.export_to(path, fmt, options)

    def names_hidden_at_first(self) -> bool:
        """Whether a picture hides people's names unless the user says otherwise: as the
        presentation does now if it is showing, else as it would start (hidden on a room
        map, which a room should see without who drew what)."""
        from commapper.workshop.room_analysis import is_room_map

        presentation = self.window.presentation
        if presentation is not None:
            return presentation.names_hidden
        return is_room_map(self.doc)

    def export_to(self, path: Path, fmt: str, options: PictureOptions | None = None) -> list[Path]:
        """Write the map to ``path`` as ``fmt`` (a picture or another tool's format); the files
        written, or none after showing why."""
        options = options or PictureOptions()
        try:
            if fmt in PICTURE_FORMATS:
                written = [
                    export_picture(
                        self.doc,
                        path,
                        fmt,
                        theme=options.theme,
                        scale=options.scale,
                        overlays=self._overlay_choice(),
                        result=self.window.analysis.overlays.result,
                        names_as=self.window.pseudonyms.label if options.hide_names else None,
                    )
                ]
            else:
                from commapper.io.exchange import write_exchange

                written = write_exchange(self.doc, path, fmt)
        except ExportError as error:
            self._warn(self.tr("Cannot export the map"), str(error))
            return []
        except MapFileError as error:
            self._warn(self.tr("Cannot export the map"), "\n".join(error.lines()))
            return []
        names = ", ".join(printable(str(p)) for p in written)
        self.window.show_status(self.tr("Exported to {files}").format(files=names), 8000)
        return written

    # -- print -----------------------------------------------------------------------------------

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.doc.title or APP_NAME)
        size = self._picture("light").size()
        landscape = size.width() > size.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        return printer

    def print_map(self) -> None:
        printer = self._printer()
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Print Map"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def preview_map(self) -> None:
        printer = self._printer()
        preview = QPrintPreviewDialog(printer, self.window)
        preview.setWindowTitle(self.tr("Print Preview"))
        preview.paintRequested.connect(self.print_to)
        preview.exec()

    def print_to(self, printer: QPrinter, theme: str = "light") -> None:
        """Print the map on one page of ``printer`` (light unless told: it is for paper)."""
        # At the canvas's 96 dpi the map is drawn as vectors (see MapPicture.print_on); a
        # printer that keeps its own resolution gets a picture as sharp as it prints.
        printer.setResolution(round(SCREEN_DPI))
        self._picture(theme).print_on(printer)

    # -- report ----------------------------------------------------------------------------------

    def export_report(self) -> None:
        filters = [self.tr("PDF document (*.pdf)")]
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export Report"),
            self._suggested(".pdf", self.tr(" report")),
            ";;".join(filters),
        )
        if name:
            self.report_to(_with_suffix(Path(name), "pdf"), default_page())

    def report_to(self, path: Path, page: str = "a4") -> Path | None:
        """Write the map's PDF report to ``path`` on ``page`` (a4 or letter) paper, people's
        names hidden on a room map (see :mod:`commapper.ui.export.report`); None after showing
        why it could not be."""
        from commapper.ui.export.report import write_report

        try:
            written = write_report(
                self.doc,
                path,
                page=page,
                overlays=self._overlay_choice(),
            )
        except ExportError as error:
            self._warn(self.tr("Cannot export the report"), str(error))
            return None
        self.window.show_status(
            self.tr("Report saved to {file}").format(file=printable(str(written))), 8000
        )
        return written

    # -- import ----------------------------------------------------------------------------------

    def import_map(self) -> None:
        filters = [self.tr(text) for fmt, text in DATA_FILTERS.items()]
        every = self.tr("Graphs of other tools (*.graphml *.gexf *.csv *.json)")
        start = (
            str(self.window.session.path.parent) if self.window.session.path else str(Path.home())
        )
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import"), start, ";;".join([every, *filters])
        )
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path, fmt: str | None = None) -> MainWindow | None:
        """Read another tool's file into a new, unsaved map: in this window if it is pristine,
        else in a new one. None, after showing why, if the file cannot be read."""
        from commapper.io.exchange import import_exchange

        try:
            imported = import_exchange(path, fmt)
        except MapFileError as error:
            self._warn(
                self.tr("Cannot import {file}").format(file=printable(path.name)),
                "\n".join(error.lines()),
            )
            return None
        doc = imported.document
        if positions := place_unplaced(doc):
            apply_edit(doc, MoveNodes.tidied(positions))
        if not doc.title:
            doc.title = path.stem
        if self.window.is_pristine:
            window = self.window
            window.session.replace_content(doc, None)
            window.show_map()
        else:
            window = self.window.app.new_window(MapSession(doc))
            window.show()
        # Not saved anywhere yet: closing asks, as for any unsaved change.
        window.session.undo_stack.resetClean()
        notes = "; ".join(imported.notes)
        window.show_status(
            self.tr("Imported {file}").format(file=printable(path.name))
            + (f" ({printable(notes)})" if notes else ""),
            10000,
        )
        return window

    # -- share -----------------------------------------------------------------------------------

    def share_copy(self) -> None:
        dialog = ShareDialog(self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        level = dialog.level()
        extra = {"full": "", "pseudonymised": self.tr(" (pseudonymised)"),
                 "communities": self.tr(" (communities only)")}[level]  # fmt: skip
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Share a Copy"),
            self._suggested(FILE_SUFFIX, extra),
            self.tr("Commapper maps (*{suffix})").format(suffix=FILE_SUFFIX),
        )
        if name:
            self.share_to(_with_suffix(Path(name), FILE_SUFFIX.lstrip(".")), level)

    def share_to(self, path: Path, level: str) -> list[Path]:
        """Save a copy of the map at ``level`` (full, pseudonymised, communities) to ``path``,
        and for a pseudonymised copy the key beside it; the files written, said in a message."""
        from commapper.io.exchange import write_exchange
        from commapper.io.safe_copy import key_path, safe_copy, write_key

        try:
            copy, key = safe_copy(self.doc, level)
            written = write_exchange(copy, path, "commap")
            if key is not None:
                written.append(write_key(key, key_path(path)))
        except MapFileError as error:
            self._warn(self.tr("Cannot share a copy"), "\n".join(error.lines()))
            return []
        text = self.tr("The copy is saved as {file}.").format(file=written[0])
        if len(written) > 1:
            text += "\n\n" + self.tr(
                "The key that turns the pseudonyms back into names is {key}. Keep it to "
                "yourself: do not send it with the copy."
            ).format(key=written[1])
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        self.last_message = box
        return written

    def _warn(self, heading: str, detail: str) -> None:
        """A warning: ``heading``, then ``detail`` (which quotes files and values), both shown
        as typed."""
        box = plain_box(QMessageBox.Icon.Warning, APP_NAME, heading, detail, self.window)
        box.open()
        self.last_message = box


def _format_of(path: Path) -> str:
    """The export format a file's suffix names, or "" (``.json`` is Kumu's)."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix in PICTURE_FORMATS or suffix in ("graphml", "gexf", "csv"):
        return suffix
    return "kumu" if suffix == "json" else ""


def _with_suffix(path: Path, fmt: str) -> Path:
    suffix = ".json" if fmt == "kumu" else f".{fmt}"
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def add_export_actions(window: MainWindow, file_menu: QMenu) -> ExportActions:
    """Add Import…, Export…, Share a Copy…, Export Report…, Print Preview… and Print… to
    ``file_menu`` (at its end, after a separator)."""
    exports = ExportActions(window)
    file_menu.addSeparator()
    file_menu.addActions(exports.actions[:4])
    file_menu.addSeparator()
    file_menu.addActions(exports.actions[4:])
    return exports

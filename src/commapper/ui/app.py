"""Starting the Qt application: on a map file, or on the welcome screen."""

from __future__ import annotations

import ctypes
import linecache
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from commapper import APP_ID, APP_NAME, __version__
from commapper.resources import ICON_SIZES, ICONS_DIR
from commapper.ui.translations import install_translations

if TYPE_CHECKING:
    from commapper.ui.shell.application import CommapperApp
    from commapper.ui.shell.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named once so settings and recovery folders land in one place, and
    speaking the user's language when Commapper has a translation for it."""
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setOrganizationDomain("commapper.org")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")  # the same look on every OS; it follows the system's light or dark
    install_translations(app)
    app.aboutToQuit.connect(release_clipboard)
    return app


def app_icon() -> QIcon:
    """The app's icon at every size it is drawn at (packaging/render_icons.py renders them)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(ICONS_DIR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    return icon


def release_clipboard() -> None:
    """Leave copied map items on the clipboard as plain text when the application ends.

    PySide6 crashes at exit while the clipboard still holds a QMimeData made in Python, so the
    items are handed back to Qt as text, which also keeps them pasteable in other programs.
    """
    clipboard = QApplication.clipboard()
    mime = clipboard.mimeData()
    if mime is not None and mime.formats() and not mime.hasImage():
        text = mime.text()
        clipboard.clear()
        if text:
            clipboard.setText(text)


# glibc's malloc.h: the size from which a buffer is mapped on its own, and unmapped when freed.
M_MMAP_THRESHOLD = -3
LARGE_BUFFER = 1 << 20


def give_back_large_buffers() -> bool:
    """Have glibc's malloc give large buffers back to the system as soon as they are freed: the
    canvas's pictures (about 10 MB each) come and go with every edit of a room map. By default
    malloc raises its threshold to the largest buffer freed so far, and the pictures then came
    from the heap and stayed in it: 25-30 MB more after a minute of editing a 2,000-node map.
    Whether it could (not on macOS or Windows, nor on a Linux without glibc)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, LARGE_BUFFER))
    except (OSError, AttributeError):  # another C library
        return False


def run_app(
    file: str | None, commapper: CommapperApp | None = None, *, present: bool = False
) -> int:
    """Open a window on ``file`` (or the welcome screen) and run until the last one closes;
    ``present`` presents the map at once (F5), full screen, as for a room.

    ``commapper`` is the application object the windows share; made here unless given (tests
    give one on temporary folders).
    """
    give_back_large_buffers()
    app = create_application()
    from commapper.ui.shell.application import CommapperApp  # after the QApplication exists
    from commapper.ui.shell.diagnostics import install_exception_hook, log, start_logging

    start_logging()
    install_exception_hook()

    if commapper is None:
        commapper = CommapperApp()
    window = commapper.new_window(show_welcome=True)
    window.show()
    offer_recovery(window)
    if file:
        shown = window.files.open_path(Path(file))
        if present and shown is not None:
            shown.present()
    # Logged from the running event loop: the window is up and answering (tests wait for it).
    QTimer.singleShot(0, lambda: log.info("Ready: the event loop is running"))
    # The sources PySide6's import hook read (see cli._open_app) are needed no more; a
    # traceback reads its lines again.
    QTimer.singleShot(0, linecache.clearcache)
    return app.exec()


def offer_recovery(window: MainWindow) -> None:
    """After a crash, offer each map that was autosaved but never saved: recover or discard."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from commapper.io import MapFileError
    from commapper.ui.files.recovery import recover_into
    from commapper.ui.message_box import as_typed

    store = window.app.recovery_store
    for entry in store.pending():
        # The month's name in the user's language.
        written = (
            QLocale().toString(
                QDateTime.fromMSecsSinceEpoch(round(entry.written.timestamp() * 1000)),
                "dd MMM yyyy HH:mm",
            )
            if entry.written
            else "?"
        )
        box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, "", parent=window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if entry.damaged:
            text = QCoreApplication.translate(
                "RecoveryOffer", "An autosaved copy of {map} is damaged and cannot be recovered."
            )
            box.setText(text.format(map=entry.display_name))
            # It may quote the file ("<img ...>"): shown as typed.
            box.setInformativeText(entry.problem or "")
            box.addButton(
                QCoreApplication.translate("RecoveryOffer", "Discard"),
                QMessageBox.ButtonRole.DestructiveRole,
            )
            as_typed(box).exec()
            store.discard(entry)
            continue
        text = QCoreApplication.translate(
            "RecoveryOffer",
            "{app} did not close properly. Recover the unsaved changes to {map} (autosaved "
            "{written})?",
        )
        box.setText(text.format(app=APP_NAME, map=entry.display_name, written=written))
        recover = box.addButton(
            QCoreApplication.translate("RecoveryOffer", "Recover"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        discard = box.addButton(
            QCoreApplication.translate("RecoveryOffer", "Discard"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(
            QCoreApplication.translate("RecoveryOffer", "Ask Me Later"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.exec()
        if box.clickedButton() is recover:
            target = window if window.is_pristine else window.app.new_window()
            try:
                recover_into(target.session, entry)
            except MapFileError as error:
                heading = QCoreApplication.translate(
                    "RecoveryOffer", "The autosaved map could not be recovered"
                )
                target.files.show_file_error(heading, error)
                continue
            if entry.original_path is not None:
                target.watcher.watch(entry.original_path)
            target.autosaver.autosave_now()
            store.discard(entry)
            target.show()
            target.show_map()
        elif box.clickedButton() is discard:
            store.discard(entry)

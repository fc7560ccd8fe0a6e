"""The running Commapper: its open windows, the recent-files list and the recovery folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from commapper.io import resolved
from commapper.ui.files.recent import RecentFiles
from commapper.ui.files.recovery import RecoveryStore
from commapper.ui.session import MapSession
from commapper.ui.shell.main_window import MainWindow


class CommapperApp:
    """What every window of one running Commapper shares; made once by ``run_app``.

    Parameters
    ----------
    recent
        File > Open Recent; by default kept in the application's settings.
    recovery_store
        Where windows autosave; by default the application's recovery folder.

    Tests give both on temporary folders.
    """

    def __init__(
        self, recent: RecentFiles | None = None, recovery_store: RecoveryStore | None = None
    ) -> None:
        self.recent = recent if recent is not None else RecentFiles()
        self.recovery_store = recovery_store if recovery_store is not None else RecoveryStore()
        # The open windows, oldest first; each adds itself when made and leaves when it closes.
        self.windows: list[MainWindow] = []

    def new_window(
        self, session: MapSession | None = None, show_welcome: bool = False
    ) -> MainWindow:
        """A window on ``session`` (a new, empty map by default), not yet shown."""
        return MainWindow(self, session, show_welcome=show_welcome)

    def window_showing(self, path: Path) -> MainWindow | None:
        """The open window whose map is the file ``path`` (already resolved), if there is one."""
        for window in self.windows:
            if window.session.path is not None and resolved(window.session.path) == path:
                return window
        return None

    def quit(self) -> None:
        """Close every window, each asking about unsaved changes; stop if the user stays."""
        for window in list(self.windows):
            if not window.close():
                return
        QApplication.quit()
